package fi.kohtaamo.guidance.internal.directory;

import fi.kohtaamo.audit.AuditLog;
import fi.kohtaamo.guidance.internal.directory.DirectoryModel.Channel;
import fi.kohtaamo.guidance.internal.directory.DirectoryModel.ChannelKind;
import fi.kohtaamo.guidance.internal.directory.DirectoryModel.Details;
import fi.kohtaamo.guidance.internal.directory.DirectoryModel.Need;
import fi.kohtaamo.guidance.internal.directory.DirectoryModel.Service;
import fi.kohtaamo.identity.StaffDirectory;
import fi.kohtaamo.monitoring.ServiceTypes;
import fi.kohtaamo.registry.Registry;
import fi.kohtaamo.shared.Actor;
import fi.kohtaamo.shared.FieldErrors;
import fi.kohtaamo.shared.Input;
import fi.kohtaamo.shared.KohtaamoException;
import fi.kohtaamo.shared.Target;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.MultiValueMap;

/**
 * The directory's writes: a service created, edited, marked checked or deleted. Each checks access on the stored
 * record first ({@link ServiceAccess}), then the form against the county (its organisations, staff, municipalities,
 * needs and service types), writes at the version the form was read at, and audits.
 */
@org.springframework.stereotype.Service
public class DirectoryService {

    static final ZoneId HELSINKI = ZoneId.of("Europe/Helsinki");

    private final ServiceEditQueries queries;
    private final NeedQueries needs;
    private final ServiceTypes types;
    private final ServiceAccess access;
    private final Registry registry;
    private final StaffDirectory staff;
    private final AuditLog audit;
    private final Clock clock;

