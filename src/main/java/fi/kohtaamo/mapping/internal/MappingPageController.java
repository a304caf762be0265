package fi.kohtaamo.mapping.internal;

import fi.kohtaamo.mapping.MappingAction;
import fi.kohtaamo.mapping.internal.MappingModel.Activity;
import fi.kohtaamo.mapping.internal.MappingModel.Answer;
import fi.kohtaamo.mapping.internal.MappingModel.NameType;
import fi.kohtaamo.mapping.internal.MappingModel.Round;
import fi.kohtaamo.mapping.internal.MappingModel.Values;
import fi.kohtaamo.registry.AccessibilityFeature;
import fi.kohtaamo.registry.FundingSource;
import fi.kohtaamo.registry.PremisesOwnership;
import fi.kohtaamo.registry.PremisesType;
import fi.kohtaamo.registry.Registry;
import fi.kohtaamo.registry.TargetGroup;
import fi.kohtaamo.shared.AccessControl;
import fi.kohtaamo.shared.Actor;
import fi.kohtaamo.shared.KohtaamoException;
import fi.kohtaamo.shared.Lang;
import fi.kohtaamo.shared.PathIds;
import fi.kohtaamo.shared.Role;
import fi.kohtaamo.shared.Spreadsheet;
import fi.kohtaamo.shared.StaffNavigation;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
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
 * Mapping's staff pages under {@code /admin/mapping}: the rounds and one's own open questionnaires, opening a round,
 * a round's answers (who has answered), closing it, a questionnaire, and the summary with its XLSX and PDF.
 */
@Controller
class MappingPageController {

    static final String BASE = "/admin/mapping";

    private final MappingService service;
    private final SummaryViews summaries;
    private final Registry registry;
    private final MessageSource messages;

    MappingPageController(MappingService service, SummaryViews summaries, Registry registry, MessageSource messages) {
        this.service = service;
        this.summaries = summaries;
        this.registry = registry;
        this.messages = messages;
    }

    @Component
    static class Navigation implements StaffNavigation {
        @Override
        public List<Item> items(Actor actor) {
            return AccessControl.mayEver(actor, MappingAction.ANSWER) || AccessControl.mayEver(actor, MappingAction.ROUND_READ)
                    ? List.of(new Item("mapping.nav", BASE, 85)) : List.of();
        }
    }

    @GetMapping(BASE)
    String index(Actor actor, Lang lang, Model model) {
        if (!AccessControl.mayEver(actor, MappingAction.ANSWER) && !AccessControl.mayEver(actor, MappingAction.ROUND_READ)) {
            throw new KohtaamoException.Forbidden(MappingAction.ROUND_READ.name());
        }
        return index(actor, lang, model, Map.of(), Map.of());
    }

    private String index(Actor actor, Lang lang, Model model, Map<String, String> values, Map<String, String> errors) {
        model.addAttribute("rounds", service.rounds(actor));
        model.addAttribute("mine", service.myQuestionnaires(actor));
        model.addAttribute("mayOpen", AccessControl.mayEver(actor, MappingAction.ROUND_MANAGE));
        model.addAttribute("national", actor.role() == Role.ADMIN);
        model.addAttribute("counties", actor.role() == Role.ADMIN ? registry.counties()
                : actor.countyId() != null && actor.role() == Role.COUNTY_COORDINATOR
                        ? registry.county(actor.countyId()).map(List::of).orElse(List.of()) : List.of());
        model.addAttribute("organisations", actor.role() == Role.COUNTY_COORDINATOR ? List.of()
                : actor.role() == Role.ADMIN ? registry.organisationsOfType(fi.kohtaamo.registry.OrganisationType.NATIONAL_ORGANISATION)
                : actor.organisations().stream().sorted().map(registry::organisation).flatMap(Optional::stream).toList());
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("today", service.today());
        return "mapping/index";
    }

    @PostMapping(BASE + "/rounds")
    String open(@RequestParam Map<String, String> form, Actor actor, Lang lang, Model model, HttpServletResponse response) {
        try {
            long id = service.openRound(actor, form.get("scope"), form.get("countyId"), form.get("organisationId"),
                    form.get("title"), form.get("deadline"));
            return "redirect:" + BASE + "/rounds/" + id;
        } catch (KohtaamoException.Invalid e) {
            response.setStatus(400);
            return index(actor, lang, model, form, e.errors().messages(messages, lang.locale()));
        }
    }

