package fi.kohtaamo.coordination.internal;

import static fi.kohtaamo.coordination.internal.MeetingService.where;

import fi.kohtaamo.audit.AuditLog;
import fi.kohtaamo.coordination.internal.ActionItemQueries.ActionItem;
import fi.kohtaamo.coordination.internal.GroupQueries.Group;
import fi.kohtaamo.coordination.internal.MeetingQueries.AgendaItem;
import fi.kohtaamo.coordination.internal.MeetingQueries.Meeting;
import fi.kohtaamo.coordination.internal.MeetingQueries.Participant;
import fi.kohtaamo.identity.StaffDirectory;
import fi.kohtaamo.registry.Registry;
import fi.kohtaamo.shared.Actor;
import fi.kohtaamo.shared.FieldErrors;
import fi.kohtaamo.shared.Input;
import fi.kohtaamo.shared.KohtaamoException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What is recorded at and after a meeting: minutes per agenda item, decisions, attendance (per person, their
 * organisation and, for trainings, their place), action items with their owners and status, approving the minutes
 * (mailed to the members; the group's next meeting then carries the open action items), and the annual goals.
 */
@Service
public class MinutesService {

    private final MeetingService meetings;
    private final MeetingQueries queries;
    private final ActionItemQueries actions;
    private final GroupQueries groupQueries;
    private final GroupService groups;
    private final StaffDirectory staff;
    private final Registry registry;
    private final MeetingMails mails;
    private final AuditLog audit;
    private final Clock clock;

    MinutesService(MeetingService meetings, MeetingQueries queries, ActionItemQueries actions, GroupQueries groupQueries,
            GroupService groups, StaffDirectory staff, Registry registry, MeetingMails mails, AuditLog audit, Clock clock) {
        this.meetings = meetings;
        this.queries = queries;
        this.actions = actions;
        this.groupQueries = groupQueries;
        this.groups = groups;
        this.staff = staff;
        this.registry = registry;
        this.mails = mails;
        this.audit = audit;
        this.clock = clock;
    }

    private Meeting writable(Meeting m) {
        if (m.approved()) {
            throw new KohtaamoException.Conflict("minutes-approved", "meeting " + m.id());
        }
        return m;
    }

    /** Saves an agenda item's text and minutes (minutes make the meeting's minutes a draft). */
    @Transactional
    public void saveAgendaItem(Actor actor, long itemId, MeetingService.AgendaForm f) {
        AgendaItem before = queries.agendaItem(itemId).orElseThrow(() -> new KohtaamoException.NotFound("item " + itemId));
        Meeting m = meetings.meeting(before.meetingId());
        Group g = meetings.requireWrite(actor, m);
        FieldErrors errors = new FieldErrors();
        Input in = new Input(errors);
        String title = in.requiredLine("title", f.title(), 200);
        String body = in.paragraph("body", f.body(), 4000);
        String presenter = in.line("presenter", f.presenter(), 200);
        String minutes = in.paragraph("minutes", f.minutes(), 8000);
        Integer version = in.integer("version", f.version(), 0, Integer.MAX_VALUE, 0);
        errors.throwIfAny();
        writable(m);
        if (!queries.updateAgendaItem(itemId, version, title, body, presenter, minutes, clock.instant())) {
            throw new KohtaamoException.Conflict("stale", "item " + itemId);
        }
        if (minutes != null && "NONE".equals(m.minutesStatus())) {
            queries.setMinutesStatus(m.id(), m.version(), "DRAFT", null, clock.instant());
        }
        audit.recordNonPublic(actor, "COORDINATION_AGENDA_UPDATE", "coord_agenda_item", itemId, where(g), before,
                queries.agendaItem(itemId).orElseThrow());
    }

    @Transactional
    public long addDecision(Actor actor, long itemId, String text) {
        AgendaItem item = queries.agendaItem(itemId).orElseThrow(() -> new KohtaamoException.NotFound("item " + itemId));
        Meeting m = meetings.meeting(item.meetingId());
        Group g = meetings.requireWrite(actor, m);
        FieldErrors errors = new FieldErrors();
        String t = new Input(errors).requiredLine("decision", text, 2000);
        errors.throwIfAny();
        writable(m);
        long id = queries.insertDecision(itemId, m.id(), t, clock.instant());
        audit.recordNonPublic(actor, "COORDINATION_DECISION_CREATE", "coord_decision", id, where(g), null,
                Map.of("agendaItem", itemId, "text", t));
        return id;
    }

    // ---- action items -----------------------------------------------------------------------------

    public record ActionForm(String what, String ownerName, String ownerOrganisationId, String dueOn) {
    }

    /** An action item decided at a meeting: what, an owner (a person's name, an organisation, or both), due date. */
    @Transactional
    public long addActionItem(Actor actor, long meetingId, ActionForm f) {
        Meeting m = meetings.meeting(meetingId);
        Group g = meetings.requireWrite(actor, m);
        FieldErrors errors = new FieldErrors();
        Input in = new Input(errors);
        String what = in.requiredLine("what", f.what(), 1000);
        String ownerName = in.line("ownerName", f.ownerName(), 200);
        Long org = in.id("ownerOrganisationId", f.ownerOrganisationId(), false);
        if (org != null && !registry.countyOfOrganisation(org).map(c -> c == g.countyId()).orElse(false)) {
            errors.add("ownerOrganisationId", "validation.choice");
        }
        if (ownerName == null && org == null && !errors.has("ownerName") && !errors.has("ownerOrganisationId")) {
            errors.add("ownerName", "coordination.validation.ownerRequired");
        }
        LocalDate due = in.date("dueOn", f.dueOn(), false);
        errors.throwIfAny();
        writable(m);
        long id = actions.insert(g.id(), g.countyId(), meetingId, what, null, ownerName, org, due, clock.instant());
        audit.recordNonPublic(actor, "COORDINATION_ACTION_CREATE", "coord_action_item", id, where(g), null,
                actions.item(id).orElseThrow());
        return id;
    }

    /** Sets an action item's status; the group's coming meeting carries it while it is open. */
    @Transactional
    public void setActionStatus(Actor actor, long actionId, String status, String version) {
        ActionItem before = actions.item(actionId).orElseThrow(() -> new KohtaamoException.NotFound("action " + actionId));
        Group g = groups.requireMeetings(actor, before.groupId());
        FieldErrors errors = new FieldErrors();
        Input in = new Input(errors);
        Kinds.ActionStatus st = in.choice("status", status, Kinds.ActionStatus.class, true);
        Integer v = in.integer("version", version, 0, Integer.MAX_VALUE, 0);
        errors.throwIfAny();
        if (!actions.updateStatus(actionId, v, st.name(), clock.instant())) {
            throw new KohtaamoException.Conflict("stale", "action " + actionId);
        }
        audit.recordNonPublic(actor, "COORDINATION_ACTION_STATUS", "coord_action_item", actionId, where(g), before,
                actions.item(actionId).orElseThrow());
    }

    // ---- attendance -------------------------------------------------------------------------------

    /**
     * Records who attended: {@code attended} holds the participant ids present, {@code places} a participant's place
     * (trainings are counted per organisation and place); a guest (name and organisation) is added as present.
     */
    @Transactional
    public void saveAttendance(Actor actor, long meetingId, List<String> attended, Map<Long, String> places,
            String guestName, String guestOrganisationId) {
        Meeting m = meetings.meeting(meetingId);
        Group g = meetings.requireWrite(actor, m);
        FieldErrors errors = new FieldErrors();
        Input in = new Input(errors);
        String guest = in.line("guestName", guestName, 200);
        Long guestOrg = in.id("guestOrganisationId", guestOrganisationId, false);
        if (guestOrg != null && registry.organisation(guestOrg).isEmpty()) {
            errors.add("guestOrganisationId", "validation.choice");
        }
        Map<Long, Long> placeOf = new LinkedHashMap<>();
        places.forEach((pid, raw) -> {
            Long place = in.id("place-" + pid, raw, false);
            if (place != null && registry.placeTarget(place).map(t -> t.countyId() == g.countyId()).orElse(false)) {
                placeOf.put(pid, place);
            } else if (place != null) {
                errors.add("place-" + pid, "validation.choice");
            }
        });
        if (m.startsAt().isAfter(clock.instant())) {
            errors.add("attended", "coordination.validation.notYetHeld");
        }
        errors.throwIfAny();
        List<Participant> before = queries.participants(meetingId);
        Instant now = clock.instant();
        for (Participant p : before) {
            queries.attended(p.id(), attended != null && attended.contains(String.valueOf(p.id())), placeOf.get(p.id()), now);
        }
        if (guest != null) {
            queries.insertParticipant(meetingId, null, guest, null, guestOrg, null, MeetingService.token(), true, now);
        }
        audit.recordNonPublic(actor, "COORDINATION_ATTENDANCE", "coord_meeting", meetingId, where(g), before,
                queries.participants(meetingId));
    }

    // ---- approving ----------------------------------------------------------------------------------

    /** Approves the minutes: mailed to the group's members and participants; open action items go to the next meeting. */
    @Transactional
    public void approve(Actor actor, long meetingId, String version) {
        Meeting m = meetings.meeting(meetingId);
        Group g = meetings.requireWrite(actor, m);
        int v = MeetingService.parseVersion(version);
        if (m.cancelled() || m.startsAt().isAfter(clock.instant())) {
            throw new KohtaamoException.Conflict("meeting-not-held", "meeting " + meetingId);
        }
        writable(m);
        Instant now = clock.instant();
        if (!queries.setMinutesStatus(meetingId, v, "APPROVED", now, now)) {
            throw new KohtaamoException.Conflict("stale", "meeting " + meetingId);
        }
        Meeting after = meetings.meeting(meetingId);
        // public minutes change what the public page shows: this write moves the public data version
        audit.record(actor, "COORDINATION_MINUTES_APPROVE", "coord_meeting", meetingId, where(g), m, after);
        Map<Long, StaffDirectory.Person> to = new LinkedHashMap<>();
        for (GroupQueries.Seat s : groupQueries.seats(g.id())) {
            if (s.userId() != null) {
                staff.person(s.userId()).ifPresent(p -> to.putIfAbsent(p.id(), p));
            }
        }
        for (Participant p : queries.participants(meetingId)) {
            if (p.userId() != null) {
                staff.person(p.userId()).ifPresent(x -> to.putIfAbsent(x.id(), x));
            }
        }
        mails.minutesApproved(g, after, List.copyOf(to.values()));
        meetings.carryToNext(actor, g, after.startsAt());
    }

    // ---- goals ------------------------------------------------------------------------------------

    @Transactional
    public long saveGoal(Actor actor, long groupId, Long goalId, String year, String goal, String done, String version) {
        Group g = groups.requireMeetings(actor, groupId);
        ActionItemQueries.Goal before = goalId == null ? null : actions.goal(goalId).filter(x -> x.groupId() == groupId)
                .orElseThrow(() -> new KohtaamoException.NotFound("goal " + goalId));
        FieldErrors errors = new FieldErrors();
        Input in = new Input(errors);
        Integer y = before != null ? Integer.valueOf(before.year()) : in.integer("year", year, 2000, 2100, null);
        if (y == null && !errors.has("year")) {
            errors.add("year", "validation.required");
        }
        String text = in.requiredLine("goal", goal, 1000);
        String doneText = in.paragraph("done", done, 2000);
        Integer v = before == null ? null : in.integer("version", version, 0, Integer.MAX_VALUE, 0);
        errors.throwIfAny();
        long id;
        if (before == null) {
            id = actions.insertGoal(groupId, y, text, doneText, clock.instant());
        } else {
            if (!actions.updateGoal(goalId, v, text, doneText, clock.instant())) {
                throw new KohtaamoException.Conflict("stale", "goal " + goalId);
            }
            id = goalId;
        }
        audit.recordNonPublic(actor, before == null ? "COORDINATION_GOAL_CREATE" : "COORDINATION_GOAL_UPDATE",
                "coord_goal", id, where(g), before, actions.goal(id).orElseThrow());
        return id;
    }
}
