package fi.kohtaamo.participation.internal.planning;

import fi.kohtaamo.coordination.WorkingGroupMeetings;
import fi.kohtaamo.participation.PlanningDayAction;
import fi.kohtaamo.participation.internal.planning.PlanningQueries.Day;
import fi.kohtaamo.participation.internal.planning.PlanningService.Period;
import fi.kohtaamo.participation.internal.wishes.WishQueries.State;
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
import java.util.Arrays;
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
 * Staff pages of joint planning days under {@code /admin/participation/planning}: the planning days of the areas
 * the actor reaches, arranging one (coordinators), and a planning day's page with what it gathers for its period
 * and what it decided.
 */
@Controller
class PlanningPageController {

    static final String BASE = "/admin/participation/planning";

    private final PlanningService service;
    private final PlanningDecisionService decisions;
    private final PlanningGathering gathering;
    private final PlanningQueries queries;
    private final WorkingGroupMeetings meetings;
    private final Registry registry;
    private final MessageSource messages;

    PlanningPageController(PlanningService service, PlanningDecisionService decisions, PlanningGathering gathering,
            PlanningQueries queries, WorkingGroupMeetings meetings, Registry registry, MessageSource messages) {
        this.service = service;
        this.decisions = decisions;
        this.gathering = gathering;
        this.queries = queries;
        this.meetings = meetings;
        this.registry = registry;
        this.messages = messages;
    }

    /** A planning day in a list or at the top of its page: its area's and place's names. */
    record DayView(Day day, LocalizedText area, LocalizedText place, boolean coming) {
    }

    private DayView view(Day d) {
        return new DayView(d, registry.area(d.areaId()).map(Registry.Ref::name).orElse(LocalizedText.EMPTY),
                d.placeId() == null ? null : registry.place(d.placeId()).map(Registry.Ref::name).orElse(null),
                service.coming(d));
    }

    @GetMapping(BASE)
    String list(Actor actor, Model model) {
        model.addAttribute("days", service.list(actor).stream().map(this::view).toList());
        model.addAttribute("mayArrange", AccessControl.mayEver(actor, PlanningDayAction.MANAGE));
        return "participation/planning/list";
    }

    @GetMapping(BASE + "/new")
    String form(Actor actor, Lang lang, Model model) {
        return form(actor, lang, model, Map.of(), Map.of());
    }

    private String form(Actor actor, Lang lang, Model model, Map<String, String> values, Map<String, String> errors) {
        if (!AccessControl.mayEver(actor, PlanningDayAction.MANAGE)) {
            throw new KohtaamoException.Forbidden(PlanningDayAction.MANAGE.name());
        }
        model.addAttribute("places", service.placesToArrange(actor).stream()
                .map(p -> new Option(String.valueOf(p.id()), p.name().get(lang) + " (" + p.areaName().get(lang) + ")",
                        p.name().shownLanguage(lang).code()))
                .toList());
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("maxDescription", PlanningService.MAX_DESCRIPTION);
        model.addAttribute("maxAddress", PlanningService.MAX_ADDRESS);
        return "participation/planning/new";
    }

    @PostMapping(BASE)
    String create(@RequestParam Map<String, String> form, Actor actor, Lang lang, Model model,
            HttpServletResponse response) {
        try {
            long id = service.create(actor, form, false);
            return "redirect:" + BASE + "/" + id + "?created";
        } catch (KohtaamoException.Invalid e) {
            response.setStatus(400);
            return form(actor, lang, model, form, e.errors().messages(messages, lang.locale()));
        }
    }

    @GetMapping(BASE + "/{id}")
    String day(@PathVariable String id, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, Actor actor, Lang lang, Model model) {
        Day d = service.readable(actor, PathIds.orNotFound(id));
        return page(actor, d, service.period(d, from, to), model, Map.of(), Map.of(), List.of());
    }

    /** A decision as the page lists it: its linked wishes' texts. */
    record DecisionView(PlanningQueries.Decision decision, List<Wish> wishes) {
    }

