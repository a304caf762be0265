package fi.kohtaamo.participation.internal.feedback;

import fi.kohtaamo.shared.PdfText;
import fi.kohtaamo.shared.QrCode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * A printable A5 card for a place's door or table: "tell us!" in one or two languages, the place, the QR code of
 * its short feedback address and the address as text (for those who type it). Document language and title are
 * set; the text is in reading order.
 */
final class FeedbackCardPdf {

    /** What one language of the card says. */
    record Side(String title, String text) {
    }

    private static final PDRectangle A5 = PDRectangle.A5;
    private static final float MARGIN = 36;
    private static final float QR = 220;

    private FeedbackCardPdf() {
    }

    static byte[] render(String language, String docTitle, String place, List<Side> sides, String url) {
        try (PDDocument doc = new PDDocument();
                TrueTypeFont regularTtf = PdfText.ttf(PdfText.bytes("liberation/LiberationSans-Regular.ttf"));
                TrueTypeFont boldTtf = PdfText.ttf(PdfText.bytes("liberation/LiberationSans-Bold.ttf"))) {
            doc.getDocumentInformation().setTitle(docTitle);
            doc.getDocumentInformation().setCreator("Kohtaamo");
            doc.getDocumentCatalog().setLanguage(language);
            PDType0Font regular = PDType0Font.load(doc, regularTtf, true);
            PDType0Font bold = PDType0Font.load(doc, boldTtf, true);
            PdfText glyphs = new PdfText(doc);
            PDPage page = new PDPage(A5);
            doc.addPage(page);
            float width = A5.getWidth() - 2 * MARGIN;
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                float y = A5.getHeight() - MARGIN;
                for (int i = 0; i < sides.size(); i++) {
                    Side s = sides.get(i);
                    float size = i == 0 ? 28 : 20;
                    for (String l : glyphs.wrap(s.title(), bold, size, width)) {
                        y -= size;
                        centred(cs, glyphs, l, bold, size, y, width);
                        y -= size * 0.3f;
                    }
                }
                y -= 6;
                for (String l : glyphs.wrap(place, bold, 16, width)) {
                    y -= 16;
                    centred(cs, glyphs, l, bold, 16, y, width);
                    y -= 5;
                }
                y -= 4;
                for (Side s : sides) {
                    for (String l : glyphs.wrap(s.text(), regular, 12, width)) {
                        y -= 12;
                        centred(cs, glyphs, l, regular, 12, y, width);
                        y -= 4;
                    }
                    y -= 4;
                }
                float qrSize = Math.min(QR, y - MARGIN - 40);
                QrCode.of(url).draw(cs, (A5.getWidth() - qrSize) / 2, y - qrSize - 6, qrSize);
                y -= qrSize + 24;
                String shown = url.replaceFirst("^https?://", "");
                for (String l : glyphs.wrap(shown, bold, 16, width)) {
                    y -= 16;
                    centred(cs, glyphs, l, bold, 16, y, width);
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void centred(PDPageContentStream cs, PdfText glyphs, String text, PDType0Font font, float size,
            float baseline, float width) throws IOException {
        String t = glyphs.printable(text, font);
        float w = glyphs.width(t, font, size);
        cs.beginText();
        cs.setNonStrokingColor(0f, 0f, 0f);
        cs.newLineAtOffset(MARGIN + Math.max(0, (width - w) / 2), baseline);
        glyphs.show(cs, t, font, size);
        cs.endText();
    }
}
