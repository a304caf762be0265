package fi.kohtaamo.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** Emoji and other characters Liberation Sans lacks are drawn with the fallback font, not as "?". */
class PdfTextTest {

    @Test
    void emojiInATablePdfAreDrawnAndReadBack() throws IOException {
        byte[] pdf = TablePdf.render("fi", "Perhekahvila ☕ 😀", List.of("Tervetuloa 👶🎉 ääkköset ✔"),
                List.of(new TablePdf.Table("Kävijät 👪", List.of("Paikka 🏠", "Määrä"),
                        List.of(List.of("Öljymäen kahvila 😀", "12")))));
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("Perhekahvila ☕ 😀").contains("Tervetuloa 👶🎉 ääkköset ✔")
                    .contains("Öljymäen kahvila 😀").contains("Paikka 🏠").doesNotContain("?");
        }
    }

    @Test
    void whatNoFontHasIsAQuestionMarkAndInvisibleJoinersAreDropped() throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PdfText text = new PdfText(doc);
            var font = org.apache.pdfbox.pdmodel.font.PDType0Font.load(doc,
                    PdfText.ttf(PdfText.bytes("liberation/LiberationSans-Regular.ttf")), true);
            // a private-use character no font has; a ZWJ sequence and a variation selector
            assertThat(text.printable("a\uE000b", font)).isEqualTo("a?b");
            assertThat(text.printable("x\ty\u0000", font)).isEqualTo("x y ");
            String family = text.printable("👨\u200D👩\u200D👧 ❤\uFE0F", font);
            assertThat(family).doesNotContain("?").contains("👨").contains("👧").contains("❤");
            assertThat(text.width("😀", font, 10)).isPositive();
        }
    }

    @Test
    void rightToLeftLinesAreShapedAndInVisualOrder() {
        // سلام: seen, lam, alef, meem; joined they are the final/medial/initial presentation forms, drawn from the right
        String visual = PdfText.visual("سلام");
        assertThat(visual.codePoints().allMatch(c -> c >= 0xFE70 && c <= 0xFEFF)).as(visual).isTrue();
        assertThat(java.text.Normalizer.normalize(new StringBuilder(visual).reverse().toString(),
                java.text.Normalizer.Form.NFKC)).isEqualTo("سلام");
        assertThat(PdfText.rightToLeft("سلام 09 123")).isTrue();
        // a left-to-right line is drawn as it is
        assertThat(PdfText.visual("Puhelin (09) 123 – Семья")).isEqualTo("Puhelin (09) 123 – Семья");
        assertThat(PdfText.rightToLeft("Puhelin (09) 123")).isFalse();
    }
}
