package fi.kohtaamo.calendar.internal.poster;

import fi.kohtaamo.calendar.internal.poster.Poster.Bi;
import fi.kohtaamo.calendar.internal.poster.Poster.Day;
import fi.kohtaamo.calendar.internal.poster.Poster.Row;
import fi.kohtaamo.shared.TaggedPdf;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Fits a poster's table on A4 portrait: the largest type size (10 pt down to a floor of {@link #FLOOR} pt) and one
 * or two columns of the table side by side that put the whole week on one page, else on two. Every row is measured
 * as it will be drawn (cells wrapped in their column), so nothing is guessed. When even the floor size in two
 * columns cannot take the week on {@link #MAX_PAGES} pages (a very large municipality or area), the rows that fit
 * are kept in order and the plan counts the ones left out, for the poster to say so ("+ N more") beside the QR
 * code of the full calendar. Pure arithmetic over the document's fonts; {@link PosterPdf} draws the plan.
 */
final class PosterLayout {

    static final float WIDTH = PDRectangle.A4.getWidth();
    static final float HEIGHT = PDRectangle.A4.getHeight();
    static final float MARGIN = 28;
    /** The footer's height: the QR code, the address and the printing date. */
    static final float FOOTER = 92;
    static final float GAP = 16;
    static final float[] SIZES = {10.5f, 10, 9.5f, 9, 8.5f, 8, 7.5f, 7};
    static final float FLOOR = SIZES[SIZES.length - 1];
    static final int MAX_PAGES = 2;
    /** The activity column's share of the width it shares with the place column, tried in this order. */
    static final float[] SPLITS = {0.45f, 0.35f, 0.28f, Float.POSITIVE_INFINITY};
    /** The split that puts every row's place on a line of its own below the row, across it. */
    static final float BELOW = Float.POSITIVE_INFINITY;
    static final float TITLE = 20;
    static final float TITLE_SECOND = 14;
    static final float SUBTITLE = 12;
    static final float RUNNING_HEAD = 8;

    /** A cell's lines: in the first language and, on a two-language poster, in the second. */
    record Cell(List<String> main, List<String> second) {

        int lines() {
            return main.size() + second.size();
        }
    }

    /** The table's column geometry at one size: x offsets within a column of the page, and widths. */
    record Grid(float size, int columns, float columnWidth, float[] x, float[] w, boolean below) {

        float leading() {
            return size * 1.22f;
        }

        float headingSize() {
            return size + 2;
        }

        float headingHeight() {
            return headingSize() * 1.3f + 5;
        }

        /** The left edge of the page's column {@code c}. */
        float left(int c) {
            return MARGIN + c * (columnWidth + GAP);
        }
    }

    /** Something drawn at (page, column, top). */
    sealed interface Item permits Header, Heading, Line, More {
        int page();

        int column();

        float top();
    }

    /** The row of column headings at the top of a column; only the first is read, the others are artifacts. */
    record Header(int page, int column, float top, List<Cell> cells, float height) implements Item {
    }

    /** A weekday heading; {@code continued} when the day goes on from the previous column. */
    record Heading(int page, int column, float top, Day day, boolean continued) implements Item {
    }

    /** One occurrence with its wrapped cells, the place(s) printed across below them (or null), and its note. */
    record Line(int page, int column, float top, Row row, List<Cell> cells, Cell below, Cell note, float height)
            implements Item {
    }

    /** "+ N more …" at the end of a poster that could not take everything. */
    record More(int page, int column, float top, List<String> lines) implements Item {
    }

    /** The chosen layout: its grid, what goes where, how many pages, and how many occurrences are left out. */
    record Plan(Grid grid, List<Item> items, int pages, int shown, int leftOut, float headerBottom) {
    }

    private final TaggedPdf pdf;
    private final PDType0Font regular;
    private final PDType0Font bold;
    private final Poster poster;
    private final java.util.Map<String, Float> widest = new java.util.HashMap<>();

    PosterLayout(TaggedPdf pdf, Poster poster) {
        this.pdf = pdf;
        this.regular = pdf.regular();
        this.bold = pdf.bold();
        this.poster = poster;
    }

    /**
     * The best plan: the largest size that fits one page, then two; else the floor size in two columns, cut. At each
     * size and column count the activity and place columns share their width in a few ways ({@link #SPLITS}), and
     * the first that fits wins: short activity names beside long place names need a wide place column.
     */
    Plan plan() throws IOException {
        float top = HEIGHT - MARGIN - titleHeight();
        List<Plan> fitting = new ArrayList<>();
        for (float size : SIZES) {
            for (int columns = 1; columns <= 2; columns++) {
                for (float split : SPLITS) {
                    Grid g = grid(size, columns, split);
                    if (!wordsFit(g)) {
                        continue;
                    }
                    // laid out at most as far as the pages allowed: a plan cut there does not fit
                    Plan p = flow(g, top, MAX_PAGES * columns, 0);
                    if (p.leftOut() == 0) {
                        if (p.pages() == 1) {
                            return p;
                        }
                        fitting.add(p);
                    }
                }
            }
        }
        if (!fitting.isEmpty()) {
            return fitting.get(0);
        }
        Plan best = null;
        for (float split : SPLITS) {
            Grid g = grid(FLOOR, 2, split);
            int total = poster.rows() + poster.left();
            // the note goes at the end of the last column, so that column ends earlier
            float noteHeight = moreLines(total, g).size() * g.leading() + 6;
            Plan p = flow(g, top, MAX_PAGES * 2, noteHeight);
            if (best == null || p.shown() > best.shown()) {
                best = p;
            }
        }
        return best;
    }

    /** The height of page 1's title block (title, its second language, the week, the note). */
    float titleHeight() throws IOException {
        float h = wrap(poster.title().main(), bold, TITLE, contentWidth()).size() * TITLE * 1.25f;
        if (poster.title().second() != null) {
            h += wrap(poster.title().second(), regular, TITLE_SECOND, contentWidth()).size() * TITLE_SECOND * 1.25f;
        }
        h += wrap(poster.subtitle().joined(" · "), bold, SUBTITLE, contentWidth()).size() * SUBTITLE * 1.3f;
        if (poster.note() != null) {
            for (String s : texts(poster.note())) {
                h += wrap(s, regular, 11, contentWidth()).size() * 11 * 1.3f;
            }
        }
        return h + 8;
    }

    /** Later pages start with one line: the title and week, continued. */
    static float runningHeadHeight() {
        return RUNNING_HEAD * 1.3f + 8;
    }

    static float contentWidth() {
        return WIDTH - 2 * MARGIN;
    }

    static float bottom() {
        return MARGIN + FOOTER;
    }

    /** "+ 123 more occurrences: see them all online (QR code below)." in the poster's language(s). */
    List<String> moreLines(int leftOut, Grid g) throws IOException {
        List<String> out = new ArrayList<>();
        for (String s : texts(poster.more())) {
            out.addAll(wrap(s.replace("{0}", String.valueOf(leftOut)), bold, g.size(), g.columnWidth()));
        }
        return out;
    }

    /** Column x offsets and widths: time, activity ({@code split} of what it shares with place), place (if any), ages, language, fee. */
    Grid grid(float size, int columns, float split) throws IOException {
        float columnWidth = (contentWidth() - (columns - 1) * GAP) / columns;
        float pad = size * 0.7f;
        float time = pdf.width("00.00–00.00", bold, size);
        float ages = fixed(3, size, columnWidth * 0.13f);
        float lang = fixed(4, size, columnWidth * 0.13f);
        float fee = fixed(5, size, columnWidth * 0.14f);
        boolean places = poster.places();
        float flexible = columnWidth - time - ages - lang - fee - pad * (places ? 5 : 4);
        // never so narrow that a word of an activity's name is cut across lines; BELOW: no place column
        boolean below = places && split == BELOW;
        float name = !places || below ? flexible + (below ? pad : 0)
                : Math.min(flexible, Math.max(flexible * split, widestWord(1, bold, size)));
        float place = places ? flexible - name : 0;
        float[] w = {time, name, place, ages, lang, fee};
        float[] x = new float[6];
        float at = 0;
        for (int i = 0; i < 6; i++) {
            x[i] = at;
            if (w[i] > 0) {
                at += w[i] + pad;
            }
        }
        return new Grid(size, columns, columnWidth, x, w, below);
    }

    /** The widest text of a short column (its heading's words and every row's value), at most {@code cap}. */
    private float fixed(int column, float size, float cap) throws IOException {
        float widest = 0;
        for (String word : texts(poster.columns().get(column))) {
            for (String w : word.split("\\s+")) {
                widest = Math.max(widest, pdf.width(w, bold, size));
            }
        }
        for (Day d : poster.days()) {
            for (Row r : d.rows()) {
                for (String s : texts(cell(r, column))) {
                    widest = Math.max(widest, pdf.width(s, regular, size));
                }
            }
        }
        return Math.min(widest + 1, cap);
    }

    /** Does every word of every cell fit its column (none cut across lines, no column squeezed out)? */
    boolean wordsFit(Grid g) throws IOException {
        if (poster.places() && !g.below() && g.w()[2] <= 0) {
            return false;
        }
        for (int c = 0; c < 6; c++) {
            if (g.w()[c] > 0 && widestWord(c, c <= 1 ? bold : regular, g.size()) > g.w()[c] + 1) {
                return false;
            }
        }
        return true;
    }

    /** The widest single word of a column's cells at a size (the same for every split: measured once). */
    private float widestWord(int column, PDType0Font font, float size) throws IOException {
        Float known = widest.get(column + "/" + size);
        if (known != null) {
            return known;
        }
        float widest = 0;
        for (Day d : poster.days()) {
            for (Row r : d.rows()) {
                for (String s : texts(cell(r, column))) {
                    for (String w : s.split("\\s+")) {
                        widest = Math.max(widest, pdf.width(w, font, size));
                    }
                }
            }
        }
        this.widest.put(column + "/" + size, widest + 1);
        return widest + 1;
    }

    static Bi cell(Row r, int column) {
        return switch (column) {
            case 0 -> Bi.of(r.time());
            case 1 -> r.name();
            case 2 -> r.place();
            case 3 -> r.ages();
            case 4 -> Bi.of(r.languages());
            default -> r.fee();
        };
    }

    /**
     * Places the week's rows column after column, page after page, a weekday's heading kept with its first row;
     * with {@code maxColumns} it stops when the columns are full, the last one shortened by {@code reserve}.
     */
    Plan flow(Grid g, float firstTop, int maxColumns, float reserve) throws IOException {
        List<Item> items = new ArrayList<>();
        List<Bi> headings = new ArrayList<>(poster.columns());
        if (g.below()) {
            // the place is printed below each row: the activity's heading names both
            Bi a = headings.get(1);
            Bi p = headings.get(2);
            headings.set(1, new Bi(a.main() + " / " + p.main(), a.second() == null ? null : a.second() + " / " + (p.second() == null ? p.main() : p.second())));
        }
        List<Cell> headerCells = cells(headings, g, true);
        float headerHeight = height(headerCells, null, null, g) + 2;
        float laterTop = HEIGHT - MARGIN - runningHeadHeight();
        int[] column = {0};
        float[] y = {firstTop};
        Runnable start = () -> {
            int page = column[0] / g.columns();
            y[0] = page == 0 ? firstTop : laterTop;
            items.add(new Header(page, column[0] % g.columns(), y[0], headerCells, headerHeight));
            y[0] -= headerHeight;
        };
        start.run();
        int shown = 0;
        boolean cut = false;
        outer:
        for (Day day : poster.days()) {
            for (int i = 0; i < day.rows().size(); i++) {
                Row row = day.rows().get(i);
                List<Cell> cells = cells(row, g);
                Cell below = below(row, g);
                Cell note = note(row, g);
                float h = height(cells, below, note, g);
                float need = (i == 0 ? g.headingHeight() : 0) + h;
                float floor = bottom() + (column[0] == maxColumns - 1 ? reserve : 0);
                if (y[0] - need < floor) {
                    if (column[0] + 1 >= maxColumns) {
                        cut = true;
                        break outer;
                    }
                    column[0]++;
                    start.run();
                    if (i > 0) {
                        items.add(new Heading(column[0] / g.columns(), column[0] % g.columns(), y[0], day, true));
                        y[0] -= g.headingHeight();
                    }
                }
                if (i == 0) {
                    items.add(new Heading(column[0] / g.columns(), column[0] % g.columns(), y[0], day, false));
                    y[0] -= g.headingHeight();
                }
                items.add(new Line(column[0] / g.columns(), column[0] % g.columns(), y[0], row, cells, below, note, h));
                y[0] -= h;
                shown += row.count();
            }
        }
        int leftOut = poster.rows() + poster.left() - shown;
        if (cut || leftOut > 0) {
            items.add(new More(column[0] / g.columns(), column[0] % g.columns(), y[0] - 4, moreLines(leftOut, g)));
        }
        return new Plan(g, items, column[0] / g.columns() + 1, shown, leftOut, firstTop);
    }

    private List<Cell> cells(Row r, Grid g) throws IOException {
        List<Bi> texts = new ArrayList<>();
        for (int c = 0; c < 6; c++) {
            texts.add(cell(r, c));
        }
        return cells(texts, g, false);
    }

    private List<Cell> cells(List<Bi> texts, Grid g, boolean header) throws IOException {
        List<Cell> out = new ArrayList<>();
        for (int c = 0; c < 6; c++) {
            Bi b = texts.get(c);
            if (g.w()[c] <= 0 || b == null) {
                out.add(new Cell(List.of(), List.of()));
                continue;
            }
            PDType0Font main = header || c <= 1 ? bold : regular;
            out.add(new Cell(wrap(b.main(), main, g.size(), g.w()[c]),
                    b.second() == null ? List.of() : wrap(b.second(), header ? bold : regular, g.size(), g.w()[c])));
        }
        return out;
    }

    /**
     * The place(s) printed across below a row, from the activity column to the column's right edge: a merged row's
     * many places, or with {@link #BELOW} every row's place; else null.
     */
    private Cell below(Row r, Grid g) throws IOException {
        Bi text = r.places() != null ? r.places() : g.below() ? r.place() : null;
        return text == null ? null : across(text, regular, g);
    }

    /** The note below a row. */
    private Cell note(Row r, Grid g) throws IOException {
        return r.note() == null ? null : across(r.note(), r.cancelled() ? bold : regular, g);
    }

    private Cell across(Bi text, PDType0Font font, Grid g) throws IOException {
        float w = g.columnWidth() - g.x()[1];
        float size = noteSize(g);
        return new Cell(wrap(text.main(), font, size, w),
                text.second() == null ? List.of() : wrap(text.second(), font, size, w));
    }

    static float noteSize(Grid g) {
        return Math.max(FLOOR, g.size() - 1);
    }

    float height(List<Cell> cells, Cell below, Cell note, Grid g) {
        int lines = 1;
        for (Cell c : cells) {
            lines = Math.max(lines, c.lines());
        }
        float h = lines * g.leading() + g.size() * 0.32f; // 3.4 pt at 10.5 pt, 2.2 at the floor
        for (Cell c : new Cell[] {below, note}) {
            if (c != null) {
                h += c.lines() * noteSize(g) * 1.22f;
            }
        }
        return h;
    }

    private List<String> texts(Bi b) {
        if (b == null) {
            return List.of();
        }
        return b.second() == null ? List.of(b.main()) : List.of(b.main(), b.second());
    }

    /** {@link TaggedPdf#wrapInside}: between words, a word wider than the cell cut where it must be. */
    List<String> wrap(String s, PDType0Font font, float size, float max) throws IOException {
        return pdf.wrapInside(s, font, size, max);
    }
}
