package fi.kohtaamo.calendar.internal.poster;

import fi.kohtaamo.shared.PdfText;
import fi.kohtaamo.shared.TaggedPdf;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.StandardStructureTypes;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Lays out a weekly poster as an A4 portrait PDF: a title, one section per weekday that has
 * activities, and on every page a footer with a QR code of the online calendar, its address and the
 * date of printing. Texts arrive already translated ({@link Bi}: the first language and, on a
 * two-language poster, the second one shown below it in a lighter style). Fonts are Liberation Sans
 * (embedded subsets; covers Finnish, Swedish and the other Latin, Greek and Cyrillic scripts),
 * with Noto Emoji for what it lacks ({@link PdfText}); what neither has is printed as "?" rather than
 * failing. Written with {@link TaggedPdf}: document language and title, headings (H1 title, H2
 * weekdays), one paragraph per occurrence (its second-language lines a Span with their Lang), the QR
 * codes as figures with the address as their text; rules, strike-throughs, page numbers and the
 * repeated header and footer of later pages are artifacts.
 */
final class PosterPdf {

    /** A text in the poster's first language and, on a two-language poster, in the second (null if none or the same). */
    record Bi(String main, String second) {

        static Bi of(String main) {
            return new Bi(main, null);
        }

        Bi {
            main = main == null ? "" : main;
            second = second == null || second.isBlank() || second.equals(main) ? null : second;
        }

        /** Both on one line, for headings: "Maanantai · Måndag". */
        String joined(String separator) {
            return second == null ? main : main + separator + second;
        }
    }

    /** One occurrence on the poster. {@code status} is null when it runs as planned. */
    record Row(String time, Bi name, Bi place, Bi details, boolean cancelled, Bi status) {
    }

    /** One weekday with its rows. */
    record Day(Bi heading, List<Row> rows) {
    }

    /**
     * Everything the poster prints.
     *
     * @param language   the document's language (BCP 47), for screen readers
     * @param secondLanguage the second language of a two-language poster (BCP 47), or null
     * @param docTitle   the document title in its metadata
     * @param title      the place, municipality or area
     * @param subtitle   the week ("Viikko 48, 23.–29.11.2026")
     * @param note       a note below the title (nothing this week; capped), or null
     * @param url        the online calendar with the same filters and week (QR code and text)
     * @param urlLabel   the words before the address
     * @param printed    "printed 25.11.2026"
     * @param continued  the word after the title on later pages
     * @param feedbackUrl the place's feedback address (a second QR code beside the calendar's), or null
     * @param feedbackLabel the words before it, or null
     */
    record Poster(String language, String secondLanguage, String docTitle, Bi title, Bi subtitle, Bi note, List<Day> days, String url,
            Bi urlLabel, Bi printed, Bi continued, Calendar created, String feedbackUrl, Bi feedbackLabel) {
    }

    private static final float MARGIN = 40;
    private static final float FOOTER = 108;
    private static final float QR_SIZE = 92;
    private static final float TIME_WIDTH = 84;
    private static final float[] BLACK = {0, 0, 0};
    private static final float[] GREY = {0.33f, 0.33f, 0.33f};
    private static final float[] LIGHT = {0.8f, 0.8f, 0.8f};
    private static final float[] RED = {0.7f, 0, 0.08f};

    private final TaggedPdf pdf;
    private final PDType0Font regular;
    private final PDType0Font bold;
    private final PdfText glyphs;
    private final Poster poster;
    private float y;
    /** The element whose marked content is open, to come back to after a second-language span. */
    private PDStructureElement current;

    private PosterPdf(TaggedPdf pdf, Poster poster) {
        this.pdf = pdf;
        this.poster = poster;
        this.regular = pdf.regular();
        this.bold = pdf.bold();
        this.glyphs = pdf.glyphs();
    }

