package fi.kohtaamo.coordination.internal;

import fi.kohtaamo.audit.AuditLog;
import fi.kohtaamo.coordination.WorkingGroupMeetings;
import fi.kohtaamo.shared.Actor;
import fi.kohtaamo.shared.KohtaamoException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The working groups' planning days as other modules reach them: through the meeting service's own checks. */
@Component
class WorkingGroupMeetingsFacade implements WorkingGroupMeetings {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    /** The agenda item's link to a planning day's decision (participation's {@code planning_decision}). */
    static final String LINK_PLANNING_DECISION = "PLANNING_DECISION";

    private final MeetingService meetings;
    private final MeetingQueries queries;
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;

    WorkingGroupMeetingsFacade(MeetingService meetings, MeetingQueries queries, JdbcClient jdbc, AuditLog audit,
            Clock clock) {
        this.meetings = meetings;
        this.queries = queries;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public Optional<GroupRef> workingGroupOfArea(long areaId) {
        return jdbc.sql("""
                select g.id, g.county_id, g.name from coord_group g
                where g.kind = 'WORKING_GROUP'
                  and (g.scope_area_id = :a
                       or exists (select 1 from coord_group_area ga where ga.group_id = g.id and ga.area_id = :a))
                order by case when g.scope_area_id = :a then 0 else 1 end, g.id fetch first 1 rows only""")
                .param("a", areaId)
                .query((rs, n) -> new GroupRef(rs.getLong("id"), rs.getLong("county_id"), rs.getString("name")))
                .optional();
    }

    @Override
    @Transactional
    public long createPlanningDay(Actor actor, long groupId, String title, Instant startsAt,
            Instant endsAt, String location) {
        ZonedDateTime s = startsAt.atZone(MeetingService.HELSINKI);
        ZonedDateTime e = endsAt.atZone(MeetingService.HELSINKI);
        return meetings.create(actor, groupId, new MeetingService.MeetingForm(Kinds.MeetingKind.PLANNING_DAY.name(),
                title, s.toLocalDate().toString(), s.format(TIME), e.toLocalDate().toString(), e.format(TIME), location,
                null, null, null));
    }

    @Override
    public Optional<MeetingRef> meeting(long id) {
        return queries.meeting(id).map(m -> new MeetingRef(m.id(), m.groupId(), m.kind(), m.title(), m.startsAt(),
                m.endsAt(), m.location(), m.cancelled()));
    }

    @Override
    @Transactional
    public void recordPlanningDecision(Actor actor, long meetingId, long decisionId, String title, String text) {
        MeetingQueries.Meeting m = meetings.meeting(meetingId);
        GroupQueries.Group g = meetings.requireWrite(actor, m);
        if (!Kinds.MeetingKind.PLANNING_DAY.name().equals(m.kind())) {
            throw new KohtaamoException.Conflict("not-planning-day", "meeting " + meetingId);
        }
        if (m.approved()) {
            throw new KohtaamoException.Conflict("minutes-approved", "meeting " + meetingId);
        }
        Instant now = clock.instant();
        Optional<MeetingQueries.AgendaItem> item = queries.linkedItem(meetingId, LINK_PLANNING_DECISION, decisionId);
        if (item.isPresent()) {
            queries.replaceLinkedDecision(item.get().id(), title, text, now);
            audit.recordNonPublic(actor, "COORDINATION_DECISION_UPDATE", "coord_agenda_item", item.get().id(),
                    MeetingService.where(g), item.get(), Map.of("title", title, "text", text));
            return;
        }
        long itemId = queries.insertAgendaItem(meetingId, title, null, null, LINK_PLANNING_DECISION, decisionId, now);
        long id = queries.insertDecision(itemId, meetingId, text, now);
        if ("NONE".equals(m.minutesStatus())) {
            queries.setMinutesStatus(m.id(), m.version(), "DRAFT", null, now);
        }
        audit.recordNonPublic(actor, "COORDINATION_DECISION_CREATE", "coord_decision", id, MeetingService.where(g),
                null, Map.of("agendaItem", itemId, "text", text, "planningDecision", decisionId));
    }
}
