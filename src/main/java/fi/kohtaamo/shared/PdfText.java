package fi.kohtaamo.shared;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Text in Kohtaamo's PDFs (all written through {@link TaggedPdf}), one per document: a character
 * the text font (Liberation Sans) lacks is drawn in DejaVu Sans (Arabic, Hebrew and other scripts; from
 * JasperReports' font jar on Maven Central) or else in Noto Emoji (monochrome outlines,
 * SIL Open Font License, {@code fonts/NotoEmoji-Regular.ttf} with its licence beside it; no artifact
 * on Maven Central carries it), chosen character by character; only what neither font has becomes
 * "?", so that no input can make a PDF fail. Glyph substitution is off in both fonts (PDFBox would
 * run the fonts' GSUB rules on every line, which makes a long poster take seconds), so an emoji
 * sequence joined with ZWJ is drawn as its parts.
 */
public final class PdfText {

    private static final byte[] FALLBACK = bytes("fonts/NotoEmoji-Regular.ttf");
    private static final byte[] SCRIPTS = bytes("net/sf/jasperreports/fonts/dejavu/DejaVuSans.ttf");

    private final PDDocument doc;
    private PDType0Font fallback;
    private PDType0Font scripts;
    private final Map<PDType0Font, Map<Integer, Boolean>> glyphs = new HashMap<>();
    private final Map<PDType0Font, Map<Integer, Float>> advances = new HashMap<>();

    /** Text for the document; the fallback font is loaded when a text first needs it. */
    public PdfText(PDDocument doc) {
        this.doc = doc;
    }

    /** The fallback font, loaded into the document (embedded as a subset of what is drawn with it). */
    private PDType0Font fallback() {
        if (fallback == null) {
            try {
                TrueTypeFont ttf = ttf(FALLBACK);
                doc.registerTrueTypeFontForClosing(ttf);
                fallback = PDType0Font.load(doc, ttf, true);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return fallback;
    }

    /** DejaVu Sans, for the letters Liberation Sans lacks (Arabic presentation forms, Hebrew, Armenian, Georgian, …). */
    private PDType0Font scripts() {
        if (scripts == null) {
            try {
                TrueTypeFont ttf = ttf(SCRIPTS);
                doc.registerTrueTypeFontForClosing(ttf);
                scripts = PDType0Font.load(doc, ttf, true);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return scripts;
    }

    /** The font that draws a character: the text font, else DejaVu Sans, else the emoji font, else the text font. */
    private PDType0Font fontFor(PDType0Font font, int cp) {
        if (has(font, cp)) {
            return font;
        }
        if (has(scripts(), cp)) {
            return scripts();
        }
        return has(fallback(), cp) ? fallback() : font;
    }

    /**
     * A line as it is drawn: PDFBox draws glyphs in the order given and does not join letters, so a line with
     * right-to-left text is shaped (Arabic letters to their joined presentation forms, ICU's {@code ArabicShaping})
     * and put in visual order (ICU's {@code Bidi}, mirroring brackets); any other line is returned as it is. Wrap the
     * logical text first, then draw each line's visual form. Readers get the logical text from the structure
     * element's ActualText ({@link TaggedPdf#text}).
     */
    public static String visual(String line) {
        if (!java.text.Bidi.requiresBidi(line.toCharArray(), 0, line.length())) {
            return line;
        }
        try {
            String shaped = new com.ibm.icu.text.ArabicShaping(com.ibm.icu.text.ArabicShaping.LETTERS_SHAPE
                    | com.ibm.icu.text.ArabicShaping.TEXT_DIRECTION_LOGICAL
                    | com.ibm.icu.text.ArabicShaping.LENGTH_GROW_SHRINK).shape(line);
            com.ibm.icu.text.Bidi bidi = new com.ibm.icu.text.Bidi(shaped, com.ibm.icu.text.Bidi.LEVEL_DEFAULT_LTR);
            return bidi.writeReordered(com.ibm.icu.text.Bidi.DO_MIRRORING | com.ibm.icu.text.Bidi.REMOVE_BIDI_CONTROLS);
        } catch (com.ibm.icu.text.ArabicShapingException e) {
            return line;
        }
    }

    /** Whether a text's first strong character is right-to-left (its paragraph runs from the right). */
    public static boolean rightToLeft(String text) {
        java.text.Bidi bidi = new java.text.Bidi(text, java.text.Bidi.DIRECTION_DEFAULT_LEFT_TO_RIGHT);
        return !bidi.baseIsLeftToRight();
    }

    /** A font parsed without glyph substitution. */
    public static TrueTypeFont ttf(byte[] data) throws IOException {
        TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(data));
        ttf.setEnableGsub(false);
        return ttf;
    }

    /** A font file from the class path. */
    public static byte[] bytes(String resource) {
        try (InputStream in = PdfText.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Font " + resource + " missing");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The text as it will be drawn: control characters and other white space as spaces, characters
     * neither font has as "?" (invisible format characters such as ZWJ and variation selectors that
     * neither has are left out).
     */
    public String printable(String s, PDType0Font font) {
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp) || Character.isWhitespace(cp)) {
                sb.append(' ');
            } else if (has(fontFor(font, cp), cp)) {
                sb.appendCodePoint(cp);
            } else if (Character.getType(cp) != Character.FORMAT && !(cp >= 0xFE00 && cp <= 0xFE0F)) {
                sb.append('?');
            }
        });
        return sb.toString();
    }

    /** The width of a printable text, from each character's advance (measured once per document). */
    public float width(String printable, PDType0Font font, float size) throws IOException {
        float sum = 0;
        for (int i = 0; i < printable.length(); ) {
            int cp = printable.codePointAt(i);
            PDType0Font f = fontFor(font, cp);
            Map<Integer, Float> known = advances.computeIfAbsent(f, k -> new HashMap<>());
            Float w = known.get(cp);
            if (w == null) {
                w = has(f, cp) ? f.getStringWidth(new String(Character.toChars(cp))) : 0f;
                known.put(cp, w);
            }
            sum += w;
            i += Character.charCount(cp);
        }
        return sum / 1000 * size;
    }

    /**
     * Shows a printable text at the current text position (between beginText and endText), each
     * stretch in the font that has its characters; the font is left set to the last one used.
     */
    public void show(PDPageContentStream cs, String printable, PDType0Font font, float size) throws IOException {
        int start = 0;
        PDType0Font current = null;
        for (int i = 0; i < printable.length(); ) {
            int cp = printable.codePointAt(i);
            PDType0Font f = fontFor(font, cp);
            if (f != current) {
                if (current != null) {
                    cs.setFont(current, size);
                    cs.showText(printable.substring(start, i));
                }
                current = f;
                start = i;
            }
            i += Character.charCount(cp);
        }
        if (current != null) {
            cs.setFont(current, size);
            cs.showText(printable.substring(start));
        }
    }

    private boolean has(PDType0Font font, int cp) {
        return glyphs.computeIfAbsent(font, f -> new HashMap<>()).computeIfAbsent(cp, c -> {
            try {
                font.encode(new String(Character.toChars(c)));
                return true;
            } catch (IOException | IllegalArgumentException e) {
                return false;
            }
        });
    }

    /** The text in lines no wider than {@code width} at this size, broken between words (a longer word keeps a line). */
    public java.util.List<String> wrap(String text, PDType0Font font, float size, float width) throws IOException {
        java.util.List<String> lines = new java.util.ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split("\\s+")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (!line.isEmpty() && width(printable(visual(candidate), font), font, size) > width) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(candidate);
            }
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }
}
