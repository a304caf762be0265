package fi.kohtaamo.outreach.internal;

import fi.kohtaamo.outreach.OutreachAction;
import fi.kohtaamo.outreach.internal.OutreachQueries.Catalogue;
import fi.kohtaamo.registry.Registry;
import fi.kohtaamo.shared.AccessControl;
import fi.kohtaamo.shared.Actor;
import fi.kohtaamo.shared.KohtaamoException;
import fi.kohtaamo.shared.Lang;
import fi.kohtaamo.shared.StaffNavigation;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
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
 * Coordinators' outreach pages: the county's professions and topics, partners and settings, and the
 * orientation for outreach workers, which partners read and acknowledge here.
 */
@Controller
class OutreachAdminController {

    private final OutreachService service;
    private final OutreachSetup outreachSetup;
    private final Registry registry;
    private final MessageSource messages;
    private final OutreachViews views;

    OutreachAdminController(OutreachService service, OutreachSetup outreachSetup, Registry registry, MessageSource messages, OutreachViews views) {
        this.views = views;
        this.service = service;
        this.outreachSetup = outreachSetup;
        this.registry = registry;
        this.messages = messages;
    }

    /** The staff links of outreach: visits for places and partners, the coordination view for coordinators. */
    @Component
    static class Navigation implements StaffNavigation {
        @Override
        public List<Item> items(Actor actor) {
            List<Item> items = new ArrayList<>();
            if (AccessControl.mayEver(actor, OutreachAction.VISIT_HOST) || AccessControl.mayEver(actor, OutreachAction.VISIT_BOOK)) {
                items.add(new Item("outreach.nav", "/admin/outreach", 40));
            }
            if (AccessControl.mayEver(actor, OutreachAction.COORDINATION_VIEW)) {
                items.add(new Item("outreachCoord.nav", "/admin/outreach/coordination", 42));
            }
            return items;
        }
    }

    /** The county a page is about: the coordinator's own, or the one asked for (administrators, partners). */
    private long county(Actor actor, String raw) {
        if (raw != null && raw.matches("^[0-9]{1,18}$")) {
            long c = Long.parseLong(raw);
            if (registry.county(c).isEmpty()) {
                throw new KohtaamoException.NotFound("county " + c);
            }
            return c;
        }
        if (raw != null && !raw.isBlank()) {
            throw new KohtaamoException.BadParameter("county");
        }
        if (actor.countyId() != null) {
            return actor.countyId();
        }
        if (actor.areaId() != null) {
            return registry.countyOfArea(actor.areaId()).orElseThrow(() -> new KohtaamoException.NotFound("county"));
        }
        if (AccessControl.mayEver(actor, OutreachAction.VISIT_BOOK)) {
            return service.partnerships(actor).stream().map(OutreachQueries.Partner::countyId).findFirst()
                    .orElseThrow(() -> new KohtaamoException.NotFound("county"));
        }
        return registry.counties().stream().map(Registry.Ref::id).findFirst()
                .orElseThrow(() -> new KohtaamoException.NotFound("county"));
    }

    // ---- orientation ----------------------------------------------------------------------------

    @GetMapping("/admin/outreach/orientation")
    String orientation(@RequestParam(required = false) String county, Actor actor, Model model) {
        if (!AccessControl.mayEver(actor, OutreachAction.VISIT_HOST) && !AccessControl.mayEver(actor, OutreachAction.VISIT_BOOK)) {
            throw new KohtaamoException.Forbidden("OUTREACH");
        }
        long c = county(actor, county);
        model.addAttribute("county", registry.county(c).orElseThrow());
        model.addAttribute("orientation", outreachSetup.orientation(c).orElse(null));
        model.addAttribute("partner", service.partnership(actor, c).isPresent());
        model.addAttribute("acknowledgement", outreachSetup.acknowledgement(actor, c).orElse(null));
        model.addAttribute("mayEdit", AccessControl.allows(actor, OutreachAction.CATALOGUE_MANAGE, fi.kohtaamo.shared.Target.county(c)));
        return "outreach/orientation";
    }

