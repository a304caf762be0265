package fi.kohtaamo.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import fi.kohtaamo.calendar.internal.ActivityForm;
import fi.kohtaamo.calendar.internal.ActivityService;
import fi.kohtaamo.registry.OrganisationType;
import fi.kohtaamo.shared.Actor;
import fi.kohtaamo.shared.Role;
import fi.kohtaamo.support.Fixtures;
import fi.kohtaamo.support.IntegrationTest;
import fi.kohtaamo.support.WebClient;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The printable weekly poster over real HTTP: the PDF is read back with PDFBox (size, text) and its
 * QR code is rendered and decoded with ZXing; bad input gives the form back with a message.
 * The test clock stands on Wednesday 25.11.2026, week 48.
 */
@IntegrationTest
class PosterTest {

    static final Actor ADMIN = new Actor(1, "Admin", Role.ADMIN, null, Set.of(), null, null, null);

    @LocalServerPort int port;
    @Autowired Fixtures fx;
    @Autowired ActivityService activities;

    WebClient web;
    long area, place, otherPlace, cafe, club;
    String muni;

    @BeforeEach
    void world() {
        web = new WebClient(port);
        long county = fx.county();
        muni = fx.municipality(county);
        area = fx.area(county, muni);
        long org = fx.organisation(OrganisationType.MLL_ASSOCIATION, null, county);
        place = fx.place(area, muni, org);
        otherPlace = fx.place(area, muni, org);
        ActivityForm f = form(place, "FAMILY_CAFE", "Perhekahvila Testi", "9:30", "11:30", "MONDAY", "WEDNESDAY");
        f.nameSv = "Familjecafé Test";
        f.ageMaxYears = "6";
        cafe = activities.create(ADMIN, f);
        ActivityForm c = form(place, "HOMEWORK_CLUB", "Läksykerho", "17:00", "18:30", "TUESDAY");
        c.nameSv = "Läxklubb";
        c.ageMinYears = "7";
        c.ageMaxYears = "12";
        club = activities.create(ADMIN, c);
        activities.create(ADMIN, form(otherPlace, "BABY_CAFE", "Vauvakahvila Åkerö", "10:00", "12:00", "FRIDAY"));
        activities.cancelOccurrence(ADMIN, cafe, "2026-11-25",
                new ActivityService.LocalizedTextForm("Ohjaaja sairaana", "Ledaren är sjuk", null));
    }

    static ActivityForm form(long place, String kind, String name, String start, String end, String... weekdays) {
        ActivityForm f = new ActivityForm();
        f.placeId = String.valueOf(place);
        f.kind = kind;
        f.nameFi = name;
        f.scheduleKind = "WEEKLY";
        f.weekdays.addAll(java.util.List.of(weekdays));
        f.seasonStart = "2026-08-01";
        f.seasonEnd = "2026-12-31";
        f.startTime = start;
        f.endTime = end;
        f.languages.add("fi");
        return f;
    }

