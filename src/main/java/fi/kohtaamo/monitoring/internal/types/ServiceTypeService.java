package fi.kohtaamo.monitoring.internal.types;

import fi.kohtaamo.audit.AuditLog;
import fi.kohtaamo.monitoring.MonitoringAction;
import fi.kohtaamo.monitoring.ServiceTypes;
import fi.kohtaamo.monitoring.internal.types.ServiceTypeQueries.Row;
import fi.kohtaamo.registry.Registry;
import fi.kohtaamo.shared.AccessControl;
import fi.kohtaamo.shared.Actor;
import fi.kohtaamo.shared.FieldErrors;
import fi.kohtaamo.shared.Input;
import fi.kohtaamo.shared.KohtaamoException;
import fi.kohtaamo.shared.LocalizedText;
import fi.kohtaamo.shared.SeededCatalogue;
import fi.kohtaamo.shared.Target;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The county's service types: the {@link ServiceTypes} other code reads, the seeding of a new county, and the
 * coordinators' writes (add, rename in three languages, (de)activate, move up or down), each checked against the
 * county for {@link MonitoringAction#SERVICE_TYPE_MANAGE} and audited. There is no deletion: a code may be stored
 * with counts and handouts, so a type that is no longer wanted is deactivated.
 */
@Service
public class ServiceTypeService implements ServiceTypes {

    static final String SEED = "/fi/kohtaamo/monitoring/service-types.txt";
    /** A county's list stays a list one can read at the door. */
    static final int MAX_TYPES = 60;

    private final ServiceTypeQueries queries;
    private final Registry registry;
    private final AuditLog audit;
    private final Clock clock;

    ServiceTypeService(ServiceTypeQueries queries, Registry registry, AuditLog audit, Clock clock) {
        this.queries = queries;
        this.registry = registry;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public List<ServiceType> all(long countyId) {
        return queries.all(countyId).stream().map(r -> new ServiceType(r.code(), r.name(), r.position(), r.active()))
                .toList();
    }

    /**
     * A new county starts with the seeded types ({@code registry.CountyCreated}, in the transaction that inserts it,
     * the demo's and the national dataset's counties too); counties older than this rule got them from migration V22.
     */
    @EventListener
    void countyCreated(fi.kohtaamo.registry.CountyCreated event) {
        if (!queries.all(event.countyId()).isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        for (SeededCatalogue.Entry e : SeededCatalogue.read(SEED)) {
            queries.insert(event.countyId(), e.code(), e.name(), true, now);
        }
    }

    List<Row> rows(long countyId) {
        return queries.all(countyId);
    }

    void require(Actor actor, long countyId) {
        if (registry.county(countyId).isEmpty()) {
            throw new KohtaamoException.NotFound("county " + countyId);
        }
        AccessControl.require(actor, MonitoringAction.SERVICE_TYPE_MANAGE, Target.county(countyId));
    }

    /** A code as coordinators type it: upper case, letters A–Z, digits and underscores. */
    static String code(String raw) {
        return raw == null ? null : raw.strip().toUpperCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
    }

    /** Adds a type (id null) or renames and (de)activates one; the code is given once and never changes. */
    @Transactional
    public long save(Actor actor, long countyId, Long id, Map<String, String> form) {
        require(actor, countyId);
        Row before = id == null ? null : queries.one(id).filter(r -> r.countyId() == countyId)
                .orElseThrow(() -> new KohtaamoException.NotFound("service type " + id));
        FieldErrors errors = new FieldErrors();
        Input in = new Input(errors);
        String code = null;
        if (before == null) {
            code = code(in.requiredLine("code", form.get("code"), 40));
            if (code != null && !code.matches("^[A-Z][A-Z0-9_]{1,39}$")) {
                errors.add("code", "monitoring.types.validation.code");
            } else if (code != null && queries.codeTaken(countyId, code)) {
                errors.add("code", "monitoring.types.validation.codeTaken");
            }
            if (queries.all(countyId).size() >= MAX_TYPES) {
                errors.add("code", "monitoring.types.validation.tooMany", MAX_TYPES);
            }
        }
        LocalizedText name = new LocalizedText(in.requiredLine("nameFi", form.get("nameFi"), 200),
                in.line("nameSv", form.get("nameSv"), 200), in.line("nameEn", form.get("nameEn"), 200));
        boolean active = "true".equals(form.get("active"));
        Integer version = before == null ? null : in.integer("version", form.get("version"), 0, Integer.MAX_VALUE, null);
        if (before != null && version == null && !errors.has("version")) {
            errors.add("version", "monitoring.types.validation.version");
        }
        errors.throwIfAny();
        Instant now = clock.instant();
        long saved;
        if (before == null) {
            saved = queries.insert(countyId, code, name, active, now);
        } else {
            if (!queries.update(id, version, name, active, now)) {
                throw new KohtaamoException.Conflict("stale", "service type " + id);
            }
            saved = id;
        }
        audit.recordNonPublic(actor, before == null ? "SERVICE_TYPE_CREATE" : "SERVICE_TYPE_UPDATE", "service_type",
                saved, Target.county(countyId), before, queries.one(saved).orElseThrow());
        return saved;
    }

    /**
     * Moves a type one step up or down in the county's list (positions renumbered 1, 2, 3…); at either end nothing
     * changes. The version read is checked, so a move made from a stale page is a 409.
     */
    @Transactional
    public void move(Actor actor, long countyId, long id, String direction, String version) {
        require(actor, countyId);
        int step = switch (direction == null ? "" : direction) {
            case "up" -> -1;
            case "down" -> 1;
            default -> throw new KohtaamoException.BadParameter("direction");
        };
        List<Row> list = new ArrayList<>(queries.all(countyId));
        int at = -1;
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).id() == id) {
                at = i;
            }
        }
        if (at < 0) {
            throw new KohtaamoException.NotFound("service type " + id);
        }
        Row before = list.get(at);
        if (version == null || !version.equals(String.valueOf(before.version()))) {
            throw new KohtaamoException.Conflict("stale", "service type " + id);
        }
        int to = at + step;
        if (to < 0 || to >= list.size()) {
            return;
        }
        list.set(at, list.get(to));
        list.set(to, before);
        Instant now = clock.instant();
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).position() != i + 1) {
                queries.position(list.get(i).id(), i + 1, now);
            }
        }
        audit.recordNonPublic(actor, "SERVICE_TYPE_MOVE", "service_type", id, Target.county(countyId), before,
                queries.one(id).orElseThrow());
    }
}
