package fi.kohtaamo.participation.internal.accessibility;

import fi.kohtaamo.participation.AccessibilityFeedbackAction;
import fi.kohtaamo.shared.AccessControl;
import fi.kohtaamo.shared.Actor;
import fi.kohtaamo.shared.KohtaamoException;
import fi.kohtaamo.shared.Lang;
import fi.kohtaamo.shared.Option;
import fi.kohtaamo.shared.PathIds;
import fi.kohtaamo.shared.RateLimits;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
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
 * The accessibility statement required by Act 306/2019 ({@code /accessibility}, moved here from {@code shared} because
 * its feedback form stores feedback), with its date, the feedback channel and the form; and the coordinators' pages
 * under {@code /admin/participation/accessibility} with each feedback's 14-day answer deadline.
 */
@Controller
class AccessibilityPageController {

    private final AccessibilityService service;
    private final MessageSource messages;
    private final Clock clock;

    AccessibilityPageController(AccessibilityService service, MessageSource messages, Clock clock) {
        this.service = service;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/accessibility")
    String statement(HttpServletRequest request, Lang lang, Model model) {
        return page(lang, model, Map.of(), Map.of(), request.getParameter("sent") != null);
    }

    private String page(Lang lang, Model model, Map<String, String> values, Map<String, String> errors, boolean sent) {
        model.addAttribute("counties", service.counties().stream()
                .map(c -> Option.of(String.valueOf(c.id()), c.name(), lang)).toList());
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("sent", sent);
        model.addAttribute("maxBody", AccessibilityService.MAX_BODY);
        model.addAttribute("answerDays", AccessibilityService.ANSWER_DAYS);
        return "accessibility";
    }

    @PostMapping("/accessibility/feedback")
    String submit(@RequestParam Map<String, String> form, HttpServletRequest request, HttpServletResponse response,
            Lang lang, Model model) {
        try {
            service.submit(form, RateLimits.sender(request));
            return "redirect:/accessibility?sent&lang=" + lang.code() + "#feedback";
        } catch (KohtaamoException.Invalid e) {
            response.setStatus(400);
            return page(lang, model, form, e.errors().messages(messages, lang.locale()), false);
        }
    }

    // ---- coordinators ---------------------------------------------------------------------------

    @GetMapping("/admin/participation/accessibility")
    String list(Actor actor, Model model) {
        model.addAttribute("feedback", service.list(actor));
        model.addAttribute("today", LocalDate.now(clock));
        return "participation/accessibility-feedback";
    }

    @GetMapping("/admin/participation/accessibility/{id}")
    String one(@PathVariable String id, Actor actor, Model model) {
        model.addAttribute("f", service.readable(actor, PathIds.orNotFound(id)));
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("values", Map.of());
        model.addAttribute("errors", Map.of());
        model.addAttribute("maxBody", AccessibilityService.MAX_BODY);
        return "participation/accessibility-answer";
    }

    @PostMapping("/admin/participation/accessibility/{id}/answer")
    String answer(@PathVariable String id, @RequestParam Map<String, String> form, Actor actor, Lang lang, Model model,
            HttpServletResponse response) {
        long fid = PathIds.orNotFound(id);
        try {
            service.answer(actor, fid, form, lang);
            return "redirect:/admin/participation/accessibility/" + fid + "?saved";
        } catch (KohtaamoException.Invalid e) {
            response.setStatus(400);
            model.addAttribute("f", service.readable(actor, fid));
            model.addAttribute("today", LocalDate.now(clock));
            model.addAttribute("values", form);
            model.addAttribute("errors", e.errors().messages(messages, lang.locale()));
            model.addAttribute("maxBody", AccessibilityService.MAX_BODY);
            return "participation/accessibility-answer";
        }
    }
}
