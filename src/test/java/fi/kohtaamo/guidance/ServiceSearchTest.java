package fi.kohtaamo.guidance;

import static fi.kohtaamo.guidance.ServiceFixtures.closed;
import static fi.kohtaamo.guidance.ServiceFixtures.regular;
import static org.assertj.core.api.Assertions.assertThat;

import fi.kohtaamo.registry.OrganisationType;
import fi.kohtaamo.support.Fixtures;
import fi.kohtaamo.support.IntegrationTest;
import fi.kohtaamo.support.WebClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The public directory search over HTTP on the real database: by need, by words (part of a word, sv/en names,
 * case and accents, need names), filtered by municipality, language and age; only public services; every county
 * of the instance, narrowed by municipality; hostile query strings answered with a translated 400 (never a 500);
 * a write is in the next answer although answers are cached.
 */
@IntegrationTest
class ServiceSearchTest {

    @LocalServerPort int port;
    @Autowired Fixtures fx;
    @Autowired ServiceFixtures services;
    @Autowired JdbcClient jdbc;
    @Autowired fi.kohtaamo.shared.PublicDataCache cache;

    long county, otherCounty, org, otherOrg;
    String m, m2, om;
    /** A word no other test's service has, so that results are this test's own. */
    String tag;
    long clinic, counselling, speech, inactive, closedService, elsewhere;

    @BeforeEach
    void world() {
        county = fx.county();
        otherCounty = fx.county();
        m = fx.municipality(county);
        m2 = fx.municipality(county);
        om = fx.municipality(otherCounty);
        org = fx.organisation(OrganisationType.MUNICIPALITY, null, county);
        otherOrg = fx.organisation(OrganisationType.OTHER_NGO, null, otherCounty);
        services.needs(county);
        services.needs(otherCounty);
        tag = "zq" + Fixtures.unique("").strip();
        clinic = services.service(county, org, "Lastenneuvola " + tag).names("Barnrådgivning " + tag, "Child health clinic " + tag)
                .summary("Terveystarkastukset ja rokotukset", "Hälsokontroller", "Check-ups and vaccinations")
                .needs("sleep", "eating").languages("fi", "sv").municipalities(m, m2).ages(0, 83)
                .set("for_expecting", true)
                .phone("09 816 12345", regular(1, "08:00", "16:00"), regular(2, "08:00", "16:00"))
                .location("Neuvolatie 1", m, "Esteetön sisäänkäynti", regular(3, "12:00", "14:00"))
                .insert();
        counselling = services.service(county, org, "Perheneuvonta " + tag).names("Familjerådgivning " + tag, null)
                .set("service_type", "FAMILY_COUNSELLING").set("access_mode", "PROFESSIONAL_ONLY")
                .set("referral_fi", "Neuvolan terveydenhoitaja tekee lähetteen.")
                .needs("relationship").languages("fi", "en").municipalities(m).ages(0, 215).insert();
        speech = services.service(county, org, "Puheterapia " + tag).set("service_type", "SPEECH_THERAPY")
                .needs("speech").languages("fi", "ar").municipalities(m2).ages(24, 120).insert();
        inactive = services.service(county, org, "Lakkautettu neuvola " + tag).set("status", "INACTIVE")
                .needs("sleep").municipalities(m).insert();
        closedService = services.service(county, org, "Suljettu kerho " + tag).set("status", "TEMPORARILY_CLOSED")
                .needs("sleep").municipalities(m).phone("040 111", regular(1, "00:00", "23:59")).insert();
        elsewhere = services.service(otherCounty, otherOrg, "Toisen alueen neuvola " + tag).needs("sleep")
                .municipalities(om).insert();
    }

    WebClient web() {
        return new WebClient(port);
    }

    /** The ids of the results on the page, in order. */
    static List<Long> ids(Document page) {
        return page.select("ol.card-list > li h3 a").stream()
                .map(a -> Long.parseLong(a.attr("href").replaceAll(".*/services/(\\d+).*", "$1"))).toList();
    }

