package fi.kohtaamo.support;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkedContentReference;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDMarkedContent;
import org.apache.pdfbox.text.PDFMarkedContentExtractor;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * Reads a PDF's tagging as a screen reader relies on it and fails loudly where it would fall short: the catalog
 * (structure tree, MarkInfo Marked, language, title shown in the window, PDF/UA identification), every text on
 * every page inside a structure element's marked content (found back from its MCID through the ParentTree) or an
 * Artifact, the text read per MCID equal to what PDFTextStripper reads from the page, every drawing and image
 * either an artifact or inside a Figure with alternative text, and the heading levels.
 */
public final class PdfTagging {

    /** A structure element as read: its type, language, alternative text and the text of its own content. */
    public record Element(String type, String lang, String alt, String text, int depth) {
    }

    /** The tagging of a document: its elements in structure (reading) order. */
    public record Report(String lang, String title, List<Element> elements) {

        public List<String> types() {
            return elements.stream().map(Element::type).toList();
        }

        public List<Element> ofType(String type) {
            return elements.stream().filter(e -> e.type().equals(type)).toList();
        }

        /** All text in reading order, as a screen reader would read it. */
        public String text() {
            return elements.stream().map(Element::text).filter(t -> !t.isBlank()).collect(Collectors.joining(" "));
        }
    }

    private static final Set<String> TEXT_OPERATORS = Set.of("Tj", "TJ", "'", "\"");
    private static final Set<String> PAINT_OPERATORS = Set.of("f", "F", "f*", "B", "B*", "b", "b*", "S", "s", "sh");
    private static final Set<String> STANDARD = Set.of("Document", "Part", "Art", "Sect", "Div", "BlockQuote",
            "Caption", "TOC", "TOCI", "Index", "NonStruct", "Private", "H", "H1", "H2", "H3", "H4", "H5", "H6", "P",
            "L", "LI", "Lbl", "LBody", "Table", "TR", "TH", "TD", "THead", "TBody", "TFoot", "Span", "Quote", "Note",
            "Reference", "BibEntry", "Code", "Link", "Annot", "Ruby", "Warichu", "Figure", "Formula", "Form");

    private PdfTagging() {
    }

