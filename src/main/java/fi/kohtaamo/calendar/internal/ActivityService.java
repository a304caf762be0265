package fi.kohtaamo.calendar.internal;

import fi.kohtaamo.audit.AuditLog;
import fi.kohtaamo.calendar.CalendarAction;
import fi.kohtaamo.registry.Registry;
import fi.kohtaamo.shared.AccessControl;
import fi.kohtaamo.shared.Actor;
import fi.kohtaamo.shared.FieldErrors;
import fi.kohtaamo.shared.Input;
import fi.kohtaamo.shared.KohtaamoException;
import fi.kohtaamo.shared.LocalizedText;
import fi.kohtaamo.shared.Target;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Calendar writes: activities, single-occurrence changes, pauses. Checked like every write: the
 * action on where the activity is (its place, with the place's and the activity's organisers), the
 * input, the action on where it will be, optimistic locking, audit.
 */
@Service
public class ActivityService {

    private final ActivityQueries queries;
    private final Registry registry;
    private final AuditLog audit;
    private final Clock clock;

    public ActivityService(ActivityQueries queries, Registry registry, AuditLog audit, Clock clock) {
        this.queries = queries;
        this.registry = registry;
        this.audit = audit;
        this.clock = clock;
    }

    /** Where an activity at a place sits, for access checks. */
    Target target(long placeId, Collection<Long> activityOrganisers) {
        Target place = registry.placeTarget(placeId).orElseThrow(() -> new KohtaamoException.NotFound("place " + placeId));
        Set<Long> orgs = new HashSet<>(place.organisationIds());
        orgs.addAll(activityOrganisers);
        return new Target(place.countyId(), place.areaId(), orgs, placeId);
    }

    public ActivityQueries.Activity activityForStaff(Actor actor, long id) {
        ActivityQueries.Activity a = queries.activity(id).orElseThrow(() -> new KohtaamoException.NotFound("activity " + id));
        AccessControl.require(actor, CalendarAction.ACTIVITY_UPDATE, target(a.placeId(), a.organiserIds()));
        return a;
    }

    /** The place's activities, for staff who may manage the place's calendar. */
    public List<ActivityQueries.Activity> activitiesOfPlace(Actor actor, long placeId) {
        AccessControl.require(actor, CalendarAction.ACTIVITY_CREATE, target(placeId, List.of()));
        return queries.activitiesOfPlace(placeId);
    }

    @Transactional
    public long create(Actor actor, ActivityForm form) {
        if (!AccessControl.mayEver(actor, CalendarAction.ACTIVITY_CREATE)) {
            throw new KohtaamoException.Forbidden("ACTIVITY_CREATE");
        }
        FieldErrors errors = new FieldErrors();
        ActivityCommand c = form.toCommand(errors);
        checkReferences(c, errors);
        errors.throwIfAny();
        Target t = target(c.placeId(), c.organiserIds());
        if (!AccessControl.allows(actor, CalendarAction.ACTIVITY_CREATE, t)) {
            errors.add("placeId", "validation.outOfScope").throwIfAny();
        }
        long id = queries.insert(c, false, clock.instant());
        audit.record(actor, CalendarAction.ACTIVITY_CREATE.name(), "activity", id, t, null, queries.activity(id).orElseThrow());
        return id;
    }

    @Transactional
    public void update(Actor actor, long id, ActivityForm form) {
        ActivityQueries.Activity before = activityForStaff(actor, id);
        FieldErrors errors = new FieldErrors();
        ActivityCommand c = form.toCommand(errors);
        Integer version = new Input(errors).integer("version", form.version, 0, Integer.MAX_VALUE, 0);
        checkReferences(c, errors);
        errors.throwIfAny();
        Target t = target(c.placeId(), c.organiserIds());
        if (!AccessControl.allows(actor, CalendarAction.ACTIVITY_UPDATE, t)) {
            errors.add("placeId", "validation.outOfScope").throwIfAny();
        }
        if (!queries.update(id, version, c, clock.instant())) {
            throw new KohtaamoException.Conflict("stale", "activity " + id);
        }
        audit.record(actor, CalendarAction.ACTIVITY_UPDATE.name(), "activity", id, t, before,
                queries.activity(id).orElseThrow());
    }

    @Transactional
    public void delete(Actor actor, long id) {
        ActivityQueries.Activity before = queries.activity(id)
                .orElseThrow(() -> new KohtaamoException.NotFound("activity " + id));
        Target t = target(before.placeId(), before.organiserIds());
        AccessControl.require(actor, CalendarAction.ACTIVITY_DELETE, t);
        queries.delete(id);
        audit.record(actor, CalendarAction.ACTIVITY_DELETE.name(), "activity", id, t, before, null);
    }

    private void checkReferences(ActivityCommand c, FieldErrors errors) {
        if (c == null) {
            return;
        }
        if (registry.placeTarget(c.placeId()).isEmpty()) {
            errors.add("placeId", "validation.choice");
        }
        for (Long org : c.organiserIds()) {
            if (registry.organisation(org).isEmpty()) {
                errors.add("organiserIds", "validation.choice");
                break;
            }
        }
    }

    // ---- single occurrences and pauses ----------------------------------------------------------

