package fi.kohtaamo.participation;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kohtaamo.identity.internal.UserQueries;
import fi.kohtaamo.participation.internal.observations.ObservationQueries;
import fi.kohtaamo.participation.internal.wishes.WishQueries;
import fi.kohtaamo.registry.OrganisationType;
import fi.kohtaamo.shared.Role;
import fi.kohtaamo.support.Fixtures;
import fi.kohtaamo.support.IntegrationTest;
import fi.kohtaamo.support.WebClient;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Joint planning days over HTTP on the real database: arranging one puts an event in the family calendar and a
 * PLANNING_DAY meeting in the area's working group (all or nothing, refused with a clear message without a working
 * group or with bad input); its page gathers the period's wishes, feedback, survey rounds and observations exactly as
 * their own pages show them (never a finer cut, no free texts); a decision answers the wishes it links, publicly
 * and audited; who may read and who may decide.
 */
@IntegrationTest
class PlanningDaysTest {

    static final String PASSWORD = "suunnittelun-salasana-1";
    static final String BASE = "/admin/participation/planning";

    @LocalServerPort int port;
    @Autowired Fixtures fx;
    @Autowired JdbcClient jdbc;
    @Autowired UserQueries users;
    @Autowired PasswordEncoder encoder;
    @Autowired WishQueries wishes;
    @Autowired ObservationQueries observations;

    long county, otherCounty, area, otherArea, org, org2, place, place2, otherPlace, group;
    String placeName, place2Name;
    WebClient areaCoordinator, countyCoordinator, staff, staff2, otherCoordinator, volunteer;

    @BeforeEach
    void world() {
        county = fx.county();
        otherCounty = fx.county();
        String m = fx.municipality(county);
        String m2 = fx.municipality(county);
        area = fx.area(county, m);
        otherArea = fx.area(county, m2);
        org = fx.organisation(OrganisationType.MLL_ASSOCIATION, null, county);
        org2 = fx.organisation(OrganisationType.PARISH, null, county);
        place = fx.openPlace(area, m, org);
        place2 = fx.openPlace(area, m, org);
        otherPlace = fx.openPlace(otherArea, m2, org2);
        placeName = name(place);
        place2Name = name(place2);
        // the area's working group (otherArea has none)
        jdbc.sql("""
                insert into coord_group (county_id, kind, name, language, scope_area_id, created_at, updated_at)
                values (:c, 'WORKING_GROUP', :n, 'fi', :a, current_timestamp, current_timestamp)""")
                .param("c", county).param("n", Fixtures.unique("Työryhmä")).param("a", area).update();
        group = jdbc.sql("select max(id) from coord_group").query(Long.class).single();
        jdbc.sql("insert into coord_group_area (group_id, area_id) values (:g, :a)").param("g", group).param("a", area)
                .update();
        areaCoordinator = login(Role.AREA_COORDINATOR, null, county, area, null);
        countyCoordinator = login(Role.COUNTY_COORDINATOR, null, county, null, null);
        staff = login(Role.PROVIDER_STAFF, org, county, null, null);
        staff2 = login(Role.PROVIDER_STAFF, org2, county, null, null);
        otherCoordinator = login(Role.COUNTY_COORDINATOR, null, otherCounty, null, null);
        volunteer = login(Role.VOLUNTEER, null, county, area, place);
    }

    String name(long p) {
        return jdbc.sql("select name_fi from place where id = :p").param("p", p).query(String.class).single();
    }

    WebClient login(Role role, Long orgId, Long countyId, Long areaId, Long placeId) {
        String email = Fixtures.unique("suunnittelu-" + role.name().toLowerCase()).replace(' ', '-') + "@example.fi";
        users.insert(email, "Suunnittelu " + role, encoder.encode(PASSWORD), role, orgId, countyId, areaId, placeId,
                "fi", true, false, Instant.now());
        WebClient web = new WebClient(port);
        assertThat(web.login(email, PASSWORD).header("Location")).endsWith("/admin");
        // the signed-in session's CSRF token
        web.get("/admin");
        return web;
    }

    Map<String, String> form(long placeId, String date) {
        Map<String, String> f = new HashMap<>();
        f.put("placeId", String.valueOf(placeId));
        f.put("planningAddress", "Kirjaston sali, Kauppakatu 1");
        f.put("planningDate", date);
        f.put("planningStart", "17:00");
        f.put("planningEnd", "19:30");
        f.put("descriptionFi", "Tule suunnittelemaan kevään ohjelmaa!");
        f.put("descriptionSv", "Kom och planera vårens program!");
        return f;
    }