    @PostMapping("/admin/outreach/orientation/acknowledge")
    String acknowledge(@RequestParam Map<String, String> p, Actor actor) {
        long c = county(actor, p.get("county"));
        outreachSetup.acknowledge(actor, c, p.get("version"));
        return "redirect:/admin/outreach/orientation?county=" + c + "&acknowledged";
    }

    @GetMapping("/admin/outreach/orientation/edit")
    String editOrientation(@RequestParam(required = false) String county, Actor actor, Model model) {
        long c = outreachSetup.requireCatalogue(actor, county(actor, county));
        Map<String, String> values = new LinkedHashMap<>();
        outreachSetup.orientation(c).ifPresent(o -> {
            values.put("titleFi", o.title().fi());
            values.put("titleSv", o.title().sv());
            values.put("titleEn", o.title().en());
            values.put("bodyFi", o.body().fi());
            values.put("bodySv", o.body().sv());
            values.put("bodyEn", o.body().en());
            values.put("version", String.valueOf(o.version()));
        });
        model.addAttribute("county", registry.county(c).orElseThrow());
        model.addAttribute("values", values);
        model.addAttribute("errors", Map.of());
        return "outreach/orientation-form";
    }

    @PostMapping("/admin/outreach/orientation/edit")
    String saveOrientation(@RequestParam Map<String, String> p, Actor actor, Lang lang, Model model,
            HttpServletResponse response) {
        long c = outreachSetup.requireCatalogue(actor, county(actor, p.get("county")));
        try {
            outreachSetup.saveOrientation(actor, c, p);
            return "redirect:/admin/outreach/orientation?county=" + c + "&saved";
        } catch (KohtaamoException.Invalid e) {
            response.setStatus(400);
            model.addAttribute("county", registry.county(c).orElseThrow());
            model.addAttribute("values", p);
            model.addAttribute("errors", e.errors().messages(messages, lang.locale()));
            return "outreach/orientation-form";
        }
    }

    // ---- catalogue, partners, settings -----------------------------------------------------------

    @GetMapping("/admin/outreach/catalogue")
    String catalogue(@RequestParam(required = false) String county, Actor actor, Lang lang, Model model) {
        long c = outreachSetup.requireCatalogue(actor, county(actor, county));
        return cataloguePage(c, lang, model, null, Map.of(), Map.of());
    }

    /** The page with one of its two lists' entries in the editor ({@code catalogue :: editor}'s edit link). */
    @GetMapping("/admin/outreach/catalogue/{kind}")
    String catalogueEntry(@PathVariable String kind, @RequestParam(required = false) String county,
            @RequestParam(required = false) String edit, Actor actor, Lang lang, Model model) {
        long c = outreachSetup.requireCatalogue(actor, county(actor, county));
        Catalogue cat = kind(kind);
        return cataloguePage(c, lang, model, kind, outreachSetup.itemValues(cat, c, edit), Map.of());
    }

