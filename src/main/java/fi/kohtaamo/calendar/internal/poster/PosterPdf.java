package fi.kohtaamo.calendar.internal.poster;

import static fi.kohtaamo.calendar.internal.poster.PosterLayout.FOOTER;
import static fi.kohtaamo.calendar.internal.poster.PosterLayout.HEIGHT;
import static fi.kohtaamo.calendar.internal.poster.PosterLayout.MARGIN;

import fi.kohtaamo.calendar.internal.poster.Poster.Bi;
import fi.kohtaamo.calendar.internal.poster.PosterLayout.Cell;
import fi.kohtaamo.calendar.internal.poster.PosterLayout.Grid;
import fi.kohtaamo.calendar.internal.poster.PosterLayout.Header;
import fi.kohtaamo.calendar.internal.poster.PosterLayout.Heading;
import fi.kohtaamo.calendar.internal.poster.PosterLayout.Item;
import fi.kohtaamo.calendar.internal.poster.PosterLayout.Line;
import fi.kohtaamo.calendar.internal.poster.PosterLayout.More;
import fi.kohtaamo.calendar.internal.poster.PosterLayout.Plan;
import fi.kohtaamo.shared.TaggedPdf;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.StandardStructureTypes;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Draws a weekly poster on A4 portrait as {@link PosterLayout} planned it: a title, then a dense table weekday by
 * weekday (time, activity, place, ages, language, fee; one or two table columns on the page) and on every page
 * a footer with a QR code of the online calendar, its address and the date of printing. On a two-language poster
 * the second language's lines follow the first in grey. Written with {@link TaggedPdf}: document language and
 * title, headings (H1 title, H2 weekdays), the first row of column headings and one paragraph per occurrence
 * (second-language lines a Span with their Lang), the QR codes as figures with the address as their text; rules,
 * strike-throughs, page numbers, repeated column headings, continued weekday headings and the repeated header
 * and footer of later pages are artifacts.
 */
final class PosterPdf {

    private static final float QR_SIZE = 78;
    private static final float[] BLACK = {0, 0, 0};
    private static final float[] GREY = {0.3f, 0.3f, 0.3f};
    private static final float[] LIGHT = {0.78f, 0.78f, 0.78f};
    private static final float[] RED = {0.7f, 0, 0.08f};

    private final TaggedPdf pdf;
    private final PDType0Font regular;
    private final PDType0Font bold;
    private final Poster poster;
    private final PosterLayout layout;
    /** The element whose marked content is open, to come back to after a second-language span. */
    private PDStructureElement current;

    private PosterPdf(TaggedPdf pdf, Poster poster) {
        this.pdf = pdf;
        this.poster = poster;
        this.regular = pdf.regular();
        this.bold = pdf.bold();
        this.layout = new PosterLayout(pdf, poster);
    }

    /** The PDF and its plan (page count, type size, rows shown and left out), for tests and the form. */
    record Rendered(byte[] pdf, Plan plan) {
    }

