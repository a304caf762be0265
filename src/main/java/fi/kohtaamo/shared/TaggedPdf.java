package fi.kohtaamo.shared;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.PDNumberTreeNode;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkInfo;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDParentTreeValue;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDPropertyList;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.PDTableAttributeObject;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.StandardStructureTypes;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences;

/**
 * The one way Kohtaamo writes a PDF (PDFBox): tagged for screen readers (PDF/UA-1 in intent). A document has its
 * language and title (shown in the viewer's window: ViewerPreferences DisplayDocTitle, and in the XMP metadata with
 * the PDF/UA identification), MarkInfo Marked, and a structure tree under one Document element. Everything drawn is
 * either inside a structure element's marked-content sequence (an MCID, found back through the ParentTree) or an
 * Artifact: {@link #text} refuses to draw outside them and {@link #rule} inside a tagged one, so a writer cannot
 * leave text untagged by accident. Pages take their tab order from the structure. QR codes are Figures with
 * alternative text saying where the code leads. Text is Liberation Sans (regular and bold, embedded subsets) with
 * {@link PdfText}'s fallback. Used by {@link TablePdf}, the calendar's poster, the feedback card, the handout and the
 * service card.
 */
public final class TaggedPdf implements Closeable {

    public static final float[] BLACK = {0, 0, 0};

    private static final byte[] REGULAR = PdfText.bytes("liberation/LiberationSans-Regular.ttf");
    private static final byte[] BOLD = PdfText.bytes("liberation/LiberationSans-Bold.ttf");

    private final PDDocument doc = new PDDocument();
    private final TrueTypeFont regularTtf;
    private final TrueTypeFont boldTtf;
    private final PDType0Font regular;
    private final PDType0Font bold;
    private final PdfText glyphs;
    private final PDStructureTreeRoot tree = new PDStructureTreeRoot();
    private final PDStructureElement root;
    private final List<PDPage> pages = new ArrayList<>();
    /** Per page, the structure element of each marked-content id (the parent tree). */
    private final Map<PDPage, COSArray> marked = new LinkedHashMap<>();
    /** The open marked-content sequences: true for a tagged one, false for an artifact. */
    private final Deque<Boolean> open = new ArrayDeque<>();
    private PDPage page;
    private PDPageContentStream cs;

    private TaggedPdf(String language, String title) throws IOException {
        regularTtf = PdfText.ttf(REGULAR);
        boldTtf = PdfText.ttf(BOLD);
        regular = PDType0Font.load(doc, regularTtf, true);
        bold = PDType0Font.load(doc, boldTtf, true);
        glyphs = new PdfText(doc);
        doc.getDocumentInformation().setTitle(title);
        doc.getDocumentInformation().setCreator("Kohtaamo");
        doc.getDocumentInformation().setProducer("Kohtaamo (Apache PDFBox)");
        doc.getDocumentCatalog().setLanguage(language);
        PDViewerPreferences prefs = new PDViewerPreferences(new COSDictionary());
        prefs.setDisplayDocTitle(true);
        doc.getDocumentCatalog().setViewerPreferences(prefs);
        PDMarkInfo mark = new PDMarkInfo();
        mark.setMarked(true);
        doc.getDocumentCatalog().setMarkInfo(mark);
        doc.getDocumentCatalog().setStructureTreeRoot(tree);
        root = new PDStructureElement(StandardStructureTypes.DOCUMENT, tree);
        root.setLanguage(language);
        tree.appendKid(root);
        PDMetadata xmp = new PDMetadata(doc);
        xmp.importXMPMetadata(xmp(language, title).getBytes(StandardCharsets.UTF_8));
        doc.getDocumentCatalog().setMetadata(xmp);
    }

