package fi.kohtaamo.guidance.internal.directory;

import fi.kohtaamo.audit.AuditLog;
import fi.kohtaamo.guidance.ServiceAction;
import fi.kohtaamo.guidance.internal.directory.DirectoryModel.Need;
import fi.kohtaamo.registry.CountyCreated;
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
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The county's catalogue of families' needs, kept by its coordinators: added, renamed in fi/sv/en, reordered,
 * retired (inactive: no longer offered, kept on the services that have it) and deleted only while no service uses it.
 * A new county gets the seeded catalogue ({@code fi/kohtaamo/guidance/needs.txt}) when it is created; older counties
 * got it from migration V23.
 */
@Service
public class NeedService {

    static final String SEED = "/fi/kohtaamo/guidance/needs.txt";
    static final int MAX_NEEDS = 200;

    private final NeedQueries queries;
    private final ServiceEditQueries services;
    private final Registry registry;
    private final AuditLog audit;
    private final Clock clock;

    NeedService(NeedQueries queries, ServiceEditQueries services, Registry registry, AuditLog audit, Clock clock) {
        this.queries = queries;
        this.services = services;
        this.registry = registry;
        this.audit = audit;
        this.clock = clock;
    }

    @EventListener
    void countyCreated(CountyCreated event) {
        if (!queries.needs(event.countyId()).isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        int position = 1;
        for (SeededCatalogue.Entry e : SeededCatalogue.read(SEED)) {
            queries.insert(event.countyId(), e.code(), e.name(), position++, now);
        }
    }

    public List<Need> needs(long countyId) {
        return queries.needs(countyId);
    }

    public void require(Actor actor, long countyId) {
        if (registry.county(countyId).isEmpty()) {
            throw new KohtaamoException.NotFound("county " + countyId);
        }
        AccessControl.require(actor, ServiceAction.NEED_MANAGE, Target.county(countyId));
    }

    private Need ofCounty(long countyId, long id) {
        return queries.need(id).filter(n -> n.countyId() == countyId)
                .orElseThrow(() -> new KohtaamoException.NotFound("need " + id));
    }

    /** Adds a need (id null) or renames one and sets whether it is offered. */
    @Transactional
    public long save(Actor actor, long countyId, Long id, Map<String, String> form) {
        require(actor, countyId);
        Need before = id == null ? null : ofCounty(countyId, id);
        FieldErrors errors = new FieldErrors();
        Input in = new Input(errors);
        String code = null;
        if (before == null) {
            code = in.requiredLine("code", form.get("code"), 40);
            if (code != null && !code.matches("^[a-z0-9_]{2,40}$")) {
                errors.add("code", "guidance.validation.code");
            } else if (code != null && queries.codeTaken(countyId, code)) {
                errors.add("code", "guidance.validation.codeTaken");
            }
        }
        LocalizedText name = new LocalizedText(in.requiredLine("nameFi", form.get("nameFi"), 200),
                in.line("nameSv", form.get("nameSv"), 200), in.line("nameEn", form.get("nameEn"), 200));
        boolean active = before == null || "true".equals(form.get("active"));
        Integer version = before == null ? null : in.integer("version", form.get("version"), 0, Integer.MAX_VALUE, 0);
        List<Need> all = queries.needs(countyId);
        if (before == null && all.size() >= MAX_NEEDS) {
            errors.add("code", "guidance.validation.tooManyRows", MAX_NEEDS);
        }
        errors.throwIfAny();
        Instant now = clock.instant();
        long saved;
        if (before == null) {
            saved = queries.insert(countyId, code, name, all.stream().mapToInt(Need::position).max().orElse(0) + 1, now);
        } else {
            if (!queries.update(id, version, name, active, now)) {
                throw new KohtaamoException.Conflict("stale", "need " + id);
            }
            saved = id;
        }
        audit.record(actor, before == null ? "GUIDANCE_NEED_CREATE" : "GUIDANCE_NEED_UPDATE", "guidance_need", saved,
                Target.county(countyId), before, queries.need(saved).orElseThrow());
        return saved;
    }

    /** Moves a need one step up or down; the whole catalogue is renumbered 1…n. */
    @Transactional
    public void move(Actor actor, long countyId, long id, boolean up) {
        require(actor, countyId);
        Need need = ofCounty(countyId, id);
        List<Need> order = new ArrayList<>(queries.needs(countyId));
        int i = order.indexOf(order.stream().filter(n -> n.id() == id).findFirst().orElseThrow());
        int j = up ? i - 1 : i + 1;
        if (j < 0 || j >= order.size()) {
            return;
        }
        order.set(i, order.get(j));
        order.set(j, need);
        Instant now = clock.instant();
        for (int k = 0; k < order.size(); k++) {
            if (order.get(k).position() != k + 1) {
                queries.position(order.get(k).id(), k + 1, now);
            }
        }
        audit.record(actor, "GUIDANCE_NEED_MOVE", "guidance_need", id, Target.county(countyId), need,
                queries.need(id).orElseThrow());
    }

    /** Deletes a need no service of the county uses; one in use can only be retired. */
    @Transactional
    public void delete(Actor actor, long countyId, long id, String version) {
        require(actor, countyId);
        Need need = ofCounty(countyId, id);
        if (services.needInUse(countyId, need.code())) {
            FieldErrors errors = new FieldErrors();
            errors.add("code", "guidance.validation.needInUse");
            errors.throwIfAny();
        }
        Integer v = new Input(new FieldErrors()).integer("version", version, 0, Integer.MAX_VALUE, null);
        if (v == null || !queries.delete(id, v)) {
            throw new KohtaamoException.Conflict("stale", "need " + id);
        }
        audit.record(actor, "GUIDANCE_NEED_DELETE", "guidance_need", id, Target.county(countyId), need, null);
    }
}
