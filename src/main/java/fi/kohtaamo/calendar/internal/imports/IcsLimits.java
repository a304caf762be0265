package fi.kohtaamo.calendar.internal.imports;

import fi.kohtaamo.calendar.internal.imports.ActivityImport.Problem;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Bounds an iCalendar text before ical4j sees it. ical4j expands a VTIMEZONE's observance rules
 * from their DTSTART up to now as soon as it reads the component (a 410-byte file with
 * {@code DTSTART:16010101T000000} and {@code RRULE:FREQ=SECONDLY} asks for some 13 billion onsets),
 * and it reads every date of an EXDATE or RDATE list. So, on the text and in one pass:
 *
 * <ul>
 * <li>at most {@value #MAX_LINES} lines (unfolded; {@value #MAX_PHYSICAL_LINES} folded pieces), components nested at most {@value #MAX_DEPTH}
 * deep, at most {@value #MAX_COMPONENTS} components, {@value #MAX_TIME_ZONES} of them VTIMEZONEs, and
 * {@value #MAX_DATES} EXDATE/RDATE values;</li>
 * <li>a VTIMEZONE whose TZID is a known (IANA) zone is left out: ical4j then uses its own
 * definition of the zone, which is also the right one;</li>
 * <li>any other VTIMEZONE (Outlook's "FLE Standard Time") is kept only when it is the usual yearly
 * rule: at most {@value #MAX_OBSERVANCES} observances starting in {@value #MIN_YEAR}–{@value #MAX_YEAR},
 * each with {@code FREQ=YEARLY} (interval 1, at most BYMONTH, BYDAY, BYMONTHDAY, UNTIL, COUNT, WKST)
 * and at most {@value #MAX_OBSERVANCE_DATES} RDATE values; otherwise the file is refused.</li>
 * </ul>
 */
final class IcsLimits {

    static final int MAX_LINES = 20_000;
    /** Folded pieces and blank lines included (a long description folds into many). */
    static final int MAX_PHYSICAL_LINES = 100_000;
    static final int MAX_DEPTH = 4;
    static final int MAX_COMPONENTS = 5_000;
    static final int MAX_DATES = 2_000;
    static final int MAX_TIME_ZONES = 20;
    static final int MAX_OBSERVANCES = 12;
    static final int MAX_OBSERVANCE_DATES = 50;
    static final int MIN_YEAR = 1600;
    static final int MAX_YEAR = 2100;

    private static final Set<String> YEARLY_PARTS = Set.of("FREQ", "INTERVAL", "BYMONTH", "BYDAY", "BYMONTHDAY",
            "UNTIL", "COUNT", "WKST");

    /** The text to give ical4j, or the problem that refuses the file. */
    record Checked(String text, Problem problem) {
    }

    private IcsLimits() {
    }

    static Checked check(String text) {
        List<List<String>> lines = logicalLines(text);
        if (lines == null) {
            return refused(new Problem(null, "import.ics.tooManyLines", MAX_LINES));
        }
        StringBuilder out = new StringBuilder(text.length());
        int depth = 0;
        int components = 0;
        int dates = 0;
        int zones = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = unfolded(lines.get(i));
            String name = name(line);
            if (name.equals("BEGIN")) {
                String component = value(line).strip().toUpperCase(Locale.ROOT);
                if (++depth > MAX_DEPTH) {
                    return refused(new Problem(null, "import.ics.unreadable", i + 1));
                }
                if (++components > MAX_COMPONENTS) {
                    return refused(new Problem(null, "import.ics.tooManyComponents", MAX_COMPONENTS));
                }
                if (component.equals("VTIMEZONE")) {
                    if (++zones > MAX_TIME_ZONES) {
                        return refused(new Problem(null, "import.ics.tooManyTimeZones", MAX_TIME_ZONES));
                    }
                    int end = endOf(lines, i);
                    if (end < 0) {
                        return refused(new Problem(null, "import.ics.unreadable", i + 1));
                    }
                    List<String> zone = lines.subList(i, end + 1).stream().map(IcsLimits::unfolded).toList();
                    Problem p = timeZone(zone);
                    if (p != null) {
                        return refused(p);
                    }
                    if (!knownZone(tzid(zone))) {
                        lines.subList(i, end + 1).forEach(l -> l.forEach(s -> out.append(s).append("\r\n")));
                    }
                    components += (int) zone.stream().filter(l -> name(l).equals("BEGIN")).count() - 1;
                    i = end;
                    depth--;
                    continue;
                }
            } else if (name.equals("END")) {
                depth--;
            } else if (name.equals("EXDATE") || name.equals("RDATE")) {
                dates += values(line);
                if (dates > MAX_DATES) {
                    return refused(new Problem(null, "import.ics.tooManyDates", MAX_DATES));
                }
            }
            lines.get(i).forEach(s -> out.append(s).append("\r\n"));
        }
        return new Checked(out.toString(), null);
    }

    private static Checked refused(Problem p) {
        return new Checked(null, p);
    }

    /**
     * Physical lines grouped by logical (folded) line, or null when there are too many. A line ends at
     * CRLF, LF or a lone CR, so that no reader can find a line here that this one did not see (the
     * text ical4j reads is written back from these lines, with CRLF).
     */
    private static List<List<String>> logicalLines(String text) {
        List<List<String>> lines = new ArrayList<>();
        int start = 0;
        int n = text.length();
        int physicalLines = 0;
        while (start < n) {
            if (++physicalLines > MAX_PHYSICAL_LINES) {
                return null;
            }
            int end = start;
            while (end < n && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
                end++;
            }
            String physical = text.substring(start, end);
            start = end < n && text.charAt(end) == '\r' && end + 1 < n && text.charAt(end + 1) == '\n' ? end + 2 : end + 1;
            boolean continuation = !physical.isEmpty() && (physical.charAt(0) == ' ' || physical.charAt(0) == '\t');
            if (continuation && !lines.isEmpty()) {
                lines.get(lines.size() - 1).add(physical);
            } else if (!physical.isBlank()) {
                if (lines.size() >= MAX_LINES) {
                    return null;
                }
                List<String> l = new ArrayList<>(1);
                l.add(physical);
                lines.add(l);
            }
        }
        return lines;
    }

    /** A logical line: its physical lines without the line breaks and the one space or tab after each. */
    private static String unfolded(List<String> physical) {
        if (physical.size() == 1) {
            return physical.get(0);
        }
        StringBuilder sb = new StringBuilder(physical.get(0));
        physical.subList(1, physical.size()).forEach(p -> sb.append(p, 1, p.length()));
        return sb.toString();
    }

    /** The property name: what comes before the first ';' or ':', upper case. */
    static String name(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) != ';' && line.charAt(i) != ':') {
            i++;
        }
        return line.substring(0, i).strip().toUpperCase(Locale.ROOT);
    }

    /** The value: after the first ':' outside a quoted parameter value. */
    static String value(String line) {
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ':' && !quoted) {
                return line.substring(i + 1);
            }
        }
        return "";
    }

    private static int values(String line) {
        String v = value(line);
        if (v.isBlank()) {
            return 0;
        }
        int count = 1;
        for (int i = 0; i < v.length(); i++) {
            if (v.charAt(i) == ',') {
                count++;
            }
        }
        return count;
    }

    /** The index of the line that ends the component begun at {@code begin}, or -1. */
    private static int endOf(List<List<String>> lines, int begin) {
        int depth = 0;
        for (int i = begin; i < lines.size(); i++) {
            String name = name(unfolded(lines.get(i)));
            if (name.equals("BEGIN")) {
                if (++depth > MAX_DEPTH) {
                    return -1;
                }
            } else if (name.equals("END") && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static String tzid(List<String> zone) {
        for (String l : zone) {
            if (name(l).equals("TZID")) {
                return value(l).strip();
            }
        }
        return "";
    }

    static boolean knownZone(String tzid) {
        String id = tzid.startsWith("/") ? tzid.substring(1) : tzid;
        return ZoneId.getAvailableZoneIds().contains(id);
    }

    /** Null when the VTIMEZONE (its logical lines) is harmless to give ical4j, else the problem. */
    private static Problem timeZone(List<String> zone) {
        String tzid = tzid(zone);
        Problem refused = new Problem(null, "import.ics.timeZoneRefused",
                tzid.length() > 60 ? tzid.substring(0, 60) + "…" : tzid);
        if (knownZone(tzid)) {
            return null;
        }
        int observances = 0;
        int dates = 0;
        for (String l : zone.subList(1, zone.size() - 1)) {
            String name = name(l);
            String value = value(l).strip().toUpperCase(Locale.ROOT);
            switch (name) {
                case "BEGIN" -> {
                    if (++observances > MAX_OBSERVANCES || !(value.equals("STANDARD") || value.equals("DAYLIGHT"))) {
                        return refused;
                    }
                }
                case "DTSTART" -> {
                    int year = value.length() >= 4 && value.substring(0, 4).chars().allMatch(Character::isDigit)
                            ? Integer.parseInt(value.substring(0, 4)) : -1;
                    if (year < MIN_YEAR || year > MAX_YEAR) {
                        return refused;
                    }
                }
                case "RRULE" -> {
                    if (!yearly(value)) {
                        return refused;
                    }
                }
                case "RDATE" -> {
                    dates += values(l);
                    if (dates > MAX_OBSERVANCE_DATES) {
                        return refused;
                    }
                }
                default -> {
                }
            }
        }
        return null;
    }

    /** Whether a rule is the usual yearly time-zone rule (one onset a year at most). */
    private static boolean yearly(String rule) {
        boolean yearly = false;
        for (String part : rule.split(";")) {
            int eq = part.indexOf('=');
            String key = eq < 0 ? part : part.substring(0, eq);
            String v = eq < 0 ? "" : part.substring(eq + 1);
            if (!YEARLY_PARTS.contains(key)) {
                return false;
            }
            switch (key) {
                case "FREQ" -> yearly = v.equals("YEARLY");
                case "INTERVAL" -> {
                    if (!v.equals("1")) {
                        return false;
                    }
                }
                case "BYMONTH", "BYDAY" -> {
                    if (v.contains(",")) {
                        return false;
                    }
                }
                case "BYMONTHDAY" -> {
                    if (v.split(",").length > 7) {
                        return false;
                    }
                }
                default -> {
                }
            }
        }
        return yearly;
    }
}
