package fi.kohtaamo.planning.internal;

import fi.kohtaamo.audit.AuditLog;
import fi.kohtaamo.calendar.ActivityCalendar;
import fi.kohtaamo.calendar.ActivityCalendar.OccurrenceRef;
import fi.kohtaamo.calendar.ActivityCalendar.PlannedActivity;
import fi.kohtaamo.planning.PlanningAction;
import fi.kohtaamo.planning.internal.OverlapFinder.Overlap;
import fi.kohtaamo.planning.internal.Timetable.Session;
import fi.kohtaamo.planning.internal.Timetable.Slot;
import fi.kohtaamo.registry.Registry;
import fi.kohtaamo.shared.AccessControl;
import fi.kohtaamo.shared.Actor;
import fi.kohtaamo.shared.FieldErrors;
import fi.kohtaamo.shared.Input;
import fi.kohtaamo.shared.KohtaamoException;
import fi.kohtaamo.shared.LocalizedText;
import fi.kohtaamo.shared.Role;
import fi.kohtaamo.shared.Scope;
import fi.kohtaamo.shared.Target;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Planning's checks and writes: which county and area an actor analyses (from the stored records: an area's county
 * from the registry, an area coordinator's own area), the timetable of the window as the calendar plans it, overlaps
 * with those kept on purpose, and keeping or releasing an overlap (audited).
 */
@Service
public class TimetableService {

    static final ZoneId HELSINKI = ZoneId.of("Europe/Helsinki");
    static final int DEFAULT_WEEKS = 8;
    static final int MAX_WEEKS = 26;
    static final int MAX_METRES = 50_000;

    private final Registry registry;
    private final ActivityCalendar calendar;
    private final TimetableQueries queries;
    private final AuditLog audit;
    private final Clock clock;

    TimetableService(Registry registry, ActivityCalendar calendar, TimetableQueries queries, AuditLog audit, Clock clock) {
        this.registry = registry;
        this.calendar = calendar;
        this.queries = queries;
        this.audit = audit;
        this.clock = clock;
    }

    /** What is analysed: a county (null = the whole nation, administrators only) and optionally one of its areas. */
    public record Region(Long countyId, Long areaId) {

        Target target() {
            return new Target(countyId, areaId, Set.of(), null);
        }

        Scope scope() {
            if (areaId != null) {
                return new Scope(false, -1, areaId, List.of(-1L), -1);
            }
            return countyId == null ? Scope.ALL : new Scope(false, countyId, -1, List.of(-1L), -1);
        }

        public String query() {
            return "county=" + (countyId == null ? "all" : countyId) + (areaId == null ? "" : "&area=" + areaId);
        }
    }

