package fi.kohtaamo.guidance.internal.directory;

import fi.kohtaamo.guidance.internal.directory.DirectoryModel.Need;
import fi.kohtaamo.shared.LocalizedText;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The SQL of the county's catalogue of families' needs. */
@Repository
public class NeedQueries {

    private final JdbcClient jdbc;

    public NeedQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static Need need(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Need(rs.getLong("id"), rs.getLong("county_id"), rs.getString("code"), ServiceEditQueries.text(rs, "name"),
                rs.getInt("position"), rs.getBoolean("active"), rs.getInt("version"));
    }

    /** The county's needs in their order. */
    public List<Need> needs(long countyId) {
        return jdbc.sql("select * from guidance_need where county_id = :c order by position, name_fi, id")
                .param("c", countyId).query(NeedQueries::need).list();
    }

    public Optional<Need> need(long id) {
        return jdbc.sql("select * from guidance_need where id = :id").param("id", id).query(NeedQueries::need).optional();
    }

    public boolean codeTaken(long countyId, String code) {
        return jdbc.sql("select count(*) from guidance_need where county_id = :c and code = :code").param("c", countyId)
                .param("code", code).query(Long.class).single() > 0;
    }

    public long insert(long countyId, String code, LocalizedText name, int position, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into guidance_need (county_id, code, name_fi, name_sv, name_en, position, active, updated_at) "
                        + "values (:c, :code, :fi, :sv, :en, :position, true, :now)")
                .param("c", countyId).param("code", code).param("fi", name.fi()).param("sv", name.sv())
                .param("en", name.en()).param("position", position).param("now", ServiceEditQueries.utc(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public boolean update(long id, int version, LocalizedText name, boolean active, Instant now) {
        return jdbc.sql("update guidance_need set name_fi = :fi, name_sv = :sv, name_en = :en, active = :active, "
                        + "version = version + 1, updated_at = :now where id = :id and version = :v")
                .param("fi", name.fi()).param("sv", name.sv()).param("en", name.en()).param("active", active)
                .param("now", ServiceEditQueries.utc(now)).param("id", id).param("v", version).update() == 1;
    }

    public void position(long id, int position, Instant now) {
        jdbc.sql("update guidance_need set position = :p, version = version + 1, updated_at = :now where id = :id")
                .param("p", position).param("now", ServiceEditQueries.utc(now)).param("id", id).update();
    }

    public boolean delete(long id, int version) {
        return jdbc.sql("delete from guidance_need where id = :id and version = :v").param("id", id).param("v", version)
                .update() == 1;
    }
}
