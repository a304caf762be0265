package fi.kohtaamo.coordination.internal;

import fi.kohtaamo.audit.AuditLog;
import fi.kohtaamo.coordination.internal.ActionItemQueries.ActionItem;
import fi.kohtaamo.coordination.internal.GroupQueries.Group;
import fi.kohtaamo.coordination.internal.GroupQueries.Seat;
import fi.kohtaamo.coordination.internal.MeetingQueries.AgendaItem;
import fi.kohtaamo.coordination.internal.MeetingQueries.Meeting;
import fi.kohtaamo.coordination.internal.MeetingQueries.Participant;
import fi.kohtaamo.identity.StaffDirectory;
import fi.kohtaamo.shared.Actor;
import fi.kohtaamo.shared.FieldErrors;
import fi.kohtaamo.shared.Input;
import fi.kohtaamo.shared.KohtaamoException;
import fi.kohtaamo.shared.Target;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A meeting's cycle up to the meeting: create and change it (a change of an invited meeting is sent again with a
 * higher SEQUENCE), cancel it (METHOD:CANCEL), its agenda (the group's open action items are added automatically,
 * each linked to its action item), invitations and the answers given by a link. Checked at the meeting's group.
 */
@Service
public class MeetingService {

    static final ZoneId HELSINKI = ZoneId.of("Europe/Helsinki");
    /** The agenda item's link type of an action item carried forward. */
    static final String LINK_ACTION_ITEM = "ACTION_ITEM";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final MeetingQueries queries;
    private final ActionItemQueries actions;
    private final GroupQueries groupQueries;
    private final GroupService groups;
    private final StaffDirectory staff;
    private final MeetingMails mails;
    private final MessageSource messages;
    private final AuditLog audit;
    private final Clock clock;

    MeetingService(MeetingQueries queries, ActionItemQueries actions, GroupQueries groupQueries, GroupService groups,
            StaffDirectory staff, MeetingMails mails, MessageSource messages, AuditLog audit, Clock clock) {
        this.queries = queries;
        this.actions = actions;
        this.groupQueries = groupQueries;
        this.groups = groups;
        this.staff = staff;
        this.mails = mails;
        this.messages = messages;
        this.audit = audit;
        this.clock = clock;
    }

    public Meeting meeting(long id) {
        return queries.meeting(id).orElseThrow(() -> new KohtaamoException.NotFound("meeting " + id));
    }

    public static Target where(Group g) {
        return new Target(g.countyId(), g.scopeAreaId(), Set.of(), null);
    }

    /** The meeting and its group, checked for reading. */
    public Group requireRead(Actor actor, Meeting m) {
        return groups.requireRead(actor, m.groupId());
    }

    public Group requireWrite(Actor actor, Meeting m) {
        return groups.requireMeetings(actor, m.groupId());
    }

    // ---- the meeting ------------------------------------------------------------------------------

    public record MeetingForm(String kind, String title, String date, String startTime, String endDate, String endTime,
            String location, String onlineUrl, String trainingTopic, String version) {
    }

    record Checked(Kinds.MeetingKind kind, String title, Instant start, Instant end, String location, String onlineUrl,
            String trainingTopic, Integer version) {
    }

    static Checked check(MeetingForm f, boolean update) {
        FieldErrors errors = new FieldErrors();
        Input in = new Input(errors);
        Kinds.MeetingKind kind = in.choice("kind", f.kind(), Kinds.MeetingKind.class, true);
        String title = in.requiredLine("title", f.title(), 200);
        LocalDate date = in.date("date", f.date(), true);
        LocalTime start = in.time("startTime", f.startTime());
        LocalDate endDate = in.date("endDate", f.endDate(), false);
        LocalTime end = in.time("endTime", f.endTime());
        if (start == null && !errors.has("startTime")) {
            errors.add("startTime", "validation.required");
        }
        if (end == null && !errors.has("endTime")) {
            errors.add("endTime", "validation.required");
        }
        String location = in.line("location", f.location(), 300);
        String url = in.webAddress("onlineUrl", f.onlineUrl());
        if (url != null && url.length() > 500) {
            errors.add("onlineUrl", "validation.tooLong", 500);
        }
        Kinds.TrainingTopic topic = in.choice("trainingTopic", f.trainingTopic(), Kinds.TrainingTopic.class,
                kind == Kinds.MeetingKind.TRAINING);
        Integer version = update ? in.integer("version", f.version(), 0, Integer.MAX_VALUE, 0) : null;
        Instant s = null;
        Instant e = null;
        if (date != null && start != null && end != null) {
            s = date.atTime(start).atZone(HELSINKI).toInstant();
            e = (endDate == null ? date : endDate).atTime(end).atZone(HELSINKI).toInstant();
            if (!e.isAfter(s)) {
                errors.add("endTime", "coordination.validation.endBeforeStart");
            } else if (e.isAfter(s.plus(java.time.Duration.ofDays(7)))) {
                errors.add("endDate", "coordination.validation.tooLong");
            }
        }
        errors.throwIfAny();
        return new Checked(kind, title, s, e, location, url, kind == Kinds.MeetingKind.TRAINING ? topic.name() : null,
                version);
    }