    private String page(Actor actor, Day d, Period period, Model model, Map<String, String> values,
            Map<String, String> errors, List<String> chosen) {
        model.addAttribute("view", view(d));
        model.addAttribute("period", period);
        model.addAttribute("g", gathering.gather(actor, d, period));
        model.addAttribute("meeting", d.meetingId() == null ? null : meetings.meeting(d.meetingId()).orElse(null));
        Map<Long, Wish> byId = new HashMap<>();
        List<Wish> linkable = service.linkable(d);
        linkable.forEach(w -> byId.put(w.id(), w));
        model.addAttribute("decisions", queries.decisions(d.id()).stream()
                .map(x -> new DecisionView(x, x.wishIds().stream().map(byId::get).filter(w -> w != null).toList()))
                .toList());
        boolean mayManage = service.mayManage(actor, d);
        model.addAttribute("mayManage", mayManage);
        model.addAttribute("linkable", mayManage ? linkable : List.of());
        model.addAttribute("states", Arrays.stream(State.values()).filter(s -> s != State.NEW).toList());
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("chosen", chosen);
        model.addAttribute("maxDecision", PlanningService.MAX_DECISION);
        model.addAttribute("faces", List.of(5, 4, 3, 2, 1));
        return "participation/planning/day";
    }

    @PostMapping(BASE + "/{id}/decisions")
    String decide(@PathVariable String id, @RequestParam MultiValueMap<String, String> form, Actor actor, Lang lang,
            Model model, HttpServletResponse response) {
        long dayId = PathIds.orNotFound(id);
        List<String> wishIds = form.get("wishIds");
        try {
            decisions.decide(actor, dayId, form.toSingleValueMap(), wishIds);
            return "redirect:" + BASE + "/" + dayId + "?decided#decisions";
        } catch (KohtaamoException.Invalid e) {
            response.setStatus(400);
            Day d = service.readable(actor, dayId);
            return page(actor, d, service.period(d, null, null), model, form.toSingleValueMap(),
                    e.errors().messages(messages, lang.locale()), wishIds == null ? List.of() : wishIds);
        }
    }

    // ---- editing a decision after the day ------------------------------------------------------------

    @GetMapping(BASE + "/{id}/decisions/{decisionId}")
    String decision(@PathVariable String id, @PathVariable String decisionId, Actor actor, Model model) {
        long dayId = PathIds.orNotFound(id);
        PlanningQueries.Decision x = decisions.editable(actor, dayId, PathIds.orNotFound(decisionId));
        return decisionPage(actor, dayId, x, model, Map.of("decision", x.text(), "wishState", x.wishState().name(),
                "version", String.valueOf(x.version())), Map.of(), x.wishIds().stream().map(String::valueOf).toList());
    }

    @PostMapping(BASE + "/{id}/decisions/{decisionId}")
    String editDecision(@PathVariable String id, @PathVariable String decisionId,
            @RequestParam MultiValueMap<String, String> form, Actor actor, Lang lang, Model model,
            HttpServletResponse response) {
        long dayId = PathIds.orNotFound(id);
        long xid = PathIds.orNotFound(decisionId);
        List<String> wishIds = form.get("wishIds");
        try {
            decisions.edit(actor, dayId, xid, form.toSingleValueMap(), wishIds);
            return "redirect:" + BASE + "/" + dayId + "?decisionSaved#decisions";
        } catch (KohtaamoException.Invalid e) {
            response.setStatus(400);
            return decisionPage(actor, dayId, decisions.editable(actor, dayId, xid), model, form.toSingleValueMap(),
                    e.errors().messages(messages, lang.locale()), wishIds == null ? List.of() : wishIds);
        }
    }

    private String decisionPage(Actor actor, long dayId, PlanningQueries.Decision x, Model model,
            Map<String, String> values, Map<String, String> errors, List<String> chosen) {
        Day d = service.readable(actor, dayId);
        model.addAttribute("view", view(d));
        model.addAttribute("decision", x);
        model.addAttribute("linkable", service.linkable(d));
        model.addAttribute("states", Arrays.stream(State.values()).filter(s -> s != State.NEW).toList());
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("chosen", chosen);
        model.addAttribute("maxDecision", PlanningService.MAX_DECISION);
        return "participation/planning/decision";
    }
}
