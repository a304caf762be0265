package fi.kohtaamo.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.kohtaamo.support.PdfTagging;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.StandardStructureTypes;
import org.junit.jupiter.api.Test;

/**
 * {@link TaggedPdf} and the checker the PDF tests read with ({@code support.PdfTagging}): a document written
 * through it passes, and each way of breaking the tagging is caught (the checker is only worth something if it
 * fails), or refused by the writer itself.
 */
class TaggedPdfTest {

    interface Body {
        void draw(TaggedPdf pdf) throws Exception;
    }

    static byte[] doc(Body extra) throws Exception {
        try (TaggedPdf pdf = TaggedPdf.open("fi", "Otsikko")) {
            pdf.newPage(PDRectangle.A5);
            pdf.begin(pdf.root(), StandardStructureTypes.H1);
            pdf.text("Otsikko", pdf.bold(), 18, 30, 550, TaggedPdf.BLACK);
            pdf.end();
            PDStructureElement p = pdf.begin(pdf.root(), StandardStructureTypes.P);
            pdf.text("Tervetuloa", pdf.regular(), 10, 30, 520, TaggedPdf.BLACK);
            pdf.end();
            pdf.span(p, "sv");
            pdf.text("Välkommen", pdf.regular(), 10, 30, 505, TaggedPdf.BLACK);
            pdf.end();
            PDStructureElement list = pdf.group(pdf.root(), StandardStructureTypes.L);
            pdf.item(list);
            pdf.text("Torstaisin 9.30", pdf.regular(), 10, 30, 490, TaggedPdf.BLACK);
            pdf.end();
            pdf.rule(30, 480, 300, 480, TaggedPdf.BLACK, 1);
            pdf.qr(pdf.root(), "https://kohtaamo.example/f/abc", null, 30, 300, 100);
            pdf.pagination();
            pdf.text("1/1", pdf.regular(), 8, 30, 30, TaggedPdf.BLACK);
            pdf.end();
            extra.draw(pdf);
            return pdf.save();
        }
    }

    static PdfTagging.Report check(byte[] pdf) throws Exception {
        try (PDDocument d = Loader.loadPDF(pdf)) {
            return PdfTagging.check(d);
        }
    }

    @Test
    void aDocumentWrittenThroughItReadsAsAScreenReaderNeeds() throws Exception {
        PdfTagging.Report r = check(doc(pdf -> { }));
        assertThat(r.lang()).isEqualTo("fi");
        assertThat(r.title()).isEqualTo("Otsikko");
        assertThat(r.types()).containsExactly("Document", "H1", "P", "Span", "L", "LI", "LBody", "Figure");
        assertThat(r.text()).isEqualTo("Otsikko Tervetuloa Välkommen Torstaisin 9.30");
        assertThat(r.ofType("Span").get(0).lang()).isEqualTo("sv");
        assertThat(r.ofType("Figure").get(0).alt()).isEqualTo("QR: https://kohtaamo.example/f/abc");
        assertThat(fi.kohtaamo.support.PdfUa.failures(doc(pdf -> { }))).isEmpty();
    }

    @Test
    void textOutsideTheStructureIsCaught() throws Exception {
        // drawn past the writer, straight into the page: a screen reader would never read it
        byte[] broken = doc(pdf -> {
            var cs = pdf.content();
            cs.beginText();
            cs.setFont(pdf.regular(), 10);
            cs.newLineAtOffset(30, 200);
            cs.showText("Piilossa");
            cs.endText();
        });
        assertThatThrownBy(() -> check(broken)).hasMessageContaining("text outside structure elements and artifacts");
    }

    @Test
    void aDrawingThatIsNeitherArtifactNorFigureIsCaught() throws Exception {
        byte[] broken = doc(pdf -> {
            pdf.begin(pdf.root(), StandardStructureTypes.P);
            pdf.content().addRect(10, 10, 20, 20);
            pdf.content().fill();
            pdf.end();
        });
        assertThatThrownBy(() -> check(broken)).hasMessageContaining("drawing neither artifact nor Figure");
    }

    @Test
    void aFigureWithoutAltIsCaught() throws Exception {
        byte[] broken = doc(pdf -> pdf.qr(pdf.root(), "https://kohtaamo.example/x", " ", 200, 300, 80));
        assertThatThrownBy(() -> check(broken)).hasMessageContaining("Figure without Alt");
    }

    @Test
    void anUntaggedPdfIsCaught() throws Exception {
        try (PDDocument d = new PDDocument()) {
            d.addPage(new org.apache.pdfbox.pdmodel.PDPage());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            d.save(out);
            assertThatThrownBy(() -> check(out.toByteArray())).hasMessageContaining("no StructTreeRoot");
            assertThat(fi.kohtaamo.support.PdfUa.failures(out.toByteArray())).isNotEmpty();
        }
    }

    @Test
    void theWriterRefusesTextOutsideMarkedContentAndRulesInsideTaggedContent() throws Exception {
        try (TaggedPdf pdf = TaggedPdf.open("en", "x")) {
            pdf.newPage(PDRectangle.A6);
            assertThatThrownBy(() -> pdf.text("x", pdf.regular(), 10, 10, 10, TaggedPdf.BLACK))
                    .isInstanceOf(IllegalStateException.class);
            pdf.begin(pdf.root(), StandardStructureTypes.P);
            assertThatThrownBy(() -> pdf.rule(0, 0, 1, 1, TaggedPdf.BLACK, 1)).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(pdf::save).isInstanceOf(IllegalStateException.class);
            pdf.end();
            assertThat(List.of(pdf.save())).hasSize(1);
        }
    }
}
