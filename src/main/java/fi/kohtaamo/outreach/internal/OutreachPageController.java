package fi.kohtaamo.outreach.internal;

import fi.kohtaamo.calendar.ActivityCalendar;
import fi.kohtaamo.outreach.OutreachAction;
import fi.kohtaamo.outreach.internal.OutreachQueries.Catalogue;
import fi.kohtaamo.outreach.internal.OutreachQueries.Slot;
import fi.kohtaamo.registry.Registry;
import fi.kohtaamo.shared.AccessControl;
import fi.kohtaamo.shared.Actor;
import fi.kohtaamo.shared.KohtaamoException;
import fi.kohtaamo.shared.Lang;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
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
 * The outreach pages of places and partners: the overview of one's visits, a place's slots (opening
 * them on occurrences), finding and booking slots, and a visit's page (confirm, decline, cancel,
 * record the outcome). Every write goes through {@link OutreachService} or, for a booked visit,
 * {@link VisitService}.
 */
@Controller
class OutreachPageController {

    private final OutreachService service;
    private final OutreachSetup outreachSetup;
    private final VisitService visits;
    private final OutreachQueries queries;
    private final OutreachViews views;
    private final Registry registry;
    private final ActivityCalendar calendar;
    private final MessageSource messages;
    private final Clock clock;

    OutreachPageController(OutreachService service, OutreachSetup outreachSetup, VisitService visits,
            OutreachQueries queries, OutreachViews views, Registry registry,
            ActivityCalendar calendar, MessageSource messages, Clock clock) {
        this.service = service;
        this.outreachSetup = outreachSetup;
        this.visits = visits;
        this.queries = queries;
        this.views = views;
        this.registry = registry;
        this.calendar = calendar;
        this.messages = messages;
        this.clock = clock;
    }

    static long id(String raw) {
        return fi.kohtaamo.shared.PathIds.orNotFound(raw);
    }

    private Map<String, String> errors(KohtaamoException.Invalid e, Lang lang) {
        return e.errors().messages(messages, lang.locale());
    }

    private List<String> warningTexts(List<Warnings.Warning> warnings, Lang lang) {
        return warnings.stream().map(w -> messages.getMessage(w.key(), w.args().toArray(), lang.locale())).toList();
    }

    // ---- the overview ---------------------------------------------------------------------------

