package fi.kohtaamo.calendar.internal.imports;

import fi.kohtaamo.calendar.internal.rules.Schedule;

import fi.kohtaamo.calendar.internal.ActivityCommand;
import fi.kohtaamo.calendar.internal.ActivityForm;

import fi.kohtaamo.calendar.ActivityKind;
import fi.kohtaamo.shared.FieldErrors;
import fi.kohtaamo.shared.Input;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import fi.kohtaamo.calendar.internal.imports.ActivityImport.Format;
import fi.kohtaamo.calendar.internal.imports.ActivityImport.Options;
import fi.kohtaamo.calendar.internal.imports.ActivityImport.Problem;
import fi.kohtaamo.calendar.internal.imports.ActivityImport.Result;
import fi.kohtaamo.calendar.internal.imports.ActivityImport.Row;
import static fi.kohtaamo.calendar.internal.imports.ActivityImport.CSV_COLUMNS;
import static fi.kohtaamo.calendar.internal.imports.ActivityImport.MAX_ROWS;
import static fi.kohtaamo.calendar.internal.imports.ActivityImport.base;
import static fi.kohtaamo.calendar.internal.imports.ActivityImport.check;
import static fi.kohtaamo.calendar.internal.imports.ActivityImport.failed;
import static fi.kohtaamo.calendar.internal.imports.ActivityImport.shorten;

/**
 * The CSV side of {@link ActivityImport}: the columns of {@link ActivityImport#CSV_COLUMNS} with a header row,
 * {@code ;}, {@code ,} or a tab (detected from the header); each record becomes an {@link ActivityForm} checked by
 * the form's own rules, its problems named by the file's column names.
 */
final class CsvActivityRows {

    private final java.util.function.Function<String, ActivityKind> kinds;

    CsvActivityRows(java.util.function.Function<String, ActivityKind> kinds) {
        this.kinds = kinds;
    }

    private static final Map<String, String> CSV_WHERE = Map.ofEntries(Map.entry("nameFi", "name_fi"),
            Map.entry("nameSv", "name_sv"), Map.entry("nameEn", "name_en"), Map.entry("kind", "kind"),
            Map.entry("descriptionFi", "description_fi"), Map.entry("descriptionSv", "description_sv"),
            Map.entry("descriptionEn", "description_en"), Map.entry("ageMinYears", "age_from_months"),
            Map.entry("ageMinMonths", "age_from_months"), Map.entry("ageMaxYears", "age_to_months"),
            Map.entry("ageMaxMonths", "age_to_months"), Map.entry("priceFi", "price_fi"),
            Map.entry("priceSv", "price_sv"), Map.entry("priceEn", "price_en"),
            Map.entry("registrationFi", "registration_fi"), Map.entry("registrationSv", "registration_sv"),
            Map.entry("registrationEn", "registration_en"), Map.entry("scheduleKind", "weekdays"),
            Map.entry("weekdays", "weekdays"), Map.entry("parity", "week_parity"), Map.entry("nth", "month_week"),
            Map.entry("monthWeekday", "weekdays"), Map.entry("dates", "dates"), Map.entry("date", "start_date"),
            Map.entry("seasonStart", "start_date"), Map.entry("seasonEnd", "end_date"),
            Map.entry("startTime", "start_time"), Map.entry("endTime", "end_time"),
            Map.entry("languages", "languages"), Map.entry("schoolLanguage", "pauses_on_holidays"));

