package fi.kohtaamo.registry.internal;

import fi.kohtaamo.audit.AuditLog;
import fi.kohtaamo.registry.Registry;
import fi.kohtaamo.registry.RegistryAction;
import fi.kohtaamo.registry.internal.Model.Area;
import fi.kohtaamo.registry.internal.Model.Municipality;
import fi.kohtaamo.registry.internal.Model.Organisation;
import fi.kohtaamo.registry.internal.Model.PlaceDetail;
import fi.kohtaamo.shared.AccessControl;
import fi.kohtaamo.shared.Actor;
import fi.kohtaamo.shared.FieldErrors;
import fi.kohtaamo.shared.KohtaamoException;
import fi.kohtaamo.shared.Lang;
import fi.kohtaamo.shared.Scope;
import fi.kohtaamo.shared.Target;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import fi.kohtaamo.registry.OrganisationType;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registry writes (checked, access-controlled, audited) and the {@link Registry} facade for other
 * modules. Every write: check the action on where the record is, check the input, check the action
 * on where the record will be, write with optimistic locking, audit.
 */
@Service
public class RegistryService implements Registry {

    private final RegistryQueries queries;
    private final AuditLog audit;
    private final Clock clock;

    private final fi.kohtaamo.shared.PublicDataCache cache;

    private final org.springframework.context.ApplicationEventPublisher events;

    public RegistryService(RegistryQueries queries, AuditLog audit, Clock clock,
            fi.kohtaamo.shared.PublicDataCache cache, org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.cache = cache;
        this.queries = queries;
        this.audit = audit;
        this.clock = clock;
    }

    // ---- places -------------------------------------------------------------------------------

    public PlaceDetail placeForStaff(Actor actor, long id) {
        Target target = queries.placeTarget(id).orElseThrow(() -> new KohtaamoException.NotFound("place " + id));
        AccessControl.require(actor, RegistryAction.PLACE_READ_INTERNAL, target);
        return queries.place(id).orElseThrow();
    }

    @Transactional
    public long createPlace(Actor actor, PlaceForm form) {
        if (!AccessControl.mayEver(actor, RegistryAction.PLACE_CREATE)) {
            throw new KohtaamoException.Forbidden("PLACE_CREATE");
        }
        FieldErrors errors = new FieldErrors();
        PlaceCommand command = form.toCommand(errors);
        Target target = checkPlace(command, null, errors);
        errors.throwIfAny();
        requirePlaceInScope(actor, RegistryAction.PLACE_CREATE, target, errors);
        long id = queries.insertPlace(command, false, clock.instant());
        audit.record(actor, RegistryAction.PLACE_CREATE.name(), "place", id, target, null, queries.place(id).orElseThrow());
        return id;
    }

    @Transactional
    public void updatePlace(Actor actor, long id, PlaceForm form) {
        Target current = queries.placeTarget(id).orElseThrow(() -> new KohtaamoException.NotFound("place " + id));
        AccessControl.require(actor, RegistryAction.PLACE_UPDATE, current);
        FieldErrors errors = new FieldErrors();
        PlaceCommand command = form.toCommand(errors);
        Integer version = new fi.kohtaamo.shared.Input(errors).integer("version", form.version, 0, Integer.MAX_VALUE, 0);
        Target target = checkPlace(command, id, errors);
        errors.throwIfAny();
        requirePlaceInScope(actor, RegistryAction.PLACE_UPDATE, target, errors);
        PlaceDetail before = queries.place(id).orElseThrow();
        if (!queries.updatePlace(id, version, command, clock.instant())) {
            throw new KohtaamoException.Conflict("stale", "place " + id);
        }
        audit.record(actor, RegistryAction.PLACE_UPDATE.name(), "place", id, target, before, queries.place(id).orElseThrow());
    }

    @Transactional
    public void deletePlace(Actor actor, long id) {
        Target current = queries.placeTarget(id).orElseThrow(() -> new KohtaamoException.NotFound("place " + id));
        AccessControl.require(actor, RegistryAction.PLACE_DELETE, current);
        PlaceDetail before = queries.place(id).orElseThrow();
        // the modules holding records of the place act first, in this transaction, or refuse (fi.kohtaamo.registry.PlaceDeleted)
        events.publishEvent(new fi.kohtaamo.registry.PlaceDeleted(id));
        queries.deletePlace(id);
        audit.record(actor, RegistryAction.PLACE_DELETE.name(), "place", id, current, before, null);
    }

