package fi.kohtaamo.calendar.internal;

import fi.kohtaamo.calendar.internal.rules.Change;
import fi.kohtaamo.calendar.internal.rules.DateRange;
import fi.kohtaamo.calendar.internal.rules.Occurrence;
import fi.kohtaamo.calendar.internal.rules.OccurrencePlanner;
import fi.kohtaamo.calendar.internal.rules.Pause;
import fi.kohtaamo.calendar.internal.rules.Plan;
import fi.kohtaamo.calendar.internal.rules.Schedule;

import fi.kohtaamo.calendar.OccurrenceNotes;
import fi.kohtaamo.registry.PlaceCriteria;
import fi.kohtaamo.registry.PlaceInfo;
import fi.kohtaamo.registry.Registry;
import java.time.LocalDate;
import fi.kohtaamo.shared.LocalizedText;
import fi.kohtaamo.shared.PublicDataCache;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * The public calendar: which activities run when, for any filter and date range. Loads the
 * activities of the matching places, plans each one's occurrences (rule, holidays, school holidays,
 * pauses, single changes) and applies the activity-level filters. Results are kept in the
 * {@link PublicDataCache} by filter and dates (so a popular week is computed once per change of the
 * data); the lists returned are unmodifiable and shared.
 */
@Service
public class CalendarService {

    /** Longest range one request may ask for, so that no request can make the server expand years of data. */
    public static final int MAX_DAYS = 92;

    private final ActivityQueries queries;
    private final Registry registry;
    private final PublicDataCache cache;
    /** Looked up when used: the modules that add notes use the calendar themselves. */
    private final org.springframework.beans.factory.ObjectProvider<OccurrenceNotes> noteSources;

    /** Weeks planned (each places' week once per data version): how much computing the public calendar costs. */
    private final io.micrometer.core.instrument.Counter weeksPlanned;

    public CalendarService(ActivityQueries queries, Registry registry, PublicDataCache cache,
            org.springframework.beans.factory.ObjectProvider<OccurrenceNotes> noteSources,
            io.micrometer.core.instrument.MeterRegistry meters) {
        this.weeksPlanned = io.micrometer.core.instrument.Counter.builder("kohtaamo.calendar.weeks.planned")
                .description("Weeks of the public calendar planned (per places and week, once per data version)")
                .register(meters);
        this.queries = queries;
        this.registry = registry;
        this.cache = cache;
        this.noteSources = noteSources;
    }

    private record Key(String what, CalendarFilter filter, LocalDate from, LocalDate to) {
    }

    /**
     * One occurrence of an activity at a place.
     *
     * @param notes what other modules tell the public about this occurrence ({@link OccurrenceNotes}),
     *              e.g. a professional's visit
     */
    public record Entry(ActivityQueries.Activity activity, PlaceInfo place, Occurrence occurrence,
            List<LocalizedText> notes) {

        public Entry {
            notes = notes == null ? List.of() : List.copyOf(notes);
        }
    }

    /** An activity with its place, for the list of series. */
    public record Series(ActivityQueries.Activity activity, PlaceInfo place) {
    }

    /** The activities that match, with their places. */
    public List<Series> series(CalendarFilter filter, LocalDate from, LocalDate to) {
        return cache.get(new Key("series", filter, from, to), () -> List.copyOf(computeSeries(filter, from, to)));
    }

    private List<Series> computeSeries(CalendarFilter filter, LocalDate from, LocalDate to) {
        Map<Long, PlaceInfo> places = places(filter);
        Set<Long> orgScope = organisationScope(filter);
        List<Series> out = new ArrayList<>();
        for (ActivityQueries.Activity a : queries.activitiesBetween(from, to, places.keySet())) {
            PlaceInfo place = places.get(a.placeId());
            if (place != null && matches(a, place, filter, orgScope)) {
                out.add(new Series(a, place));
            }
        }
        Comparator<Series> nearFirst = Comparator.comparing((Series s) -> filter.metresTo(s.place()),
                Comparator.nullsLast(Comparator.naturalOrder()));
        Comparator<Series> none = (a, b) -> 0;
        out.sort((filter.near() == null ? none : nearFirst).thenComparing((Series s) -> s.activity().schedule().seasonStart().isAfter(from)
                        ? s.activity().schedule().seasonStart() : from)
                .thenComparing(s -> s.activity().schedule().start())
                .thenComparing(s -> s.activity().name().fi()));
        return out;
    }

