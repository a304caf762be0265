package fi.kohtaamo.calendar.internal;

import fi.kohtaamo.audit.AuditLog;
import fi.kohtaamo.calendar.ScheduleChanged;
import fi.kohtaamo.registry.PlaceDeleted;
import fi.kohtaamo.shared.Target;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A place being deleted takes its activities with it, as each activity's own deletion does: announced first
 * ({@link ScheduleChanged} with {@code deleted}, so that outreach cancels their coming visits and monitoring may
 * refuse), then removed and audited, in the place's deletion transaction. (The database's cascade from the place
 * did this silently before.)
 */
@Component
class PlaceActivities {

    private final ActivityQueries queries;
    private final ActivityService activities;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    PlaceActivities(ActivityQueries queries, ActivityService activities, AuditLog audit, ApplicationEventPublisher events) {
        this.queries = queries;
        this.activities = activities;
        this.audit = audit;
        this.events = events;
    }

    @EventListener
    void placeDeleted(PlaceDeleted event) {
        for (ActivityQueries.Activity a : queries.activitiesOfPlace(event.placeId())) {
            Target t = activities.target(a.placeId(), a.organiserIds());
            events.publishEvent(new ScheduleChanged(Set.of(a.id()), null, true));
            queries.delete(a.id());
            audit.record(null, "ACTIVITY_DELETE", "activity", a.id(), t, a, null);
        }
    }
}
