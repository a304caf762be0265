package fi.kohtaamo.calendar;

import java.util.Set;

/**
 * Published inside the writing transaction when occurrences may have changed: an activity was
 * edited, paused, had an occurrence cancelled, moved or restored, or is about to be deleted (its rows
 * still exist when listeners run); or the school holidays of a municipality changed. Listeners (e.g.
 * outreach, whose visits sit on occurrences) re-plan what they hold.
 *
 * @param activityIds      the activities concerned (empty for a municipality's school holidays)
 * @param municipalityCode the municipality whose school holidays changed, or null
 * @param deleted          whether the activities are being deleted
 */
public record ScheduleChanged(Set<Long> activityIds, String municipalityCode, boolean deleted) {

    public ScheduleChanged {
        activityIds = Set.copyOf(activityIds);
    }

    public static ScheduleChanged activity(long id) {
        return new ScheduleChanged(Set.of(id), null, false);
    }
}