    /** Checks the document (throws AssertionError on the first failure) and returns what it read. */
    public static Report check(PDDocument doc) throws IOException {
        var catalog = doc.getDocumentCatalog();
        PDStructureTreeRoot tree = catalog.getStructureTreeRoot();
        require(tree != null, "no StructTreeRoot");
        require(catalog.getMarkInfo() != null && catalog.getMarkInfo().isMarked(), "MarkInfo Marked is not true");
        String lang = catalog.getLanguage();
        require(lang != null && !lang.isBlank(), "no document language (Lang)");
        String title = doc.getDocumentInformation().getTitle();
        require(title != null && !title.isBlank(), "no title");
        require(catalog.getViewerPreferences() != null && catalog.getViewerPreferences().displayDocTitle(),
                "ViewerPreferences DisplayDocTitle is not true");
        require(catalog.getMetadata() != null
                && new String(catalog.getMetadata().toByteArray(), java.nio.charset.StandardCharsets.UTF_8)
                        .contains("<pdfuaid:part>1</pdfuaid:part>"), "no PDF/UA identification in the XMP metadata");

        // each page's text per MCID, and its artifacts' text
        Map<COSDictionary, Map<Integer, String>> texts = new IdentityHashMap<>();
        Map<COSDictionary, Integer> pageIndex = new IdentityHashMap<>();
        StringBuilder artifacts = new StringBuilder();
        int index = 0;
        for (PDPage page : doc.getPages()) {
            pageIndex.put(page.getCOSObject(), index++);
            require("S".equals(page.getCOSObject().getNameAsString(COSName.getPDFName("Tabs"))),
                    "page " + index + ": tab order is not the structure's (Tabs S)");
            PDFMarkedContentExtractor extractor = new PDFMarkedContentExtractor();
            extractor.processPage(page);
            Map<Integer, String> byId = new HashMap<>();
            for (PDMarkedContent mc : extractor.getMarkedContents()) {
                collect(mc, byId, artifacts, false);
            }
            texts.put(page.getCOSObject(), byId);
        }

        // the structure tree in reading order, each MCID found back through the parent tree
        List<Element> elements = new ArrayList<>();
        Map<COSDictionary, Set<Integer>> used = new IdentityHashMap<>();
        for (Object kid : tree.getKids()) {
            require(kid instanceof PDStructureElement, "a structure tree root kid that is no element: " + kid);
            walk((PDStructureElement) kid, null, 0, tree, texts, used, elements);
        }
        for (PDPage page : doc.getPages()) {
            Set<Integer> seen = used.getOrDefault(page.getCOSObject(), Set.of());
            for (Integer mcid : texts.get(page.getCOSObject()).keySet()) {
                require(seen.contains(mcid), "page " + (pageIndex.get(page.getCOSObject()) + 1) + ": marked content " + mcid
                        + " belongs to no structure element");
            }
        }

        // every piece of text on the pages is inside a structure element or an artifact
        String all = new PDFTextStripper().getText(doc);
        String tagged = elements.stream().map(Element::text).collect(Collectors.joining());
        require(sorted(all).equals(sorted(tagged + artifacts)), "text outside structure elements and artifacts:\n"
                + "page text: " + squeeze(all) + "\ntagged: " + squeeze(tagged) + "\nartifacts: " + squeeze(
                        artifacts.toString()));
        require(!squeeze(tagged).isBlank(), "no tagged text");
        for (PDPage page : doc.getPages()) {
            operators(page, pageIndex.get(page.getCOSObject()) + 1, tree);
        }

        // headings: an H1 first, no level skipped
        List<Integer> levels = elements.stream().filter(e -> e.type().matches("H[1-6]"))
                .map(e -> Integer.parseInt(e.type().substring(1))).toList();
        require(!levels.isEmpty() && levels.get(0) == 1, "the first heading is not H1: " + levels);
        for (int i = 1; i < levels.size(); i++) {
            require(levels.get(i) <= levels.get(i - 1) + 1, "a heading level skipped: " + levels);
        }
        for (Element e : elements) {
            require(STANDARD.contains(e.type()), "a non-standard structure type " + e.type());
            require(!e.type().equals("Figure") || (e.alt() != null && !e.alt().isBlank()), "a Figure without Alt");
        }
        return new Report(lang, title, elements);
    }

    private static void collect(PDMarkedContent mc, Map<Integer, String> byId, StringBuilder artifacts,
            boolean inArtifact) {
        boolean artifact = inArtifact || "Artifact".equals(mc.getTag());
        StringBuilder own = new StringBuilder();
        for (Object o : mc.getContents()) {
            if (o instanceof TextPosition t) {
                own.append(t.getUnicode());
            } else if (o instanceof PDMarkedContent inner) {
                collect(inner, byId, artifacts, artifact);
            }
        }
        if (artifact) {
            artifacts.append(own);
        } else if (mc.getMCID() >= 0) {
            byId.merge(mc.getMCID(), own.toString(), String::concat);
        } else {
            require(own.isEmpty(), "text in marked content without MCID (" + mc.getTag() + "): " + own);
        }
    }

    private static void walk(PDStructureElement e, PDPage inherited, int depth, PDStructureTreeRoot tree,
            Map<COSDictionary, Map<Integer, String>> texts, Map<COSDictionary, Set<Integer>> used, List<Element> out)
            throws IOException {
        PDPage page = e.getPage() != null ? e.getPage() : inherited;
        StringBuilder text = new StringBuilder();
        int at = out.size();
        out.add(null);
        for (Object kid : e.getKids()) {
            if (kid instanceof PDStructureElement child) {
                walk(child, page, depth + 1, tree, texts, used, out);
            } else if (kid instanceof Integer mcid) {
                text.append(mcid(e, page, mcid, tree, texts, used));
            } else if (kid instanceof PDMarkedContentReference ref) {
                text.append(mcid(e, ref.getPage() != null ? ref.getPage() : page, ref.getMCID(), tree, texts, used));
            }
        }
        out.set(at, new Element(e.getStructureType(), e.getLanguage(), e.getAlternateDescription(), text.toString(),
                depth));
    }

