package fi.kohtaamo.calendar.internal.poster;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kohtaamo.calendar.ActivityCalendar;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * Reads a poster back with PDFBox and checks that every session the calendar's planner gives for the week
 * ({@link ActivityCalendar#publicSessions}) is on it: under its weekday, its time and name as one run of text and,
 * on a poster of many places, its place in that row (one row may list the places of the same activity and time). Shared by the demo data's and the national dataset's poster tests.
 */
final class PosterCoverage {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("H.mm");

    /** What one poster was: its pages, the sessions of the week, and the text. */
    /** {@code missing}: sessions not on the poster; {@code saidLeftOut}: the N of its "+ N more" line (0 if none). */
    record Result(int pages, int sessions, String text, int missing, int saidLeftOut) {
    }

    private PosterCoverage() {
    }

    static Result check(byte[] pdf, List<ActivityCalendar.PublicSession> sessions) throws IOException {
        return check(pdf, sessions, fi.kohtaamo.shared.Lang.FI);
    }

    /** The same for a poster in {@code lang}: the names in that language. */
    static Result check(byte[] pdf, List<ActivityCalendar.PublicSession> sessions, fi.kohtaamo.shared.Lang lang)
            throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = normal(new PDFTextStripper().getText(doc));
            Map<LocalDate, StringBuilder> days = days(text, sessions.isEmpty() ? 2026 : sessions.get(0).start().getYear());
            boolean places = sessions.stream().map(s -> s.place().id()).distinct().count() > 1;
            java.util.regex.Matcher more = java.util.regex.Pattern.compile("\\+ ([0-9]+) ").matcher(text);
            int saidLeftOut = more.find() ? Integer.parseInt(more.group(1)) : 0;
            int missing = 0;
            for (ActivityCalendar.PublicSession s : sessions) {
                String row = TIME.format(s.start()) + "–" + TIME.format(s.end()) + " " + normal(s.name().get(lang));
                String day = days.getOrDefault(s.start().toLocalDate(), new StringBuilder()).toString();
                if (saidLeftOut > 0 && !day.contains(row)) {
                    missing++; // left out, and the poster says how many were
                    continue;
                }
                assertThat(day).as("the poster's %s", s.start().toLocalDate()).contains(row);
                if (places) {
                    // its row, or the row of the same activity at the same time in many places, names its place
                    // (spaces aside: a word wider than its cell is cut across lines)
                    String after = day.substring(day.indexOf(row));
                    if (saidLeftOut > 0 && !placeAfter(after, s.place().name().get(lang))) {
                        missing++; // its own row left out, another of the same time and name shown
                        continue;
                    }
                    assertThat(placeAfter(after, s.place().name().get(lang)))
                            .as("the place %s of %s on %s in: %s", s.place().name().get(lang), row,
                                    s.start().toLocalDate(), after.substring(0, Math.min(after.length(), 1500)))
                            .isTrue();
                }
            }
            assertThat(missing).as("sessions missing from the poster are within its \"+ N more\"").isLessThanOrEqualTo(saidLeftOut);
            return new Result(doc.getNumberOfPages(), sessions.size(), text, missing, saidLeftOut);
        }
    }

    /**
     * Is the place named in {@code after} (a row and what follows it): whole, spaces aside, or in a merged row's
     * list, where names that differ only in their last word share their first part ("Leikkipuisto Kurkimäki,
     * Lampi; …", {@link PosterContent#placeList})?
     */
    static boolean placeAfter(String after, String place) {
        if (after.replace(" ", "").contains(place.replaceAll("\\s+", ""))) {
            return true;
        }
        String[] parts = PosterContent.lastWord(place);
        if (parts[0].isEmpty()) {
            return false;
        }
        java.util.regex.Matcher run = java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(parts[0]) + " ([^;]*)")
                .matcher(after);
        while (run.find()) {
            for (String item : run.group(1).split(", ")) {
                // the run's last item runs on into the next row's text
                if (item.equals(parts[1]) || item.startsWith(parts[1] + " ")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The poster's text by weekday: from a weekday heading ("Maanantai 23.11.", also continued) to the next. */
    static Map<LocalDate, StringBuilder> days(String text, int year) {
        Map<LocalDate, StringBuilder> out = new HashMap<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?<=\\p{L} )(\\d{1,2})\\.(\\d{1,2})\\.(?= )")
                .matcher(text);
        LocalDate day = null;
        int from = 0;
        while (m.find()) {
            if (day != null) {
                out.computeIfAbsent(day, d -> new StringBuilder()).append(text, from, m.start()).append(' ');
            }
            int month = Integer.parseInt(m.group(2));
            day = LocalDate.of(year, month, Integer.parseInt(m.group(1)));
            from = m.end();
        }
        if (day != null) {
            out.computeIfAbsent(day, d -> new StringBuilder()).append(text.substring(from));
        }
        return out;
    }

    static String normal(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }

    static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
            n++;
        }
        return n;
    }

    static LocalDate monday(LocalDate day) {
        return day.with(java.time.DayOfWeek.MONDAY);
    }
}
