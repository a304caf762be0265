package fi.kohtaamo.calendar.internal.admin;

import fi.kohtaamo.calendar.internal.ActivityForm;

import fi.kohtaamo.calendar.internal.ActivityQueries;
import fi.kohtaamo.calendar.internal.rules.Occurrence;
import fi.kohtaamo.calendar.internal.rules.RuleText;
import fi.kohtaamo.calendar.internal.rules.Schedule;

import fi.kohtaamo.calendar.internal.ActivityService;
import fi.kohtaamo.calendar.internal.CalendarService;

import fi.kohtaamo.calendar.ActivityKind;
import fi.kohtaamo.calendar.CalendarAction;
import fi.kohtaamo.registry.Registry;
import fi.kohtaamo.shared.AccessControl;
import fi.kohtaamo.shared.Actor;
import fi.kohtaamo.shared.KohtaamoException;
import fi.kohtaamo.shared.Lang;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Staff pages for a place's activities: the list, the form (new, edit, copy), deleting with a
 * confirmation, and the activity's coming occurrences with single changes and pauses. Every write
 * goes through {@link ActivityService}; the occurrences come from {@link CalendarService}, so staff
 * see what families see.
 */
@Controller
class ActivityAdminController {

    /** How far ahead the staff activity page plans occurrences. */
    static final int WEEKS_AHEAD = 12;

    private final ActivityService service;
    private final CalendarService calendar;
    private final Registry registry;
    private final MessageSource messages;
    private final Clock clock;

    ActivityAdminController(ActivityService service, CalendarService calendar, Registry registry,
            MessageSource messages, Clock clock) {
        this.service = service;
        this.calendar = calendar;
        this.registry = registry;
        this.messages = messages;
        this.clock = clock;
    }

    @InitBinder
    void binder(WebDataBinder binder) {
        binder.initDirectFieldAccess();
        binder.setAutoGrowCollectionLimit(ActivityForm.LANGUAGES.size() + 20);
    }

    static long idOrNotFound(String raw) {
        return fi.kohtaamo.shared.PathIds.orNotFound(raw);
    }

    static LocalDate dateOrNotFound(String raw) {
        try {
            if (raw != null && raw.matches("^\\d{4}-\\d{2}-\\d{2}$")) {
                return LocalDate.parse(raw);
            }
        } catch (java.time.DateTimeException e) {
            // falls through
        }
        throw new KohtaamoException.NotFound(String.valueOf(raw));
    }

    private Registry.StaffPlace place(long placeId) {
        return registry.staffPlace(placeId).orElseThrow(() -> new KohtaamoException.NotFound("place " + placeId));
    }

    // ---- the overview and a place's activities --------------------------------------------------

    @GetMapping("/admin/activities")
    String overview(Actor actor, Model model) {
        if (!AccessControl.mayEver(actor, CalendarAction.ACTIVITY_CREATE)) {
            throw new KohtaamoException.Forbidden("ACTIVITY_CREATE");
        }
        List<Registry.StaffPlace> places = registry.placesInScope(AccessControl.scope(actor, CalendarAction.ACTIVITY_CREATE));
        Map<Long, Integer> counts = new LinkedHashMap<>();
        for (ActivityQueries.Activity a : service.activitiesForStaff(actor, places.stream().map(Registry.StaffPlace::id).toList())) {
            counts.merge(a.placeId(), 1, Integer::sum);
        }
        model.addAttribute("places", places);
        model.addAttribute("counts", counts);
        return "calendar/admin/overview";
    }

    @GetMapping("/admin/places/{placeId}/activities")
    String list(@PathVariable String placeId, Actor actor, Lang lang, Model model) {
        long pid = idOrNotFound(placeId);
        List<ActivityQueries.Activity> activities = service.activitiesOfPlace(actor, pid);
        LocalDate today = LocalDate.now(clock);
        List<Row> rows = new ArrayList<>();
        for (ActivityQueries.Activity a : activities) {
            Schedule s = a.schedule();
            String state = !a.published() ? "DRAFT" : s.seasonEnd().isBefore(today) ? "ENDED"
                    : s.seasonStart().isAfter(today) ? "COMING" : "RUNNING";
            rows.add(new Row(a, RuleText.describe(s, lang, today.getYear()), state));
        }
        model.addAttribute("place", place(pid));
        model.addAttribute("rows", rows);
        return "calendar/admin/activities";
    }

