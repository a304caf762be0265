package fi.kohtaamo.coordination.internal.signals;

import fi.kohtaamo.coordination.SignalAction;
import fi.kohtaamo.coordination.internal.signals.SignalQueries.Signal;
import fi.kohtaamo.coordination.internal.signals.SignalQueries.State;
import fi.kohtaamo.shared.CountyCatalogue.Item;
import fi.kohtaamo.registry.Registry;
import fi.kohtaamo.shared.AccessControl;
import fi.kohtaamo.shared.Actor;
import fi.kohtaamo.shared.Csv;
import fi.kohtaamo.shared.KohtaamoException;
import fi.kohtaamo.shared.Lang;
import fi.kohtaamo.shared.LocalizedText;
import fi.kohtaamo.shared.Option;
import fi.kohtaamo.shared.PathIds;
import fi.kohtaamo.shared.Spreadsheet;
import fi.kohtaamo.shared.StaffNavigation;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Staff pages of weak signals under {@code /admin/signals}: the list (all readable, or those forwarded to the
 * county coordination group), recording, a signal with its handling, the summary by theme × area × quarter
 * (page, CSV, Excel) and the county's themes.
 */
@Controller
class SignalPageController {

    private final SignalService service;
    private final SignalSummary summaries;
    private final Registry registry;
    private final MessageSource messages;
    private final Clock clock;

    private final fi.kohtaamo.coordination.internal.MeetingQueries meetings;

    SignalPageController(SignalService service, Registry registry, MessageSource messages, Clock clock,
            fi.kohtaamo.coordination.internal.MeetingQueries meetings, SignalSummary summaries) {
        this.summaries = summaries;
        this.meetings = meetings;
        this.service = service;
        this.registry = registry;
        this.messages = messages;
        this.clock = clock;
    }

    @Component
    static class Navigation implements StaffNavigation {
        @Override
        public List<Item> items(Actor actor) {
            return AccessControl.mayEver(actor, SignalAction.READ) || AccessControl.mayEver(actor, SignalAction.RECORD)
                    ? List.of(new Item("signals.nav", "/admin/signals", 50)) : List.of();
        }
    }

    private static void requireAny(Actor actor) {
        if (!AccessControl.mayEver(actor, SignalAction.READ)) {
            throw new KohtaamoException.Forbidden(SignalAction.READ.name());
        }
    }

    private int year(String raw) {
        if (raw == null || raw.isBlank()) {
            return LocalDate.now(clock).getYear();
        }
        if (!raw.strip().matches("^[0-9]{4}$")) {
            throw new KohtaamoException.BadParameter("year");
        }
        int y = Integer.parseInt(raw.strip());
        if (y < 2000 || y > 2100) {
            throw new KohtaamoException.BadParameter("year");
        }
        return y;
    }

    /** A signal as a list or page shows it: names of its themes and areas in the reader's language. */
    record SignalView(Signal signal, List<LocalizedText> themes, List<LocalizedText> areas, LocalizedText handlingArea) {
    }

    private List<SignalView> views(List<Signal> signals) {
        Map<Long, LocalizedText> themes = new HashMap<>();
        Map<Long, LocalizedText> areas = new HashMap<>();
        List<SignalView> out = new ArrayList<>();
        for (Signal s : signals) {
            out.add(new SignalView(s,
                    s.themeIds().stream().map(t -> themes.computeIfAbsent(t, this::themeName)).toList(),
                    s.areaIds().stream().map(a -> areas.computeIfAbsent(a, this::areaName)).toList(),
                    s.handlingAreaId() == null ? null : areas.computeIfAbsent(s.handlingAreaId(), this::areaName)));
        }
        return out;
    }

    private LocalizedText themeName(long id) {
        return service.theme(id).map(Item::name).orElse(LocalizedText.of("?", null, null));
    }

    private LocalizedText areaName(long id) {
        return registry.area(id).map(Registry.Ref::name).orElse(LocalizedText.of("?", null, null));
    }

    // ---- list -----------------------------------------------------------------------------------

