package fi.kohtaamo.monitoring.internal.types;

import fi.kohtaamo.monitoring.MonitoringAction;
import fi.kohtaamo.monitoring.internal.types.ServiceTypeQueries.Row;
import fi.kohtaamo.registry.Registry;
import fi.kohtaamo.shared.AccessControl;
import fi.kohtaamo.shared.Actor;
import fi.kohtaamo.shared.KohtaamoException;
import fi.kohtaamo.shared.Lang;
import fi.kohtaamo.shared.PathIds;
import fi.kohtaamo.shared.StaffNavigation;
import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
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
 * The county's service types as its coordinators keep them ({@code /admin/service-types?county=}): the list in its
 * order with move up/down, and one form to add a type or rename and (de)activate one. The county comes from the
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
        Map<String, String> values = new HashMap<>();
        if (edit != null && !edit.isBlank()) {
            long e = PathIds.orNotFound(edit);
            Row t = service.rows(c).stream().filter(x -> x.id() == e).findFirst()
                    .orElseThrow(() -> new KohtaamoException.NotFound("service type " + e));
            values.put("id", String.valueOf(t.id()));
            values.put("version", String.valueOf(t.version()));
            values.put("code", t.code());
            values.put("nameFi", t.name().fi());
            values.put("nameSv", t.name().sv());
            values.put("nameEn", t.name().en());
            values.put("active", String.valueOf(t.active()));
        }
        return page(actor, c, model, values, Map.of());
    }

    private String page(Actor actor, long county, Model model, Map<String, String> values, Map<String, String> errors) {
        model.addAttribute("county", registry.county(county).orElseThrow());
        model.addAttribute("counties", actor.countyId() == null ? registry.counties() : List.of());
        model.addAttribute("types", service.rows(county));
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        return "monitoring/service-types";
    }

    @PostMapping(BASE)
    String save(@RequestParam Map<String, String> form, Actor actor, Lang lang, Model model,
            HttpServletResponse response) {
        long c = county(actor, form.get("county"));
        service.require(actor, c);
        Long id = form.get("id") == null || form.get("id").isBlank() ? null : PathIds.orNotFound(form.get("id"));
        try {
            service.save(actor, c, id, form);
            return "redirect:" + BASE + "?county=" + c + "&saved";
        } catch (KohtaamoException.Invalid e) {
            response.setStatus(400);
            return page(actor, c, model, form, e.errors().messages(messages, lang.locale()));
        }
    }

    @PostMapping(BASE + "/{id}/move")
    String move(@PathVariable String id, @RequestParam Map<String, String> form, Actor actor) {
        long c = county(actor, form.get("county"));
        service.move(actor, c, PathIds.orNotFound(id), form.get("direction"), form.get("version"));
        return "redirect:" + BASE + "?county=" + c + "&saved";
    }
}
