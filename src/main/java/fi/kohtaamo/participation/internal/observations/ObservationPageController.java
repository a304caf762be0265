package fi.kohtaamo.participation.internal.observations;

import fi.kohtaamo.participation.ObservationAction;
import fi.kohtaamo.participation.internal.observations.ObservationQueries.AgeBand;
import fi.kohtaamo.participation.internal.observations.ObservationQueries.Observation;
import fi.kohtaamo.participation.internal.observations.ObservationQueries.Observer;
import fi.kohtaamo.shared.CountyCatalogue.Item;
import fi.kohtaamo.registry.Registry;
import fi.kohtaamo.shared.AccessControl;
import fi.kohtaamo.shared.Actor;
import fi.kohtaamo.shared.KohtaamoException;
import fi.kohtaamo.shared.Lang;
import fi.kohtaamo.shared.LocalizedText;
import fi.kohtaamo.shared.Option;
import fi.kohtaamo.shared.PathIds;
import fi.kohtaamo.shared.QueryParams;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Staff pages of <i>Huomaa minut!</i> under {@code /admin/participation/observations}: a place's summary for a
 * period with its observations, the observation form of a place's session, an observation with its theme coding,
 * and the county's theme catalogue.
 */
@Controller
class ObservationPageController {

    private final ObservationService service;
    private final Registry registry;
    private final MessageSource messages;
    private final Clock clock;

    ObservationPageController(ObservationService service, Registry registry, MessageSource messages, Clock clock) {
        this.service = service;
        this.registry = registry;
        this.messages = messages;
        this.clock = clock;
    }

    private static final String BASE = "/admin/participation/observations";

    // ---- a place's summary ----------------------------------------------------------------------

