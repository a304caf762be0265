package fi.kohtaamo.participation.internal.feedback;

import fi.kohtaamo.shared.TaggedPdf;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.StandardStructureTypes;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * A printable A5 card for a place's door or table: "tell us!" in one or two languages, the place, the QR code of
 * its short feedback address and the address as text (for those who type it). Written with
 * {@code shared.TaggedPdf}: the first language's title is the H1, the second's a heading of its own in its
 * language, the texts paragraphs (the second language's marked with its Lang), the QR code a Figure whose
 * alternative text is the address.
 */
final class FeedbackCardPdf {

    /** What one language of the card says. */
    record Side(String language, String title, String text) {
    }

    private static final PDRectangle A5 = PDRectangle.A5;
    private static final float MARGIN = 36;
    private static final float QR = 220;

    private FeedbackCardPdf() {
    }

    static byte[] render(String language, String docTitle, String place, List<Side> sides, String url) {
        try (TaggedPdf pdf = TaggedPdf.open(language, docTitle)) {
            PDType0Font regular = pdf.regular();
            PDType0Font bold = pdf.bold();
            pdf.newPage(A5);
            float width = A5.getWidth() - 2 * MARGIN;
            float y = A5.getHeight() - MARGIN;
            for (int i = 0; i < sides.size(); i++) {
                Side s = sides.get(i);
                float size = i == 0 ? 28 : 20;
                PDStructureElement h = pdf.begin(pdf.root(), i == 0 ? StandardStructureTypes.H1 : StandardStructureTypes.P);
                lang(h, s, language);
                for (String l : pdf.wrap(s.title(), bold, size, width)) {
                    y -= size;
                    centred(pdf, l, bold, size, y, width);
                    y -= size * 0.3f;
                }
                pdf.end();
            }
            y -= 6;
            pdf.begin(pdf.root(), StandardStructureTypes.P);
            for (String l : pdf.wrap(place, bold, 16, width)) {
                y -= 16;
                centred(pdf, l, bold, 16, y, width);
                y -= 5;
            }
            pdf.end();
            y -= 4;
            for (Side s : sides) {
                lang(pdf.begin(pdf.root(), StandardStructureTypes.P), s, language);
                for (String l : pdf.wrap(s.text(), regular, 12, width)) {
                    y -= 12;
                    centred(pdf, l, regular, 12, y, width);
                    y -= 4;
                }
                pdf.end();
                y -= 4;
            }
            float qrSize = Math.min(QR, y - MARGIN - 40);
            String shown = url.replaceFirst("^https?://", "");
            pdf.qr(pdf.root(), url, "QR: " + shown, (A5.getWidth() - qrSize) / 2, y - qrSize - 6, qrSize);
            y -= qrSize + 24;
            pdf.begin(pdf.root(), StandardStructureTypes.P);
            for (String l : pdf.wrap(shown, bold, 16, width)) {
                y -= 16;
                centred(pdf, l, bold, 16, y, width);
            }
            pdf.end();
            return pdf.save();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A side in another language than the document's carries its own. */
    private static void lang(PDStructureElement e, Side s, String documentLanguage) {
        if (!s.language().equals(documentLanguage)) {
            e.setLanguage(s.language());
        }
    }

    private static void centred(TaggedPdf pdf, String text, PDType0Font font, float size, float baseline, float width)
            throws IOException {
        float w = pdf.width(text, font, size);
        pdf.text(text, font, size, MARGIN + Math.max(0, (width - w) / 2), baseline, TaggedPdf.BLACK);
    }
}
