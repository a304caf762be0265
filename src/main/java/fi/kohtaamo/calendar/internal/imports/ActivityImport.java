package fi.kohtaamo.calendar.internal.imports;

import fi.kohtaamo.calendar.internal.rules.Schedule;
import fi.kohtaamo.calendar.internal.rules.ScheduleExpander;

import fi.kohtaamo.calendar.internal.ActivityCommand;
import fi.kohtaamo.calendar.internal.ActivityService;
import fi.kohtaamo.calendar.internal.ActivityForm;

import fi.kohtaamo.audit.AuditLog;
import fi.kohtaamo.calendar.ActivityKind;
import fi.kohtaamo.calendar.CalendarAction;
import fi.kohtaamo.shared.AccessControl;
import fi.kohtaamo.shared.Actor;
import fi.kohtaamo.shared.ClockConfig;
import fi.kohtaamo.shared.FieldErrors;
import fi.kohtaamo.shared.Input;
import fi.kohtaamo.shared.Lang;
import fi.kohtaamo.shared.Target;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.Temporal;
import java.time.temporal.TemporalAmount;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.Recur;
import net.fortuna.ical4j.model.WeekDay;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DateListProperty;
import net.fortuna.ical4j.model.property.DateProperty;
import net.fortuna.ical4j.model.property.RRule;
import net.fortuna.ical4j.transform.recurrence.Frequency;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns an iCalendar file (a Google calendar's export or feed) or a CSV file into activity drafts,
 * row by row, each either a valid {@link ActivityForm} with its {@link ActivityCommand} (checked by
 * the very same {@link ActivityForm#toCommand} as a hand-made activity) or a list of problems with
 * message keys. Nothing is approximated: what the calendar's rules cannot say exactly (a daily
 * rule, "the 15th of every month", every third week, …) is a problem of that row.
 *
 * <p>iCalendar: a VEVENT's RRULE FREQ=WEEKLY with BYDAY is weekly, with INTERVAL=2 every even or odd
 * ISO week (from DTSTART's week, only when that stays true over the whole season); FREQ=MONTHLY with
 * BYDAY=2TU, -1FR or BYSETPOS the n-th or last weekday; RDATEs a list of dates; no rule a one-off.
 * UNTIL or COUNT ends the season; times (TZID, UTC or floating) become Europe/Helsinki local times.
 * EXDATEs and the instances Google writes as separate events with a RECURRENCE-ID become
 * cancellations and moves of single occurrences with a generic public reason.
 *
 * <p>CSV: the columns of {@link #CSV_COLUMNS} with a header row, {@code ;} or {@code ,} (detected
 * from the header), UTF-8 with or without a byte-order mark; see the import page's help and the
 * template from {@link #csvTemplate()}.
 */
@Service
public class ActivityImport {

    /** At most 1 MB of text, as uploaded or fetched. */
    public static final int MAX_BYTES = 1024 * 1024;

    /** At most this many rows (CSV records or iCalendar series) in one import. */
    public static final int MAX_ROWS = 1000;

    static final ZoneId LOCAL = ClockConfig.ZONE;

    /** The CSV columns, in the template's order. */
    public static final List<String> CSV_COLUMNS = List.of("name_fi", "name_sv", "name_en", "kind", "weekdays",
            "week_parity", "month_week", "dates", "start_date", "end_date", "start_time", "end_time",
            "duration_minutes", "age_from_months", "age_to_months", "languages", "free", "price_fi", "price_sv",
            "price_en", "registration", "registration_fi", "registration_sv", "registration_en", "description_fi",
            "description_sv", "description_en", "published", "pauses_on_holidays");

    public enum Format {
        ICS, CSV
    }

    /**
     * What the import form says for the whole file.
     *
     * @param language       the language of iCalendar SUMMARY and DESCRIPTION (and of activity)
     * @param kind           the kind of iCalendar events, and of CSV rows without one (may be null)
     * @param organiserId    the organiser every imported activity gets (may be null)
     * @param published      whether imported activities are public at once
     * @param openSeriesEnd  the season end of series that have none (an RRULE without UNTIL/COUNT, a
     *                       CSV row without end_date); null: such rows are problems
     */
    public record Options(Lang language, ActivityKind kind, Long organiserId, boolean published,
            LocalDate openSeriesEnd) {
    }

    /**
     * Something wrong (or worth telling) about a file or row: where (a CSV column or iCalendar
     * property as named in the file, or null) and a message key with arguments.
     */
    public record Problem(String where, String key, Object... args) {
    }

    /** A change of one occurrence of an imported series: cancelled (newDate null) or moved. */
    public record Adjustment(LocalDate date, LocalDate newDate, LocalTime newStart, LocalTime newEnd) {

        public boolean cancelled() {
            return newDate == null;
        }
    }

    /**
     * One row of the file: its number (CSV record number counting the header as 1, or the iCalendar
     * event's number), a label (the name as written), and either the checked activity or problems.
     */
    public record Row(int number, String label, ActivityForm form, ActivityCommand command,
            List<Adjustment> adjustments, List<Problem> problems, List<Problem> notes) {

        public boolean valid() {
            return command != null && problems.isEmpty();
        }
    }

    /** The rows of a file, or the problems that made the whole file unreadable. */
    public record Result(Format format, List<Row> rows, List<Problem> fileProblems) {

        public long validCount() {
            return rows.stream().filter(Row::valid).count();
        }

        public long invalidCount() {
            return rows.size() - validCount();
        }

        public boolean usable() {
            return fileProblems.isEmpty() && validCount() > 0;
        }
    }

    private final ActivityService activities;
    private final AuditLog audit;
    private final MessageSource messages;

    public ActivityImport(ActivityService activities, AuditLog audit, MessageSource messages) {
        this.activities = activities;
        this.audit = audit;
        this.messages = messages;
    }

    /** Staff may import at a place exactly when they may create activities there. */
    public Target requireMayImport(Actor actor, long placeId) {
        Target t = activities.target(placeId, List.of());
        AccessControl.require(actor, CalendarAction.ACTIVITY_CREATE, t);
        return t;
    }

    // ---- reading --------------------------------------------------------------------------------

    /** The bytes as UTF-8 text without a byte-order mark, or null when they are not UTF-8 text. */
    public static String decode(byte[] bytes) {
        return fi.kohtaamo.shared.Uploads.utf8(bytes);
    }

    /** Reads uploaded or fetched bytes: checks size and encoding, tells iCalendar from CSV, reads the rows. */
    public Result read(long placeId, byte[] bytes, Options options) {
        if (bytes.length > MAX_BYTES) {
            return failed(Format.CSV, new Problem(null, "import.file.tooLarge", MAX_BYTES / 1024 / 1024));
        }
        String text = decode(bytes);
        if (text == null) {
            return failed(Format.CSV, new Problem(null, "import.file.notText"));
        }
        return read(placeId, text, options);
    }

    /** Reads a text (as kept between preview and confirm). */
    public Result read(long placeId, String text, Options options) {
        if (text.isBlank()) {
            return failed(Format.CSV, new Problem(null, "import.file.empty"));
        }
        if (text.length() > MAX_BYTES) {
            return failed(Format.CSV, new Problem(null, "import.file.tooLarge", MAX_BYTES / 1024 / 1024));
        }
        boolean ics = text.stripLeading().toUpperCase(Locale.ROOT).startsWith("BEGIN:VCALENDAR");
        return ics ? ics(placeId, text, options) : csv(placeId, text, options);
    }

    private static Result failed(Format format, Problem p) {
        return new Result(format, List.of(), List.of(p));
    }

    /** A fresh form with what the options give every row. */
    private static ActivityForm base(long placeId, Options o) {
        ActivityForm f = new ActivityForm();
        f.placeId = String.valueOf(placeId);
        f.kind = o.kind() == null ? null : o.kind().name();
        f.published = String.valueOf(o.published());
        if (o.organiserId() != null) {
            f.organiserIds.add(String.valueOf(o.organiserId()));
        }
        return f;
    }

    /** Checks the form like a hand-made one; its field errors become problems named as in the file. */
    private static ActivityCommand check(ActivityForm f, Map<String, String> where, Set<String> alreadyReported,
            List<Problem> problems) {
        FieldErrors errors = new FieldErrors();
        ActivityCommand c = f.toCommand(errors);
        for (FieldErrors.FieldError e : errors.all()) {
            String w = where.get(e.field());
            if (w != null && alreadyReported.contains(w)) {
                continue;
            }
            problems.add(new Problem(w, e.messageKey(), e.args()));
        }
        return problems.isEmpty() ? c : null;
    }

    // ---- CSV ------------------------------------------------------------------------------------

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

    private Result csv(long placeId, String text, Options o) {
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

    private static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
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
            ActivityKind k = kind(kind);
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

    /** An activity kind by its code (FAMILY_CAFE) or its name in any of the three languages. */
    ActivityKind kind(String raw) {
        String v = raw.strip();
        for (ActivityKind k : ActivityKind.values()) {
            if (k.name().equalsIgnoreCase(v.replace(' ', '_').replace('-', '_'))) {
                return k;
            }
            for (Lang l : Lang.values()) {
                String name = messages.getMessage("activityKind." + k.name(), null, "", l.locale());
                if (name != null && name.equalsIgnoreCase(v)) {
                    return k;
                }
            }
        }
        return null;
    }

    // ---- iCalendar ------------------------------------------------------------------------------

    private static final Map<String, String> ICS_WHERE = Map.ofEntries(Map.entry("nameFi", "SUMMARY"),
            Map.entry("nameSv", "SUMMARY"), Map.entry("nameEn", "SUMMARY"), Map.entry("descriptionFi", "DESCRIPTION"),
            Map.entry("descriptionSv", "DESCRIPTION"), Map.entry("descriptionEn", "DESCRIPTION"),
            Map.entry("scheduleKind", "RRULE"), Map.entry("weekdays", "RRULE"), Map.entry("parity", "RRULE"),
            Map.entry("nth", "RRULE"), Map.entry("monthWeekday", "RRULE"), Map.entry("dates", "RDATE"),
            Map.entry("date", "DTSTART"), Map.entry("seasonStart", "DTSTART"), Map.entry("seasonEnd", "RRULE"),
            Map.entry("startTime", "DTSTART"), Map.entry("endTime", "DTEND"));

    private Result ics(long placeId, String text, Options o) {
        IcsLimits.Checked checked = IcsLimits.check(text);
        if (checked.problem() != null) {
            return failed(Format.ICS, checked.problem());
        }
        Calendar cal;
        try {
            cal = new CalendarBuilder().build(new StringReader(checked.text()));
        } catch (ParserException e) {
            return failed(Format.ICS, new Problem(null, "import.ics.unreadable", e.getLineNo()));
        } catch (IOException | RuntimeException e) {
            return failed(Format.ICS, new Problem(null, "import.ics.unreadable", 0));
        }
        List<VEvent> events = new ArrayList<>();
        for (Object c : cal.getComponents(Component.VEVENT)) {
            events.add((VEvent) c);
        }
        if (events.isEmpty()) {
            return failed(Format.ICS, new Problem(null, "import.ics.noEvents"));
        }
        Map<String, VEvent> masters = new LinkedHashMap<>();
        Map<String, List<VEvent>> overrides = new HashMap<>();
        List<VEvent> orphans = new ArrayList<>();
        int anonymous = 0;
        for (VEvent e : events) {
            String uid = value(e, Property.UID);
            if (e.getProperty(Property.RECURRENCE_ID).isPresent()) {
                overrides.computeIfAbsent(uid == null ? "" : uid, k -> new ArrayList<>()).add(e);
            } else {
                masters.put(uid == null || masters.containsKey(uid) ? "\u0000" + anonymous++ : uid, e);
            }
        }
        for (var entry : overrides.entrySet()) {
            if (!masters.containsKey(entry.getKey())) {
                orphans.addAll(entry.getValue());
            }
        }
        if (masters.size() + orphans.size() > MAX_ROWS) {
            return failed(Format.ICS, new Problem(null, "import.file.tooManyRows", MAX_ROWS));
        }
        List<Row> rows = new ArrayList<>();
        int n = 1;
        for (var entry : masters.entrySet()) {
            rows.add(icsRow(n++, entry.getValue(), overrides.getOrDefault(entry.getKey(), List.of()), placeId, o));
        }
        for (VEvent e : orphans) {
            rows.add(new Row(n++, shorten(String.valueOf(value(e, Property.SUMMARY))), null, null, List.of(),
                    List.of(new Problem("RECURRENCE-ID", "import.ics.orphanOverride")), List.of()));
        }
        return new Result(Format.ICS, List.copyOf(rows), List.of());
    }

    private static String value(VEvent e, String property) {
        return e.getProperty(property).map(p -> ((Property) p).getValue()).orElse(null);
    }

    /** A date-time of the file as a Europe/Helsinki time (a date stays a date, at midnight). */
    static ZonedDateTime local(Temporal t) {
        if (t instanceof ZonedDateTime z) {
            return z.withZoneSameInstant(LOCAL);
        }
        if (t instanceof OffsetDateTime o) {
            return o.atZoneSameInstant(LOCAL);
        }
        if (t instanceof Instant i) {
            return i.atZone(LOCAL);
        }
        if (t instanceof LocalDateTime l) {
            return l.atZone(LOCAL);
        }
        if (t instanceof LocalDate d) {
            return d.atStartOfDay(LOCAL);
        }
        throw new IllegalArgumentException("unknown temporal " + t);
    }

    private static String hhmm(ZonedDateTime t) {
        return t.toLocalTime().truncatedTo(ChronoUnit.MINUTES).toString();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Row icsRow(int number, VEvent e, List<VEvent> changes, long placeId, Options o) {
        List<Problem> problems = new ArrayList<>();
        List<Problem> notes = new ArrayList<>();
        Set<String> reported = new HashSet<>();
        ActivityForm f = base(placeId, o);
        String summary = value(e, Property.SUMMARY);
        String description = value(e, Property.DESCRIPTION);
        switch (o.language()) {
            case FI -> {
                f.nameFi = summary;
                f.descriptionFi = description;
            }
            case SV -> {
                f.nameSv = summary;
                f.descriptionSv = description;
            }
            case EN -> {
                f.nameEn = summary;
                f.descriptionEn = description;
            }
        }
        f.languages.add(o.language().code());
        String label = summary == null ? null : shorten(summary);
        if ("CANCELLED".equalsIgnoreCase(value(e, Property.STATUS))) {
            return new Row(number, label, f, null, List.of(), List.of(new Problem("STATUS", "import.ics.cancelledEvent")),
                    List.of());
        }
        if (o.kind() == null) {
            problems.add(new Problem(null, "import.ics.kindRequired"));
        }
        if (o.language() != Lang.FI) {
            // an activity needs a Finnish name (the same rule as in the form); tell it in words that fit
            problems.add(new Problem("SUMMARY", "import.ics.finnishNameRequired"));
            reported.add("SUMMARY");
        }
        Optional<DateProperty> dtstart = e.getProperty(Property.DTSTART);
        if (dtstart.isEmpty()) {
            return new Row(number, label, f, null, List.of(), List.of(new Problem("DTSTART", "import.ics.noStart")),
                    List.of());
        }
        ZonedDateTime start;
        ZonedDateTime end;
        try {
            Temporal t = (Temporal) dtstart.get().getDate();
            if (t instanceof LocalDate) {
                return new Row(number, label, f, null, List.of(), List.of(new Problem("DTSTART", "import.ics.allDay")),
                        List.of());
            }
            start = local(t);
            Optional<DateProperty> dtend = e.getProperty(Property.DTEND);
            Optional<Property> duration = e.getProperty(Property.DURATION);
            if (dtend.isPresent()) {
                end = local((Temporal) dtend.get().getDate());
            } else if (duration.isPresent()) {
                end = start.plus((TemporalAmount) ((net.fortuna.ical4j.model.property.Duration) duration.get())
                        .getDuration());
            } else {
                return new Row(number, label, f, null, List.of(), List.of(new Problem("DTEND", "import.ics.noEnd")),
                        List.of());
            }
        } catch (RuntimeException ex) {
            String tz = dtstart.get().getParameter("TZID").map(p -> ((net.fortuna.ical4j.model.Parameter) p).getValue())
                    .orElse("");
            return new Row(number, label, f, null, List.of(),
                    List.of(new Problem("DTSTART", "import.ics.unreadableTime", shorten(String.valueOf(tz)))), List.of());
        }
        if (!end.toLocalDate().equals(start.toLocalDate())) {
            problems.add(new Problem("DTEND", "import.overMidnight"));
            reported.add("DTEND");
        }
        f.startTime = hhmm(start);
        f.endTime = hhmm(end);
        LocalDate first = start.toLocalDate();
        List<RRule> rules = new ArrayList<>((List) e.getProperties(Property.RRULE));
        List<DateListProperty> rdates = new ArrayList<>((List) e.getProperties(Property.RDATE));
        Integer count = null;
        try {
            if (rules.size() > 1) {
                problems.add(new Problem("RRULE", "import.ics.manyRules"));
            } else if (rules.size() == 1) {
                Recur<?> r = rules.get(0).getRecur();
                count = recur(r, start, f, o, problems, reported);
                if (!rdates.isEmpty()) {
                    problems.add(new Problem("RDATE", "import.ics.rdateWithRule"));
                }
            } else if (!rdates.isEmpty()) {
                TreeSet<LocalDate> dates = new TreeSet<>();
                dates.add(first);
                for (DateListProperty rd : rdates) {
                    for (Object d : rd.getDates()) {
                        ZonedDateTime z = local((Temporal) d);
                        if (!(d instanceof LocalDate) && !z.toLocalTime().equals(start.toLocalTime())) {
                            problems.add(new Problem("RDATE", "import.ics.rdateTime", z.toLocalDate().toString()));
                            break;
                        }
                        dates.add(z.toLocalDate());
                    }
                }
                f.scheduleKind = "DATES";
                f.dates = String.join(" ", dates.stream().map(LocalDate::toString).toList());
            } else {
                f.scheduleKind = "ONCE";
                f.date = first.toString();
            }
        } catch (RuntimeException ex) {
            problems.add(new Problem("RRULE", "import.ics.unsupportedRule"));
        }
        if (problems.stream().anyMatch(p -> !"SUMMARY".equals(p.where()))) {
            // schedule problems: checking the form would only repeat them in other words
            return new Row(number, label, f, null, List.of(), List.copyOf(problems), List.of());
        }
        if (count != null) {
            // the season ends at the COUNT-th date of the rule (EXDATEs are counted too, RFC 5545)
            LocalDate last = first.plusYears(Schedule.MAX_SEASON_YEARS);
            ActivityForm probe = copySchedule(f, first, last);
            ActivityCommand c = probe.toCommand(new FieldErrors());
            List<LocalDate> dates = c == null ? List.of() : ScheduleExpander.dates(c.schedule(), first, last);
            if (dates.size() < count) {
                problems.add(new Problem("RRULE", "schedule.seasonTooLong"));
                return new Row(number, label, f, null, List.of(), List.copyOf(problems), List.of());
            }
            f.seasonEnd = dates.get(count - 1).toString();
        }
        if ("WEEKLY".equals(f.scheduleKind) && !"ALL".equals(f.parity) && f.seasonEnd != null) {
            LocalDate seasonEnd = ActivityForm.parseDate(f.seasonEnd);
            if (seasonEnd != null && !everySecondWeekIsParity(first, seasonEnd, Schedule.WeekParity.valueOf(f.parity))) {
                problems.add(new Problem("RRULE", "import.ics.biweeklyYearEnd"));
                return new Row(number, label, f, null, List.of(), List.copyOf(problems), List.of());
            }
        }
        ActivityCommand c = check(f, ICS_WHERE, reported, problems);
        List<Adjustment> adjustments = new ArrayList<>();
        if (c != null) {
            Schedule s = c.schedule();
            Set<LocalDate> cancelled = new TreeSet<>();
            for (Object p : e.getProperties(Property.EXDATE)) {
                try {
                    for (Object d : ((DateListProperty) p).getDates()) {
                        LocalDate day = local((Temporal) d).toLocalDate();
                        if (ScheduleExpander.occursOn(s, day)) {
                            cancelled.add(day);
                        } else {
                            notes.add(new Problem("EXDATE", "import.ics.exdateIgnored", day.toString()));
                        }
                    }
                } catch (RuntimeException ex) {
                    notes.add(new Problem("EXDATE", "import.ics.exdateUnreadable"));
                }
            }
            Map<LocalDate, Adjustment> byDate = new java.util.TreeMap<>();
            cancelled.forEach(d -> byDate.put(d, new Adjustment(d, null, null, null)));
            for (VEvent change : changes) {
                override(change, s, start, end, byDate, notes);
            }
            adjustments.addAll(byDate.values());
        }
        return new Row(number, label, f, c, List.copyOf(adjustments), List.copyOf(problems), List.copyOf(notes));
    }

    /** Google writes a changed instance of a series as an event with the series' UID and a RECURRENCE-ID. */
    @SuppressWarnings("unchecked")
    private static void override(VEvent change, Schedule s, ZonedDateTime masterStart, ZonedDateTime masterEnd,
            Map<LocalDate, Adjustment> byDate, List<Problem> notes) {
        LocalDate original;
        try {
            original = local((Temporal) ((DateProperty<?>) change.getProperty(Property.RECURRENCE_ID).orElseThrow())
                    .getDate()).toLocalDate();
        } catch (RuntimeException ex) {
            notes.add(new Problem("RECURRENCE-ID", "import.ics.overrideNotImported", "?"));
            return;
        }
        if (!ScheduleExpander.occursOn(s, original)) {
            notes.add(new Problem("RECURRENCE-ID", "import.ics.overrideNotImported", original.toString()));
            return;
        }
        if ("CANCELLED".equalsIgnoreCase(value(change, Property.STATUS))) {
            byDate.put(original, new Adjustment(original, null, null, null));
            return;
        }
        try {
            Optional<DateProperty<?>> dtstart = change.getProperty(Property.DTSTART);
            if (dtstart.isEmpty() || dtstart.get().getDate() instanceof LocalDate) {
                notes.add(new Problem("RECURRENCE-ID", "import.ics.overrideNotImported", original.toString()));
                return;
            }
            ZonedDateTime start = local((Temporal) dtstart.get().getDate());
            Optional<DateProperty<?>> dtend = change.getProperty(Property.DTEND);
            Optional<Property> duration = change.getProperty(Property.DURATION);
            ZonedDateTime end = dtend.isPresent() ? local((Temporal) dtend.get().getDate())
                    : duration.isPresent() ? start.plus((TemporalAmount) ((net.fortuna.ical4j.model.property.Duration)
                            duration.get()).getDuration())
                    : start.plus(java.time.Duration.between(masterStart, masterEnd));
            if (!end.toLocalDate().equals(start.toLocalDate()) || !end.isAfter(start)) {
                notes.add(new Problem("RECURRENCE-ID", "import.ics.overrideNotImported", original.toString()));
                return;
            }
            LocalTime newStart = start.toLocalTime().truncatedTo(ChronoUnit.MINUTES);
            LocalTime newEnd = end.toLocalTime().truncatedTo(ChronoUnit.MINUTES);
            boolean sameTime = newStart.equals(masterStart.toLocalTime().truncatedTo(ChronoUnit.MINUTES))
                    && newEnd.equals(masterEnd.toLocalTime().truncatedTo(ChronoUnit.MINUTES));
            if (start.toLocalDate().equals(original) && sameTime) {
                notes.add(new Problem("RECURRENCE-ID", "import.ics.overrideOnlyText", original.toString()));
                return;
            }
            byDate.put(original, new Adjustment(original, start.toLocalDate(), newStart, newEnd));
        } catch (RuntimeException ex) {
            notes.add(new Problem("RECURRENCE-ID", "import.ics.overrideNotImported", original.toString()));
        }
    }

    /** Maps an RRULE onto the form's schedule fields; returns COUNT when the season ends by count. */
    private static Integer recur(Recur<?> r, ZonedDateTime start, ActivityForm f, Options o, List<Problem> problems,
            Set<String> reported) {
        LocalDate first = start.toLocalDate();
        Map<String, List<?>> unsupported = new LinkedHashMap<>();
        unsupported.put("BYMONTHDAY", r.getMonthDayList());
        unsupported.put("BYYEARDAY", r.getYearDayList());
        unsupported.put("BYWEEKNO", r.getWeekNoList());
        unsupported.put("BYMONTH", r.getMonthList());
        unsupported.put("BYHOUR", r.getHourList());
        unsupported.put("BYMINUTE", r.getMinuteList());
        unsupported.put("BYSECOND", r.getSecondList());
        for (var u : unsupported.entrySet()) {
            if (u.getValue() != null && !u.getValue().isEmpty()) {
                problems.add(new Problem("RRULE", "import.ics.unsupportedPart", u.getKey()));
                return null;
            }
        }
        int interval = r.getInterval() < 1 ? 1 : r.getInterval();
        Frequency freq = r.getFrequency();
        List<WeekDay> days = r.getDayList() == null ? List.of() : r.getDayList();
        List<Integer> setPos = r.getSetPosList() == null ? List.of() : r.getSetPosList();
        if (freq == Frequency.WEEKLY) {
            if (interval > 2) {
                problems.add(new Problem("RRULE", "import.ics.interval", interval));
                return null;
            }
            if (!setPos.isEmpty()) {
                problems.add(new Problem("RRULE", "import.ics.unsupportedPart", "BYSETPOS"));
                return null;
            }
            Set<DayOfWeek> weekdays = EnumSet.noneOf(DayOfWeek.class);
            for (WeekDay d : days) {
                if (d.getOffset() != 0) {
                    problems.add(new Problem("RRULE", "import.ics.unsupportedPart", "BYDAY=" + d));
                    return null;
                }
                weekdays.add(WeekDay.getDayOfWeek(d));
            }
            if (weekdays.isEmpty()) {
                weekdays.add(first.getDayOfWeek());
            }
            f.scheduleKind = "WEEKLY";
            weekdays.forEach(d -> f.weekdays.add(d.name()));
            f.parity = interval == 1 ? "ALL" : Schedule.WeekParity.EVEN.matches(first) ? "EVEN" : "ODD";
        } else if (freq == Frequency.MONTHLY) {
            if (interval != 1) {
                problems.add(new Problem("RRULE", "import.ics.interval", interval));
                return null;
            }
            if (days.isEmpty()) {
                problems.add(new Problem("RRULE", "import.ics.monthlyByDate"));
                return null;
            }
            if (days.size() > 1) {
                problems.add(new Problem("RRULE", "import.ics.monthlyOneDay"));
                return null;
            }
            WeekDay d = days.get(0);
            int nth = d.getOffset();
            if (nth == 0 && setPos.size() == 1) {
                nth = setPos.get(0);
            } else if (!setPos.isEmpty()) {
                problems.add(new Problem("RRULE", "import.ics.unsupportedPart", "BYSETPOS"));
                return null;
            }
            if (!(nth >= 1 && nth <= 4) && nth != -1) {
                problems.add(new Problem("RRULE", "import.ics.nth", String.valueOf(nth)));
                return null;
            }
            f.scheduleKind = "MONTHLY";
            f.monthWeekday = WeekDay.getDayOfWeek(d).name();
            f.nth = String.valueOf(nth);
        } else {
            problems.add(new Problem("RRULE", "import.ics.frequency", String.valueOf(freq)));
            return null;
        }
        f.seasonStart = first.toString();
        Object until = r.getUntil();
        if (until != null) {
            // the last day whose start time is not after UNTIL (Google writes 23:59:59 local as UTC)
            ZonedDateTime u = local((Temporal) until);
            LocalDate last = u.toLocalDate();
            if (!(until instanceof LocalDate) && u.toLocalTime().isBefore(start.toLocalTime())) {
                last = last.minusDays(1);
            }
            f.seasonEnd = last.toString();
            return null;
        }
        if (r.getCount() > 0) {
            return r.getCount();
        }
        if (o.openSeriesEnd() != null) {
            f.seasonEnd = o.openSeriesEnd().toString();
            return null;
        }
        problems.add(new Problem("RRULE", "import.openEnded"));
        reported.add("RRULE");
        return null;
    }

    private static ActivityForm copySchedule(ActivityForm f, LocalDate from, LocalDate to) {
        ActivityForm p = new ActivityForm();
        p.placeId = "1";
        p.kind = ActivityKind.EVENT.name();
        p.nameFi = "x";
        p.scheduleKind = f.scheduleKind;
        p.weekdays = new ArrayList<>(f.weekdays);
        p.parity = f.parity;
        p.nth = f.nth;
        p.monthWeekday = f.monthWeekday;
        p.seasonStart = from.toString();
        p.seasonEnd = to.toString();
        p.startTime = f.startTime;
        p.endTime = f.endTime;
        return p;
    }

    /**
     * Whether "every second week from the first" means the same weeks as "even (odd) ISO weeks" all
     * through the season; it does not after a year with 53 weeks.
     */
    static boolean everySecondWeekIsParity(LocalDate first, LocalDate last, Schedule.WeekParity parity) {
        LocalDate monday = first.with(DayOfWeek.MONDAY);
        for (LocalDate w = monday; !w.isAfter(last); w = w.plusWeeks(1)) {
            boolean series = ChronoUnit.WEEKS.between(monday, w) % 2 == 0;
            if (series != parity.matches(w)) {
                return false;
            }
        }
        return true;
    }

    // ---- storing --------------------------------------------------------------------------------

    /**
     * Creates every valid row of a (freshly re-read) file at the place in one transaction: each
     * through {@link ActivityService#create} (checked and audited like a hand-made activity), then its
     * cancellations and moves; one more audit record for the import itself. Returns the count.
     */
    @Transactional
    public int confirm(Actor actor, long placeId, Result result) {
        Target t = requireMayImport(actor, placeId);
        if (!result.fileProblems().isEmpty()) {
            throw new IllegalStateException("a file with problems cannot be imported");
        }
        ActivityService.LocalizedTextForm cancelled = reason("import.reason.cancelled");
        ActivityService.LocalizedTextForm moved = reason("import.reason.moved");
        List<Long> ids = new ArrayList<>();
        for (Row row : result.rows()) {
            if (!row.valid()) {
                continue;
            }
            if (!String.valueOf(placeId).equals(row.form().placeId)) {
                throw new IllegalStateException("row of another place");
            }
            long id = activities.create(actor, row.form());
            for (Adjustment a : row.adjustments()) {
                if (a.cancelled()) {
                    activities.cancelOccurrence(actor, id, a.date().toString(), cancelled);
                } else {
                    activities.moveOccurrence(actor, id, a.date().toString(), a.newDate().toString(),
                            a.newStart().toString(), a.newEnd().toString(), moved);
                }
            }
            ids.add(id);
        }
        audit.record(actor, "ACTIVITY_IMPORT", "place", placeId, t, null,
                Map.of("format", result.format().name(), "activities", ids, "rowsWithProblems", result.invalidCount()));
        return ids.size();
    }

    private ActivityService.LocalizedTextForm reason(String key) {
        return new ActivityService.LocalizedTextForm(messages.getMessage(key, null, Lang.FI.locale()),
                messages.getMessage(key, null, Lang.SV.locale()), messages.getMessage(key, null, Lang.EN.locale()));
    }

    /** The template CSV offered for download: the header and three example rows, UTF-8 with a BOM for Excel. */
    public static String csvTemplate() {
        return "\uFEFF" + String.join(";", CSV_COLUMNS) + "\r\n"
                + "Perhekahvila;Familjecafé;Family café;FAMILY_CAFE;ti;;;;2027-01-07;2027-05-28;9:30;11:30;;0;72;fi,sv;"
                + "kyllä;;;;ei;;;;Tervetuloa koko perhe!;Välkommen hela familjen!;Welcome, the whole family!;kyllä;kyllä\r\n"
                + "Vauvakahvila;;;BABY_CAFE;ma,to;parillinen;;;7.1.2027;28.5.2027;13:00;;90;0;12;fi;kyllä;;;;ei;;;;;;;"
                + "kyllä;kyllä\r\n"
                + "Isä-lapsi-ilta;;;EVENT;pe;;viimeinen;;2027-01-01;2027-05-31;17:30;19:00;;;;fi;ei;5 €;5 €;5 €;kyllä;"
                + "Ilmoittaudu ohjaajalle;;;;;;kyllä;kyllä\r\n";
    }
}
