package fi.kohtaamo.guidance.internal.handouts;

import fi.kohtaamo.shared.TaggedPdf;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.StandardStructureTypes;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The A5 handout for a family: a title and a line in the family's language, then each place (at most
 * {@link HandoutService#MAX_PLACES}) with its address, its next sessions and the languages of its activities beside
 * a QR code of its public calendar page. Written with {@code shared.TaggedPdf}: the title is the H1, each place an
 * H2 with its address as a paragraph, its sessions a list, and its QR code a Figure whose alternative text is the
 * page it leads to.
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
        try (TaggedPdf pdf = TaggedPdf.open(language, title)) {
            PDType0Font regular = pdf.regular();
            PDType0Font bold = pdf.bold();
            pdf.newPage(A5);
            PDStructureElement root = pdf.root();
            float width = A5.getWidth() - 2 * MARGIN;
            float textWidth = width - QR - 12;
            float y = A5.getHeight() - MARGIN;
            pdf.begin(root, StandardStructureTypes.H1);
            for (String l : pdf.wrap(title, bold, 18, width)) {
                y -= 18;
                line(pdf, l, bold, 18, MARGIN, y);
                y -= 4;
            }
            pdf.end();
            pdf.begin(root, StandardStructureTypes.P);
            for (String l : pdf.wrap(lead, regular, 10, width)) {
                y -= 10;
                line(pdf, l, regular, 10, MARGIN, y);
                y -= 3;
            }
            pdf.end();
            y -= 6;
            for (Block b : blocks) {
                float top = y;
                pdf.begin(root, StandardStructureTypes.H2);
                for (String l : pdf.wrap(b.name(), bold, 12, textWidth)) {
                    y -= 12;
                    line(pdf, l, bold, 12, MARGIN, y);
                    y -= 2;
                }
                pdf.end();
                if (!b.address().isBlank()) {
                    pdf.begin(root, StandardStructureTypes.P);
                    y = lines(pdf, b.address(), regular, textWidth, y);
                    pdf.end();
                }
                if (!b.sessions().isEmpty()) {
                    PDStructureElement list = pdf.group(root, StandardStructureTypes.L);
                    for (String s : b.sessions()) {
                        pdf.item(list);
                        y = lines(pdf, s, regular, textWidth, y);
                        pdf.end();
                    }
                }
                if (b.languages() != null) {
                    pdf.begin(root, StandardStructureTypes.P);
                    y = lines(pdf, b.languages(), regular, textWidth, y);
                    pdf.end();
                }
                pdf.qr(root, b.url(), "QR: " + b.url(), MARGIN + width - QR, top - QR - 2, QR);
                y = Math.min(y, top - QR - 4) - 12;
            }
            pdf.begin(root, StandardStructureTypes.P);
            for (String l : pdf.wrap(footer, regular, 8, width)) {
                y -= 8;
                line(pdf, l, regular, 8, MARGIN, Math.max(y, MARGIN / 2));
                y -= 2;
            }
            pdf.end();
            return pdf.save();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static float lines(TaggedPdf pdf, String text, PDType0Font font, float width, float y) throws IOException {
        for (String l : pdf.wrap(text, font, 9, width)) {
            y -= 9;
            line(pdf, l, font, 9, MARGIN, y);
            y -= 2.5f;
        }
        return y;
    }

    private static void line(TaggedPdf pdf, String text, PDType0Font font, float size, float x, float baseline)
            throws IOException {
        pdf.text(text, font, size, x, baseline, TaggedPdf.BLACK);
    }
}