    @Transactional
    public long create(Actor actor, long groupId, MeetingForm form) {
        Group g = groups.requireMeetings(actor, groupId);
        Checked c = check(form, false);
        long id = queries.insertMeeting(groupId, c.kind().name(), c.title(), c.start(), c.end(), c.location(),
                c.onlineUrl(), c.trainingTopic(), clock.instant());
        Meeting m = meeting(id);
        audit.recordNonPublic(actor, "COORDINATION_MEETING_CREATE", "coord_meeting", id, where(g), null, m);
        carryForward(actor, g, m);
        return id;
    }

    /** Changes a planned meeting; an invited meeting whose time or place changed is sent again (higher SEQUENCE). */
    @Transactional
    public void update(Actor actor, long meetingId, MeetingForm form) {
        Meeting before = meeting(meetingId);
        Group g = requireWrite(actor, before);
        Checked c = check(form, true);
        if (!queries.updateMeeting(meetingId, c.version(), c.kind().name(), c.title(), c.start(), c.end(), c.location(),
                c.onlineUrl(), c.trainingTopic(), clock.instant())) {
            throw new KohtaamoException.Conflict("stale", "meeting " + meetingId);
        }
        Meeting after = meeting(meetingId);
        audit.recordNonPublic(actor, "COORDINATION_MEETING_UPDATE", "coord_meeting", meetingId, where(g), before, after);
        boolean moved = !before.startsAt().equals(after.startsAt()) || !before.endsAt().equals(after.endsAt())
                || !Objects.equals(before.location(), after.location())
                || !Objects.equals(before.onlineUrl(), after.onlineUrl()) || !before.title().equals(after.title());
        if (before.invitedAt() != null && moved) {
            send(g, after);
        }
    }

    @Transactional
    public void cancel(Actor actor, long meetingId, String version) {
        Meeting before = meeting(meetingId);
        Group g = requireWrite(actor, before);
        int v = parseVersion(version);
        if (!queries.cancel(meetingId, v, clock.instant())) {
            throw new KohtaamoException.Conflict("stale", "meeting " + meetingId);
        }
        Meeting after = meeting(meetingId);
        audit.recordNonPublic(actor, "COORDINATION_MEETING_CANCEL", "coord_meeting", meetingId, where(g), before, after);
        if (before.invitedAt() != null) {
            mails.invite(g, after, queries.participants(meetingId), java.util.List.of(), true);
        }
    }

    public static int parseVersion(String raw) {
        FieldErrors errors = new FieldErrors();
        Integer v = new Input(errors).integer("version", raw, 0, Integer.MAX_VALUE, null);
        if (v == null) {
            throw new KohtaamoException.Conflict("stale", "no version");
        }
        return v;
    }

    // ---- invitations and answers ------------------------------------------------------------------

    /** Invites the group's seat holders (new ones added to those invited before) and sends everyone the invitation. */
    @Transactional
    public int invite(Actor actor, long meetingId) {
        Meeting m = meeting(meetingId);
        Group g = requireWrite(actor, m);
        if (m.cancelled() || !m.startsAt().isAfter(clock.instant())) {
            throw new KohtaamoException.Conflict("meeting-past", "meeting " + meetingId);
        }
        carryForward(actor, g, m);
        int sent = send(g, m);
        audit.recordNonPublic(actor, "COORDINATION_MEETING_INVITE", "coord_meeting", meetingId, where(g), m,
                meeting(meetingId));
        return sent;
    }

