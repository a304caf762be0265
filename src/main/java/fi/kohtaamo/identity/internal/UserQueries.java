package fi.kohtaamo.identity.internal;

import fi.kohtaamo.shared.Role;
import fi.kohtaamo.shared.Scope;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** All SQL of the identity module. */
@Repository
public class UserQueries {

    /** A staff account (the password hash never leaves this module's queries and sign-in). */
    public record User(long id, String email, String displayName, Role role, Long organisationId, Long countyId,
            Long areaId, Long placeId, String preferredLanguage, boolean enabled, boolean demo, int version,
            Instant createdAt, Instant updatedAt, Instant lastLoginAt) {
    }

    private final JdbcClient jdbc;

    public UserQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static final String COLUMNS = """
            u.id, u.email, u.display_name, u.role, u.organisation_id, u.county_id, u.area_id, u.place_id,
            u.preferred_language, u.enabled, u.demo, u.version, u.created_at, u.updated_at, u.last_login_at""";

    private static Long nullableLong(ResultSet rs, String c) throws SQLException {
        long v = rs.getLong(c);
        return rs.wasNull() ? null : v;
    }

    private static Instant instant(ResultSet rs, String c) throws SQLException {
        OffsetDateTime t = rs.getObject(c, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static User user(ResultSet rs, int n) throws SQLException {
        return new User(rs.getLong("id"), rs.getString("email"), rs.getString("display_name"),
                Role.valueOf(rs.getString("role")), nullableLong(rs, "organisation_id"), nullableLong(rs, "county_id"),
                nullableLong(rs, "area_id"), nullableLong(rs, "place_id"), rs.getString("preferred_language"),
                rs.getBoolean("enabled"), rs.getBoolean("demo"), rs.getInt("version"), instant(rs, "created_at"),
                instant(rs, "updated_at"), instant(rs, "last_login_at"));
    }

    public Optional<User> byEmail(String email) {
        return jdbc.sql("select " + COLUMNS + " from app_user u where u.email = :e").param("e", normalise(email))
                .query(UserQueries::user).optional();
    }

    public Optional<User> byId(long id) {
        return jdbc.sql("select " + COLUMNS + " from app_user u where u.id = :id").param("id", id)
                .query(UserQueries::user).optional();
    }

    public Optional<String> passwordHash(String email) {
        return jdbc.sql("select password_hash from app_user where email = :e").param("e", normalise(email))
                .query(String.class).optional();
    }

    /**
     * Accounts in a scope. Every account stores where it sits (county, and area when it has one),
     * filled in from the registry when the account is saved, so scoping needs no other module's tables.
     */
    public List<User> inScope(Scope scope) {
        return scope.bind(jdbc.sql("select " + COLUMNS + " " + """
                 from app_user u
                 where (:scopeAll or u.county_id = :scopeCounty or u.area_id = :scopeArea
                        or u.place_id = :scopePlace or u.organisation_id in (:scopeOrgs))
                 order by lower(u.display_name), u.id""")).query(UserQueries::user).list();
    }

    public long insert(String email, String displayName, String passwordHash, Role role, Long organisationId,
            Long countyId, Long areaId, Long placeId, String language, boolean enabled, boolean demo, Instant now) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                insert into app_user (email, display_name, password_hash, role, organisation_id, county_id, area_id,
                                      place_id, preferred_language, enabled, demo, created_at, updated_at)
                values (:email, :name, :hash, :role, :org, :county, :area, :place, :lang, :enabled, :demo, :now, :now)""")
                .param("email", normalise(email)).param("name", displayName).param("hash", passwordHash)
                .param("role", role.name()).param("org", organisationId).param("county", countyId)
                .param("area", areaId).param("place", placeId).param("lang", language).param("enabled", enabled)
                .param("demo", demo).param("now", ts(now))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    public boolean update(long id, int version, String email, String displayName, Role role, Long organisationId,
            Long countyId, Long areaId, Long placeId, String language, boolean enabled, Instant now) {
        return jdbc.sql("""
                update app_user set email = :email, display_name = :name, role = :role, organisation_id = :org,
                       county_id = :county, area_id = :area, place_id = :place, preferred_language = :lang,
                       enabled = :enabled, version = version + 1, updated_at = :now
                where id = :id and version = :version""")
                .param("email", normalise(email)).param("name", displayName).param("role", role.name())
                .param("org", organisationId).param("county", countyId).param("area", areaId)
                .param("place", placeId).param("lang", language).param("enabled", enabled).param("now", ts(now))
                .param("id", id).param("version", version).update() == 1;
    }

    public void setPassword(long id, String hash, Instant now) {
        jdbc.sql("update app_user set password_hash = :h, version = version + 1, updated_at = :now where id = :id")
                .param("h", hash).param("now", ts(now)).param("id", id).update();
    }

    public void delete(long id) {
        jdbc.sql("delete from app_user where id = :id").param("id", id).update();
    }

    public void loggedIn(String email, Instant now) {
        jdbc.sql("update app_user set last_login_at = :now where email = :e").param("now", ts(now))
                .param("e", normalise(email)).update();
    }

    public List<User> demoUsers() {
        return jdbc.sql("select " + COLUMNS + " from app_user u where u.demo = true order by u.id")
                .query(UserQueries::user).list();
    }

    /** Whether any account is placed at the place (a volunteer's; see {@link PlacedAccounts}). */
    public boolean anyAtPlace(long placeId) {
        return jdbc.sql("select count(*) from app_user where place_id = :p").param("p", placeId).query(Long.class)
                .single() > 0;
    }

    public boolean emailTaken(String email, Long exceptId) {
        return jdbc.sql("select count(*) from app_user where email = :e and id <> :id").param("e", normalise(email))
                .param("id", exceptId == null ? -1 : exceptId).query(Long.class).single() > 0;
    }

    // ---- sign-in throttling -------------------------------------------------------------------

    public void recordFailure(String accountKey, String clientAddr, Instant now) {
        jdbc.sql("insert into login_failure (account_key, client_addr, failed_at) values (:k, :a, :t)")
                .param("k", accountKey).param("a", clientAddr).param("t", ts(now)).update();
    }

    public long failuresForAccount(String accountKey, Instant since) {
        return jdbc.sql("select count(*) from login_failure where account_key = :k and failed_at > :t")
                .param("k", accountKey).param("t", ts(since)).query(Long.class).single();
    }

    /** A pair's failures since a time: how many, and the last one's time (null when none). */
    public record PairFailures(long count, Instant last) {
    }

    public PairFailures pairFailures(String accountKey, String clientAddr, Instant since) {
        return jdbc.sql("""
                select count(*) as n, max(failed_at) as last_at from login_failure
                where account_key = :k and client_addr = :a and failed_at > :t""")
                .param("k", accountKey).param("a", clientAddr).param("t", ts(since))
                .query((rs, n) -> new PairFailures(rs.getLong("n"), instant(rs, "last_at"))).single();
    }

    /** Forgets every failed sign-in of an account. */
    public void clearFailures(String accountKey) {
        jdbc.sql("delete from login_failure where account_key = :k").param("k", accountKey).update();
    }

    public void clearFailures(String accountKey, String clientAddr) {
        jdbc.sql("delete from login_failure where account_key = :k and client_addr = :a").param("k", accountKey)
                .param("a", clientAddr).update();
    }

    public void purgeFailuresBefore(Instant before) {
        jdbc.sql("delete from login_failure where failed_at < :t").param("t", ts(before)).update();
    }

    static String normalise(String email) {
        return email == null ? "" : email.strip().toLowerCase(java.util.Locale.ROOT);
    }

    private static OffsetDateTime ts(Instant i) {
        return i.atOffset(ZoneOffset.UTC);
    }
}
