package fi.kohtaamo.coordination.internal;

import fi.kohtaamo.coordination.WorkingGroupMeetings;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The working groups' planning days as other modules reach them: through the meeting service's own checks. */
@Component
class WorkingGroupMeetingsFacade implements WorkingGroupMeetings {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final MeetingService meetings;
    private final MeetingQueries queries;
    private final JdbcClient jdbc;

    WorkingGroupMeetingsFacade(MeetingService meetings, MeetingQueries queries, JdbcClient jdbc) {
        this.meetings = meetings;
        this.queries = queries;
        this.jdbc = jdbc;
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
    public long createPlanningDay(fi.kohtaamo.shared.Actor actor, long groupId, String title, Instant startsAt,
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
}
