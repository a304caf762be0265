package fi.kohtaamo.guidance.internal.directory;

import fi.kohtaamo.guidance.internal.directory.DirectoryModel.Details;
import fi.kohtaamo.guidance.internal.directory.DirectoryModel.Status;
import fi.kohtaamo.identity.StaffDirectory;
import fi.kohtaamo.monitoring.ServiceTypes;
import fi.kohtaamo.registry.Registry;
import fi.kohtaamo.shared.Actor;
import fi.kohtaamo.shared.KohtaamoException;
import fi.kohtaamo.shared.Lang;
import fi.kohtaamo.shared.LocalizedText;
import fi.kohtaamo.shared.Option;
import fi.kohtaamo.shared.PathIds;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** What the directory's staff pages show beside a service: the county's choices and their names, and the list's filter. */
@Component
class ServiceEditViews {

    private final Registry registry;
    private final ServiceTypes types;
    private final NeedQueries needs;
    private final ServiceAccess access;
    private final StaffDirectory staff;

    ServiceEditViews(Registry registry, ServiceTypes types, NeedQueries needs, ServiceAccess access, StaffDirectory staff) {
        this.registry = registry;
        this.types = types;
        this.needs = needs;
        this.access = access;
        this.staff = staff;
    }

    /** The county a page is about: the parameter (an administrator's choice), else the actor's, else the first. */
    long county(Actor actor, String raw) {
        if (raw != null && !raw.isBlank()) {
            return PathIds.orNotFound(raw);
        }
        Long own = access.countyOf(actor);
        if (own != null) {
            return own;
        }
        return registry.counties().stream().map(Registry.Ref::id).findFirst()
                .orElseThrow(() -> new KohtaamoException.NotFound("county"));
    }

    ServiceEditQueries.Filter filter(long county, Map<String, String> p, LocalDate uncheckedBefore) {
        String type = p.get("type");
        String muni = p.get("municipality");
        Status status = null;
        if (p.get("status") != null && !p.get("status").isBlank()) {
            try {
                status = Status.valueOf(p.get("status"));
            } catch (IllegalArgumentException e) {
                throw new KohtaamoException.BadParameter("status");
            }
        }
        if (type != null && !type.isBlank() && !type.matches("^[A-Z0-9_]{1,40}$")) {
            throw new KohtaamoException.BadParameter("type");
        }
        if (muni != null && !muni.isBlank() && !muni.matches("^[0-9]{3}$")) {
            throw new KohtaamoException.BadParameter("municipality");
        }
        return new ServiceEditQueries.Filter(county, type == null || type.isBlank() ? null : type,
                muni == null || muni.isBlank() ? null : muni, id(p.get("organisation"), "organisation"),
                id(p.get("owner"), "owner"), status, "true".equals(p.get("unchecked")) ? uncheckedBefore : null);
    }

    private static Long id(String raw, String name) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        if (!raw.matches("^[0-9]{1,18}$")) {
            throw new KohtaamoException.BadParameter(name);
        }
        return Long.parseLong(raw);
    }

    /** Pick lists and names: types, needs, organisations, municipalities, owners of the county. */
    void options(long county, Lang lang, Model model, Details d) {
        model.addAttribute("types", types.active(county).stream().map(e -> Option.of(e.code(), e.name(), lang)).toList());
        Map<String, LocalizedText> typeNames = new HashMap<>();
        types.all(county).forEach(e -> typeNames.put(e.code(), e.name()));
        model.addAttribute("typeNames", typeNames);
        var allNeeds = needs.needs(county);
        model.addAttribute("needs", allNeeds.stream()
                .filter(n -> n.active() || (d != null && d.needs().contains(n.code())))
                .map(n -> Option.of(n.code(), n.name(), lang)).toList());
        Map<String, LocalizedText> needNames = new HashMap<>();
        allNeeds.forEach(n -> needNames.put(n.code(), n.name()));
        model.addAttribute("needNames", needNames);
        List<Registry.Ref> orgs = new java.util.ArrayList<>(registry.organisations(county));
        if (d != null && orgs.stream().noneMatch(o -> o.id() == d.service().organisationId())) {
            registry.organisation(d.service().organisationId()).ifPresent(orgs::add);
        }
        model.addAttribute("organisations", orgs.stream()
                .map(o -> Option.of(String.valueOf(o.id()), o.name(), lang)).toList());
        Map<Long, LocalizedText> orgNames = new HashMap<>();
        orgs.forEach(o -> orgNames.put(o.id(), o.name()));
        model.addAttribute("orgNames", orgNames);
        var munis = registry.municipalities(county);
        model.addAttribute("municipalities", munis.stream().map(m -> Option.of(m.code(), m.name(), lang)).toList());
        Map<String, LocalizedText> muniNames = new HashMap<>();
        munis.forEach(m -> muniNames.put(m.code(), m.name()));
        model.addAttribute("muniNames", muniNames);
        var people = staff.staffOf(county);
        model.addAttribute("ownerOptions", people.stream()
                .map(p -> new Option(String.valueOf(p.id()), p.name(), null)).toList());
        Map<Long, String> ownerNames = new HashMap<>();
        people.forEach(p -> ownerNames.put(p.id(), p.name()));
        if (d != null && d.service().ownerUserId() != null && !ownerNames.containsKey(d.service().ownerUserId())) {
            staff.person(d.service().ownerUserId()).ifPresent(p -> ownerNames.put(p.id(), p.name()));
        }
        model.addAttribute("ownerNames", ownerNames);
        model.addAttribute("statusValues", Status.values());
    }
}
