package fi.kohtaamo.coordination;

import fi.kohtaamo.shared.Actor;
import java.time.Instant;
import java.util.Optional;

/**
 * What other modules may ask of coordination about an area's working group (seed 002: the providers of an area
 * form its working group, which plans their activity together, develops visitors' participation and follows the
 * activity up): which group it is, and its joint planning days as meetings of kind PLANNING_DAY.
 */
public interface WorkingGroupMeetings {

    /** A group as others name it. */
    record GroupRef(long id, long countyId, String name) {
    }

    /** A meeting as others see it. */
    record MeetingRef(long id, long groupId, String kind, String title, Instant startsAt, Instant endsAt,
            String location, boolean cancelled) {
    }

    /** The area's working group: the one covering only this area first, else one covering it with others. */
    Optional<GroupRef> workingGroupOfArea(long areaId);

    /**
     * Creates a meeting of kind PLANNING_DAY in the group, checked and audited as a meeting created on the group's
     * page ({@link CoordinationAction#MEETING_MANAGE} at the group); the group's open action items come onto its
     * agenda as for any meeting. Returns the meeting's id.
     */
    long createPlanningDay(Actor actor, long groupId, String title, Instant startsAt, Instant endsAt, String location);

    Optional<MeetingRef> meeting(long id);

    /**
     * Records a planning day's decision in the minutes of its PLANNING_DAY meeting: an agenda item linked to the
     * decision (linked type {@code PLANNING_DECISION}, the decision's id in the caller's module) with the text as a
     * decision of the meeting, added the first time (the minutes become a draft) and its title and text replaced when
     * the decision is edited later. Checked as a write of the meeting ({@link CoordinationAction#MEETING_MANAGE} at
     * the group) and audited; once the minutes are approved they are a record and a change is refused (409
     * {@code minutes-approved}), which rolls the caller's transaction back.
     */
    void recordPlanningDecision(Actor actor, long meetingId, long decisionId, String title, String text);
}
