package fi.kohtaamo.shared;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The page side of {@link CountyCatalogue}: one county catalogue's editor page ({@code catalogue :: editor}) with its
 * four requests, the same for every owner: the list with an entry in the form ({@code GET ?county=&edit=}), a save
 * ({@code POST}), a move ({@code POST {id}/move}) and a deletion ({@code POST {id}/delete}). Each write goes back to
 * the list with {@code saved} when done, shows the page with the errors in the user's language (400) when refused, and
 * the stale notice (409) when someone else saved first.
 *
 * <p>An owner's controller is a {@code @Controller} with {@code @RequestMapping} of its list address, which it also
 * gives to this constructor, and supplies the county the request is about, the access check, and its service's writes.
 * The county comes from the request and is checked by {@link #require}; the entry from the stored record, which the
 * owner's service checks is of that county.
 */
public abstract class CatalogueEditorController {

    private final String base;
    private final MessageSource messages;

    protected CatalogueEditorController(String base, MessageSource messages) {
        this.base = base;
        this.messages = messages;
    }

    /** The county the request names (or the actor's default when it names none); {@link #require} checks it. */
    protected abstract long county(Actor actor, String raw);

    /** Refuses (403) an actor who may not keep this catalogue of this county. */
    protected abstract void require(Actor actor, long county);

    /** The form's values: the entry {@code edit} (an id) when given, else an empty form for a new entry. */
    protected abstract Map<String, String> editValues(Actor actor, long county, String edit);

    protected abstract void save(Actor actor, long county, Long id, Map<String, String> form);

    protected abstract void move(Actor actor, long county, long id, Map<String, String> form);

    protected abstract void delete(Actor actor, long county, long id, Map<String, String> form);

    /** Puts the county, the list and whatever else the page shows into the model; returns the template. */
    protected abstract String page(Actor actor, long county, Model model);

    @GetMapping
    String list(@RequestParam(required = false) String county, @RequestParam(required = false) String edit,
            Actor actor, Model model) {
        long c = county(actor, county);
        require(actor, c);
        return render(actor, c, model, editValues(actor, c, edit), Map.of());
    }

    @PostMapping
    String saveEntry(@RequestParam Map<String, String> form, Actor actor, Lang lang, Model model,
            HttpServletResponse response) {
        long c = county(actor, form.get("county"));
        require(actor, c);
        String rawId = form.get("id");
        Long id = rawId == null || rawId.isBlank() ? null : PathIds.orNotFound(rawId);
        return write(actor, c, form, form, lang, model, response, () -> save(actor, c, id, form));
    }

    @PostMapping("/{id}/move")
    String moveEntry(@PathVariable String id, @RequestParam Map<String, String> form, Actor actor, Lang lang,
            Model model, HttpServletResponse response) {
        long c = county(actor, form.get("county"));
        require(actor, c);
        long entry = PathIds.orNotFound(id);
        return write(actor, c, Map.of(), Map.of(), lang, model, response, () -> move(actor, c, entry, form));
    }

    @PostMapping("/{id}/delete")
    String deleteEntry(@PathVariable String id, @RequestParam Map<String, String> form, Actor actor, Lang lang,
            Model model, HttpServletResponse response) {
        long c = county(actor, form.get("county"));
        require(actor, c);
        long entry = PathIds.orNotFound(id);
        return write(actor, c, editValues(actor, c, String.valueOf(entry)), Map.of(), lang, model, response,
                () -> delete(actor, c, entry, form));
    }

    private String write(Actor actor, long c, Map<String, String> values, Map<String, String> staleValues, Lang lang,
            Model model, HttpServletResponse response, Runnable write) {
        try {
            write.run();
            return "redirect:" + base + "?county=" + c + "&saved";
        } catch (KohtaamoException.Invalid e) {
            response.setStatus(400);
            return render(actor, c, model, values, e.errors().messages(messages, lang.locale()));
        } catch (KohtaamoException.Conflict e) {
            response.setStatus(409);
            model.addAttribute("stale", true);
            return render(actor, c, model, staleValues, Map.of());
        }
    }

    private String render(Actor actor, long county, Model model, Map<String, String> values,
            Map<String, String> errors) {
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("catalogueEdits", true);
        return page(actor, county, model);
    }
}
