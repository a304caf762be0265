package fi.kohtaamo.shared;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.StandardStructureTypes;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The one way to write a table report as PDF: A4 landscape, written with {@link TaggedPdf} (a heading,
 * paragraphs, and tables of header and data cells in reading order, the document's language and title). Long
 * tables continue on the next pages with their header row repeated (as an artifact, so it is read once).
 */
public final class TablePdf {

    /** A table: its caption, its header row and its rows (cells as text). */
    public record Table(String caption, List<String> header, List<List<String>> rows) {
    }

    private static final float MARGIN = 36;
    private static final float SIZE = 9;
    private static final float LEADING = 13;
    private static final PDRectangle PAGE = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());

    private final TaggedPdf pdf;
    private final PDType0Font regular;
    private final PDType0Font bold;
    private float y;

    private TablePdf(TaggedPdf pdf) {
        this.pdf = pdf;
        this.regular = pdf.regular();
        this.bold = pdf.bold();
    }

    /** The PDF of a title, paragraphs and tables, in the given language (BCP 47). */
    public static byte[] render(String language, String title, List<String> paragraphs, List<Table> tables) {
        try (TaggedPdf doc = TaggedPdf.open(language, title)) {
            TablePdf pdf = new TablePdf(doc);
            pdf.newPage();
            pdf.text(StandardStructureTypes.H1, title, pdf.bold, 16, 22);
            for (String p : paragraphs) {
                pdf.text(StandardStructureTypes.P, p, pdf.regular, SIZE + 1, LEADING + 2);
            }
            for (Table t : tables) {
                pdf.table(t);
            }
            return doc.save();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void newPage() throws IOException {
        pdf.newPage(PAGE);
        y = PAGE.getHeight() - MARGIN;
    }

    private void text(String type, String text, PDType0Font font, float size, float leading) throws IOException {
        List<String> lines = pdf.wrap(text, font, size, PAGE.getWidth() - 2 * MARGIN);
        if (y - lines.size() * leading < MARGIN) {
            newPage();
        }
        pdf.begin(pdf.root(), type);
        for (String l : lines) {
            pdf.text(l, font, size, MARGIN, y - size, TaggedPdf.BLACK);
            y -= leading;
        }
        pdf.end();
        y -= 4;
    }

    private void table(Table t) throws IOException {
        float[] widths = columns(t);
        if (y - 4 * LEADING < MARGIN) {
            newPage();
        }
        y -= 6;
        PDStructureElement table = pdf.group(pdf.root(), StandardStructureTypes.TABLE);
        pdf.begin(table, StandardStructureTypes.CAPTION);
        pdf.text(t.caption(), bold, SIZE + 2, MARGIN, y - SIZE - 2, TaggedPdf.BLACK);
        pdf.end();
        y -= LEADING + 4;
        row(table, t.header(), widths, true, true);
        for (List<String> r : t.rows()) {
            if (y - LEADING < MARGIN) {
                newPage();
                row(table, t.header(), widths, true, false);
            }
            row(table, r, widths, false, true);
        }
        y -= 8;
    }

    /** Column widths: the first column takes what the others leave, numbers get what their text needs. */
    private float[] columns(Table t) throws IOException {
        int n = t.header().size();
        float[] w = new float[n];
        float total = PAGE.getWidth() - 2 * MARGIN;
        for (int c = 1; c < n; c++) {
            w[c] = Math.max(36, Math.min(90, pdf.width(t.header().get(c), bold, SIZE) + 8));
            for (List<String> r : t.rows()) {
                if (c < r.size()) {
                    w[c] = Math.max(w[c], Math.min(90, pdf.width(r.get(c), regular, SIZE) + 8));
                }
            }
        }
        float rest = total;
        for (int c = 1; c < n; c++) {
            rest -= w[c];
        }
        w[0] = Math.max(80, rest);
        return w;
    }

    /** A row; the header's cells are TH. A repeated header on a later page is an artifact. */
    private void row(PDStructureElement table, List<String> cells, float[] widths, boolean header, boolean tag)
            throws IOException {
        PDStructureElement tr = tag ? pdf.group(table, StandardStructureTypes.TR) : null;
        float x = MARGIN;
        for (int c = 0; c < widths.length; c++) {
            String text = c < cells.size() && cells.get(c) != null ? cells.get(c) : "";
            PDType0Font font = header || c == 0 ? bold : regular;
            String shown = text;
            while (shown.length() > 1 && pdf.width(shown, font, SIZE) > widths[c] - 4) {
                shown = shown.substring(0, shown.length() - 2) + "…";
            }
            if (!tag) {
                pdf.artifact();
            } else if (header) {
                pdf.header(tr);
            } else {
                pdf.begin(tr, StandardStructureTypes.TD);
            }
            float tx = c == 0 ? x : x + widths[c] - 4 - pdf.width(shown, font, SIZE);
            pdf.text(shown, font, SIZE, tx, y - SIZE, TaggedPdf.BLACK);
            pdf.end();
            x += widths[c];
        }
        y -= LEADING;
        pdf.rule(MARGIN, y + 3, PAGE.getWidth() - MARGIN, y + 3, TaggedPdf.BLACK, header ? 0.8f : 0.3f);
    }
}
