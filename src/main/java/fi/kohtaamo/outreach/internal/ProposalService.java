package fi.kohtaamo.outreach.internal;

import fi.kohtaamo.audit.AuditLog;
import fi.kohtaamo.calendar.ActivityCalendar;
import fi.kohtaamo.outreach.OutreachAction;
import fi.kohtaamo.outreach.internal.OutreachQueries.Catalogue;
import fi.kohtaamo.outreach.internal.OutreachQueries.Proposal;
import fi.kohtaamo.registry.Registry;
import fi.kohtaamo.shared.AccessControl;
import fi.kohtaamo.shared.Actor;
import fi.kohtaamo.shared.FieldErrors;
import fi.kohtaamo.shared.Input;
import fi.kohtaamo.shared.KohtaamoException;
import fi.kohtaamo.shared.Scope;
import fi.kohtaamo.shared.Target;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A partner offers a visit to the places of an area within a period ("our dental nurse can come to
 * a family café in Espoo in March"); a place in that area accepts it on one of its occurrences, which
 * opens a slot there (or uses the open one) with the visit confirmed. A proposal is accepted once.
 */
@Service
public class ProposalService {

    private final OutreachQueries queries;
    private final OutreachService outreach;
    private final Registry registry;
    private final ActivityCalendar calendar;
    private final AuditLog audit;
    private final VisitMails mails;
    private final Clock clock;

    public ProposalService(OutreachQueries queries, OutreachService outreach, Registry registry, ActivityCalendar calendar,
            AuditLog audit, VisitMails mails, Clock clock) {
        this.queries = queries;
        this.outreach = outreach;
        this.registry = registry;
        this.calendar = calendar;
        this.audit = audit;
        this.mails = mails;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(OutreachService.HELSINKI));
    }

    /** The areas a partner may propose visits to: those of the counties where it is a partner. */
    public List<Registry.Ref> areasFor(Actor actor) {
        List<Registry.Ref> out = new ArrayList<>();
        for (OutreachQueries.Partner p : outreach.partnerships(actor)) {
            out.addAll(registry.areas(p.countyId()));
        }
        return out;
    }

    @Transactional
    public long propose(Actor actor, Map<String, String> form) {
        if (!AccessControl.mayEver(actor, OutreachAction.VISIT_BOOK) || actor.organisationId() == null) {
            throw new KohtaamoException.Forbidden("VISIT_BOOK");
        }
        FieldErrors errors = new FieldErrors();
        Input in = new Input(errors);
        Long areaId = in.id("areaId", form.get("areaId"), true);
        Long county = areaId == null ? null : registry.countyOfArea(areaId).orElse(null);
        if (areaId != null && (county == null || outreach.partnership(actor, county).isEmpty())) {
            errors.add("areaId", "validation.choice");
        }
        String format = in.requiredLine("format", form.get("format"), 10);
        if (format != null && !OutreachService.FORMATS.contains(format)) {
            errors.add("format", "validation.choice");
        }
        Long professionId = in.id("professionId", form.get("professionId"), true);
        Long topicId = in.id("topicId", form.get("topicId"), "TALK".equals(format));
        String language = in.requiredLine("language", form.get("language"), 3);
        if (language != null && !OutreachService.LANGUAGES.contains(language)) {
            errors.add("language", "validation.choice");
        }
        LocalDate from = in.date("fromDate", form.get("fromDate"), true);
        LocalDate to = in.date("toDate", form.get("toDate"), true);
        if (from != null && from.isBefore(today())) {
            errors.add("fromDate", "outreach.validation.notPast");
        }
        if (from != null && to != null && to.isBefore(from)) {
            errors.add("toDate", "outreach.validation.toBeforeFrom");
        }
        if (to != null && to.isAfter(today().plusWeeks(OutreachService.MAX_WEEKS_AHEAD))) {
            errors.add("toDate", "outreach.validation.tooFarAhead", OutreachService.MAX_WEEKS_AHEAD);
        }
        String name = in.line("professionalName", form.get("professionalName"), 200);
        String email = in.email("professionalEmail", form.get("professionalEmail"), false);
        String message = in.paragraph("message", form.get("message"), 1000);
        if (county != null) {
            checkItem(errors, Catalogue.PROFESSION, professionId, county, "professionId");
            checkItem(errors, Catalogue.TOPIC, topicId, county, "topicId");
            long partnerOrg = outreach.partnership(actor, county).map(OutreachQueries.Partner::organisationId).orElse(-1L);
            if (partnerOrg > 0 && queries.acknowledgement(partnerOrg, county).isEmpty()) {
                errors.add("areaId", "outreach.error.orientationFirst");
            }
        }
        errors.throwIfAny();
        long id = queries.insertProposal(actor.organisationId(), areaId, professionId, topicId, format, language, from, to,
                name == null ? actor.id() : null, name == null ? actor.name() : name, email, message, clock.instant());
        audit.record(actor, "OUTREACH_PROPOSAL_CREATE", "visit_proposal", id,
                new Target(county, areaId, Set.of(actor.organisationId()), null), null, queries.proposal(id).orElseThrow());
        return id;
    }

    private void checkItem(FieldErrors errors, Catalogue c, Long id, long county, String field) {
        if (id != null && queries.item(c, id).filter(i -> i.countyId() == county && i.active()).isEmpty()) {
            errors.add(field, "validation.choice");
        }
    }

    /** The places of the proposal's area that the actor hosts. */
    List<Registry.StaffPlace> hostPlaces(Actor actor, Proposal p) {
        if (!AccessControl.mayEver(actor, OutreachAction.VISIT_HOST)) {
            return List.of();
        }
        Set<Long> inArea = new HashSet<>();
        registry.placesInScope(new Scope(false, -1, p.areaId(), List.of(-1L), -1)).forEach(s -> inArea.add(s.id()));
        return registry.placesInScope(AccessControl.scope(actor, OutreachAction.VISIT_HOST)).stream()
                .filter(s -> inArea.contains(s.id())).toList();
    }

    /** A proposal as its partner or a host in its area may see it. */
    public Proposal proposalFor(Actor actor, long id) {
        Proposal p = queries.proposal(id).orElseThrow(() -> new KohtaamoException.NotFound("proposal " + id));
        boolean own = OutreachService.booksFor(actor, p.partnerOrgId());
        if (!own && hostPlaces(actor, p).isEmpty()) {
            throw new KohtaamoException.NotFound("proposal " + id);
        }
        return p;
    }

    /** Proposals the actor made (partner) or may accept (host: open ones to the areas of its places). */
    public List<Proposal> proposalsFor(Actor actor) {
        Set<Long> areas = new HashSet<>();
        if (AccessControl.mayEver(actor, OutreachAction.VISIT_HOST)) {
            for (Registry.StaffPlace s : registry.placesInScope(AccessControl.scope(actor, OutreachAction.VISIT_HOST))) {
                registry.areaOfPlace(s.id()).ifPresent(areas::add);
            }
        }
        Set<Long> orgs = OutreachService.bookingOrganisations(actor);
        return queries.proposals(areas, orgs, today()).stream()
                .filter(p -> orgs.contains(p.partnerOrgId()) || "OPEN".equals(p.status())).toList();
    }

    /** An occurrence a host can accept a proposal on. */
    public record Choice(long placeId, ActivityCalendar.ActivityRef activity, ActivityCalendar.OccurrenceRef occurrence) {

        public String key() {
            return activity.id() + ":" + occurrence.originalDate();
        }
    }

    /** The coming occurrences within the proposal's period at the places the actor hosts in its area (at most 300). */
    public List<Choice> choices(Actor actor, Proposal p) {
        List<Choice> out = new ArrayList<>();
        LocalDate from = p.fromDate().isBefore(today()) ? today() : p.fromDate();
        Instant now = clock.instant();
        for (Registry.StaffPlace place : hostPlaces(actor, p)) {
            for (ActivityCalendar.ActivityRef a : calendar.activitiesOfPlace(place.id())) {
                if (!a.published() || a.seasonEnd().isBefore(from) || a.seasonStart().isAfter(p.toDate())) {
                    continue;
                }
                for (ActivityCalendar.OccurrenceRef o : calendar.occurrences(a.id(), from, p.toDate())) {
                    if (!o.cancelled() && o.start().toInstant().isAfter(now) && out.size() < 300) {
                        out.add(new Choice(place.id(), a, o));
                    }
                }
            }
        }
        out.sort(java.util.Comparator.comparing((Choice c) -> c.occurrence().start()));
        return out;
    }

    /**
     * Accepts the proposal on the chosen occurrence ({@code activityId:originalDate}); returns the visit,
     * or the warnings to accept first (nothing stored).
     */
    @Transactional
    public OutreachService.Outcome accept(Actor actor, long proposalId, String choice, boolean acceptWarnings) {
        Proposal p = proposalFor(actor, proposalId);
        FieldErrors errors = new FieldErrors();
        if (choice == null || !choice.matches("^[0-9]{1,18}:\\d{4}-\\d{2}-\\d{2}$")) {
            errors.add("occurrence", "validation.choice").throwIfAny();
        }
        queries.lockProposal(proposalId);
        p = queries.proposal(proposalId).orElseThrow();
        if (!"OPEN".equals(p.status())) {
            errors.add("occurrence", "outreach.error.proposalClosed").throwIfAny();
        }
        Proposal proposal = p;
        Choice c = choices(actor, p).stream().filter(x -> x.key().equals(choice)).findFirst().orElse(null);
        if (c == null) {
            errors.add("occurrence", "validation.choice").throwIfAny();
        }
        Target where = outreach.slotTarget(c.placeId(), c.activity().id());
        AccessControl.require(actor, OutreachAction.VISIT_HOST, where);
        Instant now = clock.instant();
        long slotId = queries.slotIdOf(c.activity().id(), c.occurrence().originalDate()).orElse(-1L);
        OutreachQueries.Slot planned = new OutreachQueries.Slot(slotId, c.activity().id(), c.placeId(),
                c.occurrence().originalDate(), c.occurrence().start().toInstant(), c.occurrence().end().toInstant(),
                proposal.format(), 1, proposal.language(), null, false, "OPEN", null, 0, List.of(), 0);
        long county = registry.countyOfArea(proposal.areaId()).orElse(-1L);
        List<Warnings.Warning> warnings = Warnings.of(queries, planned, proposal.topicId(), proposal.professionalUserId(),
                proposal.partnerOrgId(), queries.topicRepeatWeeks(county), null, false);
        if (!warnings.isEmpty() && !acceptWarnings) {
            return new OutreachService.Outcome(null, warnings);
        }
        if (slotId > 0) {
            queries.lockSlot(slotId);
            OutreachQueries.Slot s = queries.slot(slotId).orElseThrow();
            if (!s.open() || s.free() <= 0) {
                errors.add("occurrence", s.open() ? "outreach.error.full" : "outreach.error.slotCancelled").throwIfAny();
            }
        } else {
            slotId = queries.insertSlot(c.activity().id(), c.placeId(), c.occurrence().originalDate(),
                    c.occurrence().start().toInstant(), c.occurrence().end().toInstant(), proposal.format(), 1,
                    proposal.language(), null, false, proposal.topicId() == null ? List.of() : List.of(proposal.topicId()),
                    false, now);
        }
        long visitId = queries.insertVisit(slotId, proposal.partnerOrgId(), proposal.professionId(), proposal.topicId(),
                proposal.professionalUserId(), proposal.professionalName(), proposal.professionalEmail(),
                proposal.professionalUserId(), proposal.message(), "CONFIRMED", false, now);
        if (!queries.closeProposal(proposalId, "ACCEPTED", visitId, now)) {
            throw new KohtaamoException.Conflict("stale", "proposal " + proposalId);
        }
        OutreachQueries.Visit v = queries.visit(visitId).orElseThrow();
        audit.record(actor, "OUTREACH_PROPOSAL_ACCEPT", "visit", visitId, where, proposal, v);
        mails.tell(VisitMails.Event.CONFIRMED, v);
        return new OutreachService.Outcome(visitId, warnings);
    }

    @Transactional
    public void withdraw(Actor actor, long proposalId) {
        Proposal p = proposalFor(actor, proposalId);
        if (!OutreachService.booksFor(actor, p.partnerOrgId())) {
            throw new KohtaamoException.Forbidden("VISIT_BOOK");
        }
        queries.lockProposal(proposalId);
        if (!queries.closeProposal(proposalId, "WITHDRAWN", null, clock.instant())) {
            new FieldErrors().add("proposal", "outreach.error.proposalClosed").throwIfAny();
        }
        audit.record(actor, "OUTREACH_PROPOSAL_WITHDRAW", "visit_proposal", proposalId,
                new Target(registry.countyOfArea(p.areaId()).orElse(null), p.areaId(), Set.of(p.partnerOrgId()), null), p,
                queries.proposal(proposalId).orElseThrow());
    }
}
