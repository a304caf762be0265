package fi.kohtaamo.coordination.internal;

import fi.kohtaamo.coordination.internal.materials.*;
import fi.kohtaamo.coordination.CoordinationAction;
import fi.kohtaamo.coordination.internal.GroupQueries.Group;
import fi.kohtaamo.shared.AccessControl;
import fi.kohtaamo.shared.Actor;
import fi.kohtaamo.shared.KohtaamoException;
import fi.kohtaamo.shared.KohtaamoProperties;
import fi.kohtaamo.shared.Lang;
import fi.kohtaamo.shared.PathIds;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
 * The county-wide views of coordination: the one register of action items across the groups, the search, the
 * providers' commitment, a group's annual plan, and training attendance per organisation and place.
 */
@Controller
class RegisterController {

    private final GroupService groups;
    private final fi.kohtaamo.coordination.internal.signals.SignalService signals;
    private final MinutesService minutes;
    private final GroupQueries groupQueries;
    private final MeetingQueries meetings;
    private final ActionItemQueries actions;
    private final MaterialQueries materials;
    private final CoordinationViews views;
    private final KohtaamoProperties properties;
    private final MessageSource messages;

    RegisterController(GroupService groups, MinutesService minutes, GroupQueries groupQueries, MeetingQueries meetings,
            ActionItemQueries actions, MaterialQueries materials, CoordinationViews views, KohtaamoProperties properties,
            MessageSource messages, fi.kohtaamo.coordination.internal.signals.SignalService signals) {
        this.signals = signals;
        this.groups = groups;
        this.minutes = minutes;
        this.groupQueries = groupQueries;
        this.meetings = meetings;
        this.actions = actions;
        this.materials = materials;
        this.views = views;
        this.properties = properties;
        this.messages = messages;
    }

    private static void requireReader(Actor actor) {
        if (!AccessControl.mayEver(actor, CoordinationAction.GROUP_READ)) {
            throw new KohtaamoException.Forbidden("GROUP_READ");
        }
    }

    @GetMapping("/admin/groups/actions")
    String register(@RequestParam(required = false) String show, Actor actor, Lang lang, Model model) {
        requireReader(actor);
        String s = show == null ? "open" : show;
        if (!List.of("open", "overdue", "all").contains(s)) {
            throw new KohtaamoException.BadParameter("show");
        }
        var scope = AccessControl.scope(actor, CoordinationAction.GROUP_READ);
        var list = actions.register(scope, actor.id(), !"all".equals(s), "overdue".equals(s) ? views.today() : null, 500);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (var r : views.actions(list, lang)) {
            rows.add(Map.of("row", r, "write", groups.mayWrite(actor, groups.group(r.item().groupId()))));
        }
        model.addAttribute("rows", rows);
        model.addAttribute("show", s);
        model.addAttribute("statuses", views.choices("coordination.actionStatus.", List.of(Kinds.ActionStatus.values()),
                lang));
        return "coordination/actions";
    }

    @PostMapping("/admin/groups/actions/{id}/status")
    String status(@PathVariable String id, @RequestParam(required = false) String status,
            @RequestParam(required = false) String version, @RequestParam(required = false) String back, Actor actor) {
        long aid = PathIds.orNotFound(id);
        minutes.setActionStatus(actor, aid, status, version);
        // back to the page the form was on: only our own relative addresses
        return "redirect:" + (back != null && back.matches("^/admin/(groups|meetings)[A-Za-z0-9/?=&#-]{0,200}$") ? back
                : "/admin/groups/actions");
    }

