package fi.kohtaamo.coordination.internal;

import fi.kohtaamo.coordination.internal.materials.*;
import static fi.kohtaamo.coordination.internal.GroupPageController.errors;
import static fi.kohtaamo.coordination.internal.GroupPageController.values;

import fi.kohtaamo.coordination.CoordinationAction;
import fi.kohtaamo.coordination.internal.GroupQueries.Group;
import fi.kohtaamo.coordination.internal.MeetingQueries.AgendaItem;
import fi.kohtaamo.coordination.internal.MeetingQueries.Meeting;
import fi.kohtaamo.shared.AccessControl;
import fi.kohtaamo.shared.Actor;
import fi.kohtaamo.shared.KohtaamoException;
import fi.kohtaamo.shared.Lang;
import fi.kohtaamo.shared.PathIds;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The meetings' staff pages: the list of coming and recent meetings, the meeting form, and a meeting's page where its
 * agenda is prepared, invitations sent, and minutes, decisions, attendance and action items recorded and approved.
 */
@Controller
class MeetingPageController {

    private final MeetingService service;
    private final MinutesService minutes;
    private final GroupService groups;
    private final MeetingQueries queries;
    private final ActionItemQueries actions;
    private final MaterialQueries materials;
    private final CoordinationViews views;
    private final MinutesPdf pdf;
    private final AgendaLinks links;
    private final MessageSource messages;
    private final Clock clock;

