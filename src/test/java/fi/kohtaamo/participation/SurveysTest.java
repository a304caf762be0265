package fi.kohtaamo.participation;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kohtaamo.identity.internal.UserQueries;
import fi.kohtaamo.monitoring.ContributedFigures;
import fi.kohtaamo.registry.OrganisationType;
import fi.kohtaamo.shared.RateLimits;
import fi.kohtaamo.shared.Role;
import fi.kohtaamo.support.Fixtures;
import fi.kohtaamo.support.IntegrationTest;
import fi.kohtaamo.support.WebClient;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Visitor surveys over HTTP on the real database (the test clock stands at 25.11.2026): the builder's checks and
 * scope, the template, anonymous answering with a conditional question (saved when its condition holds, discarded
 * when the earlier answer changes so that it does not, with and without the script), personal data, control
 * characters and sizes, the rate limit, results protected by the small-number rule against an attacker who adds
 * and subtracts everything a user can get, the downloads and the figures for monitoring.
 */
@IntegrationTest
class SurveysTest {

    static final String PASSWORD = "kyselyjen-salasana-1";
    static final String BASE = "/admin/participation/surveys";

    @LocalServerPort int port;
    @Autowired Fixtures fx;
    @Autowired JdbcClient jdbc;
    @Autowired UserQueries users;
    @Autowired PasswordEncoder encoder;
    @Autowired RateLimits limits;
    @Autowired List<ContributedFigures> contributed;

    long county, otherCounty, a1, a2, org1, org2, p1, p2, p3, p4, otherPlace;
    WebClient staff1, staff2, areaCoordinator, countyCoordinator, otherCoordinator;

    @BeforeEach
    void world() {
        limits.clear();
        county = fx.county();
        otherCounty = fx.county();
        String m1 = fx.municipality(county);
        String m2 = fx.municipality(county);
        String om = fx.municipality(otherCounty);
        a1 = fx.area(county, m1);
        a2 = fx.area(county, m2);
        long oa = fx.area(otherCounty, om);
        org1 = fx.organisation(OrganisationType.MLL_ASSOCIATION, null, county);
        org2 = fx.organisation(OrganisationType.PARISH, null, county);
        long otherOrg = fx.organisation(OrganisationType.OTHER_NGO, null, otherCounty);
        p1 = fx.openPlace(a1, m1, org1);
        p2 = fx.openPlace(a1, m1, org1);
        p3 = fx.openPlace(a1, m1, org2);
        p4 = fx.openPlace(a2, m2, org2);
        otherPlace = fx.openPlace(oa, om, otherOrg);
        staff1 = login(Role.PROVIDER_STAFF, org1, county, null);
        staff2 = login(Role.PROVIDER_STAFF, org2, county, null);
        areaCoordinator = login(Role.AREA_COORDINATOR, null, county, a1);
        countyCoordinator = login(Role.COUNTY_COORDINATOR, null, county, null);
        otherCoordinator = login(Role.COUNTY_COORDINATOR, null, otherCounty, null);
    }

    WebClient login(Role role, Long orgId, Long countyId, Long areaId) {
        String email = Fixtures.unique("kysely-" + role.name().toLowerCase()).replace(' ', '-') + "@example.fi";
        users.insert(email, "Kysely " + role, encoder.encode(PASSWORD), role, orgId, countyId, areaId, null, "fi",
                true, false, Instant.now());
        WebClient web = new WebClient(port);
        assertThat(web.login(email, PASSWORD).header("Location")).endsWith("/admin");
        return web;
    }

    // ---- helpers --------------------------------------------------------------------------------

    static List<Map.Entry<String, String>> details(String opens, String closes, long... places) {
        List<Map.Entry<String, String>> f = new ArrayList<>(List.of(Map.entry("surveyTitleFi", "Kävijäkysely"),
                Map.entry("surveyTitleSv", "Besöksenkät"), Map.entry("surveyTitleEn", "Visitor survey"),
                Map.entry("surveyOpensOn", opens), Map.entry("surveyClosesOn", closes)));
        for (long p : places) {
            f.add(Map.entry("surveyPlaceIds", "" + p));
        }
        return f;
    }

