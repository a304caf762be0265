package fi.kohtaamo.planning.internal;

import fi.kohtaamo.calendar.ActivityKind;
import fi.kohtaamo.planning.PlanningAction;
import fi.kohtaamo.planning.internal.TimetableService.Region;
import fi.kohtaamo.shared.Actor;
import fi.kohtaamo.shared.KohtaamoException;
import fi.kohtaamo.shared.Lang;
import fi.kohtaamo.shared.Option;
import jakarta.servlet.http.HttpServletResponse;
import java.time.DayOfWeek;
import java.util.ArrayList;
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

/** The sketch page ({@code /admin/planning/sketch}): one's own changes and the overlaps and gaps they make or remove. */
@Controller
class SketchPageController {

    static final String BASE = OverlapPageController.BASE + "/sketch";

    private final SketchService sketches;
    private final TimetableService planning;
    private final OverlapPageController pages;
    private final MessageSource messages;

    SketchPageController(SketchService sketches, TimetableService planning, OverlapPageController pages,
            MessageSource messages) {
        this.sketches = sketches;
        this.planning = planning;
        this.pages = pages;
        this.messages = messages;
    }

    @GetMapping(BASE)
    String page(@RequestParam(required = false) String county, @RequestParam(required = false) String area,
            @RequestParam(required = false) String weeks, @RequestParam(required = false) String distance, Actor actor,
            Lang lang, Model model) {
        Region region = region(actor, county, area);
        return render(actor, region, TimetableService.weeks(weeks), TimetableService.metres(distance), Map.of(), Map.of(),
                lang, model);
    }

    private Region region(Actor actor, String county, String area) {
        Region region = planning.region(actor, PlanningAction.SKETCH, county, area);
        if (region.countyId() == null) {
            throw new KohtaamoException.BadParameter("county");
        }
        return region;
    }

    String render(Actor actor, Region region, int weeks, int metres, Map<String, String> errors,
            Map<String, String> values, Lang lang, Model model) {
        SketchService.Outcome outcome = sketches.outcome(actor, region, weeks, metres);
        pages.common(actor, region, weeks, "sketch", lang, model);
        Map<Long, String> names = sketches.names(outcome.before(), lang);
        model.addAttribute("distance", metres);
        model.addAttribute("changes", sketches.changes(actor, region));
        model.addAttribute("names", names);
        model.addAttribute("diff", outcome.diff());
        model.addAttribute("gapWords", gapWords(outcome.diff(), planning.areas(region, outcome.before()), lang));
        model.addAttribute("activityOptions", outcome.before().slots().stream()
                .map(s -> new Option("" + s.activityId(), names.get(s.activityId()), null)).toList());
        model.addAttribute("placeOptions", sketches.places(region).values().stream()
                .map(p -> Option.of("" + p.placeId(), p.placeName(), lang)).toList());
        model.addAttribute("kindOptions", List.of(ActivityKind.values()).stream().map(k -> new Option(k.name(),
                messages.getMessage("activityKind." + k, null, lang.locale()), null)).toList());
        List<Option> days = new ArrayList<>();
        for (DayOfWeek d : DayOfWeek.values()) {
            days.add(new Option("" + d.getValue(), messages.getMessage("weekday." + d, null, lang.locale()), null));
        }
        model.addAttribute("dayOptions", days);
        model.addAttribute("errors", errors);
        model.addAttribute("values", values);
        return "planning/sketch";
    }

    /** "Area · 0 years · Swedish · Tuesday" for each gap key area|band|language|column. */
    Map<String, String> gapWords(Sketch.Diff diff, Map<Long, fi.kohtaamo.shared.LocalizedText> areas, Lang lang) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        List<String> columns = pages.columns(lang);
        List<String> keys = new ArrayList<>(diff.gapsFilled());
        keys.addAll(diff.gapsCreated());
        for (String key : keys) {
            String[] p = key.split("\\|");
            var name = areas.get(Long.parseLong(p[0]));
            out.put(key, (name == null ? p[0] : name.get(lang)) + " · "
                    + messages.getMessage("planning.band." + p[1], null, lang.locale()) + " · "
                    + messages.getMessage("language." + p[2], null, p[2], lang.locale()) + " · "
                    + columns.get(Integer.parseInt(p[3])));
        }
        return out;
    }

    @PostMapping(BASE + "/changes")
    String add(@RequestParam MultiValueMap<String, String> form, Actor actor, Lang lang, Model model,
            HttpServletResponse response) {
        Region region = region(actor, SketchService.first(form, "county"), SketchService.first(form, "area"));
        try {
            sketches.add(actor, region, form);
        } catch (KohtaamoException.Invalid e) {
            response.setStatus(400);
            Map<String, String> values = new java.util.HashMap<>();
            form.forEach((k, v) -> values.put(k, v.isEmpty() ? null : v.get(0)));
            return render(actor, region, TimetableService.DEFAULT_WEEKS, 0, e.errors().messages(messages, lang.locale()),
                    values, lang, model);
        }
        return "redirect:" + BASE + "?" + region.query() + "#diff";
    }

    @PostMapping(BASE + "/changes/{id}/delete")
    String delete(@PathVariable String id, @RequestParam(required = false) String county,
            @RequestParam(required = false) String area, Actor actor) {
        Region region = region(actor, county, area);
        sketches.delete(actor, region, fi.kohtaamo.shared.PathIds.orNotFound(id));
        return "redirect:" + BASE + "?" + region.query();
    }

    @PostMapping(BASE + "/clear")
    String clear(@RequestParam(required = false) String county, @RequestParam(required = false) String area,
            Actor actor) {
        Region region = region(actor, county, area);
        sketches.clear(actor, region);
        return "redirect:" + BASE + "?" + region.query();
    }
}
