package fi.kohtaamo.participation.internal.wishes;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/**
 * The planning days' decisions that answer wishes, as the wishes board shows them ("answered by the decision of
 * the planning day of 12.11.2026", linking the day's event in the family calendar). Implemented by the planning
 * days ({@code internal.planning}), which depend on the wishes, never the other way round.
 */
public interface WishDecisions {

    /** The planning day whose decision answers a wish: when it was, and its calendar event (null if gone). */
    record Answered(long wishId, Instant day, Long activityId) {
    }

    /** For each of the wishes answered by a decision, the latest such decision. */
    Map<Long, Answered> of(Collection<Long> wishIds);
}
