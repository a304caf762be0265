package fi.kohtaamo.participation.internal.planning;

import fi.kohtaamo.audit.AuditLog;
import fi.kohtaamo.coordination.WorkingGroupMeetings;
import fi.kohtaamo.participation.PlanningDayAction;
import fi.kohtaamo.participation.internal.planning.PlanningQueries.Day;
import fi.kohtaamo.participation.internal.planning.PlanningQueries.Decision;
import fi.kohtaamo.participation.internal.wishes.WishQueries.State;
import fi.kohtaamo.participation.internal.wishes.WishQueries.Wish;
import fi.kohtaamo.participation.internal.wishes.WishService;
import fi.kohtaamo.shared.AccessControl;
import fi.kohtaamo.shared.Actor;
import fi.kohtaamo.shared.FieldErrors;
import fi.kohtaamo.shared.Input;
import fi.kohtaamo.shared.KohtaamoException;
import fi.kohtaamo.shared.Lang;
import fi.kohtaamo.shared.PersonalData;
import java.time.Clock;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A planning day's decisions: recorded on the day or after it, and edited after it (optimistic locking, a stale form
 * is a 409 and changes nothing). A decision's text is public (the answer of the area's published wishes it links,
 * which get its state, each audited through the wishes board's moderation), and it is copied into the minutes of the
 * working group's PLANNING_DAY meeting ({@link WorkingGroupMeetings#recordPlanningDecision}); approved minutes are a
 * record, so a decision whose meeting's minutes are approved can no longer change (409 {@code minutes-approved}).
 */
@Service
class PlanningDecisionService {

    private final PlanningQueries queries;
    private final PlanningService days;
    private final WorkingGroupMeetings meetings;
    private final WishService wishes;
    private final MessageSource messages;
    private final AuditLog audit;
    private final Clock clock;

    PlanningDecisionService(PlanningQueries queries, PlanningService days, WorkingGroupMeetings meetings,
            WishService wishes, MessageSource messages, AuditLog audit, Clock clock) {
        this.queries = queries;
        this.days = days;
        this.meetings = meetings;
        this.wishes = wishes;
        this.messages = messages;
        this.audit = audit;
        this.clock = clock;
    }

    /** What a decision's form holds once checked. */
    private record Checked(String text, State state, Set<Long> wishIds, Integer version) {
    }

    private Day managed(Actor actor, long dayId) {
        Day d = queries.day(dayId).orElseThrow(() -> new KohtaamoException.NotFound("planning day " + dayId));
        AccessControl.require(actor, PlanningDayAction.MANAGE, days.target(d));
        return d;
    }

    /** A decision of the planning day that the actor manages (404 when it is another day's). */
    Decision editable(Actor actor, long dayId, long decisionId) {
        managed(actor, dayId);
        return queries.decisions(dayId).stream().filter(x -> x.id() == decisionId).findFirst()
                .orElseThrow(() -> new KohtaamoException.NotFound("decision " + decisionId));
    }

    private Checked check(Day d, Map<String, String> form, List<String> wishIds, boolean edit) {
        FieldErrors errors = new FieldErrors();
        Input in = new Input(errors);
        String text = in.paragraph("decision", form.get("decision"), PlanningService.MAX_DECISION);
        if (text == null && !errors.has("decision")) {
            errors.add("decision", "validation.required");
        }
        PersonalData.check(errors, "decision", text);
        State state = in.choice("wishState", form.get("wishState"), State.class, true);
        if (state == State.NEW) {
            errors.add("wishState", "validation.choice");
        }
        List<String> raw = wishIds == null ? List.of() : wishIds;
        if (raw.size() > PlanningService.MAX_LINKED) {
            errors.add("wishIds", "validation.tooMany", PlanningService.MAX_LINKED);
        }
        Set<Long> ids = new LinkedHashSet<>();
        for (String r : raw.stream().limit(PlanningService.MAX_LINKED).toList()) {
            Long id = in.id("wishIds", r, false);
            if (id != null) {
                ids.add(id);
            }
        }
        Set<Long> allowed = new HashSet<>(days.linkable(d).stream().map(Wish::id).toList());
        if (!allowed.containsAll(ids)) {
            errors.add("wishIds", "validation.choice");
        }
        Integer version = null;
        if (edit) {
            version = in.integer("version", form.get("version"), 0, Integer.MAX_VALUE, null);
            if (version == null && !errors.has("version")) {
                errors.add("version", "validation.required");
            }
        }
        errors.throwIfAny();
        return new Checked(text, state, ids, version);
    }

    /**
     * Records a decision of the planning day: its text, the state the wishes it links get, and the area's published
     * wishes it answers; each linked wish is answered, and the decision goes into the meeting's minutes.
     */
    @Transactional
    public long decide(Actor actor, long dayId, Map<String, String> form, List<String> wishIds) {
        Day d = managed(actor, dayId);
        Checked c = check(d, form, wishIds, false);
        long id = queries.insertDecision(dayId, c.text(), c.state(), actor.name(), clock.instant());
        for (long w : c.wishIds()) {
            queries.linkWish(id, w);
            wishes.answerByDecision(actor, w, c.state(), c.text());
        }
        toMinutes(actor, d, id, c.text());
        audit.record(actor, "PLANNING_DECISION_CREATE", "planning_decision", id, days.target(d), null,
                Map.of("planningDay", dayId, "text", c.text(), "wishState", c.state().name(),
                        "wishes", List.copyOf(c.wishIds())));
        return id;
    }

    /**
     * Edits a decision (after the day, as the working group rewords or completes it): text, state and linked wishes.
     * The wishes it still or newly links are answered again with the new text and state; a wish it no longer links
     * keeps the answer it had (its own answer, which its moderators change on the wishes board). The minutes' copy is
     * replaced.
     */
    @Transactional
    public void edit(Actor actor, long dayId, long decisionId, Map<String, String> form, List<String> wishIds) {
        Day d = managed(actor, dayId);
        Decision before = editable(actor, dayId, decisionId);
        Checked c = check(d, form, wishIds, true);
        if (!queries.updateDecision(decisionId, c.version(), c.text(), c.state(), actor.name(), clock.instant())) {
            throw new KohtaamoException.Conflict("stale", "decision " + decisionId);
        }
        queries.unlinkWishes(decisionId);
        for (long w : c.wishIds()) {
            queries.linkWish(decisionId, w);
            wishes.answerByDecision(actor, w, c.state(), c.text());
        }
        toMinutes(actor, d, decisionId, c.text());
        Decision after = editable(actor, dayId, decisionId);
        audit.record(actor, "PLANNING_DECISION_UPDATE", "planning_decision", decisionId, days.target(d), before, after);
    }

    /** The decision in the minutes of the day's meeting (titled with its beginning, in Finnish like the meeting). */
    private void toMinutes(Actor actor, Day d, long decisionId, String text) {
        if (d.meetingId() == null) {
            return;
        }
        String first = text.strip().lines().findFirst().orElse("");
        String title = messages.getMessage("planning.minutes.item", new Object[] {first.length() > 120
                ? first.substring(0, 119) + "…" : first}, Lang.FI.locale());
        meetings.recordPlanningDecision(actor, d.meetingId(), decisionId, title, text);
    }
}
