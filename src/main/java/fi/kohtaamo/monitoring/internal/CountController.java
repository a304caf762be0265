package fi.kohtaamo.monitoring.internal;

import fi.kohtaamo.monitoring.MonitoringAction;
import fi.kohtaamo.monitoring.internal.CountQueries.Figures;
import fi.kohtaamo.registry.Registry;
import fi.kohtaamo.shared.AccessControl;
import fi.kohtaamo.shared.Actor;
import fi.kohtaamo.shared.KohtaamoException;
import fi.kohtaamo.shared.Lang;
import fi.kohtaamo.shared.StaffNavigation;
import jakarta.servlet.http.HttpServletResponse;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Counting visits: the places one counts for, a day's occurrences at a place, the counter for one of
 * them (big buttons on a phone at the door; plain number fields without JavaScript), and the month grid
 * for entering afterwards. Writes go through {@link CountService}.
 */
@Controller
class CountController {

    private final CountService service;
    private final Registry registry;
    private final MessageSource messages;

    private final org.springframework.beans.factory.ObjectProvider<fi.kohtaamo.monitoring.ServiceDirectory> directory;

    CountController(CountService service, Registry registry, MessageSource messages,
            org.springframework.beans.factory.ObjectProvider<fi.kohtaamo.monitoring.ServiceDirectory> directory) {
        this.service = service;
        this.registry = registry;
        this.messages = messages;
        this.directory = directory;
    }

    @Component
    static class Navigation implements StaffNavigation {
        @Override
        public List<Item> items(Actor actor) {
            return AccessControl.mayEver(actor, MonitoringAction.COUNT_RECORD)
                    ? List.of(new Item("monitoring.nav.counts", "/admin/counts", 45)) : List.of();
        }
    }

    static long id(String raw) {
        return fi.kohtaamo.shared.PathIds.orNotFound(raw);
    }

    private LocalDate date(String raw) {
        return fi.kohtaamo.shared.QueryParams.date(raw, "date", service.today());
    }

    private YearMonth month(String raw) {
        if (raw == null || raw.isBlank()) {
            return YearMonth.from(service.today());
        }
        try {
            if (raw.matches("^\\d{4}-\\d{2}$")) {
                YearMonth m = YearMonth.parse(raw);
                if (m.getYear() >= 2000 && m.getYear() <= 2100) {
                    return m;
                }
            }
        } catch (DateTimeException e) {
            // falls through
        }
        throw new KohtaamoException.BadParameter("month");
    }

    private Registry.StaffPlace place(long id) {
        return registry.staffPlace(id).orElseThrow(() -> new KohtaamoException.NotFound("place " + id));
    }

    @GetMapping("/admin/counts")
    String places(Actor actor, Model model) {
        List<Registry.StaffPlace> places = service.places(actor);
        if (places.size() == 1) {
            return "redirect:/admin/counts/places/" + places.get(0).id();
        }
        model.addAttribute("places", places);
        return "monitoring/places";
    }

    @GetMapping("/admin/counts/places/{placeId}")
    String day(@PathVariable String placeId, @RequestParam(required = false) String date, Actor actor, Model model) {
        long pid = id(placeId);
        service.requireRecord(actor, pid);
        LocalDate d = date(date);
        model.addAttribute("place", place(pid));
        model.addAttribute("date", d);
        model.addAttribute("today", service.today());
        model.addAttribute("countables", d.isAfter(service.today()) ? List.of() : service.day(actor, pid, d));
        return "monitoring/day";
    }

    @GetMapping("/admin/counts/places/{placeId}/count")
    String counter(@PathVariable String placeId, @RequestParam(required = false) String subject,
            @RequestParam(required = false) String date, Actor actor, Model model) {
        long pid = id(placeId);
        service.requireRecord(actor, pid);
        LocalDate d = date(date);
        CountService.Countable c = service.countable(actor, pid, subjectOf(subject), d);
        Map<String, String> values = new LinkedHashMap<>();
        if (c.count() != null) {
            for (String f : Figures.FIELDS) {
                values.put(f, String.valueOf(c.count().figures().get(f)));
            }
            c.count().referrals().forEach((k, v) -> values.put("ref." + k, String.valueOf(v)));
            values.put("version", String.valueOf(c.count().version()));
        }
        return counterPage(pid, c, model, values, Map.of());
    }