    /** A new document in the given language (BCP 47) with its title. Close it (try-with-resources). */
    public static TaggedPdf open(String language, String title) {
        try {
            return new TaggedPdf(language, title);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public PDType0Font regular() {
        return regular;
    }

    public PDType0Font bold() {
        return bold;
    }

    /** The document's text: printable forms, widths, wrapping. */
    public PdfText glyphs() {
        return glyphs;
    }

    /** The Document element, parent of the top-level elements. */
    public PDStructureElement root() {
        return root;
    }

    public List<PDPage> pages() {
        return pages;
    }

    public void setCreated(Calendar created) {
        doc.getDocumentInformation().setCreationDate(created);
    }

    /** Starts a page of this size and draws on it from now on. */
    public PDPage newPage(PDRectangle size) throws IOException {
        closeStream();
        page = new PDPage(size);
        page.getCOSObject().setName(COSName.getPDFName("Tabs"), "S");
        doc.addPage(page);
        pages.add(page);
        cs = new PDPageContentStream(doc, page);
        return page;
    }

    /** Draws on an earlier page again, over what it has (for footers that need the page count). */
    public void reopen(PDPage earlier) throws IOException {
        closeStream();
        page = earlier;
        cs = new PDPageContentStream(doc, earlier, PDPageContentStream.AppendMode.APPEND, true, true);
    }

    /** The current page's content stream, for drawing inside {@link #begin} / {@link #artifact} ... {@link #end}. */
    public PDPageContentStream content() {
        return cs;
    }

    /** A structure element without content of its own (Table, TR, L, LI, Sect). */
    public PDStructureElement group(PDStructureElement parent, String type) {
        PDStructureElement e = new PDStructureElement(type, parent);
        parent.appendKid(e);
        return e;
    }

    /** A structure element whose content follows, as one marked-content sequence on this page, until {@link #end}. */
    public PDStructureElement begin(PDStructureElement parent, String type) throws IOException {
        PDStructureElement e = group(parent, type);
        mark(e);
        return e;
    }

    /** A header cell of a column (Scope Column). */
    public PDStructureElement header(PDStructureElement row) throws IOException {
        PDStructureElement th = begin(row, StandardStructureTypes.TH);
        PDTableAttributeObject scope = new PDTableAttributeObject();
        scope.setScope(PDTableAttributeObject.SCOPE_COLUMN);
        th.addAttribute(scope);
        return th;
    }

    /** A span of text in another language than its surroundings, until {@link #end}. */
    public PDStructureElement span(PDStructureElement parent, String language) throws IOException {
        PDStructureElement e = begin(parent, StandardStructureTypes.SPAN);
        e.setLanguage(language);
        return e;
    }

    /** A list item (LI with its LBody) whose text follows until {@link #end}. */
    public PDStructureElement item(PDStructureElement list) throws IOException {
        return begin(group(list, StandardStructureTypes.LI), StandardStructureTypes.L_BODY);
    }

    /** More content of an existing element: a further marked-content sequence on this page, until {@link #end}. */
    public void mark(PDStructureElement e) throws IOException {
        if (!open.isEmpty()) {
            throw new IllegalStateException("marked content does not nest here: end the open sequence first");
        }
        COSArray ids = marked.computeIfAbsent(page, p -> new COSArray());
        int mcid = ids.size();
        e.setPage(page);
        e.appendKid(mcid);
        ids.add(e);
        cs.beginMarkedContent(COSName.getPDFName(e.getStructureType()), mcid);
        open.push(true);
    }

    /** Starts what a reader skips: rules, decorations, repeated headers and footers. */
    public void artifact() throws IOException {
        if (!open.isEmpty()) {
            throw new IllegalStateException("an artifact does not nest in marked content");
        }
        cs.beginMarkedContent(COSName.ARTIFACT);
        open.push(false);
    }

    /** Starts a page number (a pagination artifact). */
    public void pagination() throws IOException {
        if (!open.isEmpty()) {
            throw new IllegalStateException("an artifact does not nest in marked content");
        }
        COSDictionary props = new COSDictionary();
        props.setName(COSName.TYPE, "Pagination");
        cs.beginMarkedContent(COSName.ARTIFACT, PDPropertyList.create(props));
        open.push(false);
    }

    /** Ends the open marked-content sequence (tagged or artifact). */
    public void end() throws IOException {
        if (open.isEmpty()) {
            throw new IllegalStateException("no marked content open");
        }
        open.pop();
        cs.endMarkedContent();
    }

    /** A QR code of an address as a Figure whose alternative text says where it leads, its lower left at (x, y). */
    public PDStructureElement qr(PDStructureElement parent, String url, String alt, float x, float y, float size)
            throws IOException {
        PDStructureElement figure = begin(parent, StandardStructureTypes.Figure);
        figure.setAlternateDescription(alt == null ? "QR: " + url : alt);
        QrCode.of(url).draw(cs, x, y, size);
        end();
        return figure;
    }

    /** The same QR code drawn again as an artifact (on later pages, read once), in the open artifact if any. */
    public void qrArtifact(String url, float x, float y, float size) throws IOException {
        boolean own = open.isEmpty();
        if (own) {
            artifact();
        } else if (open.peek()) {
            throw new IllegalStateException("a QR code in tagged content is a Figure: use qr()");
        }
        QrCode.of(url).draw(cs, x, y, size);
        if (own) {
            end();
        }
    }

    /** Writes one line of text inside the open marked content at (x, baseline); returns its width. */
    public float text(String s, PDType0Font font, float size, float x, float baseline, float[] color)
            throws IOException {
        if (open.isEmpty()) {
            throw new IllegalStateException("text goes inside a structure element or an artifact");
        }
        String t = glyphs.printable(PdfText.visual(s), font);
        cs.beginText();
        cs.setNonStrokingColor(color[0], color[1], color[2]);
        cs.newLineAtOffset(x, baseline);
        glyphs.show(cs, t, font, size);
        cs.endText();
        return glyphs.width(t, font, size);
    }

    /** The drawn width of a text. */
    public float width(String s, PDType0Font font, float size) throws IOException {
        return glyphs.width(glyphs.printable(PdfText.visual(s), font), font, size);
    }

    /** Lines no wider than {@code width} ({@link PdfText#wrap}). */
    public List<String> wrap(String s, PDType0Font font, float size, float width) throws IOException {
        return glyphs.wrap(s, font, size, width);
    }

    /**
     * Lines that stay inside {@code width}: broken between words, and a word wider than the width cut where it must
     * be (a table cell); at least one line, "" for nothing.
     */
    public List<String> wrapInside(String s, PDType0Font font, float size, float width) throws IOException {
        List<String> out = new java.util.ArrayList<>();
        for (String line : wrap(s == null ? "" : s.strip(), font, size, width)) {
            if (width(line, font, size) <= width) {
                out.add(line);
            } else {
                out.addAll(cutAnywhere(line, font, size, width));
            }
        }
        if (out.isEmpty()) {
            out.add("");
        }
        return out;
    }

    /** Lines no wider than {@code width}, cut between any two characters (an address has no spaces). */
    public List<String> cutAnywhere(String s, PDType0Font font, float size, float width) throws IOException {
        List<String> out = new java.util.ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            String c = new String(Character.toChars(cp));
            if (!line.isEmpty() && width(line + c, font, size) > width) {
                out.add(line.toString());
                line.setLength(0);
            }
            line.append(c);
            i += Character.charCount(cp);
        }
        out.add(line.toString());
        return out;
    }

    /** A straight rule, an artifact (outside tagged content; inside an open artifact, part of it). */
    public void rule(float x1, float y1, float x2, float y2, float[] color, float width) throws IOException {
        boolean own = open.isEmpty();
        if (own) {
            artifact();
        } else if (open.peek()) {
            throw new IllegalStateException("rules are artifacts: draw them outside tagged content");
        }
        cs.setStrokingColor(color[0], color[1], color[2]);
        cs.setLineWidth(width);
        cs.moveTo(x1, y1);
        cs.lineTo(x2, y2);
        cs.stroke();
        if (own) {
            end();
        }
    }

    /** Finishes the structure (parent tree, each page's StructParents) and returns the file. */
    public byte[] save() {
        try {
            if (!open.isEmpty()) {
                throw new IllegalStateException("marked content left open");
            }
            closeStream();
            Map<Integer, COSArray> parents = new TreeMap<>();
            for (int i = 0; i < pages.size(); i++) {
                pages.get(i).setStructParents(i);
                parents.put(i, marked.getOrDefault(pages.get(i), new COSArray()));
            }
            PDNumberTreeNode parentTree = new PDNumberTreeNode(PDParentTreeValue.class);
            parentTree.setNumbers(parents);
            tree.setParentTree(parentTree);
            tree.setParentTreeNextKey(pages.size());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void closeStream() throws IOException {
        if (cs != null) {
            if (!open.isEmpty()) {
                throw new IllegalStateException("marked content left open on a page");
            }
            cs.close();
            cs = null;
        }
    }

    @Override
    public void close() {
        try (doc; regularTtf; boldTtf) {
            if (cs != null) {
                cs.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String xmp(String language, String title) {
        return "<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
                + "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
                + "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
                + "<rdf:Description rdf:about=\"\" xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\""
                + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n"
                + "<pdfuaid:part>1</pdfuaid:part>\n"
                + "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">" + escape(title) + "</rdf:li></rdf:Alt></dc:title>\n"
                + "<dc:language><rdf:Bag><rdf:li>" + escape(language) + "</rdf:li></rdf:Bag></dc:language>\n"
                + "</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>";
    }

    private static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            switch (cp) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                default -> {
                    if (cp >= 0x20 || cp == '\n' || cp == '\t') {
                        sb.appendCodePoint(cp);
                    }
                }
            }
        });
        return sb.toString();
    }
}