    /** Checks references of a place command; returns where the place will sit (null when unknown). */
    private Target checkPlace(PlaceCommand c, Long id, FieldErrors errors) {
        if (c == null) {
            return null;
        }
        Optional<Area> area = queries.area(c.areaId());
        Optional<Municipality> muni = queries.municipality(c.municipalityCode());
        if (area.isEmpty()) {
            errors.add("areaId", "validation.choice");
        }
        if (muni.isEmpty()) {
            errors.add("municipalityCode", "validation.unknownMunicipality");
        }
        if (area.isPresent() && muni.isPresent() && !area.get().municipalityCodes().contains(muni.get().code())) {
            errors.add("municipalityCode", "validation.municipalityNotInArea");
        }
        for (Long org : c.organiserIds()) {
            if (queries.organisation(org).isEmpty()) {
                errors.add("organiserIds", "validation.choice");
                break;
            }
        }
        if (area.isEmpty()) {
            return null;
        }
        return new Target(area.get().countyId(), c.areaId(), Set.copyOf(c.organiserIds()), id);
    }

    /**
     * A place may only be written where the actor may act: otherwise it is a field error, not a write. Its area
     * must be one the actor reaches by geography (a coordinator's county or area), or lie in the county of one
     * of the place's organisers that the actor reaches (an organisation's county is its own or its nearest
     * ancestor's): staff of an organisation cannot put a place in another county's area.
     */
    private void requirePlaceInScope(Actor actor, RegistryAction action, Target target, FieldErrors errors) {
        requireInScope(actor, action, target, errors);
        boolean areaReached = AccessControl.allows(actor, action, new Target(target.countyId(), target.areaId(),
                Set.of(), null));
        boolean organiserThere = target.organisationIds().stream()
                .filter(o -> AccessControl.allows(actor, action, new Target(null, null, Set.of(o), null)))
                .anyMatch(o -> countyOfOrganisation(o).map(target.countyId()::equals).orElse(false));
        if (!areaReached && !organiserThere) {
            errors.add("areaId", "validation.areaOtherCounty").throwIfAny();
        }
    }

    /** A record may only be written where the actor may act: otherwise it is a field error, not a write. */
    private static void requireInScope(Actor actor, RegistryAction action, Target target, FieldErrors errors) {
        if (!AccessControl.allows(actor, action, target)) {
            errors.add(AccessControl.scope(actor, action).geographic() ? "areaId" : "organiserIds", "validation.outOfScope");
            errors.throwIfAny();
        }
    }

    // ---- organisations ------------------------------------------------------------------------

    public Organisation organisationForStaff(Actor actor, long id) {
        Organisation o = queries.organisation(id).orElseThrow(() -> new KohtaamoException.NotFound("organisation " + id));
        AccessControl.require(actor, RegistryAction.ORGANISATION_UPDATE, organisationTarget(o.id(), o.countyId()));
        return o;
    }

    public Target organisationTarget(long id, Long countyId) {
        Set<Long> orgs = new HashSet<>(queries.organisationAncestry(id));
        return new Target(countyId, null, orgs, null);
    }

    @Transactional
    public long createOrganisation(Actor actor, OrganisationForm form) {
        if (!AccessControl.mayEver(actor, RegistryAction.ORGANISATION_CREATE)) {
            throw new KohtaamoException.Forbidden("ORGANISATION_CREATE");
        }
        FieldErrors errors = new FieldErrors();
        OrganisationCommand c = form.toCommand(errors);
        checkOrganisation(c, null, errors);
        errors.throwIfAny();
        Target target = new Target(c.countyId(), null, Set.of(), null);
        if (!AccessControl.allows(actor, RegistryAction.ORGANISATION_CREATE, target)) {
            errors.add("countyId", "validation.outOfScope").throwIfAny();
        }
        long id = queries.insertOrganisation(c, clock.instant());
        audit.record(actor, RegistryAction.ORGANISATION_CREATE.name(), "organisation", id, target, null,
                queries.organisation(id).orElseThrow());
        return id;
    }

