package fi.kohtaamo.audit;

import fi.kohtaamo.shared.Actor;
import fi.kohtaamo.shared.PublicDataCache;
import fi.kohtaamo.shared.Target;
import java.time.Clock;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records a successful write. Call it inside the writing transaction so that the entry and the
 * change are stored together or not at all. Before/after are stored as JSON of the read models.
 * Every audited write also moves the public data version ({@link PublicDataCache#changed()}), in the
 * same transaction, so cached calendars and feeds never outlive a change.
 */
@Component
public class AuditLog {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final JsonMapper json;
    private final PublicDataCache cache;

    AuditLog(JdbcClient jdbc, Clock clock, JsonMapper json, PublicDataCache cache) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.json = json;
        this.cache = cache;
    }

    /**
     * @param action     what was done, e.g. {@code PLACE_UPDATE}
     * @param entityType the kind of record, e.g. {@code place}
     * @param where      where the record sits (county and area are stored to scope reading the log)
     */
    public void record(Actor actor, String action, String entityType, Object entityId, Target where, Object before,
            Object after) {
        write(actor, action, entityType, entityId, where, before, after);
        cache.changed();
    }

    /**
     * Records a write of a place's calendar data (its activities and occurrences, nothing else), which the public
     * sees only in the calendars that show the place: it moves the data version of the place's county (the
     * {@code where}'s), so that other counties' kept calendars hold ({@link PublicDataCache#changedInCounty}).
     * Without a county it is {@link #record}.
     */
    public void recordCalendar(Actor actor, String action, String entityType, Object entityId, Target where,
            Object before, Object after) {
        write(actor, action, entityType, entityId, where, before, after);
        if (where == null || where.countyId() == null) {
            cache.changed();
        } else {
            cache.changedInCounty(where.countyId());
        }
    }

    /**
     * Records a write that changes nothing the public sees (e.g. a visit count), without moving the public
     * data version: such writes are frequent, and public caches must not be thrown away for them.
     */
    public void recordNonPublic(Actor actor, String action, String entityType, Object entityId, Target where,
            Object before, Object after) {
        write(actor, action, entityType, entityId, where, before, after);
    }

    private void write(Actor actor, String action, String entityType, Object entityId, Target where, Object before,
            Object after) {
        jdbc.sql("""
                insert into audit_log (occurred_at, actor_id, actor_name, action, entity_type, entity_id, county_id,
                                       area_id, before_json, after_json)
                values (:at, :actorId, :actorName, :action, :type, :entityId, :county, :area, :before, :after)""")
                .param("at", clock.instant().atOffset(ZoneOffset.UTC))
                .param("actorId", actor == null ? null : actor.id())
                .param("actorName", actor == null ? "system" : actor.name())
                .param("action", action).param("type", entityType).param("entityId", String.valueOf(entityId))
                .param("county", where == null ? null : where.countyId())
                .param("area", where == null ? null : where.areaId())
                .param("before", before == null ? null : json.writeValueAsString(before))
                .param("after", after == null ? null : json.writeValueAsString(after))
                .update();
    }
}
