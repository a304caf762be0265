package fi.kohtaamo.planning.internal;

import fi.kohtaamo.audit.AuditLog;
import fi.kohtaamo.calendar.ActivityCalendar;
import fi.kohtaamo.calendar.ActivityKind;
import fi.kohtaamo.planning.PlanningAction;
import fi.kohtaamo.planning.internal.TimetableQueries.SketchChange;
import fi.kohtaamo.planning.internal.TimetableService.Region;
import fi.kohtaamo.registry.Registry;
import fi.kohtaamo.shared.AccessControl;
import fi.kohtaamo.shared.Actor;
import fi.kohtaamo.shared.FieldErrors;
import fi.kohtaamo.shared.Input;
import fi.kohtaamo.shared.KohtaamoException;
import fi.kohtaamo.shared.Target;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.MultiValueMap;

/** A user's sketch: changes kept per user and county, checked against what the user may plan; every write audited. */
@Service
class SketchService {

    /** The most changes one user keeps in their sketches (all counties together): a sketch is for trying, not storing. */
    static final int MAX_CHANGES = 100;

    private final TimetableQueries queries;
    private final TimetableService planning;
    private final Registry registry;
    private final ActivityCalendar calendar;
    private final AuditLog audit;

    SketchService(TimetableQueries queries, TimetableService planning, Registry registry, ActivityCalendar calendar,
            AuditLog audit) {
        this.queries = queries;
        this.planning = planning;
        this.registry = registry;
        this.calendar = calendar;
        this.audit = audit;
    }

    List<SketchChange> changes(Actor actor, Region region) {
        return queries.sketch(actor.id(), region.countyId());
    }

    /** The places an added activity may be put in: the region's, with where they are. */
    Map<Long, Sketch.PlaceOf> places(Region region) {
        Map<Long, Registry.PlacePoint> points = registry.placePoints(region.scope());
        Map<Long, Sketch.PlaceOf> out = new java.util.LinkedHashMap<>();
        for (Registry.ReportPlace p : registry.reportPlaces(region.scope())) {
            Registry.PlacePoint pt = points.get(p.id());
            out.put(p.id(), new Sketch.PlaceOf(p.id(), p.areaId(), p.countyId(), p.municipalityCode(), p.name(),
                    p.areaName(), pt == null || pt.latitude() == null ? Double.NaN : pt.latitude().doubleValue(),
                    pt == null || pt.longitude() == null ? Double.NaN : pt.longitude().doubleValue()));
        }
        return out;
    }

