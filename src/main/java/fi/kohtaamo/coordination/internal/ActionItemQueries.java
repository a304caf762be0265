package fi.kohtaamo.coordination.internal;

import static fi.kohtaamo.coordination.internal.GroupQueries.nullableLong;
import static fi.kohtaamo.coordination.internal.GroupQueries.utc;

import fi.kohtaamo.shared.Scope;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/** SQL of the one register of action items across the county's groups, and of the groups' annual goals. */
@Component
public class ActionItemQueries {

    public record ActionItem(long id, long groupId, long countyId, Long meetingId, String what, Long ownerUserId,
            String ownerName, Long ownerOrganisationId, LocalDate dueOn, String status, int version) {

        public boolean open() {
            return "OPEN".equals(status) || "IN_PROGRESS".equals(status);
        }
    }

    public record Goal(long id, long groupId, int year, String goal, String done, int version) {
    }

    private final JdbcClient jdbc;

    ActionItemQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static final String COLUMNS = """
            a.id, a.group_id, a.county_id, a.meeting_id, a.what, a.owner_user_id, a.owner_name, a.owner_organisation_id,
            a.due_on, a.status, a.version""";

    private static ActionItem item(ResultSet rs, int n) throws SQLException {
        return new ActionItem(rs.getLong("id"), rs.getLong("group_id"), rs.getLong("county_id"),
                nullableLong(rs, "meeting_id"), rs.getString("what"), nullableLong(rs, "owner_user_id"),
                rs.getString("owner_name"), nullableLong(rs, "owner_organisation_id"),
                rs.getObject("due_on", LocalDate.class), rs.getString("status"), rs.getInt("version"));
    }

    public Optional<ActionItem> item(long id) {
        return jdbc.sql("select " + COLUMNS + " from coord_action_item a where a.id = :id").param("id", id)
                .query(ActionItemQueries::item).optional();
    }

    /** Open (open or in progress) action items of a group, oldest due first. */
    public List<ActionItem> openOfGroup(long groupId) {
        return jdbc.sql("select " + COLUMNS + " from coord_action_item a where a.group_id = :g "
                + "and a.status in ('OPEN', 'IN_PROGRESS') order by a.due_on nulls last, a.id")
                .param("g", groupId).query(ActionItemQueries::item).list();
    }

    public List<ActionItem> ofMeeting(long meetingId) {
        return jdbc.sql("select " + COLUMNS + " from coord_action_item a where a.meeting_id = :m order by a.id")
                .param("m", meetingId).query(ActionItemQueries::item).list();
    }

    /**
     * The register: action items of every group the actor reaches, open first, then by due date; optionally only
     * open ones, or only overdue ones (open and due before the day).
     */
    public List<ActionItem> register(Scope scope, long actorId, boolean onlyOpen, LocalDate overdueBefore, int limit) {
        return GroupQueries.bindReach(jdbc.sql("select " + COLUMNS + " from coord_action_item a join coord_group g on "
                + "g.id = a.group_id where " + GroupQueries.GROUP_REACH
                + " and (:onlyOpen = false or a.status in ('OPEN', 'IN_PROGRESS'))"
                + " and (:overdue = false or (a.status in ('OPEN', 'IN_PROGRESS') and a.due_on < :day))"
                + " order by case when a.status in ('OPEN', 'IN_PROGRESS') then 0 else 1 end, a.due_on nulls last, a.id"
                + " fetch first :limit rows only"), scope, actorId)
                .param("onlyOpen", onlyOpen || overdueBefore != null).param("overdue", overdueBefore != null)
                .param("day", overdueBefore == null ? LocalDate.of(1970, 1, 1) : overdueBefore).param("limit", limit)
                .query(ActionItemQueries::item).list();
    }

    public long insert(long groupId, long countyId, Long meetingId, String what, Long ownerUserId, String ownerName,
            Long ownerOrganisationId, LocalDate dueOn, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into coord_action_item (group_id, county_id, meeting_id, what, owner_user_id, owner_name,
                                               owner_organisation_id, due_on, created_at, updated_at)
                values (:g, :c, :m, :what, :ou, :on, :oo, :due, :now, :now)""")
                .param("g", groupId).param("c", countyId).param("m", meetingId).param("what", what)
                .param("ou", ownerUserId).param("on", ownerName).param("oo", ownerOrganisationId).param("due", dueOn)
                .param("now", utc(now)).update(keys, "id");
        return keys.getKey().longValue();
    }

    public boolean updateStatus(long id, int version, String status, Instant now) {
        return jdbc.sql("""
                update coord_action_item set status = :st,
                       done_at = case when :st in ('DONE', 'DROPPED') then :now else null end,
                       version = version + 1, updated_at = :now where id = :id and version = :v""")
                .param("st", status).param("now", utc(now)).param("id", id).param("v", version).update() == 1;
    }

    // ---- goals ------------------------------------------------------------------------------------

    public List<Goal> goals(long groupId, int year) {
        return jdbc.sql("select id, group_id, plan_year, goal, done, version from coord_goal where group_id = :g and plan_year = :y "
                + "order by id").param("g", groupId).param("y", year)
                .query((rs, n) -> new Goal(rs.getLong("id"), rs.getLong("group_id"), rs.getInt("plan_year"),
                        rs.getString("goal"), rs.getString("done"), rs.getInt("version"))).list();
    }

    public Optional<Goal> goal(long id) {
        return jdbc.sql("select id, group_id, plan_year, goal, done, version from coord_goal where id = :id").param("id", id)
                .query((rs, n) -> new Goal(rs.getLong("id"), rs.getLong("group_id"), rs.getInt("plan_year"),
                        rs.getString("goal"), rs.getString("done"), rs.getInt("version"))).optional();
    }

    public long insertGoal(long groupId, int year, String goal, String done, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into coord_goal (group_id, plan_year, goal, done, updated_at) values (:g, :y, :goal, :done, :now)")
                .param("g", groupId).param("y", year).param("goal", goal).param("done", done).param("now", utc(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public boolean updateGoal(long id, int version, String goal, String done, Instant now) {
        return jdbc.sql("update coord_goal set goal = :goal, done = :done, version = version + 1, updated_at = :now "
                + "where id = :id and version = :v").param("goal", goal).param("done", done).param("now", utc(now))
                .param("id", id).param("v", version).update() == 1;
    }
}