    /**
     * Every occurrence in [from, to] (cancelled ones included, with their reason), in time order. Assembled from
     * the weeks of the filter's places ({@link #week}): each week of a municipality is planned once per data
     * version and shared by every filter, language and range that touches it (the next address a family opens,
     * a filter chosen, a week starting on another day), and only the activity and occurrence filters are
     * applied here.
     */
    public List<Entry> occurrences(CalendarFilter filter, LocalDate from, LocalDate to) {
        CalendarFilter places = placesOf(filter);
        boolean narrowed = !places.equals(filter);
        Set<Long> orgScope = organisationScope(filter);
        List<Entry> out = new ArrayList<>();
        for (LocalDate monday = from.with(java.time.DayOfWeek.MONDAY); !monday.isAfter(to); monday = monday.plusWeeks(1)) {
            for (Entry e : week(places, monday)) {
                LocalDate date = e.occurrence().date();
                if (date.isBefore(from) || date.isAfter(to)) {
                    continue;
                }
                if (!narrowed || (matches(e.activity(), e.place(), filter, orgScope)
                        && matchesOccurrence(e.occurrence(), filter))) {
                    out.add(e);
                }
            }
        }
        if (filter.near() != null) {
            // near me: each day's occurrences nearest first, then in time order
            out.sort(Comparator.comparing((Entry e) -> e.occurrence().date())
                    .thenComparing(e -> filter.metresTo(e.place()), Comparator.nullsLast(Comparator.naturalOrder()))
                    .thenComparing(e -> e.occurrence().start()).thenComparing(e -> e.place().name().fi())
                    .thenComparing(e -> e.activity().id()));
        }
        return java.util.Collections.unmodifiableList(out);
    }

    /**
     * The one county whose places the filter's answers show (a place, a municipality or an area of one county), or
     * null (the nation, several counties, none): the county of {@link fi.kohtaamo.shared.PublicResponses#keep(Long)}.
     */
    public Long countyOf(CalendarFilter filter) {
        Long county = null;
        for (PlaceInfo p : places(filter).values()) {
            if (county != null && county != p.countyId()) {
                return null;
            }
            county = p.countyId();
        }
        return county;
    }

    /** The part of a filter that chooses the places; the rest filters the planned occurrences. */
    static CalendarFilter placesOf(CalendarFilter f) {
        return new CalendarFilter(f.areaId(), f.municipalityCode(), f.placeId(), null, Set.of(), null, null, null, null,
                f.accessibility(), false, null);
    }

    /**
     * The occurrences of the places' published activities in the week from Monday to Sunday, in time order:
     * kept per places and week until the data change. Each occurrence is in the week of its (new) date, so
     * the weeks of a range, put one after the other, are the range in time order.
     */
    private List<Entry> week(CalendarFilter places, LocalDate monday) {
        LocalDate sunday = monday.plusDays(6);
        return cache.get(new Key("week", places, monday, sunday), () -> {
            weeksPlanned.increment();
            return List.copyOf(computeOccurrences(places, monday, sunday));
        });
    }