    /**
     * The region asked for, checked for the action: an area's county comes from the registry; an area coordinator
     * without an area asked gets their own; "all" (the nation) only for an administrator.
     */
    Region region(Actor actor, PlanningAction action, String county, String area) {
        if (!AccessControl.mayEver(actor, action)) {
            throw new KohtaamoException.Forbidden(action.name());
        }
        Long areaId = blank(area) ? null : fi.kohtaamo.shared.PathIds.orNotFound(area);
        if (areaId == null && actor.role() == Role.AREA_COORDINATOR) {
            areaId = actor.areaId();
        }
        Long countyId;
        if (areaId != null) {
            countyId = registry.countyOfArea(areaId).orElseThrow(() -> new KohtaamoException.NotFound("area"));
        } else if ("all".equals(county) && actor.role() == Role.ADMIN) {
            countyId = null;
        } else if (!blank(county) && !"all".equals(county)) {
            countyId = fi.kohtaamo.shared.PathIds.orNotFound(county);
            if (registry.county(countyId).isEmpty()) {
                throw new KohtaamoException.NotFound("county");
            }
        } else if (actor.countyId() != null) {
            countyId = actor.countyId();
        } else {
            countyId = registry.counties().stream().map(Registry.Ref::id).findFirst()
                    .orElseThrow(() -> new KohtaamoException.NotFound("county"));
        }
        Region r = new Region(countyId, areaId);
        AccessControl.require(actor, action, r.target());
        return r;
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** The window's first day: Monday of this week. */
    LocalDate monday() {
        return LocalDate.now(clock.withZone(HELSINKI)).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    static int weeks(String raw) {
        try {
            int w = blank(raw) ? DEFAULT_WEEKS : Integer.parseInt(raw.strip());
            return Math.max(1, Math.min(MAX_WEEKS, w));
        } catch (NumberFormatException e) {
            throw new KohtaamoException.BadParameter("weeks");
        }
    }

    static int metres(String raw) {
        try {
            int m = blank(raw) ? 0 : Integer.parseInt(raw.strip());
            return Math.max(0, Math.min(MAX_METRES, m));
        } catch (NumberFormatException e) {
            throw new KohtaamoException.BadParameter("distance");
        }
    }

    /** The published activities of the region's published places, planned for the window. */
    Timetable timetable(Region region, LocalDate from, int weeks) {
        LocalDate to = from.plusWeeks(weeks).minusDays(1);
        List<Registry.ReportPlace> places = registry.reportPlaces(region.scope()).stream()
                .filter(Registry.ReportPlace::published).toList();
        Map<Long, Registry.PlacePoint> points = registry.placePoints(region.scope());
        Map<Long, String> municipalities = new HashMap<>();
        Map<Long, Registry.ReportPlace> byId = new HashMap<>();
        for (Registry.ReportPlace p : places) {
            municipalities.put(p.id(), p.municipalityCode());
            byId.put(p.id(), p);
        }
        Map<Long, List<PlannedActivity>> planned = calendar.plannedActivitiesOfPlaces(municipalities, from, to);
        List<Slot> slots = new ArrayList<>();
        planned.forEach((placeId, activities) -> {
            Registry.ReportPlace p = byId.get(placeId);
            Registry.PlacePoint point = points.get(placeId);
            for (PlannedActivity a : activities) {
                if (!a.activity().published()) {
                    continue;
                }
                List<Session> sessions = new ArrayList<>();
                for (OccurrenceRef o : a.occurrences()) {
                    if (!o.cancelled()) {
                        sessions.add(session(o.start(), o.end()));
                    }
                }
                List<String> languages = a.activity().languages().isEmpty() && point != null ? point.languages()
                        : a.activity().languages();
                slots.add(new Slot(a.activity().id(), placeId, p.areaId(), p.countyId(), p.municipalityCode(),
                        a.activity().kind(), a.ageMinMonths(), a.ageMaxMonths(), List.copyOf(languages),
                        coordinate(point == null ? null : point.latitude()),
                        coordinate(point == null ? null : point.longitude()), a.activity().name(), p.name(),
                        p.areaName(), List.copyOf(sessions)));
            }
        });
        slots.sort(java.util.Comparator.comparingLong(Slot::activityId));
        return new Timetable(from, weeks, slots);
    }

    static Session session(ZonedDateTime start, ZonedDateTime end) {
        ZonedDateTime s = start.withZoneSameInstant(HELSINKI);
        ZonedDateTime e = end.withZoneSameInstant(HELSINKI);
        int from = s.getHour() * 60 + s.getMinute();
        int to = e.toLocalDate().isAfter(s.toLocalDate()) ? 24 * 60 : e.getHour() * 60 + e.getMinute();
        return new Session(s.toLocalDate(), from, Math.max(from + 1, to));
    }

    private static double coordinate(java.math.BigDecimal v) {
        return v == null ? Double.NaN : v.doubleValue();
    }

    /** The areas shown: the region's area, else the county's areas, else every area that has places. */
    Map<Long, LocalizedText> areas(Region region, Timetable t) {
        Map<Long, LocalizedText> out = new LinkedHashMap<>();
        if (region.areaId() != null) {
            registry.area(region.areaId()).ifPresent(a -> out.put(a.id(), a.name()));
        } else if (region.countyId() != null) {
            registry.areas(region.countyId()).forEach(a -> out.put(a.id(), a.name()));
        } else {
            registry.reportPlaces(Scope.ALL).forEach(p -> out.putIfAbsent(p.areaId(), p.areaName()));
        }
        return out;
    }

    /** The languages compared for the region: fi, sv and the other languages of its places. */
    List<String> languages(Region region) {
        List<String> all = new ArrayList<>();
        registry.placePoints(region.countyId() == null ? Scope.ALL
                : new Scope(false, region.countyId(), -1, List.of(-1L), -1)).values()
                .forEach(p -> all.addAll(p.languages()));
        return GapFinder.languages(all);
    }

    /** An overlap with the mark of a coordinator who keeps it on purpose (null when not kept). */
    public record Marked(Overlap overlap, TimetableQueries.Ignored ignored) {
    }

    List<Marked> overlaps(Region region, Timetable t, int metres) {
        Map<String, TimetableQueries.Ignored> ignored = new HashMap<>();
        queries.ignored(region.countyId() == null ? -1 : region.countyId())
                .forEach(i -> ignored.put(OverlapFinder.Overlap.key(i.activityA(), i.activityB()), i));
        return OverlapFinder.find(t.slots(), metres).stream().map(o -> new Marked(o, ignored.get(o.key()))).toList();
    }

    /** Keeps an overlap on purpose; both activities must lie in what the actor may plan. */
    @Transactional
    long ignore(Actor actor, String activityA, String activityB, String reason) {
        FieldErrors errors = new FieldErrors();
        Input in = new Input(errors);
        Long a = in.id("activityA", activityA, true);
        Long b = in.id("activityB", activityB, true);
        String why = in.requiredLine("reason", reason, 500);
        if (!errors.isEmpty()) {
            throw new KohtaamoException.Invalid(errors);
        }
        long lo = Math.min(a, b);
        long hi = Math.max(a, b);
        if (lo == hi) {
            throw new KohtaamoException.BadParameter("activityB");
        }
        long county = -1;
        for (long id : List.of(lo, hi)) {
            ActivityCalendar.ActivityRef ref = calendar.activity(id)
                    .orElseThrow(() -> new KohtaamoException.NotFound("activity " + id));
            Target where = registry.placeTarget(ref.placeId())
                    .orElseThrow(() -> new KohtaamoException.NotFound("place"));
            AccessControl.require(actor, PlanningAction.IGNORE_OVERLAP, new Target(where.countyId(), where.areaId(),
                    Set.of(), null));
            county = where.countyId();
        }
        if (queries.ignored(lo, hi).isPresent()) {
            throw new KohtaamoException.Conflict("stale", "planning kept " + lo + "-" + hi);
        }
        long id = queries.ignore(county, lo, hi, why, actor.id(), clock.instant());
        audit.recordNonPublic(actor, "PLANNING_OVERLAP_KEEP", "planning_ignored_overlap", id, Target.county(county),
                null, queries.ignoredById(id).orElseThrow());
        return id;
    }

    /** Releases a kept overlap (the stored version must match: a stale form changes nothing). */
    @Transactional
    void unignore(Actor actor, long id, String version) {
        TimetableQueries.Ignored i = queries.ignoredById(id).orElseThrow(() -> new KohtaamoException.NotFound("kept"));
        for (long activity : List.of(i.activityA(), i.activityB())) {
            Target where = calendar.activity(activity).flatMap(r -> registry.placeTarget(r.placeId()))
                    .orElse(Target.county(i.countyId()));
            AccessControl.require(actor, PlanningAction.IGNORE_OVERLAP, new Target(where.countyId(), where.areaId(),
                    Set.of(), null));
        }
        int v;
        try {
            v = Integer.parseInt(version == null ? "" : version.strip());
        } catch (NumberFormatException e) {
            throw new KohtaamoException.BadParameter("version");
        }
        if (queries.unignore(id, v) == 0) {
            throw new KohtaamoException.Conflict("stale", "planning_ignored_overlap " + id);
        }
        audit.recordNonPublic(actor, "PLANNING_OVERLAP_RELEASE", "planning_ignored_overlap", id,
                Target.county(i.countyId()), i, null);
    }

    List<Registry.Ref> counties() {
        return registry.counties();
    }

    List<Registry.Ref> areasOf(long countyId) {
        return registry.areas(countyId);
    }

    Clock clock() {
        return clock;
    }
}
