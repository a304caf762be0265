package fi.kohtaamo.participation.internal.observations;

import fi.kohtaamo.registry.Registry;
import fi.kohtaamo.shared.Actor;
import fi.kohtaamo.shared.CatalogueEditorController;
import fi.kohtaamo.shared.KohtaamoException;
import fi.kohtaamo.shared.PathIds;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The county's catalogue of the themes Huomaa minut! observations are coded with,
 * {@code /admin/participation/observations/themes}, for its coordinators: the one catalogue editor page ({@link CatalogueEditorController}) with its moves and deletion of themes no observation is coded with.
 */
@Controller
@RequestMapping(ObservationThemePageController.BASE)
class ObservationThemePageController extends CatalogueEditorController {

    static final String BASE = "/admin/participation/observations/themes";

    private final ObservationService service;
    private final Registry registry;

    ObservationThemePageController(ObservationService service, Registry registry, MessageSource messages) {
        super(BASE, messages);
        this.service = service;
        this.registry = registry;
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
        service.requireThemes(actor, county);
    }

    @Override
    protected Map<String, String> editValues(Actor actor, long county, String edit) {
        return service.themeValues(actor, county, edit);
    }

    @Override
    protected void save(Actor actor, long county, Long id, Map<String, String> form) {
        service.saveTheme(actor, county, id, form);
    }

    @Override
    protected void move(Actor actor, long county, long id, Map<String, String> form) {
        service.moveTheme(actor, county, id, form);
    }

    @Override
    protected void delete(Actor actor, long county, long id, Map<String, String> form) {
        service.deleteTheme(actor, county, id, form);
    }

    @Override
    protected String page(Actor actor, long county, Model model) {
        model.addAttribute("county", registry.county(county).orElseThrow());
        model.addAttribute("themes", service.themes(county));
        return "participation/observation-themes";
    }
}