    private List<Entry> computeOccurrences(CalendarFilter filter, LocalDate from, LocalDate to) {
        List<Series> series = series(filter, from, to);
        if (series.isEmpty()) {
            return List.of();
        }
        List<Long> ids = series.stream().map(s -> s.activity().id()).toList();
        Map<Long, List<ActivityQueries.ChangeRow>> changes = queries.changes(ids, from.minusDays(MAX_DAYS),
                to.plusDays(MAX_DAYS));
        Map<Long, List<ActivityQueries.PauseRow>> pauses = queries.pauses(ids, from, to);
        Set<String> municipalities = new HashSet<>();
        series.forEach(s -> municipalities.add(s.place().municipalityCode()));
        List<ActivityQueries.SchoolHoliday> holidays = queries.schoolHolidays(municipalities, from, to);
        Map<Long, Map<LocalDate, List<LocalizedText>>> notes = notes(ids, from.minusDays(MAX_DAYS), to.plusDays(MAX_DAYS));
        List<Entry> out = new ArrayList<>();
        for (Series s : series) {
            Plan plan = plan(s.activity(), s.place().municipalityCode(), changes.getOrDefault(s.activity().id(), List.of()),
                    pauses.getOrDefault(s.activity().id(), List.of()), holidays);
            Map<LocalDate, List<LocalizedText>> own = notes.getOrDefault(s.activity().id(), Map.of());
            for (Occurrence o : OccurrencePlanner.plan(plan, from, to)) {
                out.add(new Entry(s.activity(), s.place(), o,
                        o.cancelled() ? List.of() : own.getOrDefault(o.originalDate(), List.of())));
            }
        }
        out.sort(Comparator.comparing((Entry e) -> e.occurrence().start())
                .thenComparing(e -> e.place().name().fi()).thenComparing(e -> e.activity().id()));
        return out;
    }

    /**
     * A matching series with every occurrence of its whole season, unfiltered (cancelled and moved ones
     * too), and the public notes of its occurrences by original date.
     */
    public record SeasonPlan(Series series, List<Occurrence> occurrences, Map<LocalDate, List<LocalizedText>> notes) {

        public SeasonPlan {
            notes = notes == null ? Map.of() : Map.copyOf(notes);
        }
    }