    static String first(MultiValueMap<String, String> f, String name) {
        List<String> v = f.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    /** Adds a change to the actor's sketch of the region's county. */
    @Transactional
    long add(Actor actor, Region region, MultiValueMap<String, String> form) {
        FieldErrors errors = new FieldErrors();
        Input in = new Input(errors);
        String change = first(form, "change");
        if (change == null || !Set.of("MOVE", "ADD", "REMOVE").contains(change)) {
            throw new KohtaamoException.BadParameter("change");
        }
        Long activity = null;
        Long place = null;
        String kind = null;
        Integer ageMin = null;
        Integer ageMax = null;
        String language = null;
        Integer weekday = null;
        LocalTime start = null;
        Integer duration = null;
        if (!change.equals("ADD")) {
            activity = in.id("activity", first(form, "activity"), true);
            if (activity != null) {
                ActivityCalendar.ActivityRef ref = calendar.activity(activity)
                        .orElseThrow(() -> new KohtaamoException.NotFound("activity"));
                requireIn(actor, region, ref.placeId());
            }
        } else {
            place = in.id("place", first(form, "place"), true);
            if (place != null) {
                requireIn(actor, region, place);
            }
            ActivityKind k = in.choice("kind", first(form, "kind"), ActivityKind.class, true);
            kind = k == null ? null : k.name();
            Integer minYears = in.integer("ageMin", first(form, "ageMin"), 0, 17, null);
            Integer maxYears = in.integer("ageMax", first(form, "ageMax"), 0, 17, null);
            ageMin = minYears == null ? null : minYears * 12;
            ageMax = maxYears == null ? null : maxYears * 12 + 11;
            if (ageMin != null && ageMax != null && ageMin > ageMax) {
                errors.add("ageMax", "planning.sketch.ageOrder");
            }
            language = in.line("language", first(form, "language"), 3);
            if (language != null && !language.matches("[a-z]{2,3}")) {
                errors.add("language", "planning.sketch.languageCode");
            }
            duration = in.integer("duration", first(form, "duration"), 15, 600, null);
            if (duration == null && !errors.has("duration")) {
                errors.add("duration", "planning.sketch.required");
            }
        }
        if (!change.equals("REMOVE")) {
            weekday = in.integer("weekday", first(form, "weekday"), 1, 7, null);
            start = in.time("start", first(form, "start"));
            if (weekday == null && !errors.has("weekday")) {
                errors.add("weekday", "planning.sketch.required");
            }
            if (start == null && !errors.has("start")) {
                errors.add("start", "planning.sketch.required");
            }
        }
        if (errors.isEmpty() && queries.changeCount(actor.id()) >= MAX_CHANGES) {
            errors.add("changes", "planning.sketch.tooMany", MAX_CHANGES);
        }
        if (!errors.isEmpty()) {
            throw new KohtaamoException.Invalid(errors);
        }
        SketchChange c = new SketchChange(0, actor.id(), region.countyId(), change, activity, place, kind, ageMin, ageMax,
                language, weekday, start, duration);
        long id = queries.addChange(c, planning.clock().instant());
        audit.recordNonPublic(actor, "PLANNING_SKETCH_CHANGE", "planning_sketch_change", id,
                Target.county(region.countyId()), null, c);
        return id;
    }

    private void requireIn(Actor actor, Region region, long placeId) {
        Target where = registry.placeTarget(placeId).orElseThrow(() -> new KohtaamoException.NotFound("place"));
        if (!java.util.Objects.equals(where.countyId(), region.countyId())) {
            throw new KohtaamoException.Forbidden("place outside the county");
        }
        AccessControl.require(actor, PlanningAction.SKETCH, new Target(where.countyId(), where.areaId(), Set.of(), null));
    }

    @Transactional
    void delete(Actor actor, Region region, long id) {
        if (queries.deleteChange(id, actor.id()) == 0) {
            throw new KohtaamoException.NotFound("sketch change");
        }
        audit.recordNonPublic(actor, "PLANNING_SKETCH_DELETE", "planning_sketch_change", id,
                Target.county(region.countyId()), id, null);
    }

    @Transactional
    void clear(Actor actor, Region region) {
        int n = queries.clearSketch(actor.id(), region.countyId());
        audit.recordNonPublic(actor, "PLANNING_SKETCH_CLEAR", "planning_sketch_change", region.countyId(),
                Target.county(region.countyId()), n, null);
    }

    /** The timetable, the sketched one, and what the sketch changes. */
    public record Outcome(Timetable before, Timetable after, Sketch.Diff diff) {
    }

    Outcome outcome(Actor actor, Region region, int weeks, int metres) {
        Timetable before = planning.timetable(region, planning.monday(), weeks);
        Timetable after = Sketch.apply(before, changes(actor, region), places(region),
                calendar.publicHolidays(before.from(), before.to()));
        var areas = planning.areas(region, before);
        var languages = planning.languages(region);
        return new Outcome(before, after, Sketch.diff(OverlapFinder.find(before.slots(), metres),
                OverlapFinder.find(after.slots(), metres),
                GapFinder.gapKeys(GapFinder.gaps(before.slots(), areas, languages)),
                GapFinder.gapKeys(GapFinder.gaps(after.slots(), areas, languages))));
    }

    Map<Long, String> names(Timetable t, fi.kohtaamo.shared.Lang lang) {
        Map<Long, String> out = new HashMap<>();
        t.slots().forEach(s -> out.put(s.activityId(), s.name().get(lang) + " – " + s.placeName().get(lang)));
        return out;
    }
}
