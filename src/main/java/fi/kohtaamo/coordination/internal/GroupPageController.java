package fi.kohtaamo.coordination.internal;

import fi.kohtaamo.coordination.internal.materials.*;
import fi.kohtaamo.coordination.CoordinationAction;
import fi.kohtaamo.coordination.internal.GroupQueries.Group;
import fi.kohtaamo.coordination.internal.GroupQueries.Seat;
import fi.kohtaamo.shared.AccessControl;
import fi.kohtaamo.shared.Actor;
import fi.kohtaamo.shared.KohtaamoException;
import fi.kohtaamo.shared.Lang;
import fi.kohtaamo.shared.PathIds;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Instant;
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
 * The groups' staff pages: the list (with vacant seats for coordinators), a group's page (members, coming and past
 * meetings, open action items, materials), the group form and its seats. Writes go through {@link GroupService}.
 */
@Controller
class GroupPageController {

    private final GroupService service;
    private final GroupQueries queries;
    private final MeetingQueries meetings;
    private final ActionItemQueries actions;
    private final MaterialQueries materials;
    private final CoordinationViews views;
    private final MessageSource messages;
    private final Clock clock;

    GroupPageController(GroupService service, GroupQueries queries, MeetingQueries meetings, ActionItemQueries actions,
            MaterialQueries materials, CoordinationViews views, MessageSource messages, Clock clock) {
        this.service = service;
        this.queries = queries;
        this.meetings = meetings;
        this.actions = actions;
        this.materials = materials;
        this.views = views;
        this.messages = messages;
        this.clock = clock;
    }

    static Map<String, String> errors(KohtaamoException.Invalid e, MessageSource messages, Lang lang) {
        return e.errors().messages(messages, lang.locale());
    }

    static Map<String, Object> values(MultiValueMap<String, String> p) {
        Map<String, Object> v = new LinkedHashMap<>();
        p.forEach((k, list) -> v.put(k, list.size() == 1 ? list.get(0) : list));
        return v;
    }

