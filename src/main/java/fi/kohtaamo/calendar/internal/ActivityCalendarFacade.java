package fi.kohtaamo.calendar.internal;

import fi.kohtaamo.calendar.internal.rules.Occurrence;
import fi.kohtaamo.calendar.internal.rules.OccurrencePlanner;
import fi.kohtaamo.calendar.internal.rules.Plan;

import fi.kohtaamo.calendar.ActivityCalendar;
import fi.kohtaamo.registry.Registry;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/** The calendar as other modules see it: activities and occurrences planned by the one planner. */
@Component
class ActivityCalendarFacade implements ActivityCalendar {

    private final ActivityQueries queries;
    private final CalendarService calendar;
    private final Registry registry;

    ActivityCalendarFacade(ActivityQueries queries, CalendarService calendar, Registry registry) {
        this.queries = queries;
        this.calendar = calendar;
        this.registry = registry;
    }

    @Override
    public List<PublicSession> publicSessions(SessionQuery q, LocalDate from, LocalDate to) {
        CalendarFilter filter = new CalendarFilter(null, q.municipalityCode(), null, null, q.weekdays(), null,
                q.childAgeMonths(), null, q.language(), Set.of(), false);
        return calendar.occurrences(filter, from, to).stream().map(e -> new PublicSession(e.activity().id(),
                e.activity().name(), e.activity().kind(), List.copyOf(e.activity().languages()), e.place(),
                e.occurrence().start(), e.occurrence().end(),
                e.occurrence().status() == Occurrence.Status.CANCELLED)).toList();
    }

    static ActivityRef ref(ActivityQueries.Activity a) {
        return new ActivityRef(a.id(), a.placeId(), a.kind(), a.name(), Set.copyOf(a.organiserIds()),
                List.copyOf(a.languages()), a.published(), a.schedule().seasonStart(), a.schedule().seasonEnd());
    }

    @Override
    public Optional<ActivityRef> activity(long id) {
        return queries.activity(id).map(ActivityCalendarFacade::ref);
    }

    @Override
    public List<ActivityRef> activitiesOfPlace(long placeId) {
        return queries.activitiesOfPlace(placeId).stream().map(ActivityCalendarFacade::ref)
                .sorted(Comparator.comparing(r -> r.name().fi())).toList();
    }

    @Override
    public List<OccurrenceRef> occurrences(long activityId, LocalDate from, LocalDate to) {
        Optional<ActivityQueries.Activity> a = queries.activity(activityId);
        if (a.isEmpty()) {
            return List.of();
        }
        Optional<Registry.StaffPlace> place = registry.staffPlace(a.get().placeId());
        if (place.isEmpty()) {
            return List.of();
        }
        return calendar.occurrencesOf(a.get(), place.get().municipalityCode(), from, to).stream()
                .map(o -> new OccurrenceRef(activityId, o.originalDate(), o.start(), o.end(), o.cancelled(),
                        o.status() == Occurrence.Status.MOVED))
                .toList();
    }