    record Row(ActivityQueries.Activity activity, String rule, String state) {
    }

    // ---- the form -------------------------------------------------------------------------------

    @GetMapping("/admin/places/{placeId}/activities/new")
    String newActivity(@PathVariable String placeId, Actor actor, Model model) {
        long pid = idOrNotFound(placeId);
        service.requireCreateAt(actor, pid);
        ActivityForm form = new ActivityForm();
        form.placeId = String.valueOf(pid);
        form.languages.add("fi");
        return form(actor, model, form, null, false, Map.of());
    }

    @GetMapping("/admin/activities/{id}/copy")
    String copy(@PathVariable String id, Actor actor, Model model) {
        ActivityQueries.Activity a = service.activityForStaff(actor, idOrNotFound(id));
        service.requireCreateAt(actor, a.placeId());
        ActivityForm form = ActivityForm.of(a);
        form.version = "0";
        return form(actor, model, form, null, true, Map.of());
    }

    @PostMapping("/admin/places/{placeId}/activities")
    String create(@PathVariable String placeId, Actor actor, Lang lang, @ModelAttribute("form") ActivityForm form,
            Model model, HttpServletResponse response) {
        long pid = idOrNotFound(placeId);
        service.requireCreateAt(actor, pid);
        form.placeId = String.valueOf(pid);
        try {
            long id = service.create(actor, form);
            return "redirect:/admin/activities/" + id + "?saved";
        } catch (KohtaamoException.Invalid e) {
            response.setStatus(400);
            return form(actor, model, form, null, false, e.errors().messages(messages, lang.locale()));
        }
    }

    @GetMapping("/admin/activities/{id}/edit")
    String edit(@PathVariable String id, Actor actor, Model model) {
        ActivityQueries.Activity a = service.activityForStaff(actor, idOrNotFound(id));
        return form(actor, model, ActivityForm.of(a), a.id(), false, Map.of());
    }

    @PostMapping("/admin/activities/{id}")
    String update(@PathVariable String id, Actor actor, Lang lang, @ModelAttribute("form") ActivityForm form,
            Model model, HttpServletResponse response) {
        ActivityQueries.Activity a = service.activityForStaff(actor, idOrNotFound(id));
        form.placeId = String.valueOf(a.placeId());
        try {
            service.update(actor, a.id(), form);
            return "redirect:/admin/activities/" + a.id() + "?saved";
        } catch (KohtaamoException.Invalid e) {
            response.setStatus(400);
            return form(actor, model, form, a.id(), false, e.errors().messages(messages, lang.locale()));
        } catch (KohtaamoException.Conflict e) {
            response.setStatus(409);
            model.addAttribute("stale", true);
            return form(actor, model, form, a.id(), false, Map.of());
        }
    }

    private String form(Actor actor, Model model, ActivityForm form, Long id, boolean copy, Map<String, String> errors) {
        long pid = Long.parseLong(form.placeId);
        model.addAttribute("form", form);
        model.addAttribute("activityId", id);
        model.addAttribute("copy", copy);
        model.addAttribute("place", place(pid));
        model.addAttribute("errors", errors);
        model.addAttribute("kinds", ActivityKind.values());
        model.addAttribute("scheduleKinds", Schedule.Kind.values());
        model.addAttribute("parities", Schedule.WeekParity.values());
        model.addAttribute("nths", List.of("1", "2", "3", "4", "-1"));
        model.addAttribute("weekdays", DayOfWeek.values());
        model.addAttribute("languages", ActivityForm.LANGUAGES);
        model.addAttribute("organisations", organiserChoices(actor, form));
        return "calendar/admin/activity-form";
    }

