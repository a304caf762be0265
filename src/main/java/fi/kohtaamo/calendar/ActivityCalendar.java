package fi.kohtaamo.calendar;

import fi.kohtaamo.shared.LocalizedText;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** What other modules may ask of the calendar: activities and their occurrences as families see them. */
public interface ActivityCalendar {

    /** An activity, published or not. */
    record ActivityRef(long id, long placeId, ActivityKind kind, LocalizedText name, Set<Long> organiserIds,
            List<String> languages, boolean published, LocalDate seasonStart, LocalDate seasonEnd) {
    }

    /**
     * One occurrence, planned exactly as the public calendar plans it.
     *
     * @param originalDate the date the rule gives it (what identifies it)
     */
    record OccurrenceRef(long activityId, LocalDate originalDate, ZonedDateTime start, ZonedDateTime end,
            boolean cancelled, boolean moved) {
    }

    Optional<ActivityRef> activity(long id);

    /** The place's activities, published or not, by name. */
    List<ActivityRef> activitiesOfPlace(long placeId);

    /** The activity's occurrences in [from, to] (cancelled ones too); empty when there is no such activity. */
    List<OccurrenceRef> occurrences(long activityId, LocalDate from, LocalDate to);

    /**
     * Every occurrence (cancelled ones too) in [from, to] of the activities, published or not, of many
     * places at once, by place id: for reports. Loads in bulk (a handful of queries whatever the number).
     *
     * @param municipalityByPlace each place's municipality code (school holidays are per municipality)
     */
    java.util.Map<Long, List<OccurrenceRef>> occurrencesOfPlaces(java.util.Map<Long, String> municipalityByPlace,
            LocalDate from, LocalDate to);

    /** The occurrence the rule gives on {@code originalDate}, wherever it was moved; empty when there is none. */
    Optional<OccurrenceRef> occurrence(long activityId, LocalDate originalDate);

    /**
     * What a family looks for in the public calendar; null or empty parts mean "any".
     *
     * @param childAgeMonths the child's age: activities whose ages do not include it are left out
     * @param language a language of activity (ISO 639-1)
     */
    record SessionQuery(String municipalityCode, Integer childAgeMonths, String language,
            Set<java.time.DayOfWeek> weekdays) {

        public SessionQuery {
            weekdays = weekdays == null ? Set.of() : Set.copyOf(weekdays);
        }
    }

    /** A session as the public calendar shows it: a published activity at a published place, on one day. */
    record PublicSession(long activityId, LocalizedText name, ActivityKind kind, List<String> languages,
            fi.kohtaamo.registry.PlaceInfo place, ZonedDateTime start, ZonedDateTime end, boolean cancelled) {
    }

    /**
     * The sessions the public calendar shows for the query in [from, to] (at most 92 days), in time order, planned
     * exactly as there: pauses, public and school holidays and staff's changes applied, cancelled sessions included
     * (flagged), the same filters.
     */
    List<PublicSession> publicSessions(SessionQuery query, LocalDate from, LocalDate to);

    /**
     * An activity with what planning compares: its children's ages (months, null = no bound), its local start time
     * and duration, and its occurrences in the window asked (cancelled ones too, flagged).
     */
    record PlannedActivity(ActivityRef activity, Integer ageMinMonths, Integer ageMaxMonths,
            java.time.LocalTime startTime, int durationMinutes, List<OccurrenceRef> occurrences) {
    }

    /**
     * The activities (published or not) of many places whose season overlaps [from, to], each with its occurrences
     * in [from, to] planned by the one planner (public and school holidays, even/odd weeks, pauses, staff's changes),
     * by place id. Loads in bulk, like {@link #occurrencesOfPlaces}.
     */
    java.util.Map<Long, List<PlannedActivity>> plannedActivitiesOfPlaces(java.util.Map<Long, String> municipalityByPlace,
            LocalDate from, LocalDate to);

    /**
     * The days in [from, to] on which a new activity would not be held by default: Finnish public holidays, Midsummer
     * Eve and Christmas Eve (the planner's own list; school holidays depend on the activity and are not included).
     */
    java.util.Set<LocalDate> publicHolidays(LocalDate from, LocalDate to);
}
