package fi.kohtaamo.monitoring.internal;

import fi.kohtaamo.registry.Registry;
import fi.kohtaamo.shared.LocalizedText;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The unusual counts of a report: single counts far above their place's usual, a typing slip or an event. */
final class ReportOutliers {

    private ReportOutliers() {
    }

    /** Unusual counts listed at most. */
    static final int OUTLIERS = 20;
    /** An unusual count has at least this many visitors ... */
    static final long OUTLIER_LEAST = 30;
    /** ... and more than this many times its place's average count in the period. */
    static final long OUTLIER_TIMES = 3;

    /** A count of visitors as the list of unusual counts shows it: to the nearest ten. */
    static long tens(long visitors) {
        return Math.round(visitors / 10.0) * 10;
    }

    /**
     * Counts of at least 30 visitors and more than three times their place's average count in the period,
     * largest first, in reports of any size. The months to read come from each month's largest count (the
     * monthly sums hold it): a month whose largest count is not unusual holds none, and the largest unusual
     * counts lie in the months with the largest unusual maxima, so the counts of at most 20 months are read.
     */
    static List<ReportService.Outlier> find(ReportQueries queries, List<Registry.ReportPlace> places,
            Map<Long, ReportFigures> figures,
            List<ReportFigures.PlaceMonth> monthly, ReportService.Period period) {
        record Candidate(long place, YearMonth month, long largest) {
        }
        Map<Long, long[]> counts = new HashMap<>();
        monthly.forEach(pm -> counts.computeIfAbsent(pm.place(), k -> new long[1])[0] += pm.counts());
        Map<Long, Double> averages = new HashMap<>();
        counts.forEach((place, c) -> {
            if (c[0] > 0) {
                averages.put(place, figures.get(place).get(ReportService.Figure.VISITORS).value() / (double) c[0]);
            }
        });
        List<Candidate> candidates = new ArrayList<>();
        for (ReportFigures.PlaceMonth pm : monthly) {
            Double average = averages.get(pm.place());
            if (pm.largest() >= OUTLIER_LEAST && average != null && pm.largest() > OUTLIER_TIMES * average) {
                candidates.add(new Candidate(pm.place(), YearMonth.of(pm.ym() / 100, pm.ym() % 100), pm.largest()));
            }
        }
        if (candidates.isEmpty()) {
            return List.of();
        }
        candidates.sort(java.util.Comparator.comparingLong(Candidate::largest).reversed());
        List<ReportQueries.MonthOfPlace> read = candidates.stream().limit(OUTLIERS).map(c -> new ReportQueries.MonthOfPlace(
                c.place(), max(c.month().atDay(1), period.from()), min(c.month().atEndOfMonth(), period.to()))).toList();
        Map<Long, LocalizedText> names = new HashMap<>();
        places.forEach(p -> names.put(p.id(), p.name()));
        return queries.largeCounts(read, OUTLIER_LEAST).stream()
                .filter(o -> o.visitors() > OUTLIER_TIMES * averages.get(o.placeId()))
                .limit(OUTLIERS)
                .map(o -> new ReportService.Outlier(names.get(o.placeId()), o.date(), tens(o.visitors()),
                        Math.round(averages.get(o.placeId()))))
                .toList();
    }

    static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

}
