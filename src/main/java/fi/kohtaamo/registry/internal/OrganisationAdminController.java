package fi.kohtaamo.registry.internal;

import fi.kohtaamo.registry.OrganisationType;
import fi.kohtaamo.registry.RegistryAction;
import fi.kohtaamo.registry.internal.Model.County;
import fi.kohtaamo.registry.internal.Model.Municipality;
import fi.kohtaamo.registry.internal.Model.Organisation;
import fi.kohtaamo.registry.internal.Model.PlaceSummary;
import fi.kohtaamo.shared.AccessControl;
import fi.kohtaamo.shared.Actor;
import fi.kohtaamo.shared.KohtaamoException;
import fi.kohtaamo.shared.Lang;
import fi.kohtaamo.shared.LocalizedText;
import fi.kohtaamo.shared.Scope;
import fi.kohtaamo.shared.Target;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * Coordinators' pages for the registry's organisations: the list (what the actor's scope reaches),
 * creating and editing. Access is decided by {@link RegistryService} and {@link AccessControl}.
 */
@Controller
class OrganisationAdminController {

    private final RegistryService service;
    private final RegistryQueries queries;
    private final MessageSource messages;

    OrganisationAdminController(RegistryService service, RegistryQueries queries, MessageSource messages) {
        this.service = service;
        this.queries = queries;
        this.messages = messages;
    }

    @InitBinder
    void binder(WebDataBinder binder) {
        binder.initDirectFieldAccess();
    }

    @GetMapping("/admin/organisations")
    String list(Actor actor, Lang lang, Model model) {
        if (!AccessControl.mayEver(actor, RegistryAction.ORGANISATION_UPDATE)) {
            throw new KohtaamoException.Forbidden("ORGANISATION_UPDATE");
        }
        List<Organisation> organisations = visible(actor, lang);
        Map<Long, LocalizedText> names = new HashMap<>();
        organisations.forEach(o -> names.put(o.id(), o.name()));
        Map<Long, LocalizedText> parents = new HashMap<>();
        Set<Long> editable = new HashSet<>();
        for (Organisation o : organisations) {
            if (o.parentId() != null) {
                LocalizedText parent = names.get(o.parentId());
                if (parent == null) {
                    parent = queries.organisation(o.parentId()).map(Organisation::name).orElse(null);
                }
                if (parent != null) {
                    parents.put(o.id(), parent);
                }
            }
            if (mayUpdate(actor, o)) {
                editable.add(o.id());
            }
        }
        model.addAttribute("organisations", organisations);
        model.addAttribute("parents", parents);
        model.addAttribute("counties", countyNames());
        model.addAttribute("editable", editable);
        model.addAttribute("mayCreate", AccessControl.mayEver(actor, RegistryAction.ORGANISATION_CREATE));
        return "admin/organisations";
    }

    @GetMapping("/admin/organisations/new")
    String newOrganisation(Actor actor, Lang lang, Model model) {
        if (!AccessControl.mayEver(actor, RegistryAction.ORGANISATION_CREATE)) {
            throw new KohtaamoException.Forbidden("ORGANISATION_CREATE");
        }
        OrganisationForm form = new OrganisationForm();
        if (actor.countyId() != null && !AccessControl.scope(actor, RegistryAction.ORGANISATION_CREATE).all()) {
            form.countyId = String.valueOf(actor.countyId());
        }
        return form(actor, lang, model, form, null, Map.of());
    }

    @PostMapping("/admin/organisations")
    String create(Actor actor, Lang lang, @ModelAttribute("form") OrganisationForm form, Model model,
            HttpServletResponse response) {
        try {
            long id = service.createOrganisation(actor, form);
            return "redirect:/admin/organisations/" + id + "?saved";
        } catch (KohtaamoException.Invalid e) {
            response.setStatus(400);
            return form(actor, lang, model, form, null, e.errors().messages(messages, lang.locale()));
        }
    }

    @GetMapping("/admin/organisations/{id}")
    String edit(@PathVariable String id, Actor actor, Lang lang, Model model) {
        long organisationId = PlaceFilterParams.positiveLongOrNotFound(id);
        Organisation organisation = service.organisationForStaff(actor, organisationId);
        return form(actor, lang, model, OrganisationForm.of(organisation), organisationId, Map.of());
    }

    @PostMapping("/admin/organisations/{id}")
    String update(@PathVariable String id, Actor actor, Lang lang, @ModelAttribute("form") OrganisationForm form,
            Model model, HttpServletResponse response) {
        long organisationId = PlaceFilterParams.positiveLongOrNotFound(id);
        try {
            service.updateOrganisation(actor, organisationId, form);
            return "redirect:/admin/organisations/" + organisationId + "?saved";
        } catch (KohtaamoException.Invalid e) {
            response.setStatus(400);
            return form(actor, lang, model, form, organisationId, e.errors().messages(messages, lang.locale()));
        } catch (KohtaamoException.Conflict e) {
            response.setStatus(409);
            model.addAttribute("stale", true);
            return form(actor, lang, model, form, organisationId, Map.of());
        }
    }

    private String form(Actor actor, Lang lang, Model model, OrganisationForm form, Long id,
            Map<String, String> errors) {
        Organisation stored = id == null ? null : service.organisationForStaff(actor, id);
        model.addAttribute("form", form);
        model.addAttribute("organisationId", id);
        model.addAttribute("organisation", stored);
        model.addAttribute("errors", errors);
        model.addAttribute("types", OrganisationType.values());
        model.addAttribute("parentChoices", parentChoices(actor, lang, form, id));
        model.addAttribute("countyChoices", countyChoices(actor));
        model.addAttribute("countyOptional", AccessControl.scope(actor, RegistryAction.ORGANISATION_CREATE).all());
        model.addAttribute("municipalityChoices", municipalityChoices(actor, form));
        if (id != null) {
            List<Organisation> subOrganisations = queries.subOrganisations(id, lang);
            model.addAttribute("subOrganisations", subOrganisations);
            List<PlaceSummary> places = queries.placesOfOrganisations(List.of(id), lang);
            Set<Long> placeLinks = new HashSet<>();
            for (PlaceSummary p : places) {
                queries.placeTarget(p.id())
                        .filter(t -> AccessControl.allows(actor, RegistryAction.PLACE_UPDATE, t))
                        .ifPresent(t -> placeLinks.add(p.id()));
            }
            model.addAttribute("places", places);
            model.addAttribute("placeLinks", placeLinks);
            Set<Long> editable = new HashSet<>();
            for (Organisation o : subOrganisations) {
                if (mayUpdate(actor, o)) {
                    editable.add(o.id());
                }
            }
            model.addAttribute("editable", editable);
        }
        return "admin/organisation-form";
    }

    /** The organisations the actor's scope reaches, filtered in SQL (admin: all; a county: its own and national ones). */
    private List<Organisation> visible(Actor actor, Lang lang) {
        Scope scope = AccessControl.scope(actor, RegistryAction.ORGANISATION_UPDATE);
        if (scope.all()) {
            return queries.organisations(null, lang);
        }
        return scope.countyId() < 0 ? List.of() : queries.organisations(scope.countyId(), lang);
    }

    /**
     * Whether the actor may open an organisation's edit page. ORGANISATION_UPDATE is only given to
     * roles scoped by county (or everything), so the county is all of the target that matters here;
     * the edit page itself checks the full target through the service.
     */
    private static boolean mayUpdate(Actor actor, Organisation o) {
        return AccessControl.allows(actor, RegistryAction.ORGANISATION_UPDATE, Target.county(o.countyId()));
    }

    /** Possible parents: what the actor sees, except the organisation itself and what is below it. */
    private List<Organisation> parentChoices(Actor actor, Lang lang, OrganisationForm form, Long id) {
        Set<Long> excluded = id == null ? Set.of() : queries.organisationWithDescendants(id);
        List<Organisation> choices = new ArrayList<>(visible(actor, lang).stream()
                .filter(o -> !excluded.contains(o.id())).toList());
        Long current = parseId(form.parentId);
        if (current != null && !excluded.contains(current) && choices.stream().noneMatch(o -> o.id() == current)) {
            queries.organisation(current).ifPresent(o -> choices.add(0, o));
        }
        return choices;
    }

    private List<County> countyChoices(Actor actor) {
        Scope scope = AccessControl.scope(actor, RegistryAction.ORGANISATION_CREATE);
        return queries.counties().stream().filter(c -> scope.all() || c.id() == scope.countyId()).toList();
    }

    private List<Municipality> municipalityChoices(Actor actor, OrganisationForm form) {
        Scope scope = AccessControl.scope(actor, RegistryAction.ORGANISATION_UPDATE);
        List<Municipality> choices = new ArrayList<>(scope.all() ? queries.municipalities(null)
                : scope.countyId() < 0 ? List.of() : queries.municipalities(scope.countyId()));
        String current = form.municipalityCode == null ? null : form.municipalityCode.strip();
        if (current != null && current.matches("^[0-9]{3}$")
                && choices.stream().noneMatch(m -> m.code().equals(current))) {
            queries.municipality(current).ifPresent(m -> choices.add(0, m));
        }
        return choices;
    }

    private Map<Long, LocalizedText> countyNames() {
        Map<Long, LocalizedText> out = new LinkedHashMap<>();
        queries.counties().forEach(c -> out.put(c.id(), c.name()));
        return out;
    }

    private static Long parseId(String raw) {
        if (raw == null || !raw.strip().matches("^[0-9]{1,18}$")) {
            return null;
        }
        long v = Long.parseLong(raw.strip());
        return v > 0 ? v : null;
    }
}