    static byte[] render(Poster poster) {
        try (TaggedPdf doc = TaggedPdf.open(poster.language(), poster.docTitle())) {
            doc.setCreated(poster.created());
            new PosterPdf(doc, poster).layout();
            return doc.save();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void layout() throws IOException {
        newPage(true);
        if (poster.note() != null) {
            paragraph(poster.note(), regular, 11, MARGIN, width(), BLACK);
            y -= 8;
        }
        for (Day day : poster.days()) {
            // keep the heading with its first row
            float first = day.rows().isEmpty() ? 0 : rowHeight(day.rows().get(0));
            ensure(30 + first);
            y -= 8;
            begin(StandardStructureTypes.H2);
            text(day.heading().joined(" · "), bold, 14, MARGIN, y - 14, BLACK);
            pdf.end();
            y -= 19;
            pdf.rule(MARGIN, y, MARGIN + width(), y, BLACK, 1f);
            y -= 6;
            for (Row row : day.rows()) {
                ensure(rowHeight(row));
                row(row);
            }
        }
        footers();
    }

    /** Starts a top-level element with its content. */
    private PDStructureElement begin(String type) throws IOException {
        current = pdf.begin(pdf.root(), type);
        return current;
    }

    /** From here to {@link #main()} the text is in the poster's second language. */
    private void second() throws IOException {
        pdf.end();
        pdf.span(current, poster.secondLanguage() == null ? poster.language() : poster.secondLanguage());
    }

    /** Back to the element's own language after {@link #second()}. */
    private void main() throws IOException {
        pdf.end();
        pdf.mark(current);
    }

    private void newPage(boolean first) throws IOException {
        pdf.newPage(PDRectangle.A4);
        y = PDRectangle.A4.getHeight() - MARGIN;
        if (first) {
            begin(StandardStructureTypes.H1);
            for (String l : wrap(poster.title().main(), bold, 22, width())) {
                text(l, bold, 22, MARGIN, y - 22, BLACK);
                y -= 27;
            }
            if (poster.title().second() != null) {
                second();
                for (String l : wrap(poster.title().second(), regular, 16, width())) {
                    text(l, regular, 16, MARGIN, y - 16, GREY);
                    y -= 20;
                }
            }
            pdf.end();
            y -= 2;
            begin(StandardStructureTypes.P);
            for (String l : wrap(poster.subtitle().joined(" · "), bold, 13, width())) {
                text(l, bold, 13, MARGIN, y - 13, BLACK);
                y -= 17;
            }
            pdf.end();
            y -= 6;
        } else {
            String head = poster.title().main() + " – " + poster.subtitle().main() + " (" + poster.continued().joined(
                    " / ") + ")";
            pdf.artifact();
            for (String l : wrap(head, regular, 9, width())) {
                text(l, regular, 9, MARGIN, y - 9, GREY);
                y -= 12;
            }
            pdf.end();
            y -= 4;
        }
    }

    /** Starts a new page unless {@code height} still fits above the footer. */
    private void ensure(float height) throws IOException {
        if (y - height < MARGIN + FOOTER) {
            newPage(false);
        }
    }

    private float nameWidth() {
        return width() - TIME_WIDTH;
    }

    private float rowHeight(Row r) throws IOException {
        float h = 4;
        h += wrap(r.name().main(), bold, 12, nameWidth()).size() * 15f;
        if (r.name().second() != null) {
            h += wrap(r.name().second(), regular, 10, nameWidth()).size() * 12.5f;
        }
        if (r.status() != null) {
            h += wrap(r.status().joined(" / "), bold, 10, nameWidth()).size() * 12.5f;
        }
        if (r.place() != null) {
            h += wrap(r.place().joined(" / "), regular, 10, nameWidth()).size() * 12.5f;
        }
        if (r.details() != null) {
            h += wrap(r.details().main(), regular, 9, nameWidth()).size() * 11.5f;
            if (r.details().second() != null) {
                h += wrap(r.details().second(), regular, 9, nameWidth()).size() * 11.5f;
            }
        }
        return h + 7;
    }

    private void row(Row r) throws IOException {
        float top = y;
        float x = MARGIN + TIME_WIDTH;
        y -= 4;
        List<float[]> strikes = new ArrayList<>();
        begin(StandardStructureTypes.P);
        float timeWidth = text(r.time(), bold, 12, MARGIN, y - 12, r.cancelled() ? GREY : BLACK);
        strikes.add(new float[] {MARGIN, y - 12, timeWidth});
        for (String l : wrap(r.name().main(), bold, 12, nameWidth())) {
            float w = text(l, bold, 12, x, y - 12, r.cancelled() ? GREY : BLACK);
            strikes.add(new float[] {x, y - 12, w});
            y -= 15;
        }
        if (r.name().second() != null) {
            second();
            y = lines(r.name().second(), regular, 10, x, 12.5f, GREY);
            main();
        }
        if (r.status() != null) {
            y = lines(r.status().joined(" / "), bold, 10, x, 12.5f, RED);
        }
        if (r.place() != null) {
            y = lines(r.place().joined(" / "), regular, 10, x, 12.5f, BLACK);
        }
        if (r.details() != null) {
            y = lines(r.details().main(), regular, 9, x, 11.5f, GREY);
            if (r.details().second() != null) {
                second();
                y = lines(r.details().second(), regular, 9, x, 11.5f, GREY);
            }
        }
        pdf.end();
        if (r.cancelled()) {
            for (float[] st : strikes) {
                strike(st[0], st[1], st[2], 12);
            }
        }
        y = Math.min(y, top - rowHeight(r) + 7) - 3;
        pdf.rule(MARGIN, y, MARGIN + width(), y, LIGHT, 0.5f);
        y -= 4;
    }

    private float lines(String s, PDType0Font font, float size, float x, float leading, float[] color)
            throws IOException {
        for (String l : wrap(s, font, size, nameWidth())) {
            text(l, font, size, x, y - size, color);
            y -= leading;
        }
        return y;
    }

    private void paragraph(Bi b, PDType0Font font, float size, float x, float w, float[] color) throws IOException {
        for (String s : b.second() == null ? List.of(b.main()) : List.of(b.main(), b.second())) {
            for (String l : wrap(s, font, size, w)) {
                ensure(size * 1.3f);
                PDStructureElement p = begin(StandardStructureTypes.P);
                if (s == b.second() && poster.secondLanguage() != null) {
                    p.setLanguage(poster.secondLanguage());
                }
                text(l, font, size, x, y - size, color);
                pdf.end();
                y -= size * 1.3f;
            }
        }
    }

    /** The footer of every page: the address of the online calendar as text and QR code, printing date, page number. */
    private void footers() throws IOException {
        List<PDPage> pages = List.copyOf(pdf.pages());
        int n = 1;
        for (PDPage p : pages) {
            // the first page's footer is read; on later pages it repeats and is an artifact
            boolean read = n == 1;
            pdf.reopen(p);
            float top = MARGIN + FOOTER - 8;
            pdf.rule(MARGIN, top, MARGIN + width(), top, BLACK, 0.75f);
            float textWidth = width() - QR_SIZE - 16 - (poster.feedbackUrl() == null ? 0 : QR_SIZE + 12);
            float ty = top - 8;
            if (read) {
                begin(StandardStructureTypes.P);
            } else {
                pdf.artifact();
            }
            ty = address(poster.urlLabel(), poster.url(), textWidth, ty, read);
            if (poster.feedbackUrl() != null) {
                address(poster.feedbackLabel(), poster.feedbackUrl(), textWidth, ty, read);
            }
            if (read) {
                pdf.end();
                pdf.qr(pdf.root(), poster.url(), "QR: " + poster.url(), MARGIN + width() - QR_SIZE, MARGIN, QR_SIZE);
                if (poster.feedbackUrl() != null) {
                    pdf.qr(pdf.root(), poster.feedbackUrl(), "QR: " + poster.feedbackUrl(),
                            MARGIN + width() - 2 * QR_SIZE - 12, MARGIN, QR_SIZE);
                }
                begin(StandardStructureTypes.P);
            } else {
                pdf.qrArtifact(poster.url(), MARGIN + width() - QR_SIZE, MARGIN, QR_SIZE);
                if (poster.feedbackUrl() != null) {
                    pdf.qrArtifact(poster.feedbackUrl(), MARGIN + width() - 2 * QR_SIZE - 12, MARGIN, QR_SIZE);
                }
            }
            float printed = text(poster.printed().joined(" / ") + "   ", regular, 8, MARGIN, MARGIN, GREY);
            pdf.end();
            pdf.pagination();
            text(n + "/" + pages.size(), regular, 8, MARGIN + printed, MARGIN, GREY);
            pdf.end();
            n++;
        }
    }

    /** A label (in one or both languages) and its address below it; returns where the next text goes. */
    private float address(Bi label, String url, float textWidth, float ty, boolean read) throws IOException {
        for (String s : label.second() == null ? List.of(label.main()) : List.of(label.main(), label.second())) {
            boolean other = read && s == label.second();
            if (other) {
                second();
            }
            for (String l : wrap(s, bold, 10, textWidth)) {
                text(l, bold, 10, MARGIN, ty - 10, BLACK);
                ty -= 13;
            }
            if (other) {
                main();
            }
        }
        for (String l : wrapAnywhere(url, regular, 9, textWidth)) {
            text(l, regular, 9, MARGIN, ty - 9, BLACK);
            ty -= 11.5f;
        }
        return ty;
    }

    private float width() {
        return PDRectangle.A4.getWidth() - 2 * MARGIN;
    }

    /** Writes one line; returns its width. */
    private float text(String s, PDType0Font font, float size, float x, float baseline, float[] color)
            throws IOException {
        return pdf.text(s, font, size, x, baseline, color);
    }

    private void strike(float x, float baseline, float w, float size) throws IOException {
        pdf.rule(x, baseline + size * 0.3f, x + w, baseline + size * 0.3f, GREY, 1f);
    }

    /** The text as drawn: control characters as spaces, characters no font has as "?" ({@link PdfText}). */
    private String printable(String s, PDType0Font font) {
        return glyphs.printable(s, font);
    }

    /** The width of a line, from each character's advance (measured once per document). */
    private float width(String s, PDType0Font font, float size) throws IOException {
        return glyphs.width(printable(s, font), font, size);
    }

    /** Splits at spaces into lines no wider than {@code max}; a word longer than a line is cut. */
    private List<String> wrap(String s, PDType0Font font, float size, float max) throws IOException {
        List<String> out = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : printable(s, font).strip().split(" +")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (width(candidate, font, size) <= max) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (!line.isEmpty()) {
                out.add(line.toString());
                line.setLength(0);
            }
            if (width(word, font, size) <= max) {
                line.append(word);
            } else {
                List<String> pieces = wrapAnywhere(word, font, size, max);
                out.addAll(pieces.subList(0, pieces.size() - 1));
                line.append(pieces.get(pieces.size() - 1));
            }
        }
        if (!line.isEmpty() || out.isEmpty()) {
            out.add(line.toString());
        }
        return out;
    }

    /** Splits anywhere (addresses have no spaces). */
    private List<String> wrapAnywhere(String s, PDType0Font font, float size, float max) throws IOException {
        List<String> out = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            String c = new String(Character.toChars(cp));
            if (!line.isEmpty() && width(line + c, font, size) > max) {
                out.add(line.toString());
                line.setLength(0);
            }
            line.append(c);
            i += Character.charCount(cp);
        }
        out.add(line.toString());
        return out;
    }
}