    @GetMapping(BASE + "/rounds/{id}")
    String round(@PathVariable String id, Actor actor, Lang lang, Model model) {
        Round r = service.round(actor, PathIds.orNotFound(id), MappingAction.ROUND_READ);
        model.addAttribute("round", r);
        model.addAttribute("answers", service.answers(r));
        model.addAttribute("mayManage", AccessControl.allows(actor, MappingAction.ROUND_MANAGE, r.target()) && !r.closed());
        model.addAttribute("scopeName", scopeName(r, lang));
        return "mapping/round";
    }

    @PostMapping(BASE + "/rounds/{id}/close")
    String close(@PathVariable String id, @RequestParam(required = false) String version, Actor actor) {
        long rid = PathIds.orNotFound(id);
        service.closeRound(actor, rid, version);
        return "redirect:" + BASE + "/rounds/" + rid;
    }

    // ---- questionnaires -------------------------------------------------------------------------

    @GetMapping(BASE + "/answers/{id}")
    String questionnaire(@PathVariable String id, Actor actor, Lang lang, Model model) {
        Answer a = service.questionnaire(actor, PathIds.orNotFound(id));
        return questionnaire(a, null, actor, lang, model, Map.of());
    }

    private String questionnaire(Answer a, MultiValueMap<String, String> sent, Actor actor, Lang lang, Model model,
            Map<String, String> errors) {
        Round r = service.roundOf(a);
        var profile = service.profile(a);
        Values v = service.prefill(r, a, profile);
        model.addAttribute("round", r);
        model.addAttribute("answer", a);
        Map<String, String> val = new java.util.HashMap<>();
        Map<String, Set<String>> multi = new java.util.HashMap<>();
        if (sent != null) {
            sent.forEach((k, list) -> {
                val.put(k, list.isEmpty() ? null : list.get(0));
                multi.put(k, Set.copyOf(list.stream().filter(x -> x != null).toList()));
            });
        } else {
            val.put("version", "" + a.version());
            val.put("placeVersion", "" + profile.map(p -> p.version()).orElse(0));
            val.put("nameType", v.nameType() == null ? null : v.nameType().name());
            val.put("monthlyVisits", str(v.monthlyVisits()));
            val.put("employees", str(v.employees()));
            val.put("wageSubsidyStaff", str(v.wageSubsidyStaff()));
            val.put("interns", str(v.interns()));
            val.put("volunteers", str(v.volunteers()));
            val.put("openingDays", str(v.openingDays()));
            val.put("evenings", str(v.evenings()));
            val.put("weekends", str(v.weekends()));
            val.put("fullyAccessible", str(v.fullyAccessible()));
            val.put("premisesType", v.premisesType() == null ? null : v.premisesType().name());
            val.put("premisesOwnership", v.premisesOwnership() == null ? null : v.premisesOwnership().name());
            val.put("partnersText", v.partnersText());
            multi.put("targetGroups", names(v.targetGroups()));
            multi.put("activities", names(v.activities()));
            multi.put("funding", names(v.funding()));
            multi.put("features", names(profile.map(p -> p.accessibility()).orElse(Set.of())));
            multi.put("partnerIds", Set.copyOf(v.partnerIds().stream().map(String::valueOf).toList()));
        }
        model.addAttribute("val", val);
        model.addAttribute("multi", multi);
        model.addAttribute("visitsCounted", service.countedVisits(r, a.placeId()).isPresent());
        model.addAttribute("registryKnown", profile.isPresent());
        model.addAttribute("errors", errors);
        model.addAttribute("nameTypes", NameType.values());
        model.addAttribute("targetGroups", TargetGroup.values());
        model.addAttribute("activities", Activity.values());
        model.addAttribute("premisesTypes", PremisesType.values());
        model.addAttribute("ownerships", PremisesOwnership.values());
        model.addAttribute("accessibilityFeatures", AccessibilityFeature.values());
        model.addAttribute("fundingSources", FundingSource.values());
        model.addAttribute("partners", registry.organisations(a.countyId()));
        model.addAttribute("editable", !r.closed());
        return "mapping/questionnaire";
    }

    private static String str(Object o) {
        return o == null ? null : String.valueOf(o);
    }

    private static Set<String> names(Set<? extends Enum<?>> set) {
        return set == null ? Set.of() : Set.copyOf(set.stream().map(Enum::name).toList());
    }

