package fi.kohtaamo.planning.internal;

import fi.kohtaamo.planning.PlanningAction;
import fi.kohtaamo.planning.internal.TimetableService.Region;
import fi.kohtaamo.planning.internal.Timetable.AgeBand;
import fi.kohtaamo.shared.AccessControl;
import fi.kohtaamo.shared.Actor;
import fi.kohtaamo.shared.KohtaamoException;
import fi.kohtaamo.shared.Lang;
import fi.kohtaamo.shared.LocalizedText;
import fi.kohtaamo.shared.Option;
import fi.kohtaamo.shared.Role;
import fi.kohtaamo.shared.StaffNavigation;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The planning pages of overlaps ({@code /admin/planning}), gaps ({@code /admin/planning/gaps}) and the timetable
 * heat map ({@code /admin/planning/heatmap}), and keeping or releasing an overlap on purpose.
 */
@Controller
public class OverlapPageController {

    static final String BASE = "/admin/planning";
    /** The most overlaps listed on one page (a county's first ones by area and date; narrow by area or window). */
    static final int MAX_LISTED = 200;

    private final TimetableService service;
    private final MessageSource messages;

    OverlapPageController(TimetableService service, MessageSource messages) {
        this.service = service;
        this.messages = messages;
    }

    @Component
    static class Navigation implements StaffNavigation {
        @Override
        public List<Item> items(Actor actor) {
            return AccessControl.mayEver(actor, PlanningAction.VIEW) ? List.of(new Item("planning.nav", BASE, 49))
                    : List.of();
        }
    }

    /** The region chooser and the window, common to every planning page. */
    void common(Actor actor, Region region, int weeks, String page, Lang lang, Model model) {
        model.addAttribute("region", region);
        model.addAttribute("page", page);
        model.addAttribute("weeks", weeks);
        model.addAttribute("from", service.monday());
        model.addAttribute("to", service.monday().plusWeeks(weeks).minusDays(1));
        model.addAttribute("chooseCounty", actor.role() == Role.ADMIN);
        model.addAttribute("chooseArea", actor.role() != Role.AREA_COORDINATOR && region.countyId() != null);
        List<Option> counties = new ArrayList<>();
        if (actor.role() == Role.ADMIN) {
            counties.add(new Option("all", messages.getMessage("planning.nation", null, lang.locale()), null));
            service.counties().forEach(c -> counties.add(Option.of("" + c.id(), c.name(), lang)));
        }
        model.addAttribute("counties", counties);
        model.addAttribute("areaOptions", region.countyId() == null ? List.of() : service.areasOf(region.countyId())
                .stream().map(a -> Option.of("" + a.id(), a.name(), lang)).toList());
    }

    @GetMapping(BASE)
    String overlaps(@RequestParam(required = false) String county, @RequestParam(required = false) String area,
            @RequestParam(required = false) String weeks, @RequestParam(required = false) String distance, Actor actor,
            Lang lang, Model model) {
        Region region = service.region(actor, PlanningAction.VIEW, county, area);
        int w = TimetableService.weeks(weeks);
        int metres = TimetableService.metres(distance);
        Timetable t = service.timetable(region, service.monday(), w);
        List<TimetableService.Marked> all = service.overlaps(region, t, metres);
        common(actor, region, w, "overlaps", lang, model);
        model.addAttribute("distance", metres);
        List<TimetableService.Marked> open = all.stream().filter(m -> m.ignored() == null).toList();
        model.addAttribute("openTotal", open.size());
        model.addAttribute("open", open.size() > MAX_LISTED ? open.subList(0, MAX_LISTED) : open);
        model.addAttribute("maxListed", MAX_LISTED);
        model.addAttribute("kept", all.stream().filter(m -> m.ignored() != null).toList());
        model.addAttribute("activities", t.slots().size());
        model.addAttribute("mayKeep", AccessControl.mayEver(actor, PlanningAction.IGNORE_OVERLAP));
        return "planning/overlaps";
    }

    @PostMapping(BASE + "/overlaps/keep")
    String keep(@RequestParam(required = false) String activityA, @RequestParam(required = false) String activityB,
            @RequestParam(required = false) String reason, @RequestParam(required = false) String back, Actor actor) {
        service.ignore(actor, activityA, activityB, reason);
        return "redirect:" + back(back) + "#kept";
    }

    @PostMapping(BASE + "/overlaps/{id}/release")
    String release(@org.springframework.web.bind.annotation.PathVariable String id,
            @RequestParam(required = false) String version, @RequestParam(required = false) String back, Actor actor) {
        service.unignore(actor, fi.kohtaamo.shared.PathIds.orNotFound(id), version);
        return "redirect:" + back(back);
    }

