package fi.kohtaamo.monitoring.internal;

import fi.kohtaamo.calendar.ActivityCalendar;
import fi.kohtaamo.calendar.ScheduleChanged;
import fi.kohtaamo.registry.PlaceDeleted;
import fi.kohtaamo.shared.KohtaamoException;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The rule for counts when what they count is deleted: a place or an activity with recorded visit counts cannot be
 * deleted. The counts are the statistics of every report (past years included), and they would be lost or left
 * pointing nowhere; staff unpublish the place or end the activity's season instead. The deletion is refused in its
 * own transaction by throwing ({@code has-counts}, 409 with a translated page), so nothing of it is kept: neither
 * the calendar's nor outreach's part. (Before, a place's deletion removed its counts and monthly sums by the
 * database's cascade, and an activity's left its counts without their activity.)
 */
@Component
class CountedRecords {

    private final CountQueries queries;
    private final ActivityCalendar calendar;

    CountedRecords(CountQueries queries, ActivityCalendar calendar) {
        this.queries = queries;
        this.calendar = calendar;
    }

    @EventListener
    void placeDeleted(PlaceDeleted event) {
        if (queries.anyOfPlace(event.placeId())) {
            throw new KohtaamoException.Conflict("has-counts", "place " + event.placeId());
        }
    }

    @EventListener
    void scheduleChanged(ScheduleChanged event) {
        if (!event.deleted()) {
            return;
        }
        for (long id : event.activityIds()) {
            // the activity still exists while the event is handled
            if (calendar.activity(id).filter(a -> queries.anyOfActivity(a.placeId(), id)).isPresent()) {
                throw new KohtaamoException.Conflict("has-counts", "activity " + id);
            }
        }
    }
}