    MeetingPageController(MeetingService service, MinutesService minutes, GroupService groups, MeetingQueries queries,
            ActionItemQueries actions, MaterialQueries materials, CoordinationViews views, MinutesPdf pdf,
            AgendaLinks links, MessageSource messages, Clock clock) {
        this.links = links;
        this.service = service;
        this.minutes = minutes;
        this.groups = groups;
        this.queries = queries;
        this.actions = actions;
        this.materials = materials;
        this.views = views;
        this.pdf = pdf;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/admin/meetings")
    String list(Actor actor, Model model) {
        if (!AccessControl.mayEver(actor, CoordinationAction.GROUP_READ)) {
            throw new KohtaamoException.Forbidden("GROUP_READ");
        }
        Instant now = clock.instant();
        var scope = AccessControl.scope(actor, CoordinationAction.GROUP_READ);
        model.addAttribute("coming", views.meetings(queries.meetings(scope, actor.id(), now, now.plus(Duration.ofDays(400)))));
        List<Meeting> past = new ArrayList<>(queries.meetings(scope, actor.id(), now.minus(Duration.ofDays(400)), now));
        java.util.Collections.reverse(past);
        model.addAttribute("past", views.meetings(past));
        return "coordination/meetings";
    }

    // ---- the meeting form -------------------------------------------------------------------------

    @GetMapping("/admin/groups/{groupId}/meetings/new")
    String newMeeting(@PathVariable String groupId, Actor actor, Lang lang, Model model) {
        Group g = groups.requireMeetings(actor, PathIds.orNotFound(groupId));
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("kind", "MEETING");
        v.put("startTime", "13:00");
        v.put("endTime", "15:00");
        return form(g, null, lang, model, v, Map.of());
    }

    @GetMapping("/admin/meetings/{id}/edit")
    String edit(@PathVariable String id, Actor actor, Lang lang, Model model) {
        Meeting m = service.meeting(PathIds.orNotFound(id));
        Group g = service.requireWrite(actor, m);
        var s = m.startsAt().atZone(MeetingService.HELSINKI);
        var e = m.endsAt().atZone(MeetingService.HELSINKI);
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("kind", m.kind());
        v.put("title", m.title());
        v.put("date", s.toLocalDate().toString());
        v.put("startTime", s.toLocalTime().toString());
        v.put("endDate", s.toLocalDate().equals(e.toLocalDate()) ? "" : e.toLocalDate().toString());
        v.put("endTime", e.toLocalTime().toString());
        v.put("location", m.location());
        v.put("onlineUrl", m.onlineUrl());
        v.put("trainingTopic", m.trainingTopic());
        v.put("version", String.valueOf(m.version()));
        return form(g, m, lang, model, v, Map.of());
    }

    private String form(Group g, Meeting m, Lang lang, Model model, Map<String, Object> values,
            Map<String, String> errors) {
        model.addAttribute("group", g);
        model.addAttribute("meeting", m);
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("kinds", views.choices("coordination.meetingKind.", List.of(Kinds.MeetingKind.values()), lang));
        model.addAttribute("topics", views.choices("coordination.trainingTopic.", List.of(Kinds.TrainingTopic.values()),
                lang));
        return "coordination/meeting-form";
    }

    private static MeetingService.MeetingForm meetingForm(MultiValueMap<String, String> p) {
        return new MeetingService.MeetingForm(p.getFirst("kind"), p.getFirst("title"), p.getFirst("date"),
                p.getFirst("startTime"), p.getFirst("endDate"), p.getFirst("endTime"), p.getFirst("location"),
                p.getFirst("onlineUrl"), p.getFirst("trainingTopic"), p.getFirst("version"));
    }

    @PostMapping("/admin/groups/{groupId}/meetings")
    String create(@PathVariable String groupId, @RequestParam MultiValueMap<String, String> p, Actor actor, Lang lang,
            Model model, HttpServletResponse response) {
        Group g = groups.requireMeetings(actor, PathIds.orNotFound(groupId));
        try {
            return "redirect:/admin/meetings/" + service.create(actor, g.id(), meetingForm(p));
        } catch (KohtaamoException.Invalid e) {
            response.setStatus(400);
            return form(g, null, lang, model, values(p), errors(e, messages, lang));
        }
    }

    @PostMapping("/admin/meetings/{id}")
    String update(@PathVariable String id, @RequestParam MultiValueMap<String, String> p, Actor actor, Lang lang,
            Model model, HttpServletResponse response) {
        Meeting m = service.meeting(PathIds.orNotFound(id));
        Group g = service.requireWrite(actor, m);
        try {
            service.update(actor, m.id(), meetingForm(p));
            return "redirect:/admin/meetings/" + m.id();
        } catch (KohtaamoException.Invalid e) {
            response.setStatus(400);
            return form(g, m, lang, model, values(p), errors(e, messages, lang));
        }
    }

    // ---- the meeting's page -----------------------------------------------------------------------

    @GetMapping("/admin/meetings/{id}")
    String meeting(@PathVariable String id, Actor actor, Lang lang, Model model) {
        Meeting m = service.meeting(PathIds.orNotFound(id));
        Group g = service.requireRead(actor, m);
        return page(actor, g, m, lang, model, Map.of(), Map.of(), null);
    }

    /** The meeting's page; {@code errors} and {@code values} belong to the form named {@code failed}. */
    private String page(Actor actor, Group g, Meeting m, Lang lang, Model model, Map<String, String> errors,
            Map<String, Object> values, String failed) {
        model.addAttribute("group", g);
        model.addAttribute("meeting", m);
        model.addAttribute("when", CoordinationViews.when(m));
        var decisions = queries.decisions(m.id());
        List<Map<String, Object>> items = new ArrayList<>();
        int n = 1;
        for (AgendaItem i : queries.agenda(m.id())) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("item", i);
            row.put("number", n++);
            row.put("decisions", decisions.stream().filter(d -> d.agendaItemId() == i.id()).toList());
            row.put("materials", materials.ofAgendaItem(i.id()));
            row.put("signal", signalView(actor, g, i, lang));
            row.put("criteria", links.criteriaOf(i));
            row.put("action", MeetingService.LINK_ACTION_ITEM.equals(i.linkedType()) && i.linkedId() != null
                    ? actions.item(i.linkedId()).map(a -> views.actions(List.of(a), lang).get(0)).orElse(null) : null);
            items.add(row);
        }
        model.addAttribute("items", items);
        List<Map<String, Object>> people = new ArrayList<>();
        for (var p : queries.participants(m.id())) {
            people.add(Map.of("p", p, "organisation", views.organisation(p.organisationId(), lang),
                    "place", views.place(p.placeId(), lang)));
        }
        model.addAttribute("participants", people);
        // the signed-in member's own invitation: answered here as by the mailed link
        model.addAttribute("own", m.cancelled() || !m.startsAt().isAfter(clock.instant()) ? null
                : queries.participant(m.id(), actor.id()).orElse(null));
        model.addAttribute("actions", views.actions(actions.ofMeeting(m.id()), lang));
        boolean write = groups.mayWrite(actor, g);
        model.addAttribute("write", write);
        boolean held = !m.startsAt().isAfter(clock.instant());
        model.addAttribute("held", held);
        model.addAttribute("maxMegabytes", MaterialService.MAX_BYTES / 1024 / 1024);
        model.addAttribute("errors", errors);
        model.addAttribute("values", values);
        model.addAttribute("failed", failed == null ? "" : failed);
        // the error summary links to the failed form's fields, which carry the agenda item's id when repeated
        model.addAttribute("errorSuffix", failed != null && failed.matches("^(item|decision|signal)-[0-9]+$")
                ? failed.substring(failed.indexOf('-')) : "");
        // the pick lists of the writers' forms; readers' pages have none of those forms (but the same table)
        model.addAttribute("organisations", write ? views.organisations(g.countyId(), lang) : List.of());
        model.addAttribute("places", write && "TRAINING".equals(m.kind()) ? views.places(g.countyId(), lang) : List.of());
        boolean open = write && !m.approved() && !m.cancelled();
        model.addAttribute("signalChoices", open ? links.signalChoices(actor, g, m) : List.of());
        model.addAttribute("belowRule", open ? links.belowRule(g, m, lang) : List.of());
        model.addAttribute("outcomes", write ? AgendaLinks.OUTCOMES.stream().sorted()
                .map(o -> new fi.kohtaamo.shared.Option(o.name(), messages.getMessage("signals.state." + o.name(), null,
                        lang.locale()), lang.code())).toList() : List.of());
        model.addAttribute("statuses", write ? views.choices("coordination.actionStatus.",
                List.of(Kinds.ActionStatus.values()), lang) : List.of());
        return "coordination/meeting";
    }

