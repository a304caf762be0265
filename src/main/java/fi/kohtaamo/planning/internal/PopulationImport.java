package fi.kohtaamo.planning.internal;

import fi.kohtaamo.planning.internal.TimetableQueries.Population;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads child population figures from CSV: {@code municipality;area;age_band;year;children}, one of municipality
 * (the official three-digit code) or area (the area's Finnish name in Kohtaamo) per row. Limits are checked before
 * parsing (size, lines); every row is checked, and problems are message keys with arguments, shown in the user's
 * language. Nothing is stored here.
 */
public final class PopulationImport {

    static final int MAX_BYTES = 256 * 1024;
    static final int MAX_ROWS = 2000;

    private PopulationImport() {
    }

    public record Problem(int row, String key, Object[] args) {
    }

    public record Result(List<Population> rows, List<Problem> problems) {
    }

    /**
     * @param municipalities the county's municipality codes
     * @param areas          the county's areas: Finnish name in lower case → id
     */
    static Result read(byte[] bytes, Set<String> municipalities, Map<String, Long> areas) {
        List<Problem> problems = new ArrayList<>();
        if (bytes == null || bytes.length == 0) {
            return new Result(List.of(), List.of(new Problem(0, "planning.import.empty", new Object[0])));
        }
        if (bytes.length > MAX_BYTES) {
            return new Result(List.of(), List.of(new Problem(0, "planning.import.tooLarge",
                    new Object[] {MAX_BYTES / 1024})));
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new Result(List.of(), List.of(new Problem(0, "planning.import.notUtf8", new Object[0])));
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.indexOf('\0') >= 0) {
            return new Result(List.of(), List.of(new Problem(0, "planning.import.notReadable", new Object[0])));
        }
        long lines = text.lines().count();
        if (lines > MAX_ROWS + 1) {
            return new Result(List.of(), List.of(new Problem(0, "planning.import.tooManyRows", new Object[] {MAX_ROWS})));
        }
        String first = text.lines().findFirst().orElse("");
        char delimiter = first.chars().filter(c -> c == ';').count() >= first.chars().filter(c -> c == ',').count() ? ';' : ',';
        List<Population> rows = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), CSVFormat.DEFAULT.builder()
                .setDelimiter(delimiter).setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true).setTrim(true)
                .get())) {
            Map<String, String> headers = new HashMap<>();
            for (String h : parser.getHeaderNames()) {
                headers.put(h.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s-]+", "_"), h);
            }
            if (!headers.containsKey("age_band") || !headers.containsKey("year") || !headers.containsKey("children")
                    || !(headers.containsKey("municipality") || headers.containsKey("area"))) {
                return new Result(List.of(), List.of(new Problem(0, "planning.import.header",
                        new Object[] {"municipality;area;age_band;year;children"})));
            }
            for (CSVRecord r : parser) {
                int row = (int) r.getRecordNumber() + 1;
                String municipality = value(r, headers.get("municipality"));
                String area = value(r, headers.get("area"));
                String band = value(r, headers.get("age_band"));
                Integer year = number(value(r, headers.get("year")));
                Integer children = number(value(r, headers.get("children")));
                String kind;
                String code;
                if (municipality != null && area == null) {
                    kind = "MUNICIPALITY";
                    code = municipality;
                    if (!municipalities.contains(municipality)) {
                        problems.add(new Problem(row, "planning.import.municipality", new Object[] {cut(municipality)}));
                        continue;
                    }
                } else if (area != null && municipality == null) {
                    kind = "AREA";
                    Long id = areas.get(area.toLowerCase(Locale.ROOT));
                    if (id == null) {
                        problems.add(new Problem(row, "planning.import.area", new Object[] {cut(area)}));
                        continue;
                    }
                    code = "" + id;
                } else {
                    problems.add(new Problem(row, "planning.import.regionInvalid", new Object[0]));
                    continue;
                }
                if (Timetable.AgeBand.of(band) == null) {
                    problems.add(new Problem(row, "planning.import.band", new Object[] {cut(band)}));
                    continue;
                }
                if (year == null || year < 1990 || year > 2100) {
                    problems.add(new Problem(row, "planning.import.yearInvalid", new Object[0]));
                    continue;
                }
                if (children == null || children < 0 || children > 10_000_000) {
                    problems.add(new Problem(row, "planning.import.children", new Object[0]));
                    continue;
                }
                if (!seen.add(kind + "|" + code + "|" + band + "|" + year)) {
                    problems.add(new Problem(row, "planning.import.duplicate", new Object[0]));
                    continue;
                }
                rows.add(new Population(kind, code, band, year, children, false));
            }
        } catch (IOException | RuntimeException e) {
            return new Result(List.of(), List.of(new Problem(0, "planning.import.notReadable", new Object[0])));
        }
        if (rows.isEmpty() && problems.isEmpty()) {
            problems.add(new Problem(0, "planning.import.empty", new Object[0]));
        }
        return new Result(rows, problems);
    }

    private static String value(CSVRecord r, String header) {
        if (header == null || !r.isMapped(header) || !r.isSet(header)) {
            return null;
        }
        String v = r.get(header).strip();
        return v.isEmpty() ? null : v;
    }

    private static Integer number(String v) {
        if (v == null || !v.matches("\\d{1,9}")) {
            return null;
        }
        return Integer.parseInt(v);
    }

    /** A value echoed in a message, cut short and without control characters. */
    static String cut(String v) {
        String s = v.replaceAll("\\p{Cntrl}", "");
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
