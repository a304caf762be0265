package fi.kohtaamo.registry.internal;

import fi.kohtaamo.registry.RegistryAction;
import fi.kohtaamo.registry.internal.Model.Area;
import fi.kohtaamo.registry.internal.Model.County;
import fi.kohtaamo.registry.internal.Model.Municipality;
import fi.kohtaamo.shared.AccessControl;
import fi.kohtaamo.shared.Actor;
import fi.kohtaamo.shared.KohtaamoException;
import fi.kohtaamo.shared.Lang;
import fi.kohtaamo.shared.LocalizedText;
import fi.kohtaamo.shared.Scope;
import fi.kohtaamo.shared.Target;
import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Coordinators' pages for the geography of the registry: coordination areas (with their
 * municipalities) and the municipalities' names and language status.
 */
@Controller
class GeographyAdminController {

    private final RegistryService service;
    private final RegistryQueries queries;
    private final MessageSource messages;

    GeographyAdminController(RegistryService service, RegistryQueries queries, MessageSource messages) {
        this.service = service;
        this.queries = queries;
        this.messages = messages;
    }

    @InitBinder
    void binder(WebDataBinder binder) {
        binder.initDirectFieldAccess();
    }

    @GetMapping("/admin/areas")
    String list(Actor actor, Model model) {
        if (!AccessControl.mayEver(actor, RegistryAction.AREA_UPDATE)) {
            throw new KohtaamoException.Forbidden("AREA_UPDATE");
        }
        Scope areaScope = AccessControl.scope(actor, RegistryAction.AREA_UPDATE);
        List<Area> areas = areaScope.all() ? queries.areas(null)
                : areaScope.countyId() < 0 ? List.of() : queries.areas(areaScope.countyId());
        Scope muniScope = AccessControl.scope(actor, RegistryAction.MUNICIPALITY_UPDATE);
        List<Municipality> municipalities = muniScope.all() ? queries.municipalities(null)
                : muniScope.countyId() < 0 ? List.of() : queries.municipalities(muniScope.countyId());
        Map<String, LocalizedText> municipalityNames = new HashMap<>();
        municipalities.forEach(m -> municipalityNames.put(m.code(), m.name()));
        Set<Long> editableAreas = new HashSet<>();
        for (Area a : areas) {
            if (AccessControl.allows(actor, RegistryAction.AREA_UPDATE, new Target(a.countyId(), a.id(), Set.of(), null))) {
                editableAreas.add(a.id());
            }
        }
        Set<String> editableMunicipalities = new HashSet<>();
        for (Municipality m : municipalities) {
            if (AccessControl.allows(actor, RegistryAction.MUNICIPALITY_UPDATE, Target.county(m.countyId()))) {
                editableMunicipalities.add(m.code());
            }
        }
        Map<Long, LocalizedText> counties = new HashMap<>();
        queries.counties().forEach(c -> counties.put(c.id(), c.name()));
        model.addAttribute("areas", areas);
        model.addAttribute("municipalities", municipalities);
        model.addAttribute("municipalityNames", municipalityNames);
        model.addAttribute("counties", counties);
        model.addAttribute("editableAreas", editableAreas);
        model.addAttribute("editableMunicipalities", editableMunicipalities);
        model.addAttribute("mayCreateArea", AccessControl.mayEver(actor, RegistryAction.AREA_CREATE));
        return "admin/areas";
    }

    // ---- areas --------------------------------------------------------------------------------

    @GetMapping("/admin/areas/new")
    String newArea(@RequestParam(name = "countyId", required = false) String countyId, Actor actor, Lang lang,
            Model model) {
        if (!AccessControl.mayEver(actor, RegistryAction.AREA_CREATE)) {
            throw new KohtaamoException.Forbidden("AREA_CREATE");
        }
        AreaForm form = new AreaForm();
        List<County> choices = countyChoices(actor);
        if (choices.size() == 1) {
            form.countyId = String.valueOf(choices.get(0).id());
        } else {
            form.countyId = countyId;
        }
        return areaForm(actor, model, form, null, Map.of());
    }

    @PostMapping("/admin/areas")
    String create(Actor actor, Lang lang, @ModelAttribute("form") AreaForm form, Model model,
            HttpServletResponse response) {
        try {
            long id = service.createArea(actor, form);
            return "redirect:/admin/areas/" + id + "?saved";
        } catch (KohtaamoException.Invalid e) {
            response.setStatus(400);
            return areaForm(actor, model, form, null, e.errors().messages(messages, lang.locale()));
        }
    }

    @GetMapping("/admin/areas/{id}")
    String editArea(@PathVariable String id, Actor actor, Model model) {
        long areaId = PlaceFilterParams.positiveLongOrNotFound(id);
        Area area = service.areaForStaff(actor, areaId);
        return areaForm(actor, model, AreaForm.of(area), area, Map.of());
    }

