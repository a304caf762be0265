package fi.kohtaamo.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kohtaamo.support.IntegrationTest;
import fi.kohtaamo.support.WebClient;
import java.io.IOException;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The report's PDF read back as text: every table of the page is there, with its caption, headings and rows. */
@IntegrationTest
class ReportPdfTest {

    @LocalServerPort int port;

    static String words(String s) {
        return s.replace('\u00a0', ' ').replaceAll("\\s+", " ");
    }

    @Test
    void thePdfCarriesEveryTableOfThePage() throws IOException {
        WebClient web = new WebClient(port);
        assertThat(web.login("koordinaattori@demo.kohtaamo.fi", "demo-password-for-tests").header("Location"))
                .endsWith("/admin");
        for (String lang : java.util.List.of("fi", "en")) {
            String query = "from=2025-11-01&to=2026-10-31&breakdown=AREA&lang=" + lang;
            Document page = web.get("/admin/reports?" + query).html();
            String text;
            try (var doc = org.apache.pdfbox.Loader.loadPDF(web.getBytes("/admin/reports.pdf?" + query))) {
                text = words(new org.apache.pdfbox.text.PDFTextStripper().getText(doc));
                fi.kohtaamo.support.PdfTagging.check(doc);
            }
            var tables = page.select("main table");
            assertThat(tables).hasSizeGreaterThanOrEqualTo(6);
            for (Element table : tables) {
                String caption = words(table.selectFirst("caption").text());
                assertThat(text).as(lang).contains(caption);
                // a heading too long for its column is cut with "…" by TablePdf: its beginning is there
                for (Element heading : table.select("thead th")) {
                    String h = words(heading.text());
                    assertThat(text).as(lang + " " + caption).contains(h.substring(0, Math.min(h.length(), 10)));
                }
                Element first = table.selectFirst("tbody tr");
                assertThat(text).as(lang + " " + caption).contains(words(first.child(0).text()));
            }
            if (lang.equals("en")) {
                assertThat(text).contains("Compared with the previous period 1.11.2024–31.10.2025", "Broken down by: Area",
                        "Filters: none (every place you may see)", "10/2026", "Smallest");
            }
        }
    }
}