    /** The organisations the actor may name as organisers, plus those the activity already has. */
    private List<Registry.Ref> organiserChoices(Actor actor, ActivityForm form) {
        fi.kohtaamo.shared.Scope scope = AccessControl.scope(actor, CalendarAction.ACTIVITY_UPDATE);
        List<Registry.Ref> out = new ArrayList<>(scope.all() ? registry.organisations(null)
                : scope.geographic() ? registry.organisations(actor.countyId())
                : actor.organisations().stream().map(registry::organisation).flatMap(Optional::stream)
                        .sorted(java.util.Comparator.comparing(r -> r.name().fi())).toList());
        for (String raw : form.organiserIds == null ? List.<String>of() : form.organiserIds) {
            if (raw != null && raw.matches("^[0-9]{1,18}$") && out.stream().noneMatch(r -> String.valueOf(r.id()).equals(raw))) {
                registry.organisation(Long.parseLong(raw)).ifPresent(out::add);
            }
        }
        return out;
    }

    // ---- deleting -------------------------------------------------------------------------------

    @GetMapping("/admin/activities/{id}/delete")
    String confirmDelete(@PathVariable String id, Actor actor, Lang lang, Model model) {
        ActivityQueries.Activity a = service.activityForStaff(actor, idOrNotFound(id));
        model.addAttribute("activity", a);
        model.addAttribute("rule", RuleText.describe(a.schedule(), lang, LocalDate.now(clock).getYear()));
        model.addAttribute("place", place(a.placeId()));
        return "calendar/admin/activity-delete";
    }

    @PostMapping("/admin/activities/{id}/delete")
    String delete(@PathVariable String id, Actor actor) {
        long activityId = idOrNotFound(id);
        long placeId = service.activityForStaff(actor, activityId).placeId();
        service.delete(actor, activityId);
        return "redirect:/admin/places/" + placeId + "/activities?deleted";
    }

    // ---- the activity page: coming occurrences and pauses ---------------------------------------

    @GetMapping("/admin/activities/{id}")
    String activity(@PathVariable String id, Actor actor, Lang lang, Model model) {
        ActivityQueries.Activity a = service.activityForStaff(actor, idOrNotFound(id));
        return activityPage(actor, a, lang, model, Map.of(), Map.of());
    }

    private String activityPage(Actor actor, ActivityQueries.Activity a, Lang lang, Model model,
            Map<String, String> errors, Map<String, String> pause) {
        Registry.StaffPlace place = place(a.placeId());
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("activity", a);
        model.addAttribute("place", place);
        model.addAttribute("rule", RuleText.describe(a.schedule(), lang, today.getYear()));
        model.addAttribute("occurrences", calendar.occurrencesOf(a, place.municipalityCode(), today,
                today.plusWeeks(WEEKS_AHEAD).minusDays(1)));
        model.addAttribute("pauses", service.pausesForStaff(actor, a.id(), today));
        model.addAttribute("mayChange", AccessControl.allows(actor, CalendarAction.OCCURRENCE_CHANGE,
                service.target(a.placeId(), a.organiserIds())));
        model.addAttribute("mayDelete", AccessControl.allows(actor, CalendarAction.ACTIVITY_DELETE,
                service.target(a.placeId(), a.organiserIds())));
        model.addAttribute("errors", errors);
        model.addAttribute("pause", pause);
        model.addAttribute("weeks", WEEKS_AHEAD);
        return "calendar/admin/activity";
    }

    @PostMapping("/admin/activities/{id}/pauses")
    String addPause(@PathVariable String id, Actor actor, Lang lang, @RequestParam Map<String, String> p, Model model,
            HttpServletResponse response) {
        long activityId = idOrNotFound(id);
        try {
            service.pause(actor, activityId, p.get("pauseStart"), p.get("pauseEnd"),
                    new ActivityService.LocalizedTextForm(p.get("reasonFi"), p.get("reasonSv"), p.get("reasonEn")));
            return "redirect:/admin/activities/" + activityId + "?paused";
        } catch (KohtaamoException.Invalid e) {
            response.setStatus(400);
            return activityPage(actor, service.activityForStaff(actor, activityId), lang, model,
                    e.errors().messages(messages, lang.locale()), p);
        }
    }

    @PostMapping("/admin/activities/{id}/pauses/{pauseId}/delete")
    String removePause(@PathVariable String id, @PathVariable String pauseId, Actor actor) {
        long activityId = idOrNotFound(id);
        service.removePause(actor, activityId, idOrNotFound(pauseId));
        return "redirect:/admin/activities/" + activityId + "?unpaused";
    }

