package fi.kohtaamo.shared;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kohtaamo.support.IntegrationTest;
import fi.kohtaamo.support.WebClient;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Oversized input over real HTTP: a form post over the server's limit and uploads over the file limit get the
 * translated error page with the limits (413, in the language of the address), never Tomcat's bare English page
 * or a 500; files over an import's own limit and text over a field's limit get a message naming the limit next to
 * the field, and the fields say their limit (maxlength). Nothing is stored.
 */
@IntegrationTest
class OversizedRequestTest {

    static final Map<String, String> TITLE = Map.of("fi", "Liian suuri", "sv", "För stor", "en", "Too large");
    static final Map<String, String> FORM_LIMIT = Map.of("fi", "enintään 1 Mt", "sv", "högst 1 MB", "en", "at most 1 MB");
    static final Map<String, String> FILE_LIMIT = Map.of("fi", "enintään 20 Mt", "sv", "högst 20 MB", "en", "at most 20 MB");

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;

    long rows(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    static void assertTooLargePage(WebClient.Response r, String lang, Map<String, String> limit) {
        assertThat(r.status()).as(lang).isEqualTo(413);
        assertThat(r.header("Content-Type")).startsWith("text/html");
        Document page = r.html();
        assertThat(page.select("html").attr("lang")).isEqualTo(lang);
        assertThat(page.select("main h1").text()).isEqualTo(TITLE.get(lang));
        assertThat(page.select("main").text()).contains(limit.get(lang)).doesNotContain("Tomcat", "HTTP Status");
    }

    /** The place of the demo association's staff account whose counts and activities it keeps. */
    long place(WebClient web) {
        WebClient.Response places = web.get("/admin/counts");
        String link = places.status() == 302 ? places.header("Location")
                : places.html().select("main .card-list a").first().attr("href");
        return Long.parseLong(link.replaceAll("[?#].*$", "").replaceAll("^.*/", ""));
    }

    @Test
    void aFormPostOverTheServersLimitGetsTheTranslatedPageAndStoresNothing() {
        WebClient web = new WebClient(port);
        web.login("mll@demo.kohtaamo.fi", "demo-password-for-tests");
        long places = rows("place");
        for (String lang : List.of("fi", "sv", "en")) {
            web.get("/admin/places/new?lang=" + lang);
            WebClient.Response r = web.post("/admin/places?lang=" + lang, Map.of("nameFi", "Liian pitkä ".repeat(120_000)));
            assertTooLargePage(r, lang, FORM_LIMIT);
        }
        assertThat(rows("place")).isEqualTo(places);
        // the session and the sign-in are intact: the next form works
        assertThat(web.get("/admin/places/new?lang=en").status()).isEqualTo(200);
    }

    @Test
    void uploadsOverTheFileLimitGetTheTranslatedPageWithTheLimit() {
        WebClient web = new WebClient(port);
        web.login("mll@demo.kohtaamo.fi", "demo-password-for-tests");
        long place = place(web);
        long activities = rows("activity");
        long counts = rows("visit_count");
        byte[] huge = new byte[21_500_000];
        java.util.Arrays.fill(huge, (byte) 'a');
        for (String lang : List.of("fi", "sv", "en")) {
            web.get("/admin/places/" + place + "/import?lang=" + lang);
            assertTooLargePage(web.postMultipart("/admin/places/" + place + "/import/preview?lang=" + lang,
                    List.of(Map.entry("importLanguage", "fi")),
                    List.of(new WebClient.FilePart("importFile", "kalenteri.ics", "text/calendar", huge))), lang, FILE_LIMIT);
            web.get("/admin/counts/places/" + place + "/import?lang=" + lang);
            assertTooLargePage(web.postMultipart("/admin/counts/places/" + place + "/import/preview?lang=" + lang,
                    List.of(), List.of(new WebClient.FilePart("file", "laskut.csv", "text/csv", huge))), lang, FILE_LIMIT);
        }
        assertThat(rows("activity")).isEqualTo(activities);
        assertThat(rows("visit_count")).isEqualTo(counts);
    }

    @Test
    void filesOverAnImportsOwnLimitAndTextOverAFieldsLimitAreToldTheLimitNextToTheField() {
        WebClient web = new WebClient(port);
        web.login("mll@demo.kohtaamo.fi", "demo-password-for-tests");
        long place = place(web);
        long activities = rows("activity");
        long counts = rows("visit_count");
        byte[] big = new byte[2_500_000];
        java.util.Arrays.fill(big, (byte) 'a');
        web.get("/admin/places/" + place + "/import?lang=en");
        WebClient.Response calendar = web.postMultipart("/admin/places/" + place + "/import/preview?lang=en",
                List.of(Map.entry("importLanguage", "fi")),
                List.of(new WebClient.FilePart("importFile", "kalenteri.ics", "text/calendar", big)));
        assertThat(calendar.status()).isEqualTo(400);
        assertThat(calendar.html().select("#f-importFile-error").text()).contains("at most 1 MB");
        web.get("/admin/counts/places/" + place + "/import?lang=sv");
        WebClient.Response countImport = web.postMultipart("/admin/counts/places/" + place + "/import/preview?lang=sv",
                List.of(), List.of(new WebClient.FilePart("file", "laskut.csv", "text/csv", big)));
        assertThat(countImport.status()).isEqualTo(400);
        assertThat(countImport.html().select("main").text()).contains("högst 2 MB");
        assertThat(rows("activity")).isEqualTo(activities);
        assertThat(rows("visit_count")).isEqualTo(counts);

        // text fields say their limit, and text over it is refused with the limit, the typed text kept
        long places = rows("place");
        Document form = web.get("/admin/places/new?lang=fi").html();
        assertThat(form.select("#f-nameFi").attr("maxlength")).isEqualTo("200");
        assertThat(form.select("#f-descriptionFi").attr("maxlength")).isEqualTo("4000");
        assertThat(form.select("#f-postalCode").attr("maxlength")).isEqualTo("5");
        String name = "Pitkä nimi ".repeat(20);
        for (var lang : Map.of("fi", "Enintään 200 merkkiä", "sv", "Högst 200 tecken", "en", "At most 200 characters")
                .entrySet()) {
            web.get("/admin/places/new?lang=" + lang.getKey());
            WebClient.Response refused = web.post("/admin/places?lang=" + lang.getKey(), Map.of("nameFi", name));
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.html().select("#f-nameFi-error").text()).contains(lang.getValue());
            assertThat(refused.html().select("#f-nameFi").attr("value")).isEqualTo(name);
        }
        assertThat(rows("place")).isEqualTo(places);
    }
}
