package fi.kohtaamo.coordination.internal.criteria;

import fi.kohtaamo.coordination.CriteriaAction;
import fi.kohtaamo.coordination.internal.criteria.CriteriaQueries.Assessment;
import fi.kohtaamo.registry.Registry;
import fi.kohtaamo.shared.AccessControl;
import fi.kohtaamo.shared.Actor;
import fi.kohtaamo.shared.KohtaamoException;
import fi.kohtaamo.shared.Lang;
import fi.kohtaamo.shared.Option;
import fi.kohtaamo.shared.PathIds;
import fi.kohtaamo.shared.StaffNavigation;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Staff pages of THL's criteria under {@code /admin/criteria}: the coordinators' overview (places × criteria of
 * a county or area, change from the previous year, places not assessed) or, for staff, their places; a place's
 * self-assessment with the peers' assessments beside it; a peer's form; the county's wording and rule.
 */
@Controller
class CriteriaPageController {

    private final CriteriaService service;
    private final Registry registry;
    private final MessageSource messages;
    private final Clock clock;

    CriteriaPageController(CriteriaService service, Registry registry, MessageSource messages, Clock clock) {
        this.service = service;
        this.registry = registry;
        this.messages = messages;
        this.clock = clock;
    }

    @Component
    static class Navigation implements StaffNavigation {
        @Override
        public List<Item> items(Actor actor) {
            return AccessControl.mayEver(actor, CriteriaAction.OVERVIEW) || AccessControl.mayEver(actor, CriteriaAction.ASSESS)
                    || AccessControl.mayEver(actor, CriteriaAction.PEER_ASSESS)
                    ? List.of(new Item("criteria.nav", "/admin/criteria", 52)) : List.of();
        }
    }

    private int year(String raw) {
        int now = LocalDate.now(clock).getYear();
        if (raw == null || raw.isBlank()) {
            return now;
        }
        if (!raw.strip().matches("^[0-9]{4}$")) {
            throw new KohtaamoException.BadParameter("year");
        }
        int y = Integer.parseInt(raw.strip());
        if (y < 2000 || y > now) {
            throw new KohtaamoException.BadParameter("year");
        }
        return y;
    }

