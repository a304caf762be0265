package fi.kohtaamo.guidance.internal.directory;

import fi.kohtaamo.guidance.internal.directory.DirectoryModel.Need;
import fi.kohtaamo.registry.Registry;
import fi.kohtaamo.shared.Actor;
import fi.kohtaamo.shared.KohtaamoException;
import fi.kohtaamo.shared.Lang;
import fi.kohtaamo.shared.PathIds;
import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The county's catalogue of families' needs, {@code /admin/services/needs}, for its coordinators. */
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
        return page(c, model, values(c, edit), Map.of());
    }

    private Map<String, String> values(long c, String edit) {
        Map<String, String> values = new HashMap<>();
        if (edit != null && !edit.isBlank()) {
            long e = PathIds.orNotFound(edit);
            Need n = service.needs(c).stream().filter(x -> x.id() == e).findFirst()
                    .orElseThrow(() -> new KohtaamoException.NotFound("need " + e));
            values.put("id", String.valueOf(n.id()));
            values.put("version", String.valueOf(n.version()));
            values.put("code", n.code());
            values.put("nameFi", n.name().fi());
            values.put("nameSv", n.name().sv());
            values.put("nameEn", n.name().en());
            values.put("active", String.valueOf(n.active()));
        }
        return values;
    }

    private String page(long county, Model model, Map<String, String> values, Map<String, String> errors) {
        model.addAttribute("county", registry.county(county).orElseThrow());
        model.addAttribute("needs", service.needs(county));
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        return "guidance/needs";
    }

    @PostMapping(BASE)
    String save(@RequestParam Map<String, String> form, Actor actor, Lang lang, Model model,
            HttpServletResponse response) {
        long c = views.county(actor, form.get("county"));
        service.require(actor, c);
        Long id = form.get("id") == null || form.get("id").isBlank() ? null : PathIds.orNotFound(form.get("id"));
        try {
            service.save(actor, c, id, form);
            return "redirect:" + BASE + "?county=" + c + "&saved";
        } catch (KohtaamoException.Invalid e) {
            response.setStatus(400);
            return page(c, model, form, e.errors().messages(messages, lang.locale()));
        }
    }

    @PostMapping(BASE + "/{id}/move")
    String move(@PathVariable String id, @RequestParam(required = false) String county,
            @RequestParam(required = false) String direction, Actor actor) {
        long c = views.county(actor, county);
        service.move(actor, c, PathIds.orNotFound(id), "UP".equals(direction));
        return "redirect:" + BASE + "?county=" + c;
    }

    @PostMapping(BASE + "/{id}/delete")
    String delete(@PathVariable String id, @RequestParam(required = false) String county,
            @RequestParam(required = false) String version, Actor actor, Lang lang, Model model,
            HttpServletResponse response) {
        long c = views.county(actor, county);
        long needId = PathIds.orNotFound(id);
        try {
            service.delete(actor, c, needId, version);
            return "redirect:" + BASE + "?county=" + c + "&saved";
        } catch (KohtaamoException.Invalid e) {
            response.setStatus(400);
            return page(c, model, values(c, String.valueOf(needId)), e.errors().messages(messages, lang.locale()));
        }
    }
}
