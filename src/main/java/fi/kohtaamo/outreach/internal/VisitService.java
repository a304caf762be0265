package fi.kohtaamo.outreach.internal;

import fi.kohtaamo.audit.AuditLog;
import fi.kohtaamo.outreach.OutreachAction;
import fi.kohtaamo.outreach.internal.OutreachQueries.Slot;
import fi.kohtaamo.outreach.internal.OutreachQueries.Visit;
import fi.kohtaamo.registry.Registry;
import fi.kohtaamo.shared.AccessControl;
import fi.kohtaamo.shared.Actor;
import fi.kohtaamo.shared.FieldErrors;
import fi.kohtaamo.shared.Input;
import fi.kohtaamo.shared.KohtaamoException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A booked visit's life: who sees it from which side, its warnings, and the host's confirmation or refusal, either
 * side's cancellation and the host's record of what happened. Every write checks the action on the visit's place
 * or partner, the version the form saw, writes, audits and queues the mail to the other side in one transaction.
 */
@Service
public class VisitService {

    private final OutreachQueries queries;
    private final Registry registry;
    private final AuditLog audit;
    private final VisitMails mails;
    private final OutreachService outreach;
    private final Clock clock;

    public VisitService(OutreachQueries queries, Registry registry, AuditLog audit, VisitMails mails,
            OutreachService outreach, Clock clock) {
        this.queries = queries;
        this.registry = registry;
        this.audit = audit;
        this.mails = mails;
        this.outreach = outreach;
        this.clock = clock;
    }

    // ---- the visit's life -----------------------------------------------------------------------

    /** Who is looking at a visit. */
    public enum Side {
        HOST, PARTNER
    }

    /** The visit if the actor may see it, with the side they see it from. */
    public record Seen(Visit visit, Side side) {
    }

    public Seen visitFor(Actor actor, long visitId) {
        Visit v = queries.visit(visitId).orElseThrow(() -> new KohtaamoException.NotFound("visit " + visitId));
        if (AccessControl.allows(actor, OutreachAction.VISIT_HOST, outreach.slotTarget(v.placeId(), v.activityId()))) {
            return new Seen(v, Side.HOST);
        }
        if (AccessControl.allows(actor, OutreachAction.VISIT_BOOK, outreach.partnerTarget(v))) {
            return new Seen(v, Side.PARTNER);
        }
        // not "forbidden": whether another partner's visit exists is not for the caller to know
        throw new KohtaamoException.NotFound("visit " + visitId);
    }

    public List<Warnings.Warning> warnings(Seen seen) {
        Visit v = seen.visit();
        Slot s = queries.slot(v.slotId()).orElseThrow();
        long county = outreach.countyOfPlace(v.placeId());
        return Warnings.of(queries, s, v.topicId(), v.professionalUserId(), v.partnerOrgId(),
                queries.topicRepeatWeeks(county), v.id(), seen.side() == Side.PARTNER);
    }

    private Visit checkedVersion(Visit v, String version, FieldErrors errors) {
        Integer ver = new Input(errors).integer("version", version, 0, Integer.MAX_VALUE, 0);
        errors.throwIfAny();
        if (ver != v.version()) {
            throw new KohtaamoException.Conflict("stale", "visit " + v.id());
        }
        return v;
    }

    @Transactional
    public OutreachService.Outcome confirm(Actor actor, long visitId, String version, boolean acceptWarnings) {
        Seen seen = visitFor(actor, visitId);
        if (seen.side() != Side.HOST) {
            throw new KohtaamoException.Forbidden("VISIT_HOST");
        }
        FieldErrors errors = new FieldErrors();
        Visit v = checkedVersion(seen.visit(), version, errors);
        if (!"REQUESTED".equals(v.status())) {
            errors.add("visit", "outreach.error.notRequested").throwIfAny();
        }
        Slot s = queries.slot(v.slotId()).orElseThrow();
        if (!s.startsAt().isAfter(clock.instant())) {
            errors.add("visit", "outreach.error.past").throwIfAny();
        }
        List<Warnings.Warning> warnings = warnings(seen);
        if (!warnings.isEmpty() && !acceptWarnings) {
            return new OutreachService.Outcome(null, warnings);
        }
        if (!queries.changeStatus(v.id(), v.version(), "REQUESTED", "CONFIRMED", null, null, clock.instant())) {
            throw new KohtaamoException.Conflict("stale", "visit " + v.id());
        }
        Visit after = queries.visit(v.id()).orElseThrow();
        audit.record(actor, "OUTREACH_VISIT_CONFIRM", "visit", v.id(), outreach.slotTarget(v.placeId(), v.activityId()), v, after);
        mails.tell(VisitMails.Event.CONFIRMED, after);
        return new OutreachService.Outcome(v.id(), warnings);
    }