    private String cataloguePage(long c, Lang lang, Model model, String form, Map<String, String> values,
            Map<String, String> errors) {
        model.addAttribute("county", registry.county(c).orElseThrow());
        model.addAttribute("counties", registry.counties());
        model.addAttribute("professions", outreachSetup.items(Catalogue.PROFESSION, c));
        model.addAttribute("topics", outreachSetup.items(Catalogue.TOPIC, c));
        Map<Long, Registry.Ref> organisations = new LinkedHashMap<>();
        registry.organisations(c).forEach(o -> organisations.put(o.id(), o));
        List<Map<String, Object>> partners = new ArrayList<>();
        for (OutreachQueries.Partner p : outreachSetup.partnersOf(c)) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("partner", p);
            row.put("name", registry.organisation(p.organisationId()).map(Registry.Ref::name).orElse(null));
            partners.add(row);
        }
        model.addAttribute("partners", partners);
        model.addAttribute("organisations", OutreachViews.refs(List.copyOf(organisations.values()), lang));
        model.addAttribute("kinds", views.messages("outreach.partnerKind.",
                List.of("WELLBEING_SERVICES", "PARISH_DIACONIA", "NGO", "OTHER"), lang));
        model.addAttribute("repeatWeeks", outreachSetup.topicRepeatWeeks(c));
        model.addAttribute("form", form);
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("none", Map.of());
        model.addAttribute("catalogueEdits", true);
        return "outreach/catalogue";
    }

    private static Catalogue kind(String raw) {
        return switch (raw) {
            case "professions" -> Catalogue.PROFESSION;
            case "topics" -> Catalogue.TOPIC;
            default -> throw new KohtaamoException.NotFound(raw);
        };
    }

    /** Runs a catalogue-page write: back to the page when saved, the page with the errors (400) when not. */
    private String save(long c, String form, Map<String, String> p, Lang lang, Model model, HttpServletResponse response,
            Runnable write) {
        try {
            write.run();
            return "redirect:/admin/outreach/catalogue?county=" + c + "&saved";
        } catch (KohtaamoException.Invalid e) {
            response.setStatus(400);
            return cataloguePage(c, lang, model, form, p, e.errors().messages(messages, lang.locale()));
        } catch (KohtaamoException.Conflict e) {
            response.setStatus(409);
            model.addAttribute("stale", form);
            return cataloguePage(c, lang, model, null, Map.of(), Map.of());
        }
    }

    @PostMapping("/admin/outreach/catalogue/{kind}")
    String saveItem(@PathVariable String kind, @RequestParam Map<String, String> p, Actor actor, Lang lang, Model model,
            HttpServletResponse response) {
        long c = outreachSetup.requireCatalogue(actor, county(actor, p.get("county")));
        Catalogue cat = kind(kind);
        Long id = p.get("id") == null || p.get("id").isBlank() ? null : OutreachPageController.id(p.get("id"));
        return save(c, kind, p, lang, model, response, () -> outreachSetup.saveItem(actor, cat, c, id, p));
    }

    @PostMapping("/admin/outreach/catalogue/{kind}/{id}/move")
    String moveItem(@PathVariable String kind, @PathVariable String id, @RequestParam Map<String, String> p,
            Actor actor, Lang lang, Model model, HttpServletResponse response) {
        long c = outreachSetup.requireCatalogue(actor, county(actor, p.get("county")));
        Catalogue cat = kind(kind);
        long itemId = OutreachPageController.id(id);
        return save(c, kind, Map.of(), lang, model, response, () -> outreachSetup.moveItem(actor, cat, c, itemId, p));
    }

    @PostMapping("/admin/outreach/catalogue/{kind}/{id}/delete")
    String deleteItem(@PathVariable String kind, @PathVariable String id, @RequestParam Map<String, String> p,
            Actor actor, Lang lang, Model model, HttpServletResponse response) {
        long c = outreachSetup.requireCatalogue(actor, county(actor, p.get("county")));
        Catalogue cat = kind(kind);
        long itemId = OutreachPageController.id(id);
        return save(c, kind, outreachSetup.itemValues(cat, c, id), lang, model, response,
                () -> outreachSetup.deleteItem(actor, cat, c, itemId, p));
    }

    @PostMapping("/admin/outreach/partners")
    String savePartner(@RequestParam Map<String, String> p, Actor actor, Lang lang, Model model,
            HttpServletResponse response) {
        long c = outreachSetup.requireCatalogue(actor, county(actor, p.get("county")));
        return save(c, "partner", p, lang, model, response, () -> outreachSetup.savePartner(actor, c, p));
    }

    @PostMapping("/admin/outreach/partners/{organisationId}/delete")
    String removePartner(@PathVariable String organisationId, @RequestParam Map<String, String> p, Actor actor) {
        long c = outreachSetup.requireCatalogue(actor, county(actor, p.get("county")));
        outreachSetup.removePartner(actor, c, OutreachPageController.id(organisationId));
        return "redirect:/admin/outreach/catalogue?county=" + c + "&saved";
    }

    @PostMapping("/admin/outreach/settings")
    String saveSettings(@RequestParam Map<String, String> p, Actor actor, Lang lang, Model model,
            HttpServletResponse response) {
        long c = outreachSetup.requireCatalogue(actor, county(actor, p.get("county")));
        return save(c, "settings", p, lang, model, response, () -> outreachSetup.saveSettings(actor, c, p));
    }
}