    /** A signal's agenda item: the signal's text, themes and state (a signal the reader may not read: none). */
    private Map<String, Object> signalView(Actor actor, Group g, AgendaItem i, Lang lang) {
        if (!AgendaLinks.LINK_SIGNAL.equals(i.linkedType())) {
            return null;
        }
        try {
            var s = links.signalOf(actor, g, i);
            return Map.of("s", s, "themes", links.themeNames(s, lang), "current", java.util.Objects.equals(
                    s.agendaItemId(), i.id()));
        } catch (KohtaamoException.Forbidden | KohtaamoException.NotFound e) {
            return null;
        }
    }

    private Meeting writable(String id, Actor actor) {
        Meeting m = service.meeting(PathIds.orNotFound(id));
        service.requireWrite(actor, m);
        return m;
    }

    private String failed(Actor actor, Meeting m, Lang lang, Model model, HttpServletResponse response,
            KohtaamoException.Invalid e, MultiValueMap<String, String> p, String form) {
        response.setStatus(400);
        Meeting now = service.meeting(m.id());
        return page(actor, groups.group(now.groupId()), now, lang, model, errors(e, messages, lang), values(p), form);
    }

    @PostMapping("/admin/meetings/{id}/invite")
    String invite(@PathVariable String id, Actor actor) {
        Meeting m = writable(id, actor);
        int sent = service.invite(actor, m.id());
        return "redirect:/admin/meetings/" + m.id() + "?invited=" + sent;
    }

    @PostMapping("/admin/meetings/{id}/cancel")
    String cancel(@PathVariable String id, @RequestParam(required = false) String version, Actor actor) {
        Meeting m = writable(id, actor);
        service.cancel(actor, m.id(), version);
        return "redirect:/admin/meetings/" + m.id();
    }

    @PostMapping("/admin/meetings/{id}/approve")
    String approve(@PathVariable String id, @RequestParam(required = false) String version, Actor actor) {
        Meeting m = writable(id, actor);
        minutes.approve(actor, m.id(), version);
        return "redirect:/admin/meetings/" + m.id() + "?approved";
    }

    @PostMapping("/admin/meetings/{id}/agenda")
    String addItem(@PathVariable String id, @RequestParam MultiValueMap<String, String> p, Actor actor, Lang lang,
            Model model, HttpServletResponse response) {
        Meeting m = writable(id, actor);
        try {
            service.addAgendaItem(actor, m.id(), new MeetingService.AgendaForm(p.getFirst("title"), p.getFirst("body"),
                    p.getFirst("presenter"), null, null));
            return "redirect:/admin/meetings/" + m.id() + "#agenda";
        } catch (KohtaamoException.Invalid e) {
            return failed(actor, m, lang, model, response, e, p, "agenda");
        }
    }

    @PostMapping("/admin/meetings/agenda/{itemId}")
    String saveItem(@PathVariable String itemId, @RequestParam MultiValueMap<String, String> p, Actor actor, Lang lang,
            Model model, HttpServletResponse response) {
        long iid = PathIds.orNotFound(itemId);
        AgendaItem item = queries.agendaItem(iid).orElseThrow(() -> new KohtaamoException.NotFound("item " + iid));
        Meeting m = writable(String.valueOf(item.meetingId()), actor);
        try {
            minutes.saveAgendaItem(actor, iid, new MeetingService.AgendaForm(p.getFirst("title"), p.getFirst("body"),
                    p.getFirst("presenter"), p.getFirst("minutes"), p.getFirst("version")));
            return "redirect:/admin/meetings/" + m.id() + "#item-" + iid;
        } catch (KohtaamoException.Invalid e) {
            return failed(actor, m, lang, model, response, e, p, "item-" + iid);
        }
    }