    Result read(long placeId, String text, Options o) {
        String header = text.lines().findFirst().orElse("");
        long semicolons = header.chars().filter(c -> c == ';').count();
        long commas = header.chars().filter(c -> c == ',').count();
        long tabs = header.chars().filter(c -> c == '\t').count();
        char delimiter = tabs > semicolons && tabs > commas ? '\t' : semicolons >= commas ? ';' : ',';
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setAllowMissingColumnNames(true).setIgnoreSurroundingSpaces(true).get();
        List<Row> rows = new ArrayList<>();
        try (CSVParser parser = format.parse(new StringReader(text))) {
            Map<String, Integer> columns = new LinkedHashMap<>();
            List<String> names = parser.getHeaderNames();
            List<Problem> fileProblems = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                String name = names.get(i) == null ? "" : names.get(i).strip().toLowerCase(Locale.ROOT);
                if (name.isEmpty()) {
                    continue;
                }
                if (!CSV_COLUMNS.contains(name)) {
                    fileProblems.add(new Problem(null, "import.csv.unknownColumn", shorten(name)));
                } else if (columns.putIfAbsent(name, i) != null) {
                    fileProblems.add(new Problem(null, "import.csv.duplicateColumn", name));
                }
            }
            if (!columns.containsKey("name_fi") && fileProblems.isEmpty()) {
                fileProblems.add(new Problem(null, "import.csv.missingColumn", "name_fi"));
            }
            if (!fileProblems.isEmpty()) {
                return new Result(Format.CSV, List.of(), List.copyOf(fileProblems));
            }
            for (CSVRecord r : parser) {
                if (rows.size() >= MAX_ROWS) {
                    return failed(Format.CSV, new Problem(null, "import.file.tooManyRows", MAX_ROWS));
                }
                rows.add(csvRow(placeId, r, columns, names.size(), o));
            }
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            return failed(Format.CSV, new Problem(null, "import.csv.unreadable"));
        }
        if (rows.isEmpty()) {
            return failed(Format.CSV, new Problem(null, "import.file.noRows"));
        }
        return new Result(Format.CSV, List.copyOf(rows), List.of());
    }

    private Row csvRow(long placeId, CSVRecord r, Map<String, Integer> columns, int headerSize, Options o) {
        int number = (int) r.getRecordNumber() + 1;
        List<Problem> problems = new ArrayList<>();
        Set<String> reported = new HashSet<>();
        java.util.function.Function<String, String> col = name -> {
            Integer i = columns.get(name);
            if (i == null || i >= r.size()) {
                return null;
            }
            String v = r.get(i).strip();
            return v.isEmpty() ? null : v;
        };
        for (int i = headerSize; i < r.size(); i++) {
            if (!r.get(i).isBlank()) {
                problems.add(new Problem(null, "import.csv.extraValues", headerSize));
                break;
            }
        }
        ActivityForm f = base(placeId, o);
        f.nameFi = col.apply("name_fi");
        f.nameSv = col.apply("name_sv");
        f.nameEn = col.apply("name_en");
        f.descriptionFi = col.apply("description_fi");
        f.descriptionSv = col.apply("description_sv");
        f.descriptionEn = col.apply("description_en");
        f.priceFi = col.apply("price_fi");
        f.priceSv = col.apply("price_sv");
        f.priceEn = col.apply("price_en");
        f.registrationFi = col.apply("registration_fi");
        f.registrationSv = col.apply("registration_sv");
        f.registrationEn = col.apply("registration_en");
        String kind = col.apply("kind");
        if (kind != null) {
            ActivityKind k = kinds.apply(kind);
            if (k == null) {
                problems.add(new Problem("kind", "import.csv.unknownKind", shorten(kind)));
                reported.add("kind");
            } else {
                f.kind = k.name();
            }
        }
        yesNo(col.apply("free"), "free", true, problems, reported).ifPresent(v -> f.freeOfCharge = v);
        boolean howGiven = f.registrationFi != null || f.registrationSv != null || f.registrationEn != null;
        f.registrationRequired = String.valueOf(howGiven);
        yesNo(col.apply("registration"), "registration", howGiven, problems, reported)
                .ifPresent(v -> f.registrationRequired = v);
        yesNo(col.apply("published"), "published", o.published(), problems, reported).ifPresent(v -> f.published = v);
        yesNo(col.apply("pauses_on_holidays"), "pauses_on_holidays", true, problems, reported)
                .ifPresent(v -> f.pausesOnHolidays = v);
        String langs = col.apply("languages");
        if (langs != null) {
            for (String l : langs.toLowerCase(Locale.ROOT).split("[\\s,/|]+")) {
                if (!l.isBlank()) {
                    f.languages.add(l);
                }
            }
        } else {
            f.languages.add(o.language().code());
        }
        ages(col.apply("age_from_months"), "age_from_months", problems, reported, (y, m) -> {
            f.ageMinYears = y;
            f.ageMinMonths = m;
        });
        ages(col.apply("age_to_months"), "age_to_months", problems, reported, (y, m) -> {
            f.ageMaxYears = y;
            f.ageMaxMonths = m;
        });
        csvSchedule(f, col, o, problems, reported);
        ActivityCommand c = check(f, CSV_WHERE, reported, problems);
        String label = f.nameFi != null ? f.nameFi : f.nameSv != null ? f.nameSv : f.nameEn;
        return new Row(number, label == null ? null : shorten(label), f, c, List.of(), List.copyOf(problems), List.of());
    }

    private static void csvSchedule(ActivityForm f, java.util.function.Function<String, String> col, Options o,
            List<Problem> problems, Set<String> reported) {
        String weekdaysRaw = col.apply("weekdays");
        String datesRaw = col.apply("dates");
        String monthWeek = col.apply("month_week");
        String parity = col.apply("week_parity");
        String start = col.apply("start_date");
        String end = col.apply("end_date");
        List<DayOfWeek> days = new ArrayList<>();
        if (weekdaysRaw != null) {
            for (String token : weekdaysRaw.toLowerCase(Locale.ROOT).split("[\\s,/|;]+")) {
                if (token.isBlank()) {
                    continue;
                }
                DayOfWeek d = WEEKDAYS.get(token.replace(".", ""));
                if (d == null) {
                    problems.add(new Problem("weekdays", "import.csv.unknownWeekday", shorten(token)));
                    reported.add("weekdays");
                    break;
                }
                if (!days.contains(d)) {
                    days.add(d);
                }
            }
        }
        if (datesRaw != null) {
            if (weekdaysRaw != null || monthWeek != null) {
                problems.add(new Problem("dates", "import.csv.datesAndWeekdays"));
                reported.add("dates");
                reported.add("weekdays");
            }
            List<String> parts = List.of(datesRaw.strip().split("[\\s,;]+"));
            if (parts.size() == 1) {
                f.scheduleKind = "ONCE";
                f.date = iso(parts.get(0));
                // a one-off's date is its own column here
                reported.add("start_date");
            } else {
                f.scheduleKind = "DATES";
                f.dates = datesRaw;
            }
        } else if (weekdaysRaw == null) {
            f.scheduleKind = "ONCE";
            f.date = iso(start);
            if (end != null && !end.equals(start) && !(iso(end) != null && iso(end).equals(iso(start)))) {
                problems.add(new Problem("end_date", "import.csv.onceEnd"));
                reported.add("end_date");
            }
        } else {
            f.seasonStart = iso(start);
            f.seasonEnd = end == null ? (o.openSeriesEnd() == null ? null : o.openSeriesEnd().toString()) : iso(end);
            if (end == null && o.openSeriesEnd() == null) {
                problems.add(new Problem("end_date", "import.openEnded"));
                reported.add("end_date");
            }
            if (monthWeek == null) {
                f.scheduleKind = "WEEKLY";
                days.forEach(d -> f.weekdays.add(d.name()));
                if (parity != null) {
                    String p = PARITIES.get(parity.toLowerCase(Locale.ROOT));
                    if (p == null) {
                        problems.add(new Problem("week_parity", "import.csv.unknownParity", shorten(parity)));
                        reported.add("week_parity");
                    } else {
                        f.parity = p;
                    }
                }
            } else {
                f.scheduleKind = "MONTHLY";
                String n = NTH.get(monthWeek.toLowerCase(Locale.ROOT));
                if (n == null) {
                    problems.add(new Problem("month_week", "import.csv.unknownMonthWeek", shorten(monthWeek)));
                    reported.add("month_week");
                } else {
                    f.nth = n;
                }
                if (days.size() > 1) {
                    problems.add(new Problem("weekdays", "schedule.oneWeekdayOnly"));
                    reported.add("weekdays");
                } else if (days.size() == 1) {
                    f.monthWeekday = days.get(0).name();
                }
            }
        }
        f.startTime = col.apply("start_time");
        String endTime = col.apply("end_time");
        String duration = col.apply("duration_minutes");
        if (endTime != null && duration != null) {
            problems.add(new Problem("duration_minutes", "import.csv.endOrDuration"));
            reported.add("duration_minutes");
            reported.add("end_time");
        } else if (duration != null) {
            FieldErrors scratch = new FieldErrors();
            Input in = new Input(scratch);
            Integer minutes = in.integer("d", duration, 1, Schedule.MAX_DURATION_MINUTES - 1, null);
            LocalTime s = in.time("s", f.startTime);
            if (minutes == null) {
                problems.add(new Problem("duration_minutes", scratch.all().get(0).messageKey(),
                        scratch.all().get(0).args()));
                reported.add("end_time");
            } else if (s != null) {
                LocalTime e = s.plusMinutes(minutes);
                if (!e.isAfter(s)) {
                    problems.add(new Problem("duration_minutes", "import.overMidnight"));
                    reported.add("end_time");
                } else {
                    f.endTime = e.toString();
                }
            } else {
                reported.add("end_time");
            }
        } else {
            f.endTime = endTime;
        }
    }

    /** A date in ISO form when it can be read (ISO or 12.2.2027); otherwise as written, so the form reports it. */
    private static String iso(String raw) {
        if (raw == null) {
            return null;
        }
        LocalDate d = ActivityForm.parseDate(raw.strip());
        return d == null ? raw : d.toString();
    }

    private static void ages(String raw, String column, List<Problem> problems, Set<String> reported,
            java.util.function.BiConsumer<String, String> set) {
        if (raw == null) {
            return;
        }
        FieldErrors scratch = new FieldErrors();
        Integer months = new Input(scratch).integer(column, raw, 0, 25 * 12 + 11, null);
        if (months == null) {
            problems.add(new Problem(column, scratch.all().get(0).messageKey(), scratch.all().get(0).args()));
            reported.add(column);
            return;
        }
        set.accept(String.valueOf(months / 12), String.valueOf(months % 12));
    }

    private static Optional<String> yesNo(String raw, String column, boolean blank, List<Problem> problems,
            Set<String> reported) {
        if (raw == null) {
            return Optional.of(String.valueOf(blank));
        }
        String v = raw.toLowerCase(Locale.ROOT);
        if (Set.of("yes", "y", "true", "1", "kyllä", "k", "x", "ja").contains(v)) {
            return Optional.of("true");
        }
        if (Set.of("no", "n", "false", "0", "ei", "e", "nej").contains(v)) {
            return Optional.of("false");
        }
        problems.add(new Problem(column, "import.csv.yesNo", shorten(raw)));
        reported.add(column);
        return Optional.empty();
    }

    private static final Map<String, DayOfWeek> WEEKDAYS = new HashMap<>();
    private static final Map<String, String> PARITIES = new HashMap<>();
    private static final Map<String, String> NTH = new HashMap<>();

    static {
        String[][] names = {
            {"ma", "maanantai", "maanantaisin", "må", "mån", "måndag", "måndagar", "mo", "mon", "monday", "1"},
            {"ti", "tiistai", "tiistaisin", "tis", "tisdag", "tisdagar", "tu", "tue", "tuesday", "2"},
            {"ke", "keskiviikko", "keskiviikkoisin", "on", "ons", "onsdag", "onsdagar", "we", "wed", "wednesday", "3"},
            {"to", "torstai", "torstaisin", "tor", "tors", "torsdag", "torsdagar", "th", "thu", "thursday", "4"},
            {"pe", "perjantai", "perjantaisin", "fr", "fre", "fredag", "fredagar", "fri", "friday", "5"},
            {"la", "lauantai", "lauantaisin", "lö", "lör", "lördag", "lördagar", "sa", "sat", "saturday", "6"},
            {"su", "sunnuntai", "sunnuntaisin", "sö", "sön", "söndag", "söndagar", "sun", "sunday", "7"}};
        for (int i = 0; i < 7; i++) {
            DayOfWeek d = DayOfWeek.of(i + 1);
            WEEKDAYS.put(d.name().toLowerCase(Locale.ROOT), d);
            for (String n : names[i]) {
                WEEKDAYS.put(n, d);
            }
        }
        for (String p : List.of("all", "every", "kaikki", "joka", "alla", "varje")) {
            PARITIES.put(p, "ALL");
        }
        for (String p : List.of("even", "parillinen", "parilliset", "jämn", "jämna")) {
            PARITIES.put(p, "EVEN");
        }
        for (String p : List.of("odd", "pariton", "parittomat", "udda")) {
            PARITIES.put(p, "ODD");
        }
        for (int n = 1; n <= 4; n++) {
            NTH.put(String.valueOf(n), String.valueOf(n));
        }
        for (String p : List.of("-1", "last", "viimeinen", "sista")) {
            NTH.put(p, "-1");
        }
    }
}