    /** Creates a survey from the template through the builder; returns its id. */
    long fromTemplate(WebClient web, String opens, String closes, long... places) {
        web.get(BASE + "/new?template=visitor");
        List<Map.Entry<String, String>> f = details(opens, closes, places);
        f.add(Map.entry("template", "visitor"));
        var r = web.post(BASE, f);
        assertThat(r.status()).as(r.body()).isEqualTo(302);
        String loc = r.header("Location");
        return Long.parseLong(loc.replaceAll(".*/surveys/([0-9]+).*", "$1"));
    }

    long question(long survey, String code) {
        return jdbc.sql("select id from survey_question where survey_id = :s and code = :c").param("s", survey)
                .param("c", code).query(Long.class).single();
    }

    long responses(long survey) {
        return jdbc.sql("select count(*) from survey_response where survey_id = :s").param("s", survey)
                .query(Long.class).single();
    }

    List<String> answersTo(long questionId) {
        return jdbc.sql("select coalesce(value_code, text_value) from survey_answer where question_id = :q")
                .param("q", questionId).query(String.class).list();
    }

    /** A family's anonymous answering: the form read first (its token and what it shows), then sent. */
    static final class Family {
        final WebClient web;
        final long survey;
        final long place;
        Document page;

        Family(int port, long survey, long place, String lang) {
            this.web = new WebClient(port);
            this.survey = survey;
            this.place = place;
            var r = web.get("/surveys/" + survey + "?place=" + place + "&lang=" + lang);
            assertThat(r.status()).isEqualTo(200);
            page = r.html();
        }

        WebClient.Response send(String action, boolean script, Map<String, List<String>> answers) {
            List<Map.Entry<String, String>> f = new ArrayList<>();
            f.add(Map.entry("place", "" + place));
            f.add(Map.entry("token", page.select("input[name=token]").val()));
            f.add(Map.entry("shown", page.select("input[name=shown]").val()));
            f.add(Map.entry("js", script ? "1" : "0"));
            f.add(Map.entry("action", action));
            answers.forEach((k, vs) -> vs.forEach(v -> f.add(Map.entry(k, v))));
            var r = web.post("/surveys/" + survey, f);
            if (r.status() == 200 || r.status() == 400) {
                page = r.html();
            }
            return r;
        }

        boolean hidden(long questionId) {
            return page.getElementById("w-q" + questionId).hasAttr("hidden");
        }
    }

    Map<String, List<String>> answers(long survey, Object... codeValue) {
        Map<String, List<String>> m = new HashMap<>();
        for (int i = 0; i < codeValue.length; i += 2) {
            Object v = codeValue[i + 1];
            m.put("q" + question(survey, (String) codeValue[i]), v instanceof List<?> l
                    ? l.stream().map(String::valueOf).toList() : List.of(String.valueOf(v)));
        }
        return m;
    }

    /** One complete answering by a family, sent with the script's flag; the limiter is reset first. */
    void answer(long survey, long place, Object... codeValue) {
        limits.clear();
        Family f = new Family(port, survey, place, "fi");
        var r = f.send("send", true, answers(survey, codeValue));
        assertThat(r.status()).as(r.body()).isEqualTo(302);
    }

    // ---- the builder ----------------------------------------------------------------------------

    @Test
    void theTemplateGivesTheQuestionsSeenInPracticeUnderFiveMinutes() {
        long id = fromTemplate(countyCoordinator, "2026-11-01", "2026-12-31", p1, p2, p3, p4);
        var page = countyCoordinator.get(BASE + "/" + id);
        assertThat(page.status()).isEqualTo(200);
        List<String> codes = jdbc.sql("select code from survey_question where survey_id = :s order by position")
                .param("s", id).query(String.class).list();
        assertThat(codes).containsExactly("welcome", "pleasant", "met_people", "meet_help", "children_friends",
                "children_considered", "influence", "heard_from", "wish");
        assertThat(page.html().text()).contains("Noin 3 min").contains("Tunnetko olevasi tervetullut?")
                .contains("Näytetään, kun vastaus kysymykseen 3 (Tapasitko uusia ihmisiä?) on Ei.");
        // in Swedish and English too
        assertThat(new Family(port, id, p1, "sv").page.text()).contains("Känner du dig välkommen?");
        assertThat(new Family(port, id, p1, "en").page.text()).contains("Could you influence the programme?");
        // the place's public page links the survey open there (and a place without one does not)
        assertThat(new WebClient(port).get("/places/" + p1).body()).contains("/surveys/" + id + "?place=" + p1);
        assertThat(new WebClient(port).get("/places/" + otherPlace).body()).doesNotContain("/surveys/" + id);
    }

