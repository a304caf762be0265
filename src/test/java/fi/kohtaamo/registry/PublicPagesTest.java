package fi.kohtaamo.registry;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kohtaamo.support.IntegrationTest;
import fi.kohtaamo.support.WebClient;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The public pages over real HTTP on the demo data, in the three languages, with bad input. */
@IntegrationTest
class PublicPagesTest {

    @LocalServerPort
    int port;

    WebClient web;

    @BeforeEach
    void client() {
        web = new WebClient(port);
    }

    @ParameterizedTest
    @ValueSource(strings = {"fi", "sv", "en"})
    void frontPageAndPlaceListInEachLanguage(String lang) {
        var home = web.get("/?lang=" + lang);
        assertThat(home.status()).isEqualTo(200);
        Document doc = home.html();
        assertThat(doc.selectFirst("html").attr("lang")).isEqualTo(lang);
        assertThat(doc.selectFirst("h1").text()).isEqualTo(switch (lang) {
            case "sv" -> "Familjernas öppna mötesplatser";
            case "en" -> "Open meeting places for families";
            default -> "Perheiden avoimet kohtaamispaikat";
        });
        var list = web.get("/places?lang=" + lang).html();
        assertThat(list.select(".card-list > li.card").size()).isGreaterThan(20);
    }

    @Test
    void languageIsRememberedFromTheUrlChoiceAndAcceptLanguageIsUsedOtherwise() {
        assertThat(web.get("/", Map.of("Accept-Language", "sv-FI,sv;q=0.9")).html().selectFirst("html").attr("lang"))
                .isEqualTo("sv");
        assertThat(web.get("/", Map.of("Accept-Language", "de")).html().selectFirst("html").attr("lang")).isEqualTo("fi");
        web.get("/?lang=en");
        assertThat(web.get("/places").html().selectFirst("html").attr("lang")).isEqualTo("en");
    }

    @Test
    void filtersNarrowTheListByMunicipalityKindAndAccessibility() {
        Document espoo = web.get("/places?municipality=049&lang=fi").html();
        int espooCount = espoo.select(".card-list > li.card").size();
        assertThat(espooCount).isPositive();
        assertThat(espoo.select(".card-list > li.card").eachText()).allMatch(t -> t.contains("Espoo"));

        Document cafes = web.get("/places?kind=FAMILY_CAFE&lang=fi").html();
        assertThat(cafes.select(".card-list > li.card").eachText()).isNotEmpty().allMatch(t -> t.contains("Perhekahvila"));

        Document stepFree = web.get("/places?accessibility=STEP_FREE_ENTRANCE&municipality=049").html();
        assertThat(stepFree.select(".card-list > li.card").size()).isLessThanOrEqualTo(espooCount);
        assertThat(stepFree.select(".card-list > li.card").eachText()).allMatch(t -> t.contains("Esteetön sisäänkäynti"));
    }

    @Test
    void placePageShowsTheRegistryDetails() {
        Document list = web.get("/places?lang=en").html();
        String href = list.selectFirst(".card-list > li.card h3 a").attr("href");
        var page = web.get(href + "?lang=en");
        assertThat(page.status()).isEqualTo(200);
        Document doc = page.html();
        assertThat(doc.select("h2").eachText()).contains("Visiting", "Opening hours", "Accessibility", "Contact");
        // internal fields (staffing, funding) are not on the public page
        assertThat(doc.text()).doesNotContain("Wage-subsidy").doesNotContain("STEA");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/places?municipality=999", "/places?municipality=49", "/places?municipality=%27%20or%201=1--",
            "/places?kind=CASTLE", "/places?area=abc", "/places?area=999999", "/places?page=-1",
            "/places?accessibility=ROCKET", "/places?language=%3Cscript%3E", "/places?q=%00abc"})
    void badFiltersGetAClearMessageNotAnError(String url) {
        var r = web.get(url + (url.contains("?") ? "&" : "?") + "lang=en");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.html().selectFirst("h1").text()).isEqualTo("Invalid parameter");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/places/0", "/places/abc", "/places/99999999", "/places/1%27", "/no/such/page"})
    void unknownPagesAreNotFoundPages(String url) {
        var r = web.get(url + "?lang=sv");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.html().selectFirst("h1").text()).isEqualTo("Sidan hittades inte");
    }

    @Test
    void anExhaustedConnectionPoolAnswers503WithRetryAfterInTheUsersLanguage() {
        var page = web.get("/test-only/busy?lang=sv");
        assertThat(page.status()).isEqualTo(503);
        assertThat(page.header("Retry-After")).isEqualTo("10");
        assertThat(page.html().selectFirst("h1").text()).isEqualTo("Tjänsten är överbelastad just nu");
        var api = new WebClient(port).get("/api/v1/test-only/busy", Map.of("Accept-Language", "en"));
        assertThat(api.status()).isEqualTo(503);
        assertThat(api.header("Retry-After")).isEqualTo("10");
        assertThat(api.header("Content-Type")).startsWith("application/problem+json");
        assertThat(api.body()).contains("The service is busy right now");
    }

    @Test
    void hostileSearchTextIsShownEscaped() {
        var r = web.get("/places?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).doesNotContain("<script>alert(1)</script>");
        assertThat(r.html().selectFirst("#f-q").attr("value")).isEqualTo("<script>alert(1)</script>");
    }

    @Test
    void pagesCarryAStrictContentSecurityPolicy() {
        var r = web.get("/");
        assertThat(r.header("Content-Security-Policy")).contains("default-src 'self'").contains("frame-ancestors 'none'");
        assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    void staffPagesNeedLogin() {
        var r = web.get("/admin");
        assertThat(r.status()).isEqualTo(302);
        assertThat(r.header("Location")).endsWith("/login");
    }
}
