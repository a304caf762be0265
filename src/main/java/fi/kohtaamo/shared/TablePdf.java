package fi.kohtaamo.shared;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDNumberTreeNode;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkInfo;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDParentTreeValue;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.StandardStructureTypes;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences;

/**
 * The one way to write a table report as PDF: A4 landscape, Liberation Sans embedded, tagged for
 * screen readers (a heading, paragraphs, and tables of header and data cells in reading order), the
 * document's language and title set. Long tables continue on the next pages with their header row
 * repeated (as an artifact, so it is read once).
 */
public final class TablePdf {

    /** A table: its caption, its header row and its rows (cells as text). */
    public record Table(String caption, List<String> header, List<List<String>> rows) {
    }

    private static final float MARGIN = 36;
    private static final float SIZE = 9;
    private static final float LEADING = 13;
    private static final PDRectangle PAGE = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());

    private final PDDocument doc;
    private final PDType0Font regular;
    private final PDType0Font bold;
    private final PdfText glyphs;
    private final PDStructureElement root;
    private final List<PDPage> pages = new ArrayList<>();
    private final java.util.Map<PDPage, COSArray> marked = new java.util.LinkedHashMap<>();
    private PDPage page;
    private PDPageContentStream cs;
    private float y;

    private TablePdf(PDDocument doc, TrueTypeFont regular, TrueTypeFont bold, String language) throws IOException {
        this.doc = doc;
        this.regular = PDType0Font.load(doc, regular, true);
        this.bold = PDType0Font.load(doc, bold, true);
        this.glyphs = new PdfText(doc);
        PDStructureTreeRoot tree = new PDStructureTreeRoot();
        doc.getDocumentCatalog().setStructureTreeRoot(tree);
        root = new PDStructureElement(StandardStructureTypes.DOCUMENT, tree);
        root.setLanguage(language);
        tree.appendKid(root);
        PDMarkInfo mark = new PDMarkInfo();
        mark.setMarked(true);
        doc.getDocumentCatalog().setMarkInfo(mark);
        doc.getDocumentCatalog().setLanguage(language);
        PDViewerPreferences prefs = new PDViewerPreferences(new COSDictionary());
        prefs.setDisplayDocTitle(true);
        doc.getDocumentCatalog().setViewerPreferences(prefs);
    }

    /** The PDF of a title, paragraphs and tables, in the given language (BCP 47). */
    public static byte[] render(String language, String title, List<String> paragraphs, List<Table> tables) {
        try (PDDocument doc = new PDDocument(); TrueTypeFont regular = ttf("liberation/LiberationSans-Regular.ttf");
                TrueTypeFont bold = ttf("liberation/LiberationSans-Bold.ttf")) {
            doc.getDocumentInformation().setTitle(title);
            doc.getDocumentInformation().setCreator("Kohtaamo");
            TablePdf pdf = new TablePdf(doc, regular, bold, language);
            pdf.newPage();
            pdf.text(pdf.root, StandardStructureTypes.H1, title, pdf.bold, 16, 22);
            for (String p : paragraphs) {
                pdf.text(pdf.root, StandardStructureTypes.P, p, pdf.regular, SIZE + 1, LEADING + 2);
            }
            for (Table t : tables) {
                pdf.table(t);
            }
            pdf.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static TrueTypeFont ttf(String resource) throws IOException {
        return PdfText.ttf(PdfText.bytes(resource));
    }

    private void newPage() throws IOException {
        if (cs != null) {
            cs.close();
        }
        page = new PDPage(PAGE);
        doc.addPage(page);
        pages.add(page);
        cs = new PDPageContentStream(doc, page);
        y = PAGE.getHeight() - MARGIN;
    }

    /** A structure element with one marked-content sequence on the current page. */
    private PDStructureElement tagged(PDStructureElement parent, String type) throws IOException {
        COSArray ids = marked.computeIfAbsent(page, p -> new COSArray());
        int mcid = ids.size();
        PDStructureElement e = new PDStructureElement(type, parent);
        e.setPage(page);
        e.appendKid(mcid);
        parent.appendKid(e);
        ids.add(e);
        cs.beginMarkedContent(COSName.getPDFName(type), mcid);
        return e;
    }

    private void text(PDStructureElement parent, String type, String text, PDType0Font font, float size, float leading)
            throws IOException {
        List<String> lines = wrap(text, font, size, PAGE.getWidth() - 2 * MARGIN);
        if (y - lines.size() * leading < MARGIN) {
            newPage();
        }
        tagged(parent, type);
        for (String l : lines) {
            write(l, font, size, MARGIN, y - size);
            y -= leading;
        }
        cs.endMarkedContent();
        y -= 4;
    }

    private void write(String s, PDType0Font font, float size, float x, float baseline) throws IOException {
        cs.beginText();
        cs.newLineAtOffset(x, baseline);
        glyphs.show(cs, glyphs.printable(s, font), font, size);
        cs.endText();
    }

    private float width(String s, PDType0Font font, float size) throws IOException {
        return glyphs.width(glyphs.printable(s, font), font, size);
    }

    private List<String> wrap(String text, PDType0Font font, float size, float max) throws IOException {
        List<String> out = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split("\\s+")) {
            String next = line.isEmpty() ? word : line + " " + word;
            if (width(next, font, size) > max && !line.isEmpty()) {
                out.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(next);
            }
        }
        if (!line.isEmpty()) {
            out.add(line.toString());
        }
        return out;
    }

    private void table(Table t) throws IOException {
        float[] widths = columns(t);
        if (y - 4 * LEADING < MARGIN) {
            newPage();
        }
        y -= 6;
        PDStructureElement table = new PDStructureElement(StandardStructureTypes.TABLE, root);
        root.appendKid(table);
        tagged(table, StandardStructureTypes.CAPTION);
        write(t.caption(), bold, SIZE + 2, MARGIN, y - SIZE - 2);
        cs.endMarkedContent();
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
            w[c] = Math.max(36, Math.min(90, width(t.header().get(c), bold, SIZE) + 8));
            for (List<String> r : t.rows()) {
                if (c < r.size()) {
                    w[c] = Math.max(w[c], Math.min(90, width(r.get(c), regular, SIZE) + 8));
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
        PDStructureElement tr = null;
        if (tag) {
            tr = new PDStructureElement(StandardStructureTypes.TR, table);
            table.appendKid(tr);
        }
        float x = MARGIN;
        for (int c = 0; c < widths.length; c++) {
            String text = c < cells.size() && cells.get(c) != null ? cells.get(c) : "";
            PDType0Font font = header || c == 0 ? bold : regular;
            String shown = text;
            while (shown.length() > 1 && width(shown, font, SIZE) > widths[c] - 4) {
                shown = shown.substring(0, shown.length() - 2) + "…";
            }
            if (tag) {
                tagged(tr, header ? StandardStructureTypes.TH : StandardStructureTypes.TD);
            } else {
                cs.beginMarkedContent(COSName.ARTIFACT);
            }
            float tx = c == 0 ? x : x + widths[c] - 4 - width(shown, font, SIZE);
            write(shown, font, SIZE, tx, y - SIZE);
            cs.endMarkedContent();
            x += widths[c];
        }
        y -= LEADING;
        cs.beginMarkedContent(COSName.ARTIFACT);
        cs.setLineWidth(header ? 0.8f : 0.3f);
        cs.moveTo(MARGIN, y + 3);
        cs.lineTo(PAGE.getWidth() - MARGIN, y + 3);
        cs.stroke();
        cs.endMarkedContent();
    }

    private void finish() throws IOException {
        cs.close();
        java.util.Map<Integer, COSArray> parents = new java.util.TreeMap<>();
        for (int i = 0; i < pages.size(); i++) {
            pages.get(i).setStructParents(i);
            parents.put(i, marked.getOrDefault(pages.get(i), new COSArray()));
        }
        PDNumberTreeNode parentTree = new PDNumberTreeNode(PDParentTreeValue.class);
        parentTree.setNumbers(parents);
        PDStructureTreeRoot tree = doc.getDocumentCatalog().getStructureTreeRoot();
        tree.setParentTree(parentTree);
        tree.setParentTreeNextKey(pages.size());
    }
}
