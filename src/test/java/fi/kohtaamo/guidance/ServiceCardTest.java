package fi.kohtaamo.guidance;

import static fi.kohtaamo.guidance.ServiceFixtures.regular;
import static org.assertj.core.api.Assertions.assertThat;

import fi.kohtaamo.registry.OrganisationType;
import fi.kohtaamo.shared.PublicUrls;
import fi.kohtaamo.support.Fixtures;
import fi.kohtaamo.support.IntegrationTest;
import fi.kohtaamo.support.QrCodes;
import fi.kohtaamo.support.WebClient;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The service card read back: A6 and A5 pages, the card's language, the phone number, the address and the hours,
 * the family's text in Cyrillic beside it, and the QR code read as a phone would, leading to the service's public
 * page at the public base address. Arabic is printed shaped, right to left, with its text as written for screen
 * readers; a script neither font has is refused with a message (not printed as question marks).
 */
@IntegrationTest
class ServiceCardTest {

    @LocalServerPort int port;
    @Autowired Fixtures fx;
    @Autowired ServiceFixtures services;
    @Autowired PublicUrls urls;

    long service;

    @BeforeEach
    void world() {
        long county = fx.county();
        String m = fx.municipality(county);
        long org = fx.organisation(OrganisationType.MUNICIPALITY, null, county);
        services.needs(county);
        service = services.service(county, org, "Perheneuvola Kortti").names("Familjerådgivning Kortti", "Family clinic Kortti")
                .summary("Apua kasvatukseen", "Hjälp med fostran", "Help with parenting")
                .municipalities(m).languages("fi", "ru", "ar")
                .phone("09 8165 3000", regular(1, "09:00", "15:00"), regular(2, "09:00", "15:00"))
                .location("Kauppakatu 5", m, null, regular(4, "13:00", "15:00"))
                .text("ru", "Семейная консультация", "Помощь в воспитании детей", "Позвоните нам")
                .text("ar", "الاستشارة العائلية", "مساعدة في تربية الأطفال", null)
                .insert();
    }

    static String text(PDDocument doc) throws Exception {
        return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
    }

    @Test
    void a6InFinnishWithItsQrCode() throws Exception {
        byte[] pdf = new WebClient(port).getBytes("/services/" + service + "/card.pdf?language=fi");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
            PDRectangle box = doc.getPage(0).getMediaBox();
            assertThat(box.getWidth()).isCloseTo(PDRectangle.A6.getWidth(), Offset.offset(1f));
            assertThat(box.getHeight()).isCloseTo(PDRectangle.A6.getHeight(), Offset.offset(1f));
            assertThat(doc.getDocumentCatalog().getLanguage()).isEqualTo("fi");
            assertThat(doc.getDocumentInformation().getTitle()).isEqualTo("Perheneuvola Kortti");
            assertThat(text(doc)).contains("Perheneuvola Kortti", "Näin pääset palveluun", "Puhelin: 09 8165 3000",
                    "maanantai–tiistai 9.00–15.00", "Kauppakatu 5, 02100", "torstai 13.00–15.00");
            String page = urls.of("/services/" + service + "?lang=fi");
            assertThat(QrCodes.read(doc, 0)).containsExactly(page);
            // the address it leads to is the service's page
            assertThat(new WebClient(port).get(page.substring(urls.base().length())).html().select("h1").text())
                    .isEqualTo("Perheneuvola Kortti");
        }
    }

    @Test
    void a5InSwedishWithTheFamilysRussian() throws Exception {
        byte[] pdf = new WebClient(port).getBytes("/services/" + service + "/card.pdf?size=A5&language=sv&family=ru");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDRectangle box = doc.getPage(0).getMediaBox();
            assertThat(box.getWidth()).isCloseTo(PDRectangle.A5.getWidth(), Offset.offset(1f));
            assertThat(doc.getDocumentCatalog().getLanguage()).isEqualTo("sv");
            assertThat(text(doc)).contains("Familjerådgivning Kortti", "Семейная консультация",
                    "Помощь в воспитании детей", "Telefon: 09 8165 3000", "måndag–tisdag 9.00–15.00");
            // nothing was replaced by a question mark (the only one is the address's)
            assertThat(text(doc).replace("?lang=", "")).doesNotContain("?");
            assertThat(QrCodes.read(doc, 0)).containsExactly(urls.of("/services/" + service + "?lang=sv"));
        }
    }

    @Test
    void arabicIsPrintedJoinedRightToLeftAndReadBackAsWritten() throws Exception {
        WebClient web = new WebClient(port);
        var page = web.get("/services/" + service + "?lang=en").html();
        assertThat(page.select("#c-family option").eachAttr("value")).containsExactly("", "ar", "ru");
        // the page itself shows the Arabic text, right to left
        assertThat(page.select("[lang=ar]").attr("dir")).isEqualTo("rtl");
        assertThat(page.select("[lang=ar] h2").text()).isEqualTo("الاستشارة العائلية");
        byte[] pdf = web.getBytes("/services/" + service + "/card.pdf?size=A5&language=en&family=ar");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            // drawn as joined letters in visual order (PdfTextTest): a text extractor that undoes both gets the text
            String drawn = text(doc);
            assertThat(java.text.Normalizer.normalize(drawn, java.text.Normalizer.Form.NFKC))
                    .contains("الاستشارة العائلية", "مساعدة في تربية الأطفال");
            assertThat(drawn.replace("?lang=", "")).doesNotContain("?");
            // screen readers get the paragraph as written, in its language
            var arabic = new java.util.ArrayList<String>();
            collect(doc.getDocumentCatalog().getStructureTreeRoot().getKids(), arabic);
            assertThat(arabic).contains("الاستشارة العائلية", "مساعدة في تربية الأطفال");
            fi.kohtaamo.support.PdfTagging.check(doc);
        }
        assertThat(fi.kohtaamo.support.PdfUa.failures(pdf)).as("PDF/UA-1 (veraPDF)").isEmpty();
    }

    @Test
    void aScriptNeitherFontHasIsRefusedWithAMessage() {
        long county = fx.county();
        long thai = services.service(county, fx.organisation(OrganisationType.MUNICIPALITY, null, county), "Perhepalvelu Thai")
                .municipalities(fx.municipality(county)).phone("09 8165 3001").text("th", "บริการครอบครัว", null, null)
                .insert();
        WebClient web = new WebClient(port);
        var refused = web.get("/services/" + thai + "/card.pdf?language=en&family=th&lang=en");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.html().select("h1").text()).isEqualTo("This language cannot be printed yet");
        assertThat(web.get("/services/" + thai + "?lang=en").html().select("#c-family option").eachAttr("value"))
                .doesNotContain("th");
    }

    static void collect(java.util.List<Object> kids, java.util.List<String> out) {
        for (Object k : kids) {
            if (k instanceof org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement e) {
                if ("ar".equals(e.getLanguage()) && e.getActualText() != null) {
                    out.add(e.getActualText());
                }
                collect(e.getKids(), out);
            }
        }
    }
}