    @GetMapping("/admin/outreach")
    String overview(Actor actor, Model model) {
        boolean host = AccessControl.mayEver(actor, OutreachAction.VISIT_HOST);
        boolean partner = AccessControl.mayEver(actor, OutreachAction.VISIT_BOOK);
        if (!host && !partner) {
            throw new KohtaamoException.Forbidden("OUTREACH");
        }
        Instant now = clock.instant();
        List<OutreachQueries.Visit> visits = this.visits.visitsFor(actor, now.minus(Duration.ofDays(92)),
                now.plus(Duration.ofDays(7L * OutreachService.MAX_WEEKS_AHEAD)));
        List<OutreachQueries.Visit> waiting = new ArrayList<>();
        List<OutreachQueries.Visit> coming = new ArrayList<>();
        List<OutreachQueries.Visit> toRecord = new ArrayList<>();
        for (OutreachQueries.Visit v : visits) {
            if (v.startsAt().isAfter(now) && "REQUESTED".equals(v.status())) {
                waiting.add(v);
            } else if (v.startsAt().isAfter(now) && "CONFIRMED".equals(v.status())) {
                coming.add(v);
            } else if (!v.startsAt().isAfter(now) && "CONFIRMED".equals(v.status()) && v.happened() == null) {
                toRecord.add(v);
            }
        }
        model.addAttribute("host", host);
        model.addAttribute("partner", partner);
        model.addAttribute("waiting", views.visits(waiting));
        model.addAttribute("coming", views.visits(coming));
        model.addAttribute("toRecord", host ? views.visits(toRecord) : List.of());
        model.addAttribute("places", host ? registry.placesInScope(AccessControl.scope(actor, OutreachAction.SLOT_MANAGE))
                : List.of());
        List<Map<String, Object>> partnerships = new ArrayList<>();
        for (OutreachQueries.Partner p : service.partnerships(actor)) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("county", registry.county(p.countyId()).orElseThrow());
            row.put("acknowledged", queries.acknowledgement(p.organisationId(), p.countyId()).isPresent());
            row.put("orientation", queries.orientation(p.countyId()).isPresent());
            partnerships.add(row);
        }
        model.addAttribute("partnerships", partnerships);
        model.addAttribute("coordinator", AccessControl.mayEver(actor, OutreachAction.CATALOGUE_MANAGE));
        return "outreach/overview";
    }

    // ---- a place's slots ------------------------------------------------------------------------

    @GetMapping("/admin/outreach/places/{placeId}")
    String place(@PathVariable String placeId, @RequestParam(required = false) String activity, Actor actor, Lang lang,
            Model model) {
        long pid = id(placeId);
        service.requireSlots(actor, pid);
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("activityId", activity == null ? "" : activity);
        form.put("format", "TALK");
        form.put("capacity", "1");
        form.put("language", "fi");
        form.put("topicIds", List.of());
        return placePage(actor, pid, lang, model, form, List.of(), Map.of());
    }

    private String placePage(Actor actor, long placeId, Lang lang, Model model, Map<String, Object> form,
            List<String> chosenDates, Map<String, String> errors) {
        Registry.StaffPlace place = registry.staffPlace(placeId).orElseThrow(() -> new KohtaamoException.NotFound("place"));
        Instant now = clock.instant();
        LocalDate today = LocalDate.now(clock.withZone(OutreachService.HELSINKI));
        List<ActivityCalendar.ActivityRef> activities = calendar.activitiesOfPlace(placeId).stream()
                .filter(a -> !a.seasonEnd().isBefore(today)).toList();
        model.addAttribute("place", place);
        model.addAttribute("activities", activities.stream().map(a -> new fi.kohtaamo.shared.Option(String.valueOf(a.id()),
                a.name().get(lang), a.name().shownLanguage(lang).code())).toList());
        model.addAttribute("form", form);
        model.addAttribute("chosenDates", chosenDates);
        model.addAttribute("errors", errors);
        List<ActivityCalendar.OccurrenceRef> occurrences = List.of();
        String activity = String.valueOf(form.getOrDefault("activityId", ""));
        if (activity.matches("^[0-9]{1,18}$")) {
            long aid = Long.parseLong(activity);
            if (activities.stream().anyMatch(a -> a.id() == aid)) {
                List<LocalDate> taken = queries.slotsOfActivity(aid, now).stream().map(Slot::originalDate).toList();
                occurrences = calendar.occurrences(aid, today, today.plusWeeks(12)).stream()
                        .filter(o -> !o.cancelled() && o.start().toInstant().isAfter(now)
                                && !taken.contains(o.originalDate())).toList();
            }
        }
        model.addAttribute("occurrences", occurrences);
        model.addAttribute("formats", List.of("TALK", "PRESENCE"));
        model.addAttribute("languages", views.messages("language.", OutreachService.LANGUAGES, lang));
        model.addAttribute("topics", outreachSetup.activeItems(Catalogue.TOPIC, service.countyOfPlace(placeId)));
        model.addAttribute("slots", views.slots(queries.slotsOfPlaces(List.of(placeId), now,
                now.plus(Duration.ofDays(7L * OutreachService.MAX_WEEKS_AHEAD)))));
        return "outreach/place";
    }

    @PostMapping("/admin/outreach/places/{placeId}/slots")
    String openSlots(@PathVariable String placeId, @RequestParam MultiValueMap<String, String> p, Actor actor, Lang lang,
            Model model, HttpServletResponse response) {
        long pid = id(placeId);
        service.requireSlots(actor, pid);
        OutreachService.SlotForm form = new OutreachService.SlotForm(p.getFirst("activityId"), p.get("dates"),
                "true".equals(p.getFirst("wholeSeason")), p.getFirst("format"), p.getFirst("capacity"), p.get("topicIds"),
                p.getFirst("language"), p.getFirst("notes"), "true".equals(p.getFirst("autoConfirm")));
        try {
            OutreachService.Opened opened = service.openSlots(actor, pid, form);
            return "redirect:/admin/outreach/places/" + pid + "?opened=" + opened.opened() + "&skipped="
                    + opened.skipped().size();
        } catch (KohtaamoException.Invalid e) {
            response.setStatus(400);
            Map<String, Object> values = new LinkedHashMap<>();
            p.forEach((k, v) -> values.put(k, v.size() == 1 ? v.get(0) : v));
            values.put("topicIds", p.getOrDefault("topicIds", List.of()));
            return placePage(actor, pid, lang, model, values, p.getOrDefault("dates", List.of()), errors(e, lang));
        }
    }

    // ---- finding slots --------------------------------------------------------------------------

    @GetMapping("/admin/outreach/slots")
    String find(@RequestParam Map<String, String> q, Actor actor, Lang lang, Model model) {
        // partners find slots to book, coordinators to see what is offered (OutreachService.findSlots)
        if (!AccessControl.mayEver(actor, OutreachAction.VISIT_BOOK)
                && !AccessControl.mayEver(actor, OutreachAction.COORDINATION_VIEW)) {
            throw new KohtaamoException.Forbidden("VISIT_BOOK");
        }
        Long area = optionalId(q.get("area"), "area");
        String municipality = blankToNull(q.get("municipality"));
        if (municipality != null && !municipality.matches("^[0-9]{3}$")) {
            throw new KohtaamoException.BadParameter("municipality");
        }
        DayOfWeek weekday = null;
        if (blankToNull(q.get("weekday")) != null) {
            try {
                weekday = DayOfWeek.valueOf(q.get("weekday"));
            } catch (IllegalArgumentException e) {
                throw new KohtaamoException.BadParameter("weekday");
            }
        }
        String language = blankToNull(q.get("language"));
        if (language != null && !OutreachService.LANGUAGES.contains(language)) {
            throw new KohtaamoException.BadParameter("language");
        }
        String format = blankToNull(q.get("format"));
        if (format != null && !OutreachService.FORMATS.contains(format)) {
            throw new KohtaamoException.BadParameter("format");
        }
        Long topic = optionalId(q.get("topic"), "topic");
        Map<Long, Registry.StaffPlace> places = new LinkedHashMap<>();
        List<Slot> slots = service.findSlots(actor,
                new OutreachService.SlotSearch(area, municipality, weekday, language, format, topic), places);
        boolean books = AccessControl.mayEver(actor, OutreachAction.VISIT_BOOK);
        List<Long> counties = books
                ? service.partnerships(actor).stream().map(OutreachQueries.Partner::countyId).distinct().toList()
                : actor.countyId() == null ? registry.counties().stream().map(Registry.Ref::id).toList()
                        : List.of(actor.countyId());
        List<Registry.Ref> areas = new ArrayList<>();
        List<fi.kohtaamo.shared.CountyCatalogue.Item> topics = new ArrayList<>();
        List<Registry.MunicipalityRef> municipalities = new ArrayList<>();
        for (Long c : counties) {
            areas.addAll(registry.areas(c));
            topics.addAll(outreachSetup.activeItems(Catalogue.TOPIC, c));
            municipalities.addAll(registry.municipalities(c));
        }
        model.addAttribute("q", q);
        model.addAttribute("areas", OutreachViews.refs(areas, lang));
        model.addAttribute("municipalities", municipalities.stream().map(m -> new fi.kohtaamo.shared.Option(m.code(),
                m.name().get(lang), m.name().shownLanguage(lang).code())).toList());
        model.addAttribute("topics", OutreachViews.items(topics, lang));
        model.addAttribute("weekdays", views.messages("weekday.",
                java.util.Arrays.stream(DayOfWeek.values()).map(DayOfWeek::name).toList(), lang));
        model.addAttribute("languages", views.messages("language.", OutreachService.LANGUAGES, lang));
        model.addAttribute("formats", views.messages("outreach.format.", List.of("TALK", "PRESENCE"), lang));
        model.addAttribute("total", slots.size());
        model.addAttribute("slots", views.slots(slots.stream().limit(200).toList()));
        model.addAttribute("partner", books);
        return "outreach/find";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static Long optionalId(String raw, String name) {
        String s = blankToNull(raw);
        if (s == null) {
            return null;
        }
        if (!s.matches("^[0-9]{1,18}$")) {
            throw new KohtaamoException.BadParameter(name);
        }
        return Long.parseLong(s);
    }

    // ---- one slot -------------------------------------------------------------------------------

    @GetMapping("/admin/outreach/slots/{id}")
    String slot(@PathVariable String id, Actor actor, Lang lang, Model model) {
        return slotPage(actor, id(id), lang, model, Map.of(), Map.of(), List.of());
    }

    private String slotPage(Actor actor, long slotId, Lang lang, Model model, Map<String, String> values,
            Map<String, String> errors, List<String> warnings) {
        Slot s = queries.slot(slotId).orElseThrow(() -> new KohtaamoException.NotFound("slot " + slotId));
        boolean host = AccessControl.allows(actor, OutreachAction.SLOT_MANAGE, service.slotTarget(s.placeId(), s.activityId()));
        if (!host) {
            s = service.slotForPartner(actor, slotId);
        }
        long county = service.countyOfPlace(s.placeId());
        model.addAttribute("slot", views.slot(s));
        model.addAttribute("host", host);
        model.addAttribute("visits", host ? views.visits(queries.visitsOfSlot(slotId)) : List.of());
        model.addAttribute("professions", OutreachViews.items(outreachSetup.activeItems(Catalogue.PROFESSION, county), lang));
        model.addAttribute("topics", OutreachViews.items(outreachSetup.activeItems(Catalogue.TOPIC, county), lang));
        model.addAttribute("acknowledged", host || outreachSetup.acknowledgement(actor, county).isPresent());
        model.addAttribute("ownVisit", host ? null : service.ownVisit(actor, slotId).orElse(null));
        model.addAttribute("county", county);
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("warnings", warnings);
        model.addAttribute("past", !s.startsAt().isAfter(clock.instant()));
        return "outreach/slot";
    }

    @PostMapping("/admin/outreach/slots/{id}/book")
    String book(@PathVariable String id, @RequestParam Map<String, String> p, Actor actor, Lang lang, Model model,
            HttpServletResponse response) {
        long slotId = id(id);
        try {
            OutreachService.Outcome o = service.book(actor, slotId, new OutreachService.BookingForm(p.get("professionId"),
                    p.get("topicId"), p.get("professionalName"), p.get("professionalEmail"), p.get("message"),
                    "true".equals(p.get("acceptWarnings"))));
            if (o.visitId() == null) {
                return slotPage(actor, slotId, lang, model, p, Map.of(), warningTexts(o.warnings(), lang));
            }
            return "redirect:/admin/outreach/visits/" + o.visitId() + "?booked";
        } catch (KohtaamoException.Invalid e) {
            response.setStatus(400);
            return slotPage(actor, slotId, lang, model, p, errors(e, lang), List.of());
        }
    }

    @PostMapping("/admin/outreach/slots/{id}/cancel")
    String cancelSlot(@PathVariable String id, @RequestParam Map<String, String> p, Actor actor, Lang lang, Model model,
            HttpServletResponse response) {
        long slotId = id(id);
        try {
            service.cancelSlot(actor, slotId, p.get("version"), p.get("reason"));
            return "redirect:/admin/outreach/slots/" + slotId + "?cancelled";
        } catch (KohtaamoException.Invalid e) {
            response.setStatus(400);
            return slotPage(actor, slotId, lang, model, p, errors(e, lang), List.of());
        }
    }

    // ---- one visit ------------------------------------------------------------------------------

    @GetMapping("/admin/outreach/visits/{id}")
    String visit(@PathVariable String id, Actor actor, Lang lang, Model model) {
        return visitPage(actor, id(id), lang, model, Map.of(), Map.of(), null);
    }

    private String visitPage(Actor actor, long visitId, Lang lang, Model model, Map<String, String> values,
            Map<String, String> errors, List<String> pendingWarnings) {
        VisitService.Seen seen = visits.visitFor(actor, visitId);
        OutreachQueries.Visit v = seen.visit();
        Instant now = clock.instant();
        boolean future = v.startsAt().isAfter(now);
        model.addAttribute("row", views.visit(v));
        model.addAttribute("host", seen.side() == VisitService.Side.HOST);
        model.addAttribute("future", future);
        model.addAttribute("warnings", pendingWarnings != null ? pendingWarnings
                : v.active() && future ? warningTexts(visits.warnings(seen), lang) : List.of());
        model.addAttribute("confirmWarnings", pendingWarnings != null);
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        return "outreach/visit";
    }

    private interface VisitAction {
        void run();
    }

    private String act(long visitId, Actor actor, Lang lang, Model model, Map<String, String> p,
            HttpServletResponse response, String done, VisitAction action) {
        try {
            action.run();
            return "redirect:/admin/outreach/visits/" + visitId + "?" + done;
        } catch (KohtaamoException.Invalid e) {
            response.setStatus(400);
            return visitPage(actor, visitId, lang, model, p, errors(e, lang), null);
        }
    }

    @PostMapping("/admin/outreach/visits/{id}/confirm")
    String confirm(@PathVariable String id, @RequestParam Map<String, String> p, Actor actor, Lang lang, Model model,
            HttpServletResponse response) {
        long visitId = id(id);
        try {
            OutreachService.Outcome o = visits.confirm(actor, visitId, p.get("version"), "true".equals(p.get("acceptWarnings")));
            if (o.visitId() == null) {
                return visitPage(actor, visitId, lang, model, p, Map.of(), warningTexts(o.warnings(), lang));
            }
            return "redirect:/admin/outreach/visits/" + visitId + "?confirmed";
        } catch (KohtaamoException.Invalid e) {
            response.setStatus(400);
            return visitPage(actor, visitId, lang, model, p, errors(e, lang), null);
        }
    }

    @PostMapping("/admin/outreach/visits/{id}/decline")
    String decline(@PathVariable String id, @RequestParam Map<String, String> p, Actor actor, Lang lang, Model model,
            HttpServletResponse response) {
        long visitId = id(id);
        return act(visitId, actor, lang, model, p, response, "declined",
                () -> visits.decline(actor, visitId, p.get("version"), p.get("reason")));
    }

    @PostMapping("/admin/outreach/visits/{id}/cancel")
    String cancel(@PathVariable String id, @RequestParam Map<String, String> p, Actor actor, Lang lang, Model model,
            HttpServletResponse response) {
        long visitId = id(id);
        return act(visitId, actor, lang, model, p, response, "cancelled",
                () -> visits.cancel(actor, visitId, p.get("version"), p.get("reason")));
    }

    @PostMapping("/admin/outreach/visits/{id}/outcome")
    String outcome(@PathVariable String id, @RequestParam Map<String, String> p, Actor actor, Lang lang, Model model,
            HttpServletResponse response) {
        long visitId = id(id);
        return act(visitId, actor, lang, model, p, response, "recorded",
                () -> visits.recordOutcome(actor, visitId, p.get("version"), p.get("happened"), p.get("familiesReached")));
    }
}
