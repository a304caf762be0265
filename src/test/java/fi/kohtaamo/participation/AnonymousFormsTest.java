package fi.kohtaamo.participation;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kohtaamo.identity.internal.UserQueries;
import fi.kohtaamo.registry.OrganisationType;
import fi.kohtaamo.shared.PublicUrls;
import fi.kohtaamo.shared.RateLimits;
import fi.kohtaamo.shared.Role;
import fi.kohtaamo.support.Fixtures;
import fi.kohtaamo.support.IntegrationTest;
import fi.kohtaamo.support.WebClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The one way of families' anonymous forms (shared.AnonymousForms) over real HTTP on the real database: every
 * anonymous page and post (quick feedback and its kiosk, a survey's answer with its "continue" step, a wish for a
 * place and for an area, a wish's support, accessibility feedback) renders no CSRF token, sets no cookie but the
 * wish-support list and creates no session; a cross-site post (Sec-Fetch-Site, or a foreign Origin) is refused and
 * stores nothing; a same-site post without any token works; staff forms keep their CSRF protection.
 */
@IntegrationTest
class AnonymousFormsTest {

    static final String PASSWORD = "nimettomat-lomakkeet-1";
    static final AtomicInteger ADDRESS = new AtomicInteger(1);

    @LocalServerPort int port;
    @Autowired Fixtures fx;
    @Autowired JdbcClient jdbc;
    @Autowired UserQueries users;
    @Autowired PasswordEncoder encoder;
    @Autowired RateLimits limits;
    @Autowired PublicUrls urls;

    long county, area, org, place, survey, welcome, wish;
    WebClient staff;

    @BeforeEach
    void world() {
        limits.clear();
        county = fx.county();
        String m = fx.municipality(county);
        area = fx.area(county, m);
        org = fx.organisation(OrganisationType.MLL_ASSOCIATION, null, county);
        place = fx.openPlace(area, m, org);
        staff = login(Role.PROVIDER_STAFF, org, county);
        // a survey from the template, open at the place
        staff.get(SurveysTest.BASE + "/new?template=visitor");
        List<Map.Entry<String, String>> f = SurveysTest.details("2026-11-01", "2026-12-31", place);
        f.add(Map.entry("template", "visitor"));
        var r = staff.post(SurveysTest.BASE, f);
        assertThat(r.status()).as(r.body()).isEqualTo(302);
        survey = Long.parseLong(r.header("Location").replaceAll(".*/surveys/([0-9]+).*", "$1"));
        welcome = jdbc.sql("select id from survey_question where survey_id = :s and code = 'welcome'")
                .param("s", survey).query(Long.class).single();
        // a published wish to support
        assertThat(family().post("/places/" + place + "/wishes", Map.of("wish", Fixtures.unique("Lisää laulua")))
                .status()).isEqualTo(302);
        wish = jdbc.sql("select max(id) from wish").query(Long.class).single();
        staff.get("/admin/participation/wishes/" + wish);
        assertThat(staff.post("/admin/participation/wishes/" + wish + "/publish", Map.of("version", "" + jdbc
                .sql("select version from wish where id = :id").param("id", wish).query(Integer.class).single()))
                .status()).isEqualTo(302);
    }

    WebClient login(Role role, Long orgId, Long countyId) {
        String email = Fixtures.unique("nimeton-" + role.name().toLowerCase()).replace(' ', '-') + "@example.fi";
        users.insert(email, "Nimetön " + role, encoder.encode(PASSWORD), role, orgId, countyId, null, null, "fi",
                true, false, Instant.now());
        WebClient web = new WebClient(port);
        assertThat(web.login(email, PASSWORD).header("Location")).endsWith("/admin");
        return web;
    }

    WebClient family() {
        int n = ADDRESS.incrementAndGet();
        return new WebClient(port).withHeader("X-Forwarded-For", "198.18." + (n / 250) + "." + (n % 250 + 1));
    }

    long sessions() {
        return jdbc.sql("select count(*) from spring_session").query(Long.class).single();
    }

    /** What the anonymous posts have stored so far. */
    long stored() {
        return jdbc.sql("select count(*) from feedback where place_id = :p").param("p", place).query(Long.class).single()
                + jdbc.sql("select count(*) from survey_answer a join survey_question q on q.id = a.question_id"
                        + " where q.survey_id = :s").param("s", survey).query(Long.class).single()
                + jdbc.sql("select count(*) from wish where area_id = :a or place_id = :p").param("a", area)
                        .param("p", place).query(Long.class).single()
                + jdbc.sql("select supports from wish where id = :w").param("w", wish).query(Long.class).single()
                + jdbc.sql("select count(*) from accessibility_feedback where county_id = :c").param("c", county)
                        .query(Long.class).single();
    }

    /** No cookie but the wish-support list, and no CSRF token on the page. */
    static WebClient.Response quiet(WebClient.Response r) {
        assertThat(r.headers().allValues("Set-Cookie")).as(r.toString())
                .allMatch(c -> c.startsWith("kohtaamo_supported="));
        if (r.headers().firstValue("Content-Type").orElse("").startsWith("text/html")) {
            assertThat(r.html().select("input[name=_csrf]")).isEmpty();
        }
        return r;
    }

    static String path(WebClient.Response r) {
        return r.header("Location").replaceFirst("^https?://[^/]+", "");
    }

    /** Every anonymous post with a valid form, as a family sends it. */
    record Post(String path, List<Map.Entry<String, String>> form) {
    }

    List<Post> posts() {
        List<Post> out = new ArrayList<>();
        out.add(new Post("/places/" + place + "/feedback?lang=sv", List.of(Map.entry("face", "5"))));
        out.add(new Post("/places/" + place + "/feedback/kiosk?lang=en", List.of(Map.entry("face", "4"))));
        out.add(new Post("/surveys/" + survey + "?lang=fi", List.of(Map.entry("place", "" + place),
                Map.entry("js", "1"), Map.entry("action", "send"), Map.entry("q" + welcome, "5"))));
        out.add(new Post("/places/" + place + "/wishes?lang=sv", List.of(Map.entry("wish", Fixtures.unique("Önskan")))));
        out.add(new Post("/wishes/areas/" + area + "?lang=en", List.of(Map.entry("wish", Fixtures.unique("A wish")))));
        out.add(new Post("/wishes/" + wish + "/support?lang=fi", List.of(Map.entry("back", "/places/" + place + "/wishes"))));
        out.add(new Post("/accessibility/feedback?lang=sv", List.of(Map.entry("feedbackCounty", "" + county),
                Map.entry("feedback", Fixtures.unique("Kontrasten är för svag")))));
        return out;
    }

    @Test
    void everyAnonymousPageAndPostLeavesNoCookieButTheSupportListAndNoSession() {
        long before = sessions();
        long storedBefore = stored();
        WebClient web = family();
        String code = Long.toString(place, 36);
        assertThat(quiet(web.get("/f/" + code + "?lang=sv")).status()).isEqualTo(302);
        for (String page : List.of("/places/" + place + "/feedback?lang=sv", "/places/" + place + "/feedback?child=1",
                "/places/" + place + "/feedback/kiosk?lang=en", "/places/" + place + "/feedback/thanks?lang=sv",
                "/surveys/" + survey + "?place=" + place + "&lang=sv", "/surveys/" + survey + "/thanks?place=" + place,
                "/wishes?lang=sv", "/wishes/areas/" + area + "?lang=en", "/places/" + place + "/wishes?lang=sv",
                "/accessibility?lang=en")) {
            var r = quiet(web.get(page));
            assertThat(r.status()).as(page).isEqualTo(200);
            // the language travels in the addresses of the page's forms
            r.html().select("form[method=post]").forEach(f -> assertThat(f.attr("action")).as(page).contains("lang="));
        }
        // the survey's "continue" step: the page again, nothing stored, nothing set
        var step = quiet(web.post("/surveys/" + survey + "?lang=sv", List.of(Map.entry("place", "" + place),
                Map.entry("action", "next"), Map.entry("q" + welcome, "4"))));
        assertThat(step.status()).isEqualTo(200);
        assertThat(step.html().select("input[name=token]")).hasSize(1);
        for (Post p : posts()) {
            var r = quiet(web.post(p.path(), p.form()));
            assertThat(r.status()).as(p.path() + " " + r.body()).isEqualTo(302);
            assertThat(r.header("Location")).as(p.path()).contains("lang=");
            if (p.path().contains("/support")) {
                // the one cookie: the supported wishes' ids and nothing else
                assertThat(r.headers().allValues("Set-Cookie")).singleElement().asString()
                        .startsWith("kohtaamo_supported=" + wish + ";");
            }
            assertThat(quiet(web.get(path(r))).status()).as(path(r)).isEqualTo(200);
        }
        assertThat(stored()).isEqualTo(storedBefore + 7);
        assertThat(sessions()).isEqualTo(before);
    }

    @Test
    void aCrossSitePostIsRefusedAndStoresNothingAndASameSiteOneWithoutATokenWorks() {
        long before = stored();
        long sessions = sessions();
        for (Post p : posts()) {
            var bySite = family().withHeader("Sec-Fetch-Site", "cross-site").post(p.path(), p.form());
            assertThat(bySite.status()).as(p.path()).isEqualTo(403);
            quiet(bySite);
            // an older browser without Sec-Fetch-Site: its Origin tells
            var byOrigin = family().withHeader("Origin", "https://toinen.example").post(p.path(), p.form());
            assertThat(byOrigin.status()).as(p.path()).isEqualTo(403);
            assertThat(family().withHeader("Origin", "null").post(p.path(), p.form()).status()).as(p.path())
                    .isEqualTo(403);
        }
        assertThat(stored()).isEqualTo(before);
        // the same site: by Sec-Fetch-Site, by the instance's own Origin, and by neither header; never a token
        int n = 0;
        for (Post p : posts()) {
            WebClient web = switch (n++ % 3) {
                case 0 -> family().withHeader("Sec-Fetch-Site", "same-origin");
                case 1 -> family().withHeader("Origin", urls.base());
                default -> family();
            };
            var r = quiet(web.post(p.path(), p.form()));
            assertThat(r.status()).as(p.path() + " " + r.body()).isEqualTo(302);
        }
        assertThat(stored()).isEqualTo(before + 7);
        assertThat(sessions()).isEqualTo(sessions);
    }

    @Test
    void staffFormsKeepTheirCsrfProtectionAlsoOnAnonymousPages() {
        // signed in, the anonymous pages keep the session's token for the sign-out form
        var page = staff.get("/wishes/areas/" + area);
        assertThat(page.html().select("form[action$=/logout] input[name=_csrf]")).hasSize(1);
        int version = jdbc.sql("select version from wish where id = :id").param("id", wish).query(Integer.class).single();
        staff.forgetCsrfToken();
        assertThat(staff.post("/admin/participation/wishes/" + wish + "/answer", Map.of("version", "" + version,
                "state", "PLANNED", "answerFi", "Tulossa")).status()).isEqualTo(403);
        staff.forgetCsrfToken(); // the 403 page's sign-out form gave the client a token again
        assertThat(staff.post("/logout", Map.of()).status()).isEqualTo(403);
        assertThat(jdbc.sql("select version from wish where id = :id").param("id", wish).query(Integer.class).single())
                .isEqualTo(version);
    }

    /** Each anonymous post's limit per sender address (its constant in the module's service). */
    static final List<Integer> PER_SENDER = List.of(60, 60, 10, 5, 5, 60, 5);

    /**
     * The one way of anonymous posts (shared.AnonymousPosts): a flood from one address is accepted up to the sender's
     * limit of each form, then refused with 429, and a refused post stores nothing. The limits are taken before
     * anything is read: an exhausted sender's post about a place, wish or county that does not exist is a 429 too,
     * not a 404 or a 400 (the survey reads its own survey from the public cache to know whether it is a step).
     */
    @Test
    void aFloodFromOneAddressIsRefusedWith429PastEachFormsLimitAndStoresNothingMore() {
        List<Post> posts = posts();
        for (int i = 0; i < posts.size(); i++) {
            Post p = posts.get(i);
            WebClient sender = family();
            int accepted = 0;
            WebClient.Response r = null;
            for (int n = 0; n < 100; n++) {
                r = sender.post(p.path(), p.form());
                if (r.status() != 302) {
                    break;
                }
                accepted++;
            }
            assertThat(r.status()).as(p.path() + " " + r.body()).isEqualTo(429);
            assertThat(r.header("Retry-After")).as(p.path()).isNotNull();
            assertThat(accepted).as(p.path()).isEqualTo(PER_SENDER.get(i));
            long stored = stored();
            for (int n = 0; n < 3; n++) {
                assertThat(sender.post(p.path(), p.form()).status()).as(p.path()).isEqualTo(429);
            }
            assertThat(stored()).as(p.path()).isEqualTo(stored);
        }
        // limits first: the exhausted senders are refused before the place, wish or county is looked up
        List<Post> nowhere = List.of(new Post("/places/999999999/feedback", List.of(Map.entry("face", "3"))),
                new Post("/places/999999999/wishes", List.of(Map.entry("wish", "Toive"))),
                new Post("/wishes/999999999/support", List.of()),
                new Post("/accessibility/feedback", List.of(Map.entry("feedbackCounty", "999999999"))));
        for (Post p : nowhere) {
            WebClient sender = family();
            while (sender.post(p.path().replace("999999999", p.path().contains("support") ? "" + wish : "" + place),
                    p.path().contains("accessibility") ? List.of(Map.entry("feedbackCounty", "" + county),
                            Map.entry("feedback", "Kontrasti")) : p.form()).status() == 302) {
                // use up the sender's limit on the real place, wish or county
            }
            assertThat(sender.post(p.path(), p.form()).status()).as(p.path()).isEqualTo(429);
        }
    }

    /** A flood from many addresses stops at the board's or the county's own limit, whatever its addresses. */
    @Test
    void aFloodFromManyAddressesStopsAtTheBoardsAndTheCountysLimit() {
        long before = stored();
        // the place's board took one wish already (the one published for supporting); its limit is 30 an hour
        int wishes = 0;
        while (family().post("/places/" + place + "/wishes", Map.of("wish", "Toive " + wishes)).status() == 302) {
            wishes++;
        }
        assertThat(wishes).isEqualTo(29);
        int feedback = 0;
        while (family().post("/accessibility/feedback", Map.of("feedbackCounty", "" + county, "feedback",
                "Palaute " + feedback)).status() == 302) {
            feedback++;
        }
        assertThat(feedback).isEqualTo(100);
        assertThat(stored()).isEqualTo(before + 129);
        // another board and another county are not held up
        assertThat(family().post("/wishes/areas/" + area, Map.of("wish", "Koko alueen toive")).status()).isEqualTo(302);
    }
}
