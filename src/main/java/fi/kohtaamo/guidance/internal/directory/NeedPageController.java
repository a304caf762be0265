package fi.kohtaamo.guidance.internal.directory;

import fi.kohtaamo.registry.Registry;
import fi.kohtaamo.shared.Actor;
import fi.kohtaamo.shared.KohtaamoException;
import fi.kohtaamo.shared.Lang;
import fi.kohtaamo.shared.PathIds;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The county's catalogue of families' needs, {@code /admin/services/needs}, for its coordinators: the one catalogue
 * editor ({@code catalogue :: editor}) with its moves and deletion.
 */
@Controller
class NeedPageController {

    static final String BASE = "/admin/services/needs";

    private final NeedService service;
    private final ServiceEditViews views;
    private final Registry registry;
    private final MessageSource messages;

    NeedPageController(NeedService service, ServiceEditViews views, Registry registry, MessageSource messages) {
        this.service = service;
        this.views = views;
        this.registry = registry;
        this.messages = messages;
    }

    @GetMapping(BASE)
    String needs(@RequestParam(required = false) String county, @RequestParam(required = false) String edit,
            Actor actor, Model model) {
        long c = views.county(actor, county);
        service.require(actor, c);
        return page(c, model, service.editValues(c, edit), Map.of());
    }

    private String page(long county, Model model, Map<String, String> values, Map<String, String> errors) {
        model.addAttribute("county", registry.county(county).orElseThrow());
        model.addAttribute("needs", service.items(county));
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("catalogueEdits", true);
        return "guidance/needs";
    }

    @PostMapping(BASE)
    String save(@RequestParam Map<String, String> form, Actor actor, Lang lang, Model model,
            HttpServletResponse response) {
        long c = views.county(actor, form.get("county"));
        service.require(actor, c);
        Long id = form.get("id") == null || form.get("id").isBlank() ? null : PathIds.orNotFound(form.get("id"));
        return write(c, form, lang, model, response, () -> service.save(actor, c, id, form));
    }

    @PostMapping(BASE + "/{id}/move")
    String move(@PathVariable String id, @RequestParam Map<String, String> form, Actor actor, Lang lang, Model model,
            HttpServletResponse response) {
        long c = views.county(actor, form.get("county"));
        service.require(actor, c);
        return write(c, Map.of(), lang, model, response, () -> service.move(actor, c, PathIds.orNotFound(id), form));
    }

    @PostMapping(BASE + "/{id}/delete")
    String delete(@PathVariable String id, @RequestParam Map<String, String> form, Actor actor, Lang lang,
            Model model, HttpServletResponse response) {
        long c = views.county(actor, form.get("county"));
        service.require(actor, c);
        long needId = PathIds.orNotFound(id);
        return write(c, service.editValues(c, String.valueOf(needId)), lang, model, response,
                () -> service.delete(actor, c, needId, form));
    }

    /** A write: back to the list when done, the page with the errors (400) or the stale notice (409) when not. */
    private String write(long c, Map<String, String> values, Lang lang, Model model, HttpServletResponse response,
            Runnable write) {
        try {
            write.run();
            return "redirect:" + BASE + "?county=" + c + "&saved";
        } catch (KohtaamoException.Invalid e) {
            response.setStatus(400);
            return page(c, model, values, e.errors().messages(messages, lang.locale()));
        } catch (KohtaamoException.Conflict e) {
            response.setStatus(409);
            model.addAttribute("stale", true);
            return page(c, model, Map.of(), Map.of());
        }
    }
}
