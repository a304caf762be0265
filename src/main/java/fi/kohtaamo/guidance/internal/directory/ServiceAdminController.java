package fi.kohtaamo.guidance.internal.directory;

import fi.kohtaamo.guidance.ServiceAction;
import fi.kohtaamo.guidance.internal.directory.DirectoryModel.AccessMode;
import fi.kohtaamo.guidance.internal.directory.DirectoryModel.ChannelKind;
import fi.kohtaamo.guidance.internal.directory.DirectoryModel.Cost;
import fi.kohtaamo.guidance.internal.directory.DirectoryModel.Details;
import fi.kohtaamo.guidance.internal.directory.DirectoryModel.HoursKind;
import fi.kohtaamo.guidance.internal.directory.DirectoryModel.PhoneCharge;
import fi.kohtaamo.guidance.internal.directory.DirectoryModel.Status;
import fi.kohtaamo.registry.Registry;
import fi.kohtaamo.shared.AccessControl;
import fi.kohtaamo.shared.Actor;
import fi.kohtaamo.shared.KohtaamoException;
import fi.kohtaamo.shared.Lang;
import fi.kohtaamo.shared.LocalizedText;
import fi.kohtaamo.shared.Option;
import fi.kohtaamo.shared.PathIds;
import fi.kohtaamo.shared.StaffNavigation;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The directory's staff pages under {@code /admin/services}: the county's services with filters (type,
 * municipality, organisation, owner, status, not checked for six months) and the count of those not checked, the
 * service form (new and edit; a "more rows" button redraws the form with another empty row, storing nothing), a
 * reader's view, marking a service checked, and deleting after a confirmation page.
 */
@Controller
class ServiceAdminController {

    static final String BASE = "/admin/services";
    static final int PAGE = 100;
    private static final Pattern CHANNEL_KEY = Pattern.compile("^channels\\[([0-9]{1,4})\\]\\.(?:hours\\[([0-9]{1,4})\\]\\.)?.*$");

    private final DirectoryService service;
    private final ServiceEditQueries queries;
    private final ServiceEditViews views;
    private final ServiceAccess access;
    private final MessageSource messages;

    ServiceAdminController(DirectoryService service, ServiceEditQueries queries, ServiceEditViews views, ServiceAccess access,
            MessageSource messages) {
        this.service = service;
        this.queries = queries;
        this.views = views;
        this.access = access;
        this.messages = messages;
    }

    @Component
    static class Navigation implements StaffNavigation {
        @Override
        public List<Item> items(Actor actor) {
            return AccessControl.mayEver(actor, ServiceAction.READ) ? List.of(new Item("guidance.nav", BASE, 75))
                    : List.of();
        }
    }

    // ---- the list ---------------------------------------------------------------------------------

    @GetMapping(BASE)
    String list(@RequestParam Map<String, String> params, Actor actor, Lang lang, Model model) {
        long county = views.county(actor, params.get("county"));
        access.requireRead(actor, county);
        ServiceEditQueries.Filter filter = views.filter(county, params, service.uncheckedBefore());
        String rawPage = params.getOrDefault("page", "0");
        int page = rawPage.matches("^[0-9]{1,4}$") ? Integer.parseInt(rawPage) : 0;
        var rows = queries.rows(filter, PAGE + 1, page * PAGE);
        model.addAttribute("county", county);
        model.addAttribute("rows", rows.size() > PAGE ? rows.subList(0, PAGE) : rows);
        model.addAttribute("more", rows.size() > PAGE);
        model.addAttribute("page", page);
        model.addAttribute("params", params);
        model.addAttribute("unchecked", queries.countUnchecked(county, service.uncheckedBefore()));
        model.addAttribute("uncheckedBefore", service.uncheckedBefore());
        model.addAttribute("mayManage", access.mayManage(actor, county));
        model.addAttribute("mayManageNeeds", AccessControl.allows(actor, ServiceAction.NEED_MANAGE,
                fi.kohtaamo.shared.Target.county(county)));
        views.options(county, lang, model, null);
        return "guidance/admin-services";
    }

    // ---- new and edit -----------------------------------------------------------------------------

    @GetMapping(BASE + "/new")
    String newForm(@RequestParam(required = false) String county, Actor actor, Lang lang, Model model) {
        long c = views.county(actor, county);
        access.requireManage(actor, c);
        MultiValueMap<String, String> values = new LinkedMultiValueMap<>();
        values.add("serviceStatus", Status.ACTIVE.name());
        values.add("cost", Cost.FREE.name());
        values.add("accessMode", AccessMode.SELF_REFERRAL.name());
        return form(c, null, actor, lang, model, values, Map.of(), null);
    }

    @PostMapping(BASE)
    String create(@RequestParam MultiValueMap<String, String> form, Actor actor, Lang lang, Model model,
            HttpServletResponse response) {
        long c = views.county(actor, ServiceForm.one(form, "county"));
        access.requireManage(actor, c);
        if (form.containsKey("more")) {
            return form(c, null, actor, lang, model, form, Map.of(), ServiceForm.one(form, "more"));
        }
        try {
            long id = service.create(actor, c, form);
            return "redirect:" + BASE + "/" + id + "?saved";
        } catch (KohtaamoException.Invalid e) {
            response.setStatus(400);
            return form(c, null, actor, lang, model, form, e.errors().messages(messages, lang.locale()), null);
        }
    }