    @Transactional
    public void updateOrganisation(Actor actor, long id, OrganisationForm form) {
        Organisation before = organisationForStaff(actor, id);
        FieldErrors errors = new FieldErrors();
        OrganisationCommand c = form.toCommand(errors);
        Integer version = new fi.kohtaamo.shared.Input(errors).integer("version", form.version, 0, Integer.MAX_VALUE, 0);
        checkOrganisation(c, id, errors);
        errors.throwIfAny();
        Target target = new Target(c.countyId(), null, Set.of(), null);
        if (!AccessControl.allows(actor, RegistryAction.ORGANISATION_UPDATE, target)) {
            errors.add("countyId", "validation.outOfScope").throwIfAny();
        }
        if (!queries.updateOrganisation(id, version, c, clock.instant())) {
            throw new KohtaamoException.Conflict("stale", "organisation " + id);
        }
        audit.record(actor, RegistryAction.ORGANISATION_UPDATE.name(), "organisation", id, target, before,
                queries.organisation(id).orElseThrow());
    }

    private void checkOrganisation(OrganisationCommand c, Long id, FieldErrors errors) {
        if (c == null) {
            return;
        }
        if (c.parentId() != null) {
            Optional<Organisation> parent = queries.organisation(c.parentId());
            if (parent.isEmpty()) {
                errors.add("parentId", "validation.choice");
            } else if (id != null && queries.organisationWithDescendants(id).contains(c.parentId())) {
                errors.add("parentId", "validation.parentCycle");
            } else if (parent.get().countyId() != null && !parent.get().countyId().equals(c.countyId())) {
                // staff of a parent reach its sub-organisations' places: a parent must be national or in the same county
                errors.add("parentId", "validation.parentOtherCounty");
            }
        }
        if (c.countyId() != null && queries.county(c.countyId()).isEmpty()) {
            errors.add("countyId", "validation.choice");
        }
        if (c.municipalityCode() != null) {
            Optional<Municipality> m = queries.municipality(c.municipalityCode());
            if (m.isEmpty()) {
                errors.add("municipalityCode", "validation.unknownMunicipality");
            } else if (c.countyId() == null || m.get().countyId() != c.countyId()) {
                errors.add("municipalityCode", "validation.municipalityOtherCounty");
            }
        }
    }

    // ---- areas and municipalities -------------------------------------------------------------

    /** An area for its edit page: only for those who may update it. */
    public Area areaForStaff(Actor actor, long id) {
        Area a = queries.area(id).orElseThrow(() -> new KohtaamoException.NotFound("area " + id));
        AccessControl.require(actor, RegistryAction.AREA_UPDATE, new Target(a.countyId(), id, Set.of(), null));
        return a;
    }

    /** A municipality for its edit page: only for those who may update it. */
    public Municipality municipalityForStaff(Actor actor, String code) {
        Municipality m = queries.municipality(code)
                .orElseThrow(() -> new KohtaamoException.NotFound("municipality " + code));
        AccessControl.require(actor, RegistryAction.MUNICIPALITY_UPDATE, Target.county(m.countyId()));
        return m;
    }

    @Transactional
    public long createArea(Actor actor, AreaForm form) {
        if (!AccessControl.mayEver(actor, RegistryAction.AREA_CREATE)) {
            throw new KohtaamoException.Forbidden("AREA_CREATE");
        }
        FieldErrors errors = new FieldErrors();
        AreaForm.Checked c = form.check(errors);
        checkAreaMunicipalities(c, errors);
        errors.throwIfAny();
        Target target = Target.county(c.countyId());
        if (!AccessControl.allows(actor, RegistryAction.AREA_CREATE, target)) {
            errors.add("countyId", "validation.outOfScope").throwIfAny();
        }
        long id = queries.insertArea(c.countyId(), c.name(), c.description(), c.municipalities(), clock.instant());
        audit.record(actor, RegistryAction.AREA_CREATE.name(), "area", id, new Target(c.countyId(), id, Set.of(), null),
                null, queries.area(id).orElseThrow());
        return id;
    }

