package fi.kohtaamo.participation.internal.wishes;

import fi.kohtaamo.audit.AuditLog;
import fi.kohtaamo.calendar.ActivityCalendar;
import fi.kohtaamo.participation.WishAction;
import fi.kohtaamo.participation.internal.wishes.WishQueries.State;
import fi.kohtaamo.participation.internal.wishes.WishQueries.Status;
import fi.kohtaamo.participation.internal.wishes.WishQueries.Wish;
import fi.kohtaamo.registry.PlaceCriteria;
import fi.kohtaamo.registry.Registry;
import fi.kohtaamo.shared.AccessControl;
import fi.kohtaamo.shared.Actor;
import fi.kohtaamo.shared.FieldErrors;
import fi.kohtaamo.shared.Input;
import fi.kohtaamo.shared.KohtaamoException;
import fi.kohtaamo.shared.PersonalData;
import fi.kohtaamo.shared.Scope;
import fi.kohtaamo.shared.Target;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The wishes board's staff side and public lists: families post and support through {@link WishPostService}
 * (anonymously, rate-limited, no personal data); staff moderate and answer here. Nothing a family writes is read by
 * a public page unless its status is PUBLISHED. Moderation is checked on the stored wish's place (its organisers' staff, the area's and county's
 * coordinators) or, for a wish about a whole area, on the area.
 */
@Service
public class WishService {

    static final int MAX_BODY = 1000;
    static final int MAX_REASON = 500;
    static final int MAX_ANSWER = 2000;

    /** Control characters other than line breaks and tabs, and bidirectional controls: removed from families' text. */
    private static final Pattern STRIPPED = Pattern.compile(
            "[\\p{Cc}&&[^\\n\\r\\t]]|[\\uFFFE\\uFFFF\\u061C\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069]");

    private final WishQueries queries;
    private final Registry registry;
    private final ActivityCalendar calendar;
    private final AuditLog audit;
    private final Clock clock;

    WishService(WishQueries queries, Registry registry, ActivityCalendar calendar, AuditLog audit, Clock clock) {
        this.queries = queries;
        this.registry = registry;
        this.calendar = calendar;
        this.audit = audit;
        this.clock = clock;
    }

    /** Removes control and bidirectional characters (kept: line breaks and tabs). */
    static String strip(String raw) {
        return raw == null ? null : STRIPPED.matcher(raw).replaceAll("");
    }

    // ---- where a wish is ------------------------------------------------------------------------

    /** A published place (404 otherwise: families write only to places the public sees). */
    public Registry.Ref publicPlace(long placeId) {
        if (registry.publicPlaces(new PlaceCriteria(null, null, placeId, Set.of(), null)).isEmpty()) {
            throw new KohtaamoException.NotFound("place " + placeId);
        }
        return registry.place(placeId).orElseThrow(() -> new KohtaamoException.NotFound("place " + placeId));
    }

    public Registry.Ref area(long areaId) {
        return registry.area(areaId).orElseThrow(() -> new KohtaamoException.NotFound("area " + areaId));
    }

    /** Where a wish sits: its place (county, area, organisers) or, for an area's wish, the area and its county. */
    Target target(Wish w) {
        if (w.placeId() != null) {
            var t = registry.placeTarget(w.placeId());
            if (t.isPresent()) {
                return t.get();
            }
        }
        return new Target(w.countyId(), w.areaId(), Set.of(), null);
    }

    // ---- public lists (a family's wish and support: WishPostService) -----------------------------

    public List<Wish> publishedOfPlace(long placeId) {
        return queries.publishedOfPlace(placeId);
    }

    public List<Wish> publishedOfArea(long areaId) {
        return queries.publishedOfArea(areaId);
    }

    public List<WishQueries.AreaCount> publishedPerArea() {
        return queries.publishedPerArea();
    }

    /** A published wish (404 for any other: pending, declined and merged wishes do not exist for the public). */
    public Wish published(long id) {
        return queries.wish(id).filter(w -> w.status() == Status.PUBLISHED)
                .orElseThrow(() -> new KohtaamoException.NotFound("wish " + id));
    }

    // ---- staff ----------------------------------------------------------------------------------

    /** Wishes the actor moderates, of one status or all. */
    public List<Wish> list(Actor actor, Status status) {
        if (!AccessControl.mayEver(actor, WishAction.MODERATE)) {
            throw new KohtaamoException.Forbidden(WishAction.MODERATE.name());
        }
        Scope scope = AccessControl.scope(actor, WishAction.MODERATE);
        List<Long> places = scope.all() || scope.geographic() ? List.of(-1L)
                : registry.placesInScope(scope).stream().map(Registry.StaffPlace::id).toList();
        return queries.inScope(scope.all(), scope.countyId(), scope.areaId(), places.isEmpty() ? List.of(-1L) : places,
                status);
    }

    /** A wish the actor moderates. */
    public Wish moderated(Actor actor, long id) {
        Wish w = queries.wish(id).orElseThrow(() -> new KohtaamoException.NotFound("wish " + id));
        AccessControl.require(actor, WishAction.MODERATE, target(w));
        return w;
    }

    public List<Wish> mergeTargets(Actor actor, Wish w) {
        return queries.mergeTargets(w).stream()
                .filter(t -> AccessControl.allows(actor, WishAction.MODERATE, target(t))).toList();
    }

