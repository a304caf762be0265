package fi.kohtaamo.guidance.internal.handouts;

import fi.kohtaamo.shared.PdfText;
import fi.kohtaamo.shared.QrCode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The A5 handout for a family: a title and a line in the family's language, then each place (at most
 * {@link HandoutService#MAX_PLACES}) with its address, its next sessions and the languages of its activities beside
 * a QR code of its public calendar page. Document language and title are set; the text is in reading order.
 */
final class HandoutPdf {

    /** One place on the handout. */
    record Block(String name, String address, List<String> sessions, String languages, String url) {
    }

    private static final PDRectangle A5 = PDRectangle.A5;
    private static final float MARGIN = 30;
    private static final float QR = 92;

    private HandoutPdf() {
    }

    static byte[] render(String language, String title, String lead, List<Block> blocks, String footer) {
        try (PDDocument doc = new PDDocument();
                TrueTypeFont regularTtf = PdfText.ttf(PdfText.bytes("liberation/LiberationSans-Regular.ttf"));
                TrueTypeFont boldTtf = PdfText.ttf(PdfText.bytes("liberation/LiberationSans-Bold.ttf"))) {
            doc.getDocumentInformation().setTitle(title);
            doc.getDocumentInformation().setCreator("Kohtaamo");
            doc.getDocumentCatalog().setLanguage(language);
            PDType0Font regular = PDType0Font.load(doc, regularTtf, true);
            PDType0Font bold = PDType0Font.load(doc, boldTtf, true);
            PdfText glyphs = new PdfText(doc);
            PDPage page = new PDPage(A5);
            doc.addPage(page);
            float width = A5.getWidth() - 2 * MARGIN;
            float textWidth = width - QR - 12;
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                float y = A5.getHeight() - MARGIN;
                for (String l : glyphs.wrap(title, bold, 18, width)) {
                    y -= 18;
                    line(cs, glyphs, l, bold, 18, MARGIN, y);
                    y -= 4;
                }
                for (String l : glyphs.wrap(lead, regular, 10, width)) {
                    y -= 10;
                    line(cs, glyphs, l, regular, 10, MARGIN, y);
                    y -= 3;
                }
                y -= 6;
                for (Block b : blocks) {
                    float top = y;
                    for (String l : glyphs.wrap(b.name(), bold, 12, textWidth)) {
                        y -= 12;
                        line(cs, glyphs, l, bold, 12, MARGIN, y);
                        y -= 2;
                    }
                    List<String> lines = new ArrayList<>();
                    if (!b.address().isBlank()) {
                        lines.add(b.address());
                    }
                    lines.addAll(b.sessions());
                    if (b.languages() != null) {
                        lines.add(b.languages());
                    }
                    for (String text : lines) {
                        for (String l : glyphs.wrap(text, regular, 9, textWidth)) {
                            y -= 9;
                            line(cs, glyphs, l, regular, 9, MARGIN, y);
                            y -= 2.5f;
                        }
                    }
                    QrCode.of(b.url()).draw(cs, MARGIN + width - QR, top - QR - 2, QR);
                    y = Math.min(y, top - QR - 4) - 12;
                }
                for (String l : glyphs.wrap(footer, regular, 8, width)) {
                    y -= 8;
                    line(cs, glyphs, l, regular, 8, MARGIN, Math.max(y, MARGIN / 2));
                    y -= 2;
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void line(PDPageContentStream cs, PdfText glyphs, String text, PDType0Font font, float size, float x,
            float baseline) throws IOException {
        String t = glyphs.printable(text, font);
        cs.beginText();
        cs.setNonStrokingColor(0f, 0f, 0f);
        cs.newLineAtOffset(x, baseline);
        glyphs.show(cs, t, font, size);
        cs.endText();
    }
}