    @GetMapping(BASE + "/{id}")
    String edit(@PathVariable String id, Actor actor, Lang lang, Model model) {
        Details d = service.readable(actor, PathIds.orNotFound(id));
        if (!access.mayEdit(actor, d.service())) {
            model.addAttribute("d", d);
            views.options(d.service().countyId(), lang, model, d);
            return "guidance/admin-service";
        }
        return form(d.service().countyId(), d, actor, lang, model, ServiceForm.values(d), Map.of(), null);
    }

    @PostMapping(BASE + "/{id}")
    String update(@PathVariable String id, @RequestParam MultiValueMap<String, String> form, Actor actor, Lang lang,
            Model model, HttpServletResponse response) {
        long sid = PathIds.orNotFound(id);
        Details d = service.editable(actor, sid);
        if (form.containsKey("more")) {
            return form(d.service().countyId(), d, actor, lang, model, form, Map.of(), ServiceForm.one(form, "more"));
        }
        try {
            service.update(actor, sid, form);
            return "redirect:" + BASE + "/" + sid + "?saved";
        } catch (KohtaamoException.Invalid e) {
            response.setStatus(400);
            return form(d.service().countyId(), d, actor, lang, model, form,
                    e.errors().messages(messages, lang.locale()), null);
        }
    }

    private String form(long county, Details d, Actor actor, Lang lang, Model model,
            MultiValueMap<String, String> values, Map<String, String> errors, String more) {
        // rows: those the values have, one empty more, and one more where the "more rows" button asked for it
        int channels = 0;
        int[] hours = new int[ChannelForm.MAX_CHANNELS];
        int texts = 0;
        for (String key : values.keySet()) {
            Matcher m = CHANNEL_KEY.matcher(key);
            if (m.matches()) {
                int i = Math.min(Integer.parseInt(m.group(1)), ChannelForm.MAX_CHANNELS - 1);
                channels = Math.max(channels, i + 1);
                if (m.group(2) != null) {
                    hours[i] = Math.max(hours[i], Math.min(Integer.parseInt(m.group(2)) + 1, ChannelForm.MAX_HOURS - 1));
                }
            }
            Matcher t = ServiceForm.ROW.matcher(key);
            if (t.matches() && t.group(1).equals("texts")) {
                texts = Math.max(texts, Math.min(Integer.parseInt(t.group(2)) + 1, ServiceForm.MAX_TEXTS - 1));
            }
        }
        int channelSlots = Math.min(channels + 1 + ("channel".equals(more) ? 1 : 0), ChannelForm.MAX_CHANNELS);
        List<Integer> hoursSlots = new ArrayList<>();
        for (int i = 0; i < channelSlots; i++) {
            hoursSlots.add(Math.min(Math.max(hours[i] + 1, 2) + (("hours-" + i).equals(more) ? 1 : 0),
                    ChannelForm.MAX_HOURS));
        }
        model.addAttribute("d", d);
        model.addAttribute("countyId", county);
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("channelSlots", channelSlots);
        model.addAttribute("hoursSlots", hoursSlots);
        model.addAttribute("textSlots", Math.min(texts + 1 + ("text".equals(more) ? 1 : 0), ServiceForm.MAX_TEXTS));
        model.addAttribute("mayManage", access.mayManage(actor, county));
        model.addAttribute("accessModes", AccessMode.values());
        model.addAttribute("costs", Cost.values());
        model.addAttribute("statuses", Status.values());
        model.addAttribute("channelKinds", ChannelKind.values());
        model.addAttribute("phoneCharges", PhoneCharge.values());
        model.addAttribute("hoursKinds", HoursKind.values());
        model.addAttribute("commonLanguages", ServiceForm.COMMON_LANGUAGES.stream()
                .map(c -> new Option(c, Locale.forLanguageTag(c).getDisplayLanguage(lang.locale()), null)).toList());
        model.addAttribute("owners", service.owners(county).stream()
                .map(p -> new Option(String.valueOf(p.id()), p.name(), null)).toList());
        views.options(county, lang, model, d);
        return "guidance/service-form";
    }

    // ---- checked, deleted -------------------------------------------------------------------------

    @PostMapping(BASE + "/{id}/checked")
    String checked(@PathVariable String id, @RequestParam(required = false) String version, Actor actor) {
        long sid = PathIds.orNotFound(id);
        service.markChecked(actor, sid, version);
        return "redirect:" + BASE + "/" + sid + "?checked";
    }

    @GetMapping(BASE + "/{id}/delete")
    String confirmDelete(@PathVariable String id, Actor actor, Lang lang, Model model) {
        Details d = service.readable(actor, PathIds.orNotFound(id));
        access.requireManage(actor, d.service().countyId());
        Locale l = lang.locale();
        model.addAttribute("confirmTitle", messages.getMessage("guidance.delete.title", null, l));
        model.addAttribute("confirmSubject", d.service().name());
        model.addAttribute("confirmMessage", messages.getMessage("guidance.delete.message", null, l));
        model.addAttribute("confirmButton", messages.getMessage("guidance.delete.button", null, l));
        model.addAttribute("confirmAction", BASE + "/" + d.service().id() + "/delete?version=" + d.service().version());
        model.addAttribute("cancelUrl", BASE + "/" + d.service().id());
        return "admin/confirm";
    }

    @PostMapping(BASE + "/{id}/delete")
    String delete(@PathVariable String id, @RequestParam(required = false) String version, Actor actor) {
        long sid = PathIds.orNotFound(id);
        long county = queries.service(sid).map(DirectoryModel.Service::countyId)
                .orElseThrow(() -> new KohtaamoException.NotFound("service " + sid));
        service.delete(actor, sid, version);
        return "redirect:" + BASE + "?county=" + county + "&deleted";
    }
}
