package fi.kohtaamo.coordination.internal.signals;

import fi.kohtaamo.registry.Registry;
import fi.kohtaamo.shared.Actor;
import fi.kohtaamo.shared.CatalogueEditorController;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The county's catalogue of weak signals' themes, {@code /admin/signals/themes}, for its coordinators: the one catalogue
 * editor page ({@link CatalogueEditorController}) with its moves and deletion of themes no signal uses.
 */
@Controller
@RequestMapping(SignalThemePageController.BASE)
class SignalThemePageController extends CatalogueEditorController {

    static final String BASE = "/admin/signals/themes";

    private final SignalService service;
    private final Registry registry;

    SignalThemePageController(SignalService service, Registry registry, MessageSource messages) {
        super(BASE, messages);
        this.service = service;
        this.registry = registry;
    }

    @Override
    protected long county(Actor actor, String raw) {
        return service.county(actor, raw);
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
        return "coordination/signal-themes";
    }
}