    @Override
    public java.util.Map<Long, List<OccurrenceRef>> occurrencesOfPlaces(java.util.Map<Long, String> municipalityByPlace,
            LocalDate from, LocalDate to) {
        java.util.Map<Long, List<OccurrenceRef>> out = new java.util.HashMap<>();
        List<Long> places = List.copyOf(municipalityByPlace.keySet());
        for (int i = 0; i < places.size(); i += 1000) {
            List<ActivityQueries.Activity> activities = queries.activitiesOfPlaces(places.subList(i,
                    Math.min(places.size(), i + 1000))).stream()
                    .filter(a -> !a.schedule().seasonEnd().isBefore(from.minusDays(CalendarService.MAX_DAYS))
                            && !a.schedule().seasonStart().isAfter(to.plusDays(CalendarService.MAX_DAYS)))
                    .toList();
            if (activities.isEmpty()) {
                continue;
            }
            List<Long> ids = activities.stream().map(ActivityQueries.Activity::id).toList();
            var changes = queries.changes(ids, from.minusDays(CalendarService.MAX_DAYS), to.plusDays(CalendarService.MAX_DAYS));
            var pauses = queries.pauses(ids, from, to);
            var holidays = queries.schoolHolidays(new java.util.HashSet<>(municipalityByPlace.values()), from, to);
            for (ActivityQueries.Activity a : activities) {
                String municipality = municipalityByPlace.get(a.placeId());
                Plan plan = CalendarService.plan(a, municipality, changes.getOrDefault(a.id(), List.of()),
                        pauses.getOrDefault(a.id(), List.of()), holidays);
                List<OccurrenceRef> list = out.computeIfAbsent(a.placeId(), k -> new java.util.ArrayList<>());
                for (Occurrence o : OccurrencePlanner.plan(plan, from, to)) {
                    list.add(new OccurrenceRef(a.id(), o.originalDate(), o.start(), o.end(), o.cancelled(),
                            o.status() == Occurrence.Status.MOVED));
                }
            }
        }
        return out;
    }

    @Override
    public Optional<OccurrenceRef> occurrence(long activityId, LocalDate originalDate) {
        return occurrences(activityId, originalDate.minusDays(CalendarService.MAX_DAYS),
                originalDate.plusDays(CalendarService.MAX_DAYS)).stream()
                .filter(o -> o.originalDate().equals(originalDate)).findFirst();
    }

    @Override
    public java.util.Map<Long, List<PlannedActivity>> plannedActivitiesOfPlaces(
            java.util.Map<Long, String> municipalityByPlace, LocalDate from, LocalDate to) {
        java.util.Map<Long, List<PlannedActivity>> out = new java.util.HashMap<>();
        List<Long> places = List.copyOf(municipalityByPlace.keySet());
        for (int i = 0; i < places.size(); i += 1000) {
            List<ActivityQueries.Activity> activities = queries.activitiesOfPlacesBetween(places.subList(i,
                    Math.min(places.size(), i + 1000)), from, to);
            if (activities.isEmpty()) {
                continue;
            }
            List<Long> ids = activities.stream().map(ActivityQueries.Activity::id).toList();
            var changes = queries.changes(ids, from.minusDays(CalendarService.MAX_DAYS), to.plusDays(CalendarService.MAX_DAYS));
            var pauses = queries.pauses(ids, from, to);
            var holidays = queries.schoolHolidays(new java.util.HashSet<>(municipalityByPlace.values()), from, to);
            for (ActivityQueries.Activity a : activities) {
                Plan plan = CalendarService.plan(a, municipalityByPlace.get(a.placeId()),
                        changes.getOrDefault(a.id(), List.of()), pauses.getOrDefault(a.id(), List.of()), holidays);
                List<OccurrenceRef> occurrences = OccurrencePlanner.plan(plan, from, to).stream()
                        .map(o -> new OccurrenceRef(a.id(), o.originalDate(), o.start(), o.end(), o.cancelled(),
                                o.status() == Occurrence.Status.MOVED))
                        .toList();
                out.computeIfAbsent(a.placeId(), k -> new java.util.ArrayList<>()).add(new PlannedActivity(ref(a),
                        a.ageMinMonths(), a.ageMaxMonths(), a.schedule().start(), a.schedule().durationMinutes(),
                        occurrences));
            }
        }
        return out;
    }

    @Override
    public java.util.Set<LocalDate> publicHolidays(LocalDate from, LocalDate to) {
        java.util.Set<LocalDate> out = new java.util.TreeSet<>();
        for (LocalDate d = from; !d.isAfter(to) && !d.isAfter(from.plusYears(2)); d = d.plusDays(1)) {
            if (fi.kohtaamo.calendar.internal.rules.FinnishHolidays.on(d).isPresent()) {
                out.add(d);
            }
        }
        return out;
    }
}
