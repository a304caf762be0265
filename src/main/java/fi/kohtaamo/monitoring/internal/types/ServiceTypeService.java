package fi.kohtaamo.monitoring.internal.types;

import fi.kohtaamo.audit.AuditLog;
import fi.kohtaamo.monitoring.MonitoringAction;
import fi.kohtaamo.monitoring.ServiceTypes;
import fi.kohtaamo.registry.Registry;
import fi.kohtaamo.shared.AccessControl;
import fi.kohtaamo.shared.Actor;
import fi.kohtaamo.shared.CountyCatalogue;
import fi.kohtaamo.shared.KohtaamoException;
import fi.kohtaamo.shared.Target;
import java.util.List;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The county's service types: the {@link ServiceTypes} other code reads, the seeding of a new county, and the
 * coordinators' writes through {@code shared.CountyCatalogue} (add, rename in three languages, (de)activate, move, and
 * delete a type nothing uses), each checked against the county for {@link MonitoringAction#SERVICE_TYPE_MANAGE} and
 * audited. A type stored with counts or by another module ({@code monitoring.ServiceTypeUsers}) is only deactivated.
 */
@Service
public class ServiceTypeService implements ServiceTypes {

    static final String SEED = "/fi/kohtaamo/monitoring/service-types.txt";

    private final ServiceTypeQueries queries;
    private final Registry registry;
    private final AuditLog audit;

    ServiceTypeService(ServiceTypeQueries queries, Registry registry, AuditLog audit) {
        this.queries = queries;
        this.registry = registry;
        this.audit = audit;
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
        queries.catalogue().seedIfEmpty(event.countyId());
    }

    List<CountyCatalogue.Item> rows(long countyId) {
        return queries.all(countyId);
    }

    Map<String, String> editValues(long countyId, String edit) {
        return queries.catalogue().editValues(countyId, edit);
    }

    void require(Actor actor, long countyId) {
        if (registry.county(countyId).isEmpty()) {
            throw new KohtaamoException.NotFound("county " + countyId);
        }
        AccessControl.require(actor, MonitoringAction.SERVICE_TYPE_MANAGE, Target.county(countyId));
    }

    /**
     * Adds a type (id null) or renames and (de)activates one; the code is given once and never changes. The catalogue's
     * writes are audited as public changes (they move the data version): kept report pages show the types' names.
     */
    @Transactional
    public long save(Actor actor, long countyId, Long id, Map<String, String> form) {
        require(actor, countyId);
        CountyCatalogue.Saved saved = queries.catalogue().save(countyId, id, form);
        audit.record(actor, saved.created() ? "SERVICE_TYPE_CREATE" : "SERVICE_TYPE_UPDATE", "service_type",
                saved.after().id(), Target.county(countyId), saved.before(), saved.after());
        return saved.after().id();
    }

    /** Moves a type up, down or to a number in the county's list; a stale page is a 409. */
    @Transactional
    public void move(Actor actor, long countyId, long id, Map<String, String> form) {
        require(actor, countyId);
        queries.catalogue().move(countyId, id, form).ifPresent(m -> audit.record(actor, "SERVICE_TYPE_MOVE",
                "service_type", id, Target.county(countyId), m.before(), m.after()));
    }

    /** Deletes a type that nothing uses; one in use can only be deactivated. */
    @Transactional
    public void delete(Actor actor, long countyId, long id, Map<String, String> form) {
        require(actor, countyId);
        CountyCatalogue.Item deleted = queries.catalogue().delete(countyId, id, form);
        audit.record(actor, "SERVICE_TYPE_DELETE", "service_type", id, Target.county(countyId), deleted, null);
    }
}
