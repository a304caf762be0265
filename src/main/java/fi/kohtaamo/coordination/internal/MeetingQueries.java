package fi.kohtaamo.coordination.internal;

import static fi.kohtaamo.coordination.internal.GroupQueries.instant;
import static fi.kohtaamo.coordination.internal.GroupQueries.nullableLong;
import static fi.kohtaamo.coordination.internal.GroupQueries.utc;

import fi.kohtaamo.shared.Scope;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/** SQL of meetings, their agenda items, decisions and participants. Runs on PostgreSQL and H2. */
@Component
public class MeetingQueries {

    public record Meeting(long id, long groupId, String kind, String title, Instant startsAt, Instant endsAt,
            String location, String onlineUrl, String trainingTopic, String status, String minutesStatus,
            Instant approvedAt, int icsSequence, Instant invitedAt, int version) {

        public boolean cancelled() {
            return "CANCELLED".equals(status);
        }

        public boolean approved() {
            return "APPROVED".equals(minutesStatus);
        }
    }

    public record AgendaItem(long id, long meetingId, int position, String title, String body, String presenter,
            String linkedType, Long linkedId, String minutes, int version) {
    }

    public record Decision(long id, long agendaItemId, long meetingId, String text) {
    }

    public record Participant(long id, long meetingId, Long userId, String name, String email, Long organisationId,
            Long placeId, String token, String answer, Boolean attended, int version) {
    }

    private final JdbcClient jdbc;

    MeetingQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static final String COLUMNS = """
            m.id, m.group_id, m.kind, m.title, m.starts_at, m.ends_at, m.location, m.online_url, m.training_topic,
            m.status, m.minutes_status, m.approved_at, m.ics_sequence, m.invited_at, m.version""";

    private static Meeting meeting(ResultSet rs, int n) throws SQLException {
        return new Meeting(rs.getLong("id"), rs.getLong("group_id"), rs.getString("kind"), rs.getString("title"),
                instant(rs, "starts_at"), instant(rs, "ends_at"), rs.getString("location"), rs.getString("online_url"),
                rs.getString("training_topic"), rs.getString("status"), rs.getString("minutes_status"),
                instant(rs, "approved_at"), rs.getInt("ics_sequence"), instant(rs, "invited_at"), rs.getInt("version"));
    }

    public Optional<Meeting> meeting(long id) {
        return jdbc.sql("select " + COLUMNS + " from coord_meeting m where m.id = :id").param("id", id)
                .query(MeetingQueries::meeting).optional();
    }

    public List<Meeting> meetingsOfGroup(long groupId) {
        return jdbc.sql("select " + COLUMNS + " from coord_meeting m where m.group_id = :g order by m.starts_at desc, m.id")
                .param("g", groupId).query(MeetingQueries::meeting).list();
    }

    /** Meetings of the groups an actor reaches, between two instants, by time. */
    public List<Meeting> meetings(Scope scope, long actorId, Instant from, Instant to) {
        return GroupQueries.bindReach(jdbc.sql("select " + COLUMNS + " from coord_meeting m join coord_group g on "
                + "g.id = m.group_id where m.starts_at >= :from and m.starts_at < :to and " + GroupQueries.GROUP_REACH
                + " order by m.starts_at, m.id"), scope, actorId).param("from", utc(from)).param("to", utc(to))
                .query(MeetingQueries::meeting).list();
    }

    /** The group's next meeting that is not cancelled and starts after the instant. */
    public Optional<Meeting> nextMeeting(long groupId, Instant after) {
        return jdbc.sql("select " + COLUMNS + " from coord_meeting m where m.group_id = :g and m.status = 'PLANNED' "
                + "and m.starts_at > :t order by m.starts_at, m.id fetch first 1 rows only")
                .param("g", groupId).param("t", utc(after)).query(MeetingQueries::meeting).optional();
    }

