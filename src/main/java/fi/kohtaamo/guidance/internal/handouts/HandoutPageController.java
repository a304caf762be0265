package fi.kohtaamo.guidance.internal.handouts;

import fi.kohtaamo.calendar.ActivityCalendar.PublicSession;
import fi.kohtaamo.guidance.HandoutAction;
import fi.kohtaamo.guidance.internal.handouts.HandoutService.Found;
import fi.kohtaamo.shared.AccessControl;
import fi.kohtaamo.shared.Actor;
import fi.kohtaamo.shared.FieldErrors;
import fi.kohtaamo.shared.KohtaamoException;
import fi.kohtaamo.shared.Lang;
import fi.kohtaamo.shared.LocalizedText;
import fi.kohtaamo.shared.Option;
import fi.kohtaamo.shared.PublicUrls;
import fi.kohtaamo.shared.StaffNavigation;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.DayOfWeek;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The handout page ({@code /admin/handouts}): the search for a family, the places found with their next sessions,
 * and the printed A5 handout ({@code POST /admin/handouts/print}), which is tallied. The professional's service type
 * is remembered for the session.
 */
@Controller
class HandoutPageController {

    static final String BASE = "/admin/handouts";
    static final String SERVICE_TYPE = "guidance.handouts.serviceType";
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d.M.");
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("H.mm");

    private final HandoutService service;
    private final MessageSource messages;
    private final PublicUrls urls;

    HandoutPageController(HandoutService service, MessageSource messages, PublicUrls urls) {
        this.service = service;
        this.messages = messages;
        this.urls = urls;
    }

    @Component
    static class Navigation implements StaffNavigation {
        @Override
        public List<Item> items(Actor actor) {
            return AccessControl.mayEver(actor, HandoutAction.PRINT)
                    ? List.of(new Item("handouts.nav", BASE, 48)) : List.of();
        }
    }

    /** A place as the page shows it. */
    record PlaceView(long id, LocalizedText name, String address, List<String> sessions, String languages) {
    }

    @GetMapping(BASE)
    String page(@RequestParam MultiValueMap<String, String> params, Actor actor, Lang lang, Model model,
            HttpSession session, HttpServletResponse response) {
        long county = service.county(actor, HandoutService.first(params, "county"));
        service.require(actor, county);
        Map<String, String> errors = Map.of();
        List<PlaceView> found = null;
        if (params.containsKey("municipality")) {
            FieldErrors e = new FieldErrors();
            HandoutService.Search s = service.search(county, params, e);
            if (e.isEmpty()) {
                found = views(service.find(s), lang);
            } else {
                response.setStatus(400);
                errors = e.messages(messages, lang.locale());
            }
        }
        return render(county, params, found, errors, lang, model, session);
    }

    private String render(long county, MultiValueMap<String, String> params, List<PlaceView> found,
            Map<String, String> errors, Lang lang, Model model, HttpSession session) {
        Map<String, String> values = new HashMap<>();
        params.forEach((k, v) -> values.put(k, v.isEmpty() ? null : v.get(0)));
        if (values.get("serviceType") == null && session.getAttribute(SERVICE_TYPE) instanceof String remembered) {
            values.put("serviceType", remembered);
        }
        values.putIfAbsent("handoutLang", lang.code());
        model.addAttribute("county", county);
        model.addAttribute("values", values);
        model.addAttribute("weekdaysChosen", params.getOrDefault("weekday", List.of()));
        model.addAttribute("placesChosen", params.getOrDefault("place", List.of()));
        model.addAttribute("municipalities", service.municipalities(county).stream()
                .map(m -> Option.of(m.code(), m.name(), lang)).toList());
        model.addAttribute("serviceTypes", service.serviceTypes(county).stream()
                .map(t -> Option.of(t.code(), t.name(), lang)).toList());
        model.addAttribute("languages", HandoutService.LANGUAGES.stream()
                .map(c -> new Option(c, messages.getMessage("language." + c, null, lang.locale()), null)).toList());
        model.addAttribute("handoutLanguages", List.of(Lang.values()).stream()
                .map(l -> new Option(l.code(), messages.getMessage("handouts.lang." + l.code(), null, lang.locale()), l.code()))
                .toList());
        model.addAttribute("weekdays", List.of(DayOfWeek.values()));
        model.addAttribute("found", found);
        model.addAttribute("maxPlaces", HandoutService.MAX_PLACES);
        model.addAttribute("errors", errors);
        return "guidance/handouts";
    }

    List<PlaceView> views(List<Found> found, Lang lang) {
        List<PlaceView> out = new ArrayList<>();
        for (Found f : found) {
            out.add(new PlaceView(f.place().id(), f.place().name(), f.place().addressLine(),
                    f.sessions().stream().map(s -> session(s, lang)).toList(), languages(f, lang)));
        }
        return out;
    }

    String session(PublicSession s, Lang lang) {
        return messages.getMessage("handouts.session", new Object[] {
                messages.getMessage("weekday." + s.start().getDayOfWeek(), null, lang.locale()), DAY.format(s.start()),
                TIME.format(s.start()), TIME.format(s.end()), s.name().get(lang)}, lang.locale());
    }

    String languages(Found f, Lang lang) {
        if (f.languages().isEmpty()) {
            return null;
        }
        List<String> names = f.languages().stream()
                .map(c -> messages.getMessage("language." + c, null, c, lang.locale())).toList();
        return messages.getMessage("handouts.languages", new Object[] {String.join(", ", names)}, lang.locale());
    }

    @PostMapping(BASE + "/print")
    Object print(@RequestParam MultiValueMap<String, String> params, Actor actor, Lang lang, Model model,
            HttpSession session, HttpServletResponse response) {
        long county = service.county(actor, HandoutService.first(params, "county"));
        HandoutService.Print p;
        try {
            p = service.checkPrint(actor, county, params);
        } catch (KohtaamoException.Invalid e) {
            response.setStatus(400);
            FieldErrors ignored = new FieldErrors();
            HandoutService.Search s = service.search(county, params, ignored);
            List<PlaceView> found = ignored.isEmpty() ? views(service.find(s), lang) : null;
            return render(county, params, found, e.errors().messages(messages, lang.locale()), lang, model, session);
        }
        session.setAttribute(SERVICE_TYPE, p.serviceType());
        Lang on = p.lang();
        List<HandoutPdf.Block> blocks = new ArrayList<>();
        for (PlaceView v : views(p.places(), on)) {
            blocks.add(new HandoutPdf.Block(v.name().get(on), v.address(), v.sessions(), v.languages(),
                    urls.of("/calendar?place=" + v.id())));
        }
        String today = DateTimeFormatter.ofPattern("d.M.yyyy").format(service.today());
        byte[] pdf = HandoutPdf.render(on.code(), t("handouts.pdf.title", on), t("handouts.pdf.lead", on), blocks,
                messages.getMessage("handouts.pdf.footer", new Object[] {today}, on.locale()));
        service.tally(actor, p);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"kohtaamo-handout.pdf\"")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store").body(pdf);
    }

    private String t(String key, Lang lang) {
        return messages.getMessage(key, null, lang.locale());
    }
}