    @PostMapping("/admin/meetings/{id}/signals")
    String takeSignal(@PathVariable String id, @RequestParam MultiValueMap<String, String> p, Actor actor, Lang lang,
            Model model, HttpServletResponse response) {
        Meeting m = writable(id, actor);
        try {
            return "redirect:/admin/meetings/" + m.id() + "#item-" + links.takeSignal(actor, m.id(), p.getFirst("signalId"));
        } catch (KohtaamoException.Invalid e) {
            return failed(actor, m, lang, model, response, e, p, "signals");
        }
    }

    @PostMapping("/admin/meetings/{id}/criteria")
    String takeCriteria(@PathVariable String id, @RequestParam MultiValueMap<String, String> p, Actor actor, Lang lang,
            Model model, HttpServletResponse response) {
        Meeting m = writable(id, actor);
        try {
            return "redirect:/admin/meetings/" + m.id() + "#item-" + links.takeCriteria(actor, m.id(), p.getFirst("placeId"));
        } catch (KohtaamoException.Invalid e) {
            return failed(actor, m, lang, model, response, e, p, "criteria");
        }
    }

    @PostMapping("/admin/meetings/agenda/{itemId}/signal")
    String signalOutcome(@PathVariable String itemId, @RequestParam MultiValueMap<String, String> p, Actor actor,
            Lang lang, Model model, HttpServletResponse response) {
        long iid = PathIds.orNotFound(itemId);
        AgendaItem item = queries.agendaItem(iid).orElseThrow(() -> new KohtaamoException.NotFound("item " + iid));
        Meeting m = writable(String.valueOf(item.meetingId()), actor);
        try {
            links.recordOutcome(actor, iid, p.toSingleValueMap());
            return "redirect:/admin/meetings/" + m.id() + "#item-" + iid;
        } catch (KohtaamoException.Invalid e) {
            return failed(actor, m, lang, model, response, e, p, "signal-" + iid);
        }
    }

    @PostMapping("/admin/meetings/agenda/{itemId}/decisions")
    String decide(@PathVariable String itemId, @RequestParam MultiValueMap<String, String> p, Actor actor, Lang lang,
            Model model, HttpServletResponse response) {
        long iid = PathIds.orNotFound(itemId);
        AgendaItem item = queries.agendaItem(iid).orElseThrow(() -> new KohtaamoException.NotFound("item " + iid));
        Meeting m = writable(String.valueOf(item.meetingId()), actor);
        try {
            minutes.addDecision(actor, iid, p.getFirst("decision"));
            return "redirect:/admin/meetings/" + m.id() + "#item-" + iid;
        } catch (KohtaamoException.Invalid e) {
            return failed(actor, m, lang, model, response, e, p, "decision-" + iid);
        }
    }

    @PostMapping("/admin/meetings/{id}/actions")
    String addAction(@PathVariable String id, @RequestParam MultiValueMap<String, String> p, Actor actor, Lang lang,
            Model model, HttpServletResponse response) {
        Meeting m = writable(id, actor);
        try {
            minutes.addActionItem(actor, m.id(), new MinutesService.ActionForm(p.getFirst("what"), p.getFirst("ownerName"),
                    p.getFirst("ownerOrganisationId"), p.getFirst("dueOn")));
            return "redirect:/admin/meetings/" + m.id() + "#actions";
        } catch (KohtaamoException.Invalid e) {
            return failed(actor, m, lang, model, response, e, p, "actions");
        }
    }

    @PostMapping("/admin/meetings/{id}/attendance")
    String attendance(@PathVariable String id, @RequestParam MultiValueMap<String, String> p, Actor actor, Lang lang,
            Model model, HttpServletResponse response) {
        Meeting m = writable(id, actor);
        Map<Long, String> places = new LinkedHashMap<>();
        for (var e : p.entrySet()) {
            if (e.getKey().matches("^place-[0-9]{1,18}$")) {
                places.put(Long.parseLong(e.getKey().substring(6)), e.getValue().get(0));
            }
        }
        try {
            minutes.saveAttendance(actor, m.id(), p.getOrDefault("attended", List.of()), places, p.getFirst("guestName"),
                    p.getFirst("guestOrganisationId"));
            return "redirect:/admin/meetings/" + m.id() + "#attendance";
        } catch (KohtaamoException.Invalid e) {
            return failed(actor, m, lang, model, response, e, p, "attendance");
        }
    }

    @GetMapping("/admin/meetings/{id}/minutes.pdf")
    ResponseEntity<byte[]> minutesPdf(@PathVariable String id, Actor actor) {
        Meeting m = service.meeting(PathIds.orNotFound(id));
        Group g = service.requireRead(actor, m);
        byte[] body = pdf.render(g, m);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("poytakirja-" + m.id() + ".pdf").build().toString())
                .header("X-Content-Type-Options", "nosniff").body(body);
    }
}