    private static String mcid(PDStructureElement e, PDPage page, int mcid, PDStructureTreeRoot tree,
            Map<COSDictionary, Map<Integer, String>> texts, Map<COSDictionary, Set<Integer>> used) throws IOException {
        require(page != null, e.getStructureType() + " has marked content but no page");
        require(used.computeIfAbsent(page.getCOSObject(), p -> new java.util.HashSet<>()).add(mcid), "MCID " + mcid
                + " used twice");
        COSBase parents = toCos(tree.getParentTree().getValue(page.getStructParents()));
        require(parents instanceof COSArray, "no ParentTree entry for a page (StructParents "
                + page.getStructParents() + ")");
        COSBase parent = ((COSArray) parents).getObject(mcid);
        require(parent == e.getCOSObject(), "ParentTree entry " + mcid + " is not its " + e.getStructureType());
        String t = texts.get(page.getCOSObject()).get(mcid);
        return t == null ? "" : t;
    }

    private static COSBase toCos(Object o) {
        if (o == null) {
            return null;
        }
        if (o instanceof COSBase b) {
            return b instanceof COSObject obj ? obj.getObject() : b;
        }
        if (o instanceof org.apache.pdfbox.pdmodel.common.COSObjectable c) {
            return c.getCOSObject();
        }
        return null;
    }

    /** Text, drawings and images: text inside some marked content, drawings and images artifacts or Figures. */
    private static void operators(PDPage page, int number, PDStructureTreeRoot tree)
            throws IOException {
        COSArray parents = (COSArray) toCos(tree.getParentTree().getValue(page.getStructParents()));
        Deque<String> open = new ArrayDeque<>();
        List<Object> operands = new ArrayList<>();
        PDFStreamParser parser = new PDFStreamParser(page);
        for (Object token = parser.parseNextToken(); token != null; token = parser.parseNextToken()) {
            if (!(token instanceof Operator op)) {
                operands.add(token);
                continue;
            }
            String name = op.getName();
            switch (name) {
                case "BMC" -> open.push(((COSName) operands.get(0)).getName());
                case "BDC" -> {
                    String tag = ((COSName) operands.get(0)).getName();
                    COSDictionary props = operands.get(1) instanceof COSDictionary d ? d
                            : page.getResources().getProperties((COSName) operands.get(1)).getCOSObject();
                    int mcid = props.getInt(COSName.MCID, -1);
                    if (tag.equals("Artifact") || mcid < 0) {
                        open.push(tag.equals("Artifact") ? "Artifact" : "?" + tag);
                    } else {
                        COSDictionary element = (COSDictionary) parents.getObject(mcid);
                        open.push(element.getNameAsString(COSName.S));
                    }
                }
                case "EMC" -> {
                    require(!open.isEmpty(), "page " + number + ": EMC without BMC/BDC");
                    open.pop();
                }
                default -> {
                    String where = open.stream().filter(t -> t.equals("Artifact") || !t.startsWith("?"))
                            .findFirst().orElse(null);
                    if (TEXT_OPERATORS.contains(name)) {
                        require(where != null, "page " + number + ": text outside structure and artifacts");
                    } else if (PAINT_OPERATORS.contains(name) || name.equals("Do")) {
                        require("Artifact".equals(where) || "Figure".equals(where), "page " + number + ": a "
                                + (name.equals("Do") ? "image" : "drawing") + " neither artifact nor Figure ("
                                + where + ")");
                    }
                }
            }
            operands.clear();
        }
        require(open.isEmpty(), "page " + number + ": marked content left open");
    }

    /** The characters of a text, compatibility-normalised (the joined presentation forms of Arabic as their letters, as
     *  PDFTextStripper gives them), without white space, in code point order. */
    private static String sorted(String s) {
        return squeeze(java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFKC)).codePoints().sorted().collect(StringBuilder::new, StringBuilder::appendCodePoint,
                StringBuilder::append).toString();
    }

    private static String squeeze(String s) {
        return s.replaceAll("\\s+", "");
    }

    private static void require(boolean ok, String failure) {
        if (!ok) {
            throw new AssertionError("PDF tagging: " + failure);
        }
    }
}