    private static int version(Input in, String raw) {
        Integer v = in.integer("version", raw, 0, Integer.MAX_VALUE, null);
        if (v == null) {
            if (!in.errors().has("version")) {
                in.errors().add("version", "validation.required");
            }
            in.errors().throwIfAny();
        }
        return v;
    }

    @Transactional
    public void publish(Actor actor, long id, Map<String, String> form) {
        Wish before = moderated(actor, id);
        Input in = new Input(new FieldErrors());
        int version = version(in, form.get("version"));
        if (before.status() != Status.PENDING || !queries.publish(id, version, actor.name(), clock.instant())) {
            throw new KohtaamoException.Conflict("stale", "wish " + id);
        }
        audit.record(actor, "WISH_PUBLISH", "wish", id, target(before), before, queries.wish(id).orElseThrow());
    }

    @Transactional
    public void decline(Actor actor, long id, Map<String, String> form) {
        Wish before = moderated(actor, id);
        FieldErrors errors = new FieldErrors();
        Input in = new Input(errors);
        String reason = in.paragraph("reason", form.get("reason"), MAX_REASON);
        if (reason == null && !errors.has("reason")) {
            errors.add("reason", "validation.required");
        }
        PersonalData.check(errors, "reason", reason);
        int version = version(in, form.get("version"));
        errors.throwIfAny();
        if (!queries.decline(id, version, reason, actor.name(), clock.instant())) {
            throw new KohtaamoException.Conflict("stale", "wish " + id);
        }
        audit.record(actor, "WISH_DECLINE", "wish", id, target(before), before, queries.wish(id).orElseThrow());
    }

    /** Merges the wish into a published wish of the same area that the actor also moderates. */
    @Transactional
    public void merge(Actor actor, long id, Map<String, String> form) {
        Wish before = moderated(actor, id);
        FieldErrors errors = new FieldErrors();
        Input in = new Input(errors);
        Long into = in.id("into", form.get("into"), true);
        int version = version(in, form.get("version"));
        errors.throwIfAny();
        Wish other = queries.wish(into).orElse(null);
        if (other == null || other.id() == id || other.status() != Status.PUBLISHED
                || other.areaId() != before.areaId()) {
            errors.add("into", "validation.choice");
            errors.throwIfAny();
        }
        AccessControl.require(actor, WishAction.MODERATE, target(other));
        if (!queries.merge(id, version, into, actor.name(), clock.instant())) {
            throw new KohtaamoException.Conflict("stale", "wish " + id);
        }
        audit.record(actor, "WISH_MERGE", "wish", id, target(before), before, queries.wish(id).orElseThrow());
    }

    /**
     * Answers a published wish publicly: its state, the answer (no personal data) and the calendar activity that
     * answers it (one of the wish's place's activities, or of a place of the wish's area).
     */
    @Transactional
    public void answer(Actor actor, long id, Map<String, String> form) {
        Wish before = moderated(actor, id);
        FieldErrors errors = new FieldErrors();
        Input in = new Input(errors);
        State state = in.choice("wishState", form.get("wishState"), State.class, true);
        String answer = in.paragraph("answer", form.get("answer"), MAX_ANSWER);
        PersonalData.check(errors, "answer", answer);
        Long activity = in.id("activityId", form.get("activityId"), false);
        if (activity != null && !activityChoices(before).contains(activity)) {
            errors.add("activityId", "validation.choice");
        }
        int version = version(in, form.get("version"));
        errors.throwIfAny();
        if (before.status() != Status.PUBLISHED
                || !queries.answer(id, version, state, answer, activity, actor.name(), clock.instant())) {
            throw new KohtaamoException.Conflict("stale", "wish " + id);
        }
        audit.record(actor, "WISH_ANSWER", "wish", id, target(before), before, queries.wish(id).orElseThrow());
    }

    /**
     * Answers a published wish by a planning day's decision: the state the decision gives and its text as the public
     * answer (the activity that answers it stays). Checked as moderation of the wish; audited as an answer.
     */
    @Transactional
    public void answerByDecision(Actor actor, long id, State state, String text) {
        Wish before = moderated(actor, id);
        if (before.status() != Status.PUBLISHED || !queries.answer(id, before.version(), state, text,
                before.activityId(), actor.name(), clock.instant())) {
            throw new KohtaamoException.Conflict("stale", "wish " + id);
        }
        audit.record(actor, "WISH_ANSWER_BY_DECISION", "wish", id, target(before), before,
                queries.wish(id).orElseThrow());
    }

    /** The published activities that may answer the wish: its place's, or those of its area's places. */
    public List<ActivityCalendar.ActivityRef> activities(Wish w) {
        List<Registry.Ref> places = w.placeId() != null
                ? registry.place(w.placeId()).stream().toList()
                : registry.places(null, w.areaId());
        return places.stream().flatMap(p -> calendar.activitiesOfPlace(p.id()).stream())
                .filter(ActivityCalendar.ActivityRef::published).toList();
    }

    private List<Long> activityChoices(Wish w) {
        return activities(w).stream().map(ActivityCalendar.ActivityRef::id).toList();
    }

    public java.util.Optional<ActivityCalendar.ActivityRef> activity(Long id) {
        return id == null ? java.util.Optional.empty() : calendar.activity(id).filter(ActivityCalendar.ActivityRef::published);
    }
}
