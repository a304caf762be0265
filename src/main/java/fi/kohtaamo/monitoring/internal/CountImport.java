package fi.kohtaamo.monitoring.internal;

import fi.kohtaamo.calendar.ActivityCalendar;
import fi.kohtaamo.monitoring.internal.CountQueries.Figures;
import fi.kohtaamo.shared.FieldErrors;
import fi.kohtaamo.shared.Input;
import fi.kohtaamo.shared.Uploads;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

/**
 * Reads visit counts of one place from a CSV file or an .xlsx workbook and checks every row as the
 * counter does: the day (not in the future), the activity (its name, or empty for an open day) taking
 * place that day, the figures, no count there already and no row twice. Formulas are refused (a
 * workbook's formula cells and text starting with "="). Nothing is stored here; see
 * {@link CountService#importRows}.
 */
@Component
public class CountImport {

    static final int MAX_BYTES = 2 * 1024 * 1024;
    static final int MAX_ROWS = 5000;
    /** A workbook may expand to at most this much (5 000 rows of every column take some 3 MB of XML). */
    static final int MAX_EXPANDED_BYTES = 20 * 1024 * 1024;
    static final int MAX_ZIP_ENTRIES = 200;

    /** The columns, in the template's order; figure columns map to the counter's field names. */
    static final Map<String, String> COLUMNS = new LinkedHashMap<>();

    static {
        COLUMNS.put("date", "date");
        COLUMNS.put("activity", "activity");
        COLUMNS.put("adults", "adults");
        COLUMNS.put("children_under_1", "childrenUnder1");
        COLUMNS.put("children_1_2", "children1to2");
        COLUMNS.put("children_3_6", "children3to6");
        COLUMNS.put("children_7_12", "children7to12");
        COLUMNS.put("children_13_17", "children13to17");
        COLUMNS.put("first_time_families", "firstTimeFamilies");
        COLUMNS.put("volunteers", "volunteers");
        COLUMNS.put("staff", "staff");
    }

    /**
     * Families guided onward are optional columns, one per service type of the place's county: {@code referral_} and
     * the type's code in lower case ({@code referral_child_health_clinic}, the counter's {@code ref.} fields). A
     * column of a code the county does not offer is a row error wherever it has a figure.
     */
    static final String REFERRAL = "referral_";

    /** At most this many referral columns are read from a file (a county's list is at most 60 types). */
    static final int MAX_REFERRAL_COLUMNS = 100;

    static String referralColumn(String code) {
        return REFERRAL + code.toLowerCase(Locale.ROOT);
    }

    /** The header of a file for the county's types: the fixed columns, then one referral column per type. */
    static List<String> columns(List<fi.kohtaamo.monitoring.ServiceTypes.ServiceType> types) {
        List<String> out = new ArrayList<>(COLUMNS.keySet());
        types.forEach(t -> out.add(referralColumn(t.code())));
        return out;
    }

    /** A problem: a message key with arguments, for a row (0 = the file). */
    public record Problem(String key, Object[] args) {
    }

    /** A checked row; {@code subject} is the activity id, 0 for an open day, -1 when it could not be found. */
    public record Line(int number, LocalDate date, String activity, long subject, Figures figures,
            Map<String, Integer> referrals, List<Problem> problems) {

        /** Families guided onward on this row, all services together. */
        public int referred() {
            return referrals.values().stream().mapToInt(Integer::intValue).sum();
        }


        public boolean ok() {
            return problems.isEmpty();
        }
    }

    public record Result(List<Line> lines, List<Problem> fileProblems) {

        public boolean usable() {
            return fileProblems.isEmpty() && !lines.isEmpty() && lines.stream().allMatch(Line::ok);
        }

        public long errors() {
            return lines.stream().filter(l -> !l.ok()).count();
        }
    }

    private final CountService counts;
    private final CountQueries queries;
    private final ActivityCalendar calendar;

    CountImport(CountService counts, CountQueries queries, ActivityCalendar calendar) {
        this.counts = counts;
        this.queries = queries;
        this.calendar = calendar;
    }