    @PostMapping(BASE + "/answers/{id}")
    String answer(@PathVariable String id, @RequestParam MultiValueMap<String, String> form, Actor actor, Lang lang,
            Model model, HttpServletResponse response) {
        long aid = PathIds.orNotFound(id);
        try {
            service.answer(actor, aid, form);
            return "redirect:" + BASE + "/answers/" + aid + "?saved";
        } catch (KohtaamoException.Invalid e) {
            response.setStatus(400);
            return questionnaire(service.questionnaire(actor, aid), form, actor, lang, model,
                    e.errors().messages(messages, lang.locale()));
        }
    }

    // ---- the summary ----------------------------------------------------------------------------

    @GetMapping(BASE + "/rounds/{id}/summary")
    String summary(@PathVariable String id, @RequestParam(required = false) String county,
            @RequestParam(required = false) String district, Actor actor, Lang lang, Model model) {
        Round r = service.round(actor, PathIds.orNotFound(id), MappingAction.ROUND_READ);
        List<Answer> answers = service.answers(r);
        Optional<Round> previous = service.previous(r);
        model.addAttribute("round", r);
        model.addAttribute("previous", previous.orElse(null));
        model.addAttribute("scopeName", scopeName(r, lang));
        model.addAttribute("views", summaries.views(answers, previous.map(service::answers).orElse(null),
                filter(answers, county, district), lang));
        model.addAttribute("countyOptions", answers.stream().filter(Answer::answered)
                .map(a -> Map.entry(a.countyId(), a.countyName())).distinct().sorted(Map.Entry.comparingByValue()).toList());
        model.addAttribute("districtOptions", answers.stream().filter(Answer::answered).map(Answer::districtName)
                .filter(d -> d != null).distinct().sorted().toList());
        model.addAttribute("county", county);
        model.addAttribute("district", district);
        model.addAttribute("answered", answers.stream().filter(Answer::answered).count());
        return "mapping/summary";
    }

    @GetMapping(BASE + "/rounds/{id}/summary.xlsx")
    ResponseEntity<byte[]> xlsx(@PathVariable String id, @RequestParam(required = false) String county,
            @RequestParam(required = false) String district, Actor actor, Lang lang) {
        Round r = service.round(actor, PathIds.orNotFound(id), MappingAction.ROUND_READ);
        byte[] body = summaries.xlsx(r, views(r, county, district, lang), lang);
        return download(body, Spreadsheet.XLSX, "mapping-" + r.id() + ".xlsx");
    }

    @GetMapping(BASE + "/rounds/{id}/summary.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable String id, @RequestParam(required = false) String county,
            @RequestParam(required = false) String district, Actor actor, Lang lang) {
        Round r = service.round(actor, PathIds.orNotFound(id), MappingAction.ROUND_READ);
        byte[] body = summaries.pdf(r, views(r, county, district, lang), lang);
        return download(body, MediaType.APPLICATION_PDF, "mapping-" + r.id() + ".pdf");
    }

    private List<SummaryViews.View> views(Round r, String county, String district, Lang lang) {
        List<Answer> answers = service.answers(r);
        return summaries.views(answers, service.previous(r).map(service::answers).orElse(null),
                filter(answers, county, district), lang);
    }

    private static ResponseEntity<byte[]> download(byte[] body, MediaType type, String name) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"").body(body);
    }

    /** Part of a round: one county's places (by id) or one district's (by the name answered); unknown → not found. */
    private static Predicate<Answer> filter(List<Answer> answers, String county, String district) {
        if (county != null && !county.isBlank()) {
            long c = PathIds.orNotFound(county.strip());
            if (answers.stream().noneMatch(a -> a.countyId() == c)) {
                throw new KohtaamoException.NotFound("county " + c);
            }
            return a -> a.countyId() == c;
        }
        if (district != null && !district.isBlank()) {
            if (answers.stream().noneMatch(a -> district.equals(a.districtName()))) {
                throw new KohtaamoException.NotFound("district");
            }
            return a -> district.equals(a.districtName());
        }
        return a -> true;
    }

    private String scopeName(Round r, Lang lang) {
        if (r.countyId() != null) {
            return registry.county(r.countyId()).map(c -> c.name().get(lang)).orElse("");
        }
        if (r.organisationId() != null) {
            return registry.organisation(r.organisationId()).map(c -> c.name().get(lang)).orElse("");
        }
        return messages.getMessage("mapping.scope.NATIONAL", null, lang.locale());
    }
}
