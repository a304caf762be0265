package fi.kohtaamo.calendar.internal.admin;

import fi.kohtaamo.calendar.internal.ActivityQueries;
import fi.kohtaamo.calendar.internal.ActivityService;
import fi.kohtaamo.calendar.internal.rules.RuleText;
import fi.kohtaamo.calendar.internal.rules.Schedule;

import fi.kohtaamo.calendar.CalendarAction;
import fi.kohtaamo.registry.Registry;
import fi.kohtaamo.shared.AccessControl;
import fi.kohtaamo.shared.Actor;
import fi.kohtaamo.shared.KohtaamoException;
import fi.kohtaamo.shared.Lang;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Staff set a new season for many weekly or monthly activities at once (e.g. the autumn term). */
@Controller
class SeasonAdminController {

    private final ActivityService service;
    private final Registry registry;
    private final MessageSource messages;
    private final Clock clock;

    SeasonAdminController(ActivityService service, Registry registry, MessageSource messages, Clock clock) {
        this.service = service;
        this.registry = registry;
        this.messages = messages;
        this.clock = clock;
    }

    /** A place with the activities on it that the actor may give a new season. */
    record PlaceGroup(Registry.StaffPlace place, List<Item> activities) {
    }

    record Item(ActivityQueries.Activity activity, String rule) {
    }

    @GetMapping("/admin/activities/season")
    String page(@RequestParam(required = false) String municipality, @RequestParam(required = false) String place,
            Actor actor, Lang lang, Model model) {
        return render(actor, lang, model, municipality, place, List.of(), null, null, Map.of());
    }

    @PostMapping("/admin/activities/season")
    String change(@RequestParam(required = false) String municipality, @RequestParam(required = false) String place,
            @RequestParam(name = "activityIds", required = false) List<String> activityIds,
            @RequestParam(required = false) String seasonStart, @RequestParam(required = false) String seasonEnd,
            Actor actor, Lang lang, Model model, HttpServletResponse response) {
        try {
            int n = service.changeSeason(actor, activityIds, seasonStart, seasonEnd);
            return "redirect:/admin/activities/season?changed=" + n;
        } catch (KohtaamoException.Invalid e) {
            response.setStatus(400);
            return render(actor, lang, model, municipality, place, activityIds == null ? List.of() : activityIds,
                    seasonStart, seasonEnd, e.errors().messages(messages, lang.locale()));
        }
    }

    private String render(Actor actor, Lang lang, Model model, String municipality, String place,
            List<String> selected, String seasonStart, String seasonEnd, Map<String, String> errors) {
        if (!AccessControl.mayEver(actor, CalendarAction.ACTIVITY_UPDATE)) {
            throw new KohtaamoException.Forbidden("ACTIVITY_UPDATE");
        }
        List<Registry.StaffPlace> all = registry.placesInScope(AccessControl.scope(actor, CalendarAction.ACTIVITY_UPDATE));
        String m = municipality == null || municipality.isBlank() ? null : municipality.strip();
        String p = place == null || place.isBlank() ? null : place.strip();
        List<Registry.StaffPlace> shown = all.stream()
                .filter(x -> m == null || x.municipalityCode().equals(m))
                .filter(x -> p == null || String.valueOf(x.id()).equals(p)).toList();
        int year = LocalDate.now(clock).getYear();
        Map<Long, List<Item>> byPlace = new LinkedHashMap<>();
        for (ActivityQueries.Activity a : service.activitiesForStaff(actor, shown.stream().map(Registry.StaffPlace::id).toList())) {
            Schedule.Kind k = a.schedule().kind();
            if (k == Schedule.Kind.WEEKLY || k == Schedule.Kind.MONTHLY) {
                byPlace.computeIfAbsent(a.placeId(), x -> new ArrayList<>())
                        .add(new Item(a, RuleText.describe(a.schedule(), lang, year)));
            }
        }
        List<PlaceGroup> groups = shown.stream().filter(x -> byPlace.containsKey(x.id()))
                .map(x -> new PlaceGroup(x, byPlace.get(x.id()))).toList();
        Map<String, Registry.StaffPlace> municipalities = new LinkedHashMap<>();
        all.forEach(x -> municipalities.putIfAbsent(x.municipalityCode(), x));
        model.addAttribute("groups", groups);
        model.addAttribute("allPlaces", all);
        model.addAttribute("municipalities", municipalities.values().stream()
                .sorted(java.util.Comparator.comparing(x -> x.municipalityName().get(lang))).toList());
        model.addAttribute("municipality", m);
        model.addAttribute("place", p);
        model.addAttribute("selected", selected.stream().filter(Objects::nonNull).toList());
        model.addAttribute("seasonStart", seasonStart);
        model.addAttribute("seasonEnd", seasonEnd);
        model.addAttribute("errors", errors);
        return "calendar/admin/season";
    }
}
