package fi.kohtaamo.participation.internal.planning;

import fi.kohtaamo.participation.internal.wishes.WishQueries.State;
import fi.kohtaamo.shared.LocalizedText;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** All SQL of planning days and their decisions. Runs on PostgreSQL and H2. */
@Repository
class PlanningQueries {

    /** The most planning days one list shows. */
    static final int MAX_LIST = 200;

    record Day(long id, long countyId, long areaId, Long placeId, String address, Instant startsAt, Instant endsAt,
            LocalizedText description, LocalDate periodFrom, LocalDate periodTo, Long activityId, Long meetingId,
            String createdBy, boolean demo, int version) {
    }

    record Decision(long id, long dayId, String text, State wishState, String decidedBy, Instant createdAt,
            List<Long> wishIds, int version) {
    }

    /** A decision that answers a wish, with its planning day's date and calendar event (the wishes board shows it). */
    record WishDecision(long wishId, long dayId, Instant startsAt, Long activityId) {
    }

    private final JdbcClient jdbc;

    PlanningQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static OffsetDateTime utc(Instant i) {
        return i == null ? null : i.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String c) throws SQLException {
        OffsetDateTime t = rs.getObject(c, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static Long nullableLong(ResultSet rs, String c) throws SQLException {
        long v = rs.getLong(c);
        return rs.wasNull() ? null : v;
    }

    private static Day day(ResultSet rs, int n) throws SQLException {
        return new Day(rs.getLong("id"), rs.getLong("county_id"), rs.getLong("area_id"), nullableLong(rs, "place_id"),
                rs.getString("address"), instant(rs, "starts_at"), instant(rs, "ends_at"),
                LocalizedText.of(rs.getString("description_fi"), rs.getString("description_sv"),
                        rs.getString("description_en")),
                rs.getObject("period_from", LocalDate.class), rs.getObject("period_to", LocalDate.class),
                nullableLong(rs, "activity_id"), nullableLong(rs, "meeting_id"), rs.getString("created_by"),
                rs.getBoolean("demo"), rs.getInt("version"));
    }

    long insert(long countyId, long areaId, long placeId, String address, Instant startsAt, Instant endsAt,
            LocalizedText description, LocalDate periodFrom, LocalDate periodTo, String by, boolean demo, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into planning_day (county_id, area_id, place_id, address, starts_at, ends_at, description_fi,
                                          description_sv, description_en, period_from, period_to, created_by, demo,
                                          created_at, updated_at)
                values (:county, :area, :place, :address, :s, :e, :fi, :sv, :en, :pf, :pt, :by, :demo, :now, :now)""")
                .param("county", countyId).param("area", areaId).param("place", placeId).param("address", address)
                .param("s", utc(startsAt)).param("e", utc(endsAt)).param("fi", description.fi())
                .param("sv", description.sv()).param("en", description.en()).param("pf", periodFrom)
                .param("pt", periodTo).param("by", by).param("demo", demo).param("now", utc(now)).update(keys, "id");
        return keys.getKey().longValue();
    }

    /** Records the calendar event and the working group's meeting made for the planning day. */
    void link(long id, Long activityId, Long meetingId, Instant now) {
        jdbc.sql("""
                update planning_day set activity_id = :a, meeting_id = :m, version = version + 1, updated_at = :now
                where id = :id""").param("a", activityId).param("m", meetingId).param("now", utc(now)).param("id", id)
                .update();
    }

    Optional<Day> day(long id) {
        return jdbc.sql("select * from planning_day where id = :id").param("id", id).query(PlanningQueries::day)
                .optional();
    }

    /** Planning days of a county, of areas, or all; newest first. */
    List<Day> days(boolean all, long county, Collection<Long> areas) {
        return jdbc.sql("""
                select * from planning_day where (:all or county_id = :county or area_id in (:areas))
                order by starts_at desc, id desc fetch first 200 rows only""")
                .param("all", all).param("county", county).param("areas", areas.isEmpty() ? List.of(-1L) : areas)
                .query(PlanningQueries::day).list();
    }

    /** The area's last planning day that started before the instant (other than the given one). */
    Optional<Day> previous(long areaId, Instant before, long exceptId) {
        return jdbc.sql("""
                select * from planning_day where area_id = :a and starts_at < :t and id <> :id
                order by starts_at desc, id desc fetch first 1 rows only""")
                .param("a", areaId).param("t", utc(before)).param("id", exceptId).query(PlanningQueries::day)
                .optional();
    }

    long insertDecision(long dayId, String text, State wishState, String by, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into planning_decision (planning_day_id, text, wish_state, decided_by, created_at, updated_at)
                values (:d, :t, :s, :by, :now, :now)""")
                .param("d", dayId).param("t", text).param("s", wishState.name()).param("by", by)
                .param("now", utc(now)).update(keys, "id");
        return keys.getKey().longValue();
    }

    /** Changes a decision if it is still at the version the form was read at (false: stale, nothing changed). */
    boolean updateDecision(long id, int version, String text, State wishState, String by, Instant now) {
        return jdbc.sql("""
                update planning_decision set text = :t, wish_state = :s, decided_by = :by, version = version + 1,
                       updated_at = :now
                where id = :id and version = :v""")
                .param("t", text).param("s", wishState.name()).param("by", by).param("now", utc(now))
                .param("id", id).param("v", version).update() == 1;
    }

    void unlinkWishes(long decisionId) {
        jdbc.sql("delete from planning_decision_wish where decision_id = :d").param("d", decisionId).update();
    }

    void linkWish(long decisionId, long wishId) {
        jdbc.sql("insert into planning_decision_wish (decision_id, wish_id) values (:d, :w)").param("d", decisionId)
                .param("w", wishId).update();
    }

    List<Decision> decisions(long dayId) {
        Map<Long, List<Long>> wishes = new HashMap<>();
        jdbc.sql("""
                select dw.decision_id, dw.wish_id from planning_decision_wish dw
                join planning_decision d on d.id = dw.decision_id where d.planning_day_id = :d order by dw.wish_id""")
                .param("d", dayId).query((rs, n) -> Map.entry(rs.getLong(1), rs.getLong(2))).list()
                .forEach(e -> wishes.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return jdbc.sql("select * from planning_decision where planning_day_id = :d order by id").param("d", dayId)
                .query((rs, n) -> new Decision(rs.getLong("id"), rs.getLong("planning_day_id"), rs.getString("text"),
                        State.valueOf(rs.getString("wish_state")), rs.getString("decided_by"), instant(rs, "created_at"),
                        List.copyOf(wishes.getOrDefault(rs.getLong("id"), List.of())), rs.getInt("version")))
                .list();
    }

    /** For each wish, the latest decision that answers it. */
    Map<Long, WishDecision> decisionsOfWishes(Collection<Long> wishIds) {
        Map<Long, WishDecision> out = new HashMap<>();
        if (wishIds.isEmpty()) {
            return out;
        }
        jdbc.sql("""
                select dw.wish_id, p.id as day_id, p.starts_at, p.activity_id from planning_decision_wish dw
                join planning_decision d on d.id = dw.decision_id
                join planning_day p on p.id = d.planning_day_id
                where dw.wish_id in (:w) order by d.id""")
                .param("w", List.copyOf(wishIds))
                .query((rs, n) -> new WishDecision(rs.getLong("wish_id"), rs.getLong("day_id"),
                        instant(rs, "starts_at"), nullableLong(rs, "activity_id")))
                .list().forEach(d -> out.put(d.wishId(), d));
        return out;
    }

    /** A deleted place's planning days keep their records; the place and its (deleted) calendar event are cleared. */
    void clearPlace(long placeId) {
        jdbc.sql("update planning_day set place_id = null, activity_id = null where place_id = :p").param("p", placeId)
                .update();
    }
}
