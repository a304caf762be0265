package fi.kohtaamo.guidance.internal.directory;

import fi.kohtaamo.audit.AuditLog;
import fi.kohtaamo.guidance.ServiceAction;
import fi.kohtaamo.guidance.internal.directory.DirectoryModel.Need;
import fi.kohtaamo.registry.CountyCreated;
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
 * The county's catalogue of families' needs, kept by its coordinators through {@code shared.CountyCatalogue}: added,
 * renamed in fi/sv/en, reordered, retired (inactive: no longer offered, kept on the services that have it) and deleted
 * only while no service uses it; every write audited as {@code GUIDANCE_NEED_*}. A new county gets the seeded
 * catalogue ({@code fi/kohtaamo/guidance/needs.txt}) when it is created; older counties got it from migration V23.
 */
@Service
public class NeedService {

    static final String SEED = "/fi/kohtaamo/guidance/needs.txt";

    private final NeedQueries queries;
    private final Registry registry;
    private final AuditLog audit;

    NeedService(NeedQueries queries, Registry registry, AuditLog audit) {
        this.queries = queries;
        this.registry = registry;
        this.audit = audit;
    }

    @EventListener
    void countyCreated(CountyCreated event) {
        queries.catalogue().seedIfEmpty(event.countyId());
    }

    public List<Need> needs(long countyId) {
        return queries.needs(countyId);
    }

    List<CountyCatalogue.Item> items(long countyId) {
        return queries.catalogue().list(countyId);
    }

    Map<String, String> editValues(long countyId, String edit) {
        return queries.catalogue().editValues(countyId, edit);
    }

    public void require(Actor actor, long countyId) {
        if (registry.county(countyId).isEmpty()) {
            throw new KohtaamoException.NotFound("county " + countyId);
        }
        AccessControl.require(actor, ServiceAction.NEED_MANAGE, Target.county(countyId));
    }

    /** Adds a need (id null) or renames one and sets whether it is offered; the code is given once. */
    @Transactional
    public long save(Actor actor, long countyId, Long id, Map<String, String> form) {
        require(actor, countyId);
        CountyCatalogue.Saved saved = queries.catalogue().save(countyId, id, form);
        audit.record(actor, saved.created() ? "GUIDANCE_NEED_CREATE" : "GUIDANCE_NEED_UPDATE", "guidance_need",
                saved.after().id(), Target.county(countyId), saved.before(), saved.after());
        return saved.after().id();
    }

    /** Moves a need up, down or to a number; the catalogue is renumbered 1…n. */
    @Transactional
    public void move(Actor actor, long countyId, long id, Map<String, String> form) {
        require(actor, countyId);
        queries.catalogue().move(countyId, id, form).ifPresent(m -> audit.record(actor, "GUIDANCE_NEED_MOVE",
                "guidance_need", id, Target.county(countyId), m.before(), m.after()));
    }

    /** Deletes a need no service of the county uses; one in use can only be retired. */
    @Transactional
    public void delete(Actor actor, long countyId, long id, Map<String, String> form) {
        require(actor, countyId);
        CountyCatalogue.Item deleted = queries.catalogue().delete(countyId, id, form);
        audit.record(actor, "GUIDANCE_NEED_DELETE", "guidance_need", id, Target.county(countyId), deleted, null);
    }
}