    long arrange(WebClient web, Map<String, String> form) {
        web.get(BASE + "/new");
        var r = web.post(BASE, form);
        assertThat(r.status()).as(r.body()).isEqualTo(302);
        assertThat(r.header("Location")).contains(BASE + "/").endsWith("?created");
        return jdbc.sql("select max(id) from planning_day").query(Long.class).single();
    }

    long count(String sql, Object param) {
        return jdbc.sql(sql).param("p", param).query(Long.class).single();
    }

    /** What an attempt could have written anywhere. */
    List<Long> written() {
        return List.of(count("select count(*) from planning_day where county_id = :p", county),
                count("select count(*) from activity where place_id in (select id from place where area_id in "
                        + "(select id from area where county_id = :p))", county),
                count("select count(*) from coord_meeting where group_id in (select id from coord_group where "
                        + "county_id = :p)", county));
    }

    long audits(String action, String type, Object id) {
        return jdbc.sql("select count(*) from audit_log where action = :a and entity_type = :t and entity_id = :id")
                .param("a", action).param("t", type).param("id", String.valueOf(id)).query(Long.class).single();
    }

    long publishedWish(Long placeId, long areaId, String text) {
        long id = wishes.insert(county, areaId, placeId, text, Instant.parse("2026-10-01T10:00:00Z"));
        wishes.publish(id, 0, "Testi", Instant.parse("2026-10-02T10:00:00Z"));
        return id;
    }

    // ---- arranging -----------------------------------------------------------------------------

    @Test
    void arrangingPutsTheDayInTheFamilyCalendarAndAMeetingOfTheAreasWorkingGroup() {
        assertThat(areaCoordinator.get(BASE + "/new").body()).contains(placeName);
        long id = arrange(areaCoordinator, form(place, "2026-12-15"));
        var row = jdbc.sql("select * from planning_day where id = :id").param("id", id).query().singleRow();
        assertThat(((Number) row.get("area_id")).longValue()).isEqualTo(area);
        assertThat(((Number) row.get("county_id")).longValue()).isEqualTo(county);
        // no earlier planning day: the six months up to the day's month
        assertThat(row.get("period_from").toString()).isEqualTo("2026-07-01");
        assertThat(row.get("period_to").toString()).isEqualTo("2026-12-31");
        long activity = ((Number) row.get("activity_id")).longValue();
        long meeting = ((Number) row.get("meeting_id")).longValue();

        var a = jdbc.sql("select kind, place_id, published, schedule_kind, season_start from activity where id = :id")
                .param("id", activity).query().singleRow();
        assertThat(a.get("kind")).isEqualTo("EVENT");
        assertThat(((Number) a.get("place_id")).longValue()).isEqualTo(place);
        assertThat(a.get("published")).isEqualTo(true);
        assertThat(a.get("season_start").toString()).isEqualTo("2026-12-15");
        // families see it, in their languages, with the address
        WebClient family = new WebClient(port);
        String fi = family.get("/calendar/activities/" + activity).body();
        assertThat(fi).contains("Yhteinen suunnittelupäivä").contains("Kirjaston sali, Kauppakatu 1")
                .contains("Tule suunnittelemaan");
        assertThat(family.get("/calendar/activities/" + activity + "?lang=sv").body())
                .contains("Gemensam planeringsdag").contains("Kom och planera");
        assertThat(family.get("/calendar?place=" + place + "&date=2026-12-15&lang=fi").body())
                .contains("Yhteinen suunnittelupäivä");

        var m = jdbc.sql("select group_id, kind, starts_at, location from coord_meeting where id = :id")
                .param("id", meeting).query().singleRow();
        assertThat(((Number) m.get("group_id")).longValue()).isEqualTo(group);
        assertThat(m.get("kind")).isEqualTo("PLANNING_DAY");
        assertThat(m.get("location")).isEqualTo("Kirjaston sali, Kauppakatu 1");
        assertThat(jdbc.sql("select count(*) from coord_meeting where id = :id and starts_at = :s").param("id", meeting)
                .param("s", java.time.OffsetDateTime.parse("2026-12-15T15:00:00Z")).query(Long.class).single())
                .isEqualTo(1);
        assertThat(areaCoordinator.get("/admin/meetings/" + meeting).status()).isEqualTo(200);

        assertThat(audits("PLANNING_DAY_CREATE", "planning_day", id)).isEqualTo(1);
        assertThat(audits("ACTIVITY_CREATE", "activity", activity)).isEqualTo(1);
        assertThat(audits("COORDINATION_MEETING_CREATE", "coord_meeting", meeting)).isEqualTo(1);

        var page = areaCoordinator.get(BASE + "/" + id + "?created");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.html().select("a[href=/calendar/activities/" + activity + "?lang=fi]")).hasSize(1);
        assertThat(page.html().select("a[href=/admin/meetings/" + meeting + "]")).hasSize(1);
        assertThat(areaCoordinator.get(BASE).body()).contains("15.12.2026 17:00");