    @GetMapping(BASE)
    String index(@RequestParam(required = false) String place, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, Actor actor, Lang lang, Model model) {
        if (!AccessControl.mayEver(actor, ObservationAction.RECORD)) {
            throw new KohtaamoException.Forbidden(ObservationAction.RECORD.name());
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate f = from == null || from.isBlank() ? today.minusMonths(3).withDayOfMonth(1)
                : QueryParams.date(from, "from", null);
        LocalDate t = to == null || to.isBlank() ? today : QueryParams.date(to, "to", null);
        if (t.isBefore(f) || f.isBefore(t.minusYears(5))) {
            throw new KohtaamoException.BadParameter("to");
        }
        List<Registry.StaffPlace> places = service.places(actor, ObservationAction.RECORD);
        Long placeId = null;
        if (place != null && !place.isBlank()) {
            placeId = PathIds.orNotFound(place);
        } else if (places.size() == 1) {
            placeId = places.get(0).id();
        }
        model.addAttribute("places", places.stream().map(p -> Option.of(String.valueOf(p.id()), p.name(), lang)).toList());
        model.addAttribute("placeId", placeId == null ? "" : String.valueOf(placeId));
        model.addAttribute("from", f.toString());
        model.addAttribute("to", t.toString());
        model.addAttribute("summary", null);
        if (placeId != null) {
            var target = service.placeTarget(placeId);
            boolean mayRecord = AccessControl.allows(actor, ObservationAction.RECORD, target);
            boolean mayRead = AccessControl.allows(actor, ObservationAction.READ, target);
            if (!mayRecord && !mayRead) {
                throw new KohtaamoException.Forbidden(ObservationAction.READ.name());
            }
            model.addAttribute("placeName", registry.place(placeId).map(Registry.Ref::name).orElse(LocalizedText.EMPTY));
            model.addAttribute("mayRecord", mayRecord);
            if (mayRead) {
                var summary = service.summary(actor, placeId, f, t);
                model.addAttribute("summary", summary);
                model.addAttribute("activityNames", activityNames(placeId));
            }
        }
        model.addAttribute("mayManageThemes", AccessControl.mayEver(actor, ObservationAction.THEME_MANAGE));
        return "participation/observations";
    }

    private Map<Long, LocalizedText> activityNames(long placeId) {
        Map<Long, LocalizedText> names = new HashMap<>();
        service.activities(placeId).forEach(a -> names.put(a.id(), a.name()));
        return names;
    }

    // ---- recording ------------------------------------------------------------------------------

    @GetMapping(BASE + "/places/{place}/new")
    String newForm(@PathVariable String place, @RequestParam(required = false) String activity,
            @RequestParam(required = false) String date, Actor actor, Lang lang, Model model) {
        long placeId = PathIds.orNotFound(place);
        AccessControl.require(actor, ObservationAction.RECORD, service.placeTarget(placeId));
        // a link may name the session (its activity and date); the form checks them when it is sent
        Map<String, String> values = new HashMap<>();
        values.put("sessionDate", QueryParams.date(date, "date", LocalDate.now(clock)).toString());
        if (activity != null && activity.matches("^[0-9]{1,18}$")) {
            values.put("activity", activity);
        }
        return form(placeId, lang, model, values, Map.of());
    }

    private String form(long placeId, Lang lang, Model model, Map<String, String> values, Map<String, String> errors) {
        model.addAttribute("placeId", placeId);
        model.addAttribute("placeName", registry.place(placeId).map(Registry.Ref::name).orElse(LocalizedText.EMPTY));
        model.addAttribute("activities", service.activities(placeId).stream()
                .map(a -> Option.of(String.valueOf(a.id()), a.name(), lang)).toList());
        model.addAttribute("ageBands", AgeBand.values());
        model.addAttribute("observers", Observer.values());
        model.addAttribute("texts", ObservationService.TEXTS);
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("maxText", ObservationService.MAX_TEXT);
        model.addAttribute("today", LocalDate.now(clock).toString());
        return "participation/observation-form";
    }

    @PostMapping(BASE + "/places/{place}")
    String record(@PathVariable String place, @RequestParam Map<String, String> form, Actor actor, Lang lang,
            Model model, HttpServletResponse response) {
        long placeId = PathIds.orNotFound(place);
        try {
            service.record(actor, placeId, form);
            return "redirect:" + BASE + "/places/" + placeId + "/new?saved";
        } catch (KohtaamoException.Invalid e) {
            response.setStatus(400);
            return form(placeId, lang, model, form, e.errors().messages(messages, lang.locale()));
        }
    }

    // ---- an observation and its themes ----------------------------------------------------------

    @GetMapping(BASE + "/{id}")
    String observation(@PathVariable String id, Actor actor, Lang lang, Model model) {
        Observation o = service.readable(actor, PathIds.orNotFound(id));
        return page(o, lang, model, o.themeIds().stream().map(String::valueOf).toList(), Map.of());
    }

    private String page(Observation o, Lang lang, Model model, List<String> chosen, Map<String, String> errors) {
        model.addAttribute("o", o);
        model.addAttribute("placeName", registry.place(o.placeId()).map(Registry.Ref::name).orElse(LocalizedText.EMPTY));
        model.addAttribute("activityName", activityNames(o.placeId()).getOrDefault(o.activityId(), LocalizedText.EMPTY));
        model.addAttribute("themes", service.themes(o.countyId()).stream().filter(Item::active)
                .map(t -> Option.of(String.valueOf(t.id()), t.name(), lang)).toList());
        model.addAttribute("chosen", chosen);
        model.addAttribute("texts", ObservationService.TEXTS);
        model.addAttribute("errors", errors);
        return "participation/observation";
    }

    @PostMapping(BASE + "/{id}/themes")
    String code(@PathVariable String id, @RequestParam MultiValueMap<String, String> form, Actor actor, Lang lang,
            Model model, HttpServletResponse response) {
        long obsId = PathIds.orNotFound(id);
        try {
            service.code(actor, obsId, form);
            return "redirect:" + BASE + "/" + obsId + "?saved";
        } catch (KohtaamoException.Invalid e) {
            response.setStatus(400);
            List<String> chosen = form.get("themeIds");
            return page(service.readable(actor, obsId), lang, model, chosen == null ? List.of() : chosen,
                    e.errors().messages(messages, lang.locale()));
        }
    }
}
