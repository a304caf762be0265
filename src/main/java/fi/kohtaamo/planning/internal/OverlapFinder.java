package fi.kohtaamo.planning.internal;

import fi.kohtaamo.planning.internal.Timetable.Session;
import fi.kohtaamo.planning.internal.Timetable.Slot;
import fi.kohtaamo.shared.GeoDistance;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds overlaps: two activities of the same kind whose children's ages overlap, held on the same date at
 * overlapping times, in the same area or (when a distance is given) at places within that distance of each other.
 * Only dates both are actually held count (the calendar's planner has taken out holidays, school holidays, the other
 * parity of weeks, pauses and cancellations), so a Tuesday group of even weeks never overlaps one of odd weeks.
 * Sessions are bucketed by (area or county, kind, date) and swept in start order: pairs are compared only within a
 * bucket and while their times can still meet.
 */
public final class OverlapFinder {

    /** Two activities that overlap, with the dates they share. */
    public record Overlap(Slot a, Slot b, int sharedDates, LocalDate firstDate, Set<DayOfWeek> weekdays, int start, int end,
            double metres) {

        public String key() {
            return key(a.activityId(), b.activityId());
        }

        static String key(long x, long y) {
            return Math.min(x, y) + "-" + Math.max(x, y);
        }
    }

    private OverlapFinder() {
    }

    private record Entry(int slot, int start, int end) {
    }

    private record Bucket(long group, Object kind, LocalDate date) {
    }

    private static final class Pair {
        int shared;
        LocalDate first;
        final Set<DayOfWeek> weekdays = EnumSet.noneOf(DayOfWeek.class);
        int start = Integer.MAX_VALUE;
        int end;
        double metres = Double.NaN;
    }

    /** The overlaps of the timetable; {@code metres} 0 means "the same area only". Ordered by area, then dates. */
    static List<Overlap> find(List<Slot> slots, int metres) {
        Map<Bucket, List<Entry>> buckets = new HashMap<>();
        for (int i = 0; i < slots.size(); i++) {
            Slot s = slots.get(i);
            long group = metres > 0 ? s.countyId() : s.areaId();
            for (Session session : s.sessions()) {
                buckets.computeIfAbsent(new Bucket(group, s.kind(), session.date()), k -> new ArrayList<>())
                        .add(new Entry(i, session.start(), session.end()));
            }
        }
        Map<Long, Pair> pairs = new HashMap<>();
        Comparator<Entry> byStart = Comparator.comparingInt(Entry::start);
        for (Map.Entry<Bucket, List<Entry>> bucket : buckets.entrySet()) {
            List<Entry> list = bucket.getValue();
            if (list.size() < 2) {
                continue;
            }
            list.sort(byStart);
            for (int i = 0; i < list.size(); i++) {
                Entry x = list.get(i);
                Slot a = slots.get(x.slot());
                for (int j = i + 1; j < list.size() && list.get(j).start() < x.end(); j++) {
                    Entry y = list.get(j);
                    Slot b = slots.get(y.slot());
                    if (a.activityId() == b.activityId() || !a.agesOverlap(b)) {
                        continue;
                    }
                    double d = Double.NaN;
                    if (a.hasPoint() && b.hasPoint()) {
                        d = GeoDistance.metres(a.lat(), a.lon(), b.lat(), b.lon());
                    }
                    if (a.areaId() != b.areaId() && (metres <= 0 || Double.isNaN(d) || d > metres)) {
                        continue;
                    }
                    int lo = Math.min(x.slot(), y.slot());
                    int hi = Math.max(x.slot(), y.slot());
                    Pair p = pairs.computeIfAbsent(((long) lo << 32) | hi, k -> new Pair());
                    LocalDate date = bucket.getKey().date();
                    p.shared++;
                    p.first = p.first == null || date.isBefore(p.first) ? date : p.first;
                    p.weekdays.add(date.getDayOfWeek());
                    p.start = Math.min(p.start, Math.max(x.start(), y.start()));
                    p.end = Math.max(p.end, Math.min(x.end(), y.end()));
                    p.metres = d;
                }
            }
        }
        List<Overlap> out = new ArrayList<>(pairs.size());
        pairs.forEach((k, p) -> {
            Slot a = slots.get((int) (k >>> 32));
            Slot b = slots.get((int) (k & 0xffffffffL));
            if (a.activityId() > b.activityId()) {
                Slot t = a;
                a = b;
                b = t;
            }
            out.add(new Overlap(a, b, p.shared, p.first, Set.copyOf(p.weekdays), p.start, p.end, p.metres));
        });
        out.sort(Comparator.comparingLong((Overlap o) -> o.a().areaId()).thenComparing(Overlap::firstDate)
                .thenComparingInt(Overlap::start).thenComparingLong(o -> o.a().activityId())
                .thenComparingLong(o -> o.b().activityId()));
        return out;
    }
}
