package fi.kohtaamo.calendar.internal.admin;

import fi.kohtaamo.calendar.internal.SchoolHolidayForm;

import fi.kohtaamo.calendar.internal.ActivityQueries;
import fi.kohtaamo.calendar.internal.ActivityService;

import fi.kohtaamo.registry.Registry;
import fi.kohtaamo.shared.Actor;
import fi.kohtaamo.shared.KohtaamoException;
import fi.kohtaamo.shared.Lang;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
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

/** Coordinators keep the school holidays of their municipalities, per school language. */
@Controller
class SchoolHolidayAdminController {

    private final ActivityService service;
    private final ActivityQueries queries;
    private final MessageSource messages;

    SchoolHolidayAdminController(ActivityService service, ActivityQueries queries, MessageSource messages) {
        this.service = service;
        this.queries = queries;
        this.messages = messages;
    }

    @InitBinder
    void binder(WebDataBinder binder) {
        binder.initDirectFieldAccess();
    }

    /** One municipality's holidays, for the list. */
    record Group(Registry.MunicipalityRef municipality, List<ActivityQueries.SchoolHoliday> holidays) {
    }

    @GetMapping("/admin/school-holidays")
    String list(@RequestParam(required = false) String municipality, Actor actor, Model model) {
        List<Registry.MunicipalityRef> all = service.schoolHolidayMunicipalities(actor);
        String m = municipality == null || municipality.isBlank() ? null : municipality.strip();
        List<Registry.MunicipalityRef> shown = all.stream().filter(x -> m == null || x.code().equals(m)).toList();
        Map<String, List<ActivityQueries.SchoolHoliday>> byCode = new java.util.HashMap<>();
        for (ActivityQueries.SchoolHoliday h : queries.schoolHolidaysOf(shown.stream().map(Registry.MunicipalityRef::code).toList())) {
            byCode.computeIfAbsent(h.municipalityCode(), k -> new java.util.ArrayList<>()).add(h);
        }
        model.addAttribute("municipalities", all);
        model.addAttribute("municipality", m);
        model.addAttribute("groups", shown.stream().filter(x -> m != null || byCode.containsKey(x.code()))
                .map(x -> new Group(x, byCode.getOrDefault(x.code(), List.of()))).toList());
        return "calendar/admin/school-holidays";
    }

    @GetMapping("/admin/school-holidays/new")
    String newHoliday(@RequestParam(required = false) String municipality, Actor actor, Model model) {
        SchoolHolidayForm form = new SchoolHolidayForm();
        form.municipalityCode = municipality;
        return form(actor, model, form, null, Map.of());
    }

    @PostMapping("/admin/school-holidays")
    String create(Actor actor, Lang lang, @ModelAttribute("form") SchoolHolidayForm form, Model model,
            HttpServletResponse response) {
        try {
            service.createSchoolHoliday(actor, form);
            return "redirect:/admin/school-holidays?saved&municipality=" + form.municipalityCode.strip();
        } catch (KohtaamoException.Invalid e) {
            response.setStatus(400);
            return form(actor, model, form, null, e.errors().messages(messages, lang.locale()));
        }
    }

    @GetMapping("/admin/school-holidays/{id}")
    String edit(@PathVariable String id, Actor actor, Model model) {
        ActivityQueries.SchoolHoliday h = service.schoolHolidayForStaff(actor, ActivityAdminController.idOrNotFound(id));
        return form(actor, model, SchoolHolidayForm.of(h), h.id(), Map.of());
    }

    @PostMapping("/admin/school-holidays/{id}")
    String update(@PathVariable String id, Actor actor, Lang lang, @ModelAttribute("form") SchoolHolidayForm form,
            Model model, HttpServletResponse response) {
        long holidayId = ActivityAdminController.idOrNotFound(id);
        try {
            service.updateSchoolHoliday(actor, holidayId, form);
            return "redirect:/admin/school-holidays?saved&municipality=" + form.municipalityCode.strip();
        } catch (KohtaamoException.Invalid e) {
            response.setStatus(400);
            return form(actor, model, form, holidayId, e.errors().messages(messages, lang.locale()));
        }
    }

    @GetMapping("/admin/school-holidays/{id}/delete")
    String confirmDelete(@PathVariable String id, Actor actor, Model model) {
        ActivityQueries.SchoolHoliday h = service.schoolHolidayForStaff(actor, ActivityAdminController.idOrNotFound(id));
        model.addAttribute("holiday", h);
        return "calendar/admin/school-holiday-delete";
    }

    @PostMapping("/admin/school-holidays/{id}/delete")
    String delete(@PathVariable String id, Actor actor) {
        long holidayId = ActivityAdminController.idOrNotFound(id);
        String code = service.schoolHolidayForStaff(actor, holidayId).municipalityCode();
        service.deleteSchoolHoliday(actor, holidayId);
        return "redirect:/admin/school-holidays?deleted&municipality=" + code;
    }

    private String form(Actor actor, Model model, SchoolHolidayForm form, Long id, Map<String, String> errors) {
        model.addAttribute("municipalities", service.schoolHolidayMunicipalities(actor));
        model.addAttribute("form", form);
        model.addAttribute("holidayId", id);
        model.addAttribute("errors", errors);
        model.addAttribute("maxDays", SchoolHolidayForm.MAX_DAYS);
        return "calendar/admin/school-holiday-form";
    }
}