    private int send(Group g, Meeting m) {
        Instant now = clock.instant();
        for (Seat s : groupQueries.seats(g.id())) {
            if (s.userId() != null && queries.participant(m.id(), s.userId()).isEmpty()) {
                StaffDirectory.Person p = staff.person(s.userId()).orElse(null);
                if (p != null) {
                    queries.insertParticipant(m.id(), p.id(), p.name(), p.email(),
                            s.organisationId() != null ? s.organisationId() : p.organisationId(), null, token(), null, now);
                }
            }
        }
        queries.invited(m.id(), now);
        Meeting sentAs = meeting(m.id());
        var participants = queries.participants(m.id());
        mails.invite(g, sentAs, participants, queries.agenda(m.id()).stream().map(AgendaItem::title).toList(), false);
        return participants.size();
    }

    static String token() {
        byte[] b = new byte[24];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** The participant and meeting of an answer link; not found for an unknown or malformed token. */
    public record Invitation(Participant participant, Meeting meeting, Group group) {
    }

    public Invitation invitation(String token) {
        if (token == null || !token.matches("^[A-Za-z0-9_-]{32}$")) {
            throw new KohtaamoException.NotFound("token");
        }
        Participant p = queries.participantByToken(token).orElseThrow(() -> new KohtaamoException.NotFound("token"));
        Meeting m = meeting(p.meetingId());
        return new Invitation(p, m, groups.group(m.groupId()));
    }

    /** Records an answer given by the link (the token is the authority: no sign-in). */
    @Transactional
    public void answer(String token, String answer) {
        Invitation inv = invitation(token);
        FieldErrors errors = new FieldErrors();
        Kinds.Answer a = new Input(errors).choice("answer", answer, Kinds.Answer.class, true);
        errors.throwIfAny();
        if (inv.meeting().cancelled()) {
            throw new KohtaamoException.Conflict("meeting-cancelled", "meeting " + inv.meeting().id());
        }
        queries.answer(inv.participant().id(), a.name(), clock.instant());
        audit.recordNonPublic(null, "COORDINATION_MEETING_ANSWER", "coord_participant", inv.participant().id(),
                where(inv.group()), inv.participant().answer(), a.name());
    }

    // ---- agenda -----------------------------------------------------------------------------------

    public record AgendaForm(String title, String body, String presenter, String minutes, String version) {
    }

    @Transactional
    public long addAgendaItem(Actor actor, long meetingId, AgendaForm f) {
        Meeting m = meeting(meetingId);
        Group g = requireWrite(actor, m);
        FieldErrors errors = new FieldErrors();
        Input in = new Input(errors);
        String title = in.requiredLine("title", f.title(), 200);
        String body = in.paragraph("body", f.body(), 4000);
        String presenter = in.line("presenter", f.presenter(), 200);
        errors.throwIfAny();
        if (m.approved()) {
            throw new KohtaamoException.Conflict("minutes-approved", "meeting " + meetingId);
        }
        long id = queries.insertAgendaItem(meetingId, title, body, presenter, null, null, clock.instant());
        audit.recordNonPublic(actor, "COORDINATION_AGENDA_CREATE", "coord_agenda_item", id, where(g), null,
                queries.agendaItem(id).orElseThrow());
        return id;
    }

    /**
     * Adds the group's open action items not yet on the meeting's agenda (those decided in this very meeting stay
     * off it), each as an item linked to its action item: they come back meeting after meeting until done, whatever
     * the meetings' dates.
     */
    void carryForward(Actor actor, Group g, Meeting m) {
        if (m.cancelled() || m.approved()) {
            return;
        }
        for (ActionItem a : actions.openOfGroup(g.id())) {
            if (Objects.equals(a.meetingId(), m.id()) || queries.linked(m.id(), LINK_ACTION_ITEM, a.id())) {
                continue;
            }
            String title = messages.getMessage("coordination.agenda.carried", new Object[] {a.what()},
                    java.util.Locale.forLanguageTag(g.language()));
            long id = queries.insertAgendaItem(m.id(), title.length() > 200 ? title.substring(0, 199) + "…" : title,
                    null, a.ownerName(), LINK_ACTION_ITEM, a.id(), clock.instant());
            audit.recordNonPublic(actor, "COORDINATION_AGENDA_CARRIED", "coord_agenda_item", id, where(g), null,
                    Map.of("actionItem", a.id(), "meeting", m.id()));
        }
    }

    /** After the group's minutes are approved or an action item is added: carries open items to the next meeting. */
    void carryToNext(Actor actor, Group g, Instant after) {
        queries.nextMeeting(g.id(), after).ifPresent(next -> carryForward(actor, g, next));
    }
}