    public long insertMeeting(long groupId, String kind, String title, Instant startsAt, Instant endsAt, String location,
            String onlineUrl, String trainingTopic, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into coord_meeting (group_id, kind, title, starts_at, ends_at, location, online_url, training_topic,
                                           created_at, updated_at)
                values (:g, :kind, :title, :s, :e, :loc, :url, :topic, :now, :now)""")
                .param("g", groupId).param("kind", kind).param("title", title).param("s", utc(startsAt))
                .param("e", utc(endsAt)).param("loc", location).param("url", onlineUrl).param("topic", trainingTopic)
                .param("now", utc(now)).update(keys, "id");
        return keys.getKey().longValue();
    }

    public boolean updateMeeting(long id, int version, String kind, String title, Instant startsAt, Instant endsAt,
            String location, String onlineUrl, String trainingTopic, Instant now) {
        return jdbc.sql("""
                update coord_meeting set kind = :kind, title = :title, starts_at = :s, ends_at = :e, location = :loc,
                       online_url = :url, training_topic = :topic, version = version + 1, updated_at = :now
                where id = :id and version = :v and status = 'PLANNED'""")
                .param("kind", kind).param("title", title).param("s", utc(startsAt)).param("e", utc(endsAt))
                .param("loc", location).param("url", onlineUrl).param("topic", trainingTopic).param("now", utc(now))
                .param("id", id).param("v", version).update() == 1;
    }

    /** Marks the invitation sent; a meeting invited before gets the next SEQUENCE. */
    public void invited(long id, Instant now) {
        jdbc.sql("""
                update coord_meeting set ics_sequence = case when invited_at is null then 0 else ics_sequence + 1 end,
                       invited_at = :now, version = version + 1, updated_at = :now where id = :id""")
                .param("id", id).param("now", utc(now)).update();
    }

    public boolean cancel(long id, int version, Instant now) {
        return jdbc.sql("""
                update coord_meeting set status = 'CANCELLED', ics_sequence = ics_sequence + 1, version = version + 1,
                       updated_at = :now where id = :id and version = :v and status = 'PLANNED'""")
                .param("id", id).param("v", version).param("now", utc(now)).update() == 1;
    }

    public boolean setMinutesStatus(long id, int version, String status, Instant approvedAt, Instant now) {
        return jdbc.sql("""
                update coord_meeting set minutes_status = :st, approved_at = :at, version = version + 1, updated_at = :now
                where id = :id and version = :v""").param("st", status).param("at", utc(approvedAt))
                .param("now", utc(now)).param("id", id).param("v", version).update() == 1;
    }

    /** Approved minutes of a group, newest first (the public minutes page). */
    public List<Meeting> approved(long groupId) {
        return jdbc.sql("select " + COLUMNS + " from coord_meeting m where m.group_id = :g and m.minutes_status = 'APPROVED' "
                + "order by m.starts_at desc, m.id").param("g", groupId).query(MeetingQueries::meeting).list();
    }

    // ---- agenda -----------------------------------------------------------------------------------

    private static final String ITEM_COLUMNS =
            "id, meeting_id, position, title, body, presenter, linked_type, linked_id, minutes, version";

    private static AgendaItem item(ResultSet rs, int n) throws SQLException {
        return new AgendaItem(rs.getLong("id"), rs.getLong("meeting_id"), rs.getInt("position"), rs.getString("title"),
                rs.getString("body"), rs.getString("presenter"), rs.getString("linked_type"),
                nullableLong(rs, "linked_id"), rs.getString("minutes"), rs.getInt("version"));
    }

    public List<AgendaItem> agenda(long meetingId) {
        return jdbc.sql("select " + ITEM_COLUMNS + " from coord_agenda_item where meeting_id = :m order by position, id")
                .param("m", meetingId).query(MeetingQueries::item).list();
    }

    public Optional<AgendaItem> agendaItem(long id) {
        return jdbc.sql("select " + ITEM_COLUMNS + " from coord_agenda_item where id = :id").param("id", id)
                .query(MeetingQueries::item).optional();
    }

    public long insertAgendaItem(long meetingId, String title, String body, String presenter, String linkedType,
            Long linkedId, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into coord_agenda_item (meeting_id, position, title, body, presenter, linked_type, linked_id,
                                               updated_at)
                values (:m, (select coalesce(max(position), 0) + 1 from coord_agenda_item where meeting_id = :m),
                        :title, :body, :presenter, :lt, :lid, :now)""")
                .param("m", meetingId).param("title", title).param("body", body).param("presenter", presenter)
                .param("lt", linkedType).param("lid", linkedId).param("now", utc(now)).update(keys, "id");
        return keys.getKey().longValue();
    }

    public boolean updateAgendaItem(long id, int version, String title, String body, String presenter, String minutes,
            Instant now) {
        return jdbc.sql("""
                update coord_agenda_item set title = :title, body = :body, presenter = :presenter, minutes = :minutes,
                       version = version + 1, updated_at = :now where id = :id and version = :v""")
                .param("title", title).param("body", body).param("presenter", presenter).param("minutes", minutes)
                .param("now", utc(now)).param("id", id).param("v", version).update() == 1;
    }

    public void deleteAgendaItem(long id) {
        jdbc.sql("delete from coord_agenda_item where id = :id").param("id", id).update();
    }

    /** Numbers the meeting's agenda 1, 2, 3… in its present order (after an item is removed or moved). */
    public void renumber(long meetingId, List<Long> order, Instant now) {
        int position = 1;
        for (long id : order) {
            jdbc.sql("update coord_agenda_item set position = :p, updated_at = :now where id = :id and meeting_id = :m")
                    .param("p", position++).param("now", utc(now)).param("id", id).param("m", meetingId).update();
        }
    }

    /** Deletes a meeting with its agenda, decisions and participants (cascades); action items keep no link to it. */
    public boolean deleteMeeting(long id, int version) {
        return jdbc.sql("delete from coord_meeting where id = :id and version = :v").param("id", id).param("v", version)
                .update() == 1;
    }

    /** Whether the meeting's agenda already links the record. */
    public boolean linked(long meetingId, String type, long id) {
        return jdbc.sql("select count(*) from coord_agenda_item where meeting_id = :m and linked_type = :t and linked_id = :id")
                .param("m", meetingId).param("t", type).param("id", id).query(Long.class).single() > 0;
    }

    /** The meeting's agenda item that links the record, if any. */
    public Optional<AgendaItem> linkedItem(long meetingId, String type, long id) {
        return jdbc.sql("select " + ITEM_COLUMNS + " from coord_agenda_item where meeting_id = :m and linked_type = :t "
                        + "and linked_id = :id order by id fetch first 1 rows only")
                .param("m", meetingId).param("t", type).param("id", id).query(MeetingQueries::item).optional();
    }

    // ---- decisions --------------------------------------------------------------------------------

    /** Replaces the title of an agenda item and the text of its decisions (a decision recorded from another module). */
    public void replaceLinkedDecision(long agendaItemId, String title, String text, Instant now) {
        jdbc.sql("update coord_agenda_item set title = :title, version = version + 1, updated_at = :now where id = :id")
                .param("title", title).param("now", utc(now)).param("id", agendaItemId).update();
        jdbc.sql("update coord_decision set text = :t, version = version + 1, updated_at = :now where agenda_item_id = :a")
                .param("t", text).param("now", utc(now)).param("a", agendaItemId).update();
    }

    public List<Decision> decisions(long meetingId) {
        return jdbc.sql("select id, agenda_item_id, meeting_id, text from coord_decision where meeting_id = :m order by id")
                .param("m", meetingId).query((rs, n) -> new Decision(rs.getLong("id"), rs.getLong("agenda_item_id"),
                        rs.getLong("meeting_id"), rs.getString("text"))).list();
    }

    public long insertDecision(long agendaItemId, long meetingId, String text, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into coord_decision (agenda_item_id, meeting_id, text, created_at, updated_at) "
                + "values (:a, :m, :t, :now, :now)").param("a", agendaItemId).param("m", meetingId).param("t", text)
                .param("now", utc(now)).update(keys, "id");
        return keys.getKey().longValue();
    }

    // ---- participants -----------------------------------------------------------------------------

    private static final String P_COLUMNS = """
            id, meeting_id, user_id, name, email, organisation_id, place_id, token, answer, attended, version""";

    private static Participant participant(ResultSet rs, int n) throws SQLException {
        boolean attended = rs.getBoolean("attended");
        Boolean att = rs.wasNull() ? null : attended;
        return new Participant(rs.getLong("id"), rs.getLong("meeting_id"), nullableLong(rs, "user_id"),
                rs.getString("name"), rs.getString("email"), nullableLong(rs, "organisation_id"),
                nullableLong(rs, "place_id"), rs.getString("token"), rs.getString("answer"), att, rs.getInt("version"));
    }

    public List<Participant> participants(long meetingId) {
        return jdbc.sql("select " + P_COLUMNS + " from coord_participant where meeting_id = :m order by name, id")
                .param("m", meetingId).query(MeetingQueries::participant).list();
    }

    public Optional<Participant> participantByToken(String token) {
        return jdbc.sql("select " + P_COLUMNS + " from coord_participant where token = :t").param("t", token)
                .query(MeetingQueries::participant).optional();
    }

    public Optional<Participant> participant(long meetingId, long userId) {
        return jdbc.sql("select " + P_COLUMNS + " from coord_participant where meeting_id = :m and user_id = :u")
                .param("m", meetingId).param("u", userId).query(MeetingQueries::participant).optional();
    }

    public long insertParticipant(long meetingId, Long userId, String name, String email, Long organisationId,
            Long placeId, String token, Boolean attended, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into coord_participant (meeting_id, user_id, name, email, organisation_id, place_id, token,
                                               attended, updated_at)
                values (:m, :u, :name, :email, :org, :place, :token, :att, :now)""")
                .param("m", meetingId).param("u", userId).param("name", name).param("email", email)
                .param("org", organisationId).param("place", placeId).param("token", token).param("att", attended)
                .param("now", utc(now)).update(keys, "id");
        return keys.getKey().longValue();
    }

    public void answer(long id, String answer, Instant now) {
        jdbc.sql("update coord_participant set answer = :a, answered_at = :now, version = version + 1, updated_at = :now "
                + "where id = :id").param("a", answer).param("now", utc(now)).param("id", id).update();
    }

    public void attended(long id, Boolean attended, Long placeId, Instant now) {
        jdbc.sql("update coord_participant set attended = :att, place_id = :place, version = version + 1, "
                + "updated_at = :now where id = :id").param("att", attended).param("place", placeId)
                .param("now", utc(now)).param("id", id).update();
    }

    /** A deleted place is no longer named on attendance rows (registry.PlaceDeleted). */
    public void forgetPlace(long placeId) {
        jdbc.sql("update coord_participant set place_id = null where place_id = :p").param("p", placeId).update();
    }

    /** Who attended trainings of a county's groups in a year: rows of training topic, organisation, place, count. */
    public record Trained(String topic, Long organisationId, Long placeId, long people) {
    }

    public List<Trained> trained(long countyId, Instant from, Instant to) {
        return jdbc.sql("""
                select m.training_topic, p.organisation_id, p.place_id, count(*) as people
                from coord_participant p join coord_meeting m on m.id = p.meeting_id join coord_group g on g.id = m.group_id
                where g.county_id = :c and m.kind = 'TRAINING' and m.status = 'PLANNED' and p.attended = true
                  and m.starts_at >= :from and m.starts_at < :to
                group by m.training_topic, p.organisation_id, p.place_id
                order by m.training_topic, p.organisation_id, p.place_id""")
                .param("c", countyId).param("from", utc(from)).param("to", utc(to))
                .query((rs, n) -> new Trained(rs.getString("training_topic"), nullableLong(rs, "organisation_id"),
                        nullableLong(rs, "place_id"), rs.getLong("people"))).list();
    }

}