    @GetMapping("/admin/groups/search")
    String search(@RequestParam(required = false) String q, Actor actor, Lang lang, Model model) {
        requireReader(actor);
        String query = q == null ? "" : q.strip();
        if (query.length() > 200) {
            throw new KohtaamoException.BadParameter("q");
        }
        List<Map<String, Object>> hits = new ArrayList<>();
        if (query.length() >= 2) {
            for (var h : materials.search(AccessControl.scope(actor, CoordinationAction.GROUP_READ), actor.id(), query,
                    properties.postgres(), 100)) {
                String link = switch (h.kind()) {
                    case "MATERIAL" -> "/admin/groups/" + h.groupId() + "#materials";
                    case "ACTION_ITEM" -> h.meetingId() == null ? "/admin/groups/" + h.groupId() + "#actions"
                            : "/admin/meetings/" + h.meetingId() + "#actions";
                    default -> "/admin/meetings/" + h.meetingId();
                };
                hits.add(Map.of("hit", h, "link", link,
                        "group", groupQueries.group(h.groupId()).map(Group::name).orElse("")));
            }
            // weak signals the actor may read (their own scope, not the groups'), after the groups' records
            for (var s : signals.search(actor, query, properties.postgres(), 100)) {
                hits.add(Map.of("hit", new MaterialQueries.Hit("SIGNAL", 0, null, s.id(), s.body()),
                        "link", "/admin/signals/" + s.id(), "group", ""));
            }
        }
        model.addAttribute("q", query);
        model.addAttribute("hits", hits);
        return "coordination/search";
    }

    // ---- commitment -------------------------------------------------------------------------------

    @GetMapping("/admin/groups/commitments")
    String commitments(@RequestParam(required = false) String county, Actor actor, Lang lang, Model model) {
        long c = groups.requireCommitments(actor, countyOf(county, actor));
        return commitmentPage(c, lang, model, Map.of(), Map.of());
    }

    private Long countyOf(String raw, Actor actor) {
        if (raw == null || raw.isBlank()) {
            return views.countyOrDefault(null, actor);
        }
        if (!raw.matches("^[0-9]{1,18}$")) {
            throw new KohtaamoException.BadParameter("county");
        }
        return Long.parseLong(raw);
    }

    private String commitmentPage(long county, Lang lang, Model model, Map<String, String> errors,
            Map<String, Object> values) {
        List<Map<String, Object>> rows = new ArrayList<>();
        int missing = 0;
        for (var p : groups.providers(county)) {
            if (p.commitment() == null) {
                missing++;
            }
            rows.add(Map.of("provider", p, "name", views.organisation(p.organisationId(), lang),
                    "places", String.join(", ", p.places().stream().map(x -> x.name().get(lang)).toList()),
                    "on", p.commitment() == null ? "" : CoordinationViews.DAY.format(p.commitment().committedOn())));
        }
        // the history: every recorded version, an organisation's versions together, newest first
        Map<Long, List<GroupQueries.CommitmentVersion>> byOrg = new java.util.LinkedHashMap<>();
        groups.commitmentHistory(county).forEach(v -> byOrg.computeIfAbsent(v.organisationId(),
                k -> new ArrayList<>()).add(v));
        List<Map<String, Object>> history = new ArrayList<>();
        byOrg.entrySet().stream().sorted(java.util.Comparator.comparing(e -> views.organisation(e.getKey(), lang)))
                .forEach(e -> {
                    for (int i = 0; i < e.getValue().size(); i++) {
                        var v = e.getValue().get(i);
                        history.add(Map.of("name", views.organisation(v.organisationId(), lang), "version", v,
                                "on", CoordinationViews.DAY.format(v.committedOn()), "at",
                                CoordinationViews.DAY.format(v.recordedAt().atZone(MeetingService.HELSINKI)),
                                "current", i == 0));
                    }
                });
        model.addAttribute("history", history);
        model.addAttribute("county", county);
        model.addAttribute("rows", rows);
        model.addAttribute("missing", missing);
        model.addAttribute("providerOptions", groups.providers(county).stream().map(p -> new fi.kohtaamo.shared.Option(
                String.valueOf(p.organisationId()), views.organisation(p.organisationId(), lang), lang.code())).toList());
        model.addAttribute("errors", errors);
        model.addAttribute("values", values);
        return "coordination/commitments";
    }

    @PostMapping("/admin/groups/commitments")
    String record(@RequestParam MultiValueMap<String, String> p, Actor actor, Lang lang, Model model,
            HttpServletResponse response) {
        long c = groups.requireCommitments(actor, countyOf(p.getFirst("county"), actor));
        try {
            groups.recordCommitment(actor, c, p.toSingleValueMap());
            return "redirect:/admin/groups/commitments?county=" + c;
        } catch (KohtaamoException.Invalid e) {
            response.setStatus(400);
            return commitmentPage(c, lang, model, GroupPageController.errors(e, messages, lang),
                    GroupPageController.values(p));
        }
    }


    // ---- annual plan ------------------------------------------------------------------------------