    private static Long optionalId(String raw, String name) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        if (!raw.strip().matches("^[0-9]{1,18}$")) {
            throw new KohtaamoException.BadParameter(name);
        }
        return Long.parseLong(raw.strip());
    }

    /** The county a coordinator's page is about: the one asked for, else their own (their area's). */
    private long county(Actor actor, String raw) {
        Long c = optionalId(raw, "county");
        if (c != null) {
            if (registry.county(c).isEmpty()) {
                throw new KohtaamoException.NotFound("county " + c);
            }
            return c;
        }
        if (actor.countyId() != null) {
            return actor.countyId();
        }
        if (actor.areaId() != null) {
            return registry.countyOfArea(actor.areaId()).orElseThrow(() -> new KohtaamoException.NotFound("county"));
        }
        if (actor.organisationId() != null) {
            Optional<Long> o = registry.countyOfOrganisation(actor.organisationId());
            if (o.isPresent()) {
                return o.get();
            }
        }
        return registry.counties().stream().map(Registry.Ref::id).findFirst()
                .orElseThrow(() -> new KohtaamoException.NotFound("county"));
    }

    // ---- overview -------------------------------------------------------------------------------

    @GetMapping("/admin/criteria")
    String overview(@RequestParam(required = false) String county, @RequestParam(required = false) String area,
            @RequestParam(required = false) String year, Actor actor, Lang lang, Model model) {
        boolean coordinator = AccessControl.mayEver(actor, CriteriaAction.OVERVIEW);
        if (!coordinator && !AccessControl.mayEver(actor, CriteriaAction.ASSESS)
                && !AccessControl.mayEver(actor, CriteriaAction.PEER_ASSESS)) {
            throw new KohtaamoException.Forbidden(CriteriaAction.OVERVIEW.name());
        }
        int y = year(year);
        long c = county(actor, county);
        model.addAttribute("year", y);
        model.addAttribute("years", yearOptions());
        model.addAttribute("county", registry.county(c).orElseThrow());
        model.addAttribute("coordinator", coordinator);
        model.addAttribute("mayManage", AccessControl.mayEver(actor, CriteriaAction.MANAGE));
        if (coordinator) {
            Long a = optionalId(area, "area");
            model.addAttribute("overview", service.overview(actor, c, a, y));
            model.addAttribute("areas", registry.areas(c).stream()
                    .map(r -> Option.of(String.valueOf(r.id()), r.name(), lang)).toList());
            model.addAttribute("area", a == null ? "" : a.toString());
        } else {
            model.addAttribute("criteria", service.texts(c));
            model.addAttribute("places", registry.placesInScope(AccessControl.scope(actor, CriteriaAction.ASSESS)));
        }
        return "coordination/criteria";
    }

    private List<Integer> yearOptions() {
        int now = LocalDate.now(clock).getYear();
        List<Integer> out = new ArrayList<>();
        for (int y = now; y >= now - 5; y--) {
            out.add(y);
        }
        return out;
    }

    // ---- a place's assessment ------------------------------------------------------------------

    @GetMapping("/admin/criteria/places/{id}")
    String place(@PathVariable String id, @RequestParam(required = false) String year, Actor actor, Lang lang,
            Model model) {
        long placeId = PathIds.orNotFound(id);
        boolean self = service.mayAssess(actor, placeId);
        boolean peer = service.mayPeerAssess(actor, placeId);
        if (!self && !peer) {
            throw new KohtaamoException.Forbidden(CriteriaAction.ASSESS.name());
        }
        int y = year(year);
        return placePage(actor, model, placeId, y, self, peer, null, Map.of(), Map.of());
    }

    private String placePage(Actor actor, Model model, long placeId, int year, boolean self, boolean peer,
            String form, Map<String, String> values, Map<String, String> errors) {
        long countyId = registry.placeTarget(placeId).map(t -> t.countyId()).orElseThrow();
        Optional<Assessment> own = service.self(placeId, year);
        model.addAttribute("place", registry.place(placeId).orElseThrow());
        model.addAttribute("placeId", placeId);
        model.addAttribute("year", year);
        model.addAttribute("years", yearOptions());
        model.addAttribute("criteria", service.texts(countyId));
        model.addAttribute("mayAssess", self);
        model.addAttribute("mayPeer", peer);
        model.addAttribute("self", own.orElse(null));
        // peers' assessments are shown beside the self-assessment to those who read the place's own
        model.addAttribute("peers", self ? service.peers(placeId, year) : List.of());
        model.addAttribute("status", self ? service.status(placeId).orElse(null) : null);
        model.addAttribute("form", form);
        model.addAttribute("selfValues", "self".equals(form) ? values : values(own));
        model.addAttribute("peerValues", "peer".equals(form) ? values
                : peer ? values(service.ownPeer(actor, placeId, year)) : Map.of());
        model.addAttribute("errors", errors);
        return "coordination/criteria-place";
    }

    private static Map<String, String> values(Optional<Assessment> a) {
        Map<String, String> v = new HashMap<>();
        a.ifPresent(x -> {
            v.put("version", String.valueOf(x.version()));
            x.scores().forEach((n, s) -> {
                v.put("score" + n, String.valueOf(s.score()));
                v.put("evidence" + n, s.evidence());
                v.put("target" + n, s.target());
            });
        });
        return v;
    }

    @PostMapping("/admin/criteria/places/{id}/self")
    String saveSelf(@PathVariable String id, @RequestParam Map<String, String> p, Actor actor, Lang lang, Model model,
            HttpServletResponse response) {
        long placeId = PathIds.orNotFound(id);
        service.requireAssess(actor, placeId);
        try {
            service.saveSelf(actor, placeId, p);
            return "redirect:/admin/criteria/places/" + placeId + "?year=" + p.get("year") + "&saved";
        } catch (KohtaamoException.Invalid e) {
            response.setStatus(400);
            return placePage(actor, model, placeId, safeYear(p.get("year")), true, service.mayPeerAssess(actor, placeId),
                    "self", p, e.errors().messages(messages, lang.locale()));
        } catch (KohtaamoException.Conflict e) {
            response.setStatus(409);
            model.addAttribute("stale", true);
            return placePage(actor, model, placeId, safeYear(p.get("year")), true, service.mayPeerAssess(actor, placeId),
                    null, Map.of(), Map.of());
        }
    }

    @PostMapping("/admin/criteria/places/{id}/peer")
    String savePeer(@PathVariable String id, @RequestParam Map<String, String> p, Actor actor, Lang lang, Model model,
            HttpServletResponse response) {
        long placeId = PathIds.orNotFound(id);
        if (!service.mayPeerAssess(actor, placeId)) {
            throw new KohtaamoException.Forbidden(CriteriaAction.PEER_ASSESS.name());
        }
        try {
            service.savePeer(actor, placeId, p);
            return "redirect:/admin/criteria/places/" + placeId + "?year=" + p.get("year") + "&saved";
        } catch (KohtaamoException.Invalid e) {
            response.setStatus(400);
            return placePage(actor, model, placeId, safeYear(p.get("year")), service.mayAssess(actor, placeId), true,
                    "peer", p, e.errors().messages(messages, lang.locale()));
        } catch (KohtaamoException.Conflict e) {
            response.setStatus(409);
            model.addAttribute("stale", true);
            return placePage(actor, model, placeId, safeYear(p.get("year")), service.mayAssess(actor, placeId), true,
                    null, Map.of(), Map.of());
        }
    }

    /** The year a refused form was about, when it can be read; else this year. */
    private int safeYear(String raw) {
        try {
            return year(raw);
        } catch (KohtaamoException e) {
            return LocalDate.now(clock).getYear();
        }
    }

    // ---- texts and rule -------------------------------------------------------------------------

    @GetMapping("/admin/criteria/settings")
    String settings(@RequestParam(required = false) String county, Actor actor, Model model) {
        long c = service.requireManage(actor, county(actor, county));
        return settingsPage(model, c, null, Map.of(), Map.of());
    }

    private String settingsPage(Model model, long countyId, String form, Map<String, String> values,
            Map<String, String> errors) {
        model.addAttribute("county", registry.county(countyId).orElseThrow());
        model.addAttribute("rule", service.rule(countyId).orElse(null));
        model.addAttribute("criteria", service.texts(countyId));
        Map<String, String> texts = new HashMap<>();
        if ("texts".equals(form)) {
            texts.putAll(values);
        } else {
            for (var c : service.texts(countyId)) {
                texts.put("name" + c.number() + "Fi", c.name().fi());
                texts.put("name" + c.number() + "Sv", c.name().sv());
                texts.put("name" + c.number() + "En", c.name().en());
                texts.put("description" + c.number() + "Fi", c.description().fi());
                texts.put("description" + c.number() + "Sv", c.description().sv());
                texts.put("description" + c.number() + "En", c.description().en());
            }
        }
        model.addAttribute("texts", texts);
        model.addAttribute("form", form);
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        return "coordination/criteria-settings";
    }

    @PostMapping("/admin/criteria/rule")
    String saveRule(@RequestParam Map<String, String> p, Actor actor, Lang lang, Model model,
            HttpServletResponse response) {
        long c = service.requireManage(actor, county(actor, p.get("county")));
        try {
            service.saveRule(actor, c, p);
            return "redirect:/admin/criteria/settings?county=" + c + "&saved";
        } catch (KohtaamoException.Invalid e) {
            response.setStatus(400);
            return settingsPage(model, c, "rule", p, e.errors().messages(messages, lang.locale()));
        } catch (KohtaamoException.Conflict e) {
            response.setStatus(409);
            model.addAttribute("stale", true);
            return settingsPage(model, c, null, Map.of(), Map.of());
        }
    }

    @PostMapping("/admin/criteria/texts")
    String saveTexts(@RequestParam Map<String, String> p, Actor actor, Lang lang, Model model,
            HttpServletResponse response) {
        long c = service.requireManage(actor, county(actor, p.get("county")));
        try {
            service.saveTexts(actor, c, p);
            return "redirect:/admin/criteria/settings?county=" + c + "&saved";
        } catch (KohtaamoException.Invalid e) {
            response.setStatus(400);
            return settingsPage(model, c, "texts", p, e.errors().messages(messages, lang.locale()));
        }
    }
}
