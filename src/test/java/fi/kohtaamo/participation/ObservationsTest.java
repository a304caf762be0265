package fi.kohtaamo.participation;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kohtaamo.calendar.internal.ActivityForm;
import fi.kohtaamo.calendar.internal.ActivityService;
import fi.kohtaamo.identity.internal.UserQueries;
import fi.kohtaamo.participation.internal.observations.ObservationService;
import fi.kohtaamo.registry.OrganisationType;
import fi.kohtaamo.shared.Actor;
import fi.kohtaamo.shared.Role;
import fi.kohtaamo.support.Fixtures;
import fi.kohtaamo.support.IntegrationTest;
import fi.kohtaamo.support.WebClient;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Huomaa minut! observations over HTTP: recorded at a session that took place (never per child: the table has no
 * child), texts with personal data refused, themes coded from the county's catalogue, and the summary for the
 * working group that shows nothing on its own below five observations and "fewer than 5" for small themes. The
 * test clock stands at Wednesday 25.11.2026; the café meets on Tuesdays.
 */
@IntegrationTest
class ObservationsTest {

    static final String PASSWORD = "havaintojen-salasana-1";

    @LocalServerPort int port;
    @Autowired Fixtures fx;
    @Autowired JdbcClient jdbc;
    @Autowired UserQueries users;
    @Autowired PasswordEncoder encoder;
    @Autowired ActivityService activities;
    @Autowired ObservationService service;

    long county, place, otherPlace, activity, otherActivity;
    WebClient staff, otherStaff, volunteer, coordinator;

    @BeforeEach
    void world() {
        county = fx.county();
        String m = fx.municipality(county);
        long area = fx.area(county, m);
        long org = fx.organisation(OrganisationType.MLL_ASSOCIATION, null, county);
        long org2 = fx.organisation(OrganisationType.PARISH, null, county);
        place = fx.openPlace(area, m, org);
        otherPlace = fx.openPlace(area, m, org2);
        activity = activity(place);
        otherActivity = activity(otherPlace);
        staff = login(Role.PROVIDER_STAFF, org, county, null, null);
        otherStaff = login(Role.PROVIDER_STAFF, org2, county, null, null);
        volunteer = login(Role.VOLUNTEER, null, county, area, place);
        coordinator = login(Role.COUNTY_COORDINATOR, null, county, null, null);
    }

    long activity(long placeId) {
        ActivityForm f = new ActivityForm();
        f.placeId = String.valueOf(placeId);
        f.kind = "FAMILY_CAFE";
        f.nameFi = Fixtures.unique("Vauvakahvila");
        f.weekdays.add("TUESDAY");
        f.seasonStart = "2026-08-01";
        f.seasonEnd = "2027-05-31";
        f.startTime = "09:30";
        f.endTime = "11:00";
        return activities.create(new Actor(1, "Testi", Role.ADMIN, null, Set.of(), null, null, null), f);
    }

    WebClient login(Role role, Long orgId, Long countyId, Long areaId, Long placeId) {
        String email = Fixtures.unique("havainto-" + role.name().toLowerCase()).replace(' ', '-') + "@example.fi";
        users.insert(email, "Havainto " + role, encoder.encode(PASSWORD), role, orgId, countyId, areaId, placeId, "fi",
                true, false, Instant.now());
        WebClient web = new WebClient(port);
        assertThat(web.login(email, PASSWORD).header("Location")).endsWith("/admin");
        return web;
    }

    Map<String, String> form(String date, String enjoyed) {
        Map<String, String> f = new HashMap<>();
        f.put("activity", "" + activity);
        f.put("sessionDate", date);
        f.put("ageBand", "AGE_1_2");
        f.put("observer", "STAFF");
        f.put("enjoyed", enjoyed);
        f.put("wished", "Aikuisen syliä");
        return f;
    }

    WebClient.Response record(WebClient web, long placeId, Map<String, String> f) {
        web.get("/admin/participation/observations/places/" + placeId + "/new");
        return web.post("/admin/participation/observations/places/" + placeId, f);
    }