    /** Cancels one occurrence (by the date the rule gives it) with a reason the public sees. */
    @Transactional
    public void cancelOccurrence(Actor actor, long activityId, String originalDate, LocalizedTextForm reason) {
        ActivityQueries.Activity a = requireChange(actor, activityId);
        FieldErrors errors = new FieldErrors();
        Input in = new Input(errors);
        LocalDate date = in.date("originalDate", originalDate, true);
        LocalizedText why = reason.check(in, "reason", true);
        if (date != null && !ScheduleExpander.occursOn(a.schedule(), date)) {
            errors.add("originalDate", "validation.notAnOccurrence");
        }
        errors.throwIfAny();
        queries.saveChange(new ActivityQueries.ChangeRow(activityId, date, "CANCELLED", null, null, null, why),
                clock.instant());
        audit.record(actor, "OCCURRENCE_CANCEL", "activity", activityId, target(a.placeId(), a.organiserIds()), null,
                java.util.Map.of("date", date.toString(), "reason", why));
    }

    /** Moves one occurrence to another date and/or time, with a reason. */
    @Transactional
    public void moveOccurrence(Actor actor, long activityId, String originalDate, String newDate, String newStart,
            String newEnd, LocalizedTextForm reason) {
        ActivityQueries.Activity a = requireChange(actor, activityId);
        FieldErrors errors = new FieldErrors();
        Input in = new Input(errors);
        LocalDate date = in.date("originalDate", originalDate, true);
        LocalDate to = in.date("newDate", newDate, true);
        LocalTime start = in.time("newStart", newStart);
        LocalTime end = in.time("newEnd", newEnd);
        LocalizedText why = reason.check(in, "reason", true);
        if (date != null && !ScheduleExpander.occursOn(a.schedule(), date)) {
            errors.add("originalDate", "validation.notAnOccurrence");
        }
        Integer minutes = null;
        if (start != null && end != null) {
            if (!end.isAfter(start)) {
                errors.add("newEnd", "validation.closesBeforeOpens");
            } else {
                minutes = (int) java.time.Duration.between(start, end).toMinutes();
            }
        } else if (start != null || end != null) {
            errors.add("newStart", "validation.hoursPair");
        }
        errors.throwIfAny();
        queries.saveChange(new ActivityQueries.ChangeRow(activityId, date, "MOVED", to, start, minutes, why),
                clock.instant());
        audit.record(actor, "OCCURRENCE_MOVE", "activity", activityId, target(a.placeId(), a.organiserIds()), null,
                java.util.Map.of("from", date.toString(), "to", to.toString(), "reason", why));
    }

    /** Undoes the change of one occurrence. */
    @Transactional
    public void restoreOccurrence(Actor actor, long activityId, String originalDate) {
        ActivityQueries.Activity a = requireChange(actor, activityId);
        FieldErrors errors = new FieldErrors();
        LocalDate date = new Input(errors).date("originalDate", originalDate, true);
        errors.throwIfAny();
        if (queries.deleteChange(activityId, date, clock.instant())) {
            audit.record(actor, "OCCURRENCE_RESTORE", "activity", activityId, target(a.placeId(), a.organiserIds()),
                    java.util.Map.of("date", date.toString()), null);
        }
    }

    /** Pauses the series for a period. */
    @Transactional
    public long pause(Actor actor, long activityId, String start, String end, LocalizedTextForm reason) {
        ActivityQueries.Activity a = requireChange(actor, activityId);
        FieldErrors errors = new FieldErrors();
        Input in = new Input(errors);
        LocalDate from = in.date("pauseStart", start, true);
        LocalDate to = in.date("pauseEnd", end, true);
        LocalizedText why = reason.check(in, "reason", false);
        if (from != null && to != null && to.isBefore(from)) {
            errors.add("pauseEnd", "validation.endBeforeStart");
        }
        errors.throwIfAny();
        long id = queries.insertPause(activityId, from, to, why, clock.instant());
        audit.record(actor, "ACTIVITY_PAUSE", "activity", activityId, target(a.placeId(), a.organiserIds()), null,
                java.util.Map.of("start", from.toString(), "end", to.toString(), "reason", why));
        return id;
    }

    @Transactional
    public void removePause(Actor actor, long activityId, long pauseId) {
        ActivityQueries.Activity a = requireChange(actor, activityId);
        if (queries.deletePause(activityId, pauseId, clock.instant())) {
            audit.record(actor, "ACTIVITY_UNPAUSE", "activity", activityId, target(a.placeId(), a.organiserIds()),
                    java.util.Map.of("pause", pauseId), null);
        }
    }

    private ActivityQueries.Activity requireChange(Actor actor, long activityId) {
        ActivityQueries.Activity a = queries.activity(activityId)
                .orElseThrow(() -> new KohtaamoException.NotFound("activity " + activityId));
        AccessControl.require(actor, CalendarAction.OCCURRENCE_CHANGE, target(a.placeId(), a.organiserIds()));
        return a;
    }

    /** A reason or note in three languages as a form sends it. */
    public record LocalizedTextForm(String fi, String sv, String en) {

        LocalizedText check(Input in, String field, boolean required) {
            return new LocalizedText(required ? in.requiredLine(field + "Fi", fi, 500) : in.line(field + "Fi", fi, 500),
                    in.line(field + "Sv", sv, 500), in.line(field + "En", en, 500));
        }
    }
}
