package fi.kohtaamo.participation.internal.feedback;

import fi.kohtaamo.registry.Registry;
import fi.kohtaamo.shared.KohtaamoException;
import fi.kohtaamo.shared.Lang;
import fi.kohtaamo.shared.PathIds;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
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
 * The public feedback page of a published place ({@code /places/{id}/feedback}, short address {@code /f/{code}}),
 * its child mode ({@code ?child=1}: big faces, one tap sends, nothing to read) and its kiosk mode
 * ({@code /places/{id}/feedback/kiosk}: back to the start after each answer and after a minute without a touch).
 * Nothing here creates a session or sets a cookie: these are anonymous forms ({@link fi.kohtaamo.shared.AnonymousForms},
 * listed in participation's AnonymousAddresses), and the kiosk's addresses do not remember a chosen language.
 */
@Controller
class FeedbackPageController {

    private final FeedbackService service;
    private final MessageSource messages;

    FeedbackPageController(FeedbackService service, MessageSource messages) {
        this.service = service;
        this.messages = messages;
    }

    /** A place's short code: its id in base 36 (short enough to type from a card, stable, no table). */
    static String shortCode(long placeId) {
        return Long.toString(placeId, 36);
    }

    @GetMapping("/f/{code}")
    String shortAddress(@PathVariable String code) {
        long id;
        try {
            id = Long.parseLong(code, 36);
        } catch (NumberFormatException e) {
            throw new KohtaamoException.NotFound("place");
        }
        if (code.length() > 12 || id <= 0) {
            throw new KohtaamoException.NotFound("place");
        }
        service.publishedPlace(id);
        return "redirect:/places/" + id + "/feedback";
    }

    @GetMapping("/places/{id}/feedback")
    String page(@PathVariable String id, @RequestParam(required = false) String child, Lang lang, Model model) {
        return form(PathIds.orNotFound(id), false, "1".equals(child), lang, model, Map.of(), Map.of());
    }

    @GetMapping("/places/{id}/feedback/kiosk")
    String kiosk(@PathVariable String id, @RequestParam(required = false) String child, Lang lang, Model model) {
        return form(PathIds.orNotFound(id), true, "1".equals(child), lang, model, Map.of(), Map.of());
    }

    @PostMapping("/places/{id}/feedback")
    String send(@PathVariable String id, HttpServletRequest request, HttpServletResponse response, Lang lang,
            Model model) {
        return answer(PathIds.orNotFound(id), false, request, response, lang, model);
    }

    @PostMapping("/places/{id}/feedback/kiosk")
    String sendKiosk(@PathVariable String id, HttpServletRequest request, HttpServletResponse response, Lang lang,
            Model model) {
        return answer(PathIds.orNotFound(id), true, request, response, lang, model);
    }

    @GetMapping("/places/{id}/feedback/thanks")
    String thanks(@PathVariable String id, @RequestParam(required = false) String kiosk,
            @RequestParam(required = false) String child, Lang lang, Model model) {
        long placeId = PathIds.orNotFound(id);
        Registry.StaffPlace place = service.publishedPlace(placeId);
        boolean k = "1".equals(kiosk);
        boolean c = "1".equals(child);
        model.addAttribute("place", place);
        model.addAttribute("kiosk", k);
        model.addAttribute("child", c);
        model.addAttribute("startUrl", start(placeId, k, c, k ? null : lang));
        return "participation/feedback/thanks";
    }

    private String answer(long placeId, boolean kiosk, HttpServletRequest request, HttpServletResponse response,
            Lang lang, Model model) {
        boolean child = "1".equals(request.getParameter("child"));
        try {
            service.answer(placeId, fi.kohtaamo.shared.RateLimits.sender(request), new FeedbackService.Answer(
                    request.getParameter("face"), request.getParameter("best"), request.getParameter("wish"),
                    request.getParameter("answerLang"), child, kiosk));
        } catch (KohtaamoException.Invalid e) {
            response.setStatus(400);
            return form(placeId, kiosk, child, lang, model, Map.of(
                    "face", nz(request.getParameter("face")), "best", nz(request.getParameter("best")),
                    "wish", nz(request.getParameter("wish")), "answerLang", nz(request.getParameter("answerLang"))),
                    e.errors().messages(messages, lang.locale()));
        }
        return "redirect:/places/" + placeId + "/feedback/thanks?lang=" + lang.code() + (kiosk ? "&kiosk=1" : "")
                + (child ? "&child=1" : "");
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String start(long placeId, boolean kiosk, boolean child, Lang lang) {
        String base = "/places/" + placeId + "/feedback" + (kiosk ? "/kiosk" : "");
        String q = (child ? "child=1" : "") + (lang != null ? (child ? "&" : "") + "lang=" + lang.code() : "");
        return q.isEmpty() ? base : base + "?" + q;
    }

    /** One face of the scale: its value (1 very unhappy … 5 very happy) and the message of its screen-reader text. */
    record Face(int value, String key) {
    }

    static final List<Face> FACES = List.of(new Face(5, "feedback.face.5"), new Face(4, "feedback.face.4"),
            new Face(3, "feedback.face.3"), new Face(2, "feedback.face.2"), new Face(1, "feedback.face.1"));

    /** A language of the place's activity offered as a picture-first answer: its code and its name in itself. */
    record OtherLanguage(String code, String name) {
    }

    private String form(long placeId, boolean kiosk, boolean child, Lang lang, Model model, Map<String, String> values,
            Map<String, String> errors) {
        Registry.StaffPlace place = service.publishedPlace(placeId);
        model.addAttribute("place", place);
        model.addAttribute("kiosk", kiosk);
        model.addAttribute("child", child);
        model.addAttribute("faces", FACES);
        model.addAttribute("others", service.otherLanguages(placeId).stream()
                .map(c -> new OtherLanguage(c, FeedbackService.nativeName(c))).toList());
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("maxText", FeedbackService.MAX_TEXT);
        model.addAttribute("formAction", "/places/" + placeId + "/feedback" + (kiosk ? "/kiosk" : "") + "?lang="
                + lang.code());
        model.addAttribute("startUrl", start(placeId, kiosk, child, null));
        model.addAttribute("childUrl", start(placeId, kiosk, !child, lang));
        String base = "/places/" + placeId + "/feedback" + (kiosk ? "/kiosk" : "") + "?" + (child ? "child=1&" : "")
                + "lang=";
        model.addAttribute("feedbackLangUrls", Map.of("fi", base + "fi", "sv", base + "sv", "en", base + "en"));
        return "participation/feedback/page";
    }
}