    @Transactional
    public void updateArea(Actor actor, long id, AreaForm form) {
        Area before = queries.area(id).orElseThrow(() -> new KohtaamoException.NotFound("area " + id));
        Target target = new Target(before.countyId(), id, Set.of(), null);
        AccessControl.require(actor, RegistryAction.AREA_UPDATE, target);
        FieldErrors errors = new FieldErrors();
        form.countyId = String.valueOf(before.countyId());
        AreaForm.Checked c = form.check(errors);
        checkAreaMunicipalities(c, errors);
        errors.throwIfAny();
        if (!queries.updateArea(id, c.version(), c.name(), c.description(), c.municipalities(), clock.instant())) {
            throw new KohtaamoException.Conflict("stale", "area " + id);
        }
        audit.record(actor, RegistryAction.AREA_UPDATE.name(), "area", id, target, before, queries.area(id).orElseThrow());
    }

    private void checkAreaMunicipalities(AreaForm.Checked c, FieldErrors errors) {
        if (c == null) {
            return;
        }
        if (queries.county(c.countyId()).isEmpty()) {
            errors.add("countyId", "validation.choice");
            return;
        }
        for (String code : c.municipalities()) {
            Optional<Municipality> m = queries.municipality(code);
            if (m.isEmpty() || m.get().countyId() != c.countyId()) {
                errors.add("municipalities", "validation.unknownMunicipality");
                return;
            }
        }
    }

    @Transactional
    public void updateMunicipality(Actor actor, String code, MunicipalityForm form) {
        Municipality before = queries.municipality(code)
                .orElseThrow(() -> new KohtaamoException.NotFound("municipality " + code));
        Target target = Target.county(before.countyId());
        AccessControl.require(actor, RegistryAction.MUNICIPALITY_UPDATE, target);
        FieldErrors errors = new FieldErrors();
        MunicipalityForm.Checked c = form.check(errors);
        errors.throwIfAny();
        if (!queries.updateMunicipality(code, c.version(), c.name(), c.languageStatus(), c.centreLatitude(),
                c.centreLongitude(), clock.instant())) {
            throw new KohtaamoException.Conflict("stale", "municipality " + code);
        }
        audit.record(actor, RegistryAction.MUNICIPALITY_UPDATE.name(), "municipality", code, target, before,
                queries.municipality(code).orElseThrow());
    }

    // ---- Registry facade ----------------------------------------------------------------------

    @Override
    public Set<Long> organisationWithDescendants(Long organisationId) {
        return organisationId == null ? Set.of() : cache.get(List.of("organisationWithDescendants", organisationId),
                () -> Set.copyOf(queries.organisationWithDescendants(organisationId)));
    }

    @Override
    public Optional<Target> placeTarget(long placeId) {
        return cache.get(List.of("placeTarget", placeId), () -> queries.placeTarget(placeId));
    }

    @Override
    public Optional<Long> countyOfArea(long areaId) {
        return queries.area(areaId).map(Area::countyId);
    }

    @Override
    public Optional<Long> countyOfOrganisation(long organisationId) {
        for (Long id : queries.organisationAncestry(organisationId)) {
            Optional<Long> county = queries.organisation(id).map(Organisation::countyId);
            if (county.isPresent()) {
                return county;
            }
        }
        return Optional.empty();
    }

    @Override
    public Optional<Long> areaOfPlace(long placeId) {
        return queries.placeTarget(placeId).map(Target::areaId);
    }

    @Override
    public List<fi.kohtaamo.registry.OpeningHours> openingHours(long placeId, java.time.LocalDate on) {
        return queries.openingHours(placeId, on);
    }

    @Override
    public List<Ref> counties() {
        return queries.counties().stream().map(c -> new Ref(c.id(), c.name())).toList();
    }

    @Override
    public List<Ref> areas(Long countyId) {
        return queries.areas(countyId).stream().map(a -> new Ref(a.id(), a.name())).toList();
    }

    @Override
    public List<Ref> organisations(Long countyId) {
        return queries.organisations(countyId, Lang.FI).stream().map(o -> new Ref(o.id(), o.name())).toList();
    }

    @Override
    public Optional<Ref> organisation(long id) {
        return cache.get(List.of("organisationRef", id),
                () -> queries.organisation(id).map(o -> new Ref(o.id(), o.name())));
    }

