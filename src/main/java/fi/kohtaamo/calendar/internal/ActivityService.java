package fi.kohtaamo.calendar.internal;

import fi.kohtaamo.calendar.internal.ActivityForm;
import fi.kohtaamo.calendar.internal.SchoolHolidayForm;
import fi.kohtaamo.calendar.internal.rules.Schedule;
import fi.kohtaamo.calendar.internal.rules.ScheduleExpander;

import java.util.Comparator;
import fi.kohtaamo.shared.ClockConfig;
import fi.kohtaamo.audit.AuditLog;
import fi.kohtaamo.calendar.CalendarAction;
import fi.kohtaamo.calendar.ScheduleChanged;
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
    private final org.springframework.context.ApplicationEventPublisher events;

    public ActivityService(ActivityQueries queries, Registry registry, AuditLog audit, Clock clock,
            org.springframework.context.ApplicationEventPublisher events) {
        this.queries = queries;
        this.registry = registry;
        this.audit = audit;
        this.clock = clock;
        this.events = events;
    }

    /** Where an activity at a place sits, for access checks. */
    public Target target(long placeId, Collection<Long> activityOrganisers) {
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

    /** Throws unless the actor may create activities at the place (to refuse a page before showing it). */
    public void requireCreateAt(Actor actor, long placeId) {
        AccessControl.require(actor, CalendarAction.ACTIVITY_CREATE, target(placeId, List.of()));
    }

    /** The place's activities, for staff who may manage the place's calendar. */
    public List<ActivityQueries.Activity> activitiesOfPlace(Actor actor, long placeId) {
        AccessControl.require(actor, CalendarAction.ACTIVITY_CREATE, target(placeId, List.of()));
        // what runs now or is to come first, in the order of its season; ended seasons after, the latest first
        LocalDate today = LocalDate.now(clock.withZone(ClockConfig.ZONE));
        return queries.activitiesOfPlace(placeId).stream()
                .sorted(Comparator.comparing((ActivityQueries.Activity a) -> a.schedule().seasonEnd().isBefore(today))
                        .thenComparing(a -> a.schedule().seasonEnd().isBefore(today)
                                ? LocalDate.MAX.toEpochDay() - a.schedule().seasonEnd().toEpochDay()
                                : a.schedule().seasonStart().toEpochDay()))
                .toList();
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
        // the organisers named in the form give no access: only the place's own scope lets one create there
        if (!AccessControl.allows(actor, CalendarAction.ACTIVITY_CREATE, target(c.placeId(), List.of()))) {
            errors.add("placeId", "validation.outOfScope").throwIfAny();
        }
        long id = queries.insert(c, false, clock.instant());
        audit.recordCalendar(actor, CalendarAction.ACTIVITY_CREATE.name(), "activity", id, t, null, queries.activity(id).orElseThrow());
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
        // where it will be: at the same place, whoever reached it before (its stored organisers, not the form's);
        // at another place, only those who reach that place itself
        Target where = target(c.placeId(), c.placeId() == before.placeId() ? before.organiserIds() : List.of());
        if (!AccessControl.allows(actor, CalendarAction.ACTIVITY_UPDATE, where)) {
            errors.add("placeId", "validation.outOfScope").throwIfAny();
        }
        if (!queries.update(id, version, c, clock.instant())) {
            throw new KohtaamoException.Conflict("stale", "activity " + id);
        }
        // in one county's calendars only while it stays at places of that county
        boolean sameCounty = java.util.Objects.equals(t.countyId(), target(before.placeId(), List.of()).countyId());
        if (sameCounty) {
            audit.recordCalendar(actor, CalendarAction.ACTIVITY_UPDATE.name(), "activity", id, t, before,
                    queries.activity(id).orElseThrow());
        } else {
            audit.record(actor, CalendarAction.ACTIVITY_UPDATE.name(), "activity", id, t, before,
                    queries.activity(id).orElseThrow());
        }
        events.publishEvent(ScheduleChanged.activity(id));
    }

    @Transactional
    public void delete(Actor actor, long id) {
        ActivityQueries.Activity before = queries.activity(id)
                .orElseThrow(() -> new KohtaamoException.NotFound("activity " + id));
        Target t = target(before.placeId(), before.organiserIds());
        AccessControl.require(actor, CalendarAction.ACTIVITY_DELETE, t);
        events.publishEvent(new ScheduleChanged(java.util.Set.of(id), null, true));
        queries.delete(id);
        audit.recordCalendar(actor, CalendarAction.ACTIVITY_DELETE.name(), "activity", id, t, before, null);
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
        audit.recordCalendar(actor, "OCCURRENCE_CANCEL", "activity", activityId, target(a.placeId(), a.organiserIds()), null,
                java.util.Map.of("date", date.toString(), "reason", why));
        events.publishEvent(ScheduleChanged.activity(activityId));
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
        audit.recordCalendar(actor, "OCCURRENCE_MOVE", "activity", activityId, target(a.placeId(), a.organiserIds()), null,
                java.util.Map.of("from", date.toString(), "to", to.toString(), "reason", why));
        events.publishEvent(ScheduleChanged.activity(activityId));
    }

    /** Undoes the change of one occurrence. */
    @Transactional
    public void restoreOccurrence(Actor actor, long activityId, String originalDate) {
        ActivityQueries.Activity a = requireChange(actor, activityId);
        FieldErrors errors = new FieldErrors();
        LocalDate date = new Input(errors).date("originalDate", originalDate, true);
        errors.throwIfAny();
        if (queries.deleteChange(activityId, date, clock.instant())) {
            audit.recordCalendar(actor, "OCCURRENCE_RESTORE", "activity", activityId, target(a.placeId(), a.organiserIds()),
                    java.util.Map.of("date", date.toString()), null);
            events.publishEvent(ScheduleChanged.activity(activityId));
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
        audit.recordCalendar(actor, "ACTIVITY_PAUSE", "activity", activityId, target(a.placeId(), a.organiserIds()), null,
                java.util.Map.of("start", from.toString(), "end", to.toString(), "reason", why));
        events.publishEvent(ScheduleChanged.activity(activityId));
        return id;
    }

    /** The pauses of an activity that end today or later. */
    public List<ActivityQueries.PauseRow> pausesForStaff(Actor actor, long activityId, LocalDate today) {
        activityForStaff(actor, activityId);
        return queries.pauses(List.of(activityId), today, LocalDate.of(2100, 12, 31)).getOrDefault(activityId, List.of());
    }

    @Transactional
    public void removePause(Actor actor, long activityId, long pauseId) {
        ActivityQueries.Activity a = requireChange(actor, activityId);
        if (queries.deletePause(activityId, pauseId, clock.instant())) {
            audit.recordCalendar(actor, "ACTIVITY_UNPAUSE", "activity", activityId, target(a.placeId(), a.organiserIds()),
                    java.util.Map.of("pause", pauseId), null);
            events.publishEvent(ScheduleChanged.activity(activityId));
        }
    }

    // ---- seasons of many activities ------------------------------------------------------------

    /**
     * Sets a new season for many weekly or monthly activities at once. All or nothing: every
     * activity is checked (access and the rule with its new season) before any is changed.
     */
    @Transactional
    public int changeSeason(Actor actor, Collection<String> activityIds, String start, String end) {
        if (!AccessControl.mayEver(actor, CalendarAction.ACTIVITY_UPDATE)) {
            throw new KohtaamoException.Forbidden("ACTIVITY_UPDATE");
        }
        FieldErrors errors = new FieldErrors();
        Input in = new Input(errors);
        LocalDate from = in.date("seasonStart", start, true);
        LocalDate to = in.date("seasonEnd", end, true);
        Set<Long> ids = new java.util.LinkedHashSet<>();
        for (String raw : activityIds == null ? List.<String>of() : activityIds) {
            Long id = in.id("activityIds", raw, false);
            if (id != null) {
                ids.add(id);
            }
        }
        if (ids.isEmpty() && !errors.has("activityIds")) {
            errors.add("activityIds", "validation.activitiesRequired");
        }
        if (ids.size() > 1000) {
            errors.add("activityIds", "validation.tooMany", 1000);
        }
        errors.throwIfAny();
        java.util.Map<Long, ActivityQueries.Activity> before = new java.util.LinkedHashMap<>();
        java.util.Map<Long, Target> targets = new java.util.HashMap<>();
        for (Long id : ids) {
            ActivityQueries.Activity a = queries.activity(id)
                    .orElseThrow(() -> new KohtaamoException.NotFound("activity " + id));
            Target t = target(a.placeId(), a.organiserIds());
            AccessControl.require(actor, CalendarAction.ACTIVITY_UPDATE, t);
            Schedule s = a.schedule();
            if (s.kind() != Schedule.Kind.WEEKLY && s.kind() != Schedule.Kind.MONTHLY) {
                errors.add("activityIds", "validation.noSeason");
            } else {
                Schedule changed = new Schedule(s.kind(), s.weekdays(), s.parity(), s.nth(), s.dates(), from, to,
                        s.start(), s.durationMinutes());
                for (String problem : Schedule.validate(changed)) {
                    if (!errors.has("seasonEnd")) {
                        errors.add("seasonEnd", problem);
                    }
                }
            }
            before.put(id, a);
            targets.put(id, t);
        }
        errors.throwIfAny();
        int n = queries.setSeason(ids, from, to, clock.instant());
        for (Long id : ids) {
            audit.recordCalendar(actor, "ACTIVITY_SEASON_CHANGE", "activity", id, targets.get(id), before.get(id),
                    queries.activity(id).orElseThrow());
        }
        events.publishEvent(new ScheduleChanged(new HashSet<>(ids), null, false));
        return n;
    }

    /** The activities an actor may update, of the places in their scope (for the season page). */
    public List<ActivityQueries.Activity> activitiesForStaff(Actor actor, Collection<Long> placeIds) {
        java.util.Map<Long, Target> places = new java.util.HashMap<>();
        List<ActivityQueries.Activity> out = new java.util.ArrayList<>();
        for (ActivityQueries.Activity a : queries.activitiesOfPlaces(placeIds)) {
            Target place = places.computeIfAbsent(a.placeId(), p -> target(p, List.of()));
            Set<Long> orgs = new HashSet<>(place.organisationIds());
            orgs.addAll(a.organiserIds());
            if (AccessControl.allows(actor, CalendarAction.ACTIVITY_UPDATE,
                    new Target(place.countyId(), place.areaId(), orgs, a.placeId()))) {
                out.add(a);
            }
        }
        return out;
    }

    // ---- school holidays ------------------------------------------------------------------------

    /** The municipalities whose school holidays the actor may manage. */
    public List<Registry.MunicipalityRef> schoolHolidayMunicipalities(Actor actor) {
        if (!AccessControl.mayEver(actor, CalendarAction.SCHOOL_HOLIDAY_MANAGE)) {
            throw new KohtaamoException.Forbidden("SCHOOL_HOLIDAY_MANAGE");
        }
        return registry.municipalities(null).stream()
                .filter(m -> AccessControl.allows(actor, CalendarAction.SCHOOL_HOLIDAY_MANAGE, Target.county(m.countyId())))
                .toList();
    }

    public ActivityQueries.SchoolHoliday schoolHolidayForStaff(Actor actor, long id) {
        ActivityQueries.SchoolHoliday h = queries.schoolHoliday(id)
                .orElseThrow(() -> new KohtaamoException.NotFound("school holiday " + id));
        AccessControl.require(actor, CalendarAction.SCHOOL_HOLIDAY_MANAGE, municipalityTarget(h.municipalityCode()));
        return h;
    }

    private Target municipalityTarget(String code) {
        return registry.municipalities(null).stream().filter(m -> m.code().equals(code)).findFirst()
                .map(m -> Target.county(m.countyId()))
                .orElseThrow(() -> new KohtaamoException.NotFound("municipality " + code));
    }

    private record CheckedHoliday(String municipality, String language, LocalDate start, LocalDate end,
            LocalizedText name) {
    }

    private CheckedHoliday check(Actor actor, SchoolHolidayForm form) {
        FieldErrors errors = new FieldErrors();
        Input in = new Input(errors);
        String code = in.digits("municipalityCode", form.municipalityCode, 3, true);
        if (code != null && !registry.municipalityExists(code)) {
            errors.add("municipalityCode", "validation.unknownMunicipality");
        }
        String language = form.schoolLanguage == null || form.schoolLanguage.isBlank() ? null
                : form.schoolLanguage.strip();
        if (language != null && !language.equals("fi") && !language.equals("sv")) {
            errors.add("schoolLanguage", "validation.choice");
        }
        LocalDate from = in.date("start", form.start, true);
        LocalDate to = in.date("end", form.end, true);
        if (from != null && to != null) {
            if (to.isBefore(from)) {
                errors.add("end", "validation.endBeforeStart");
            } else if (java.time.temporal.ChronoUnit.DAYS.between(from, to) + 1 > SchoolHolidayForm.MAX_DAYS) {
                errors.add("end", "validation.holidayTooLong", SchoolHolidayForm.MAX_DAYS);
            }
        }
        LocalizedText name = new LocalizedText(in.requiredLine("nameFi", form.nameFi, 200),
                in.line("nameSv", form.nameSv, 200), in.line("nameEn", form.nameEn, 200));
        errors.throwIfAny();
        if (!AccessControl.allows(actor, CalendarAction.SCHOOL_HOLIDAY_MANAGE, municipalityTarget(code))) {
            errors.add("municipalityCode", "validation.outOfScope").throwIfAny();
        }
        return new CheckedHoliday(code, language, from, to, name);
    }

    @Transactional
    public long createSchoolHoliday(Actor actor, SchoolHolidayForm form) {
        if (!AccessControl.mayEver(actor, CalendarAction.SCHOOL_HOLIDAY_MANAGE)) {
            throw new KohtaamoException.Forbidden("SCHOOL_HOLIDAY_MANAGE");
        }
        CheckedHoliday h = check(actor, form);
        long id = queries.insertSchoolHoliday(h.municipality(), h.language(), h.start(), h.end(), h.name(),
                clock.instant());
        audit.record(actor, "SCHOOL_HOLIDAY_CREATE", "school_holiday", id, municipalityTarget(h.municipality()), null,
                queries.schoolHoliday(id).orElseThrow());
        events.publishEvent(new ScheduleChanged(java.util.Set.of(), h.municipality(), false));
        return id;
    }

    @Transactional
    public void updateSchoolHoliday(Actor actor, long id, SchoolHolidayForm form) {
        ActivityQueries.SchoolHoliday before = schoolHolidayForStaff(actor, id);
        CheckedHoliday h = check(actor, form);
        queries.updateSchoolHoliday(id, h.municipality(), h.language(), h.start(), h.end(), h.name(), clock.instant());
        audit.record(actor, "SCHOOL_HOLIDAY_UPDATE", "school_holiday", id, municipalityTarget(h.municipality()), before,
                queries.schoolHoliday(id).orElseThrow());
        events.publishEvent(new ScheduleChanged(java.util.Set.of(), before.municipalityCode(), false));
        events.publishEvent(new ScheduleChanged(java.util.Set.of(), h.municipality(), false));
    }

    @Transactional
    public void deleteSchoolHoliday(Actor actor, long id) {
        ActivityQueries.SchoolHoliday before = schoolHolidayForStaff(actor, id);
        queries.deleteSchoolHoliday(id);
        audit.record(actor, "SCHOOL_HOLIDAY_DELETE", "school_holiday", id, municipalityTarget(before.municipalityCode()),
                before, null);
        events.publishEvent(new ScheduleChanged(java.util.Set.of(), before.municipalityCode(), false));
    }

    /** The activity, when the actor may change its occurrences (OCCURRENCE_CHANGE); checked before anything else. */
    public ActivityQueries.Activity requireChange(Actor actor, long activityId) {
        ActivityQueries.Activity a = queries.activity(activityId)
                .orElseThrow(() -> new KohtaamoException.NotFound("activity " + activityId));
        AccessControl.require(actor, CalendarAction.OCCURRENCE_CHANGE, target(a.placeId(), a.organiserIds()));
        return a;
    }

    /** A reason or note in three languages as a form sends it. */
    public record LocalizedTextForm(String fi, String sv, String en) {

        /** Checks the three texts; when required, at least one language must be given. */
        LocalizedText check(Input in, String field, boolean required) {
            LocalizedText t = new LocalizedText(in.line(field + "Fi", fi, 500), in.line(field + "Sv", sv, 500),
                    in.line(field + "En", en, 500));
            if (required && t.isEmpty() && !in.errors().has(field + "Fi") && !in.errors().has(field + "Sv")
                    && !in.errors().has(field + "En")) {
                in.errors().add(field + "Fi", "validation.reasonRequired");
            }
            return t;
        }
    }
}
