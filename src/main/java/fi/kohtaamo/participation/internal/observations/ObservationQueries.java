package fi.kohtaamo.participation.internal.observations;

import fi.kohtaamo.shared.CountyCatalogue;
import fi.kohtaamo.shared.CountyCatalogue.Item;
import java.time.Clock;
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

/** All SQL of Huomaa minut! observations: the themes catalogue, observations and their coded themes. */
@Repository
public class ObservationQueries {

    /** The child's age band (under school age). */
    public enum AgeBand {
        UNDER_1, AGE_1_2, AGE_3_4, AGE_5_6
    }

    /** Who watched the child. */
    public enum Observer {
        STAFF, VOLUNTEER, PARENT
    }

    static final int MAX_LIST = 5000;

    private final JdbcClient jdbc;
    private final CountyCatalogue themes;

    public ObservationQueries(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.themes = new CountyCatalogue(jdbc, clock, "observation_theme",
                "/fi/kohtaamo/participation/observation-themes.txt")
                .usedBy(theme -> jdbc.sql("select count(*) from observation_theme_link where theme_id = :t")
                        .param("t", theme.id()).query(Long.class).single() > 0);
    }

    static OffsetDateTime utc(Instant i) {
        return i == null ? null : i.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String c) throws SQLException {
        OffsetDateTime t = rs.getObject(c, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    // ---- themes ---------------------------------------------------------------------------------

    /** The county's catalogue of observation themes, kept the one way ({@code shared.CountyCatalogue}). */
    public CountyCatalogue themeCatalogue() {
        return themes;
    }

    public List<Item> themes(long countyId) {
        return themes.list(countyId);
    }

    // ---- observations ---------------------------------------------------------------------------

    /** An observation as stored: of a session (activity and date) at a place; never of a named child. */
    public record Observation(long id, long countyId, long areaId, long placeId, long activityId, LocalDate sessionDate,
            AgeBand ageBand, Observer observer, String withChildren, String withAdults, String enjoyed,
            String frustrated, String wished, String codedBy, Instant codedAt, Instant createdAt, int version,
            List<Long> themeIds) {

        Observation withThemes(List<Long> themes) {
            return new Observation(id, countyId, areaId, placeId, activityId, sessionDate, ageBand, observer,
                    withChildren, withAdults, enjoyed, frustrated, wished, codedBy, codedAt, createdAt, version,
                    List.copyOf(themes));
        }
    }

    /** The texts of an observation as the form gives them. */
    public record Texts(String withChildren, String withAdults, String enjoyed, String frustrated, String wished) {
    }

    private static Observation observation(ResultSet rs, int n) throws SQLException {
        return new Observation(rs.getLong("id"), rs.getLong("county_id"), rs.getLong("area_id"), rs.getLong("place_id"),
                rs.getLong("activity_id"), rs.getObject("session_date", LocalDate.class),
                AgeBand.valueOf(rs.getString("age_band")), Observer.valueOf(rs.getString("observer")),
                rs.getString("with_children"), rs.getString("with_adults"), rs.getString("enjoyed"),
                rs.getString("frustrated"), rs.getString("wished"), rs.getString("coded_by"), instant(rs, "coded_at"),
                instant(rs, "created_at"), rs.getInt("version"), List.of());
    }

    public long insert(long countyId, long areaId, long placeId, long activityId, LocalDate sessionDate, AgeBand ageBand,
            Observer observer, Texts t, long recordedBy, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into observation (county_id, area_id, place_id, activity_id, session_date, age_band, observer,
                    with_children, with_adults, enjoyed, frustrated, wished, recorded_by, created_at, updated_at)
                values (:county, :area, :place, :activity, :date, :age, :observer, :children, :adults, :enjoyed,
                    :frustrated, :wished, :by, :now, :now)""")
                .param("county", countyId).param("area", areaId).param("place", placeId).param("activity", activityId)
                .param("date", sessionDate).param("age", ageBand.name()).param("observer", observer.name())
                .param("children", t.withChildren()).param("adults", t.withAdults()).param("enjoyed", t.enjoyed())
                .param("frustrated", t.frustrated()).param("wished", t.wished()).param("by", recordedBy)
                .param("now", utc(now)).update(keys, "id");
        return keys.getKey().longValue();
    }

    public Optional<Observation> observation(long id) {
        return jdbc.sql("select * from observation where id = :id").param("id", id)
                .query(ObservationQueries::observation).optional()
                .map(o -> o.withThemes(themeIds(List.of(o.id())).getOrDefault(o.id(), List.of())));
    }

    /** A place's observations of sessions in [from, to], newest first, with their themes. */
    public List<Observation> ofPlace(long placeId, LocalDate from, LocalDate to) {
        List<Observation> rows = jdbc.sql("""
                select * from observation where place_id = :p and session_date between :from and :to
                order by session_date desc, id desc fetch first 5000 rows only""")
                .param("p", placeId).param("from", from).param("to", to).query(ObservationQueries::observation).list();
        Map<Long, List<Long>> themes = themeIds(rows.stream().map(Observation::id).toList());
        List<Observation> out = new ArrayList<>();
        for (Observation o : rows) {
            out.add(o.withThemes(themes.getOrDefault(o.id(), List.of())));
        }
        return out;
    }

    private Map<Long, List<Long>> themeIds(Collection<Long> ids) {
        Map<Long, List<Long>> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        jdbc.sql("select observation_id, theme_id from observation_theme_link where observation_id in (:ids) "
                        + "order by theme_id").param("ids", ids)
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getLong(2))).list()
                .forEach(e -> out.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return out;
    }

    /** Sets the coded themes; false when the version read is stale. */
    public boolean code(long id, int version, Collection<Long> themeIds, String by, Instant now) {
        if (jdbc.sql("""
                update observation set coded_by = :by, coded_at = :now, version = version + 1, updated_at = :now
                where id = :id and version = :v""")
                .param("by", by).param("now", utc(now)).param("id", id).param("v", version).update() != 1) {
            return false;
        }
        jdbc.sql("delete from observation_theme_link where observation_id = :id").param("id", id).update();
        for (long t : themeIds) {
            jdbc.sql("insert into observation_theme_link (observation_id, theme_id) values (:id, :t)").param("id", id)
                    .param("t", t).update();
        }
        return true;
    }

    public void deleteOfPlace(long placeId) {
        jdbc.sql("delete from observation where place_id = :p").param("p", placeId).update();
    }
}
