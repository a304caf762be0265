package fi.kohtaamo.monitoring.internal.types;

import fi.kohtaamo.monitoring.MonitoringAction;
import fi.kohtaamo.registry.Registry;
import fi.kohtaamo.shared.AccessControl;
import fi.kohtaamo.shared.Actor;
import fi.kohtaamo.shared.CatalogueEditorController;
import fi.kohtaamo.shared.KohtaamoException;
import fi.kohtaamo.shared.PathIds;
import fi.kohtaamo.shared.StaffNavigation;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The county's service types as its coordinators keep them ({@code /admin/service-types?county=}) with the one catalogue
 * editor page ({@link CatalogueEditorController}): the list in its order with its moves, the form to add a type or rename and
 * (de)activate one, and deletion of a type nothing uses. The county comes from the
 * request and is checked against the actor ({@link MonitoringAction#SERVICE_TYPE_MANAGE}); the type from the stored
 * record, which must be of that county.
 */
@Controller
@RequestMapping(ServiceTypePageController.BASE)
class ServiceTypePageController extends CatalogueEditorController {

    static final String BASE = "/admin/service-types";

    private final ServiceTypeService service;
    private final Registry registry;

    ServiceTypePageController(ServiceTypeService service, Registry registry, MessageSource messages) {
        super(BASE, messages);
        this.service = service;
        this.registry = registry;
    }

    @Component
    static class Navigation implements StaffNavigation {
        @Override
        public List<Item> items(Actor actor) {
            return AccessControl.mayEver(actor, MonitoringAction.SERVICE_TYPE_MANAGE)
                    ? List.of(new Item("monitoring.types.nav", BASE, 47)) : List.of();
        }
    }

    @Override
    protected long county(Actor actor, String raw) {
        if (raw != null && !raw.isBlank()) {
            return PathIds.orNotFound(raw);
        }
        if (actor.countyId() != null) {
            return actor.countyId();
        }
        return registry.counties().stream().map(Registry.Ref::id).findFirst()
                .orElseThrow(() -> new KohtaamoException.NotFound("county"));
    }

    @Override
    protected void require(Actor actor, long county) {
        service.require(actor, county);
    }

    @Override
    protected Map<String, String> editValues(Actor actor, long county, String edit) {
        return service.editValues(county, edit);
    }

    @Override
    protected void save(Actor actor, long county, Long id, Map<String, String> form) {
        service.save(actor, county, id, form);
    }

    @Override
    protected void move(Actor actor, long county, long id, Map<String, String> form) {
        service.move(actor, county, id, form);
    }

    @Override
    protected void delete(Actor actor, long county, long id, Map<String, String> form) {
        service.delete(actor, county, id, form);
    }

    @Override
    protected String page(Actor actor, long county, Model model) {
        model.addAttribute("county", registry.county(county).orElseThrow());
        model.addAttribute("counties", actor.countyId() == null ? registry.counties() : List.of());
        model.addAttribute("types", service.rows(county));
        return "monitoring/service-types";
    }
}