    long count() {
        return jdbc.sql("select count(*) from observation where place_id = :p").param("p", place).query(Long.class).single();
    }

    @Test
    void theFormRefusesPersonalDataAndSessionsThatDidNotMeet() {
        var page = staff.get("/admin/participation/observations/places/" + place + "/new");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Älä kirjoita lapsen tai kenenkään muun nimeä");
        for (String text : List.of("Eetu 040 123 4567 nauroi", "äiti@example.fi", "010203A0023 leikki")) {
            var r = record(staff, place, form("2026-11-24", text));
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.html().select("#f-enjoyed-error").text()).contains("ilman nimiä ja tunnisteita");
        }
        // Wednesday: the café did not meet; a day to come; another place's activity; no text at all
        assertThat(record(staff, place, form("2026-11-18", "Palikat")).html().select("#f-sessionDate-error").text())
                .isNotBlank();
        assertThat(record(staff, place, form("2026-11-25", "Palikat")).status()).isEqualTo(400);
        assertThat(record(staff, place, form("2026-12-01", "Palikat")).status()).isEqualTo(400);
        Map<String, String> other = form("2026-11-24", "Palikat");
        other.put("activity", "" + otherActivity);
        assertThat(record(staff, place, other).status()).isEqualTo(400);
        Map<String, String> empty = form("2026-11-24", "");
        empty.put("wished", "");
        assertThat(record(staff, place, empty).html().select("#f-enjoyed-error").text()).isNotBlank();
        assertThat(count()).isZero();
        // another organiser's staff cannot record at this place; the place's volunteer can
        assertThat(record(otherStaff, place, form("2026-11-24", "Palikat")).status()).isEqualTo(403);
        assertThat(record(volunteer, place, form("2026-11-17", "Hiekkalaatikko")).status()).isEqualTo(302);
        assertThat(count()).isEqualTo(1);
        // the volunteer records but does not read the texts or the summary
        assertThat(volunteer.get("/admin/participation/observations?place=" + place).body())
                .doesNotContain("Hiekkalaatikko");
        long id = jdbc.sql("select max(id) from observation").query(Long.class).single();
        assertThat(volunteer.get("/admin/participation/observations/" + id).status()).isEqualTo(403);
        assertThat(otherStaff.get("/admin/participation/observations/" + id).status()).isEqualTo(403);
        assertThat(staff.get("/admin/participation/observations/" + id).body()).contains("Hiekkalaatikko");
    }

    @Test
    void theIndexAnswersEveryoneWhoRecords() {
        for (WebClient web : List.of(staff, otherStaff, volunteer, coordinator)) {
            assertThat(web.get("/admin/participation/observations").status()).isEqualTo(200);
        }
        // the volunteer's one place is chosen for them
        assertThat(volunteer.get("/admin/participation/observations").html()
                .select("a[href$='/admin/participation/observations/places/" + place + "/new']")).hasSize(1);
        assertThat(staff.get("/admin/participation/observations?place=abc").status()).isEqualTo(404);
        assertThat(staff.get("/admin/participation/observations?place=" + place + "&from=2026-13-01").status())
                .isEqualTo(400);
    }

    @Test
    void theSummaryCountsThemesOnlyFromFiveObservations() {
        long music = theme("music");
        long play = theme("play_together");
        String summary = "/admin/participation/observations?place=" + place + "&from=2026-11-01&to=2026-11-30";
        for (int i = 0; i < 4; i++) {
            assertThat(record(staff, place, form(i % 2 == 0 ? "2026-11-24" : "2026-11-17", "Laulu " + i)).status())
                    .isEqualTo(302);
        }
        List<Long> ids = jdbc.sql("select id from observation where place_id = :p order by id").param("p", place)
                .query(Long.class).list();
        for (long id : ids) {
            code(id, music);
        }
        var page = coordinator.get(summary);
        assertThat(page.body()).contains("4 havaintoa").contains("Alle viiden havainnon lukuja ei näytetä");
        assertThat(page.html().select("#themes-caption")).isEmpty();
        // the texts are still there for staff in scope
        assertThat(page.body()).contains("Laulu 3");
        assertThat(record(staff, place, form("2026-11-10", "Laulu 4")).status()).isEqualTo(302);
        long fifth = jdbc.sql("select max(id) from observation").query(Long.class).single();
        code(fifth, music, play);
        page = coordinator.get(summary);
        var themes = page.html().select("table:has(#themes-caption) tbody tr");
        assertThat(themes.text()).contains("Laulu, musiikki ja rytmi 5").contains("Leikki muiden lasten kanssa alle 5");
        var bands = page.html().select("table:has(#bands-caption) tbody tr");
        assertThat(bands.text()).contains("1–2-vuotias 5").contains("alle 1-vuotias 0");
        // other places' staff do not read it
        assertThat(otherStaff.get(summary).status()).isEqualTo(403);
    }

    @Test
    void themesMoveAndOnlyUnusedOnesAreDeleted() {
        long music = theme("music");
        long movement = theme("movement");
        assertThat(record(staff, place, form("2026-11-24", "Laulu")).status()).isEqualTo(302);
        long obs = jdbc.sql("select id from observation where place_id = :p").param("p", place).query(Long.class).single();
        code(obs, music);
        String base = "/admin/participation/observations/themes/";
        coordinator.get("/admin/participation/observations/themes?county=" + county);
        // a theme an observation is coded with is refused deletion, with the reason, and stays
        var used = coordinator.post(base + music + "/delete", Map.of("county", "" + county, "version", "" + version(music)));
        assertThat(used.status()).isEqualTo(400);
        assertThat(used.body()).contains("käytetään");
        assertThat(exists(music)).isTrue();
        // provider staff may not delete even an unused theme
        staff.get("/admin/participation/observations");
        var forbidden = staff.post(base + movement + "/delete", Map.of("county", "" + county, "version", "" + version(movement)));
        assertThat(forbidden.status()).isIn(403, 404);
        assertThat(exists(movement)).isTrue();
        // an unused one goes, audited
        var gone = coordinator.post(base + movement + "/delete", Map.of("county", "" + county, "version", "" + version(movement)));
        assertThat(gone.status()).as(gone.body()).isEqualTo(302);
        assertThat(exists(movement)).isFalse();
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'OBSERVATION_THEME_DELETE' and entity_id = :id")
                .param("id", "" + movement).query(Long.class).single()).isEqualTo(1);
        // moving to the first place reorders the county's list
        var moved = coordinator.post(base + music + "/move", Map.of("county", "" + county, "version", "" + version(music),
                "position", "1"));
        assertThat(moved.status()).as(moved.body()).isEqualTo(302);
        assertThat(jdbc.sql("select id from observation_theme where county_id = :c order by position").param("c", county)
                .query(Long.class).list().get(0)).isEqualTo(music);
    }

    int version(long theme) {
        return jdbc.sql("select version from observation_theme where id = :id").param("id", theme).query(Integer.class)
                .single();
    }

    boolean exists(long theme) {
        return jdbc.sql("select count(*) from observation_theme where id = :id").param("id", theme).query(Long.class)
                .single() > 0;
    }

    long theme(String code) {
        return jdbc.sql("select id from observation_theme where county_id = :c and code = :code").param("c", county)
                .param("code", code).query(Long.class).single();
    }

    void code(long id, long... themes) {
        int version = jdbc.sql("select version from observation where id = :id").param("id", id).query(Integer.class)
                .single();
        staff.get("/admin/participation/observations/" + id);
        List<Map.Entry<String, String>> f = new java.util.ArrayList<>();
        f.add(Map.entry("version", "" + version));
        for (long t : themes) {
            f.add(Map.entry("themeIds", "" + t));
        }
        var r = staff.post("/admin/participation/observations/" + id + "/themes", f);
        assertThat(r.status()).as(r.body()).isEqualTo(302);
    }
}
