package fi.kohtaamo.monitoring.internal;

import fi.kohtaamo.monitoring.internal.ReportService.Figure;
import fi.kohtaamo.shared.SmallNumbers;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The figures of a place, a row or a report's total, each a {@link SmallNumbers.Sum}: figures about people are
 * summed from the shares of their units (a place's month of one measure: adults, each age band, first-time
 * families, families guided onward to each service), so a row, a total, a month of the chart or a place-month
 * is always a sum of the same shares whatever the breakdown, the filter or the period; figures not about people
 * (occurrences, counted days) are exact.
 */
final class ReportFigures {

    private final SmallNumbers.Sum[] sums = new SmallNumbers.Sum[Figure.values().length];
    /** Occurrences of activities counted (not open days): with the planner's held ones, what was left uncounted. */
    long activityCounts;

    ReportFigures() {
        for (int i = 0; i < sums.length; i++) {
            sums[i] = new SmallNumbers.Sum();
        }
    }

    SmallNumbers.Sum get(Figure f) {
        return sums[f.ordinal()];
    }

    void add(ReportFigures other) {
        if (other != null) {
            for (int i = 0; i < sums.length; i++) {
                sums[i].add(other.sums[i]);
            }
        }
    }

    /** The published values. */
    Map<Figure, Long> values() {
        Map<Figure, Long> m = new EnumMap<>(Figure.class);
        for (Figure f : Figure.values()) {
            m.put(f, sums[f.ordinal()].value());
        }
        return m;
    }

    /** The figures shown as "&lt;5". */
    Set<Figure> hidden() {
        Set<Figure> out = EnumSet.noneOf(Figure.class);
        for (Figure f : Figure.values()) {
            if (sums[f.ordinal()].hidden()) {
                out.add(f);
            }
        }
        return out;
    }

    /** The measures of a place-month (by their position in the monthly sums) and the figures each adds to. */
    private static final Figure[] MEASURES = {Figure.ADULTS, Figure.CHILDREN_UNDER_1, Figure.CHILDREN_1_2,
            Figure.CHILDREN_3_6, Figure.CHILDREN_7_12, Figure.CHILDREN_13_17, Figure.FIRST_TIME_FAMILIES};

    /** What a report reads for a period, protected: per place, per month, per place-month, per service. */
    record Loaded(Map<Long, ReportFigures> places, Map<YearMonth, SmallNumbers.Sum> months, List<PlaceMonth> placeMonths,
            Map<String, SmallNumbers.Sum> referrals) {
    }

    /** The visitors of one place-month, with its largest single count (exact: used only to find unusual counts). */
    record PlaceMonth(long place, int ym, SmallNumbers.Sum visitors, long largest, long counts) {
    }

    /** The name of a unit of protection; the outreach figures name theirs the same way. */
    static String unit(String measure, long place, int ym) {
        return measure + "|" + place + "|" + ym;
    }

    static Loaded load(ReportQueries queries, SmallNumbers small, List<Long> placeIds, ReportService.Period period) {
        Map<Long, ReportFigures> places = new HashMap<>();
        Map<YearMonth, SmallNumbers.Sum> months = new java.util.TreeMap<>();
        List<PlaceMonth> placeMonths = new java.util.ArrayList<>();
        queries.placeMonths(placeIds, period.from(), period.to(), (place, ym, v) -> {
            ReportFigures f = places.computeIfAbsent(place, k -> new ReportFigures());
            SmallNumbers.Sum visitors = new SmallNumbers.Sum();
            for (int i = 0; i < MEASURES.length; i++) {
                long share = small.share(v[i], unit(MEASURES[i].name(), place, ym));
                f.get(MEASURES[i]).add(v[i], share);
                if (MEASURES[i] != Figure.FIRST_TIME_FAMILIES) {
                    visitors.add(v[i], share);
                    if (MEASURES[i] != Figure.ADULTS) {
                        f.get(Figure.CHILDREN).add(v[i], share);
                    }
                }
            }
            f.get(Figure.VISITORS).add(visitors);
            f.get(Figure.COUNTED_DAYS).addExact(v[ReportQueries.DAYS]);
            f.activityCounts += v[ReportQueries.ACTIVITY_COUNTS];
            months.computeIfAbsent(YearMonth.of(ym / 100, ym % 100), k -> new SmallNumbers.Sum()).add(visitors);
            placeMonths.add(new PlaceMonth(place, ym, visitors, v[ReportQueries.LARGEST], v[ReportQueries.COUNTS]));
        });
        Map<String, SmallNumbers.Sum> referrals = new java.util.TreeMap<>();
        for (ReportQueries.Referral r : queries.referrals(placeIds, period.from(), period.to())) {
            long share = small.share(r.families(), unit("REFERRAL_" + r.service(), r.place(), r.ym()));
            places.computeIfAbsent(r.place(), k -> new ReportFigures()).get(Figure.REFERRALS).add(r.families(), share);
            referrals.computeIfAbsent(r.service(), k -> new SmallNumbers.Sum()).add(r.families(), share);
        }
        return new Loaded(places, months, placeMonths, referrals);
    }

    /** The smallest, median and largest published visitors of a place-month (a hidden one flagged). */
    static ReportService.MonthlyPerPlace monthlyPerPlace(List<PlaceMonth> placeMonths) {
        List<PlaceMonth> sorted = new java.util.ArrayList<>(placeMonths);
        sorted.sort(java.util.Comparator.comparingLong(pm -> pm.visitors().value()));
        int n = sorted.size();
        ReportService.MonthlyPerPlace mpp;
        if (n == 0) {
            mpp = new ReportService.MonthlyPerPlace(0, 0, 0, 0);
        } else {
            var lo = sorted.get(0).visitors();
            var hi = sorted.get(n - 1).visitors();
            var midA = sorted.get(n % 2 == 1 ? n / 2 : n / 2 - 1).visitors();
            var midB = sorted.get(n / 2).visitors();
            mpp = new ReportService.MonthlyPerPlace(lo.value(), (midA.value() + midB.value()) / 2, hi.value(), n, lo.hidden(),
                    midA.hidden() || midB.hidden(), hi.hidden());
        }
        return mpp;
    }
}