    /** Back to the planning page the form was on (only a planning address, never elsewhere). */
    static String back(String back) {
        if (back != null && back.startsWith(BASE) && !back.startsWith(BASE + "//") && back.matches("[A-Za-z0-9/?=&_.-]*")) {
            return back;
        }
        return BASE;
    }

    @GetMapping(BASE + "/gaps")
    String gaps(@RequestParam(required = false) String county, @RequestParam(required = false) String area,
            @RequestParam(required = false) String weeks, Actor actor, Lang lang, Model model) {
        Region region = service.region(actor, PlanningAction.VIEW, county, area);
        int w = TimetableService.weeks(weeks);
        Timetable t = service.timetable(region, service.monday(), w);
        List<String> languages = service.languages(region);
        List<GapFinder.Area> areas = GapFinder.gaps(t.slots(), service.areas(region, t), languages);
        common(actor, region, w, "gaps", lang, model);
        model.addAttribute("areas", areas);
        model.addAttribute("gapCount", areas.stream().mapToInt(GapFinder.Area::gaps).sum());
        model.addAttribute("columns", columns(lang));
        return "planning/gaps";
    }

    List<String> columns(Lang lang) {
        List<String> out = new ArrayList<>();
        for (java.time.DayOfWeek d : java.time.DayOfWeek.values()) {
            out.add(messages.getMessage("weekday." + d, null, lang.locale()));
        }
        out.add(messages.getMessage("planning.evenings", null, lang.locale()));
        out.add(messages.getMessage("planning.weekends", null, lang.locale()));
        return out;
    }

    /** One row of the heat map's table: an area's weekday, sessions per week in each time of day. */
    public record HeatRow(long areaId, LocalizedText area, String weekday, boolean first, double[] perWeek) {
    }

    @GetMapping(BASE + "/heatmap")
    String heatmap(@RequestParam(required = false) String county, @RequestParam(required = false) String area,
            @RequestParam(required = false) String weeks, @RequestParam(required = false) String band,
            @RequestParam(required = false) String language, Actor actor, Lang lang, Model model,
            HttpServletResponse response) {
        Region region = service.region(actor, PlanningAction.VIEW, county, area);
        int w = TimetableService.weeks(weeks);
        AgeBand ageBand = TimetableService.blank(band) ? null : AgeBand.of(band);
        List<String> languages = service.languages(region);
        if ((!TimetableService.blank(band) && ageBand == null)
                || (!TimetableService.blank(language) && !languages.contains(language))) {
            throw new KohtaamoException.BadParameter(ageBand == null && !TimetableService.blank(band) ? "band" : "language");
        }
        Timetable t = service.timetable(region, service.monday(), w);
        Map<Long, LocalizedText> areas = service.areas(region, t);
        Map<Long, int[][]> heat = GapFinder.heat(t.slots(), areas, ageBand,
                TimetableService.blank(language) ? null : language);
        List<HeatRow> rows = new ArrayList<>();
        double max = 0;
        for (Map.Entry<Long, int[][]> e : heat.entrySet()) {
            for (int d = 0; d < 7; d++) {
                double[] perWeek = new double[GapFinder.TIME_BANDS.length];
                for (int b = 0; b < perWeek.length; b++) {
                    perWeek[b] = Math.round(e.getValue()[d][b] * 10.0 / w) / 10.0;
                    max = Math.max(max, perWeek[b]);
                }
                rows.add(new HeatRow(e.getKey(), areas.get(e.getKey()), messages.getMessage("weekday."
                        + java.time.DayOfWeek.of(d + 1), null, lang.locale()), d == 0, perWeek));
            }
        }
        common(actor, region, w, "heatmap", lang, model);
        model.addAttribute("rows", rows);
        model.addAttribute("max", max);
        model.addAttribute("band", ageBand == null ? "" : ageBand.code());
        model.addAttribute("language", TimetableService.blank(language) ? "" : language);
        model.addAttribute("bands", List.of(AgeBand.values()).stream().map(b -> new Option(b.code(),
                messages.getMessage("planning.band." + b.code(), null, lang.locale()), null)).toList());
        model.addAttribute("languages", languages.stream().map(l -> new Option(l,
                messages.getMessage("language." + l, null, l, lang.locale()), null)).toList());
        model.addAttribute("timeBands", timeBands(lang));
        return "planning/heatmap";
    }

    List<String> timeBands(Lang lang) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < GapFinder.TIME_BANDS.length; i++) {
            out.add(messages.getMessage("planning.time." + i, null, lang.locale()));
        }
        return out;
    }
}