    // ---- one occurrence: cancel, move, restore --------------------------------------------------

    @GetMapping("/admin/activities/{id}/occurrences/{date}")
    String occurrence(@PathVariable String id, @PathVariable String date, Actor actor, Lang lang, Model model) {
        ActivityQueries.Activity a = service.activityForStaff(actor, idOrNotFound(id));
        return occurrencePage(a, dateOrNotFound(date), lang, model, Map.of(), Map.of());
    }

    private String occurrencePage(ActivityQueries.Activity a, LocalDate date, Lang lang, Model model,
            Map<String, String> errors, Map<String, String> values) {
        Registry.StaffPlace place = place(a.placeId());
        Occurrence occurrence = calendar.occurrencesOf(a, place.municipalityCode(),
                date.minusDays(CalendarService.MAX_DAYS), date.plusDays(CalendarService.MAX_DAYS)).stream()
                .filter(o -> o.originalDate().equals(date)).findFirst()
                .orElseThrow(() -> new KohtaamoException.NotFound("occurrence " + a.id() + "/" + date));
        model.addAttribute("activity", a);
        model.addAttribute("place", place);
        model.addAttribute("occurrence", occurrence);
        model.addAttribute("errors", errors);
        model.addAttribute("values", values);
        return "calendar/admin/occurrence";
    }

    @PostMapping("/admin/activities/{id}/occurrences/{date}/cancel")
    String cancel(@PathVariable String id, @PathVariable String date, Actor actor, Lang lang,
            @RequestParam Map<String, String> p, Model model, HttpServletResponse response) {
        long activityId = idOrNotFound(id);
        service.requireChange(actor, activityId);
        LocalDate day = dateOrNotFound(date);
        try {
            service.cancelOccurrence(actor, activityId, day.toString(),
                    new ActivityService.LocalizedTextForm(p.get("reasonFi"), p.get("reasonSv"), p.get("reasonEn")));
            return "redirect:/admin/activities/" + activityId + "?changed";
        } catch (KohtaamoException.Invalid e) {
            response.setStatus(400);
            return occurrencePage(service.activityForStaff(actor, activityId), day, lang, model,
                    e.errors().messages(messages, lang.locale()), prefixed("cancel.", p));
        }
    }

    @PostMapping("/admin/activities/{id}/occurrences/{date}/move")
    String move(@PathVariable String id, @PathVariable String date, Actor actor, Lang lang,
            @RequestParam Map<String, String> p, Model model, HttpServletResponse response) {
        long activityId = idOrNotFound(id);
        service.requireChange(actor, activityId);
        LocalDate day = dateOrNotFound(date);
        try {
            service.moveOccurrence(actor, activityId, day.toString(), p.get("newDate"), p.get("newStart"),
                    p.get("newEnd"),
                    new ActivityService.LocalizedTextForm(p.get("reasonFi"), p.get("reasonSv"), p.get("reasonEn")));
            return "redirect:/admin/activities/" + activityId + "?changed";
        } catch (KohtaamoException.Invalid e) {
            response.setStatus(400);
            Map<String, String> errors = new LinkedHashMap<>();
            e.errors().messages(messages, lang.locale()).forEach((k, v) -> errors.put(k.startsWith("reason") ? "move" + k : k, v));
            return occurrencePage(service.activityForStaff(actor, activityId), day, lang, model, errors,
                    prefixed("move.", p));
        }
    }

    private static Map<String, String> prefixed(String prefix, Map<String, String> p) {
        Map<String, String> out = new LinkedHashMap<>();
        p.forEach((k, v) -> out.put(prefix + k, v));
        return out;
    }

    @PostMapping("/admin/activities/{id}/occurrences/{date}/restore")
    String restore(@PathVariable String id, @PathVariable String date, Actor actor) {
        long activityId = idOrNotFound(id);
        service.requireChange(actor, activityId);
        service.restoreOccurrence(actor, activityId, dateOrNotFound(date).toString());
        return "redirect:/admin/activities/" + activityId + "?changed";
    }
}
