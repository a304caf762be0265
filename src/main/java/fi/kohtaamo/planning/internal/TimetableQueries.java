package fi.kohtaamo.planning.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** All SQL of planning: overlaps kept on purpose, child population figures, sketch changes. */
@Repository
public class TimetableQueries {

    private final JdbcClient jdbc;

    TimetableQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Ignored(long id, long countyId, long activityA, long activityB, String reason, long ignoredBy, int version,
            Instant createdAt) {
    }

    List<Ignored> ignored(long countyId) {
        return jdbc.sql("""
                select id, county_id, activity_a, activity_b, reason, ignored_by, version, created_at
                from planning_ignored_overlap where county_id = :county or :county = -1 order by id""")
                .param("county", countyId).query(Ignored.class).list();
    }

    Optional<Ignored> ignored(long activityA, long activityB) {
        return jdbc.sql("""
                select id, county_id, activity_a, activity_b, reason, ignored_by, version, created_at
                from planning_ignored_overlap where activity_a = :a and activity_b = :b""")
                .param("a", activityA).param("b", activityB).query(Ignored.class).optional();
    }

    Optional<Ignored> ignoredById(long id) {
        return jdbc.sql("""
                select id, county_id, activity_a, activity_b, reason, ignored_by, version, created_at
                from planning_ignored_overlap where id = :id""").param("id", id).query(Ignored.class).optional();
    }

    long ignore(long countyId, long a, long b, String reason, long userId, Instant now) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                insert into planning_ignored_overlap (county_id, activity_a, activity_b, reason, ignored_by, created_at,
                    updated_at) values (:county, :a, :b, :reason, :user, :now, :now)""")
                .param("county", countyId).param("a", a).param("b", b).param("reason", reason).param("user", userId)
                .param("now", Timestamp.from(now)).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    int unignore(long id, int version) {
        return jdbc.sql("delete from planning_ignored_overlap where id = :id and version = :version").param("id", id)
                .param("version", version).update();
    }

    // ---- child population ----------------------------------------------------------------------

    public record Population(String regionKind, String regionCode, String ageBand, int statYear, int children, boolean demo)
            implements java.io.Serializable {
    }

    /** The county's figures of its latest year with any. */
    List<Population> latestPopulation(long countyId) {
        return jdbc.sql("""
                select region_kind, region_code, age_band, stat_year, children, demo from planning_child_population
                where county_id = :county and stat_year = (select max(stat_year) from planning_child_population
                                                      where county_id = :county)
                order by region_kind, region_code, age_band""").param("county", countyId).query(Population.class)
                .list();
    }

    int populationRows(long countyId) {
        return jdbc.sql("select count(*) from planning_child_population where county_id = :county")
                .param("county", countyId).query(Integer.class).single();
    }

    /** Writes a figure, replacing the one of the same region, band and year. */
    void savePopulation(long countyId, Population p, Instant now) {
        int updated = jdbc.sql("""
                update planning_child_population set children = :children, demo = :demo, version = version + 1,
                    updated_at = :now
                where county_id = :county and region_kind = :kind and region_code = :code and age_band = :band
                  and stat_year = :year""").param("children", p.children()).param("demo", p.demo())
                .param("now", Timestamp.from(now)).param("county", countyId).param("kind", p.regionKind())
                .param("code", p.regionCode()).param("band", p.ageBand()).param("year", p.statYear()).update();
        if (updated == 0) {
            jdbc.sql("""
                    insert into planning_child_population (county_id, region_kind, region_code, age_band, stat_year,
                        children, demo, updated_at) values (:county, :kind, :code, :band, :year, :children, :demo, :now)""")
                    .param("county", countyId).param("kind", p.regionKind()).param("code", p.regionCode())
                    .param("band", p.ageBand()).param("year", p.statYear()).param("children", p.children())
                    .param("demo", p.demo()).param("now", Timestamp.from(now)).update();
        }
    }

    // ---- sketches --------------------------------------------------------------------------------

    public record SketchChange(long id, long userId, long countyId, String changeKind, Long activityId, Long placeId,
            String kind, Integer ageMinMonths, Integer ageMaxMonths, String language, Integer weekday,
            LocalTime startTime, Integer durationMinutes) {
    }

    List<SketchChange> sketch(long userId, long countyId) {
        return jdbc.sql("""
                select id, user_id, county_id, change_kind, activity_id, place_id, kind, age_min_months, age_max_months,
                    language, weekday, start_time, duration_minutes
                from planning_sketch_change where user_id = :user and county_id = :county order by id""")
                .param("user", userId).param("county", countyId).query(SketchChange.class).list();
    }

    /** How many changes a user keeps in all their sketches (every county). */
    int changeCount(long userId) {
        return jdbc.sql("select count(*) from planning_sketch_change where user_id = :user").param("user", userId)
                .query(Integer.class).single();
    }

    long addChange(SketchChange c, Instant now) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                insert into planning_sketch_change (user_id, county_id, change_kind, activity_id, place_id, kind,
                    age_min_months, age_max_months, language, weekday, start_time, duration_minutes, created_at)
                values (:user, :county, :change, :activity, :place, :kind, :ageMin, :ageMax, :language, :weekday,
                    :start, :duration, :now)""")
                .param("user", c.userId()).param("county", c.countyId()).param("change", c.changeKind())
                .param("activity", c.activityId()).param("place", c.placeId()).param("kind", c.kind())
                .param("ageMin", c.ageMinMonths()).param("ageMax", c.ageMaxMonths()).param("language", c.language())
                .param("weekday", c.weekday()).param("start", c.startTime()).param("duration", c.durationMinutes())
                .param("now", Timestamp.from(now)).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    int deleteChange(long id, long userId) {
        return jdbc.sql("delete from planning_sketch_change where id = :id and user_id = :user").param("id", id)
                .param("user", userId).update();
    }

    int clearSketch(long userId, long countyId) {
        return jdbc.sql("delete from planning_sketch_change where user_id = :user and county_id = :county")
                .param("user", userId).param("county", countyId).update();
    }
}
