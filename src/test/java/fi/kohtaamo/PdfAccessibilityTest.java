package fi.kohtaamo;

import static fi.kohtaamo.guidance.ServiceFixtures.regular;
import static org.assertj.core.api.Assertions.assertThat;

import fi.kohtaamo.calendar.internal.ActivityForm;
import fi.kohtaamo.calendar.internal.ActivityService;
import fi.kohtaamo.guidance.ServiceFixtures;
import fi.kohtaamo.identity.internal.UserQueries;
import fi.kohtaamo.registry.OrganisationType;
import fi.kohtaamo.shared.Actor;
import fi.kohtaamo.shared.PublicUrls;
import fi.kohtaamo.shared.RateLimits;
import fi.kohtaamo.shared.Role;
import fi.kohtaamo.support.Fixtures;
import fi.kohtaamo.support.IntegrationTest;
import fi.kohtaamo.support.PdfTagging;
import fi.kohtaamo.support.PdfTagging.Element;
import fi.kohtaamo.support.PdfTagging.Report;
import fi.kohtaamo.support.PdfUa;
import fi.kohtaamo.support.WebClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Every kind of PDF Kohtaamo writes (the weekly poster, the feedback card, the handout, the service card, and a
 * table report through {@code shared.TablePdf}: the survey results; minutes and the monitoring report use the same
 * writer), fetched over HTTP in Finnish, Swedish and English, read as a screen reader relies on it
 * ({@link PdfTagging}): structure tree, MarkInfo, language, title shown, all page text inside structure elements
 * (per MCID, against PDFTextStripper), QR codes as Figures whose Alt says where they lead, headings; and each
 * validated as PDF/UA-1 by veraPDF ({@link PdfUa}).
 */
@IntegrationTest
class PdfAccessibilityTest {

    static final String PASSWORD = "saavutettava-pdf-1";

    @LocalServerPort int port;
    @Autowired Fixtures fx;
    @Autowired ServiceFixtures services;
    @Autowired UserQueries users;
    @Autowired PasswordEncoder encoder;
    @Autowired ActivityService activities;
    @Autowired PublicUrls urls;
    @Autowired RateLimits limits;

    long county, place, service;
    String municipality;
    WebClient staff, partner, coordinator;

    @BeforeEach
    void world() {
        limits.clear();
        county = fx.county();
        municipality = fx.municipality(county);
        long area = fx.area(county, municipality);
        long mll = fx.organisation(OrganisationType.MLL_ASSOCIATION, null, county);
        long wellbeing = fx.organisation(OrganisationType.WELLBEING_COUNTY, null, county);
        place = fx.openPlace(area, municipality, mll);
        ActivityForm f = new ActivityForm();
        f.placeId = String.valueOf(place);
        f.kind = "FAMILY_CAFE";
        f.nameFi = "Perhekahvila Saavutettava";
        f.nameSv = "Familjecafé Tillgänglig";
        f.nameEn = "Family café Accessible";
        f.weekdays.add("THURSDAY");
        f.ageMinYears = "0";
        f.ageMaxYears = "6";
        f.languages.add("fi");
        f.seasonStart = "2026-08-01";
        f.seasonEnd = "2027-05-31";
        f.startTime = "09:30";
        f.endTime = "11:00";
        activities.create(new Actor(1, "Testi", Role.ADMIN, null, Set.of(), null, null, null), f);
        services.needs(county);
        service = services.service(county, wellbeing, "Perheneuvola Saavutettava")
                .names("Familjerådgivning Tillgänglig", "Family clinic Accessible")
                .summary("Apua kasvatukseen", "Hjälp med fostran", "Help with parenting")
                .municipalities(municipality).languages("fi", "ru")
                .phone("09 8165 3000", regular(1, "09:00", "15:00"))
                .location("Kauppakatu 5", municipality, null, regular(4, "13:00", "15:00"))
                .text("ru", "Семейная консультация", "Помощь в воспитании детей", "Позвоните нам")
                .insert();
        staff = login(Role.PROVIDER_STAFF, mll, county);
        partner = login(Role.PARTNER, wellbeing, null);
        coordinator = login(Role.COUNTY_COORDINATOR, null, county);
    }

    WebClient login(Role role, Long orgId, Long countyId) {
        String email = Fixtures.unique("pdf-" + role.name().toLowerCase()).replace(' ', '-') + "@example.fi";
        users.insert(email, "Pdf " + role, encoder.encode(PASSWORD), role, orgId, countyId, null, null, "fi", true,
                false, Instant.now());
        WebClient web = new WebClient(port);
        assertThat(web.login(email, PASSWORD).header("Location")).endsWith("/admin");
        return web;
    }