    @Override
    public Optional<Ref> place(long id) {
        return queries.place(id).map(p -> new Ref(p.id(), p.name()));
    }

    @Override
    public Optional<Ref> area(long id) {
        return queries.area(id).map(a -> new Ref(a.id(), a.name()));
    }

    @Override
    public Optional<Ref> county(long id) {
        return queries.county(id).map(c -> new Ref(c.id(), c.name()));
    }

    @Override
    public Optional<Long> organisationIdByName(String nameFi) {
        return queries.organisationIdByName(nameFi);
    }

    @Override
    public List<Ref> placesOfOrganisation(long organisationId) {
        return queries.placesOfOrganisations(List.of(organisationId), Lang.FI).stream()
                .map(p -> new Ref(p.id(), p.name())).toList();
    }

    @Override
    public List<Ref> places(Long countyId, Long areaId) {
        Scope scope = areaId != null ? new Scope(false, -1, areaId, List.of(-1L), -1)
                : countyId != null ? new Scope(false, countyId, -1, List.of(-1L), -1)
                : Scope.ALL;
        return queries.placesInScope(scope, Lang.FI).stream().map(p -> new Ref(p.id(), p.name())).toList();
    }

    @Override
    public Optional<Long> countyIdByCode(String code) {
        return queries.counties().stream().filter(c -> c.code().equals(code)).map(Model.County::id).findFirst();
    }

    @Override
    public List<Ref> organisationsOfType(fi.kohtaamo.registry.OrganisationType type) {
        return queries.organisations(null, Lang.FI).stream().filter(o -> o.type() == type)
                .map(o -> new Ref(o.id(), o.name())).toList();
    }

    @Override
    public java.util.Map<Long, fi.kohtaamo.registry.PlaceInfo> publicPlaces(fi.kohtaamo.registry.PlaceCriteria criteria) {
        // public data, read by every calendar request: kept until the next write (an unmodifiable, shared map)
        return cache.get(java.util.List.of("publicPlaces", criteria),
                () -> java.util.Collections.unmodifiableMap(queries.placeInfos(criteria)));
    }

    @Override
    public boolean municipalityExists(String code) {
        return code != null && code.matches("^[0-9]{3}$")
                && cache.get(List.of("municipalityExists", code), () -> queries.municipality(code).isPresent());
    }

    @Override
    public boolean areaExists(long id) {
        return cache.get(List.of("areaExists", id), () -> queries.area(id).isPresent());
    }

    @Override
    public List<StaffPlace> placesInScope(Scope scope) {
        return queries.placesInScope(scope, Lang.FI).stream().map(p -> new StaffPlace(p.id(), p.name(),
                p.municipalityCode(), p.municipalityName(), p.published())).toList();
    }

    /**
     * Kept in the data cache by scope (a report asks for all the places of a scope on every request; the
     * scope is part of the key and access is checked before): any audited registry write moves the data
     * version, so a renamed or moved place is in the next report.
     */
    @Override
    public List<ReportPlace> reportPlaces(Scope scope) {
        return cache.get(List.of("reportPlaces", scope), () -> {
            // every area's county in one read (asking area by area read all areas once per area: a nation's
            // hundreds of areas took hundreds of queries whenever the cache had to compute this anew)
            Map<Long, Long> counties = queries.areas(null).stream()
                    .collect(java.util.stream.Collectors.toMap(Model.Area::id, Model.Area::countyId));
            return queries.placesInScope(scope, Lang.FI).stream().map(p -> new ReportPlace(p.id(), p.name(), p.kind(),
                    p.municipalityCode(), p.municipalityName(), p.areaId(), p.areaName(),
                    counties.getOrDefault(p.areaId(), -1L),
                    p.organisers().stream().map(o -> o.id()).collect(java.util.stream.Collectors.toUnmodifiableSet()),
                    p.published())).toList();
        });
    }

    @Override
    public Map<Long, OrganisationNode> organisationTree() {
        return cache.get(List.of("organisationTree"), () -> {
            Map<Long, OrganisationNode> out = new java.util.HashMap<>();
            queries.organisations(null, Lang.FI).forEach(o -> out.put(o.id(), new OrganisationNode(o.id(), o.parentId(),
                    o.type(), o.name())));
            return Map.copyOf(out);
        });
    }

