package fi.kohtaamo.coordination.internal;

import fi.kohtaamo.audit.AuditLog;
import fi.kohtaamo.coordination.internal.GroupQueries.Group;
import fi.kohtaamo.coordination.internal.MeetingQueries.AgendaItem;
import fi.kohtaamo.coordination.internal.MeetingQueries.Meeting;
import fi.kohtaamo.coordination.internal.signals.SignalQueries;
import fi.kohtaamo.coordination.internal.signals.SignalQueries.State;
import fi.kohtaamo.shared.Actor;
import fi.kohtaamo.shared.FieldErrors;
import fi.kohtaamo.shared.Input;
import fi.kohtaamo.shared.KohtaamoException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a secretary tidies before a meeting: removing an agenda item, moving it up or down (the order stays 1, 2, 3…),
 * and deleting a meeting that has not been held. Checked like every meeting write (a chair's or secretary's seat, or a
 * coordinator of the group's county or area), refused once the minutes are approved, audited.
 *
 * <p>A weak signal whose agenda item goes (with the item or its meeting) is no longer on an agenda: its link is
 * cleared and, when it was still "on the agenda", its state goes back to the one before, as a step of its history.
 * An invited meeting that is deleted is first cancelled the way {@link MeetingService#cancel} does, so everyone
 * invited gets the iCalendar {@code METHOD:CANCEL} with the next {@code SEQUENCE}.
 */
@Service
class MeetingHousekeeping {

    private final MeetingService meetings;
    private final MeetingQueries queries;
    private final SignalQueries signals;
    private final MeetingMails mails;
    private final AuditLog audit;
    private final Clock clock;

    MeetingHousekeeping(MeetingService meetings, MeetingQueries queries, SignalQueries signals, MeetingMails mails,
            AuditLog audit, Clock clock) {
        this.meetings = meetings;
        this.queries = queries;
        this.signals = signals;
        this.mails = mails;
        this.audit = audit;
        this.clock = clock;
    }

    private AgendaItem item(long itemId) {
        return queries.agendaItem(itemId).orElseThrow(() -> new KohtaamoException.NotFound("agenda item " + itemId));
    }

    /** Removes an item (its decisions with it; materials attached to it stay with the group). Returns the meeting. */
    @Transactional
    public long removeAgendaItem(Actor actor, long itemId, String version) {
        AgendaItem item = item(itemId);
        Meeting m = meetings.meeting(item.meetingId());
        Group g = meetings.requireWrite(actor, m);
        if (MeetingService.parseVersion(version) != item.version()) {
            throw new KohtaamoException.Conflict("stale", "agenda item " + itemId);
        }
        if (m.approved()) {
            throw new KohtaamoException.Conflict("minutes-approved", "meeting " + m.id());
        }
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("item", item);
        before.put("decisions", queries.decisions(m.id()).stream().filter(d -> d.agendaItemId() == itemId).toList());
        Instant now = clock.instant();
        releaseSignal(actor, g, item, now);
        queries.deleteAgendaItem(itemId);
        queries.renumber(m.id(), queries.agenda(m.id()).stream().map(AgendaItem::id).toList(), now);
        audit.recordNonPublic(actor, "COORDINATION_AGENDA_DELETE", "coord_agenda_item", itemId, MeetingService.where(g),
                before, null);
        return m.id();
    }

    /** Moves an item one place up or down; at either end nothing changes. Returns the meeting. */
    @Transactional
    public long moveAgendaItem(Actor actor, long itemId, String rawDirection) {
        AgendaItem item = item(itemId);
        Meeting m = meetings.meeting(item.meetingId());
        Group g = meetings.requireWrite(actor, m);
        FieldErrors errors = new FieldErrors();
        Kinds.Direction direction = new Input(errors).choice("direction", rawDirection, Kinds.Direction.class, true);
        errors.throwIfAny();
        if (m.approved()) {
            throw new KohtaamoException.Conflict("minutes-approved", "meeting " + m.id());
        }
        List<Long> order = new ArrayList<>(queries.agenda(m.id()).stream().map(AgendaItem::id).toList());
        int at = order.indexOf(itemId);
        int to = direction == Kinds.Direction.UP ? at - 1 : at + 1;
        if (to < 0 || to >= order.size()) {
            return m.id();
        }
        List<Long> before = List.copyOf(order);
        order.set(at, order.get(to));
        order.set(to, itemId);
        queries.renumber(m.id(), order, clock.instant());
        audit.recordNonPublic(actor, "COORDINATION_AGENDA_MOVE", "coord_agenda_item", itemId, MeetingService.where(g),
                Map.of("order", before), Map.of("order", order));
        return m.id();
    }

    /**
     * Deletes a meeting that has not been held: a coming one, or a cancelled one, without minutes. An invited coming
     * meeting is cancelled first, so the invitation is withdrawn in everyone's calendar. Returns the group.
     */
    @Transactional
    public long deleteMeeting(Actor actor, long meetingId, String version) {
        Meeting m = meetings.meeting(meetingId);
        Group g = meetings.requireWrite(actor, m);
        int v = MeetingService.parseVersion(version);
        if (v != m.version()) {
            throw new KohtaamoException.Conflict("stale", "meeting " + meetingId);
        }
        Instant now = clock.instant();
        if (!"NONE".equals(m.minutesStatus()) || (!m.cancelled() && !m.startsAt().isAfter(now))) {
            throw new KohtaamoException.Conflict("meeting-held", "meeting " + meetingId);
        }
        var participants = queries.participants(meetingId);
        if (m.invitedAt() != null && !m.cancelled()) {
            if (!queries.cancel(meetingId, v, now)) {
                throw new KohtaamoException.Conflict("stale", "meeting " + meetingId);
            }
            Meeting cancelled = meetings.meeting(meetingId);
            mails.invite(g, cancelled, participants, List.of(), true);
            v = cancelled.version();
        }
        for (AgendaItem item : queries.agenda(meetingId)) {
            releaseSignal(actor, g, item, now);
        }
        if (!queries.deleteMeeting(meetingId, v)) {
            throw new KohtaamoException.Conflict("stale", "meeting " + meetingId);
        }
        audit.recordNonPublic(actor, "COORDINATION_MEETING_DELETE", "coord_meeting", meetingId, MeetingService.where(g),
                Map.of("meeting", m, "participants", participants.size()), null);
        return g.id();
    }

    /** A signal taken up by this item is off the agenda again: back to its state before, in its history. */
    private void releaseSignal(Actor actor, Group g, AgendaItem item, Instant now) {
        if (!AgendaLinks.LINK_SIGNAL.equals(item.linkedType()) || item.linkedId() == null) {
            return;
        }
        var signal = signals.signal(item.linkedId()).orElse(null);
        if (signal == null || !Objects.equals(signal.agendaItemId(), item.id())) {
            return;
        }
        signals.clearAgendaItem(signal.id());
        if (signal.state() != State.ON_AGENDA) {
            return;
        }
        List<SignalQueries.Handling> steps = signals.handlings(signal.id());
        State previous = State.NEW;
        for (int i = steps.size() - 2; i >= 0; i--) {
            if (steps.get(i).state() != State.ON_AGENDA) {
                previous = steps.get(i).state();
                break;
            }
        }
        if (!signals.handle(signal.id(), signal.version(), previous, null, null, signal.handlingAreaId(), actor.id(),
                actor.name(), now)) {
            throw new KohtaamoException.Conflict("stale", "signal " + signal.id());
        }
        audit.recordNonPublic(actor, "SIGNAL_OFF_AGENDA", "weak_signal", signal.id(), MeetingService.where(g), signal,
                signals.signal(signal.id()).orElseThrow());
    }
}
