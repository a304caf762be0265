package fi.kohtaamo.participation.internal.wishes;

import fi.kohtaamo.participation.WishAction;
import fi.kohtaamo.participation.internal.wishes.WishQueries.State;
import fi.kohtaamo.participation.internal.wishes.WishQueries.Status;
import fi.kohtaamo.participation.internal.wishes.WishQueries.Wish;
import fi.kohtaamo.registry.Registry;
import fi.kohtaamo.shared.AccessControl;
import fi.kohtaamo.shared.Actor;
import fi.kohtaamo.shared.KohtaamoException;
import fi.kohtaamo.shared.Lang;
import fi.kohtaamo.shared.LocalizedText;
import fi.kohtaamo.shared.Option;
import fi.kohtaamo.shared.PathIds;
import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
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
 * Staff pages of the wishes board under {@code /admin/participation/wishes}: the wishes the actor moderates (by
 * default those waiting), and a wish with its moderation (publish, merge, decline with a reason) and its public
 * answer (state, text, the calendar activity that answers it).
 */
@Controller
class WishAdminController {

    private final WishService service;
    private final Registry registry;
    private final MessageSource messages;

    WishAdminController(WishService service, Registry registry, MessageSource messages) {
        this.service = service;
        this.registry = registry;
        this.messages = messages;
    }

    /** A wish as staff see it: where it is. */
    record StaffView(Wish wish, LocalizedText where) {
    }

    private StaffView view(Wish w) {
        LocalizedText where = w.placeId() != null
                ? registry.place(w.placeId()).map(Registry.Ref::name).orElse(LocalizedText.EMPTY)
                : registry.area(w.areaId()).map(Registry.Ref::name).orElse(LocalizedText.EMPTY);
        return new StaffView(w, where);
    }

    @GetMapping("/admin/participation/wishes")
    String list(@RequestParam(required = false) String status, Actor actor, Model model) {
        Status s = Status.PENDING;
        if ("ALL".equals(status)) {
            s = null;
        } else if (status != null && !status.isBlank()) {
            try {
                s = Status.valueOf(status.strip());
            } catch (IllegalArgumentException e) {
                throw new KohtaamoException.BadParameter("status");
            }
        }
        Map<Long, StaffView> cache = new HashMap<>();
        model.addAttribute("wishes", service.list(actor, s).stream()
                .map(w -> cache.computeIfAbsent(w.id(), k -> view(w))).toList());
        model.addAttribute("status", s == null ? "ALL" : s.name());
        model.addAttribute("statuses", Status.values());
        return "participation/admin-wishes";
    }

    @GetMapping("/admin/participation/wishes/{id}")
    String wish(@PathVariable String id, Actor actor, Lang lang, Model model) {
        return page(actor, lang, model, service.moderated(actor, PathIds.orNotFound(id)), Map.of(), Map.of());
    }

    private String page(Actor actor, Lang lang, Model model, Wish w, Map<String, String> values,
            Map<String, String> errors) {
        model.addAttribute("view", view(w));
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("states", State.values());
        model.addAttribute("mergeTargets", service.mergeTargets(actor, w).stream()
                .map(t -> new Option(String.valueOf(t.id()), "#" + t.id() + " " + abbreviate(t.body()), null)).toList());
        model.addAttribute("activities", service.activities(w).stream()
                .map(a -> Option.of(String.valueOf(a.id()), a.name(), lang)).toList());
        model.addAttribute("activity", service.activity(w.activityId()).orElse(null));
        model.addAttribute("maxAnswer", WishService.MAX_ANSWER);
        model.addAttribute("maxReason", WishService.MAX_REASON);
        return "participation/admin-wish";
    }

    private static String abbreviate(String s) {
        String one = s.replaceAll("\\s+", " ");
        return one.length() <= 80 ? one : one.substring(0, 79) + "…";
    }

    @PostMapping("/admin/participation/wishes/{id}/{step}")
    String moderate(@PathVariable String id, @PathVariable String step, @RequestParam Map<String, String> form,
            Actor actor, Lang lang, Model model, HttpServletResponse response) {
        long wishId = PathIds.orNotFound(id);
        try {
            switch (step) {
                case "publish" -> service.publish(actor, wishId, form);
                case "decline" -> service.decline(actor, wishId, form);
                case "merge" -> service.merge(actor, wishId, form);
                case "answer" -> service.answer(actor, wishId, form);
                default -> throw new KohtaamoException.NotFound(step);
            }
            return "redirect:/admin/participation/wishes/" + wishId + "?saved";
        } catch (KohtaamoException.Invalid e) {
            response.setStatus(400);
            return page(actor, lang, model, service.moderated(actor, wishId), form,
                    e.errors().messages(messages, lang.locale()));
        }
    }
}