    @PostMapping("/admin/areas/{id}")
    String updateArea(@PathVariable String id, Actor actor, Lang lang, @ModelAttribute("form") AreaForm form,
            Model model, HttpServletResponse response) {
        long areaId = PlaceFilterParams.positiveLongOrNotFound(id);
        try {
            service.updateArea(actor, areaId, form);
            return "redirect:/admin/areas/" + areaId + "?saved";
        } catch (KohtaamoException.Invalid e) {
            response.setStatus(400);
            return areaForm(actor, model, form, service.areaForStaff(actor, areaId),
                    e.errors().messages(messages, lang.locale()));
        } catch (KohtaamoException.Conflict e) {
            response.setStatus(409);
            model.addAttribute("stale", true);
            return areaForm(actor, model, form, service.areaForStaff(actor, areaId), Map.of());
        }
    }

    /**
     * The area form. A stored area keeps its county; a new one is made in a county the actor may
     * create areas in, chosen first when there are several, so that the form can offer that county's
     * municipalities.
     */
    private String areaForm(Actor actor, Model model, AreaForm form, Area stored, Map<String, String> errors) {
        List<County> choices = countyChoices(actor);
        Optional<County> county;
        if (stored != null) {
            form.countyId = String.valueOf(stored.countyId());
            county = queries.county(stored.countyId());
        } else {
            Long chosen = parseId(form.countyId);
            county = choices.stream().filter(c -> chosen != null && c.id() == chosen).findFirst();
            if (county.isEmpty() && choices.size() == 1) {
                county = Optional.of(choices.get(0));
            }
            county.ifPresent(c -> form.countyId = String.valueOf(c.id()));
        }
        if (form.municipalities == null) {
            form.municipalities = new java.util.ArrayList<>();
        }
        model.addAttribute("form", form);
        model.addAttribute("area", stored);
        model.addAttribute("areaId", stored == null ? null : stored.id());
        model.addAttribute("errors", errors);
        model.addAttribute("county", county.orElse(null));
        model.addAttribute("countyChoices", choices);
        model.addAttribute("countyMunicipalities", county.map(c -> queries.municipalities(c.id())).orElse(List.of()));
        return "admin/area-form";
    }

    private List<County> countyChoices(Actor actor) {
        Scope scope = AccessControl.scope(actor, RegistryAction.AREA_CREATE);
        return queries.counties().stream().filter(c -> scope.all() || c.id() == scope.countyId()).toList();
    }

    // ---- municipalities -----------------------------------------------------------------------

    @GetMapping("/admin/municipalities/{code}")
    String editMunicipality(@PathVariable String code, Actor actor, Model model) {
        Municipality m = service.municipalityForStaff(actor, codeOrNotFound(code));
        return municipalityForm(model, MunicipalityForm.of(m), m, Map.of());
    }

    @PostMapping("/admin/municipalities/{code}")
    String updateMunicipality(@PathVariable String code, Actor actor, Lang lang,
            @ModelAttribute("form") MunicipalityForm form, Model model, HttpServletResponse response) {
        String c = codeOrNotFound(code);
        try {
            service.updateMunicipality(actor, c, form);
            return "redirect:/admin/municipalities/" + c + "?saved";
        } catch (KohtaamoException.Invalid e) {
            response.setStatus(400);
            return municipalityForm(model, form, service.municipalityForStaff(actor, c),
                    e.errors().messages(messages, lang.locale()));
        } catch (KohtaamoException.Conflict e) {
            response.setStatus(409);
            model.addAttribute("stale", true);
            return municipalityForm(model, form, service.municipalityForStaff(actor, c), Map.of());
        }
    }

    private String municipalityForm(Model model, MunicipalityForm form, Municipality stored,
            Map<String, String> errors) {
        model.addAttribute("form", form);
        model.addAttribute("municipality", stored);
        model.addAttribute("county", queries.county(stored.countyId()).orElse(null));
        model.addAttribute("languageStatuses", MunicipalityForm.LANGUAGE_STATUSES);
        model.addAttribute("errors", errors);
        return "admin/municipality-form";
    }

    /** A municipality code in a path: three digits, or the page does not exist. */
    static String codeOrNotFound(String raw) {
        if (raw == null || !raw.matches("^[0-9]{3}$")) {
            throw new KohtaamoException.NotFound("municipality " + raw);
        }
        return raw;
    }

    private static Long parseId(String raw) {
        if (raw == null || !raw.strip().matches("^[0-9]{1,18}$")) {
            return null;
        }
        long v = Long.parseLong(raw.strip());
        return v > 0 ? v : null;
    }
}
