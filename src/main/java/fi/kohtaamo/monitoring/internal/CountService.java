package fi.kohtaamo.monitoring.internal;

import fi.kohtaamo.audit.AuditLog;
import fi.kohtaamo.calendar.ActivityCalendar;
import fi.kohtaamo.monitoring.MonitoringAction;
import fi.kohtaamo.monitoring.ServiceTypes;
import fi.kohtaamo.monitoring.internal.CountQueries.Count;
import fi.kohtaamo.monitoring.internal.CountQueries.Figures;
import fi.kohtaamo.registry.Registry;
import fi.kohtaamo.shared.AccessControl;
import fi.kohtaamo.shared.Actor;
import fi.kohtaamo.shared.FieldErrors;
import fi.kohtaamo.shared.Input;
import fi.kohtaamo.shared.KohtaamoException;
import fi.kohtaamo.shared.LocalizedText;
import fi.kohtaamo.shared.Target;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recording visit counts: what can be counted at a place on a day (the occurrences of its activities
 * that took place, and the open day), checking the figures, storing one count per occurrence or open
 * day (a second one is a correction of the first, with optimistic locking), and the audit log. Counts
 * are not public, so they do not move the public data version.
 */
@Service
public class CountService {

    static final ZoneId HELSINKI = ZoneId.of("Europe/Helsinki");
    static final int MAX_PEOPLE = 2000;
    static final int MAX_HELPERS = 500;

    private final CountQueries queries;
    private final Registry registry;
    private final ActivityCalendar calendar;
    private final AuditLog audit;
    private final ServiceTypes types;
    private final Clock clock;

    public CountService(CountQueries queries, Registry registry, ActivityCalendar calendar, AuditLog audit,
            ServiceTypes types, Clock clock) {
        this.queries = queries;
        this.registry = registry;
        this.calendar = calendar;
        this.audit = audit;
        this.types = types;
        this.clock = clock;
    }

    /**
     * The service types a count at the place may tally: those of the place's county offered for new tallies, and the
     * ones a count being corrected already has (a type deactivated since keeps its figures), in the county's order.
     */
    List<ServiceTypes.ServiceType> serviceTypes(long placeId, Count existing) {
        return offered(typesOfCounty(placeId), existing);
    }

    /** Every service type of the place's county, active or not. */
    List<ServiceTypes.ServiceType> typesOfCounty(long placeId) {
        Long county = target(placeId).countyId();
        return county == null ? List.of() : types.all(county);
    }

    static List<ServiceTypes.ServiceType> offered(List<ServiceTypes.ServiceType> all, Count existing) {
        return all.stream().filter(t -> t.active() || (existing != null && existing.referrals().containsKey(t.code())))
                .toList();
    }

