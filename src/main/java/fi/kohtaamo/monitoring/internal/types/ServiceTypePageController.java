package fi.kohtaamo.monitoring.internal.types;

import fi.kohtaamo.monitoring.MonitoringAction;
import fi.kohtaamo.registry.Registry;
import fi.kohtaamo.shared.AccessControl;
import fi.kohtaamo.shared.Actor;
import fi.kohtaamo.shared.KohtaamoException;
import fi.kohtaamo.shared.Lang;
import fi.kohtaamo.shared.PathIds;
import fi.kohtaamo.shared.StaffNavigation;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The county's service types as its coordinators keep them ({@code /admin/service-types?county=}) with the one catalogue
 * editor ({@code catalogue :: editor}): the list in its order with its moves, the form to add a type or rename and
 * (de)activate one, and deletion of a type nothing uses. The county comes from the
 * request and is checked against the actor ({@link MonitoringAction#SERVICE_TYPE_MANAGE}); the type from the stored
 * record, which must be of that county.
 */
@Controller
class ServiceTypePageController {

    static final String BASE = "/admin/service-types";

    private final ServiceTypeService service;
    private final Registry registry;
    private final MessageSource messages;

    ServiceTypePageController(ServiceTypeService service, Registry registry, MessageSource messages) {
        this.service = service;
        this.registry = registry;
        this.messages = messages;
    }

    @Component
    static class Navigation implements StaffNavigation {
        @Override
        public List<Item> items(Actor actor) {
            return AccessControl.mayEver(actor, MonitoringAction.SERVICE_TYPE_MANAGE)
                    ? List.of(new Item("monitoring.types.nav", BASE, 47)) : List.of();
        }
    }

    private long county(Actor actor, String raw) {
        if (raw != null && !raw.isBlank()) {
            return PathIds.orNotFound(raw);
        }
        if (actor.countyId() != null) {
            return actor.countyId();
        }
        return registry.counties().stream().map(Registry.Ref::id).findFirst()
                .orElseThrow(() -> new KohtaamoException.NotFound("county"));
    }

    @GetMapping(BASE)
    String list(@RequestParam(required = false) String county, @RequestParam(required = false) String edit,
            Actor actor, Model model) {
        long c = county(actor, county);
        service.require(actor, c);
        return page(actor, c, model, service.editValues(c, edit), Map.of());
    }

    private String page(Actor actor, long county, Model model, Map<String, String> values, Map<String, String> errors) {
        model.addAttribute("county", registry.county(county).orElseThrow());
        model.addAttribute("counties", actor.countyId() == null ? registry.counties() : List.of());
        model.addAttribute("types", service.rows(county));
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("catalogueEdits", true);
        return "monitoring/service-types";
    }

    @PostMapping(BASE)
    String save(@RequestParam Map<String, String> form, Actor actor, Lang lang, Model model,
            HttpServletResponse response) {
        long c = county(actor, form.get("county"));
        service.require(actor, c);
        Long id = form.get("id") == null || form.get("id").isBlank() ? null : PathIds.orNotFound(form.get("id"));
        return write(actor, c, form, lang, model, response, () -> service.save(actor, c, id, form));
    }

    @PostMapping(BASE + "/{id}/move")
    String move(@PathVariable String id, @RequestParam Map<String, String> form, Actor actor, Lang lang, Model model,
            HttpServletResponse response) {
        long c = county(actor, form.get("county"));
        service.require(actor, c);
        return write(actor, c, Map.of(), lang, model, response,
                () -> service.move(actor, c, PathIds.orNotFound(id), form));
    }

    @PostMapping(BASE + "/{id}/delete")
    String delete(@PathVariable String id, @RequestParam Map<String, String> form, Actor actor, Lang lang,
            Model model, HttpServletResponse response) {
        long c = county(actor, form.get("county"));
        service.require(actor, c);
        long typeId = PathIds.orNotFound(id);
        return write(actor, c, service.editValues(c, String.valueOf(typeId)), lang, model, response,
                () -> service.delete(actor, c, typeId, form));
    }

    /** A write: back to the list when done, the page with the errors (400) or the stale notice (409) when not. */
    private String write(Actor actor, long c, Map<String, String> values, Lang lang, Model model,
            HttpServletResponse response, Runnable write) {
        try {
            write.run();
            return "redirect:" + BASE + "?county=" + c + "&saved";
        } catch (KohtaamoException.Invalid e) {
            response.setStatus(400);
            return page(actor, c, model, values, e.errors().messages(messages, lang.locale()));
        } catch (KohtaamoException.Conflict e) {
            response.setStatus(409);
            model.addAttribute("stale", true);
            return page(actor, c, model, Map.of(), Map.of());
        }
    }
}