    static Rendered render(Poster poster) {
        try (TaggedPdf doc = TaggedPdf.open(poster.language(), poster.docTitle())) {
            doc.setCreated(poster.created());
            PosterPdf p = new PosterPdf(doc, poster);
            Plan plan = p.layout.plan();
            p.draw(plan);
            return new Rendered(doc.save(), plan);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void draw(Plan plan) throws IOException {
        for (int page = 0; page < plan.pages(); page++) {
            pdf.newPage(PDRectangle.A4);
            if (page == 0) {
                title();
            } else {
                runningHead();
            }
            for (Item item : plan.items()) {
                if (item.page() == page) {
                    item(item, plan.grid());
                }
            }
        }
        footers();
    }

    private void title() throws IOException {
        float y = HEIGHT - MARGIN;
        float w = PosterLayout.contentWidth();
        begin(StandardStructureTypes.H1);
        for (String l : layout.wrap(poster.title().main(), bold, PosterLayout.TITLE, w)) {
            text(l, bold, PosterLayout.TITLE, MARGIN, y - PosterLayout.TITLE, BLACK);
            y -= PosterLayout.TITLE * 1.25f;
        }
        if (poster.title().second() != null) {
            second();
            for (String l : layout.wrap(poster.title().second(), regular, PosterLayout.TITLE_SECOND, w)) {
                text(l, regular, PosterLayout.TITLE_SECOND, MARGIN, y - PosterLayout.TITLE_SECOND, GREY);
                y -= PosterLayout.TITLE_SECOND * 1.25f;
            }
        }
        pdf.end();
        begin(StandardStructureTypes.P);
        for (String l : layout.wrap(poster.subtitle().joined(" · "), bold, PosterLayout.SUBTITLE, w)) {
            text(l, bold, PosterLayout.SUBTITLE, MARGIN, y - PosterLayout.SUBTITLE, BLACK);
            y -= PosterLayout.SUBTITLE * 1.3f;
        }
        pdf.end();
        if (poster.note() != null) {
            begin(StandardStructureTypes.P);
            boolean first = true;
            for (String s : poster.note().second() == null ? List.of(poster.note().main())
                    : List.of(poster.note().main(), poster.note().second())) {
                if (!first) {
                    second();
                }
                for (String l : layout.wrap(s, regular, 11, w)) {
                    text(l, regular, 11, MARGIN, y - 11, BLACK);
                    y -= 11 * 1.3f;
                }
                first = false;
            }
            pdf.end();
        }
    }

    private void runningHead() throws IOException {
        String head = poster.title().main() + " – " + poster.subtitle().main() + " (" + poster.continued().joined(" / ")
                + ")";
        pdf.artifact();
        float size = PosterLayout.RUNNING_HEAD;
        List<String> lines = layout.wrap(head, regular, size, PosterLayout.contentWidth());
        text(lines.get(0), regular, size, MARGIN, HEIGHT - MARGIN - size, GREY);
        pdf.end();
    }

    private boolean headerRead;

    private void item(Item item, Grid g) throws IOException {
        float left = g.left(item.column());
        if (item instanceof Header h) {
            boolean read = !headerRead;
            headerRead = true;
            if (read) {
                begin(StandardStructureTypes.P);
            } else {
                pdf.artifact();
            }
            cells(h.cells(), left, h.top(), g, bold, BLACK, read, false);
            pdf.end();
            float y = h.top() - h.height() + 1;
            pdf.rule(left, y, left + g.columnWidth(), y, BLACK, 0.75f);
        } else if (item instanceof Heading d) {
            float size = g.headingSize();
            float baseline = d.top() - 3 - size;
            String text = d.day().heading().joined(" · ");
            if (d.continued()) {
                pdf.artifact();
                text(text + " (" + poster.continued().joined(" / ") + ")", bold, size, left, baseline, GREY);
            } else {
                begin(StandardStructureTypes.H2);
                text(text, bold, size, left, baseline, BLACK);
            }
            pdf.end();
            float y = d.top() - g.headingHeight() + 2;
            pdf.rule(left, y, left + g.columnWidth(), y, BLACK, 1f);
        } else if (item instanceof Line l) {
            line(l, left, g);
        } else if (item instanceof More m) {
            begin(StandardStructureTypes.P);
            float y = m.top();
            for (String s : m.lines()) {
                text(s, bold, g.size(), left, y - g.size(), RED);
                y -= g.leading();
            }
            pdf.end();
        }
    }

    /** A cell's lines across the row from {@code x} down from {@code y}, the second language's marked; the new y. */
    private float across(Cell c, PDType0Font font, float[] color, float size, float x, float y) throws IOException {
        if (c == null) {
            return y;
        }
        for (String s : c.main()) {
            text(s, font, size, x, y - size, color);
            y -= size * 1.22f;
        }
        if (!c.second().isEmpty()) {
            second();
            for (String s : c.second()) {
                text(s, font, size, x, y - size, color);
                y -= size * 1.22f;
            }
            main();
        }
        return y;
    }

    private void line(Line l, float left, Grid g) throws IOException {
        boolean cancelled = l.row().cancelled();
        begin(StandardStructureTypes.P);
        cells(l.cells(), left, l.top(), g, regular, cancelled ? GREY : BLACK, true, cancelled);
        int lines = 1;
        for (Cell c : l.cells()) {
            lines = Math.max(lines, c.lines());
        }
        float size = PosterLayout.noteSize(g);
        float y = l.top() - lines * g.leading();
        // the place(s) across below the row in black, then the note: grey, or red and bold when cancelled
        y = across(l.below(), regular, cancelled ? GREY : BLACK, size, left + g.x()[1], y);
        across(l.note(), cancelled ? bold : regular, cancelled ? RED : GREY, size, left + g.x()[1], y);
        pdf.end();
        float rule = l.top() - l.height() + 1;
        pdf.rule(left, rule, left + g.columnWidth(), rule, LIGHT, 0.5f);
    }

    /**
     * Draws a row's cells inside the open marked content: each cell's first-language lines, then (as a Span in the
     * second language when {@code read}) its second-language lines in grey. Cancelled rows are struck through.
     */
    private void cells(List<Cell> cells, float left, float top, Grid g, PDType0Font font, float[] color, boolean read,
            boolean strike) throws IOException {
        float size = g.size();
        java.util.List<float[]> strikes = new java.util.ArrayList<>();
        for (int c = 0; c < cells.size(); c++) {
            Cell cell = cells.get(c);
            if (cell.main().isEmpty() && cell.second().isEmpty()) {
                continue;
            }
            float x = left + g.x()[c];
            float y = top - 1;
            PDType0Font f = c <= 1 ? bold : font;
            for (String s : cell.main()) {
                float w = text(s, f, size, x, y - size, color);
                if (strike && c <= 1) {
                    strikes.add(new float[] {x, y - size, w});
                }
                y -= g.leading();
            }
            if (!cell.second().isEmpty()) {
                if (read) {
                    second();
                }
                for (String s : cell.second()) {
                    text(s, font == bold ? bold : regular, size, x, y - size, GREY);
                    y -= g.leading();
                }
                if (read) {
                    main();
                }
            }
        }
        if (!strikes.isEmpty()) {
            pdf.end();
            for (float[] s : strikes) {
                pdf.rule(s[0], s[1] + size * 0.3f, s[0] + s[2], s[1] + size * 0.3f, GREY, 0.8f);
            }
            pdf.mark(current);
        }
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

    /** The footer of every page: the address of the online calendar as text and QR code, printing date, page number. */
    private void footers() throws IOException {
        List<PDPage> pages = List.copyOf(pdf.pages());
        float width = PosterLayout.contentWidth();
        int n = 1;
        for (PDPage p : pages) {
            // the first page's footer is read; on later pages it repeats and is an artifact
            boolean read = n == 1;
            pdf.reopen(p);
            float top = MARGIN + FOOTER - 4;
            pdf.rule(MARGIN, top, MARGIN + width, top, BLACK, 0.75f);
            float textWidth = width - QR_SIZE - 16 - (poster.feedbackUrl() == null ? 0 : QR_SIZE + 12);
            float ty = top - 6;
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
                pdf.qr(pdf.root(), poster.url(), "QR: " + poster.url(), MARGIN + width - QR_SIZE, MARGIN, QR_SIZE);
                if (poster.feedbackUrl() != null) {
                    pdf.qr(pdf.root(), poster.feedbackUrl(), "QR: " + poster.feedbackUrl(),
                            MARGIN + width - 2 * QR_SIZE - 12, MARGIN, QR_SIZE);
                }
                begin(StandardStructureTypes.P);
            } else {
                pdf.qrArtifact(poster.url(), MARGIN + width - QR_SIZE, MARGIN, QR_SIZE);
                if (poster.feedbackUrl() != null) {
                    pdf.qrArtifact(poster.feedbackUrl(), MARGIN + width - 2 * QR_SIZE - 12, MARGIN, QR_SIZE);
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
            for (String l : layout.wrap(s, bold, 10, textWidth)) {
                text(l, bold, 10, MARGIN, ty - 10, BLACK);
                ty -= 12.5f;
            }
            if (other) {
                main();
            }
        }
        for (String l : pdf.cutAnywhere(url, regular, 9, textWidth)) {
            text(l, regular, 9, MARGIN, ty - 9, BLACK);
            ty -= 11f;
        }
        return ty;
    }

    /** Writes one line; returns its width. */
    private float text(String s, PDType0Font font, float size, float x, float baseline, float[] color)
            throws IOException {
        return pdf.text(s, font, size, x, baseline, color);
    }
}