    /** The codes of a list of types. */
    static Set<String> codes(List<ServiceTypes.ServiceType> types) {
        Set<String> out = new java.util.LinkedHashSet<>();
        types.forEach(t -> out.add(t.code()));
        return out;
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(HELSINKI));
    }

    /** Where the counts of a place sit: the place with its organisers. */
    Target target(long placeId) {
        return registry.placeTarget(placeId).orElseThrow(() -> new KohtaamoException.NotFound("place " + placeId));
    }

    public void requireRecord(Actor actor, long placeId) {
        AccessControl.require(actor, MonitoringAction.COUNT_RECORD, target(placeId));
    }

    public List<Registry.StaffPlace> places(Actor actor) {
        if (!AccessControl.mayEver(actor, MonitoringAction.COUNT_RECORD)) {
            throw new KohtaamoException.Forbidden("COUNT_RECORD");
        }
        return registry.placesInScope(AccessControl.scope(actor, MonitoringAction.COUNT_RECORD));
    }

    /**
     * Something to count on a day: an occurrence of an activity (subject = its id), or the open day of the
     * place (subject 0, no activity).
     */
    public record Countable(long subject, LocalizedText name, String time, LocalDate date, Count count) {

        public boolean openDay() {
            return subject == 0;
        }

        /**
         * The row's key in the month grid: subject/ISO date. Written here, never in the template, where an object
         * joined to text is formatted by the page's locale (a date became 1.10.2026 or 10/1/26).
         */
        public String key() {
            return subject + "/" + date;
        }
    }

    /** The occurrences that took place at the place in [from, to] (not cancelled), by day and time. */
    List<Countable> occurrences(long placeId, LocalDate from, LocalDate to) {
        List<Countable> out = new ArrayList<>();
        for (ActivityCalendar.ActivityRef a : calendar.activitiesOfPlace(placeId)) {
            if (a.seasonEnd().isBefore(from.minusDays(92)) || a.seasonStart().isAfter(to.plusDays(92))) {
                continue;
            }
            for (ActivityCalendar.OccurrenceRef o : calendar.occurrences(a.id(), from.minusDays(92), to.plusDays(92))) {
                LocalDate day = o.start().toLocalDate();
                if (!o.cancelled() && !day.isBefore(from) && !day.isAfter(to)) {
                    out.add(new Countable(a.id(), a.name(), TIME.format(o.start()) + "–" + TIME.format(o.end()), day, null));
                }
            }
        }
        out.sort(Comparator.comparing(Countable::date).thenComparing(Countable::time));
        return out;
    }

    static final java.time.format.DateTimeFormatter TIME = java.time.format.DateTimeFormatter.ofPattern("H.mm");

    /** What can be counted at the place on the day, with what has been counted: occurrences, then the open day. */
    public List<Countable> day(Actor actor, long placeId, LocalDate date) {
        requireRecord(actor, placeId);
        Map<Long, Count> counted = new java.util.HashMap<>();
        for (Count c : queries.countsOfPlace(placeId, date, date)) {
            counted.put(c.activityId() == null ? 0L : c.activityId(), c);
        }
        List<Countable> out = new ArrayList<>();
        for (Countable o : occurrences(placeId, date, date)) {
            out.add(new Countable(o.subject(), o.name(), o.time(), date, counted.remove(o.subject())));
        }
        Count openDay = counted.remove(0L);
        if (openDay != null || open(placeId, date)) {
            // the open day is offered only on a day the place is open (a count made before stays correctable)
            out.add(new Countable(0, LocalizedText.EMPTY, null, date, openDay));
        }
        // counts of activities that no longer take place that day stay visible, to be corrected
        for (Count c : counted.values()) {
            out.add(new Countable(c.activityId(), calendar.activity(c.activityId()).map(ActivityCalendar.ActivityRef::name)
                    .orElse(LocalizedText.EMPTY), null, date, c));
        }
        return out;
    }

    /** Whether the place is open on the day by its opening hours (the period valid that day). */
    boolean open(long placeId, LocalDate date) {
        return registry.openingHours(placeId, date).stream().anyMatch(h -> h.weekday() == date.getDayOfWeek());
    }

    /** One countable at the place on the day, checked to exist (the occurrence took place that day). */
    public Countable countable(Actor actor, long placeId, long subject, LocalDate date) {
        return day(actor, placeId, date).stream().filter(c -> c.subject() == subject).findFirst()
                .orElseThrow(() -> new KohtaamoException.NotFound("countable " + placeId + "/" + subject + "/" + date));
    }

    /** The checked figures and referrals of a form (keys: the field names, {@code ref.<CODE>}), by code. */
    record Checked(Figures figures, Map<String, Integer> referrals) {
    }

    /** Checks a form's figures and its referrals to the service types of {@code codes} (other ref. fields are ignored). */
    static Checked check(Map<String, String> form, String prefix, Set<String> codes, FieldErrors errors) {
        Input in = new Input(errors);
        int[] v = new int[Figures.FIELDS.size()];
        for (int i = 0; i < v.length; i++) {
            String field = Figures.FIELDS.get(i);
            int max = field.equals("volunteers") || field.equals("staff") ? MAX_HELPERS : MAX_PEOPLE;
            Integer n = in.integer(prefix + field, form.get(prefix + field), 0, max, 0);
            v[i] = n == null ? 0 : n;
        }
        Figures f = Figures.of(v);
        if (!errors.has(prefix + "firstTimeFamilies") && !errors.has(prefix + "adults") && f.firstTimeFamilies() > f.adults()) {
            errors.add(prefix + "firstTimeFamilies", "monitoring.validation.firstTimeOverAdults");
        }
        Map<String, Integer> referrals = new java.util.TreeMap<>();
        int referred = 0;
        for (String s : codes) {
            String key = prefix + "ref." + s;
            Integer n = in.integer(key, form.get(key), 0, MAX_HELPERS, 0);
            if (n != null && n > 0) {
                referrals.put(s, n);
                referred += n;
            }
        }
        if (referred > f.adults() && !errors.has(prefix + "adults")) {
            errors.add(prefix + "ref." + referrals.keySet().iterator().next(), "monitoring.validation.referralsOverAdults");
        }
        return new Checked(f, referrals);
    }

    /**
     * Stores the count of an occurrence or open day: a new one, or (with the version the form was read at)
     * a correction. The day must not be in the future.
     */
    @Transactional
    public long save(Actor actor, long placeId, long subject, LocalDate date, Map<String, String> form) {
        requireRecord(actor, placeId);
        FieldErrors errors = new FieldErrors();
        if (date.isAfter(today())) {
            errors.add("date", "monitoring.validation.future").throwIfAny();
        }
        if (subject == 0 && queries.count(placeId, 0, date).isEmpty() && !open(placeId, date)) {
            errors.add("date", "monitoring.validation.closed").throwIfAny();
        }
        Countable c = countable(actor, placeId, subject, date);
        Checked checked = check(form, "", codes(serviceTypes(placeId, c.count())), errors);
        errors.throwIfAny();
        return store(actor, placeId, c, form.get("version"), checked);
    }

    private long store(Actor actor, long placeId, Countable c, String version, Checked checked) {
        Long activity = c.openDay() ? null : c.subject();
        Target where = target(placeId);
        if (c.count() == null) {
            if (version != null && !version.isBlank()) {
                // the form was a correction of a count that has since been removed: stale
                throw new KohtaamoException.Conflict("stale", "count");
            }
            try {
                long id = queries.insert(placeId, activity, c.date(), checked.figures(), checked.referrals(), false,
                        clock.instant());
                audit.recordNonPublic(actor, "COUNT_CREATE", "visit_count", id, where, null,
                        queries.count(placeId, c.subject(), c.date()).orElseThrow());
                return id;
            } catch (DuplicateKeyException e) {
                // someone else counted the same occurrence a moment ago
                throw new KohtaamoException.Conflict("stale", "count");
            }
        }
        if (version == null || !version.equals(String.valueOf(c.count().version()))) {
            throw new KohtaamoException.Conflict("stale", "count " + c.count().id());
        }
        if (!queries.update(c.count().id(), c.count().version(), checked.figures(), checked.referrals(), clock.instant())) {
            throw new KohtaamoException.Conflict("stale", "count " + c.count().id());
        }
        audit.recordNonPublic(actor, "COUNT_UPDATE", "visit_count", c.count().id(), where, c.count(),
                queries.count(placeId, c.subject(), c.date()).orElseThrow());
        return c.count().id();
    }

    /** A row of the month grid: an occurrence or a counted open day, with its count. */
    public List<Countable> month(Actor actor, long placeId, YearMonth month) {
        requireRecord(actor, placeId);
        LocalDate from = month.atDay(1);
        LocalDate to = month.atEndOfMonth().isAfter(today()) ? today() : month.atEndOfMonth();
        if (to.isBefore(from)) {
            return List.of();
        }
        Map<String, Count> counted = new java.util.HashMap<>();
        for (Count c : queries.countsOfPlace(placeId, from, to)) {
            counted.put((c.activityId() == null ? 0L : c.activityId()) + "/" + c.date(), c);
        }
        List<Countable> out = new ArrayList<>();
        for (Countable o : occurrences(placeId, from, to)) {
            out.add(new Countable(o.subject(), o.name(), o.time(), o.date(), counted.remove(o.subject() + "/" + o.date())));
        }
        for (Count c : counted.values()) {
            out.add(new Countable(c.activityId() == null ? 0 : c.activityId(), c.activityId() == null ? LocalizedText.EMPTY
                    : calendar.activity(c.activityId()).map(ActivityCalendar.ActivityRef::name).orElse(LocalizedText.EMPTY),
                    null, c.date(), c));
        }
        out.sort(Comparator.comparing(Countable::date).thenComparing(c -> c.time() == null ? "" : c.time()));
        return out;
    }

    /**
     * Saves the rows of a month grid that were filled in or changed, all or nothing: every row is checked
     * before any is stored (row fields are {@code r<n>.<field>}, with {@code r<n>.key} = subject/date and
     * {@code r<n>.version}). Returns how many rows were stored.
     */
    @Transactional
    public int saveMonth(Actor actor, long placeId, YearMonth month, Map<String, String> form) {
        List<Countable> rows = month(actor, placeId, month);
        Map<String, Countable> byKey = new java.util.HashMap<>();
        rows.forEach(r -> byKey.put(r.key(), r));
        FieldErrors errors = new FieldErrors();
        record Pending(Countable row, String version, Checked checked) {
        }
        List<Pending> pending = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<ServiceTypes.ServiceType> countyTypes = typesOfCounty(placeId);
        for (int i = 0; i < 400 && form.containsKey("r" + i + ".key"); i++) {
            String prefix = "r" + i + ".";
            Countable row = byKey.get(form.get(prefix + "key"));
            if (row == null || !seen.add(form.get(prefix + "key"))) {
                errors.add(prefix + "key", "monitoring.validation.noSuchRow");
                continue;
            }
            boolean blank = Figures.FIELDS.stream().allMatch(f -> form.getOrDefault(prefix + f, "").isBlank());
            if (blank && row.count() == null) {
                continue;
            }
            Checked checked = check(form, prefix, codes(offered(countyTypes, row.count())), errors);
            if (row.count() != null && form.keySet().stream().noneMatch(k -> k.startsWith(prefix + "ref."))) {
                // the grid has no referral columns: a correction keeps the referrals counted at the door
                checked = new Checked(checked.figures(), row.count().referrals());
            }
            if (row.count() != null && checked.figures().equals(row.count().figures())) {
                continue;
            }
            pending.add(new Pending(row, form.get(prefix + "version"), checked));
        }
        errors.throwIfAny();
        for (Pending p : pending) {
            store(actor, placeId, p.row(), p.version(), p.checked());
        }
        return pending.size();
    }

    /**
     * Stores the rows of a checked import, all of them or none: the file is read and checked again here,
     * in the transaction, and nothing is stored if any row has a problem now.
     */
    @Transactional
    public int importRows(Actor actor, long placeId, CountImport importer, byte[] file) {
        requireRecord(actor, placeId);
        CountImport.Result result = importer.read(placeId, file);
        if (!result.usable()) {
            throw new KohtaamoException.Conflict("stale", "import");
        }
        List<Long> ids = new ArrayList<>();
        java.time.Instant now = clock.instant();
        for (CountImport.Line line : result.lines()) {
            ids.add(queries.insert(placeId, line.subject() == 0 ? null : line.subject(), line.date(), line.figures(),
                    line.referrals(), false, now));
        }
        audit.recordNonPublic(actor, "COUNT_IMPORT", "visit_count", ids.isEmpty() ? "-" : ids.get(0), target(placeId), null,
                Map.of("place", placeId, "rows", ids.size(), "ids", ids));
        return ids.size();
    }

    Optional<Count> count(long placeId, long subject, LocalDate date) {
        return queries.count(placeId, subject, date);
    }
}