    List<Long> search(String query) {
        var r = web().get("/services?" + query);
        assertThat(r.status()).as(query).isEqualTo(200);
        return ids(r.html());
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void byNeedWithinAMunicipality() {
        assertThat(search("need=sleep&municipality=" + m)).containsExactly(clinic, closedService);
        assertThat(search("need=speech&municipality=" + m2)).containsExactly(speech);
        assertThat(search("need=relationship&municipality=" + m2)).isEmpty();
    }

    @Test
    void byWordsPrefixCaseAccentsAndLanguages() {
        // part of a word: "neuvo" finds Lastenneuvola, Perheneuvonta and the other county's neuvola, not the inactive
        assertThat(search("q=" + enc("neuvo " + tag))).containsExactlyInAnyOrder(clinic, counselling, elsewhere);
        // Swedish and English names, any case, accents folded both ways
        assertThat(search("q=" + enc("BARNRADGIVN " + tag))).containsExactly(clinic);
        assertThat(search("q=" + enc("familjerådgivning " + tag))).containsExactly(counselling);
        assertThat(search("q=" + enc("child HEALTH " + tag))).containsExactly(clinic);
        // summaries and the names of the service's needs (sleep: "Uni ja väsymys", eating: "Syöminen")
        assertThat(search("q=" + enc("rokotuks " + tag))).containsExactly(clinic);
        assertThat(search("q=" + enc("vasymys " + tag))).containsExactly(clinic, elsewhere, closedService);
        assertThat(search("q=" + enc("Parförhållande " + tag))).containsExactly(counselling);
        // every word must match
        assertThat(search("q=" + enc("puhe neuvola " + tag))).isEmpty();
    }

    @Test
    void filtersLanguageAgeAndExpecting() {
        String base = "q=" + tag + "&municipality=" + m;
        assertThat(search(base + "&language=sv")).containsExactly(clinic);
        assertThat(search(base + "&language=en")).containsExactly(counselling);
        // a 10-year-old: the clinic ends at 6 years 11 months; the counselling runs to 17
        assertThat(search(base + "&age=10")).containsExactly(counselling, closedService);
        assertThat(search(base + "&age=6")).contains(clinic, counselling);
        assertThat(search(base + "&age=expecting")).containsExactly(clinic);
        assertThat(search("q=" + tag + "&age=1")).doesNotContain(speech);
        assertThat(search("q=" + tag + "&age=2")).contains(speech);
    }

    @Test
    void onlyPublicServicesEveryCountyNarrowedByMunicipality() {
        List<Long> all = search("q=" + tag);
        assertThat(all).contains(clinic, counselling, speech, closedService, elsewhere).doesNotContain(inactive);
        // active before temporarily closed
        assertThat(all.indexOf(closedService)).isGreaterThan(all.indexOf(clinic));
        assertThat(search("q=" + tag + "&municipality=" + om)).containsExactly(elsewhere);
        assertThat(web().get("/services/" + inactive).status()).isEqualTo(404);
        jdbc.sql("update guidance_service set status = 'DEFUNCT' where id = :id").param("id", speech).update();
        cache.changed();
        assertThat(web().get("/services/" + speech).status()).isEqualTo(404);
        assertThat(web().get("/services/" + speech + "/card.pdf").status()).isEqualTo(404);
        var page = web().get("/services/" + closedService + "?lang=en").html();
        assertThat(page.select(".way-in").text()).contains("Temporarily closed").doesNotContain("Open now");
    }

    @Test
    void howToGetThereComesFirst() {
        Document page = web().get("/services?lang=en&q=" + tag + "&municipality=" + m).html();
        Element card = page.select("ol.card-list > li").stream()
                .filter(li -> li.select("h3 a").attr("href").endsWith("/services/" + counselling)).findFirst().orElseThrow();
        // right after the name: only through a professional, and how
        Element first = card.child(1);
        assertThat(first.text()).startsWith("Only through a professional").contains("Neuvolan terveydenhoitaja");
        Element clinicCard = page.select("ol.card-list > li").first();
        assertThat(clinicCard.select("h3").text()).contains("Child health clinic");
        assertThat(clinicCard.child(1).text()).contains("Contact the service directly", "Phone 09 816 12345",
                "Monday–Tuesday 8:00–16:00", "Walk in Neuvolatie 1", "Wednesday 12:00–14:00");
    }

    @Test
    void hostileQueryStringsAreTranslated400sNever500() {
        WebClient web = web();
        var tooLong = web.get("/services?lang=en&q=" + "a".repeat(101));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.html().select("h1").text()).isEqualTo("Search too long");
        StringBuilder many = new StringBuilder("/services?lang=fi");
        for (int i = 0; i < 20; i++) {
            many.append("&x").append(i).append("=1");
        }
        var tooMany = web.get(many.toString());
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.html().select("h1").text()).isEqualTo("Liikaa hakuehtoja");
        for (String q : List.of("need=" + enc("sleep'; drop table guidance_service; --"), "municipality=abc",
                "municipality=" + enc("049' or '1'='1"), "age=-1", "age=18", "age=" + enc("1 or 1=1"), "page=99999",
                "page=-1", "language=" + enc("fi'--"), "need=sleep&need=eating", "municipality=999",
                "q=" + enc("\u202Eevil"))) {
            assertThat(web.get("/services?" + q).status()).as(q).isEqualTo(400);
        }
        // SQL-ish and wildcard words are only words (a word of one character is left out)
        for (String q : List.of("' or 1=1 --", "%%", "__", "\\\\", "%' union select * from app_user --", tag + "%")) {
            var r = web.get("/services?q=" + enc(q) + "&municipality=" + m);
            assertThat(r.status()).as(q).isEqualTo(200);
            assertThat(ids(r.html())).as(q).isEmpty();
        }
        assertThat(web.get("/services/abc").status()).isEqualTo(404);
        assertThat(web.get("/services/99999999999999999999").status()).isEqualTo(404);
        assertThat(web.get("/services/" + clinic + "/card.pdf?size=A4").status()).isEqualTo(400);
        assertThat(web.get("/services/" + clinic + "/card.pdf?language=de").status()).isEqualTo(400);
        assertThat(web.get("/services/" + clinic + "/card.pdf?family=ru").status()).isEqualTo(400);
    }

    @Test
    void aWriteIsInTheNextAnswer() {
        WebClient web = web();
        assertThat(web.get("/services/" + clinic).html().select("h1").text()).isEqualTo("Lastenneuvola " + tag);
        assertThat(search("q=" + tag + "&municipality=" + m2)).containsExactly(clinic, speech);
        // a write of the directory moves the data version (AuditLog.record does it for the directory's writes)
        jdbc.sql("update guidance_service set name_fi = :n where id = :id").param("n", "Vauvaneuvola " + tag)
                .param("id", clinic).update();
        jdbc.sql("delete from guidance_service_municipality where service_id = :id and municipality_code = :m")
                .param("id", speech).param("m", m2).update();
        cache.changed();
        assertThat(web.get("/services/" + clinic).html().select("h1").text()).isEqualTo("Vauvaneuvola " + tag);
        assertThat(search("q=" + tag + "&municipality=" + m2)).containsExactly(clinic);
    }

    @Test
    void pagesOfTwenty() {
        String word = "zp" + Fixtures.unique("").strip();
        for (int i = 0; i < 23; i++) {
            services.service(county, org, String.format("Ryhmä %02d %s", i, word)).municipalities(m).insert();
        }
        Document first = web().get("/services?q=" + word).html();
        assertThat(ids(first)).hasSize(20);
        assertThat(first.select("#results").text()).isEqualTo("23 palvelua");
        Document second = web().get("/services?q=" + word + "&page=1").html();
        assertThat(ids(second)).hasSize(3);
        assertThat(second.select(".pagination").text()).contains("Sivu 2 / 2");
        assertThat(ids(web().get("/services?q=" + word + "&page=5").html())).isEmpty();
    }

    @Test
    void closedDatesAndHoursInWordsOnThePage() {
        LocalDate christmas = LocalDate.of(2026, 12, 24);
        long id = services.service(county, org, "Päivystys " + tag).municipalities(m)
                .phone("0800 123", regular(5, "22:00", "02:00"), regular(1, "09:00", "12:00"),
                        regular(2, "09:00", "12:00"), regular(3, "09:00", "12:00"),
                        closed(christmas, LocalDate.of(2026, 12, 26), "joulu"))
                .insert();
        Document fi = web().get("/services/" + id + "?lang=fi").html();
        assertThat(fi.select(".hours").text()).contains("maanantai–keskiviikko 9.00–12.00",
                "perjantai 22.00–2.00 (yön yli)", "Suljettu 24.12.2026–26.12.2026 (joulu)");
        Document sv = web().get("/services/" + id + "?lang=sv").html();
        assertThat(sv.select(".hours").text()).contains("måndag–onsdag 9.00–12.00", "fredag 22.00–2.00 (över natten)",
                "Stängt 24.12.2026–26.12.2026");
        Document en = web().get("/services/" + id + "?lang=en").html();
        assertThat(en.select(".hours").text()).contains("Monday–Wednesday 9:00–12:00", "Friday 22:00–2:00 (overnight)",
                "Closed 24 Dec 2026–26 Dec 2026");
        // the test clock stands at Wednesday 25.11.2026 10.00 in Helsinki: open now
        assertThat(en.select(".way-in .tag").text()).isEqualTo("Open now");
    }
}