    @GetMapping("/admin/groups/{id}/plan")
    String plan(@PathVariable String id, @RequestParam(required = false) String year, Actor actor, Lang lang,
            Model model) {
        Group g = groups.requireRead(actor, PathIds.orNotFound(id));
        int y = year == null || year.isBlank() ? views.today().getYear() : parseYear(year);
        return planPage(actor, g, y, model, Map.of(), Map.of());
    }

    private static int parseYear(String raw) {
        if (!raw.matches("^20[0-9]{2}$")) {
            throw new KohtaamoException.BadParameter("year");
        }
        return Integer.parseInt(raw);
    }

    private String planPage(Actor actor, Group g, int year, Model model, Map<String, String> errors,
            Map<String, Object> values) {
        var from = LocalDate.of(year, 1, 1).atStartOfDay(MeetingService.HELSINKI).toInstant();
        var to = LocalDate.of(year + 1, 1, 1).atStartOfDay(MeetingService.HELSINKI).toInstant();
        var ofYear = meetings.meetingsOfGroup(g.id()).stream()
                .filter(m -> !m.startsAt().isBefore(from) && m.startsAt().isBefore(to))
                .sorted(java.util.Comparator.comparing(MeetingQueries.Meeting::startsAt)).toList();
        model.addAttribute("group", g);
        model.addAttribute("year", year);
        model.addAttribute("meetings", views.meetings(ofYear));
        model.addAttribute("goals", actions.goals(g.id(), year));
        model.addAttribute("write", groups.mayWrite(actor, g));
        model.addAttribute("errors", errors);
        model.addAttribute("values", values);
        model.addAttribute("previous", year - 1);
        model.addAttribute("next", year + 1);
        return "coordination/plan";
    }

    @PostMapping({"/admin/groups/{id}/goals", "/admin/groups/{id}/goals/{goalId}"})
    String goal(@PathVariable String id, @PathVariable(required = false) String goalId,
            @RequestParam MultiValueMap<String, String> p, Actor actor, Lang lang, Model model,
            HttpServletResponse response) {
        Group g = groups.requireMeetings(actor, PathIds.orNotFound(id));
        Long gid = goalId == null ? null : PathIds.orNotFound(goalId);
        try {
            long saved = minutes.saveGoal(actor, g.id(), gid, p.getFirst("year"), p.getFirst("goal"), p.getFirst("done"),
                    p.getFirst("version"));
            return "redirect:/admin/groups/" + g.id() + "/plan?year=" + actions.goal(saved).orElseThrow().year();
        } catch (KohtaamoException.Invalid e) {
            response.setStatus(400);
            String y = p.getFirst("year");
            int year = y != null && y.matches("^20[0-9]{2}$") ? Integer.parseInt(y) : Year.now().getValue();
            return planPage(actor, g, year, model, GroupPageController.errors(e, messages, lang),
                    GroupPageController.values(p));
        }
    }

    // ---- training attendance ----------------------------------------------------------------------

    @GetMapping("/admin/groups/training")
    String training(@RequestParam(required = false) String county, @RequestParam(required = false) String year,
            Actor actor, Lang lang, Model model) {
        long c = groups.requireCommitments(actor, countyOf(county, actor));
        int y = year == null || year.isBlank() ? views.today().getYear() : parseYear(year);
        var from = LocalDate.of(y, 1, 1).atStartOfDay(MeetingService.HELSINKI).toInstant();
        var to = LocalDate.of(y + 1, 1, 1).atStartOfDay(MeetingService.HELSINKI).toInstant();
        List<Map<String, Object>> rows = new ArrayList<>();
        Map<String, Long> byTopic = new LinkedHashMap<>();
        for (var t : meetings.trained(c, from, to)) {
            rows.add(Map.of("topic", t.topic() == null ? "OTHER" : t.topic(),
                    "organisation", views.organisation(t.organisationId(), lang),
                    "place", views.place(t.placeId(), lang), "people", t.people()));
            byTopic.merge(t.topic() == null ? "OTHER" : t.topic(), t.people(), Long::sum);
        }
        model.addAttribute("county", c);
        model.addAttribute("year", y);
        model.addAttribute("rows", rows);
        model.addAttribute("byTopic", byTopic);
        return "coordination/training";
    }
}