    @Test
    void placePosterListsTheWeekDayByDayWithTheCancelledOneMarked() throws Exception {
        HttpResponse<byte[]> r = pdf("/calendar/poster.pdf?place=" + place + "&week=2026-W48&lang=fi");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        try (PDDocument doc = Loader.loadPDF(r.body())) {
            PDRectangle size = doc.getPage(0).getMediaBox();
            assertThat(size.getWidth()).isCloseTo(PDRectangle.A4.getWidth(), org.assertj.core.data.Offset.offset(1f));
            assertThat(size.getHeight()).isCloseTo(PDRectangle.A4.getHeight(), org.assertj.core.data.Offset.offset(1f));
            assertThat(doc.getDocumentCatalog().getLanguage()).isEqualTo("fi");
            assertThat(doc.getDocumentInformation().getTitle()).startsWith("Testipaikka").contains("Viikko 48");
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("Testipaikka", "Viikko 48, 23.–29.11.2026", "Maanantai 23.11.", "Tiistai 24.11.",
                    "Keskiviikko 25.11.", "9.30–11.30", "17.00–18.30", "Perhekahvila Testi", "Läksykerho",
                    "PERUTTU: Ohjaaja sairaana", "Perhekahvila", "0–6 v", "Tulostettu 25.11.2026");
            assertThat(text).doesNotContain("Torstai", "Vauvakahvila", "Familjecafé");
            // Monday's café runs, Wednesday's is cancelled: the cancelled marker comes after Wednesday's heading
            assertThat(text.indexOf("PERUTTU")).isGreaterThan(text.indexOf("Keskiviikko 25.11."));
            assertThat(qr(doc)).isEqualTo(base() + "/calendar?place=" + place + "&date=2026-11-23&lang=fi");
            // and, beside it, the place's feedback address (participation offers it through calendar.PlaceFeedbackAddress)
            String feedback = base() + "/f/" + Long.toString(place, 36);
            assertThat(qrs(doc, 0)).contains(feedback);
            assertThat(text).contains("Anna palautetta:", feedback);
            // tagged for screen readers: title, week, the column headings, then each weekday heading followed by its occurrences
            assertThat(doc.getDocumentCatalog().getMarkInfo().isMarked()).isTrue();
            var document = (org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement)
                    doc.getDocumentCatalog().getStructureTreeRoot().getKids().get(0);
            assertThat(document.getStructureType()).isEqualTo("Document");
            assertThat(document.getKids().stream().map(k ->
                    ((org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement) k)
                            .getStructureType()).toList())
                    .containsExactly("H1", "P", "P", "H2", "P", "H2", "P", "H2", "P", "P", "Figure", "Figure", "P");
        }
    }

