package fi.kohtaamo.calendar.internal.imports;

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
import fi.kohtaamo.shared.Lang;
import fi.kohtaamo.shared.Target;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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
    private final CsvActivityRows csvRows;
    private final IcsActivityRows icsRows = new IcsActivityRows();

    public ActivityImport(ActivityService activities, AuditLog audit, MessageSource messages) {
        this.activities = activities;
        this.audit = audit;
        this.messages = messages;
        this.csvRows = new CsvActivityRows(this::kind);
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
        return ics ? icsRows.read(placeId, text, options) : csvRows.read(placeId, text, options);
    }

    static Result failed(Format format, Problem p) {
        return new Result(format, List.of(), List.of(p));
    }

    /** A fresh form with what the options give every row. */
    static ActivityForm base(long placeId, Options o) {
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
    static ActivityCommand check(ActivityForm f, Map<String, String> where, Set<String> alreadyReported,
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

    static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
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

