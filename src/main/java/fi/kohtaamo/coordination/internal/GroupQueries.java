package fi.kohtaamo.coordination.internal;

import fi.kohtaamo.shared.Scope;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/** SQL of the groups, their areas and seats, and the providers' commitment. Runs on PostgreSQL and H2. */
@Component
public class GroupQueries {

    public record Group(long id, long countyId, String kind, String name, String description, String language,
            boolean publicMinutes, Long scopeAreaId, int version) {
    }

    public record Seat(long id, long groupId, String role, Long organisationId, Long userId, String holderName,
            Long representsGroupId, String note, Instant vacatedAt, String vacatedName, int version) {

        public boolean vacant() {
            return userId == null;
        }
    }

    public record Commitment(long organisationId, long countyId, LocalDate committedOn, String modelVersion,
            String recordedName, int version) {
    }

    private final JdbcClient jdbc;

    GroupQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public static OffsetDateTime utc(Instant i) {
        return i == null ? null : i.atOffset(ZoneOffset.UTC);
    }

    public static Instant instant(ResultSet rs, String col) throws SQLException {
        OffsetDateTime t = rs.getObject(col, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    public static Long nullableLong(ResultSet rs, String col) throws SQLException {
        long v = rs.getLong(col);
        return rs.wasNull() ? null : v;
    }

    /**
     * The groups an actor reaches with a scope: all, their county's, their area's (a group of that one area), or —
     * for staff and partners — the groups where they hold a seat. Bind with {@link #bindReach}.
     */
    public static final String GROUP_REACH = """
            (:scopeAll or g.county_id = :scopeCounty or g.scope_area_id = :scopeArea
             or (:member and exists (select 1 from coord_seat rs where rs.group_id = g.id and rs.user_id = :me)))""";

    public static JdbcClient.StatementSpec bindReach(JdbcClient.StatementSpec spec, Scope scope, long actorId) {
        boolean member = !scope.all() && !scope.geographic() && !scope.organisations().equals(List.of(-1L));
        return spec.param("scopeAll", scope.all()).param("scopeCounty", scope.countyId())
                .param("scopeArea", scope.areaId()).param("member", member).param("me", actorId);
    }

    private static final String GROUP_COLUMNS =
            "g.id, g.county_id, g.kind, g.name, g.description, g.language, g.public_minutes, g.scope_area_id, g.version";

    private static Group group(ResultSet rs, int n) throws SQLException {
        return new Group(rs.getLong("id"), rs.getLong("county_id"), rs.getString("kind"), rs.getString("name"),
                rs.getString("description"), rs.getString("language"), rs.getBoolean("public_minutes"),
                nullableLong(rs, "scope_area_id"), rs.getInt("version"));
    }

    public Optional<Group> group(long id) {
        return jdbc.sql("select " + GROUP_COLUMNS + " from coord_group g where g.id = :id").param("id", id)
                .query(GroupQueries::group).optional();
    }

    public List<Group> groups(Scope scope, long actorId) {
        return bindReach(jdbc.sql("select " + GROUP_COLUMNS + " from coord_group g where " + GROUP_REACH
                + " order by g.county_id, case g.kind when 'COUNTY_GROUP' then 0 when 'NETWORK' then 1 "
                + "when 'WORKING_GROUP' then 2 else 3 end, g.name, g.id"), scope, actorId).query(GroupQueries::group).list();
    }

    public List<Group> groupsOfCounty(long countyId) {
        return jdbc.sql("select " + GROUP_COLUMNS + " from coord_group g where g.county_id = :c order by g.name, g.id")
                .param("c", countyId).query(GroupQueries::group).list();
    }

    public List<Long> areas(long groupId) {
        return jdbc.sql("select area_id from coord_group_area where group_id = :g order by area_id").param("g", groupId)
                .query(Long.class).list();
    }

    public long insertGroup(long countyId, String kind, String name, String description, String language,
            boolean publicMinutes, List<Long> areaIds, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into coord_group (county_id, kind, name, description, language, public_minutes, scope_area_id,
                                         created_at, updated_at)
                values (:c, :kind, :name, :d, :lang, :pub, :area, :now, :now)""")
                .param("c", countyId).param("kind", kind).param("name", name).param("d", description)
                .param("lang", language).param("pub", publicMinutes)
                .param("area", areaIds.size() == 1 ? areaIds.get(0) : null).param("now", utc(now)).update(keys, "id");
        long id = keys.getKey().longValue();
        setAreas(id, areaIds);
        return id;
    }

    public boolean updateGroup(long id, int version, String kind, String name, String description, String language,
            boolean publicMinutes, List<Long> areaIds, Instant now) {
        boolean ok = jdbc.sql("""
                update coord_group set kind = :kind, name = :name, description = :d, language = :lang,
                       public_minutes = :pub, scope_area_id = :area, version = version + 1, updated_at = :now
                where id = :id and version = :v""")
                .param("kind", kind).param("name", name).param("d", description).param("lang", language)
                .param("pub", publicMinutes).param("area", areaIds.size() == 1 ? areaIds.get(0) : null)
                .param("now", utc(now)).param("id", id).param("v", version).update() == 1;
        if (ok) {
            setAreas(id, areaIds);
        }
        return ok;
    }

    private void setAreas(long groupId, List<Long> areaIds) {
        jdbc.sql("delete from coord_group_area where group_id = :g").param("g", groupId).update();
        for (Long a : areaIds) {
            jdbc.sql("insert into coord_group_area (group_id, area_id) values (:g, :a)").param("g", groupId)
                    .param("a", a).update();
        }
    }

    // ---- seats ------------------------------------------------------------------------------------

    private static final String SEAT_COLUMNS = """
            s.id, s.group_id, s.role, s.organisation_id, s.user_id, s.holder_name, s.represents_group_id, s.note,
            s.vacated_at, s.vacated_name, s.version""";

    private static Seat seat(ResultSet rs, int n) throws SQLException {
        return new Seat(rs.getLong("id"), rs.getLong("group_id"), rs.getString("role"),
                nullableLong(rs, "organisation_id"), nullableLong(rs, "user_id"), rs.getString("holder_name"),
                nullableLong(rs, "represents_group_id"), rs.getString("note"), instant(rs, "vacated_at"),
                rs.getString("vacated_name"), rs.getInt("version"));
    }

    public List<Seat> seats(long groupId) {
        return jdbc.sql("select " + SEAT_COLUMNS + " from coord_seat s where s.group_id = :g "
                + "order by case s.role when 'CHAIR' then 0 when 'SECRETARY' then 1 else 2 end, s.holder_name, s.id")
                .param("g", groupId).query(GroupQueries::seat).list();
    }

    public Optional<Seat> seat(long id) {
        return jdbc.sql("select " + SEAT_COLUMNS + " from coord_seat s where s.id = :id").param("id", id)
                .query(GroupQueries::seat).optional();
    }

    /** The seats a person holds, in any group. */
    public List<Seat> seatsOfUser(long userId) {
        return jdbc.sql("select " + SEAT_COLUMNS + " from coord_seat s where s.user_id = :u order by s.id")
                .param("u", userId).query(GroupQueries::seat).list();
    }

    /** The roles a person holds in a group (CHAIR, SECRETARY, MEMBER). */
    public List<String> rolesOf(long groupId, long userId) {
        return jdbc.sql("select role from coord_seat where group_id = :g and user_id = :u").param("g", groupId)
                .param("u", userId).query(String.class).list();
    }

    /** Vacant seats of the groups an actor reaches. */
    public List<Seat> vacantSeats(Scope scope, long actorId) {
        return bindReach(jdbc.sql("select " + SEAT_COLUMNS + " from coord_seat s join coord_group g on g.id = s.group_id "
                + "where s.user_id is null and " + GROUP_REACH + " order by s.vacated_at desc, s.id"), scope, actorId)
                .query(GroupQueries::seat).list();
    }

    public long insertSeat(long groupId, String role, Long organisationId, Long userId, String holderName,
            Long representsGroupId, String note, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into coord_seat (group_id, role, organisation_id, user_id, holder_name, represents_group_id, note,
                                        updated_at)
                values (:g, :role, :org, :u, :name, :rep, :note, :now)""")
                .param("g", groupId).param("role", role).param("org", organisationId).param("u", userId)
                .param("name", holderName).param("rep", representsGroupId).param("note", note).param("now", utc(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public boolean updateSeat(long id, int version, String role, Long userId, String holderName, Long representsGroupId,
            String note, Instant now) {
        return jdbc.sql("""
                update coord_seat set role = :role, user_id = :u, holder_name = :name, represents_group_id = :rep,
                       note = :note, vacated_at = case when cast(:u as bigint) is null then vacated_at else null end,
                       vacated_name = case when cast(:u as bigint) is null then vacated_name else null end,
                       version = version + 1, updated_at = :now
                where id = :id and version = :v""")
                .param("role", role).param("u", userId).param("name", holderName).param("rep", representsGroupId)
                .param("note", note).param("now", utc(now)).param("id", id).param("v", version).update() == 1;
    }

    /** Empties a seat whose holder left; false when someone else changed it first. */
    public boolean vacate(long id, Instant now) {
        return jdbc.sql("""
                update coord_seat set vacated_name = holder_name, user_id = null, holder_name = null,
                       vacated_at = :now, version = version + 1, updated_at = :now
                where id = :id and user_id is not null""").param("now", utc(now)).param("id", id).update() == 1;
    }

    /** A seat that was left before (demo data): vacant, with who held it and when they left. */
    public void markLeft(long id, String name, Instant at) {
        jdbc.sql("update coord_seat set user_id = null, holder_name = null, vacated_name = :name, vacated_at = :at "
                + "where id = :id").param("name", name).param("at", utc(at)).param("id", id).update();
    }

    public void deleteSeat(long id) {
        jdbc.sql("delete from coord_seat where id = :id").param("id", id).update();
    }

    // ---- commitment -------------------------------------------------------------------------------

    private static Commitment commitment(ResultSet rs, int n) throws SQLException {
        return new Commitment(rs.getLong("organisation_id"), rs.getLong("county_id"),
                rs.getObject("committed_on", LocalDate.class), rs.getString("model_version"),
                rs.getString("recorded_name"), rs.getInt("version"));
    }

    public List<Commitment> commitments(long countyId) {
        return jdbc.sql("select organisation_id, county_id, committed_on, model_version, recorded_name, version "
                + "from coord_commitment where county_id = :c").param("c", countyId).query(GroupQueries::commitment).list();
    }

    public Optional<Commitment> commitment(long organisationId) {
        return jdbc.sql("select organisation_id, county_id, committed_on, model_version, recorded_name, version "
                + "from coord_commitment where organisation_id = :o").param("o", organisationId)
                .query(GroupQueries::commitment).optional();
    }

    /** A recorded version of a provider's commitment (the latest is the current one). */
    public record CommitmentVersion(long organisationId, LocalDate committedOn, String modelVersion, String recordedName,
            Instant recordedAt) {
    }

    /**
     * Records (or replaces) an organisation's commitment and keeps the recorded version in its history; false when
     * the stored one changed since it was read.
     */
    public boolean saveCommitment(long organisationId, long countyId, LocalDate on, String modelVersion, long by,
            String byName, Integer version, Instant now) {
        boolean saved;
        if (version == null) {
            saved = jdbc.sql("""
                    insert into coord_commitment (organisation_id, county_id, committed_on, model_version, recorded_by,
                                                  recorded_name, updated_at)
                    values (:o, :c, :on, :mv, :by, :name, :now)""")
                    .param("o", organisationId).param("c", countyId).param("on", on).param("mv", modelVersion)
                    .param("by", by).param("name", byName).param("now", utc(now)).update() == 1;
        } else {
            saved = jdbc.sql("""
                    update coord_commitment set committed_on = :on, model_version = :mv, recorded_by = :by,
                           recorded_name = :name, version = version + 1, updated_at = :now
                    where organisation_id = :o and version = :v""")
                    .param("o", organisationId).param("on", on).param("mv", modelVersion).param("by", by)
                    .param("name", byName).param("now", utc(now)).param("v", version).update() == 1;
        }
        if (saved) {
            jdbc.sql("""
                    insert into coord_commitment_version (organisation_id, county_id, committed_on, model_version,
                                                          recorded_by, recorded_name, recorded_at)
                    values (:o, :c, :on, :mv, :by, :name, :now)""")
                    .param("o", organisationId).param("c", countyId).param("on", on).param("mv", modelVersion)
                    .param("by", by).param("name", byName).param("now", utc(now)).update();
        }
        return saved;
    }

    /** Every recorded commitment version of a county's providers, newest first. */
    public List<CommitmentVersion> commitmentHistory(long countyId) {
        return jdbc.sql("""
                select organisation_id, committed_on, model_version, recorded_name, recorded_at
                from coord_commitment_version where county_id = :c order by recorded_at desc, id desc""")
                .param("c", countyId).query((rs, n) -> new CommitmentVersion(rs.getLong("organisation_id"),
                        rs.getObject("committed_on", LocalDate.class), rs.getString("model_version"),
                        rs.getString("recorded_name"), instant(rs, "recorded_at"))).list();
    }
}