    @Test
    void twoLanguagePosterHasFinnishFirstAndSwedishToo() throws Exception {
        HttpResponse<byte[]> r = pdf("/calendar/poster.pdf?place=" + place + "&week=2026-W48&lang=fi-sv");
        assertThat(r.statusCode()).isEqualTo(200);
        try (PDDocument doc = Loader.loadPDF(r.body())) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("Viikko 48 · Vecka 48, 23.–29.11.2026", "Maanantai · Måndag 23.11.",
                    "Perhekahvila Testi", "Familjecafé Test", "Läxklubb", "PERUTTU: Ohjaaja sairaana", "INSTÄLLT: Ledaren är sjuk",
                    "Kieli", "Språk",
                    "0–6 år", "Tulostettu 25.11.2026 / Utskriven 25.11.2026");
            assertThat(text.indexOf("Perhekahvila Testi")).isLessThan(text.indexOf("Familjecafé Test"));
            assertThat(qr(doc)).isEqualTo(base() + "/calendar?place=" + place + "&date=2026-11-23");
        }
    }

    @Test
    void municipalityPosterNamesThePlacesAndKeepsTheOtherFilters() throws Exception {
        HttpResponse<byte[]> r = pdf("/calendar/poster.pdf?municipality=" + muni + "&kind=BABY_CAFE&date=2026-11-27&lang=sv");
        assertThat(r.statusCode()).isEqualTo(200);
        try (PDDocument doc = Loader.loadPDF(r.body())) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("Testkommun " + muni, "Vecka 48", "Fredag 27.11.", "Vauvakahvila Åkerö",
                    "Testipaikka");
            assertThat(text).doesNotContain("Perhekahvila", "Läksykerho");
            assertThat(doc.getDocumentCatalog().getLanguage()).isEqualTo("sv");
            assertThat(qr(doc)).isEqualTo(base() + "/calendar?municipality=" + muni
                    + "&kind=BABY_CAFE&date=2026-11-23&lang=sv");
        }
    }

    @Test
    void movedOccurrenceIsShownOnItsNewDayWithWhereItCameFrom() throws Exception {
        activities.moveOccurrence(ADMIN, club, "2026-12-01", "2026-12-03", "16:00", "17:30",
                new ActivityService.LocalizedTextForm("Sali remontissa", null, null));
        HttpResponse<byte[]> r = pdf("/calendar/poster.pdf?place=" + place + "&week=2026-W49&lang=fi");
        assertThat(r.statusCode()).isEqualTo(200);
        try (PDDocument doc = Loader.loadPDF(r.body())) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("Torstai 3.12.", "16.00–17.30", "Siirretty päivältä 1.12.: Sali remontissa")
                    .doesNotContain("Tiistai 1.12.");
        }
    }

    @Test
    void emojiAndArabicAreDrawnWithTheFallbackFontsAndWhatNoFontHasIsAQuestionMark() throws Exception {
        // the emoji in Noto Emoji, the Arabic joined and right to left in DejaVu Sans, the Chinese character in neither
        activities.create(ADMIN, form(otherPlace, "EVENT", "Satutuokio 🎈 حكايات 家 Åland", "13:00", "14:00", "THURSDAY"));
        HttpResponse<byte[]> r = pdf("/calendar/poster.pdf?place=" + otherPlace + "&week=2026-W48&lang=en");
        assertThat(r.statusCode()).isEqualTo(200);
        try (PDDocument doc = Loader.loadPDF(r.body())) {
            assertThat(new PDFTextStripper().getText(doc)).contains("Satutuokio 🎈 حكايات ? Åland", "Thursday 26.11.");
        }
    }

    @Test
    void weekWithoutActivitiesSaysSo() throws Exception {
        HttpResponse<byte[]> r = pdf("/calendar/poster.pdf?area=" + area + "&week=2027-W10&lang=en");
        assertThat(r.statusCode()).isEqualTo(200);
        try (PDDocument doc = Loader.loadPDF(r.body())) {
            assertThat(new PDFTextStripper().getText(doc)).contains("Week 10, 8.–14.3.2027", "No activities this week");
        }
    }

    @Test
    void aPosterTooLargeForTwoPagesSaysHowManyItLeftOut() throws Exception {
        long big = fx.place(area, muni);
        for (int i = 0; i < 46; i++) {
            activities.create(ADMIN, form(big, "OPEN_DROP_IN", "Avoin kerho numero " + i + " jolla on aika pitkä nimi",
                    "8:00", "9:00", "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"));
        }
        long started = System.nanoTime();
        HttpResponse<byte[]> r = pdf("/calendar/poster.pdf?place=" + big + "&week=2026-W48&lang=fi-sv");
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(millis).as("time for a 322-row poster").isLessThan(30_000);
        try (PDDocument doc = Loader.loadPDF(r.body())) {
            assertThat(doc.getNumberOfPages()).isEqualTo(2);
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(2);
            stripper.setEndPage(2);
            String second = stripper.getText(doc);
            assertThat(second).contains("(jatkuu / fortsätter)", "2/" + doc.getNumberOfPages());
            String all = new PDFTextStripper().getText(doc);
            // what did not fit is counted and said, never dropped silently
            java.util.regex.Matcher more = java.util.regex.Pattern.compile("\\+ (\\d+) kertaa lisää").matcher(all);
            assertThat(more.find()).isTrue();
            int shown = all.split("8\\.00–9\\.00", -1).length - 1;
            assertThat(shown + Integer.parseInt(more.group(1))).isEqualTo(322);
            // every page has the footer with the QR code
            assertThat(qr(doc, doc.getNumberOfPages() - 1)).startsWith(base() + "/calendar?place=" + big);
        }
    }

    @Test
    void formPageIsLinkedFromTheCalendarAndThePlacePage() {
        Document calendar = web.get("/calendar?place=" + place + "&kind=FAMILY_CAFE&date=2026-12-02&lang=en").html();
        String link = calendar.selectFirst("a[href^=/calendar/poster]").attr("href");
        assertThat(link).isEqualTo("/calendar/poster?place=" + place + "&kind=FAMILY_CAFE&week=2026-W49");
        assertThat(calendar.selectFirst("a[href^=/calendar/poster]").text()).isEqualTo("Print a poster");

        Document form = web.get(link + "&lang=en").html();
        assertThat(form.selectFirst("h1").text()).isEqualTo("Weekly poster");
        assertThat(form.selectFirst("#f-place option[selected]").attr("value")).isEqualTo(String.valueOf(place));
        assertThat(form.selectFirst("#f-week option[selected]").attr("value")).isEqualTo("2026-W49");
        assertThat(form.select("#f-week option").first().attr("value")).isEqualTo("2026-W48");
        assertThat(form.selectFirst("input[name=lang][checked]").attr("value")).isEqualTo("en");
        assertThat(form.selectFirst("input[type=hidden][name=kind]").attr("value")).isEqualTo("FAMILY_CAFE");
        assertThat(form.selectFirst("form#poster-form").attr("action")).isEqualTo("/calendar/poster.pdf");

        Document placePage = web.get("/places/" + place + "?lang=sv").html();
        assertThat(placePage.selectFirst("a[href=/calendar/poster?place=" + place + "]").text())
                .isEqualTo("Skriv ut veckoaffisch för den här platsen");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "week=2026-W99|week|The week could not be understood",
            "week=2027-W53|week|The week could not be understood",
            "week=99999-W01|week|The week could not be understood",
            "week=2026-48|week|The week could not be understood",
            "date=2026-02-30|week|The week could not be understood",
            "lang=xx|lang|Choose Finnish, Swedish, English",
            "lang=fi-en|lang|Choose Finnish, Swedish, English",
            "place=999999999|place|The meeting place was not found",
            "place=abc|place|The meeting place was not found",
            "municipality=999|municipality|The municipality was not found",
            "area=0|area|The area was not found",
            "age=999|age|The filter age could not be understood",
            "kind=%3Cscript%3E|kind|The filter kind could not be understood",
            "|place|Choose a meeting place, municipality or area"})
    void badInputGivesTheFormBackWithAClearMessage(String query, String field, String message) {
        String q = (query == null ? "" : query + "&") + (query != null && query.contains("lang=") ? "" : "lang=en");
        String scope = query != null && query.matches("^(place|municipality|area)=.*") ? "" : "place=" + place + "&";
        if (query == null) {
            scope = "";
        }
        var r = web.get("/calendar/poster.pdf?" + scope + q, Map.of("Accept-Language", "en"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.header("Content-Type")).startsWith("text/html");
        Document page = r.html();
        assertThat(page.selectFirst("h1").text()).isEqualTo("Weekly poster");
        assertThat(page.select(".error-summary li").text()).contains(message);
        if (!Set.of("age", "kind").contains(field)) {
            assertThat(page.selectFirst(".error-summary a").attr("href")).isEqualTo("#f-" + field);
        }
        // the form page itself says the same
        var form = web.get("/calendar/poster?" + scope + q, Map.of("Accept-Language", "en"));
        if (query != null) {
            assertThat(form.status()).isEqualTo(400);
            assertThat(form.html().select(".error-summary li").text()).contains(message);
        } else {
            assertThat(form.status()).isEqualTo(200);
            assertThat(form.html().select(".error-summary")).isEmpty();
        }
    }

    // ---------------------------------------------------------------- helpers

    String base() {
        return "http://localhost:" + port;
    }

    HttpResponse<byte[]> pdf(String path) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    static String qr(PDDocument doc) throws Exception {
        return qr(doc, 0);
    }

    /** The page's calendar code, read as a phone would ({@link fi.kohtaamo.support.QrCodes}). */
    static String qr(PDDocument doc, int page) throws Exception {
        return qrs(doc, page).stream().filter(t -> !t.contains("/f/")).findFirst().orElseThrow();
    }

    /** Every QR code of the page (a place's poster also carries the place's feedback address). */
    static List<String> qrs(PDDocument doc, int page) throws Exception {
        return fi.kohtaamo.support.QrCodes.read(doc, page, texts -> texts.stream().anyMatch(t -> !t.contains("/f/")));
    }
}
