package fi.kohtaamo.participation.internal.planning;

import fi.kohtaamo.registry.PlaceDeleted;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A deleted place's planning days stay (what was decided is the area's history); the place and its calendar event,
 * deleted with it by the calendar, are cleared from them in the deleting transaction.
 */
@Component
class PlanningPlaceDeletions {

    private final PlanningQueries queries;

    PlanningPlaceDeletions(PlanningQueries queries) {
        this.queries = queries;
    }

    @EventListener
    void placeDeleted(PlaceDeleted event) {
        queries.clearPlace(event.placeId());
    }
}