    @Test
    void theBuilderRefusesBadInputWithMessagesAndASurveyOverFiveMinutes() {
        countyCoordinator.get(BASE + "/new");
        var blank = countyCoordinator.post(BASE, List.of(Map.entry("surveyOpensOn", "2027-02-01"),
                Map.entry("surveyClosesOn", "2027-01-01")));
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.html().select(".field-error").text()).contains("Tämä tieto on pakollinen.")
                .contains("Sulkeutumispäivä ei voi olla ennen avautumispäivää.");
        // another county's place, and a place of the county that staff do not organise
        var other = countyCoordinator.post(BASE, details("2027-01-01", "2027-02-01", p1, otherPlace));
        assertThat(other.status()).isEqualTo(400);
        assertThat(other.html().select(".field-error").text()).contains("Sinulla ei ole oikeutta tallentaa tietoa tähän.");
        staff1.get(BASE + "/new");
        assertThat(staff1.post(BASE, details("2027-01-01", "2027-02-01", p1, p3)).status()).isEqualTo(400);
        long before = jdbc.sql("select count(*) from survey").query(Long.class).single();
        assertThat(before).isPositive();

        long id = fromTemplate(staff1, "2027-01-10", "2027-02-10", p1, p2);
        // free-text questions until the survey would take more than five minutes: refused with the reason
        int added = 0;
        WebClient.Response r;
        do {
            staff1.get(BASE + "/" + id);
            r = staff1.post(BASE + "/" + id + "/questions", Map.of("questionKind", "TEXT", "questionTextFi",
                    "Mitä muuta haluat sanoa? " + added, "questionTextEn", "Anything else?"));
            added++;
        } while (r.status() == 302 && added < 20);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.html().select(".field-error").text()).contains("Kyselyn pitää pysyä alle 5 minuutissa");
        long seconds = jdbc.sql("""
                select count(*) from survey_question where survey_id = :s and kind = 'TEXT'""").param("s", id)
                .query(Long.class).single();
        assertThat(added).isEqualTo(4); // 3 min template + 3 × 40 s fits, the 4th goes over 300 s
        assertThat(seconds).isEqualTo(2 + 3);
        // choices: too few; a condition on a later question or with the wrong operator
        staff1.get(BASE + "/" + id);
        var few = staff1.post(BASE + "/" + id + "/questions", Map.of("questionKind", "SINGLE", "questionTextFi",
                "Kuinka usein käyt?", "questionOptions", "Usein"));
        assertThat(few.status()).isEqualTo(400);
        long welcome = question(id, "welcome");
        long wish = question(id, "wish");
        staff1.get(BASE + "/" + id + "/questions/" + welcome);
        var later = staff1.post(BASE + "/" + id + "/questions/" + welcome, Map.of("questionKind", "SCALE",
                "questionTextFi", "Tunnetko olevasi tervetullut?", "questionCondition", question(id, "met_people")
                        + ":no", "questionCondOp", "EQUALS"));
        assertThat(later.status()).isEqualTo(400);
        assertThat(later.html().select(".field-error").text()).contains("aiemman valintakysymyksen");
        var wrongOp = staff1.post(BASE + "/" + id + "/questions/" + wish, Map.of("questionKind", "TEXT",
                "questionTextFi", "Toive", "questionCondition", question(id, "heard_from") + ":poster",
                "questionCondOp", "EQUALS"));
        assertThat(wrongOp.status()).isEqualTo(400);
        // before the survey opens: reorder and remove (a follow-up never before its question)
        staff1.get(BASE + "/" + id);
        long metPeople = question(id, "met_people");
        long meetHelp = question(id, "meet_help");
        assertThat(staff1.post(BASE + "/" + id + "/questions/" + meetHelp + "/move", Map.of("dir", "up")).status())
                .isEqualTo(409);
        assertThat(staff1.post(BASE + "/" + id + "/questions/" + welcome + "/move", Map.of("dir", "down")).status())
                .isEqualTo(302);
        assertThat(question(id, "pleasant")).isNotNull();
        assertThat(jdbc.sql("select code from survey_question where survey_id = :s order by position")
                .param("s", id).query(String.class).list()).startsWith("pleasant", "welcome");
        assertThat(staff1.post(BASE + "/" + id + "/questions/" + metPeople + "/remove", Map.of()).status())
                .isEqualTo(302);
        // the follow-up goes with the question it depends on
        assertThat(jdbc.sql("select count(*) from survey_question where id in (:ids)").param("ids",
                List.of(metPeople, meetHelp)).query(Long.class).single()).isZero();
    }

    @Test
    void onceAnsweredQuestionsAreNotChangedDestructively() {
        long id = fromTemplate(staff1, "2026-11-01", "2026-12-31", p1);
        answer(id, p1, "welcome", 5, "pleasant", 4);
        long welcome = question(id, "welcome");
        staff1.get(BASE + "/" + id);
        assertThat(staff1.post(BASE + "/" + id + "/questions/" + welcome + "/move", Map.of("dir", "down")).status())
                .isEqualTo(409);
        var kind = staff1.post(BASE + "/" + id + "/questions/" + welcome, Map.of("questionKind", "YES_NO",
                "questionTextFi", "Tunnetko olevasi tervetullut?"));
        assertThat(kind.status()).isEqualTo(400);
        // a text can be corrected; removing retires: the question leaves the form, its answers stay
        assertThat(staff1.post(BASE + "/" + id + "/questions/" + welcome, Map.of("questionKind", "SCALE",
                "questionTextFi", "Tunnetko itsesi tervetulleeksi?")).status()).isEqualTo(302);
        assertThat(staff1.post(BASE + "/" + id + "/questions/" + welcome + "/remove", Map.of()).status())
                .isEqualTo(302);
        assertThat(jdbc.sql("select retired from survey_question where id = :q").param("q", welcome)
                .query(Boolean.class).single()).isTrue();
        assertThat(answersTo(welcome)).containsExactly("5");
        assertThat(new Family(port, id, p1, "fi").page.getElementById("w-q" + welcome)).isNull();
        assertThat(staff1.post(BASE + "/" + id + "/delete", Map.of()).status()).isEqualTo(409);
    }

    @Test
    void scopeComesFromTheSurveysPlaces() {
        long id = fromTemplate(areaCoordinator, "2027-01-10", "2027-02-10", p1, p3);
        // staff of one organiser read the results of their own place but do not build a survey of two organisers
        assertThat(staff2.get(BASE + "/" + id + "/results").status()).isEqualTo(200);
        assertThat(staff2.get(BASE + "/" + id + "/edit").status()).isEqualTo(403);
        staff2.get(BASE);
        assertThat(staff2.post(BASE + "/" + id + "/questions", Map.of("questionKind", "YES_NO", "questionTextFi",
                "Tuletko uudelleen?")).status()).isEqualTo(403);
        assertThat(otherCoordinator.get(BASE + "/" + id).status()).isEqualTo(403);
        assertThat(otherCoordinator.get(BASE + "/" + id + "/results.csv").status()).isEqualTo(403);
        assertThat(countyCoordinator.get(BASE + "/" + id + "/edit").status()).isEqualTo(200);
        // an area coordinator cannot add another area's place
        areaCoordinator.get(BASE + "/" + id + "/edit");
        List<Map.Entry<String, String>> f = details("2027-01-10", "2027-02-10", p1, p3, p4);
        f.add(Map.entry("version", "0"));
        assertThat(areaCoordinator.post(BASE + "/" + id, f).status()).isEqualTo(400);
        assertThat(otherCoordinator.get(BASE).body()).doesNotContain("/surveys/" + id + "\"");
        assertThat(staff2.get(BASE).body()).contains(BASE + "/" + id);
    }

    // ---- answering ------------------------------------------------------------------------------

    @Test
    void anAnswerToAFollowUpIsSavedWhenItsConditionHoldsWithoutTheScript() {
        long id = fromTemplate(countyCoordinator, "2026-11-01", "2026-12-31", p1);
        long metPeople = question(id, "met_people");
        long meetHelp = question(id, "meet_help");
        Family f = new Family(port, id, p1, "fi");
        assertThat(f.hidden(meetHelp)).isTrue();
        // "Send" with an answer that opens a follow-up the family has not seen: the page again, nothing stored
        var step = f.send("send", false, answers(id, "met_people", "no", "welcome", 4));
        assertThat(step.status()).isEqualTo(200);
        assertThat(responses(id)).isZero();
        assertThat(f.hidden(meetHelp)).isFalse();
        assertThat(f.page.getElementById("opened")).isNotNull();
        assertThat(f.page.select("input[name=q" + metPeople + "][value=no]").hasAttr("checked")).isTrue();
        var sent = f.send("send", false, answers(id, "met_people", "no", "welcome", 4, "meet_help",
                "Esittäytymiskierros alussa"));
        assertThat(sent.status()).isEqualTo(302);
        assertThat(responses(id)).isEqualTo(1);
        assertThat(answersTo(meetHelp)).containsExactly("Esittäytymiskierros alussa");
        assertThat(answersTo(metPeople)).containsExactly("no");
        // the same form again (its one-time token): not stored twice
        var again = f.send("send", false, answers(id, "met_people", "no"));
        assertThat(again.header("Location")).contains("again");
        assertThat(responses(id)).isEqualTo(1);
    }

    @Test
    void anAnswerToAFollowUpIsDiscardedWhenTheEarlierAnswerNoLongerOpensIt() {
        long id = fromTemplate(countyCoordinator, "2026-11-01", "2026-12-31", p1);
        long meetHelp = question(id, "meet_help");
        // without the script: "Continue" opens the follow-up; the family writes in it, then changes its mind
        Family f = new Family(port, id, p1, "en");
        f.send("next", false, answers(id, "met_people", "no"));
        assertThat(f.hidden(meetHelp)).isFalse();
        var closed = f.send("next", false, answers(id, "met_people", "yes", "meet_help", "Name tags"));
        assertThat(closed.status()).isEqualTo(200);
        assertThat(f.hidden(meetHelp)).isTrue();
        assertThat(f.page.getElementById("f-q" + meetHelp).text()).isEmpty();
        assertThat(f.send("send", false, answers(id, "met_people", "yes", "meet_help", "Name tags")).status())
                .isEqualTo(302);
        // with the script: the hidden follow-up's text is still in the form, and is not stored
        Family g = new Family(port, id, p1, "sv");
        assertThat(g.send("send", true, answers(id, "met_people", "yes", "meet_help", "Namnlappar")).status())
                .isEqualTo(302);
        assertThat(responses(id)).isEqualTo(2);
        assertThat(answersTo(meetHelp)).isEmpty();
        assertThat(answersTo(question(id, "met_people"))).containsExactly("yes", "yes");
    }

    @Test
    void freeTextIsCleanedBoundedAndHoldsNoPersonalData() {
        long id = fromTemplate(countyCoordinator, "2026-11-01", "2026-12-31", p1);
        long wish = question(id, "wish");
        Family f = new Family(port, id, p1, "fi");
        var phone = f.send("send", true, answers(id, "wish", "Soita minulle 040 123 4567"));
        assertThat(phone.status()).isEqualTo(400);
        assertThat(phone.html().select(".field-error").text()).contains("Vastauksessa on puhelinnumero.");
        var email = f.send("send", true, answers(id, "wish", "matti@example.fi"));
        assertThat(email.html().select(".field-error").text()).contains("sähköpostiosoite");
        var code = f.send("send", true, answers(id, "wish", "Lapsen hetu 131052-308T"));
        assertThat(code.html().select(".field-error").text()).contains("henkilötunnus");
        var big = f.send("send", true, answers(id, "wish", "x".repeat(1001)));
        assertThat(big.status()).isEqualTo(400);
        // an unknown choice and several where one is allowed are refused, not stored
        assertThat(f.send("send", true, answers(id, "welcome", List.of("4", "5"))).status()).isEqualTo(400);
        assertThat(f.send("send", true, answers(id, "welcome", "7")).status()).isEqualTo(400);
        assertThat(responses(id)).isZero();
        assertThat(f.send("send", true, answers(id, "wish", "Lisää\u0007 laulua\u202E ja <b>leikkiä</b>\u0000"))
                .status()).isEqualTo(302);
        assertThat(answersTo(wish)).containsExactly("Lisää laulua ja <b>leikkiä</b>");
        // a survey not open at the place, or not open now, is not found
        assertThat(new WebClient(port).get("/surveys/" + id + "?place=" + p2).status()).isEqualTo(404);
        assertThat(new WebClient(port).get("/surveys/" + id + "?place=x").status()).isEqualTo(404);
        long coming = fromTemplate(countyCoordinator, "2027-01-10", "2027-02-10", p1);
        assertThat(new WebClient(port).get("/surveys/" + coming + "?place=" + p1).status()).isEqualTo(404);
    }

    @Test
    void theRateLimitRefusesTheEleventhAnswerFromOneAddressWithNothingStored() {
        long id = fromTemplate(countyCoordinator, "2026-11-01", "2026-12-31", p1);
        limits.clear();
        for (int i = 0; i < 10; i++) {
            Family f = new Family(port, id, p1, "fi");
            assertThat(f.send("send", true, answers(id, "welcome", 5)).status()).isEqualTo(302);
        }
        Family f = new Family(port, id, p1, "fi");
        var refused = f.send("send", true, answers(id, "welcome", 5));
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.body()).contains("Liian monta pyyntöä");
        assertThat(responses(id)).isEqualTo(10);
        // the place's own limit: a busy place that has received 120 answers this hour takes no more from anyone
        limits.clear();
        var place = new RateLimits.Limit("survey-place", 120, java.time.Duration.ofHours(1));
        for (int i = 0; i < 120; i++) {
            assertThat(limits.tryTake(place, "survey-place|" + p1)).isTrue();
        }
        Family g = new Family(port, id, p1, "fi");
        assertThat(g.send("send", true, answers(id, "welcome", 4)).status()).isEqualTo(429);
        assertThat(responses(id)).isEqualTo(10);
        limits.clear();
        assertThat(new Family(port, id, p1, "fi").send("send", true, answers(id, "welcome", 4)).status())
                .isEqualTo(302);
    }

    // ---- results --------------------------------------------------------------------------------

    /** Every figure of a results CSV: (question | answer) → count, previous; hidden ones as "<5". */
    static Map<String, String> figures(WebClient web, String path) {
        var r = web.get(path);
        assertThat(r.status()).as(path).isEqualTo(200);
        Map<String, String> out = new HashMap<>();
        String[] lines = r.body().replace("\uFEFF", "").split("\r?\n");
        for (int i = 1; i < lines.length; i++) {
            String[] c = lines[i].split(";", -1);
            out.put(c[0] + "|" + c[1], c[2] + "/" + c[4]);
        }
        return out;
    }

    static long n(String figure) {
        String v = figure.split("/", -1)[0];
        return v.equals("<5") || v.isEmpty() ? 0 : Long.parseLong(v);
    }

    @Test
    void smallPlacesAreNeitherShownNorRecoverableByAddingAndSubtracting() {
        long spring = fromTemplate(countyCoordinator, "2026-11-01", "2026-12-31", p1, p2, p3, p4);
        // p1: 7 answers; p2: 3 (hidden); p3: 6, of which 2 answered the follow-up (hidden at p3); p4: none
        for (int i = 0; i < 7; i++) {
            answer(spring, p1, "welcome", i < 5 ? 5 : 3, "met_people", "no", "meet_help", "Nimilaput " + i,
                    "heard_from", List.of("friends", "neuvola"), "wish", "Toive paikasta yksi " + i);
        }
        for (int i = 0; i < 3; i++) {
            answer(spring, p2, "welcome", 1, "met_people", "no", "meet_help", "PIILOTETTU p2 " + i,
                    "heard_from", "poster", "wish", "SALAINEN toive " + i);
        }
        for (int i = 0; i < 6; i++) {
            answer(spring, p3, "welcome", 4, "met_people", i < 2 ? "no" : "yes", "meet_help", "Kolmonen " + i,
                    "heard_from", "website");
        }
        String csv = BASE + "/" + spring + "/results.csv";
        Map<String, Map<String, String>> views = new HashMap<>();
        for (var e : Map.of("county", countyCoordinator, "area", areaCoordinator, "staff1", staff1, "staff2",
                staff2).entrySet()) {
            WebClient web = e.getValue();
            views.put(e.getKey() + " all", figures(web, csv));
            for (long a : List.of(a1, a2)) {
                var r = web.get(csv + "?area=" + a);
                if (r.status() == 200) {
                    views.put(e.getKey() + " area " + a, figures(web, csv + "?area=" + a));
                }
            }
            for (long p : List.of(p1, p2, p3, p4)) {
                var r = web.get(csv + "?place=" + p);
                if (r.status() == 200) {
                    views.put(e.getKey() + " place " + p, figures(web, csv + "?place=" + p));
                } else {
                    assertThat(r.status()).isEqualTo(400);
                }
            }
        }
        // what each reader can get: staff1 not p3, staff2 not p1/p2
        assertThat(views).doesNotContainKey("staff1 place " + p3).doesNotContainKey("staff2 place " + p1)
                .containsKey("county place " + p2);
        // the attacker: every total and area, less every place shown inside it, leaves nothing
        String welcome5 = "1. Tunnetko olevasi tervetullut?|5 – Hyvin";
        String welcome1 = "1. Tunnetko olevasi tervetullut?|1 – Huonosti";
        String helpAnswered = "4. Mikä auttaisi sinua tutustumaan muihin?|" + "Vastanneita yhteensä";
        for (var e : views.entrySet()) {
            String who = e.getKey().split(" ")[0];
            List<Long> inside = e.getKey().contains(" all") ? List.of(p1, p2, p3, p4)
                    : e.getKey().contains(" area " + a1) ? List.of(p1, p2, p3)
                    : e.getKey().contains(" area ") ? List.of(p4) : List.of();
            for (String key : e.getValue().keySet()) {
                long sum = 0;
                for (long p : inside) {
                    Map<String, String> place = views.get(who + " place " + p);
                    if (place != null && place.containsKey(key)) {
                        sum += n(place.get(key));
                    }
                }
                if (!inside.isEmpty()) {
                    assertThat(n(e.getValue().get(key))).as(e.getKey() + " " + key).isEqualTo(sum);
                }
            }
            // the hidden place's answers are in no figure of anyone
            assertThat(n(e.getValue().getOrDefault(welcome1, "0/"))).as(e.getKey()).isZero();
        }
        assertThat(views.get("county place " + p2).get(welcome5)).isNull();
        assertThat(views.get("county place " + p2).values()).allMatch(v -> v.startsWith("<5") || v.equals("/"));
        assertThat(n(views.get("county all").get(welcome5))).isEqualTo(5);
        // the follow-up: 7 at p1 shown, 2 at p3 hidden and not added to any total
        assertThat(n(views.get("county all").get(helpAnswered))).isEqualTo(7);
        assertThat(n(views.get("area area " + a1).get(helpAnswered))).isEqualTo(7);
        // the pages: counts per place, free texts only of units shown
        var page = countyCoordinator.get(BASE + "/" + spring + "/results");
        assertThat(page.status()).isEqualTo(200);
        String text = page.html().text();
        assertThat(text).contains("Vastauksia 13. Paikkoja, joiden alle viittä vastausta ei lasketa mukaan: 1.")
                .contains("Nimilaput 3").contains("Toive paikasta yksi 6")
                .doesNotContain("PIILOTETTU").doesNotContain("SALAINEN").doesNotContain("Kolmonen");
        assertThat(page.html().select("svg[role=img] desc").size()).isEqualTo(3);
        for (String path : List.of("", "?area=" + a1, "?place=" + p2, "?place=" + p3)) {
            assertThat(countyCoordinator.get(BASE + "/" + spring + "/results" + path).body())
                    .doesNotContain("PIILOTETTU").doesNotContain("SALAINEN");
        }
        // staff of p1's organiser: p1 shown, p2 hidden; the total is p1's alone
        assertThat(staff1.get(BASE + "/" + spring + "/results").html().text()).contains("Vastauksia 7.");

        // a second round beside the first: new dates, the same question codes
        countyCoordinator.get(BASE + "/" + spring);
        var round = countyCoordinator.post(BASE + "/" + spring + "/rounds", Map.of("surveyOpensOn", "2026-11-20",
                "surveyClosesOn", "2026-12-31"));
        assertThat(round.status()).isEqualTo(302);
        long autumn = Long.parseLong(round.header("Location").replaceAll(".*/surveys/([0-9]+).*", "$1"));
        for (int i = 0; i < 5; i++) {
            answer(autumn, p1, "welcome", 5);
        }
        Map<String, String> both = figures(countyCoordinator, BASE + "/" + autumn + "/results.csv");
        assertThat(both.get(welcome5)).isEqualTo("5/5");
        assertThat(countyCoordinator.get(BASE + "/" + autumn + "/results").html().text()).contains("Edellinen kierros");
    }

    @Test
    void theDownloadsHoldTheSameFigures() throws Exception {
        long id = fromTemplate(countyCoordinator, "2026-11-01", "2026-12-31", p1, p2);
        for (int i = 0; i < 5; i++) {
            answer(id, p1, "welcome", 4, "heard_from", "=HYPERLINK(\"x\")".equals("") ? "" : "friends");
        }
        var csv = countyCoordinator.get(BASE + "/" + id + "/results.csv");
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.body()).contains("4 – Melko hyvin;5;100");
        byte[] xlsx = countyCoordinator.getBytes(BASE + "/" + id + "/results.xlsx?lang=en");
        try (var book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var sheet = book.getSheetAt(0);
            boolean found = false;
            for (var row : sheet) {
                if (row.getCell(1) != null && "4 – Rather well".equals(row.getCell(1).toString())) {
                    found = true;
                    assertThat(row.getCell(2).getNumericCellValue()).isEqualTo(5.0);
                }
            }
            assertThat(found).isTrue();
            assertThat(book.getSheetAt(1).getSheetName()).isEqualTo("Places");
        }
        byte[] pdf = countyCoordinator.getBytes(BASE + "/" + id + "/results.pdf?lang=sv");
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
            assertThat(text).contains("Besöksenkät").contains("4 – Ganska bra");
        }
        assertThat(countyCoordinator.get(BASE + "/" + id + "/results.csv?place=abc").status()).isEqualTo(400);
    }

    // ---- monitoring -----------------------------------------------------------------------------

    @Test
    void surveyResponsesPerPlaceAndMonthForTheMonitoringReport() {
        long id = fromTemplate(countyCoordinator, "2026-11-01", "2026-12-31", p1, p2);
        for (int i = 0; i < 3; i++) {
            answer(id, p1, "welcome", 4);
        }
        answer(id, p2, "welcome", 2);
        jdbc.sql("update survey_response set answered_on = date '2026-10-15' where survey_id = :s and place_id = :p")
                .param("s", id).param("p", p2).update();
        ContributedFigures figures = contributed.stream().filter(c -> c.keys().contains("survey-responses"))
                .findFirst().orElseThrow();
        var values = figures.values(List.of(p1, p2, p3), YearMonth.of(2026, 10), YearMonth.of(2026, 11));
        assertThat(values).containsExactlyInAnyOrder(
                new ContributedFigures.PlaceMonthValue("survey-responses", p1, YearMonth.of(2026, 11), 3),
                new ContributedFigures.PlaceMonthValue("survey-responses", p2, YearMonth.of(2026, 10), 1));
        assertThat(figures.values(List.of(p1), YearMonth.of(2026, 12), YearMonth.of(2026, 12))).isEmpty();
        assertThat(figures.values(List.of(), YearMonth.of(2026, 1), YearMonth.of(2026, 12))).isEmpty();
    }
}
