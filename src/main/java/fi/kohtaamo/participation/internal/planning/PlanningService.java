package fi.kohtaamo.participation.internal.planning;

import fi.kohtaamo.audit.AuditLog;
import fi.kohtaamo.calendar.CalendarEvents;
import fi.kohtaamo.coordination.WorkingGroupMeetings;
import fi.kohtaamo.participation.PlanningDayAction;
import fi.kohtaamo.participation.internal.planning.PlanningQueries.Day;
import fi.kohtaamo.participation.internal.wishes.WishQueries.State;
import fi.kohtaamo.participation.internal.wishes.WishQueries.Wish;
import fi.kohtaamo.participation.internal.wishes.WishService;
import fi.kohtaamo.registry.PlaceCriteria;
import fi.kohtaamo.registry.Registry;
import fi.kohtaamo.shared.AccessControl;
import fi.kohtaamo.shared.Actor;
import fi.kohtaamo.shared.ClockConfig;
import fi.kohtaamo.shared.FieldErrors;
import fi.kohtaamo.shared.Input;
import fi.kohtaamo.shared.KohtaamoException;
import fi.kohtaamo.shared.Lang;
import fi.kohtaamo.shared.LocalizedText;
import fi.kohtaamo.shared.PersonalData;
import fi.kohtaamo.shared.Scope;
import fi.kohtaamo.shared.Target;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Joint planning days: arranging one (the family calendar's event at a published place of the area and the area's
 * working group's meeting of kind PLANNING_DAY, in one transaction) and reading them; their decisions are
 * {@link PlanningDecisionService}'s. Every check is on the stored planning day's area (or, when
 * arranging, on the chosen place's stored area), never on a form's area.
 */
@Service
public class PlanningService {

    static final int MAX_DESCRIPTION = 2000;
    static final int MAX_ADDRESS = 300;
    static final int MAX_DECISION = 2000;
    /** The longest period a planning day gathers, in months (as the feedback page allows). */
    static final int MAX_MONTHS = 36;
    /** The most wishes one decision links. */
    static final int MAX_LINKED = 50;
    /** Without an earlier planning day of the area, the period starts this many months before the day's month. */
    static final int DEFAULT_MONTHS_BACK = 5;

    private final PlanningQueries queries;
    private final Registry registry;
    private final CalendarEvents events;
    private final WorkingGroupMeetings meetings;
    private final WishService wishes;
    private final MessageSource messages;
    private final AuditLog audit;
    private final Clock clock;

    PlanningService(PlanningQueries queries, Registry registry, CalendarEvents events, WorkingGroupMeetings meetings,
            WishService wishes, MessageSource messages, AuditLog audit, Clock clock) {
        this.queries = queries;
        this.registry = registry;
        this.events = events;
        this.meetings = meetings;
        this.wishes = wishes;
        this.messages = messages;
        this.audit = audit;
        this.clock = clock;
    }

    // ---- where a planning day is ----------------------------------------------------------------

    /** The places of an area (published or not) with their organisers. */
    List<Registry.ReportPlace> placesOfArea(long areaId) {
        return registry.reportPlaces(new Scope(false, -1, areaId, List.of(-1L), -1));
    }

    /** A planning day sits at its area: the county, the area, and the organisations running the area's places. */
    Target target(long countyId, long areaId) {
        Set<Long> orgs = new HashSet<>();
        placesOfArea(areaId).forEach(p -> orgs.addAll(p.organiserIds()));
        return new Target(countyId, areaId, orgs, null);
    }

    Target target(Day d) {
        return target(d.countyId(), d.areaId());
    }

    /** A planning day the actor may read. */
    public Day readable(Actor actor, long id) {
        Day d = queries.day(id).orElseThrow(() -> new KohtaamoException.NotFound("planning day " + id));
        AccessControl.require(actor, PlanningDayAction.READ, target(d));
        return d;
    }

    boolean mayManage(Actor actor, Day d) {
        return AccessControl.allows(actor, PlanningDayAction.MANAGE, target(d));
    }

    /** The planning days of the areas the actor reaches, newest first. */
    List<Day> list(Actor actor) {
        if (!AccessControl.mayEver(actor, PlanningDayAction.READ)) {
            throw new KohtaamoException.Forbidden(PlanningDayAction.READ.name());
        }
        Scope scope = AccessControl.scope(actor, PlanningDayAction.READ);
        Set<Long> areas = new LinkedHashSet<>();
        if (scope.areaId() != -1) {
            areas.add(scope.areaId());
        }
        if (!scope.all() && !scope.geographic()) {
            registry.reportPlaces(scope).forEach(p -> areas.add(p.areaId()));
        }
        return queries.days(scope.all(), scope.countyId(), areas);
    }

    /** Published places where the actor may arrange a planning day (coordinators: their area's or county's). */
    List<Registry.ReportPlace> placesToArrange(Actor actor) {
        if (!AccessControl.mayEver(actor, PlanningDayAction.MANAGE)) {
            return List.of();
        }
        return registry.reportPlaces(AccessControl.scope(actor, PlanningDayAction.MANAGE)).stream()
                .filter(Registry.ReportPlace::published)
                .filter(p -> AccessControl.allows(actor, PlanningDayAction.MANAGE, new Target(p.countyId(), p.areaId(),
                        Set.of(), null)))
                .toList();
    }

    // ---- the period -----------------------------------------------------------------------------

    /** Whole months from..to: feedback is protected per place and month, so no period is cut finer. */
    record Period(YearMonth from, YearMonth to) {
        LocalDate firstDay() {
            return from.atDay(1);
        }

        LocalDate lastDay() {
            return to.atEndOfMonth();
        }
    }

    static YearMonth month(Input in, String field, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            YearMonth m = YearMonth.parse(raw.strip());
            if (m.getYear() < 2000 || m.getYear() > 2100) {
                in.errors().add(field, "validation.dateRange");
                return null;
            }
            return m;
        } catch (DateTimeParseException e) {
            in.errors().add(field, "validation.date");
            return null;
        }
    }

    /** The default period of a day: since the month of the area's previous planning day, up to the day's month. */
    Period defaultPeriod(long areaId, Instant startsAt, long exceptId) {
        YearMonth to = YearMonth.from(startsAt.atZone(ClockConfig.ZONE));
        YearMonth from = queries.previous(areaId, startsAt, exceptId)
                .map(p -> YearMonth.from(p.startsAt().atZone(ClockConfig.ZONE))).orElse(to.minusMonths(DEFAULT_MONTHS_BACK));
        if (from.isBefore(to.minusMonths(MAX_MONTHS - 1))) {
            from = to.minusMonths(MAX_MONTHS - 1);
        }
        return new Period(from, to);
    }

    static void checkPeriod(FieldErrors errors, YearMonth from, YearMonth to) {
        if (from != null && to != null && (from.isAfter(to) || from.isBefore(to.minusMonths(MAX_MONTHS - 1)))) {
            errors.add("periodFrom", "planning.validation.period", MAX_MONTHS);
        }
    }

    /** A period asked for on the page (query parameters): a bad one is a 400, as on the feedback page. */
    Period period(Day d, String rawFrom, String rawTo) {
        FieldErrors errors = new FieldErrors();
        Input in = new Input(errors);
        YearMonth from = month(in, "from", rawFrom);
        YearMonth to = month(in, "to", rawTo);
        checkPeriod(errors, from == null ? YearMonth.from(d.periodFrom()) : from,
                to == null ? YearMonth.from(d.periodTo()) : to);
        if (!errors.isEmpty()) {
            throw new KohtaamoException.BadParameter(errors.has("from") ? "from" : "to");
        }
        return new Period(from == null ? YearMonth.from(d.periodFrom()) : from,
                to == null ? YearMonth.from(d.periodTo()) : to);
    }

    // ---- arranging a planning day ---------------------------------------------------------------

    /**
     * Arranges a planning day at a published place (its area is the place's stored area): checks the form, then
     * creates the calendar event, the working group's meeting and the record, all or nothing. An area without a
     * working group cannot have one (the form says so).
     */
    @Transactional
    public long create(Actor actor, Map<String, String> form, boolean demo) {
        if (!AccessControl.mayEver(actor, PlanningDayAction.MANAGE)) {
            throw new KohtaamoException.Forbidden(PlanningDayAction.MANAGE.name());
        }
        FieldErrors errors = new FieldErrors();
        Input in = new Input(errors);
        Long placeId = in.id("placeId", form.get("placeId"), true);
        String address = in.line("planningAddress", form.get("planningAddress"), MAX_ADDRESS);
        LocalDate date = in.date("planningDate", form.get("planningDate"), true);
        LocalTime start = in.time("planningStart", form.get("planningStart"));
        LocalTime end = in.time("planningEnd", form.get("planningEnd"));
        if (start == null && !errors.has("planningStart")) {
            errors.add("planningStart", "validation.required");
        }
        if (end == null && !errors.has("planningEnd")) {
            errors.add("planningEnd", "validation.required");
        }
        if (start != null && end != null && !end.isAfter(start)) {
            errors.add("planningEnd", "planning.validation.endBeforeStart");
        }
        String fi = in.paragraph("descriptionFi", form.get("descriptionFi"), MAX_DESCRIPTION);
        if (fi == null && !errors.has("descriptionFi")) {
            errors.add("descriptionFi", "validation.required");
        }
        String sv = in.paragraph("descriptionSv", form.get("descriptionSv"), MAX_DESCRIPTION);
        String en = in.paragraph("descriptionEn", form.get("descriptionEn"), MAX_DESCRIPTION);
        PersonalData.check(errors, "planningAddress", address);
        PersonalData.check(errors, "descriptionFi", fi);
        PersonalData.check(errors, "descriptionSv", sv);
        PersonalData.check(errors, "descriptionEn", en);
        YearMonth from = month(in, "periodFrom", form.get("periodFrom"));
        YearMonth to = month(in, "periodTo", form.get("periodTo"));
        Target where = null;
        if (placeId != null) {
            where = registry.placeTarget(placeId).orElse(null);
            boolean published = !registry.publicPlaces(new PlaceCriteria(null, null, placeId, Set.of(), null)).isEmpty();
            if (where == null || where.areaId() == null || !published) {
                errors.add("placeId", "validation.choice");
                where = null;
            } else if (!AccessControl.allows(actor, PlanningDayAction.MANAGE, new Target(where.countyId(),
                    where.areaId(), Set.of(), null))) {
                errors.add("placeId", "validation.outOfScope");
                where = null;
            }
        }
        WorkingGroupMeetings.GroupRef group = null;
        if (where != null) {
            group = meetings.workingGroupOfArea(where.areaId()).orElse(null);
            if (group == null) {
                errors.add("placeId", "planning.validation.noWorkingGroup");
            }
        }
        errors.throwIfAny();
        Instant startsAt = date.atTime(start).atZone(ClockConfig.ZONE).toInstant();
        Instant endsAt = date.atTime(end).atZone(ClockConfig.ZONE).toInstant();
        Period period = defaultPeriod(where.areaId(), startsAt, -1);
        Period chosen = new Period(from == null ? period.from() : from, to == null ? period.to() : to);
        checkPeriod(errors, chosen.from(), chosen.to());
        errors.throwIfAny();
        Instant now = clock.instant();
        LocalizedText description = LocalizedText.of(fi, sv, en);
        long id = queries.insert(where.countyId(), where.areaId(), placeId, address, startsAt, endsAt, description,
                chosen.firstDay(), chosen.lastDay(), actor.name(), demo, now);
        String areaName = registry.area(where.areaId()).map(a -> a.name().fi()).orElse("");
        long activity = events.create(actor, new CalendarEvents.Event(placeId, eventName(), eventDescription(description,
                address), date, start, end, List.of(), List.of(), demo));
        long meeting = meetings.createPlanningDay(actor, group.id(),
                message("planning.meeting.title", Lang.FI, areaName), startsAt, endsAt, address != null ? address
                        : registry.place(placeId).map(p -> p.name().fi()).orElse(null));
        queries.link(id, activity, meeting, now);
        Day saved = queries.day(id).orElseThrow();
        audit.record(actor, "PLANNING_DAY_CREATE", "planning_day", id, target(saved), null, saved);
        return id;
    }

    private String message(String key, Lang lang, Object... args) {
        return messages.getMessage(key, args, lang.locale());
    }

    private LocalizedText eventName() {
        return LocalizedText.of(message("planning.event.name", Lang.FI), message("planning.event.name", Lang.SV),
                message("planning.event.name", Lang.EN));
    }

    /** The staff's description in each language given, with the address and the invitation to families. */
    private LocalizedText eventDescription(LocalizedText d, String address) {
        List<String> out = new ArrayList<>();
        for (Lang lang : List.of(Lang.FI, Lang.SV, Lang.EN)) {
            String text = d.exact(lang);
            if (text == null) {
                out.add(null);
                continue;
            }
            String where = address == null ? "" : "\n\n" + message("planning.event.where", lang, address);
            out.add(text + where + "\n\n" + message("planning.event.welcome", lang));
        }
        return LocalizedText.of(out.get(0), out.get(1), out.get(2));
    }

    // ---- decisions: PlanningDecisionService ---------------------------------------------------------

    /** The published wishes of the area a decision may answer. */
    List<Wish> linkable(Day d) {
        return wishes.publishedOfArea(d.areaId());
    }

    /** Whether the planning day is still to come. */
    boolean coming(Day d) {
        return d.endsAt().isAfter(clock.instant());
    }
}
