package fi.kohtaamo.participation;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kohtaamo.identity.internal.UserQueries;
import fi.kohtaamo.participation.internal.feedback.FeedbackQueries;
import fi.kohtaamo.participation.internal.feedback.FeedbackService;
import fi.kohtaamo.registry.OrganisationType;
import fi.kohtaamo.shared.RateLimits;
import fi.kohtaamo.shared.Role;
import fi.kohtaamo.support.Fixtures;
import fi.kohtaamo.support.IntegrationTest;
import fi.kohtaamo.support.WebClient;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Quick feedback over HTTP on the real database: an answer is stored against the place and the day and counted;
 * texts are cleaned, limited and refused with personal data; the limits per sender and per place answer 429 and
 * store nothing; the kiosk leaves no cookie and no session behind and returns to its start; free texts reach
 * coordinators only after the place's staff have seen them; the counts hide fewer than five answers.
 */
@IntegrationTest
class FeedbackTest {

    static final String PASSWORD = "palautteen-salasana-1";
    static final AtomicInteger ADDRESS = new AtomicInteger(1);

    @LocalServerPort int port;
    @Autowired Fixtures fx;
    @Autowired JdbcClient jdbc;
    @Autowired UserQueries users;
    @Autowired PasswordEncoder encoder;
    @Autowired FeedbackQueries queries;
    @Autowired RateLimits limits;
    @Autowired fi.kohtaamo.calendar.internal.ActivityService activities;
    @Autowired fi.kohtaamo.shared.PublicDataCache cache;

    String placeName() {
        return jdbc.sql("select name_fi from place where id = :p").param("p", place).query(String.class).single();
    }

    long county, otherCounty, area, org, otherOrg, place, otherPlace;

    @BeforeEach
    void world() {
        county = fx.county();
        otherCounty = fx.county();
        String m = fx.municipality(county);
        String om = fx.municipality(otherCounty);
        area = fx.area(county, m);
        long otherArea = fx.area(otherCounty, om);
        org = fx.organisation(OrganisationType.MLL_ASSOCIATION, null, county);
        otherOrg = fx.organisation(OrganisationType.OTHER_NGO, null, otherCounty);
        place = fx.openPlace(area, m, org);
        otherPlace = fx.openPlace(otherArea, om, otherOrg);
    }

    /** A family's browser: its own address (the test server trusts X-Forwarded-For as behind a proxy). */
    WebClient family() {
        int n = ADDRESS.incrementAndGet();
        return new WebClient(port).withHeader("X-Forwarded-For", "198.51." + (n / 250) + "." + (n % 250 + 1));
    }

    WebClient login(Role role, Long orgId, Long countyId, Long areaId) {
        String email = Fixtures.unique("palaute-" + role.name().toLowerCase()).replace(' ', '-') + "@example.fi";
        users.insert(email, "Palaute " + role, encoder.encode(PASSWORD), role, orgId, countyId, areaId, null, "fi",
                true, false, Instant.now());
        WebClient web = new WebClient(port);
        assertThat(web.login(email, PASSWORD).header("Location")).endsWith("/admin");
        return web;
    }

    static String path(String location) {
        return location.replaceFirst("^https?://[^/]+", "");
    }

    static Map<String, String> answer(String face, String best, String wish) {
        Map<String, String> f = new HashMap<>();
        f.put("face", face);
        if (best != null) {
            f.put("best", best);
        }
        if (wish != null) {
            f.put("wish", wish);
        }
        return f;
    }

