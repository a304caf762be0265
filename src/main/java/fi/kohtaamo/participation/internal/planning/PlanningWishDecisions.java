package fi.kohtaamo.participation.internal.planning;

import fi.kohtaamo.calendar.ActivityCalendar;
import fi.kohtaamo.participation.internal.wishes.WishDecisions;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Tells the wishes board which wishes a planning day's decision answered (only its published event is linked). */
@Component
class PlanningWishDecisions implements WishDecisions {

    private final PlanningQueries queries;
    private final ActivityCalendar calendar;

    PlanningWishDecisions(PlanningQueries queries, ActivityCalendar calendar) {
        this.queries = queries;
        this.calendar = calendar;
    }

    @Override
    public Map<Long, Answered> of(Collection<Long> wishIds) {
        Map<Long, Answered> out = new HashMap<>();
        queries.decisionsOfWishes(wishIds).forEach((wish, d) -> {
            Long activity = d.activityId() != null && calendar.activity(d.activityId())
                    .filter(ActivityCalendar.ActivityRef::published).isPresent() ? d.activityId() : null;
            out.put(wish, new Answered(wish, d.startsAt(), activity));
        });
        return out;
    }
}
