package fi.kohtaamo.coordination.internal;

import fi.kohtaamo.identity.AccountChanged;
import fi.kohtaamo.registry.PlaceDeleted;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What coordination does when other modules change their records, inside their transaction: an account's seats are
 * checked against the account (a disabled account, or one moved out of the seat's organisation, leaves its seat
 * vacant), and a deleted place is no longer named on attendance rows.
 */
@Component
class CoordinationListeners {

    private final GroupService groups;
    private final MeetingQueries meetings;

    CoordinationListeners(GroupService groups, MeetingQueries meetings) {
        this.groups = groups;
        this.meetings = meetings;
    }

    @EventListener
    void accountChanged(AccountChanged e) {
        groups.checkSeatsOf(e.userId());
    }

    @EventListener
    void placeDeleted(PlaceDeleted e) {
        meetings.forgetPlace(e.placeId());
    }
}