    private static long subjectOf(String raw) {
        if (raw == null || !raw.matches("^[0-9]{1,18}$")) {
            throw new KohtaamoException.NotFound(String.valueOf(raw));
        }
        return Long.parseLong(raw);
    }

    private String counterPage(long placeId, CountService.Countable c, Model model, Map<String, String> values,
            Map<String, String> errors) {
        Registry.StaffPlace place = place(placeId);
        model.addAttribute("place", place);
        model.addAttribute("countable", c);
        model.addAttribute("fields", Figures.FIELDS);
        // each type's services in the place's municipality, to open a service and hand its card (issue 15, part 3)
        Long county = service.target(placeId).countyId();
        fi.kohtaamo.monitoring.ServiceDirectory d = directory.getIfAvailable();
        model.addAttribute("directory", d == null || county == null ? Map.of()
                : d.byServiceType(county, place.municipalityCode()));
        List<fi.kohtaamo.monitoring.ServiceTypes.ServiceType> types = service.serviceTypes(placeId, c.count());
        model.addAttribute("services", types);
        // the error summary names a referral field by its type's name
        Map<String, fi.kohtaamo.shared.LocalizedText> serviceNames = new LinkedHashMap<>();
        types.forEach(t -> serviceNames.put(t.code(), t.name()));
        model.addAttribute("serviceNames", serviceNames);
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        return "monitoring/counter";
    }

    @PostMapping("/admin/counts/places/{placeId}/count")
    String save(@PathVariable String placeId, @RequestParam Map<String, String> p, Actor actor, Lang lang, Model model,
            HttpServletResponse response) {
        long pid = id(placeId);
        service.requireRecord(actor, pid);
        LocalDate d = date(p.get("date"));
        long subject = subjectOf(p.get("subject"));
        try {
            service.save(actor, pid, subject, d, p);
            return "redirect:/admin/counts/places/" + pid + "?date=" + d + "&saved";
        } catch (KohtaamoException.Invalid e) {
            response.setStatus(400);
            CountService.Countable c = service.countable(actor, pid, subject, d);
            return counterPage(pid, c, model, p, e.errors().messages(messages, lang.locale()));
        }
    }

    @GetMapping("/admin/counts/places/{placeId}/month")
    String month(@PathVariable String placeId, @RequestParam(required = false) String month, Actor actor, Model model) {
        long pid = id(placeId);
        service.requireRecord(actor, pid);
        YearMonth m = month(month);
        return monthPage(actor, pid, m, model, Map.of(), Map.of());
    }

    private String monthPage(Actor actor, long placeId, YearMonth m, Model model, Map<String, String> values,
            Map<String, String> errors) {
        model.addAttribute("place", place(placeId));
        model.addAttribute("month", m);
        model.addAttribute("rows", service.month(actor, placeId, m));
        model.addAttribute("fields", Figures.FIELDS);
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        return "monitoring/month";
    }

    @PostMapping("/admin/counts/places/{placeId}/month")
    String saveMonth(@PathVariable String placeId, @RequestParam Map<String, String> p, Actor actor, Lang lang,
            Model model, HttpServletResponse response) {
        long pid = id(placeId);
        service.requireRecord(actor, pid);
        YearMonth m = month(p.get("month"));
        try {
            int n = service.saveMonth(actor, pid, m, p);
            return "redirect:/admin/counts/places/" + pid + "/month?month=" + m + "&saved=" + n;
        } catch (KohtaamoException.Invalid e) {
            response.setStatus(400);
            return monthPage(actor, pid, m, model, p, e.errors().messages(messages, lang.locale()));
        }
    }
}
