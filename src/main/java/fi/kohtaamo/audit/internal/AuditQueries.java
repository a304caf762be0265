package fi.kohtaamo.audit.internal;

import fi.kohtaamo.shared.Scope;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reading the audit log, newest first, one page at a time. Scoping is done in SQL on the county and
 * area stored with each entry: an administrator sees everything, a county coordinator the entries of
 * their county, an area coordinator those of their area.
 */
@Repository
public class AuditQueries {

    public static final int PAGE_SIZE = 50;

    /** One logged write. Before/after are the JSON texts as stored (null when there was none). */
    public record Entry(long id, Instant occurredAt, Long actorId, String actorName, String action, String entityType,
            String entityId, String beforeJson, String afterJson) {
    }

    /** Optional filters: the kind of record, and a time range [from, to); null means no limit. */
    public record Filter(String entityType, Instant from, Instant to) {

        public static final Filter NONE = new Filter(null, null, null);
    }

    public record Page(List<Entry> entries, int page, long total) {

        public int pages() {
            return (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        }
    }

    // Timestamps are always bound (with a flag telling whether they apply) so that PostgreSQL knows their type.
    private static final String WHERE = " " + """
             from audit_log l
             where (:scopeAll or l.county_id = :scopeCounty or l.area_id = :scopeArea)
               and (:anyType or l.entity_type = :type)
               and (:anyFrom or l.occurred_at >= :from)
               and (:anyTo or l.occurred_at < :to)""";

    private static final OffsetDateTime UNUSED = Instant.EPOCH.atOffset(ZoneOffset.UTC);

    private final JdbcClient jdbc;

    public AuditQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A page (1-based) of the entries in the scope that match the filter, newest first. */
    public Page page(Scope scope, Filter filter, int page) {
        long total = bind(jdbc.sql("select count(*)" + WHERE), scope, filter).query(Long.class).single();
        List<Entry> entries = bind(jdbc.sql("""
                select l.id, l.occurred_at, l.actor_id, l.actor_name, l.action, l.entity_type, l.entity_id,
                       l.before_json, l.after_json""" + WHERE
                + " order by l.occurred_at desc, l.id desc limit :limit offset :offset"), scope, filter)
                .param("limit", PAGE_SIZE).param("offset", (long) (page - 1) * PAGE_SIZE)
                .query(AuditQueries::entry).list();
        return new Page(entries, page, total);
    }

    /** The kinds of record that appear in the scope's entries, for the filter. */
    public List<String> entityTypes(Scope scope) {
        return bind(jdbc.sql("select distinct l.entity_type" + WHERE + " order by l.entity_type"), scope,
                Filter.NONE).query(String.class).list();
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Scope scope, Filter f) {
        return spec.param("scopeAll", scope.all()).param("scopeCounty", scope.countyId())
                .param("scopeArea", scope.areaId())
                .param("anyType", f.entityType() == null).param("type", f.entityType() == null ? "" : f.entityType())
                .param("anyFrom", f.from() == null).param("from", f.from() == null ? UNUSED : ts(f.from()))
                .param("anyTo", f.to() == null).param("to", f.to() == null ? UNUSED : ts(f.to()));
    }

    private static Entry entry(ResultSet rs, int n) throws SQLException {
        long actor = rs.getLong("actor_id");
        Long actorId = rs.wasNull() ? null : actor;
        return new Entry(rs.getLong("id"), rs.getObject("occurred_at", OffsetDateTime.class).toInstant(), actorId,
                rs.getString("actor_name"), rs.getString("action"), rs.getString("entity_type"),
                rs.getString("entity_id"), rs.getString("before_json"), rs.getString("after_json"));
    }

    private static OffsetDateTime ts(Instant i) {
        return i.atOffset(ZoneOffset.UTC);
    }
}
