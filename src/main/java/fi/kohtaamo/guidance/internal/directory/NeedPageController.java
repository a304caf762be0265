package fi.kohtaamo.guidance.internal.directory;

import fi.kohtaamo.registry.Registry;
import fi.kohtaamo.shared.Actor;
import fi.kohtaamo.shared.CatalogueEditorController;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The county's catalogue of families' needs, {@code /admin/services/needs}, for its coordinators: the one catalogue
 * editor page ({@link CatalogueEditorController}) with its moves and deletion.
 */
@Controller
@RequestMapping(NeedPageController.BASE)
class NeedPageController extends CatalogueEditorController {

    static final String BASE = "/admin/services/needs";

    private final NeedService service;
    private final ServiceEditViews views;
    private final Registry registry;

    NeedPageController(NeedService service, ServiceEditViews views, Registry registry, MessageSource messages) {
        super(BASE, messages);
        this.service = service;
        this.views = views;
        this.registry = registry;
    }

    @Override
    protected long county(Actor actor, String raw) {
        return views.county(actor, raw);
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
        model.addAttribute("needs", service.items(county));
        return "guidance/needs";
    }
}
