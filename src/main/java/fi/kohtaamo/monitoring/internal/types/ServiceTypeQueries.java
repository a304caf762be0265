package fi.kohtaamo.monitoring.internal.types;

import fi.kohtaamo.shared.LocalizedText;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** All SQL of the service types catalogue ({@code service_type}, migration V22). */
@Repository
class ServiceTypeQueries {

    /** A stored type, with what its form needs (id and version). */
    record Row(long id, long countyId, String code, LocalizedText name, int position, boolean active, int version) {
    }

    private final JdbcClient jdbc;

    ServiceTypeQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getLong("id"), rs.getLong("county_id"), rs.getString("code"),
                LocalizedText.of(rs.getString("name_fi"), rs.getString("name_sv"), rs.getString("name_en")),
                rs.getInt("position"), rs.getBoolean("active"), rs.getInt("version"));
    }

    List<Row> all(long countyId) {
        return jdbc.sql("select * from service_type where county_id = :c order by position, id").param("c", countyId)
                .query(ServiceTypeQueries::row).list();
    }

    Optional<Row> one(long id) {
        return jdbc.sql("select * from service_type where id = :id").param("id", id).query(ServiceTypeQueries::row)
                .optional();
    }

    boolean codeTaken(long countyId, String code) {
        return jdbc.sql("select count(*) from service_type where county_id = :c and code = :code").param("c", countyId)
                .param("code", code).query(Long.class).single() > 0;
    }

    long insert(long countyId, String code, LocalizedText name, boolean active, Instant now) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                insert into service_type (county_id, code, name_fi, name_sv, name_en, position, active, updated_at)
                values (:c, :code, :fi, :sv, :en,
                        (select coalesce(max(position), 0) + 1 from service_type where county_id = :c), :active, :now)""")
                .param("c", countyId).param("code", code).param("fi", name.fi()).param("sv", name.sv())
                .param("en", name.en()).param("active", active).param("now", now.atOffset(ZoneOffset.UTC))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** Renames and (de)activates; false when the version read is stale. The code never changes. */
    boolean update(long id, int version, LocalizedText name, boolean active, Instant now) {
        return jdbc.sql("""
                update service_type set name_fi = :fi, name_sv = :sv, name_en = :en, active = :active,
                       version = version + 1, updated_at = :now
                where id = :id and version = :v""")
                .param("fi", name.fi()).param("sv", name.sv()).param("en", name.en()).param("active", active)
                .param("now", now.atOffset(ZoneOffset.UTC)).param("id", id).param("v", version).update() == 1;
    }

    /** Sets a type's position (the list renumbered 1, 2, 3…), moving its version: stale forms then get a 409. */
    void position(long id, int position, Instant now) {
        jdbc.sql("update service_type set position = :p, version = version + 1, updated_at = :now where id = :id")
                .param("p", position).param("now", now.atOffset(ZoneOffset.UTC)).param("id", id).update();
    }
}
