package fi.kohtaamo.outreach.internal;

import fi.kohtaamo.outreach.OutreachAction;
import fi.kohtaamo.outreach.internal.OutreachQueries.Catalogue;
import fi.kohtaamo.outreach.internal.OutreachQueries.Proposal;
import fi.kohtaamo.shared.AccessControl;
import fi.kohtaamo.shared.Actor;
import fi.kohtaamo.shared.KohtaamoException;
import fi.kohtaamo.shared.Lang;
import fi.kohtaamo.shared.LocalizedText;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Partners' proposals of visits to an area, and places accepting them on one of their occurrences. */
@Controller
class ProposalController {

    private final ProposalService proposals;
    private final OutreachService outreach;
    private final OutreachSetup outreachSetup;
    private final OutreachViews views;
    private final fi.kohtaamo.registry.Registry registry;
    private final MessageSource messages;

    ProposalController(ProposalService proposals, OutreachService outreach, OutreachSetup outreachSetup, OutreachViews views,
            fi.kohtaamo.registry.Registry registry, MessageSource messages) {
        this.proposals = proposals;
        this.outreach = outreach;
        this.outreachSetup = outreachSetup;
        this.views = views;
        this.registry = registry;
        this.messages = messages;
    }

    /** A proposal with its names, for the pages. */
    record Row(Proposal proposal, LocalizedText partner, LocalizedText area, LocalizedText profession, LocalizedText topic) {
    }

    private List<Row> rows(List<Proposal> list) {
        OutreachViews.Names n = views.names();
        return list.stream().map(p -> new Row(p, n.organisation(p.partnerOrgId()),
                registry.area(p.areaId()).map(fi.kohtaamo.registry.Registry.Ref::name).orElse(LocalizedText.EMPTY),
                n.item(Catalogue.PROFESSION, p.professionId()), n.item(Catalogue.TOPIC, p.topicId()))).toList();
    }

    @GetMapping("/admin/outreach/proposals")
    String list(Actor actor, Lang lang, Model model) {
        return listPage(actor, lang, model, Map.of("format", "TALK", "language", "fi"), Map.of());
    }

    private String listPage(Actor actor, Lang lang, Model model, Map<String, String> values, Map<String, String> errors) {
        boolean partner = AccessControl.mayEver(actor, OutreachAction.VISIT_BOOK);
        if (!partner && !AccessControl.mayEver(actor, OutreachAction.VISIT_HOST)) {
            throw new KohtaamoException.Forbidden("OUTREACH");
        }
        model.addAttribute("rows", rows(proposals.proposalsFor(actor)));
        model.addAttribute("partner", partner);
        List<fi.kohtaamo.shared.CountyCatalogue.Item> professions = new ArrayList<>();
        List<fi.kohtaamo.shared.CountyCatalogue.Item> topics = new ArrayList<>();
        for (OutreachQueries.Partner p : outreach.partnerships(actor)) {
            professions.addAll(outreachSetup.activeItems(Catalogue.PROFESSION, p.countyId()));
            topics.addAll(outreachSetup.activeItems(Catalogue.TOPIC, p.countyId()));
        }
        model.addAttribute("areas", OutreachViews.refs(partner ? proposals.areasFor(actor) : List.of(), lang));
        model.addAttribute("professions", OutreachViews.items(professions, lang));
        model.addAttribute("topics", OutreachViews.items(topics, lang));
        model.addAttribute("formats", views.messages("outreach.format.", List.of("TALK", "PRESENCE"), lang));
        model.addAttribute("languages", views.messages("language.", OutreachService.LANGUAGES, lang));
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        return "outreach/proposals";
    }

    @PostMapping("/admin/outreach/proposals")
    String propose(@RequestParam Map<String, String> p, Actor actor, Lang lang, Model model, HttpServletResponse response) {
        try {
            long id = proposals.propose(actor, p);
            return "redirect:/admin/outreach/proposals/" + id + "?saved";
        } catch (KohtaamoException.Invalid e) {
            response.setStatus(400);
            return listPage(actor, lang, model, p, e.errors().messages(messages, lang.locale()));
        }
    }

    @GetMapping("/admin/outreach/proposals/{id}")
    String show(@PathVariable String id, Actor actor, Lang lang, Model model) {
        return page(actor, OutreachPageController.id(id), lang, model, Map.of(), List.of(), null);
    }

    private String page(Actor actor, long id, Lang lang, Model model, Map<String, String> errors, List<String> warnings,
            String chosen) {
        Proposal p = proposals.proposalFor(actor, id);
        boolean own = actor.organisations().contains(p.partnerOrgId()) && AccessControl.mayEver(actor, OutreachAction.VISIT_BOOK);
        model.addAttribute("row", rows(List.of(p)).get(0));
        model.addAttribute("own", own);
        List<fi.kohtaamo.shared.Option> choices = new ArrayList<>();
        if (!own && "OPEN".equals(p.status())) {
            OutreachViews.Names n = views.names();
            for (ProposalService.Choice c : proposals.choices(actor, p)) {
                String when = messages.getMessage("weekday." + c.occurrence().start().getDayOfWeek(), null, lang.locale())
                        + " " + OutreachViews.when(c.occurrence().start().toInstant(), c.occurrence().end().toInstant());
                choices.add(new fi.kohtaamo.shared.Option(c.key(), when + " – " + n.place(c.placeId()).get(lang) + ": "
                        + c.activity().name().get(lang), lang.code()));
            }
        }
        model.addAttribute("choices", choices);
        model.addAttribute("chosen", chosen);
        model.addAttribute("warnings", warnings);
        model.addAttribute("errors", errors);
        return "outreach/proposal";
    }

    @PostMapping("/admin/outreach/proposals/{id}/accept")
    String accept(@PathVariable String id, @RequestParam Map<String, String> p, Actor actor, Lang lang, Model model,
            HttpServletResponse response) {
        long proposalId = OutreachPageController.id(id);
        try {
            OutreachService.Outcome o = proposals.accept(actor, proposalId, p.get("occurrence"),
                    "true".equals(p.get("acceptWarnings")));
            if (o.visitId() == null) {
                return page(actor, proposalId, lang, model, Map.of(), o.warnings().stream()
                        .map(w -> messages.getMessage(w.key(), w.args().toArray(), lang.locale())).toList(),
                        p.get("occurrence"));
            }
            return "redirect:/admin/outreach/visits/" + o.visitId() + "?confirmed";
        } catch (KohtaamoException.Invalid e) {
            response.setStatus(400);
            return page(actor, proposalId, lang, model, e.errors().messages(messages, lang.locale()), List.of(),
                    p.get("occurrence"));
        }
    }

    @PostMapping("/admin/outreach/proposals/{id}/withdraw")
    String withdraw(@PathVariable String id, Actor actor, Lang lang, Model model, HttpServletResponse response) {
        long proposalId = OutreachPageController.id(id);
        try {
            proposals.withdraw(actor, proposalId);
            return "redirect:/admin/outreach/proposals/" + proposalId + "?withdrawn";
        } catch (KohtaamoException.Invalid e) {
            response.setStatus(400);
            return page(actor, proposalId, lang, model, e.errors().messages(messages, lang.locale()), List.of(), null);
        }
    }
}