    static Report read(byte[] pdf, String lang) throws Exception {
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            Report r = PdfTagging.check(doc);
            assertThat(r.lang()).isEqualTo(lang);
            assertThat(r.types()).first().isEqualTo("Document");
            assertThat(r.types()).contains("H1");
            assertThat(PdfUa.failures(pdf)).as("PDF/UA-1 (veraPDF)").isEmpty();
            return r;
        }
    }

    /** The QR codes are Figures whose alternative text names the address they lead to. */
    static void figuresLeadTo(Report r, String... addresses) {
        List<String> alts = r.ofType("Figure").stream().map(Element::alt).toList();
        assertThat(alts).hasSize(addresses.length);
        for (int i = 0; i < addresses.length; i++) {
            assertThat(alts.get(i)).contains(addresses[i].replaceFirst("^https?://", ""));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"fi", "sv", "en"})
    void everyKindOfPdfIsTaggedForScreenReaders(String lang) throws Exception {
        // the weekly poster (public)
        Report poster = read(new WebClient(port).getBytes("/calendar/poster.pdf?place=" + place
                + "&week=2026-W48&lang=" + lang), lang);
        assertThat(poster.ofType("H2")).isNotEmpty();
        assertThat(poster.text()).contains(switch (lang) {
            case "fi" -> "Perhekahvila Saavutettava";
            case "sv" -> "Familjecafé Tillgänglig";
            default -> "Family café Accessible";
        });
        figuresLeadTo(poster, urls.of("/calendar?place=" + place), urls.of("/f/" + Long.toString(place, 36)));

        // the feedback card (staff)
        Report card = read(staff.getBytes("/admin/participation/feedback/places/" + place + "/card.pdf?lang="
                + lang), lang);
        assertThat(card.ofType("H1").get(0).text()).isEqualTo(switch (lang) {
            case "fi" -> "Kerro meille!";
            case "sv" -> "Berätta för oss!";
            default -> "Tell us!";
        });
        figuresLeadTo(card, urls.of("/f/" + Long.toString(place, 36)));

        // the handout (partner)
        partner.get("/admin/handouts");
        Report handout = read(partner.postBytes("/admin/handouts/print", List.of(Map.entry("municipality",
                municipality), Map.entry("age", "1"), Map.entry("serviceType", "CHILD_HEALTH_CLINIC"),
                Map.entry("handoutLang", lang), Map.entry("place", "" + place))), lang);
        assertThat(handout.ofType("H2")).hasSize(1);
        assertThat(handout.ofType("LBody")).isNotEmpty();
        figuresLeadTo(handout, urls.of("/calendar?place=" + place));

        // the service card (public)
        Report serviceCard = read(new WebClient(port).getBytes("/services/" + service + "/card.pdf?language=" + lang
                + "&lang=" + lang), lang);
        assertThat(serviceCard.ofType("H1").get(0).text()).isEqualTo(switch (lang) {
            case "fi" -> "Perheneuvola Saavutettava";
            case "sv" -> "Familjerådgivning Tillgänglig";
            default -> "Family clinic Accessible";
        });
        assertThat(serviceCard.ofType("H2")).hasSize(1);
        figuresLeadTo(serviceCard, urls.of("/services/" + service + "?lang=" + lang));

        // a table report (shared.TablePdf): the survey results (county coordinator)
        long survey = survey();
        Report results = read(coordinator.getBytes("/admin/participation/surveys/" + survey + "/results.pdf?lang="
                + lang), lang);
        assertThat(results.ofType("Table")).isNotEmpty();
        assertThat(results.ofType("TH")).isNotEmpty();
        assertThat(results.ofType("TD")).isNotEmpty();
        assertThat(results.ofType("Figure")).isEmpty();
    }

    @Test
    void textInAnotherLanguageCarriesItsOwnLang() throws Exception {
        Report poster = read(new WebClient(port).getBytes("/calendar/poster.pdf?place=" + place
                + "&week=2026-W48&lang=fi-sv"), "fi");
        assertThat(poster.elements()).filteredOn(e -> "sv".equals(e.lang())).extracting(Element::text)
                .anyMatch(t -> t.contains("Familjecafé Tillgänglig"));
        assertThat(poster.elements()).filteredOn(e -> e.lang() == null).extracting(Element::text)
                .noneMatch(t -> t.contains("Familjecafé Tillgänglig"));

        Report card = read(staff.getBytes("/admin/participation/feedback/places/" + place + "/card.pdf?lang=fisv"),
                "fi");
        assertThat(card.elements()).filteredOn(e -> "sv".equals(e.lang())).extracting(Element::text)
                .contains("Berätta för oss!");

        Report serviceCard = read(new WebClient(port).getBytes("/services/" + service
                + "/card.pdf?size=A5&language=sv&family=ru"), "sv");
        assertThat(serviceCard.elements()).filteredOn(e -> "ru".equals(e.lang())).extracting(Element::text)
                .contains("Семейная консультация");
    }

    long survey() {
        coordinator.get("/admin/participation/surveys/new?template=visitor");
        List<Map.Entry<String, String>> f = new ArrayList<>(List.of(Map.entry("surveyTitleFi", "Kävijäkysely"),
                Map.entry("surveyTitleSv", "Besöksenkät"), Map.entry("surveyTitleEn", "Visitor survey"),
                Map.entry("surveyOpensOn", "2026-11-01"), Map.entry("surveyClosesOn", "2026-12-31"),
                Map.entry("surveyPlaceIds", "" + place), Map.entry("template", "visitor")));
        var r = coordinator.post("/admin/participation/surveys", f);
        assertThat(r.status()).as(r.body()).isEqualTo(302);
        return Long.parseLong(r.header("Location").replaceAll(".*/surveys/([0-9]+).*", "$1"));
    }
}