    @Override
    public Optional<StaffPlace> staffPlace(long placeId) {
        return queries.place(placeId).map(p -> new StaffPlace(p.id(), p.name(), p.municipalityCode(),
                p.municipalityName(), p.published()));
    }

    @Override
    public List<MunicipalityRef> municipalities(Long countyId) {
        return queries.municipalities(countyId).stream().map(m -> new MunicipalityRef(m.code(), m.name(), m.countyId()))
                .toList();
    }

    // ---- mapping questionnaires (fi.kohtaamo.registry.PlaceProfile) -------------------------------

    @Override
    public Optional<fi.kohtaamo.registry.PlaceProfile> placeProfile(long placeId, java.time.LocalDate on) {
        return queries.place(placeId).map(p -> {
            var a = p.accessibility();
            java.util.Set<fi.kohtaamo.registry.AccessibilityFeature> features = java.util.EnumSet.noneOf(
                    fi.kohtaamo.registry.AccessibilityFeature.class);
            PlaceForm.of(p).features.forEach(f -> features.add(fi.kohtaamo.registry.AccessibilityFeature.valueOf(f)));
            var hours = openingHours(placeId, on);
            int weekdays = (int) hours.stream().map(fi.kohtaamo.registry.OpeningHours::weekday)
                    .filter(d -> d.getValue() <= 5).distinct().count();
            boolean evenings = hours.stream().anyMatch(h -> h.closes().isAfter(java.time.LocalTime.of(17, 0)));
            boolean weekends = hours.stream().anyMatch(h -> h.weekday().getValue() > 5);
            var st = p.staffing();
            return new fi.kohtaamo.registry.PlaceProfile(p.id(), p.name(), p.kind(), p.countyId(), p.areaId(),
                    p.organiserIds(), p.targetGroups(), st.employees(), st.wageSubsidyStaff(), st.interns(),
                    st.volunteers(), p.premisesType(), p.premisesOwnership(), java.util.Set.copyOf(features),
                    p.cooperationPartners(), p.funding(), weekdays, evenings, weekends, p.version());
        });
    }

    @Override
    @Transactional
    public boolean correctProfile(Actor actor, long placeId, fi.kohtaamo.registry.PlaceProfile.Correction c) {
        var current = placeProfile(placeId, java.time.LocalDate.now(clock)).orElseThrow(
                () -> new KohtaamoException.NotFound("place " + placeId));
        AccessControl.require(actor, RegistryAction.PLACE_UPDATE, queries.placeTarget(placeId).orElseThrow());
        var same = current.unchanged();
        if (same.equals(new fi.kohtaamo.registry.PlaceProfile.Correction(current.version(), c.targetGroups(),
                c.employees(), c.wageSubsidyStaff(), c.interns(), c.volunteers(), c.premisesType(), c.premisesOwnership(),
                c.accessibility(), c.cooperationPartners(), c.funding()))) {
            return false;
        }
        PlaceForm form = PlaceForm.of(queries.place(placeId).orElseThrow());
        form.version = String.valueOf(c.version());
        form.targetGroups = new java.util.ArrayList<>(c.targetGroups().stream().map(Enum::name).sorted().toList());
        form.employees = String.valueOf(c.employees());
        form.wageSubsidyStaff = String.valueOf(c.wageSubsidyStaff());
        form.interns = String.valueOf(c.interns());
        form.volunteers = String.valueOf(c.volunteers());
        form.premisesType = c.premisesType() == null ? null : c.premisesType().name();
        form.premisesOwnership = c.premisesOwnership() == null ? null : c.premisesOwnership().name();
        form.features = new java.util.ArrayList<>(c.accessibility().stream().map(Enum::name).sorted().toList());
        form.cooperationPartners = c.cooperationPartners();
        form.funding = new java.util.ArrayList<>(c.funding().stream().map(Enum::name).sorted().toList());
        updatePlace(actor, placeId, form);
        return true;
    }

    @Override
    public Map<Long, PlacePoint> placePoints(Scope scope) {
        return cache.get(List.of("placePoints", scope), () -> queries.placePoints(scope));
    }
}
