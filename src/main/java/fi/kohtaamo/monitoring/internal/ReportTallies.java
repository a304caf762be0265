package fi.kohtaamo.monitoring.internal;

import fi.kohtaamo.calendar.ActivityCalendar;
import fi.kohtaamo.monitoring.internal.ReportService.Figure;
import fi.kohtaamo.monitoring.internal.ReportService.Period;
import fi.kohtaamo.registry.Registry;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * A report's occurrence figures from the calendar's planner (held, cancelled, in the evening, at weekends, and those
 * held before today that nobody counted), per place, beside the counted figures.
 */
@Component
class ReportTallies {

    private final ActivityCalendar calendar;
    private final Clock clock;
    private final fi.kohtaamo.shared.PublicDataCache cache;

    ReportTallies(ActivityCalendar calendar, Clock clock, fi.kohtaamo.shared.PublicDataCache cache) {
        this.calendar = calendar;
        this.clock = clock;
        this.cache = cache;
    }

    /** Per place: occurrences held, cancelled, held in the evening, at weekends, and held before today. */
    static final int HELD = 0;
    static final int CANCELLED = 1;
    static final int EVENING = 2;
    static final int WEEKEND = 3;
    static final int HELD_BEFORE_TODAY = 4;

    /**
     * The planner's figures of each place for the period, kept in the data cache (loading and planning
     * every activity is the dearest part of a big report; any calendar write moves the data version, and
     * counts do not change these figures).
     */
    Map<Long, long[]> of(List<Registry.ReportPlace> places, Period period) {
        LocalDate today = LocalDate.now(clock.withZone(CountService.HELSINKI));
        Map<Long, String> municipalities = new java.util.TreeMap<>();
        places.forEach(p -> municipalities.put(p.id(), p.municipalityCode()));
        return cache.get(List.of("reportTallies", municipalities, period, today), () -> {
            Map<Long, long[]> out = new HashMap<>();
            calendar.occurrencesOfPlaces(municipalities, period.from(), period.to()).forEach((place, list) -> {
                long[] t = new long[5];
                for (ActivityCalendar.OccurrenceRef o : list) {
                    LocalDate day = o.start().toLocalDate();
                    if (day.isBefore(period.from()) || day.isAfter(period.to())) {
                        continue;
                    }
                    if (o.cancelled()) {
                        t[CANCELLED]++;
                        continue;
                    }
                    t[HELD]++;
                    t[EVENING] += o.start().getHour() >= 17 ? 1 : 0;
                    t[WEEKEND] += o.start().getDayOfWeek() == DayOfWeek.SATURDAY
                            || o.start().getDayOfWeek() == DayOfWeek.SUNDAY ? 1 : 0;
                    t[HELD_BEFORE_TODAY] += day.isBefore(today) ? 1 : 0;
                }
                out.put(place, t);
            });
            return java.util.Collections.unmodifiableMap(out);
        });
    }

    /** Each place's figures: the protected sums of its months, the planner's occurrences beside them. */
    static Map<Long, ReportFigures> perPlace(List<Registry.ReportPlace> places, ReportFigures.Loaded loaded,
            Map<Long, long[]> tallies) {
        Map<Long, ReportFigures> out = new HashMap<>();
        for (Registry.ReportPlace p : places) {
            ReportFigures m = loaded.places().getOrDefault(p.id(), new ReportFigures());
            long[] t = tallies.getOrDefault(p.id(), new long[5]);
            m.get(Figure.OCCURRENCES_HELD).addExact(t[HELD]);
            m.get(Figure.OCCURRENCES_CANCELLED).addExact(t[CANCELLED]);
            m.get(Figure.EVENING_OCCURRENCES).addExact(t[EVENING]);
            m.get(Figure.WEEKEND_OCCURRENCES).addExact(t[WEEKEND]);
            // occurrences held before today, less those counted: what was left uncounted
            m.get(Figure.MISSING_COUNTS).addExact(Math.max(0, t[HELD_BEFORE_TODAY] - m.activityCounts));
            out.put(p.id(), m);
        }
        return out;
    }
}
