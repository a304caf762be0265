package fi.kohtaamo.calendar.internal.admin;

import fi.kohtaamo.calendar.internal.ActivityForm;
import fi.kohtaamo.calendar.internal.ActivityQueries;
import fi.kohtaamo.calendar.internal.ActivityService;
import fi.kohtaamo.calendar.internal.ActivityText;
import fi.kohtaamo.calendar.internal.ActivityTextService;
import fi.kohtaamo.registry.Registry;
import fi.kohtaamo.shared.Actor;
import fi.kohtaamo.shared.KohtaamoException;
import fi.kohtaamo.shared.Lang;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Staff pages of an activity's texts in other languages (Arabic, Somali, Ukrainian ...): the list with a form to add
 * one, a page to edit one, and removing. Writes go through {@link ActivityTextService}.
 */
@Controller
class ActivityTextAdminController {

    private final ActivityService activities;
    private final ActivityTextService texts;
    private final Registry registry;
    private final MessageSource messages;

    ActivityTextAdminController(ActivityService activities, ActivityTextService texts, Registry registry,
            MessageSource messages) {
        this.activities = activities;
        this.texts = texts;
        this.registry = registry;
        this.messages = messages;
    }

    /** A language offered in the add form: its tag and its name in the reader's language. */
    record Choice(String value, String label) {
    }

    /** The calendar's languages other than fi/sv/en, by their names in the reader's language. */
    static List<Choice> choices(Lang lang) {
        return ActivityForm.LANGUAGES.stream().filter(l -> ActivityText.normalise(l) != null)
                .map(l -> new Choice(l, ActivityText.languageName(l, lang)))
                .sorted(Comparator.comparing(Choice::label, java.text.Collator.getInstance(lang.locale()))).toList();
    }

    @GetMapping("/admin/activities/{id}/texts")
    String list(@PathVariable String id, Actor actor, Lang lang, Model model) {
        ActivityQueries.Activity a = activities.activityForStaff(actor, ActivityAdminController.idOrNotFound(id));
        return listPage(a, lang, model, Map.of(), Map.of());
    }

    private String listPage(ActivityQueries.Activity a, Lang lang, Model model, Map<String, String> errors,
            Map<String, String> values) {
        model.addAttribute("activity", a);
        model.addAttribute("place", place(a));
        model.addAttribute("choices", choices(lang));
        model.addAttribute("errors", errors);
        model.addAttribute("values", values);
        model.addAttribute("max", ActivityText.MAX_PER_ACTIVITY);
        return "calendar/admin/activity-texts";
    }

    @PostMapping("/admin/activities/{id}/texts")
    String add(@PathVariable String id, Actor actor, Lang lang, @RequestParam Map<String, String> p, Model model,
            HttpServletResponse response) {
        long activityId = ActivityAdminController.idOrNotFound(id);
        String other = p.get("textLangOther");
        String tag = other != null && !other.isBlank() ? other : p.get("textLang");
        try {
            String saved = texts.save(actor, activityId, tag, p.get("textName"), p.get("textDescription"), null);
            return "redirect:/admin/activities/" + activityId + "/texts?saved=" + saved;
        } catch (KohtaamoException.Invalid e) {
            response.setStatus(400);
            return listPage(activities.activityForStaff(actor, activityId), lang, model,
                    e.errors().messages(messages, lang.locale()), p);
        }
    }

    @GetMapping("/admin/activities/{id}/texts/{tag}")
    String edit(@PathVariable String id, @PathVariable String tag, Actor actor, Lang lang, Model model) {
        ActivityQueries.Activity a = activities.activityForStaff(actor, ActivityAdminController.idOrNotFound(id));
        ActivityText t = text(a, tag);
        return editPage(a, t, model, Map.of(), Map.of("textName", t.name(),
                "textDescription", t.description() == null ? "" : t.description(),
                "version", String.valueOf(t.version())), false);
    }

    private String editPage(ActivityQueries.Activity a, ActivityText t, Model model, Map<String, String> errors,
            Map<String, String> values, boolean stale) {
        model.addAttribute("activity", a);
        model.addAttribute("place", place(a));
        model.addAttribute("text", t);
        model.addAttribute("errors", errors);
        model.addAttribute("values", values);
        model.addAttribute("stale", stale);
        return "calendar/admin/activity-text";
    }

    @PostMapping("/admin/activities/{id}/texts/{tag}")
    String update(@PathVariable String id, @PathVariable String tag, Actor actor, Lang lang,
            @RequestParam Map<String, String> p, Model model, HttpServletResponse response) {
        long activityId = ActivityAdminController.idOrNotFound(id);
        ActivityText t = text(activities.activityForStaff(actor, activityId), tag);
        String version = p.get("version") == null || p.get("version").isBlank() ? "-1" : p.get("version");
        try {
            texts.save(actor, activityId, t.lang(), p.get("textName"), p.get("textDescription"), version);
            return "redirect:/admin/activities/" + activityId + "/texts?saved=" + t.lang();
        } catch (KohtaamoException.Invalid e) {
            response.setStatus(400);
            return editPage(activities.activityForStaff(actor, activityId), t, model,
                    e.errors().messages(messages, lang.locale()), p, false);
        } catch (KohtaamoException.Conflict e) {
            response.setStatus(409);
            ActivityQueries.Activity now = activities.activityForStaff(actor, activityId);
            ActivityText current = text(now, t.lang());
            Map<String, String> values = new java.util.HashMap<>(p);
            values.put("version", String.valueOf(current.version()));
            return editPage(now, current, model, Map.of(), values, true);
        }
    }

    @PostMapping("/admin/activities/{id}/texts/{tag}/delete")
    String delete(@PathVariable String id, @PathVariable String tag, @RequestParam(required = false) String version,
            Actor actor, Lang lang, Model model, HttpServletResponse response) {
        long activityId = ActivityAdminController.idOrNotFound(id);
        ActivityText t = text(activities.activityForStaff(actor, activityId), tag);
        try {
            texts.delete(actor, activityId, t.lang(), version);
            return "redirect:/admin/activities/" + activityId + "/texts?removed";
        } catch (KohtaamoException.Conflict e) {
            response.setStatus(409);
            ActivityQueries.Activity now = activities.activityForStaff(actor, activityId);
            model.addAttribute("stale", true);
            return listPage(now, lang, model, Map.of(), Map.of());
        }
    }

    private static ActivityText text(ActivityQueries.Activity a, String tag) {
        String normal = ActivityText.normalise(tag);
        return a.texts().stream().filter(t -> t.lang().equals(normal)).findFirst()
                .orElseThrow(() -> new KohtaamoException.NotFound("activity text " + a.id() + "/" + tag));
    }

    private Registry.StaffPlace place(ActivityQueries.Activity a) {
        return registry.staffPlace(a.placeId())
                .orElseThrow(() -> new KohtaamoException.NotFound("place " + a.placeId()));
    }
}