    @GetMapping("/admin/groups")
    String list(Actor actor, Lang lang, Model model) {
        if (!AccessControl.mayEver(actor, CoordinationAction.GROUP_READ)) {
            throw new KohtaamoException.Forbidden("GROUP_READ");
        }
        List<Group> groups = queries.groups(AccessControl.scope(actor, CoordinationAction.GROUP_READ), actor.id());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Group g : groups) {
            rows.add(Map.of("group", g, "areas", views.areas(g.id(), lang)));
        }
        model.addAttribute("groups", rows);
        boolean manager = AccessControl.mayEver(actor, CoordinationAction.GROUP_MANAGE);
        model.addAttribute("manager", manager);
        model.addAttribute("commitments", AccessControl.mayEver(actor, CoordinationAction.COMMITMENT_MANAGE));
        List<Map<String, Object>> vacant = new ArrayList<>();
        if (manager) {
            for (Seat s : queries.vacantSeats(AccessControl.scope(actor, CoordinationAction.GROUP_MANAGE), actor.id())) {
                vacant.add(Map.of("seat", s, "group", queries.group(s.groupId()).orElseThrow(),
                        "organisation", views.organisation(s.organisationId(), lang),
                        "since", s.vacatedAt() == null ? "" : CoordinationViews.DAY.format(
                                s.vacatedAt().atZone(MeetingService.HELSINKI))));
            }
        }
        model.addAttribute("vacant", vacant);
        return "coordination/groups";
    }

    // ---- a group ----------------------------------------------------------------------------------

    @GetMapping("/admin/groups/{id}")
    String group(@PathVariable String id, Actor actor, Lang lang, Model model) {
        Group g = service.requireRead(actor, PathIds.orNotFound(id));
        return groupPage(actor, g, lang, model, Map.of(), Map.of());
    }

    private String groupPage(Actor actor, Group g, Lang lang, Model model, Map<String, String> errors,
            Map<String, Object> values) {
        Instant now = clock.instant();
        model.addAttribute("group", g);
        model.addAttribute("areas", views.areas(g.id(), lang));
        List<Map<String, Object>> seats = new ArrayList<>();
        for (Seat s : queries.seats(g.id())) {
            seats.add(Map.of("seat", s, "organisation", views.organisation(s.organisationId(), lang),
                    "represents", s.representsGroupId() == null ? ""
                            : queries.group(s.representsGroupId()).map(Group::name).orElse("")));
        }
        model.addAttribute("seats", seats);
        var all = meetings.meetingsOfGroup(g.id());
        model.addAttribute("coming", views.meetings(all.stream().filter(m -> m.startsAt().isAfter(now))
                .sorted(java.util.Comparator.comparing(MeetingQueries.Meeting::startsAt)).toList()));
        model.addAttribute("past", views.meetings(all.stream().filter(m -> !m.startsAt().isAfter(now)).toList()));
        model.addAttribute("actions", views.actions(actions.openOfGroup(g.id()), lang));
        model.addAttribute("materials", materials.ofGroup(g.id()));
        boolean manage = service.mayManage(actor, g);
        boolean write = service.mayWrite(actor, g);
        model.addAttribute("manage", manage);
        model.addAttribute("write", write);
        model.addAttribute("errors", errors);
        model.addAttribute("values", values);
        if (manage) {
            model.addAttribute("roles", views.choices("coordination.seatRole.", List.of(Kinds.SeatRole.values()), lang));
            model.addAttribute("organisations", views.organisations(g.countyId(), lang));
            model.addAttribute("networks", queries.groupsOfCounty(g.countyId()).stream().filter(x -> x.id() != g.id())
                    .map(x -> new fi.kohtaamo.shared.Option(String.valueOf(x.id()), x.name(), g.language())).toList());
        }
        model.addAttribute("maxMegabytes", MaterialService.MAX_BYTES / 1024 / 1024);
        return "coordination/group";
    }

    @GetMapping("/admin/groups/new")
    String newGroup(Actor actor, Lang lang, Model model) {
        if (!AccessControl.mayEver(actor, CoordinationAction.GROUP_MANAGE)) {
            throw new KohtaamoException.Forbidden("GROUP_MANAGE");
        }
        Map<String, Object> v = new LinkedHashMap<>();
        Long county = views.countyOf(actor);
        v.put("countyId", county == null ? "" : String.valueOf(county));
        v.put("language", "fi");
        v.put("areaIds", actor.areaId() == null ? List.of() : List.of(String.valueOf(actor.areaId())));
        return form(actor, null, lang, model, v, Map.of());
    }

    @GetMapping("/admin/groups/{id}/edit")
    String edit(@PathVariable String id, Actor actor, Lang lang, Model model) {
        Group g = service.requireManage(actor, PathIds.orNotFound(id));
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("countyId", String.valueOf(g.countyId()));
        v.put("kind", g.kind());
        v.put("name", g.name());
        v.put("description", g.description());
        v.put("language", g.language());
        v.put("publicMinutes", g.publicMinutes() ? "true" : "");
        v.put("areaIds", queries.areas(g.id()).stream().map(String::valueOf).toList());
        v.put("version", String.valueOf(g.version()));
        return form(actor, g, lang, model, v, Map.of());
    }

    private String form(Actor actor, Group g, Lang lang, Model model, Map<String, Object> values,
            Map<String, String> errors) {
        model.addAttribute("group", g);
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("kinds", views.choices("coordination.groupKind.", List.of(Kinds.GroupKind.values()), lang));
        Long county = g != null ? Long.valueOf(g.countyId()) : views.countyOf(actor);
        model.addAttribute("counties", county == null ? views.counties(lang) : List.of());
        model.addAttribute("areaOptions", county == null ? List.of() : views.areaOptions(county, lang));
        model.addAttribute("languages", List.of("fi", "sv", "en").stream()
                .map(c -> new fi.kohtaamo.shared.Option(c, views.t(lang, "language." + c), lang.code())).toList());
        return "coordination/group-form";
    }

    @PostMapping({"/admin/groups", "/admin/groups/{id}"})
    String save(@PathVariable(required = false) String id, @RequestParam MultiValueMap<String, String> p, Actor actor,
            Lang lang, Model model, HttpServletResponse response) {
        Long gid = id == null ? null : PathIds.orNotFound(id);
        Group before = gid == null ? null : service.requireManage(actor, gid);
        if (gid == null && !AccessControl.mayEver(actor, CoordinationAction.GROUP_MANAGE)) {
            throw new KohtaamoException.Forbidden("GROUP_MANAGE");
        }
        var form = new GroupService.GroupForm(p.getFirst("countyId"), p.getFirst("kind"), p.getFirst("name"),
                p.getFirst("description"), p.getFirst("language"), "true".equals(p.getFirst("publicMinutes")),
                p.getOrDefault("areaIds", List.of()), p.getFirst("version"));
        try {
            long saved = service.saveGroup(actor, gid, form);
            return "redirect:/admin/groups/" + saved;
        } catch (KohtaamoException.Invalid e) {
            response.setStatus(400);
            Map<String, Object> v = values(p);
            v.put("areaIds", p.getOrDefault("areaIds", List.of()));
            return form(actor, before, lang, model, v, errors(e, messages, lang));
        }
    }

    // ---- seats ------------------------------------------------------------------------------------

    @PostMapping({"/admin/groups/{id}/seats", "/admin/groups/{id}/seats/{seatId}"})
    String saveSeat(@PathVariable String id, @PathVariable(required = false) String seatId,
            @RequestParam MultiValueMap<String, String> p, Actor actor, Lang lang, Model model,
            HttpServletResponse response) {
        Group g = service.requireManage(actor, PathIds.orNotFound(id));
        Long sid = seatId == null ? null : PathIds.orNotFound(seatId);
        var form = new GroupService.SeatForm(p.getFirst("role"), p.getFirst("organisationId"), p.getFirst("email"),
                p.getFirst("representsGroupId"), p.getFirst("note"), p.getFirst("version"));
        try {
            service.saveSeat(actor, g.id(), sid, form);
            return "redirect:/admin/groups/" + g.id() + "#members";
        } catch (KohtaamoException.Invalid e) {
            response.setStatus(400);
            return groupPage(actor, g, lang, model, errors(e, messages, lang), values(p));
        }
    }

    @PostMapping("/admin/groups/{id}/seats/{seatId}/role")
    String changeRole(@PathVariable String id, @PathVariable String seatId, @RequestParam(required = false) String role,
            @RequestParam(required = false) String version, Actor actor) {
        long gid = PathIds.orNotFound(id);
        service.changeSeatRole(actor, gid, PathIds.orNotFound(seatId), role, version);
        return "redirect:/admin/groups/" + gid + "#members";
    }

    @PostMapping("/admin/groups/{id}/seats/{seatId}/delete")
    String deleteSeat(@PathVariable String id, @PathVariable String seatId, Actor actor) {
        long gid = PathIds.orNotFound(id);
        service.deleteSeat(actor, gid, PathIds.orNotFound(seatId));
        return "redirect:/admin/groups/" + gid + "#members";
    }
}