    /** The template: the header and, for a month, one row per occurrence to count (figures left empty). */
    static List<List<Object>> template(List<CountService.Countable> rows, List<String> columns,
            fi.kohtaamo.shared.Lang lang) {
        List<List<Object>> out = new ArrayList<>();
        out.add(new ArrayList<>(columns));
        for (CountService.Countable c : rows) {
            if (c.count() == null) {
                List<Object> row = new ArrayList<>();
                row.add(c.date().toString());
                row.add(c.openDay() ? "" : c.name().get(lang));
                out.add(row);
            }
        }
        return out;
    }

    Result read(long placeId, byte[] bytes) {
        List<Problem> file = new ArrayList<>();
        List<Map<String, Object>> raw = new ArrayList<>();
        if (bytes.length == 0) {
            file.add(new Problem("monitoring.import.empty", new Object[0]));
        } else if (bytes.length > MAX_BYTES) {
            file.add(new Problem("monitoring.import.tooLarge", new Object[] {MAX_BYTES / 1024 / 1024}));
        } else if (Uploads.zip(bytes) && !Uploads.zipWithin(bytes, MAX_EXPANDED_BYTES, MAX_ZIP_ENTRIES)) {
            // read whole, the sheet's XML takes some 20 times its size in memory: refused before it is parsed
            file.add(new Problem("monitoring.import.workbookTooLarge", new Object[] {MAX_EXPANDED_BYTES / 1024 / 1024}));
        } else if (Uploads.zip(bytes)) {
            readWorkbook(bytes, raw, file);
        } else {
            String text = Uploads.utf8(bytes);
            if (text == null) {
                file.add(new Problem("monitoring.import.notReadable", new Object[0]));
            } else {
                readCsv(text, raw, file);
            }
        }
        if (!file.isEmpty()) {
            return new Result(List.of(), file);
        }
        if (raw.size() > MAX_ROWS) {
            return new Result(List.of(), List.of(new Problem("monitoring.import.tooManyRows", new Object[] {MAX_ROWS})));
        }
        return new Result(check(placeId, raw), List.of());
    }

    /** Header names as written by the template or by hand: lower case, spaces and dashes as underscores. */
    static String header(String h) {
        return h == null ? "" : h.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
    }

    private void readCsv(String text, List<Map<String, Object>> raw, List<Problem> file) {
        String first = text.lines().findFirst().orElse("");
        char delimiter = first.chars().filter(c -> c == ';').count() >= first.chars().filter(c -> c == ',').count() ? ';' : ',';
        try (CSVParser parser = CSVParser.parse(new StringReader(text),
                CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setHeader().setSkipHeaderRecord(true)
                        .setIgnoreEmptyLines(true).setTrim(true).get())) {
            Map<String, String> headers = new HashMap<>();
            for (String h : parser.getHeaderNames()) {
                headers.put(header(h), h);
            }
            if (!headers.containsKey("date") || !headers.containsKey("adults")) {
                file.add(new Problem("monitoring.import.header", new Object[] {String.join(";", COLUMNS.keySet())}));
                return;
            }
            List<String> read = readColumns(headers.keySet(), file);
            if (read == null) {
                return;
            }
            for (CSVRecord r : parser) {
                if (raw.size() > MAX_ROWS) {
                    break;
                }
                Map<String, Object> row = new HashMap<>();
                for (String column : read) {
                    String h = headers.get(column);
                    row.put(column, h != null && r.isMapped(h) && r.isSet(h) ? r.get(h) : null);
                }
                raw.add(row);
            }
        } catch (IOException | RuntimeException e) {
            file.add(new Problem("monitoring.import.notReadable", new Object[0]));
        }
    }

    /**
     * The columns read from a file: the fixed ones and every referral column it has (whatever its code: the rows say
     * which codes the county does not offer); null, with a file problem, when it has too many referral columns.
     */
    private static List<String> readColumns(java.util.Collection<String> headers, List<Problem> file) {
        List<String> out = new ArrayList<>(COLUMNS.keySet());
        headers.stream().filter(h -> h.startsWith(REFERRAL) && h.length() > REFERRAL.length()).sorted().forEach(out::add);
        if (out.size() - COLUMNS.size() > MAX_REFERRAL_COLUMNS) {
            file.add(new Problem("monitoring.import.tooManyColumns", new Object[] {MAX_REFERRAL_COLUMNS}));
            return null;
        }
        return out;
    }