    @GetMapping("/admin/signals")
    String list(@RequestParam(required = false) String state, @RequestParam(required = false) String year, Actor actor,
            Model model) {
        if (!AccessControl.mayEver(actor, SignalAction.READ) && !AccessControl.mayEver(actor, SignalAction.RECORD)) {
            throw new KohtaamoException.Forbidden(SignalAction.READ.name());
        }
        State s = null;
        if (state != null && !state.isBlank()) {
            try {
                s = State.valueOf(state.strip());
            } catch (IllegalArgumentException e) {
                throw new KohtaamoException.BadParameter("state");
            }
        }
        int y = year(year);
        model.addAttribute("signals", views(service.signals(actor, s, LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31))));
        model.addAttribute("state", s == null ? "" : s.name());
        model.addAttribute("year", y);
        model.addAttribute("states", State.values());
        model.addAttribute("mayRecord", AccessControl.mayEver(actor, SignalAction.RECORD));
        model.addAttribute("mayManageThemes", AccessControl.mayEver(actor, SignalAction.THEME_MANAGE));
        model.addAttribute("max", SignalQueries.MAX_LIST);
        return "coordination/signals";
    }

    // ---- recording ------------------------------------------------------------------------------

    /**
     * The form for the chosen county (an administrator, or anyone reaching areas of several counties, chooses; the
     * others have one). The county only decides which areas and themes the form offers: the signal's county comes
     * from the areas chosen, each checked where it is.
     */
    @GetMapping("/admin/signals/new")
    String newForm(@RequestParam(required = false) String county, Actor actor, Lang lang, Model model) {
        if (!AccessControl.mayEver(actor, SignalAction.RECORD)) {
            throw new KohtaamoException.Forbidden(SignalAction.RECORD.name());
        }
        long c = county(actor, county);
        if (registry.county(c).isEmpty()) {
            throw new KohtaamoException.NotFound("county " + c);
        }
        return form(actor, lang, model, c, Map.of("noticedOn", LocalDate.now(clock).toString()), List.of(), List.of(),
                Map.of());
    }

    private String form(Actor actor, Lang lang, Model model, long county, Map<String, String> values,
            List<String> areaIds, List<String> themeIds, Map<String, String> errors) {
        model.addAttribute("county", String.valueOf(county));
        model.addAttribute("counties", registry.counties().stream()
                .filter(c -> c.id() == county || !service.recordableAreas(actor, c.id()).isEmpty())
                .map(c -> Option.of(String.valueOf(c.id()), c.name(), lang)).toList());
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("areas", service.recordableAreas(actor, county).stream()
                .map(a -> Option.of(String.valueOf(a.id()), a.name(), lang)).toList());
        model.addAttribute("themes", service.themes(county).stream().filter(Item::active)
                .map(t -> Option.of(String.valueOf(t.id()), t.name(), lang)).toList());
        model.addAttribute("areaIds", areaIds);
        model.addAttribute("themeIds", themeIds);
        model.addAttribute("maxBody", SignalService.MAX_BODY);
        model.addAttribute("today", LocalDate.now(clock).toString());
        return "coordination/signal-form";
    }

    @PostMapping("/admin/signals")
    String record(@RequestParam MultiValueMap<String, String> p, Actor actor, Lang lang, Model model,
            HttpServletResponse response) {
        try {
            long id = service.record(actor, p);
            return "redirect:/admin/signals/" + id + "?saved";
        } catch (KohtaamoException.Invalid e) {
            response.setStatus(400);
            Map<String, String> values = new HashMap<>();
            values.put("body", p.getFirst("body"));
            values.put("noticedOn", p.getFirst("noticedOn"));
            String raw = p.getFirst("county");
            long county = raw != null && raw.matches("^[0-9]{1,18}$") && registry.county(Long.parseLong(raw)).isPresent()
                    ? Long.parseLong(raw) : service.defaultCounty(actor);
            return form(actor, lang, model, county, values, nonNull(p.get("areaIds")), nonNull(p.get("themeIds")),
                    e.errors().messages(messages, lang.locale()));
        }
    }

    private static List<String> nonNull(List<String> v) {
        return v == null ? List.of() : v;
    }

    // ---- a signal and its handling --------------------------------------------------------------

    @GetMapping("/admin/signals/{id}")
    String signal(@PathVariable String id, Actor actor, Lang lang, Model model) {
        Signal s = service.readable(actor, PathIds.orNotFound(id));
        return signalPage(actor, lang, model, s, Map.of(), Map.of());
    }

    private String signalPage(Actor actor, Lang lang, Model model, Signal s, Map<String, String> values,
            Map<String, String> errors) {
        model.addAttribute("view", views(List.of(s)).get(0));
        model.addAttribute("handlings", service.handlings(s.id()));
        // the meeting whose agenda took it up last (its page checks who may read it)
        model.addAttribute("agendaMeeting", s.agendaItemId() == null ? null : meetings.agendaItem(s.agendaItemId())
                .flatMap(i -> meetings.meeting(i.meetingId())).orElse(null));
        boolean mayHandle = service.mayHandle(actor, s);
        model.addAttribute("mayHandle", mayHandle);
        if (mayHandle) {
            model.addAttribute("handleStates", java.util.Arrays.stream(State.values()).filter(x -> x != State.NEW)
                    .map(x -> new Option(x.name(), messages.getMessage("signals.state." + x.name(), null, lang.locale()),
                            lang.code())).toList());
            model.addAttribute("handleAreas", service.handlingAreas(actor, s).stream()
                    .map(a -> Option.of(String.valueOf(a), areaName(a), lang)).toList());
        }
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        Map<Long, LocalizedText> areaNames = new HashMap<>();
        model.addAttribute("handlingAreaNames", service.handlings(s.id()).stream()
                .map(h -> h.areaId() == null ? null : areaNames.computeIfAbsent(h.areaId(), this::areaName)).toList());
        return "coordination/signal";
    }

    @PostMapping("/admin/signals/{id}/handle")
    String handle(@PathVariable String id, @RequestParam Map<String, String> p, Actor actor, Lang lang, Model model,
            HttpServletResponse response) {
        long signalId = PathIds.orNotFound(id);
        try {
            service.handle(actor, signalId, p);
            return "redirect:/admin/signals/" + signalId + "?handled";
        } catch (KohtaamoException.Invalid e) {
            response.setStatus(400);
            return signalPage(actor, lang, model, service.readable(actor, signalId), p,
                    e.errors().messages(messages, lang.locale()));
        } catch (KohtaamoException.Conflict e) {
            response.setStatus(409);
            model.addAttribute("stale", true);
            return signalPage(actor, lang, model, service.readable(actor, signalId), p, Map.of());
        }
    }

    // ---- summary --------------------------------------------------------------------------------

    @GetMapping("/admin/signals/summary")
    String summary(@RequestParam(required = false) String year, Actor actor, Model model) {
        requireAny(actor);
        model.addAttribute("summary", summaries.summary(actor, year(year)));
        return "coordination/signal-summary";
    }

    @GetMapping("/admin/signals/summary.csv")
    ResponseEntity<byte[]> summaryCsv(@RequestParam(required = false) String year, Actor actor, Lang lang) {
        requireAny(actor);
        int y = year(year);
        return Csv.download("kohtaamo-weak-signals-" + y + ".csv", summaryRows(summaries.summary(actor, y), lang));
    }

    @GetMapping("/admin/signals/summary.xlsx")
    ResponseEntity<byte[]> summaryXlsx(@RequestParam(required = false) String year, Actor actor, Lang lang) {
        requireAny(actor);
        int y = year(year);
        return Spreadsheet.download("kohtaamo-weak-signals-" + y + ".xlsx", text("signals.summary.title", lang),
                summaryRows(summaries.summary(actor, y), lang));
    }

    /** The summary as rows: a header, theme × area lines with quarters and total, and a total row. */
    List<List<Object>> summaryRows(SignalSummary.Summary s, Lang lang) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of(text("signals.col.theme", lang), text("signals.col.area", lang), "Q1 " + s.year(),
                "Q2 " + s.year(), "Q3 " + s.year(), "Q4 " + s.year(), text("signals.col.total", lang)));
        for (SignalSummary.SummaryLine l : s.lines()) {
            List<Object> row = new ArrayList<>();
            row.add(l.theme().get(lang));
            row.add(l.area().get(lang));
            row.addAll(l.quarters());
            row.add(l.total());
            rows.add(row);
        }
        List<Object> total = new ArrayList<>();
        total.add(text("signals.summary.distinct", lang));
        total.add("");
        total.addAll(s.quarterTotals());
        total.add(s.signals());
        rows.add(total);
        return rows;
    }

    private String text(String key, Lang lang) {
        return messages.getMessage(key, null, lang.locale());
    }

    private long county(Actor actor, String raw) {
        return service.county(actor, raw);
    }
}