    @Test
    void anAnswerIsStoredForThePlaceAndTheDayAndLeavesNoCookie() {
        WebClient web = family();
        var page = web.get("/places/" + place + "/feedback?lang=en");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.html().select("input[type=radio][name=face]")).hasSize(5);
        assertThat(page.html().select("input[name=_csrf]")).isEmpty();
        assertThat(page.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("SESSION"));
        var sent = web.post("/places/" + place + "/feedback?lang=en", answer("5", "Laulu\u0007hetki\u202E", "Lisää vauvoja"));
        assertThat(sent.status()).isEqualTo(302);
        assertThat(sent.header("Location")).contains("/places/" + place + "/feedback/thanks");
        assertThat(sent.headers().allValues("Set-Cookie")).isEmpty();
        var row = jdbc.sql("select answered_on, face, best_text, wish_text, seen_at from feedback where place_id = :p")
                .param("p", place).query().singleRow();
        assertThat(row.get("answered_on").toString()).isEqualTo("2026-11-25");
        assertThat(((Number) row.get("face")).intValue()).isEqualTo(5);
        // control and bidirectional characters are stripped, not stored
        assertThat(row.get("best_text")).isEqualTo("Lauluhetki");
        assertThat(row.get("wish_text")).isEqualTo("Lisää vauvoja");
        assertThat(row.get("seen_at")).isNull();
        // the place's public page links to it
        assertThat(web.get("/places/" + place + "?lang=en").html().select("a[href^=/places/" + place + "/feedback]"))
                .isNotEmpty();
        // the short address leads to the page
        var shortAddress = web.get("/f/" + Long.toString(place, 36));
        assertThat(shortAddress.status()).isEqualTo(302);
        assertThat(shortAddress.header("Location")).endsWith("/places/" + place + "/feedback");
    }

    @Test
    void personalDataAndLongTextsAndMissingFacesAreRefusedWithAMessage() {
        WebClient web = family();
        var phone = web.post("/places/" + place + "/feedback?lang=fi", answer("4", "Soita 040 123 4567", null));
        assertThat(phone.status()).isEqualTo(400);
        assertThat(phone.body()).contains("puhelinnumero");
        var email = web.post("/places/" + place + "/feedback?lang=en", answer("4", null, "mail me: a.b@example.fi"));
        assertThat(email.status()).isEqualTo(400);
        assertThat(email.body()).contains("e-mail address");
        var tooLong = web.post("/places/" + place + "/feedback", answer("4", "a".repeat(FeedbackService.MAX_TEXT + 1), null));
        assertThat(tooLong.status()).isEqualTo(400);
        var noFace = web.post("/places/" + place + "/feedback", answer("", "kiva", null));
        assertThat(noFace.status()).isEqualTo(400);
        var badFace = web.post("/places/" + place + "/feedback", answer("9", null, null));
        assertThat(badFace.status()).isEqualTo(400);
        assertThat(queries.countAt(place)).isZero();
    }

    @Test
    void onlyPublishedPlacesHaveAPageAndCrossSitePostsAreRefused() {
        jdbc.sql("update place set published = false where id = :p").param("p", otherPlace).update();
        cache.changed();
        WebClient web = family();
        assertThat(web.get("/places/" + otherPlace + "/feedback").status()).isEqualTo(404);
        assertThat(web.post("/places/" + otherPlace + "/feedback", answer("5", null, null)).status()).isEqualTo(404);
        assertThat(web.get("/f/zzzzzzzzzzzzzzzzzz").status()).isEqualTo(404);
        assertThat(web.get("/places/abc/feedback").status()).isEqualTo(404);
        WebClient forged = family().withHeader("Sec-Fetch-Site", "cross-site");
        assertThat(forged.post("/places/" + place + "/feedback", answer("1", null, null)).status()).isEqualTo(403);
        assertThat(queries.countAt(place) + queries.countAt(otherPlace)).isZero();
    }

    @Test
    void theLimitPerSenderAnswers429AndStoresNothing() {
        WebClient web = family();
        for (int i = 0; i < FeedbackService.PER_ADDRESS.capacity(); i++) {
            assertThat(web.post("/places/" + place + "/feedback", answer("3", null, null)).status()).isEqualTo(302);
        }
        var refused = web.post("/places/" + place + "/feedback?lang=en", answer("3", null, null));
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.body()).contains("Too many requests");
        assertThat(queries.countAt(place)).isEqualTo(FeedbackService.PER_ADDRESS.capacity());
        // another family is not held up by it
        assertThat(family().post("/places/" + place + "/feedback", answer("3", null, null)).status()).isEqualTo(302);
    }

    @Test
    void theLimitPerPlaceStopsAFloodAtThatPlaceOnly() {
        while (limits.tryTake(FeedbackService.PER_PLACE, String.valueOf(place))) {
            // a flood from many addresses has used the place's day
        }
        assertThat(family().post("/places/" + place + "/feedback", answer("2", null, null)).status()).isEqualTo(429);
        assertThat(queries.countAt(place)).isZero();
        assertThat(family().post("/places/" + otherPlace + "/feedback", answer("2", null, null)).status()).isEqualTo(302);
    }

    /**
     * A flood's answers read nothing (issue 14's benchmark: the place's day was read anew for every answer, because
     * the answer ran in a transaction and the public data cache reads through inside one): once the place's day is
     * kept, an answer is its insert alone, so a change made behind the cache's back is not seen until the data
     * version moves, as for every public page.
     */
    @Test
    void anAnswerReadsThePlacesDayFromThePublicDataCache() {
        assertThat(family().post("/places/" + place + "/feedback", answer("4", null, null)).status()).isEqualTo(302);
        // unpublished without moving the data version: an answer that read the database would be refused
        jdbc.sql("update place set published = false where id = :p").param("p", place).update();
        assertThat(family().post("/places/" + place + "/feedback", answer("4", null, null)).status()).isEqualTo(302);
        assertThat(queries.countAt(place)).isEqualTo(2);
        // once the version moves (any audited write does), the place is read again and is no longer published
        cache.changed();
        assertThat(family().post("/places/" + place + "/feedback", answer("4", null, null)).status()).isEqualTo(404);
        assertThat(queries.countAt(place)).isEqualTo(2);
    }

    @Test
    void theKioskLeavesNoCookieNoSessionAndReturnsToItsStart() {
        long sessions = jdbc.sql("select count(*) from spring_session").query(Long.class).single();
        WebClient kiosk = family();
        var start = kiosk.get("/places/" + place + "/feedback/kiosk?lang=sv");
        assertThat(start.status()).isEqualTo(200);
        assertThat(start.headers().allValues("Set-Cookie")).isEmpty();
        assertThat(start.html().selectFirst("body").attr("data-start")).isEqualTo("/places/" + place + "/feedback/kiosk");
        assertThat(start.html().select("script[src*=feedback-kiosk]")).hasSize(1);
        var sent = kiosk.post("/places/" + place + "/feedback/kiosk?lang=sv", answer("4", "Sagostund", null));
        assertThat(sent.status()).isEqualTo(302);
        assertThat(sent.headers().allValues("Set-Cookie")).isEmpty();
        var thanks = kiosk.get(path(sent.header("Location")));
        assertThat(thanks.headers().allValues("Set-Cookie")).isEmpty();
        // the kiosk's script goes back to the start after a few idle seconds
        assertThat(thanks.html().selectFirst("body").attr("data-start")).isEqualTo("/places/" + place + "/feedback/kiosk");
        assertThat(thanks.html().selectFirst("body").attr("data-idle")).isEqualTo("8");
        assertThat(thanks.html().select("script[src*=feedback-kiosk]")).hasSize(1);
        // the child kiosk: one tap on a big face sends
        var child = kiosk.get("/places/" + place + "/feedback/kiosk?child=1");
        assertThat(child.html().select("button[name=face]")).hasSize(5);
        assertThat(child.html().select("textarea")).isEmpty();
        var tapped = kiosk.post("/places/" + place + "/feedback/kiosk", Map.of("face", "5", "child", "1"));
        assertThat(tapped.status()).isEqualTo(302);
        assertThat(kiosk.get(path(tapped.header("Location"))).html().selectFirst("body").attr("data-start"))
                .isEqualTo("/places/" + place + "/feedback/kiosk?child=1");
        assertThat(jdbc.sql("select count(*) from spring_session").query(Long.class).single()).isEqualTo(sessions);
        assertThat(jdbc.sql("select count(*) from feedback where place_id = :p and kiosk").param("p", place)
                .query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void freeTextsReachCoordinatorsOnlyAfterThePlacesStaffHaveSeenThem() {
        assertThat(family().post("/places/" + place + "/feedback", answer("4", "Vauvajumppa oli ihana", null)).status())
                .isEqualTo(302);
        WebClient staff = login(Role.PROVIDER_STAFF, org, county, null);
        WebClient coordinator = login(Role.COUNTY_COORDINATOR, null, county, null);
        WebClient areaCoordinator = login(Role.AREA_COORDINATOR, null, county, area);
        WebClient otherCoordinator = login(Role.COUNTY_COORDINATOR, null, otherCounty, null);
        WebClient admin = login(Role.ADMIN, null, null, null);
        String texts = "/admin/participation/feedback/places/" + place;
        assertThat(coordinator.get(texts).body()).doesNotContain("Vauvajumppa");
        assertThat(areaCoordinator.get(texts).body()).doesNotContain("Vauvajumppa");
        assertThat(otherCoordinator.get(texts).status()).isEqualTo(403);
        assertThat(admin.get(texts).status()).isEqualTo(403);
        // coordinators cannot mark them seen for the staff
        assertThat(coordinator.post(texts + "/seen", Map.of()).status()).isEqualTo(403);
        var page = staff.get(texts);
        assertThat(page.body()).contains("Vauvajumppa oli ihana");
        assertThat(staff.post(texts + "/seen", Map.of()).status()).isEqualTo(302);
        assertThat(coordinator.get(texts).body()).contains("Vauvajumppa oli ihana");
        assertThat(areaCoordinator.get(texts).body()).contains("Vauvajumppa oli ihana");
        // never public: nothing on the place's public pages
        assertThat(family().get("/places/" + place).body()).doesNotContain("Vauvajumppa");
        assertThat(family().get("/places/" + place + "/feedback").body()).doesNotContain("Vauvajumppa");
    }

    @Test
    void theCountsHideFewerThanFiveAnswersAndExportTheSame() throws Exception {
        for (int i = 0; i < 6; i++) {
            assertThat(family().post("/places/" + place + "/feedback", answer("5", null, null)).status()).isEqualTo(302);
        }
        assertThat(family().post("/places/" + place + "/feedback", answer("1", null, null)).status()).isEqualTo(302);
        WebClient staff = login(Role.PROVIDER_STAFF, org, county, null);
        var page = staff.get("/admin/participation/feedback?from=2026-11&to=2026-11&lang=en");
        assertThat(page.status()).isEqualTo(200);
        var row = page.html().select("tr").stream().filter(tr -> tr.text().contains(placeName())).findFirst()
                .orElseThrow();
        List<String> cells = row.select("td.num").eachText();
        // faces 5..1, then the total
        assertThat(cells.get(0)).isEqualTo("6");
        assertThat(cells.get(4)).isEqualTo("<5");
        assertThat(cells.get(5)).isEqualTo("7");
        String csv = staff.get("/admin/participation/feedback.csv?from=2026-11&to=2026-11&lang=en").body();
        assertThat(csv).contains(placeName() + ";6;0;0;0;<5;7");
        byte[] xlsx = staff.getBytes("/admin/participation/feedback.xlsx?from=2026-11&to=2026-11&lang=en");
        try (var book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(book.getNumberOfSheets()).isEqualTo(1);
        }
        assertThat(staff.get("/admin/participation/feedback?from=2026-13").status()).isEqualTo(400);
        // another county's coordinator does not see the place
        WebClient other = login(Role.COUNTY_COORDINATOR, null, otherCounty, null);
        assertThat(other.get("/admin/participation/feedback?from=2026-11&to=2026-11").body())
                .doesNotContain(placeName());
    }

    @Test
    void theCardCarriesTheShortAddressAsQrCodeInEachLanguage() throws Exception {
        WebClient staff = login(Role.PROVIDER_STAFF, org, county, null);
        String shortUrl = "/f/" + Long.toString(place, 36);
        for (String lang : List.of("fi", "sv", "en", "fisv")) {
            byte[] pdf = staff.getBytes("/admin/participation/feedback/places/" + place + "/card.pdf?lang=" + lang);
            try (var doc = Loader.loadPDF(pdf)) {
                var size = doc.getPage(0).getMediaBox();
                assertThat(size.getWidth()).isCloseTo(PDRectangle.A5.getWidth(),
                        Offset.offset(1f));
                String text = new PDFTextStripper().getText(doc);
                assertThat(text).contains(placeName(), shortUrl);
                assertThat(text).contains(switch (lang) {
                    case "fi" -> "Kerro meille!";
                    case "sv" -> "Berätta för oss!";
                    case "en" -> "Tell us!";
                    default -> "Berätta för oss!";
                });
                assertThat(fi.kohtaamo.support.QrCodes.read(doc, 0)).anyMatch(t -> t.endsWith(shortUrl));
            }
        }
        assertThat(staff.get("/admin/participation/feedback/places/" + place + "/card.pdf?lang=de").status())
                .isEqualTo(400);
        WebClient other = login(Role.COUNTY_COORDINATOR, null, otherCounty, null);
        assertThat(other.get("/admin/participation/feedback/places/" + place + "/card.pdf").status()).isEqualTo(403);
    }

    @Test
    void anAnswerDuringASessionIsTiedToItAndThePlacesOtherLanguagesAreOffered() {
        var form = new fi.kohtaamo.calendar.internal.ActivityForm();
        form.placeId = String.valueOf(place);
        form.kind = "FAMILY_CAFE";
        form.nameFi = Fixtures.unique("Palautteen perhekahvila");
        form.weekdays.add("WEDNESDAY");
        form.seasonStart = "2026-08-01";
        form.seasonEnd = "2026-12-31";
        form.startTime = "09:30";
        form.endTime = "11:30";
        form.organiserIds.add(String.valueOf(org));
        form.languages.add("fi");
        form.languages.add("ar");
        fi.kohtaamo.shared.Actor system = new fi.kohtaamo.shared.Actor(9_300_000L, "System", Role.ADMIN, null,
                java.util.Set.of(), null, null, null);
        long activity = activities.create(system, form);
        WebClient web = family();
        // the place's Arabic-speaking families get a choice in their own script
        var page = web.get("/places/" + place + "/feedback?lang=fi");
        var arabic = page.html().selectFirst("input[name=answerLang][value=ar]");
        assertThat(arabic).isNotNull();
        assertThat(page.html().select("span[lang=ar]").text()).isEqualTo("العربية");
        // 25.11.2026 is a Wednesday and the test clock says 10.00 in Helsinki: the café is on
        assertThat(web.post("/places/" + place + "/feedback", Map.of("face", "5", "answerLang", "ar")).status())
                .isEqualTo(302);
        var row = jdbc.sql("select activity_id, occurrence_date, answer_lang from feedback where place_id = :p")
                .param("p", place).query().singleRow();
        assertThat(((Number) row.get("activity_id")).longValue()).isEqualTo(activity);
        assertThat(row.get("occurrence_date").toString()).isEqualTo("2026-11-25");
        assertThat(row.get("answer_lang")).isEqualTo("ar");
    }

    void answers(Long activity, String occurrence, String day, int face, int times) {
        for (int i = 0; i < times; i++) {
            jdbc.sql("""
                    insert into feedback (place_id, answered_on, activity_id, occurrence_date, face)
                    values (:p, :d, :a, :o, :f)""").param("p", place).param("d", java.time.LocalDate.parse(day))
                    .param("a", activity).param("o", occurrence == null ? null : java.time.LocalDate.parse(occurrence))
                    .param("f", face).update();
        }
    }

    @Test
    void staffSeeTheAnswersPerSessionUnderTheSmallNumberRule() {
        var form = new fi.kohtaamo.calendar.internal.ActivityForm();
        form.placeId = String.valueOf(place);
        form.kind = "FAMILY_CAFE";
        form.nameFi = Fixtures.unique("Kerroittainen kahvila");
        form.weekdays.add("WEDNESDAY");
        form.seasonStart = "2026-08-01";
        form.seasonEnd = "2026-12-31";
        form.startTime = "09:30";
        form.endTime = "11:30";
        form.organiserIds.add(String.valueOf(org));
        long activity = activities.create(new fi.kohtaamo.shared.Actor(9_300_000L, "System", Role.ADMIN, null,
                java.util.Set.of(), null, null, null), form);
        answers(activity, "2026-11-25", "2026-11-25", 5, 7);
        answers(activity, "2026-11-25", "2026-11-25", 3, 2);
        answers(activity, "2026-11-18", "2026-11-18", 4, 6);
        answers(null, null, "2026-11-20", 2, 1);
        WebClient staff = login(Role.PROVIDER_STAFF, org, county, null);
        assertThat(staff.get("/admin/participation/feedback?from=2026-11&to=2026-11").html()
                .select("a[href=/admin/participation/feedback/places/" + place + "/sessions?from=2026-11&to=2026-11]"))
                .hasSize(1);
        var page = staff.get("/admin/participation/feedback/places/" + place + "/sessions?from=2026-11&to=2026-11");
        assertThat(page.status()).isEqualTo(200);
        var rows = page.html().select("tbody tr");
        assertThat(rows).hasSize(3);
        // newest session first: 7 very happy, 2 neutral shown as <5, 9 in all
        assertThat(rows.get(0).selectFirst("th").text()).contains("25.11.2026").contains(form.nameFi);
        assertThat(rows.get(0).select("td.num").eachText()).containsExactly("7", "0", "<5", "0", "0", "9");
        assertThat(rows.get(1).selectFirst("th").text()).contains("18.11.2026");
        assertThat(rows.get(1).select("td.num").eachText()).containsExactly("0", "6", "0", "0", "0", "6");
        // one answer outside any session: its own row, hidden
        assertThat(rows.get(2).selectFirst("th").text()).isEqualTo("Muulloin kuin toiminnan aikana");
        assertThat(rows.get(2).select("td.num").eachText()).containsExactly("0", "0", "0", "<5", "0", "<5");
        // coordinators of the county see it too; another county's do not
        assertThat(login(Role.COUNTY_COORDINATOR, null, county, null)
                .get("/admin/participation/feedback/places/" + place + "/sessions").status()).isEqualTo(200);
        assertThat(login(Role.COUNTY_COORDINATOR, null, otherCounty, null)
                .get("/admin/participation/feedback/places/" + place + "/sessions").status()).isEqualTo(403);
        assertThat(staff.get("/admin/participation/feedback/places/" + place + "/sessions?from=x").status())
                .isEqualTo(400);
    }
}