    DirectoryService(ServiceEditQueries queries, NeedQueries needs, ServiceTypes types, ServiceAccess access,
            Registry registry, StaffDirectory staff, AuditLog audit, Clock clock) {
        this.queries = queries;
        this.needs = needs;
        this.types = types;
        this.access = access;
        this.registry = registry;
        this.staff = staff;
        this.audit = audit;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(HELSINKI));
    }

    /** Six months before today: a service not checked since is due. */
    public LocalDate uncheckedBefore() {
        return today().minusMonths(6);
    }

    /** A service the actor may read (404 when there is none, 403 when it is another county's). */
    public Details readable(Actor actor, long id) {
        Details d = queries.details(id).orElseThrow(() -> new KohtaamoException.NotFound("service " + id));
        access.requireRead(actor, d.service().countyId());
        return d;
    }

    /** A service the actor may edit. */
    public Details editable(Actor actor, long id) {
        Details d = queries.details(id).orElseThrow(() -> new KohtaamoException.NotFound("service " + id));
        access.requireEdit(actor, d.service());
        return d;
    }

    @Transactional
    public long create(Actor actor, long countyId, MultiValueMap<String, String> form) {
        access.requireManage(actor, countyId);
        ServiceCommand c = checked(actor, countyId, null, form);
        long id = queries.insert(countyId, c, false, clock.instant());
        audit.record(actor, "GUIDANCE_SERVICE_CREATE", "guidance_service", id, Target.county(countyId), null,
                queries.details(id).orElseThrow());
        return id;
    }

    @Transactional
    public void update(Actor actor, long id, MultiValueMap<String, String> form) {
        Details before = editable(actor, id);
        Service s = before.service();
        FieldErrors errors = new FieldErrors();
        Integer version = new Input(errors).integer("version", ServiceForm.one(form, "version"), 0, Integer.MAX_VALUE, null);
        if (version == null) {
            throw new KohtaamoException.Conflict("stale", "service " + id);
        }
        ServiceCommand c = checked(actor, s.countyId(), before, form);
        if (!queries.update(id, version, c, s.locallyEdited() || "PTV".equals(s.source()), clock.instant())) {
            throw new KohtaamoException.Conflict("stale", "service " + id);
        }
        audit.record(actor, "GUIDANCE_SERVICE_UPDATE", "guidance_service", id, Target.county(s.countyId()), before,
                queries.details(id).orElseThrow());
    }

    @Transactional
    public void markChecked(Actor actor, long id, String version) {
        Details before = editable(actor, id);
        Integer v = new Input(new FieldErrors()).integer("version", version, 0, Integer.MAX_VALUE, null);
        if (v == null || !queries.markChecked(id, v, today(), actor.name(), clock.instant())) {
            throw new KohtaamoException.Conflict("stale", "service " + id);
        }
        audit.record(actor, "GUIDANCE_SERVICE_CHECKED", "guidance_service", id,
                Target.county(before.service().countyId()), before.service(), queries.service(id).orElseThrow());
    }

    @Transactional
    public void delete(Actor actor, long id, String version) {
        Details before = queries.details(id).orElseThrow(() -> new KohtaamoException.NotFound("service " + id));
        access.requireManage(actor, before.service().countyId());
        Integer v = new Input(new FieldErrors()).integer("version", version, 0, Integer.MAX_VALUE, null);
        if (v == null || !queries.delete(id, v)) {
            throw new KohtaamoException.Conflict("stale", "service " + id);
        }
        audit.record(actor, "GUIDANCE_SERVICE_DELETE", "guidance_service", id,
                Target.county(before.service().countyId()), before, null);
    }

    /** The form checked on its own and against the county; throws {@link KohtaamoException.Invalid}. */
    private ServiceCommand checked(Actor actor, long countyId, Details before, MultiValueMap<String, String> form) {
        FieldErrors errors = new FieldErrors();
        ServiceCommand c = ServiceForm.check(form, errors);
        errors.throwIfAny();
        Service s = before == null ? null : before.service();
        Set<Long> orgs = registry.organisations(countyId).stream().map(Registry.Ref::id).collect(Collectors.toSet());
        if (!orgs.contains(c.organisationId()) && (s == null || s.organisationId() != c.organisationId())) {
            errors.add("organisationId", "validation.choice");
        }
        if (types.type(countyId, c.serviceType()).filter(ServiceTypes.ServiceType::active).isEmpty() && (s == null || !s.serviceType().equals(c.serviceType()))) {
            errors.add("serviceType", "validation.choice");
        }
        Set<String> needCodes = needs.needs(countyId).stream().filter(Need::active).map(Need::code)
                .collect(Collectors.toCollection(HashSet::new));
        if (before != null) {
            needCodes.addAll(before.needs());
        }
        if (!needCodes.containsAll(c.needs())) {
            errors.add("needs", "validation.choice");
        }
        Set<String> munis = registry.municipalities(countyId).stream().map(Registry.MunicipalityRef::code)
                .collect(Collectors.toCollection(HashSet::new));
        if (before != null) {
            munis.addAll(before.municipalities());
        }
        if (!munis.containsAll(c.municipalities())) {
            errors.add("municipalities", "validation.choice");
        }
        for (int i = 0; i < c.channels().size(); i++) {
            Channel ch = c.channels().get(i);
            if (ch.kind() == ChannelKind.LOCATION && !registry.municipalityExists(ch.municipalityCode())) {
                errors.add("channels[" + i + "].municipality", "validation.choice");
            }
        }
        Long storedOwner = s == null ? null : s.ownerUserId();
        if (!Objects.equals(c.ownerUserId(), storedOwner)) {
            if (!access.mayManage(actor, countyId)) {
                errors.add("ownerUserId", "guidance.validation.ownerByCoordinator");
            } else if (c.ownerUserId() != null && staff.staffOf(countyId).stream()
                    .noneMatch(p -> p.id() == c.ownerUserId())) {
                errors.add("ownerUserId", "validation.choice");
            }
        }
        errors.throwIfAny();
        return c;
    }

    /** The county's staff who may own a service, for the pick list. */
    public List<StaffDirectory.Person> owners(long countyId) {
        return staff.staffOf(countyId);
    }
}
