package fi.kohtaamo.planning.internal;

import fi.kohtaamo.calendar.ActivityKind;
import fi.kohtaamo.planning.internal.TimetableQueries.SketchChange;
import fi.kohtaamo.planning.internal.Timetable.Session;
import fi.kohtaamo.planning.internal.Timetable.Slot;
import fi.kohtaamo.shared.LocalizedText;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A sketch applied to a timetable (plain Java): a removed activity is left out; a moved one keeps the weeks it is
 * held (holidays and parity stay as the calendar planned them) on the new weekday and time; an added one is held
 * every week of the window except on public holidays (as a new activity is by default; school holidays depend on the
 * activity and a sketch does not say). Then what changes: overlaps and gaps.
 */
public final class Sketch {

    private Sketch() {
    }

    /** Where an added activity would be. */
    public record PlaceOf(long placeId, long areaId, long countyId, String municipalityCode, LocalizedText placeName,
            LocalizedText areaName, double lat, double lon) {
    }

    static Timetable apply(Timetable t, List<SketchChange> changes, Map<Long, PlaceOf> places, Set<LocalDate> holidays) {
        Map<Long, SketchChange> byActivity = new HashMap<>();
        for (SketchChange c : changes) {
            if (c.activityId() != null) {
                byActivity.put(c.activityId(), c);
            }
        }
        List<Slot> out = new ArrayList<>();
        for (Slot s : t.slots()) {
            SketchChange c = byActivity.get(s.activityId());
            if (c == null) {
                out.add(s);
            } else if ("MOVE".equals(c.changeKind())) {
                out.add(moved(s, DayOfWeek.of(c.weekday()), c.startTime().getHour() * 60 + c.startTime().getMinute()));
            }
        }
        for (SketchChange c : changes) {
            if (!"ADD".equals(c.changeKind()) || !places.containsKey(c.placeId())) {
                continue;
            }
            PlaceOf p = places.get(c.placeId());
            int start = c.startTime().getHour() * 60 + c.startTime().getMinute();
            int end = Math.min(24 * 60, start + c.durationMinutes());
            List<Session> sessions = new ArrayList<>();
            LocalDate d = t.from().with(TemporalAdjusters.nextOrSame(DayOfWeek.of(c.weekday())));
            for (; !d.isAfter(t.to()); d = d.plusWeeks(1)) {
                if (!holidays.contains(d)) {
                    sessions.add(new Session(d, start, end));
                }
            }
            out.add(new Slot(-c.id(), p.placeId(), p.areaId(), p.countyId(), p.municipalityCode(),
                    ActivityKind.valueOf(c.kind()), c.ageMinMonths(), c.ageMaxMonths(),
                    c.language() == null ? List.of() : List.of(c.language()), p.lat(), p.lon(),
                    LocalizedText.of("+ " + c.kind(), null, null), p.placeName(), p.areaName(), sessions));
        }
        return new Timetable(t.from(), t.weeks(), out);
    }

    static Slot moved(Slot s, DayOfWeek day, int start) {
        List<Session> sessions = new ArrayList<>();
        Set<LocalDate> seen = new LinkedHashSet<>();
        for (Session x : s.sessions()) {
            LocalDate monday = x.date().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            LocalDate d = monday.plusDays(day.getValue() - 1);
            if (seen.add(d)) {
                sessions.add(new Session(d, start, Math.min(24 * 60, start + (x.end() - x.start()))));
            }
        }
        return s.withSessions(sessions);
    }

    /** What a sketch changes. */
    public record Diff(List<OverlapFinder.Overlap> overlapsCreated, List<OverlapFinder.Overlap> overlapsRemoved,
            List<String> gapsFilled, List<String> gapsCreated) {
    }

    static Diff diff(List<OverlapFinder.Overlap> before, List<OverlapFinder.Overlap> after, Set<String> gapsBefore,
            Set<String> gapsAfter) {
        Set<String> b = new LinkedHashSet<>();
        before.forEach(o -> b.add(o.key()));
        Set<String> a = new LinkedHashSet<>();
        after.forEach(o -> a.add(o.key()));
        List<OverlapFinder.Overlap> created = after.stream().filter(o -> !b.contains(o.key())).toList();
        List<OverlapFinder.Overlap> removed = before.stream().filter(o -> !a.contains(o.key())).toList();
        List<String> filled = gapsBefore.stream().filter(g -> !gapsAfter.contains(g)).toList();
        List<String> opened = gapsAfter.stream().filter(g -> !gapsBefore.contains(g)).toList();
        return new Diff(created, removed, filled, opened);
    }
}