    @Transactional
    public void decline(Actor actor, long visitId, String version, String reason) {
        Seen seen = visitFor(actor, visitId);
        if (seen.side() != Side.HOST) {
            throw new KohtaamoException.Forbidden("VISIT_HOST");
        }
        FieldErrors errors = new FieldErrors();
        String why = new Input(errors).requiredLine("reason", reason, 500);
        Visit v = checkedVersion(seen.visit(), version, errors);
        if (!"REQUESTED".equals(v.status())) {
            errors.add("visit", "outreach.error.notRequested").throwIfAny();
        }
        if (!queries.changeStatus(v.id(), v.version(), "REQUESTED", "DECLINED", why, "PLACE", clock.instant())) {
            throw new KohtaamoException.Conflict("stale", "visit " + v.id());
        }
        Visit after = queries.visit(v.id()).orElseThrow();
        audit.record(actor, "OUTREACH_VISIT_DECLINE", "visit", v.id(), outreach.slotTarget(v.placeId(), v.activityId()), v, after);
        mails.tell(VisitMails.Event.DECLINED, after);
    }

    /** Either side cancels a requested or confirmed visit that has not begun, with a reason. */
    @Transactional
    public void cancel(Actor actor, long visitId, String version, String reason) {
        Seen seen = visitFor(actor, visitId);
        FieldErrors errors = new FieldErrors();
        String why = new Input(errors).requiredLine("reason", reason, 500);
        Visit v = checkedVersion(seen.visit(), version, errors);
        if (!v.active()) {
            errors.add("visit", "outreach.error.notActive").throwIfAny();
        }
        if (!v.startsAt().isAfter(clock.instant())) {
            errors.add("visit", "outreach.error.past").throwIfAny();
        }
        String by = seen.side() == Side.HOST ? "PLACE" : "PARTNER";
        if (!queries.changeStatus(v.id(), v.version(), v.status(), "CANCELLED", why, by, clock.instant())) {
            throw new KohtaamoException.Conflict("stale", "visit " + v.id());
        }
        Visit after = queries.visit(v.id()).orElseThrow();
        audit.record(actor, "OUTREACH_VISIT_CANCEL", "visit", v.id(), outreach.slotTarget(v.placeId(), v.activityId()), v, after);
        mails.tell(seen.side() == Side.HOST ? VisitMails.Event.CANCELLED_BY_PLACE : VisitMails.Event.CANCELLED_BY_PARTNER,
                after);
    }

    /** After the visit the place records whether it happened and how many families it reached. */
    @Transactional
    public void recordOutcome(Actor actor, long visitId, String version, String happened, String families) {
        Seen seen = visitFor(actor, visitId);
        if (seen.side() != Side.HOST) {
            throw new KohtaamoException.Forbidden("VISIT_HOST");
        }
        FieldErrors errors = new FieldErrors();
        Input in = new Input(errors);
        Boolean took = "true".equals(happened) ? Boolean.TRUE : "false".equals(happened) ? Boolean.FALSE : null;
        if (took == null) {
            errors.add("happened", "validation.choice");
        }
        Integer reached = in.integer("familiesReached", families, 0, 1000, null);
        if (Boolean.TRUE.equals(took) && reached == null && !errors.has("familiesReached")) {
            errors.add("familiesReached", "validation.required");
        }
        Visit v = checkedVersion(seen.visit(), version, errors);
        if (!"CONFIRMED".equals(v.status())) {
            errors.add("visit", "outreach.error.notConfirmed").throwIfAny();
        }
        if (v.startsAt().isAfter(clock.instant())) {
            errors.add("visit", "outreach.error.notYet").throwIfAny();
        }
        if (!queries.recordOutcome(v.id(), v.version(), took, Boolean.TRUE.equals(took) ? reached : null, clock.instant())) {
            throw new KohtaamoException.Conflict("stale", "visit " + v.id());
        }
        audit.record(actor, "OUTREACH_VISIT_OUTCOME", "visit", v.id(), outreach.slotTarget(v.placeId(), v.activityId()), v,
                queries.visit(v.id()).orElseThrow());
    }

    /** The visits the actor hosts (places in scope) or made (their organisation), starting in [from, to). */
    public List<Visit> visitsFor(Actor actor, Instant from, Instant to) {
        List<Long> places = AccessControl.mayEver(actor, OutreachAction.VISIT_HOST)
                ? registry.placesInScope(AccessControl.scope(actor, OutreachAction.VISIT_HOST)).stream()
                        .map(Registry.StaffPlace::id).toList()
                : List.of();
        Set<Long> orgs = OutreachService.bookingOrganisations(actor);
        if (places.isEmpty() && orgs.isEmpty()) {
            return List.of();
        }
        return queries.visits(places, orgs, from, to);
    }
}