    /** The public notes of other modules, merged, by activity and original date. */
    private Map<Long, Map<LocalDate, List<LocalizedText>>> notes(List<Long> activityIds, LocalDate from, LocalDate to) {
        if (activityIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, Map<LocalDate, List<LocalizedText>>> out = new HashMap<>();
        for (OccurrenceNotes source : (Iterable<OccurrenceNotes>) noteSources.orderedStream()::iterator) {
            source.notes(activityIds, from, to).forEach((activity, byDate) -> byDate.forEach((date, texts) ->
                    out.computeIfAbsent(activity, k -> new HashMap<>()).computeIfAbsent(date, k -> new ArrayList<>())
                            .addAll(texts)));
        }
        return out;
    }

    /**
     * The series that match and overlap [from, to], each planned over its whole season (plus
     * {@link #MAX_DAYS} on both sides, for occurrences moved out of it), for feeds: a feed writes a
     * series as one rule for its whole season, so its exceptions must cover the whole season too.
     * The occurrence filters (weekday, time of day) are not applied; see {@link #matchesOccurrence}.
     */
    public List<SeasonPlan> seasons(CalendarFilter filter, LocalDate from, LocalDate to) {
        return cache.get(new Key("seasons", filter, from, to), () -> List.copyOf(computeSeasons(filter, from, to)));
    }

    private List<SeasonPlan> computeSeasons(CalendarFilter filter, LocalDate from, LocalDate to) {
        List<Series> series = series(filter, from, to);
        if (series.isEmpty()) {
            return List.of();
        }
        LocalDate first = series.stream().map(s -> s.activity().schedule().seasonStart()).min(Comparator.naturalOrder())
                .orElseThrow().minusDays(MAX_DAYS);
        LocalDate last = series.stream().map(s -> s.activity().schedule().seasonEnd()).max(Comparator.naturalOrder())
                .orElseThrow().plusDays(MAX_DAYS);
        List<Long> ids = series.stream().map(s -> s.activity().id()).toList();
        Map<Long, List<ActivityQueries.ChangeRow>> changes = queries.changes(ids, first, last);
        Map<Long, List<ActivityQueries.PauseRow>> pauses = queries.pauses(ids, first, last);
        Set<String> municipalities = new HashSet<>();
        series.forEach(s -> municipalities.add(s.place().municipalityCode()));
        List<ActivityQueries.SchoolHoliday> holidays = queries.schoolHolidays(municipalities, first, last);
        Map<Long, Map<LocalDate, List<LocalizedText>>> notes = notes(ids, first, last);
        List<SeasonPlan> out = new ArrayList<>(series.size());
        for (Series s : series) {
            Plan plan = plan(s.activity(), s.place().municipalityCode(), changes.getOrDefault(s.activity().id(), List.of()),
                    pauses.getOrDefault(s.activity().id(), List.of()), holidays);
            Schedule sc = s.activity().schedule();
            out.add(new SeasonPlan(s, OccurrencePlanner.plan(plan, sc.seasonStart().minusDays(MAX_DAYS),
                    sc.seasonEnd().plusDays(MAX_DAYS)), notes.getOrDefault(s.activity().id(), Map.of())));
        }
        return out;
    }

    /**
     * The occurrences of one activity in [from, to], published or not, planned exactly as the public
     * calendar plans them (for staff pages, so that what staff see is what families see).
     */
    public List<Occurrence> occurrencesOf(ActivityQueries.Activity a, String municipalityCode, LocalDate from,
            LocalDate to) {
        List<Long> ids = List.of(a.id());
        Plan plan = plan(a, municipalityCode,
                queries.changes(ids, from.minusDays(MAX_DAYS), to.plusDays(MAX_DAYS)).getOrDefault(a.id(), List.of()),
                queries.pauses(ids, from, to).getOrDefault(a.id(), List.of()),
                queries.schoolHolidays(Set.of(municipalityCode), from, to));
        return OccurrencePlanner.plan(plan, from, to);
    }

    static Plan plan(ActivityQueries.Activity a, String municipalityCode, List<ActivityQueries.ChangeRow> changeRows,
            List<ActivityQueries.PauseRow> pauseRows, List<ActivityQueries.SchoolHoliday> holidays) {
        Map<LocalDate, Change> changes = new HashMap<>();
        for (ActivityQueries.ChangeRow c : changeRows) {
            changes.put(c.originalDate(), "CANCELLED".equals(c.kind()) ? Change.cancelled(c.reason())
                    : Change.moved(c.newDate(), c.newStart(), c.newDurationMinutes(), c.reason()));
        }
        List<Pause> pauses = pauseRows.stream().map(p -> new Pause(DateRange.of(p.start(), p.end()), p.reason()))
                .toList();
        String language = a.schoolLanguage() == null ? "fi" : a.schoolLanguage();
        List<DateRange> school = holidays.stream()
                .filter(h -> h.municipalityCode().equals(municipalityCode))
                .filter(h -> h.schoolLanguage() == null || h.schoolLanguage().equals(language))
                .map(h -> DateRange.of(h.start(), h.end())).toList();
        return new Plan(a.schedule(), a.pausesOnHolidays(), a.followsSchoolHolidays(), school, pauses, changes);
    }

    private Map<Long, PlaceInfo> places(CalendarFilter f) {
        return registry.publicPlaces(new PlaceCriteria(f.areaId(), f.municipalityCode(), f.placeId(), f.accessibility(),
                null));
    }

    private Set<Long> organisationScope(CalendarFilter f) {
        return f.organisationId() == null ? null : registry.organisationWithDescendants(f.organisationId());
    }

    static boolean matches(ActivityQueries.Activity a, PlaceInfo place, CalendarFilter f, Set<Long> orgScope) {
        if (f.kind() != null && a.kind() != f.kind()) {
            return false;
        }
        if (f.language() != null && !a.languages().contains(f.language())) {
            return false;
        }
        if (f.freeOnly() && !a.freeOfCharge()) {
            return false;
        }
        if (f.childAgeMonths() != null) {
            int age = f.childAgeMonths();
            if ((a.ageMinMonths() != null && age < a.ageMinMonths()) || (a.ageMaxMonths() != null && age > a.ageMaxMonths())) {
                return false;
            }
        }
        if (orgScope != null) {
            boolean organised = a.organiserIds().stream().anyMatch(orgScope::contains)
                    || place.organiserIds().stream().anyMatch(orgScope::contains);
            if (!organised) {
                return false;
            }
        }
        return true;
    }

    public static boolean matchesOccurrence(Occurrence o, CalendarFilter f) {
        if (!f.weekdays().isEmpty() && !f.weekdays().contains(o.date().getDayOfWeek())) {
            return false;
        }
        return f.timeOfDay() == null || CalendarFilter.TimeOfDay.of(o.start().toLocalTime()) == f.timeOfDay();
    }
}
