package fi.kohtaamo.registry.internal;

import fi.kohtaamo.registry.AccessibilityFeature;
import fi.kohtaamo.registry.FundingSource;
import fi.kohtaamo.registry.PlaceKind;
import fi.kohtaamo.registry.PremisesOwnership;
import fi.kohtaamo.registry.PremisesType;
import fi.kohtaamo.registry.RegistryAction;
import fi.kohtaamo.registry.TargetGroup;
import fi.kohtaamo.registry.internal.Model.Organisation;
import fi.kohtaamo.shared.AccessControl;
import fi.kohtaamo.shared.Actor;
import fi.kohtaamo.shared.KohtaamoException;
import fi.kohtaamo.shared.Lang;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** Staff pages for places: the staff front page, creating, editing and deleting places. */
@Controller
class PlaceAdminController {

    private final RegistryService service;
    private final RegistryQueries queries;
    private final MessageSource messages;
    private final List<fi.kohtaamo.registry.StaffHomeSection> sections;
    private final List<fi.kohtaamo.registry.PlacePageSection> placeSections;
    private final ProgrammeHours hours;

    PlaceAdminController(RegistryService service, RegistryQueries queries, MessageSource messages,
            List<fi.kohtaamo.registry.StaffHomeSection> sections,
            List<fi.kohtaamo.registry.PlacePageSection> placeSections, ProgrammeHours hours) {
        this.hours = hours;
        this.sections = sections;
        this.placeSections = placeSections;
        this.service = service;
        this.queries = queries;
        this.messages = messages;
    }

    @InitBinder
    void binder(WebDataBinder binder) {
        binder.initDirectFieldAccess();
        binder.setAutoGrowCollectionLimit(PlaceForm.MAX_PERIODS + 2);
    }

    @GetMapping("/admin")
    String home(Actor actor, Lang lang, Model model) {
        // other modules' sections first (monitoring's sessions of the day to count)
        model.addAttribute("sections", sections.stream().map(s -> s.section(actor, lang))
                .flatMap(java.util.Optional::stream).toList());
        model.addAttribute("places", queries.placesInScope(AccessControl.scope(actor, RegistryAction.PLACE_UPDATE), lang));
        model.addAttribute("mayCreatePlace", AccessControl.mayEver(actor, RegistryAction.PLACE_CREATE));
        return "admin/home";
    }

    @GetMapping("/admin/places/new")
    String newPlace(Actor actor, Lang lang, Model model) {
        if (!AccessControl.mayEver(actor, RegistryAction.PLACE_CREATE)) {
            throw new KohtaamoException.Forbidden("PLACE_CREATE");
        }
        return form(actor, lang, model, PlaceForm.empty(), null, Map.of());
    }

    @PostMapping("/admin/places")
    String create(Actor actor, Lang lang, @ModelAttribute("form") PlaceForm form, Model model,
            HttpServletResponse response) {
        try {
            long id = service.createPlace(actor, form);
            return "redirect:/admin/places/" + id + "?saved";
        } catch (KohtaamoException.Invalid e) {
            response.setStatus(400);
            return form(actor, lang, model, form.withEmptyPeriodRowIfNone(), null,
                    e.errors().messages(messages, lang.locale()));
        }
    }

    @GetMapping("/admin/places/{id}")
    String edit(@PathVariable String id, Actor actor, Lang lang, Model model) {
        long placeId = PlaceFilterParams.positiveLongOrNotFound(id);
        var place = service.placeForStaff(actor, placeId);
        if (!AccessControl.allows(actor, RegistryAction.PLACE_UPDATE, queries.placeTarget(placeId).orElseThrow())) {
            throw new KohtaamoException.Forbidden("PLACE_UPDATE");
        }
        return form(actor, lang, model, PlaceForm.of(place), placeId, Map.of());
    }

    @PostMapping("/admin/places/{id}")
    String update(@PathVariable String id, Actor actor, Lang lang, @ModelAttribute("form") PlaceForm form,
            Model model, HttpServletResponse response) {
        long placeId = PlaceFilterParams.positiveLongOrNotFound(id);
        try {
            service.updatePlace(actor, placeId, form);
            return "redirect:/admin/places/" + placeId + "?saved";
        } catch (KohtaamoException.Invalid e) {
            response.setStatus(400);
            return form(actor, lang, model, form.withEmptyPeriodRowIfNone(), placeId,
                    e.errors().messages(messages, lang.locale()));
        } catch (KohtaamoException.Conflict e) {
            response.setStatus(409);
            model.addAttribute("stale", true);
            return form(actor, lang, model, form.withEmptyPeriodRowIfNone(), placeId, Map.of());
        }
    }