    /** A formula cell, kept apart so that the row says "no formulas" rather than a value. */
    record Formula() {
    }

    private void readWorkbook(byte[] bytes, List<Map<String, Object>> raw, List<Problem> file) {
        // refuse zip bombs: POI checks the inflate ratio of every entry
        org.apache.poi.openxml4j.util.ZipSecureFile.setMinInflateRatio(0.01);
        try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            Sheet sheet = book.getNumberOfSheets() == 0 ? null : book.getSheetAt(0);
            Row head = sheet == null ? null : sheet.getRow(sheet.getFirstRowNum());
            if (head == null) {
                file.add(new Problem("monitoring.import.empty", new Object[0]));
                return;
            }
            Map<String, Integer> headers = new HashMap<>();
            for (Cell c : head) {
                if (c.getCellType() == CellType.STRING) {
                    headers.put(header(c.getStringCellValue()), c.getColumnIndex());
                }
            }
            if (!headers.containsKey("date") || !headers.containsKey("adults")) {
                file.add(new Problem("monitoring.import.header", new Object[] {String.join(";", COLUMNS.keySet())}));
                return;
            }
            List<String> read = readColumns(headers.keySet(), file);
            if (read == null) {
                return;
            }
            for (int i = head.getRowNum() + 1; i <= sheet.getLastRowNum() && raw.size() <= MAX_ROWS; i++) {
                Row r = sheet.getRow(i);
                if (r == null) {
                    continue;
                }
                Map<String, Object> row = new HashMap<>();
                boolean any = false;
                for (String column : read) {
                    Integer index = headers.get(column);
                    Object v = index == null ? null : value(r.getCell(index));
                    any |= v != null;
                    row.put(column, v);
                }
                if (any) {
                    raw.add(row);
                }
            }
        } catch (IOException | RuntimeException e) {
            file.add(new Problem("monitoring.import.notReadable", new Object[0]));
        }
    }

    private static Object value(Cell c) {
        if (c == null) {
            return null;
        }
        return switch (c.getCellType()) {
            case FORMULA -> new Formula();
            case NUMERIC -> DateUtil.isCellDateFormatted(c) ? c.getLocalDateTimeCellValue().toLocalDate().toString()
                    : c.getNumericCellValue() == Math.rint(c.getNumericCellValue())
                            ? String.valueOf((long) c.getNumericCellValue()) : String.valueOf(c.getNumericCellValue());
            case STRING -> c.getStringCellValue().isBlank() ? null : c.getStringCellValue().strip();
            case BOOLEAN -> String.valueOf(c.getBooleanCellValue());
            default -> null;
        };
    }

    private List<Line> check(long placeId, List<Map<String, Object>> raw) {
        LocalDate today = counts.today();
        // what took place, for the whole range of the file at once
        LocalDate min = null;
        LocalDate max = null;
        List<LocalDate> dates = new ArrayList<>();
        for (Map<String, Object> row : raw) {
            LocalDate d = row.get("date") instanceof String s ? new Input(new FieldErrors()).date("date", s, false) : null;
            dates.add(d);
            if (d != null && !d.isAfter(today)) {
                min = min == null || d.isBefore(min) ? d : min;
                max = max == null || d.isAfter(max) ? d : max;
            }
        }
        Set<String> held = new HashSet<>();
        Set<String> counted = new HashSet<>();
        if (min != null) {
            counts.occurrences(placeId, min, max).forEach(o -> held.add(o.subject() + "/" + o.date()));
            queries.countsOfPlace(placeId, min, max).forEach(c -> counted.add((c.activityId() == null ? 0 : c.activityId())
                    + "/" + c.date()));
        }
        Map<String, Long> activities = new HashMap<>();
        for (ActivityCalendar.ActivityRef a : calendar.activitiesOfPlace(placeId)) {
            for (String n : new String[] {a.name().fi(), a.name().sv(), a.name().en()}) {
                if (n != null) {
                    activities.putIfAbsent(n.strip().toLowerCase(Locale.ROOT), a.id());
                }
            }
        }
        // the service types offered for new tallies at the place (a new count has none of its own)
        Set<String> codes = CountService.codes(counts.serviceTypes(placeId, null));
        List<Line> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Map<LocalDate, Boolean> openDays = new HashMap<>();
        for (int i = 0; i < raw.size(); i++) {
            Map<String, Object> row = raw.get(i);
            List<Problem> problems = new ArrayList<>();
            Map<String, String> form = new HashMap<>();
            for (Map.Entry<String, Object> cell : new java.util.TreeMap<>(row).entrySet()) {
                String column = cell.getKey();
                Object v = cell.getValue();
                String field = COLUMNS.get(column);
                if (field == null && column.startsWith(REFERRAL)) {
                    String code = column.substring(REFERRAL.length()).toUpperCase(Locale.ROOT);
                    field = codes.contains(code) ? "ref." + code : null;
                    if (field == null && v != null && !(v instanceof String s && s.isBlank())) {
                        problems.add(new Problem("monitoring.import.unknownService", new Object[] {column}));
                        continue;
                    }
                }
                if (field == null) {
                    continue;
                }
                if (v instanceof Formula || (v instanceof String s && s.startsWith("="))) {
                    problems.add(new Problem("monitoring.import.formula", new Object[] {column}));
                } else if (v != null) {
                    form.put(field, v.toString());
                }
            }
            LocalDate date = dates.get(i);
            if (date == null) {
                problems.add(new Problem("monitoring.import.date", new Object[0]));
            } else if (date.isAfter(today)) {
                problems.add(new Problem("monitoring.validation.future", new Object[0]));
            }
            String name = form.get("activity");
            long subject = 0;
            if (name != null && !name.isBlank()) {
                Long id = activities.get(name.strip().toLowerCase(Locale.ROOT));
                if (id == null) {
                    problems.add(new Problem("monitoring.import.noActivity", new Object[] {name}));
                    subject = -1;
                } else {
                    subject = id;
                }
            }
            if (date != null && subject > 0 && !held.contains(subject + "/" + date)) {
                problems.add(new Problem("monitoring.import.notHeld", new Object[] {name, date.toString()}));
            }
            if (date != null && subject == 0 && !date.isAfter(today)
                    && !openDays.computeIfAbsent(date, d -> counts.open(placeId, d))) {
                problems.add(new Problem("monitoring.import.closed", new Object[] {date.toString()}));
            }
            if (date != null && subject >= 0) {
                String key = subject + "/" + date;
                if (counted.contains(key)) {
                    problems.add(new Problem("monitoring.import.exists", new Object[0]));
                } else if (!seen.add(key)) {
                    problems.add(new Problem("monitoring.import.twice", new Object[0]));
                }
            }
            FieldErrors errors = new FieldErrors();
            CountService.Checked checked = CountService.check(form, "", codes, errors);
            for (FieldErrors.FieldError e : errors.all()) {
                problems.add(new Problem("monitoring.import.figure", new Object[] {e.field(), e.messageKey(), e.args()}));
            }
            out.add(new Line(i + 2, date, name, subject, checked.figures(), Map.copyOf(checked.referrals()), problems));
        }
        return out;
    }

    /** A problem's text: a figure problem names its column and gives the field's own message. */
    static String text(Problem p, org.springframework.context.MessageSource messages, java.util.Locale locale) {
        if (p.key().equals("monitoring.import.figure")) {
            String field = (String) p.args()[0];
            String column = field.startsWith("ref.") ? referralColumn(field.substring(4))
                    : COLUMNS.entrySet().stream().filter(e -> e.getValue().equals(field)).map(Map.Entry::getKey)
                            .findFirst().orElse(field);
            return column + ": " + messages.getMessage((String) p.args()[1], (Object[]) p.args()[2], locale);
        }
        return messages.getMessage(p.key(), p.args(), locale);
    }
}