        // the next planning day of the area gathers since the month of this one
        long next = arrange(countyCoordinator, form(place2, "2027-03-10"));
        assertThat(jdbc.sql("select period_from from planning_day where id = :id").param("id", next)
                .query(LocalDate.class).single()).isEqualTo(LocalDate.of(2026, 12, 1));
    }

    @Test
    void badInputIsRefusedWithAClearMessageAndChangesNothing() {
        List<Long> before = written();
        Map<String, String> f = form(place, "");
        f.put("planningEnd", "16:00");
        var r = areaCoordinator.post(BASE, f);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("Päättymisajan pitää olla alkamisajan jälkeen");
        assertThat(r.html().select("#error-summary a[href=#f-planningDate]")).hasSize(1);

        f = form(place, "2026-12-15");
        f.put("descriptionFi", "Ilmoittaudu: matti.meikalainen@example.fi");
        assertThat(areaCoordinator.post(BASE, f).status()).isEqualTo(400);

        f = form(place, "2026-12-15");
        f.put("periodFrom", "2026-12");
        f.put("periodTo", "2026-01");
        assertThat(areaCoordinator.post(BASE, f).body()).contains("enintään 36 kuukautta");

        f = form(place, "2026-12-15");
        f.put("planningStart", "25:00");
        f.put("placeId", "abc");
        assertThat(areaCoordinator.post(BASE, f).status()).isEqualTo(400);

        // a place of an area without a working group: the county's coordinator is told to set one up first
        r = countyCoordinator.post(BASE, form(otherPlace, "2026-12-15"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("alueella ei ole kohtaamispaikkatoimijoiden työryhmää");
        // a place outside the area coordinator's area: refused as out of scope, telling nothing of that area's groups
        r = areaCoordinator.post(BASE, form(otherPlace, "2026-12-15"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.html().select(".field-error").text()).contains("Sinulla ei ole oikeutta tallentaa tietoa tähän.")
                .doesNotContain("työryhmää");
        assertThat(written()).isEqualTo(before);

        long id = arrange(areaCoordinator, form(place, "2026-12-15"));
        assertThat(areaCoordinator.get(BASE + "/" + id + "?from=2026-13").status()).isEqualTo(400);
        assertThat(areaCoordinator.get(BASE + "/" + id + "?from=2026-12&to=2026-01").status()).isEqualTo(400);
        assertThat(areaCoordinator.get(BASE + "/" + id + "?from=2020-01&to=2026-01").status()).isEqualTo(400);
        assertThat(areaCoordinator.get(BASE + "/abc").status()).isEqualTo(404);
        assertThat(areaCoordinator.get(BASE + "/" + id + "?from=2026-09&to=2026-11").status()).isEqualTo(200);
    }

    // ---- the page ---------------------------------------------------------------------------------

    void feedback(long placeId, String day, int face, int times, String text) {
        for (int i = 0; i < times; i++) {
            jdbc.sql("""
                    insert into feedback (place_id, answered_on, face, best_text, seen_at)
                    values (:p, :d, :f, :t, current_timestamp)""").param("p", placeId).param("d", LocalDate.parse(day))
                    .param("f", face).param("t", text).update();
        }
    }

    long survey(String title, String opens, String closes, long... places) {
        jdbc.sql("""
                insert into survey (county_id, title_fi, opens_on, closes_on, created_by, updated_at)
                values (:c, :t, :o, :cl, 0, current_timestamp)""").param("c", county).param("t", title)
                .param("o", LocalDate.parse(opens)).param("cl", LocalDate.parse(closes)).update();
        long id = jdbc.sql("select id from survey where title_fi = :t").param("t", title).query(Long.class).single();
        for (long p : places) {
            jdbc.sql("insert into survey_place (survey_id, place_id) values (:s, :p)").param("s", id).param("p", p)
                    .update();
        }
        return id;
    }

    void responses(long survey, long placeId, int n) {
        for (int i = 0; i < n; i++) {
            jdbc.sql("""
                    insert into survey_response (survey_id, place_id, answered_on, lang, token)
                    values (:s, :p, date '2026-11-10', 'fi', :t)""").param("s", survey).param("p", placeId)
                    .param("t", Fixtures.unique("t").replace(' ', '-')).update();
        }
    }

    /** A table's body rows by their row header: the numeric cells. */
    static Map<String, List<String>> rows(Element table) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Element tr : table.select("tbody tr")) {
            List<String> cells = new ArrayList<>();
            tr.select("td.num").forEach(td -> cells.add(td.text()));
            out.put(tr.selectFirst("th").text(), cells);
        }
        return out;
    }

    @Test
    void thePageGathersThePeriodExactlyAsTheExistingPagesShowItAndNoFreeTexts() {
        long id = arrange(areaCoordinator, form(place, "2026-12-15"));
        String wish = Fixtures.unique("Toivomme iltaryhmää");
        publishedWish(place, area, wish);
        String pending = Fixtures.unique("Odottava toive");
        wishes.insert(county, area, place, pending, Instant.parse("2026-11-01T10:00:00Z"));
        String elsewhere = Fixtures.unique("Toisen alueen toive");
        publishedWish(otherPlace, otherArea, elsewhere);
        feedback(place, "2026-11-10", 5, 7, "SALAINEN PALAUTETEKSTI");
        feedback(place, "2026-11-11", 3, 2, null);
        feedback(place2, "2026-10-03", 4, 3, null);
        feedback(place, "2026-05-03", 1, 9, null);
        String round = Fixtures.unique("Syksyn kävijäkysely");
        long s = survey(round, "2026-11-01", "2026-11-30", place, place2);
        responses(s, place, 6);
        responses(s, place2, 2);
        String oldRound = Fixtures.unique("Vanha kysely");
        survey(oldRound, "2025-03-01", "2025-03-31", place);
        String observed = Fixtures.unique("Havaintoteksti");
        for (int i = 0; i < 2; i++) {
            observations.insert(county, area, place, 1, LocalDate.of(2026, 11, 10),
                    ObservationQueries.AgeBand.AGE_1_2, ObservationQueries.Observer.STAFF,
                    new ObservationQueries.Texts(null, null, observed, null, null), 0, Instant.now());
        }

        var page = areaCoordinator.get(BASE + "/" + id);
        assertThat(page.status()).isEqualTo(200);
        String body = page.body();
        assertThat(body).contains(wish).doesNotContain(pending).doesNotContain(elsewhere)
                .doesNotContain("SALAINEN PALAUTETEKSTI").doesNotContain(observed);
        // feedback: the same cells as the feedback page for the same months, and the area's row
        Document doc = page.html();
        Map<String, List<String>> mine = rows(doc.getElementById("feedback-caption").parent());
        Document counts = areaCoordinator.get("/admin/participation/feedback?from=2026-07&to=2026-12").html();
        Map<String, List<String>> theirs = rows(counts.getElementById("counts-caption").parent());
        assertThat(mine.keySet()).containsExactly(placeName, place2Name);
        assertThat(mine.get(placeName)).isEqualTo(theirs.get(placeName)).containsExactly("7", "0", "<5", "0", "0", "9");
        assertThat(mine.get(place2Name)).isEqualTo(theirs.get(place2Name)).containsExactly("0", "<5", "0", "0", "0", "<5");
        // May is outside the period: its nine answers are in no figure
        assertThat(body).doesNotContain(">18<");
        // the survey round of the period, with the area's answers as its results page shows them for the area
        assertThat(body).contains(round).doesNotContain(oldRound);
        Element surveyRow = doc.select("#surveys-caption").first().parent().select("tbody tr").first();
        assertThat(surveyRow.select("td.num span").first().text()).isEqualTo("6");
        assertThat(surveyRow.text()).contains("1 paikkaa");
        assertThat(surveyRow.select("a").attr("href")).isEqualTo("/admin/participation/surveys/" + s
                + "/results?area=" + area);
        // observations: counted per place, below five nothing on its own
        assertThat(body).contains("2 havaintoa").contains(placeName);
        // a chosen period: October only
        var october = areaCoordinator.get(BASE + "/" + id + "?from=2026-10&to=2026-10").html();
        Map<String, List<String>> oct = rows(october.getElementById("feedback-caption").parent());
        assertThat(oct.get(placeName)).containsExactly("0", "0", "0", "0", "0", "0");
        assertThat(october.text()).doesNotContain(round);
    }

    // ---- decisions --------------------------------------------------------------------------------

    @Test
    void aDecisionAnswersTheWishesItLinksPubliclyAndAudited() {
        long id = arrange(areaCoordinator, form(place, "2026-12-15"));
        long activity = jdbc.sql("select activity_id from planning_day where id = :id").param("id", id)
                .query(Long.class).single();
        long w1 = publishedWish(place, area, Fixtures.unique("Iltaryhmä työssäkäyville"));
        long w2 = publishedWish(null, area, Fixtures.unique("Yhteinen kesäretki"));
        long pending = wishes.insert(county, area, place, Fixtures.unique("Odottaa"), Instant.now());
        long elsewhere = publishedWish(otherPlace, otherArea, Fixtures.unique("Muualla"));
        String path = BASE + "/" + id + "/decisions";
        var page = areaCoordinator.get(BASE + "/" + id);
        assertThat(page.html().select("input[name=wishIds][value=" + w1 + "]")).hasSize(1);
        assertThat(page.html().select("input[name=wishIds][value=" + pending + "]")).isEmpty();

        // refused, nothing changes: a wish waiting for moderation, another area's wish, NEW, no text, personal data
        int v1 = wishes.wish(w1).orElseThrow().version();
        for (List<Map.Entry<String, String>> bad : List.of(
                List.of(Map.entry("decision", "Päätös"), Map.entry("wishState", "PLANNED"), Map.entry("wishIds", "" + pending)),
                List.of(Map.entry("decision", "Päätös"), Map.entry("wishState", "PLANNED"), Map.entry("wishIds", "" + elsewhere)),
                List.of(Map.entry("decision", "Päätös"), Map.entry("wishState", "NEW"), Map.entry("wishIds", "" + w1)),
                List.of(Map.entry("decision", " "), Map.entry("wishState", "PLANNED"), Map.entry("wishIds", "" + w1)),
                List.of(Map.entry("decision", "Soita 040 1234567"), Map.entry("wishState", "DONE"),
                        Map.entry("wishIds", "" + w1)))) {
            var r = areaCoordinator.post(path, bad);
            assertThat(r.status()).as(bad.toString()).isEqualTo(400);
            assertThat(r.html().select("#error-summary")).hasSize(1);
        }
        assertThat(count("select count(*) from planning_decision where planning_day_id = :p", id)).isZero();
        assertThat(wishes.wish(w1).orElseThrow().version()).isEqualTo(v1);
        assertThat(wishes.wish(elsewhere).orElseThrow().answer()).isNull();

        String text = "Kokeilemme iltaryhmää tiistaisin ja teemme kesäretken yhdessä.";
        var r = areaCoordinator.post(path, List.of(Map.entry("decision", text), Map.entry("wishState", "PLANNED"),
                Map.entry("wishIds", "" + w1), Map.entry("wishIds", "" + w2)));
        assertThat(r.status()).as(r.body()).isEqualTo(302);
        for (long w : List.of(w1, w2)) {
            var after = wishes.wish(w).orElseThrow();
            assertThat(after.state()).isEqualTo(WishQueries.State.PLANNED);
            assertThat(after.answer()).isEqualTo(text);
            assertThat(audits("WISH_ANSWER_BY_DECISION", "wish", w)).isEqualTo(1);
        }
        long decision = jdbc.sql("select id from planning_decision where planning_day_id = :d").param("d", id)
                .query(Long.class).single();
        assertThat(audits("PLANNING_DECISION_CREATE", "planning_decision", decision)).isEqualTo(1);
        assertThat(areaCoordinator.get(BASE + "/" + id).html().select("ol.decisions li").first().text())
                .contains(text).contains("Iltaryhmä työssäkäyville");

        // families see on the wishes board that the planning day answered it, with the day's event
        WebClient family = new WebClient(port);
        Document board = family.get("/wishes/areas/" + area).html();
        Element item = board.getElementById("wish-" + w1);
        assertThat(item.text()).contains(text).contains("Päätetty suunnittelupäivänä 15.12.2026")
                .contains("Suunnitteilla");
        assertThat(item.select("a[href=/calendar/activities/" + activity + "?lang=fi]")).hasSize(1);
        assertThat(board.getElementById("wish-" + w2).text()).contains("Päätetty suunnittelupäivänä");
        assertThat(family.get("/places/" + place + "/wishes?lang=sv").body())
                .contains("Beslutat på planeringsdagen 15.12.2026");
        assertThat(family.get("/places/" + place + "/wishes?lang=en").body())
                .contains("Decided at the planning day of 15.12.2026");
    }

    // ---- access ---------------------------------------------------------------------------------

    @Test
    void theAreasProvidersReadTheCoordinatorsDecideAndNoOneElseSeesIt() {
        long id = arrange(areaCoordinator, form(place, "2026-12-15"));
        long w1 = publishedWish(place, area, Fixtures.unique("Toive"));
        String path = BASE + "/" + id + "/decisions";
        List<Map.Entry<String, String>> decision = List.of(Map.entry("decision", "Päätös"),
                Map.entry("wishState", "DONE"), Map.entry("wishIds", "" + w1));

        // the provider of the area's places reads, without the decision form, and may not decide or arrange
        var page = staff.get(BASE + "/" + id);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.html().select("#f-decision")).isEmpty();
        assertThat(staff.get(BASE).body()).contains("15.12.2026");
        List<Map.Entry<String, String>> unlinked = List.of(Map.entry("decision", "Päätös ilman toiveita"),
                Map.entry("wishState", "CONSIDERING"));
        assertThat(staff.post(path, decision).status()).isEqualTo(403);
        assertThat(staff.post(path, unlinked).status()).isEqualTo(403);
        assertThat(staff.get(BASE + "/new").status()).isEqualTo(403);
        assertThat(staff.post(BASE, form(place, "2026-12-16")).status()).isEqualTo(403);
        // a provider elsewhere, a volunteer of the place, another county's coordinator: nothing
        assertThat(staff2.get(BASE + "/" + id).status()).isEqualTo(403);
        assertThat(staff2.get(BASE).body()).doesNotContain("15.12.2026");
        assertThat(volunteer.get(BASE + "/" + id).status()).isEqualTo(403);
        assertThat(volunteer.get(BASE).status()).isEqualTo(403);
        assertThat(otherCoordinator.get(BASE + "/" + id).status()).isEqualTo(403);
        assertThat(otherCoordinator.post(path, decision).status()).isEqualTo(403);
        assertThat(otherCoordinator.post(path, unlinked).status()).isEqualTo(403);
        assertThat(otherCoordinator.post(BASE, form(place, "2026-12-16")).status()).isEqualTo(400);
        assertThat(count("select count(*) from planning_decision where planning_day_id = :p", id)).isZero();
        assertThat(wishes.wish(w1).orElseThrow().answer()).isNull();
        assertThat(count("select count(*) from planning_day where county_id = :p", county)).isEqualTo(1);
        // the county's coordinator decides
        assertThat(countyCoordinator.post(path, decision).status()).isEqualTo(302);
        assertThat(wishes.wish(w1).orElseThrow().state()).isEqualTo(WishQueries.State.DONE);
    }

    /** The decisions in the minutes of the planning day's meeting: agenda item title and decision text. */
    List<String> minutes(long dayId) {
        return jdbc.sql("""
                select i.linked_type || '|' || i.title || '|' || d.text from coord_decision d
                join coord_agenda_item i on i.id = d.agenda_item_id
                join planning_day p on p.meeting_id = d.meeting_id
                where p.id = :p order by d.id""").param("p", dayId).query(String.class).list();
    }

    @Test
    void aDecisionIsEditedAfterTheDayWithOptimisticLockingAuditedAndCopiedIntoTheMeetingsMinutes() {
        long id = arrange(areaCoordinator, form(place, "2026-12-15"));
        long w1 = publishedWish(place, area, Fixtures.unique("Iltaryhmä"));
        long w2 = publishedWish(null, area, Fixtures.unique("Kesäretki"));
        String text = "Kokeilemme iltaryhmää tiistaisin.";
        assertThat(areaCoordinator.post(BASE + "/" + id + "/decisions", List.of(Map.entry("decision", text),
                Map.entry("wishState", "PLANNED"), Map.entry("wishIds", "" + w1))).status()).isEqualTo(302);
        long decision = jdbc.sql("select id from planning_decision where planning_day_id = :d").param("d", id)
                .query(Long.class).single();
        // the decision is in the working group's minutes of the planning day, which become a draft
        assertThat(minutes(id)).containsExactly("PLANNING_DECISION|Suunnittelupäivän päätös: " + text + "|" + text);
        assertThat(jdbc.sql("select minutes_status from coord_meeting where id = (select meeting_id from planning_day "
                + "where id = :p)").param("p", id).query(String.class).single()).isEqualTo("DRAFT");

        String path = BASE + "/" + id + "/decisions/" + decision;
        var page = areaCoordinator.get(path);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.html().selectFirst("textarea[name=decision]").text()).isEqualTo(text);
        assertThat(page.html().selectFirst("input[name=version]").val()).isEqualTo("0");
        assertThat(page.html().select("input[name=wishIds][value=" + w1 + "][checked]")).hasSize(1);
        assertThat(areaCoordinator.get(BASE + "/" + id).html().select("a[href=" + path + "]")).hasSize(1);
        // the area's providers read the day but do not edit its decisions
        assertThat(staff.get(path).status()).isEqualTo(403);
        String edited = "Iltaryhmä aloitetaan tiistaisin tammikuussa, ja kesäretki tehdään kesäkuussa.";
        List<Map.Entry<String, String>> form = List.of(Map.entry("decision", edited), Map.entry("wishState", "DONE"),
                Map.entry("wishIds", "" + w2), Map.entry("version", "0"));
        assertThat(staff.post(path, form).status()).isEqualTo(403);
        assertThat(areaCoordinator.post(path, List.of(Map.entry("decision", " "), Map.entry("wishState", "DONE"),
                Map.entry("version", "0"))).status()).isEqualTo(400);
        var r = areaCoordinator.post(path, form);
        assertThat(r.status()).as(r.body()).isEqualTo(302);
        assertThat(jdbc.sql("select text from planning_decision where id = :d").param("d", decision)
                .query(String.class).single()).isEqualTo(edited);
        // the wish it now answers has the new text and state; the one it no longer links keeps its answer
        assertThat(wishes.wish(w2).orElseThrow().answer()).isEqualTo(edited);
        assertThat(wishes.wish(w2).orElseThrow().state()).isEqualTo(WishQueries.State.DONE);
        assertThat(wishes.wish(w1).orElseThrow().answer()).isEqualTo(text);
        assertThat(audits("PLANNING_DECISION_UPDATE", "planning_decision", decision)).isEqualTo(1);
        // the minutes' copy is replaced, not added to
        assertThat(minutes(id)).containsExactly("PLANNING_DECISION|Suunnittelupäivän päätös: " + edited + "|" + edited);
        // a stale form changes nothing
        var stale = areaCoordinator.post(path, List.of(Map.entry("decision", "Vanha lomake"),
                Map.entry("wishState", "PLANNED"), Map.entry("version", "0")));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(jdbc.sql("select text from planning_decision where id = :d").param("d", decision)
                .query(String.class).single()).isEqualTo(edited);
        // approved minutes are a record: the decision no longer changes, and nothing else does
        jdbc.sql("update coord_meeting set minutes_status = 'APPROVED' where id = (select meeting_id from planning_day "
                + "where id = :p)").param("p", id).update();
        var approved = areaCoordinator.post(path, List.of(Map.entry("decision", "Myöhäinen muutos"),
                Map.entry("wishState", "PLANNED"), Map.entry("wishIds", "" + w2), Map.entry("version", "1")));
        assertThat(approved.status()).isEqualTo(409);
        assertThat(jdbc.sql("select text from planning_decision where id = :d").param("d", decision)
                .query(String.class).single()).isEqualTo(edited);
        assertThat(wishes.wish(w2).orElseThrow().answer()).isEqualTo(edited);
        assertThat(minutes(id)).hasSize(1);
    }
}
