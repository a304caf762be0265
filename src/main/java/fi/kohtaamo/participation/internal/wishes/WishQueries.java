package fi.kohtaamo.participation.internal.wishes;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** All SQL of the wishes board. Public reads always filter on {@code status = 'PUBLISHED'}. */
@Repository
public class WishQueries {

    /** Where moderation stands: only PUBLISHED wishes are ever shown to the public. */
    public enum Status {
        PENDING, PUBLISHED, MERGED, DECLINED
    }

    /** The public answer's state. */
    public enum State {
        NEW, CONSIDERING, PLANNED, DONE, NOT_POSSIBLE
    }

    /** The most wishes one list shows. */
    static final int MAX_LIST = 300;

    public record Wish(long id, long countyId, long areaId, Long placeId, String body, Status status, State state,
            String declineReason, Long mergedInto, String answer, String answeredBy, Instant answeredAt,
            Long activityId, int supports, Instant createdAt, Instant publishedAt, String moderatedBy, int version,
            String lang) {
    }

    /** Published wishes counted per area (for the /wishes index). */
    public record AreaCount(long areaId, long countyId, int wishes) {
    }

    private final JdbcClient jdbc;

    public WishQueries(JdbcClient jdbc) {
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

    private static Wish wish(ResultSet rs, int n) throws SQLException {
        return new Wish(rs.getLong("id"), rs.getLong("county_id"), rs.getLong("area_id"), nullableLong(rs, "place_id"),
                rs.getString("body"), Status.valueOf(rs.getString("status")), State.valueOf(rs.getString("state")),
                rs.getString("decline_reason"), nullableLong(rs, "merged_into"), rs.getString("answer"),
                rs.getString("answered_by"), instant(rs, "answered_at"), nullableLong(rs, "activity_id"),
                rs.getInt("supports"), instant(rs, "created_at"), instant(rs, "published_at"),
                rs.getString("moderated_by"), rs.getInt("version"), rs.getString("lang"));
    }

    /** A wish written in Finnish (the demo's). */
    public long insert(long countyId, long areaId, Long placeId, String body, Instant now) {
        return insert(countyId, areaId, placeId, body, "fi", now);
    }

    /** A new wish waiting for moderation, with the language it was written in (the page's: fi, sv or en). */
    public long insert(long countyId, long areaId, Long placeId, String body, String lang, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into wish (county_id, area_id, place_id, body, lang, status, state, created_at, updated_at)
                values (:county, :area, :place, :body, :lang, 'PENDING', 'NEW', :now, :now)""")
                .param("county", countyId).param("area", areaId).param("place", placeId).param("body", body)
                .param("lang", lang).param("now", utc(now)).update(keys, "id");
        return keys.getKey().longValue();
    }

    public Optional<Wish> wish(long id) {
        return jdbc.sql("select * from wish where id = :id").param("id", id).query(WishQueries::wish).optional();
    }

    /** Published wishes of a place, most supported first. */
    public List<Wish> publishedOfPlace(long placeId) {
        return jdbc.sql("""
                select * from wish where place_id = :p and status = 'PUBLISHED'
                order by supports desc, published_at desc, id desc fetch first 300 rows only""")
                .param("p", placeId).query(WishQueries::wish).list();
    }

    /** How many wishes of a place are published (the place page's link says it). */
    public int countPublishedOfPlace(long placeId) {
        return jdbc.sql("select count(*) from wish where place_id = :p and status = 'PUBLISHED'").param("p", placeId)
                .query(Integer.class).single();
    }

    /** Published wishes of an area: for the area itself and for its places. */
    public List<Wish> publishedOfArea(long areaId) {
        return jdbc.sql("""
                select * from wish where area_id = :a and status = 'PUBLISHED'
                order by supports desc, published_at desc, id desc fetch first 300 rows only""")
                .param("a", areaId).query(WishQueries::wish).list();
    }

    public List<AreaCount> publishedPerArea() {
        return jdbc.sql("""
                select area_id, county_id, count(*) as n from wish where status = 'PUBLISHED'
                group by area_id, county_id""")
                .query((rs, n) -> new AreaCount(rs.getLong("area_id"), rs.getLong("county_id"), rs.getInt("n"))).list();
    }

    /**
     * Wishes in a moderator's reach (a county, an area, or places of their organisations), of one status or all,
     * newest first.
     */
    public List<Wish> inScope(boolean all, long county, long area, List<Long> places, Status status) {
        return jdbc.sql("""
                select * from wish
                where (:all or county_id = :county or area_id = :area or place_id in (:places))
                  and (:status = '' or status = :status)
                order by created_at desc, id desc fetch first 300 rows only""")
                .param("all", all).param("county", county).param("area", area).param("places", places)
                .param("status", status == null ? "" : status.name()).query(WishQueries::wish).list();
    }

    /** Published wishes of the same area a wish can be merged into. */
    public List<Wish> mergeTargets(Wish w) {
        return jdbc.sql("""
                select * from wish where area_id = :a and status = 'PUBLISHED' and id <> :id
                order by created_at desc fetch first 100 rows only""")
                .param("a", w.areaId()).param("id", w.id()).query(WishQueries::wish).list();
    }

    public boolean publish(long id, int version, String by, Instant now) {
        return jdbc.sql("""
                update wish set status = 'PUBLISHED', published_at = :now, moderated_by = :by,
                                version = version + 1, updated_at = :now
                where id = :id and version = :v and status = 'PENDING'""")
                .param("now", utc(now)).param("by", by).param("id", id).param("v", version).update() == 1;
    }

    public boolean decline(long id, int version, String reason, String by, Instant now) {
        return jdbc.sql("""
                update wish set status = 'DECLINED', decline_reason = :reason, moderated_by = :by,
                                version = version + 1, updated_at = :now
                where id = :id and version = :v and status in ('PENDING', 'PUBLISHED')""")
                .param("reason", reason).param("by", by).param("now", utc(now)).param("id", id).param("v", version)
                .update() == 1;
    }

    /** Merges a wish into another: its supports go to the other, and it leaves the public lists. */
    public boolean merge(long id, int version, long into, String by, Instant now) {
        int supports = jdbc.sql("select supports from wish where id = :id").param("id", id).query(Integer.class).single();
        boolean done = jdbc.sql("""
                update wish set status = 'MERGED', merged_into = :into, moderated_by = :by,
                                version = version + 1, updated_at = :now
                where id = :id and version = :v and status in ('PENDING', 'PUBLISHED')""")
                .param("into", into).param("by", by).param("now", utc(now)).param("id", id).param("v", version)
                .update() == 1;
        if (done) {
            // a pending wish had no supports; a published one carries its supporters over (one more for the writer)
            jdbc.sql("update wish set supports = supports + :n, version = version + 1, updated_at = :now where id = :into")
                    .param("n", supports + 1).param("now", utc(now)).param("into", into).update();
        }
        return done;
    }

    public boolean answer(long id, int version, State state, String answer, Long activityId, String by, Instant now) {
        return jdbc.sql("""
                update wish set state = :state, answer = :answer, activity_id = :activity, answered_by = :by,
                                answered_at = :now, version = version + 1, updated_at = :now
                where id = :id and version = :v and status = 'PUBLISHED'""")
                .param("state", state.name()).param("answer", answer).param("activity", activityId).param("by", by)
                .param("now", utc(now)).param("id", id).param("v", version).update() == 1;
    }

    /** Adds one support to a published wish; false when it is not (or no longer) published. */
    public boolean support(long id) {
        return jdbc.sql("update wish set supports = supports + 1 where id = :id and status = 'PUBLISHED'")
                .param("id", id).update() == 1;
    }

    /** Forgets a deleted place's wishes. */
    public void deleteOfPlace(long placeId) {
        jdbc.sql("update wish set merged_into = null where merged_into in (select id from wish where place_id = :p)")
                .param("p", placeId).update();
        jdbc.sql("delete from wish where place_id = :p").param("p", placeId).update();
    }
}
