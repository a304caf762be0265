package fi.kohtaamo.participation.internal.wishes;

import fi.kohtaamo.participation.internal.wishes.WishQueries.Wish;
import fi.kohtaamo.registry.Registry;
import fi.kohtaamo.shared.KohtaamoException;
import fi.kohtaamo.shared.Lang;
import fi.kohtaamo.shared.LocalizedText;
import fi.kohtaamo.shared.PathIds;
import fi.kohtaamo.shared.RateLimits;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Public pages of the wishes board in fi/sv/en: {@code /wishes} (areas by county with their published wishes'
 * counts), {@code /wishes/areas/{id}} (an area's wishes and its places'), {@code /places/{id}/wishes} (a place's),
 * each with the form for a new wish; and supporting a published wish.
 *
 * <p>One support per browser: the cookie {@value #SUPPORTED} lists the ids of the wishes this browser supported
 * (nothing else: no token, no identifier of the browser or the person), so the server keeps nothing about who
 * supported what. Clearing cookies allows another support, which the sender's rate limit bounds.
 */
@Controller
class WishPageController {

    static final String SUPPORTED = "kohtaamo_supported";
    private static final int MAX_REMEMBERED = 200;

    private final WishService service;
    private final WishPostService posts;
    private final Registry registry;
    private final MessageSource messages;
    private final WishDecisions decisions;

    WishPageController(WishService service, WishPostService posts, Registry registry, MessageSource messages,
            WishDecisions decisions) {
        this.service = service;
        this.posts = posts;
        this.registry = registry;
        this.messages = messages;
        this.decisions = decisions;
    }

    /** A published wish as a public page shows it. */
    record WishView(Wish wish, LocalizedText place, LocalizedText activity, boolean supported,
            WishDecisions.Answered decision) {
    }

    private List<WishView> views(List<Wish> wishes, Set<Long> supported) {
        Map<Long, LocalizedText> places = new HashMap<>();
        List<WishView> out = new ArrayList<>();
        Map<Long, WishDecisions.Answered> answered = decisions.of(wishes.stream().map(Wish::id).toList());
        for (Wish w : wishes) {
            LocalizedText place = w.placeId() == null ? null : places.computeIfAbsent(w.placeId(),
                    p -> registry.place(p).map(Registry.Ref::name).orElse(LocalizedText.EMPTY));
            LocalizedText activity = service.activity(w.activityId()).map(a -> a.name()).orElse(null);
            out.add(new WishView(w, place, activity, supported.contains(w.id()), answered.get(w.id())));
        }
        return out;
    }

    static Set<Long> supported(HttpServletRequest request) {
        Set<Long> out = new LinkedHashSet<>();
        if (request.getCookies() == null) {
            return out;
        }
        for (Cookie c : request.getCookies()) {
            if (SUPPORTED.equals(c.getName()) && c.getValue() != null) {
                for (String part : c.getValue().split("-")) {
                    if (part.matches("^[0-9]{1,18}$")) {
                        out.add(Long.parseLong(part));
                    }
                }
            }
        }
        return out;
    }

    // ---- index ----------------------------------------------------------------------------------

    record AreaLine(long id, LocalizedText name, int wishes) {
    }

    record CountyLine(LocalizedText name, List<AreaLine> areas) {
    }

    @GetMapping("/wishes")
    String index(Model model) {
        Map<Long, Integer> counts = new HashMap<>();
        service.publishedPerArea().forEach(c -> counts.put(c.areaId(), c.wishes()));
        List<CountyLine> counties = new ArrayList<>();
        for (Registry.Ref county : registry.counties()) {
            List<AreaLine> areas = registry.areas(county.id()).stream()
                    .map(a -> new AreaLine(a.id(), a.name(), counts.getOrDefault(a.id(), 0))).toList();
            if (!areas.isEmpty()) {
                counties.add(new CountyLine(county.name(), areas));
            }
        }
        model.addAttribute("counties", counties);
        return "participation/wishes";
    }

    // ---- an area --------------------------------------------------------------------------------

    @GetMapping("/wishes/areas/{id}")
    String area(@PathVariable String id, HttpServletRequest request, Lang lang, Model model) {
        return areaPage(PathIds.orNotFound(id), request, model, Map.of(), Map.of(), request.getParameter("sent") != null);
    }

    private String areaPage(long areaId, HttpServletRequest request, Model model, Map<String, String> values,
            Map<String, String> errors, boolean sent) {
        Registry.Ref area = service.area(areaId);
        model.addAttribute("area", area);
        List<WishView> all = views(service.publishedOfArea(areaId), supported(request));
        model.addAttribute("areaWishes", all.stream().filter(v -> v.wish().placeId() == null).toList());
        model.addAttribute("placeWishes", all.stream().filter(v -> v.wish().placeId() != null)
                .sorted(Comparator.comparing((WishView v) -> String.valueOf(v.place().fi()))).toList());
        model.addAttribute("action", "/wishes/areas/" + areaId);
        model.addAttribute("back", "/wishes/areas/" + areaId);
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("sent", sent);
        model.addAttribute("maxBody", WishService.MAX_BODY);
        return "participation/wishes-area";
    }

    @PostMapping("/wishes/areas/{id}")
    String postArea(@PathVariable String id, @RequestParam(name = "wish", required = false) String body, HttpServletRequest request,
            HttpServletResponse response, Lang lang, Model model) {
        long areaId = PathIds.orNotFound(id);
        try {
            posts.post(null, areaId, body, lang, RateLimits.sender(request));
            return "redirect:/wishes/areas/" + areaId + "?sent&lang=" + lang.code();
        } catch (KohtaamoException.Invalid e) {
            response.setStatus(400);
            return areaPage(areaId, request, model, Map.of("wish", body == null ? "" : body),
                    e.errors().messages(messages, lang.locale()), false);
        }
    }

    // ---- a place --------------------------------------------------------------------------------

    @GetMapping("/places/{id}/wishes")
    String place(@PathVariable String id, HttpServletRequest request, Model model) {
        return placePage(PathIds.orNotFound(id), request, model, Map.of(), Map.of(), request.getParameter("sent") != null);
    }

    private String placePage(long placeId, HttpServletRequest request, Model model, Map<String, String> values,
            Map<String, String> errors, boolean sent) {
        Registry.Ref place = service.publicPlace(placeId);
        model.addAttribute("place", place);
        long areaId = registry.areaOfPlace(placeId).orElseThrow(() -> new KohtaamoException.NotFound("place"));
        model.addAttribute("areaId", areaId);
        model.addAttribute("wishes", views(service.publishedOfPlace(placeId), supported(request)));
        model.addAttribute("action", "/places/" + placeId + "/wishes");
        model.addAttribute("back", "/places/" + placeId + "/wishes");
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("sent", sent);
        model.addAttribute("maxBody", WishService.MAX_BODY);
        return "participation/wishes-place";
    }

    @PostMapping("/places/{id}/wishes")
    String postPlace(@PathVariable String id, @RequestParam(name = "wish", required = false) String body, HttpServletRequest request,
            HttpServletResponse response, Lang lang, Model model) {
        long placeId = PathIds.orNotFound(id);
        try {
            posts.post(placeId, -1, body, lang, RateLimits.sender(request));
            return "redirect:/places/" + placeId + "/wishes?sent&lang=" + lang.code();
        } catch (KohtaamoException.Invalid e) {
            response.setStatus(400);
            return placePage(placeId, request, model, Map.of("wish", body == null ? "" : body),
                    e.errors().messages(messages, lang.locale()), false);
        }
    }

    // ---- support --------------------------------------------------------------------------------

    /**
     * Supports a published wish once per browser, then returns to the page it was supported on ({@code back}: only
     * this board's own addresses are followed).
     */
    @PostMapping("/wishes/{id}/support")
    String support(@PathVariable String id, @RequestParam(required = false) String back, HttpServletRequest request,
            HttpServletResponse response, Lang lang) {
        long wishId = PathIds.orNotFound(id);
        Set<Long> supported = supported(request);
        WishPostService.Supported outcome = posts.support(wishId, supported.contains(wishId), RateLimits.sender(request));
        WishPostService.PublicWish w = outcome.wish();
        if (outcome.counted()) {
            supported.add(wishId);
            List<Long> kept = new ArrayList<>(supported);
            if (kept.size() > MAX_REMEMBERED) {
                kept = kept.subList(kept.size() - MAX_REMEMBERED, kept.size());
            }
            Cookie c = new Cookie(SUPPORTED, String.join("-", kept.stream().map(String::valueOf).toList()));
            c.setPath("/");
            c.setHttpOnly(true);
            c.setMaxAge(60 * 60 * 24 * 365);
            c.setSecure(request.isSecure());
            c.setAttribute("SameSite", "Lax");
            response.addCookie(c);
        }
        String target = back != null && back.matches("^/(wishes/areas|places)/[0-9]{1,18}(/wishes)?$") ? back
                : w.placeId() != null ? "/places/" + w.placeId() + "/wishes" : "/wishes/areas/" + w.areaId();
        return "redirect:" + target + "?lang=" + lang.code() + "#wish-" + wishId;
    }
}