    /** Deleting a place takes its calendar and everything recorded of it: the staff confirm it on a page of its own. */
    @GetMapping("/admin/places/{id}/delete")
    String confirmDelete(@PathVariable String id, Actor actor, Lang lang, Model model) {
        long placeId = PlaceFilterParams.positiveLongOrNotFound(id);
        var place = service.placeForStaff(actor, placeId);
        if (!AccessControl.allows(actor, RegistryAction.PLACE_DELETE, queries.placeTarget(placeId).orElseThrow())) {
            throw new KohtaamoException.Forbidden("PLACE_DELETE");
        }
        model.addAttribute("confirmTitle", messages.getMessage("admin.place.deleteConfirm.title", null, lang.locale()));
        model.addAttribute("confirmSubject", place.name());
        model.addAttribute("confirmMessage", messages.getMessage("admin.place.deleteConfirm.text", null, lang.locale()));
        model.addAttribute("confirmButton", messages.getMessage("admin.place.deleteConfirm.button", null, lang.locale()));
        model.addAttribute("confirmAction", "/admin/places/" + placeId + "/delete");
        model.addAttribute("cancelUrl", "/admin/places/" + placeId);
        return "admin/confirm";
    }

    @PostMapping("/admin/places/{id}/delete")
    String delete(@PathVariable String id, Actor actor) {
        service.deletePlace(actor, PlaceFilterParams.positiveLongOrNotFound(id));
        return "redirect:/admin?deleted";
    }

    private String form(Actor actor, Lang lang, Model model, PlaceForm form, Long id, Map<String, String> errors) {
        model.addAttribute("form", form);
        model.addAttribute("placeId", id);
        // what other modules show about the place to its staff (e.g. coordination's criteria status)
        model.addAttribute("placeSections", id == null ? List.of() : placeSections.stream()
                .map(s -> s.staffSection(id, lang)).flatMap(java.util.Optional::stream).toList());
        model.addAttribute("errors", errors);
        // a warning, never a refusal: the saved opening hours against the programme (HoursCheck)
        model.addAttribute("hoursFindings", id == null || !errors.isEmpty() ? List.of()
                : queries.place(id).map(p -> hours.findings(id, p.openingPeriods())).orElse(List.of()));
        model.addAttribute("kinds", PlaceKind.values());
        model.addAttribute("premisesTypes", PremisesType.values());
        model.addAttribute("ownerships", PremisesOwnership.values());
        model.addAttribute("features", AccessibilityFeature.values());
        model.addAttribute("targetGroups", TargetGroup.values());
        model.addAttribute("fundingSources", FundingSource.values());
        model.addAttribute("languages", PlaceForm.LANGUAGES);
        model.addAttribute("areas", queries.areas(AccessControl.scope(actor, RegistryAction.PLACE_UPDATE).all() ? null
                : actor.countyId()));
        model.addAttribute("municipalities", queries.municipalities(null));
        model.addAttribute("organisations", organiserChoices(actor, lang));
        model.addAttribute("weekdays", java.time.DayOfWeek.values());
        model.addAttribute("mayDelete", id != null && AccessControl.allows(actor, RegistryAction.PLACE_DELETE,
                queries.placeTarget(id).orElseThrow()));
        return "admin/place-form";
    }

    /** The organisations an actor may name as organisers. */
    private List<Organisation> organiserChoices(Actor actor, Lang lang) {
        List<Organisation> all = queries.organisations(null, lang);
        fi.kohtaamo.shared.Scope scope = AccessControl.scope(actor, RegistryAction.PLACE_UPDATE);
        if (scope.all()) {
            return all;
        }
        if (scope.geographic()) {
            return all.stream().filter(o -> o.countyId() == null || o.countyId().equals(actor.countyId())).toList();
        }
        return all.stream().filter(o -> actor.organisations().contains(o.id())).toList();
    }
}
