package fi.kohtaamo.monitoring.internal;

import static fi.kohtaamo.monitoring.internal.ReportQueries.ADULTS;
import static fi.kohtaamo.monitoring.internal.ReportQueries.AGE_13_17;
import static fi.kohtaamo.monitoring.internal.ReportQueries.AGE_1_2;
import static fi.kohtaamo.monitoring.internal.ReportQueries.AGE_3_6;
import static fi.kohtaamo.monitoring.internal.ReportQueries.AGE_7_12;
import static fi.kohtaamo.monitoring.internal.ReportQueries.DAYS;
import static fi.kohtaamo.monitoring.internal.ReportQueries.FIRST_TIME;
import static fi.kohtaamo.monitoring.internal.ReportQueries.UNDER_1;
import static fi.kohtaamo.monitoring.internal.ReportQueries.VISITORS;

import fi.kohtaamo.calendar.ActivityCalendar;
import fi.kohtaamo.monitoring.MonitoringAction;
import fi.kohtaamo.monitoring.ReferralService;
import fi.kohtaamo.registry.OrganisationType;
import fi.kohtaamo.registry.PlaceKind;
import fi.kohtaamo.registry.Registry;
import fi.kohtaamo.shared.AccessControl;
import fi.kohtaamo.shared.Actor;
import fi.kohtaamo.shared.KohtaamoException;
import fi.kohtaamo.shared.LocalizedText;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * Reports for any period with the previous period beside it: the places in the actor's scope
 * (a national organisation's reporter: its places in every county), narrowed by the report's filters,
 * summed per place in SQL and rolled up here by place, area, municipality, county, kind of place or
 * organiser type. Occurrence figures (held, cancelled, evening, weekend, missing counts) come from the
 * calendar's planner. Small numbers of people are suppressed by {@link Suppression}.
 */
@Service
public class ReportService implements org.springframework.beans.factory.DisposableBean {

    /** The figures of a report, in the order of its tables; the first ones count people. */
    public enum Figure {
        VISITORS, ADULTS, CHILDREN, CHILDREN_UNDER_1, CHILDREN_1_2, CHILDREN_3_6, CHILDREN_7_12, CHILDREN_13_17,
        FIRST_TIME_FAMILIES, REFERRALS, OCCURRENCES_HELD, OCCURRENCES_CANCELLED, EVENING_OCCURRENCES,
        WEEKEND_OCCURRENCES, MISSING_COUNTS, COUNTED_DAYS;

        public boolean people() {
            return ordinal() <= REFERRALS.ordinal();
        }
    }

    /** How a report's table is broken down. */
    public enum Breakdown {
        PLACE, AREA, MUNICIPALITY, COUNTY, ORGANISATION, KIND, ORGANISER_TYPE;

        /**
         * Whether a place may be in several rows (a place run together by a parish and an association), so that
         * the rows do not add up to the total.
         */
        public boolean overlapping() {
            return this == ORGANISATION || this == ORGANISER_TYPE;
        }
    }

    /** What a report covers: nulls mean no narrowing. */
    public record Filter(Long countyId, Long areaId, String municipalityCode, Long organisationId, PlaceKind kind,
            Long placeId) {

        public Filter(Long areaId, String municipalityCode, Long organisationId, PlaceKind kind, Long placeId) {
            this(null, areaId, municipalityCode, organisationId, kind, placeId);
        }
    }

    /** A period, and the one before it (the previous month, quarter or year, else as many days before). */
    public record Period(LocalDate from, LocalDate to) {

        public Period previous() {
            if (from.getDayOfMonth() == 1 && to.equals(to.withDayOfMonth(to.lengthOfMonth()))) {
                long months = ChronoUnit.MONTHS.between(YearMonth.from(from), YearMonth.from(to)) + 1;
                LocalDate start = from.minusMonths(months);
                return new Period(start, from.minusDays(1));
            }
            long days = ChronoUnit.DAYS.between(from, to) + 1;
            return new Period(from.minusDays(days), from.minusDays(1));
        }

        public long days() {
            return ChronoUnit.DAYS.between(from, to) + 1;
        }
    }

    /** One row of the breakdown (or the total): figures of this period and of the previous one. */
    public record Row(String key, LocalizedText label, Map<Figure, Long> current, Map<Figure, Long> previous,
            int places) {
    }

    /** Monthly visitors per place: the smallest, median and largest place-month. */
    public record MonthlyPerPlace(long min, long median, long max, int placeMonths) {
    }

    public record Report(Period period, Period previous, Breakdown breakdown, List<Row> rows, Row total,
            Map<YearMonth, Long> byMonth, MonthlyPerPlace monthlyPerPlace, double openingDaysPerWeek,
            Map<ReferralService, Long> referrals, Set<Suppression.Cell> hidden, Set<Suppression.Cell> hiddenPrevious,
            List<Figure> figures, int places, fi.kohtaamo.outreach.OutreachFigures.Visits outreach,
            List<Outlier> outliers) implements fi.kohtaamo.shared.PublicDataCache.Sized {

        @Override
        public int bytes() {
            // per row: key, label, two maps of 16 figures; plus months, referrals, hidden cells, outliers
            return 4_096 + rows.size() * 2_400 + (hidden.size() + hiddenPrevious.size()) * 48 + outliers.size() * 200;
        }

        /** Whether the cell of a row (-1 = total) and figure is suppressed. */
        public boolean hidden(int row, Figure f) {
            return hidden.contains(new Suppression.Cell(row, f.ordinal()));
        }

        /** Whether the previous period's total of a figure is suppressed. */
        public boolean hiddenPrevious(Figure f) {
            return hiddenPrevious.contains(new Suppression.Cell(-1, f.ordinal()));
        }
    }

    private final ReportQueries queries;
    private final Registry registry;
    private final ActivityCalendar calendar;
    private final org.springframework.context.MessageSource messages;
    private final java.time.Clock clock;
    private final fi.kohtaamo.outreach.OutreachFigures outreach;
    private final fi.kohtaamo.shared.PublicDataCache cache;
    private final CountQueries counts;

    public ReportService(ReportQueries queries, Registry registry, ActivityCalendar calendar,
            org.springframework.context.MessageSource messages, java.time.Clock clock,
            fi.kohtaamo.outreach.OutreachFigures outreach, fi.kohtaamo.shared.PublicDataCache cache,
            CountQueries counts) {
        this.counts = counts;
        this.outreach = outreach;
        this.cache = cache;
        this.queries = queries;
        this.registry = registry;
        this.calendar = calendar;
        this.messages = messages;
        this.clock = clock;
    }

    /** A message in the three languages, as a label. */
    private LocalizedText message(String key) {
        return LocalizedText.of(messages.getMessage(key, null, key, fi.kohtaamo.shared.Lang.FI.locale()),
                messages.getMessage(key, null, key, fi.kohtaamo.shared.Lang.SV.locale()),
                messages.getMessage(key, null, key, fi.kohtaamo.shared.Lang.EN.locale()));
    }

    /** The places a report may cover: the actor's scope narrowed by the filter. */
    public List<Registry.ReportPlace> places(Actor actor, Filter filter) {
        if (!AccessControl.mayEver(actor, MonitoringAction.REPORT_VIEW)) {
            throw new KohtaamoException.Forbidden("REPORT_VIEW");
        }
        Set<Long> orgs = filter.organisationId() == null ? null : registry.organisationWithDescendants(filter.organisationId());
        return registry.reportPlaces(AccessControl.scope(actor, MonitoringAction.REPORT_VIEW)).stream()
                .filter(p -> filter.countyId() == null || p.countyId() == filter.countyId())
                .filter(p -> filter.areaId() == null || p.areaId() == filter.areaId())
                .filter(p -> filter.municipalityCode() == null || p.municipalityCode().equals(filter.municipalityCode()))
                .filter(p -> filter.kind() == null || p.kind() == filter.kind())
                .filter(p -> filter.placeId() == null || p.id() == filter.placeId())
                .filter(p -> orgs == null || p.organiserIds().stream().anyMatch(orgs::contains))
                .toList();
    }

    /** The choices of the report filter form: the areas and municipalities of the places in scope, sorted by name. */
    public record FilterOptions(List<fi.kohtaamo.shared.Option> areas, List<fi.kohtaamo.shared.Option> municipalities,
            List<fi.kohtaamo.shared.Option> organisations) implements fi.kohtaamo.shared.PublicDataCache.Sized {
        @Override
        public int bytes() {
            return (areas.size() + municipalities.size() + organisations.size()) * 200;
        }
    }

    /** The filter form's choices for the actor's scope in a language, kept in the data cache with the scope's places. */
    public FilterOptions filterOptions(Actor actor, fi.kohtaamo.shared.Lang lang) {
        List<Registry.ReportPlace> all = places(actor, new Filter(null, null, null, null, null));
        return cache.get(List.of("reportFilterOptions", AccessControl.scope(actor, MonitoringAction.REPORT_VIEW), lang), () -> {
            Map<String, LocalizedText> areas = new java.util.TreeMap<>();
            Map<String, LocalizedText> municipalities = new java.util.TreeMap<>();
            Map<String, LocalizedText> organisations = new java.util.TreeMap<>();
            Map<Long, Registry.OrganisationNode> tree = registry.organisationTree();
            for (Registry.ReportPlace p : all) {
                areas.put(String.valueOf(p.areaId()), p.areaName());
                municipalities.put(p.municipalityCode(), p.municipalityName());
                // the organisers of the places in scope and the organisations above them (a national
                // organisation's places in the county)
                for (Long org : p.organiserIds()) {
                    Registry.upwards(tree, org).forEach(o -> organisations.put(String.valueOf(o.id()), o.name()));
                }
            }
            return new FilterOptions(options(areas, lang), options(municipalities, lang), options(organisations, lang));
        });
    }

    private static List<fi.kohtaamo.shared.Option> options(Map<String, LocalizedText> choices, fi.kohtaamo.shared.Lang lang) {
        return choices.entrySet().stream().map(e -> fi.kohtaamo.shared.Option.of(e.getKey(), e.getValue(), lang))
                .sorted(java.util.Comparator.comparing(fi.kohtaamo.shared.Option::label)).toList();
    }

    /**
     * The report, kept in the data cache until anything it reads changes: the public data version moves with
     * places, activities and visits, the counts' version with every count written, and the day is in the key
     * (uncounted occurrences are those before today). The key holds the actor's scope, not the actor: two
     * coordinators of one county share their reports.
     */
    public Report report(Actor actor, Filter filter, Period period, Breakdown breakdown) {
        List<Registry.ReportPlace> places = places(actor, filter);
        LocalDate today = LocalDate.now(clock.withZone(CountService.HELSINKI));
        return cache.get(List.of("report", AccessControl.scope(actor, MonitoringAction.REPORT_VIEW), filter, period,
                breakdown, today, counts.version()), () -> compute(places, period, breakdown, filter.organisationId()));
    }

    /** @param organisationId the organisation the report is narrowed to: the organisation breakdown's rows are its parts */
    private Report compute(List<Registry.ReportPlace> places, Period period, Breakdown breakdown, Long organisationId) {
        Period previous = period.previous();
        List<Long> placeIds = places.stream().map(Registry.ReportPlace::id).toList();
        // the report's six statements are independent: run side by side, each on its own pooled connection
        var sumsNowQ = parallel.submit(() -> queries.placeSums(placeIds, period.from(), period.to()));
        var sumsBeforeQ = parallel.submit(() -> queries.placeSums(placeIds, previous.from(), previous.to()));
        var referralsNowQ = parallel.submit(() -> queries.referrals(placeIds, period.from(), period.to()));
        var referralsBeforeQ = parallel.submit(() -> queries.referrals(placeIds, previous.from(), previous.to()));
        var monthlyQ = parallel.submit(() -> queries.monthlyVisitors(placeIds, period.from(), period.to()));
        var outreachQ = parallel.submit(() -> outreach.visits(placeIds, period.from(), period.to()));
        Map<Long, long[]> talliesNow = tallies(places, period);
        Map<Long, long[]> talliesBefore = tallies(places, previous);
        Map<Long, Map<ReferralService, Long>> referralsNow = result(referralsNowQ);
        Map<Long, long[]> sumsNow = result(sumsNowQ);
        Map<Long, Map<Figure, Long>> current = perPlace(places, sumsNow, talliesNow, referralsNow);
        Map<Long, Map<Figure, Long>> before = perPlace(places, result(sumsBeforeQ), talliesBefore, result(referralsBeforeQ));
        // group labels looked up once per report, not once per place
        Map<String, LocalizedText> labels = new HashMap<>();
        Map<Long, Registry.OrganisationNode> tree = breakdown.overlapping() ? registry.organisationTree() : Map.of();
        Map<String, Row> groups = new LinkedHashMap<>();
        Map<String, Integer> placeCounts = new HashMap<>();
        for (Registry.ReportPlace p : places) {
            for (Map.Entry<String, LocalizedText> g : groupsOf(p, breakdown, tree, organisationId, labels).entrySet()) {
                Row row = groups.computeIfAbsent(g.getKey(), k -> new Row(k, g.getValue(), zero(), zero(), 0));
                add(row.current(), current.get(p.id()));
                add(row.previous(), before.get(p.id()));
                placeCounts.merge(g.getKey(), 1, Integer::sum);
            }
        }
        List<Row> rows = new ArrayList<>();
        groups.values().stream().sorted(java.util.Comparator.comparing((Row r) -> r.label().fi() == null ? "" : r.label().fi())
                        .thenComparing(Row::key))
                .forEach(r -> rows.add(new Row(r.key(), r.label(), r.current(), r.previous(), placeCounts.get(r.key()))));
        Map<Figure, Long> totalNow = zero();
        Map<Figure, Long> totalBefore = zero();
        for (Registry.ReportPlace p : places) {
            add(totalNow, current.get(p.id()));
            add(totalBefore, before.get(p.id()));
        }
        Row total = new Row("total", LocalizedText.EMPTY, totalNow, totalBefore, places.size());

        ReportQueries.PlaceMonths monthly = result(monthlyQ);
        YearMonth first = YearMonth.from(period.from());
        int monthCount = (int) ChronoUnit.MONTHS.between(first, YearMonth.from(period.to())) + 1;
        long[] perMonth = new long[monthCount];
        long[] placeMonths = new long[monthly.size()];
        for (int i = 0; i < monthly.size(); i++) {
            int ym = monthly.month(i);
            int index = (ym / 100 - first.getYear()) * 12 + (ym % 100 - first.getMonthValue());
            if (index >= 0 && index < monthCount) {
                perMonth[index] += monthly.visitors(i);
            }
            placeMonths[i] = monthly.visitors(i);
        }
        Map<YearMonth, Long> byMonth = new java.util.TreeMap<>();
        for (int i = 0; i < monthCount; i++) {
            byMonth.put(first.plusMonths(i), perMonth[i]);
        }
        java.util.Arrays.sort(placeMonths);
        int n = placeMonths.length;
        MonthlyPerPlace mpp = n == 0 ? new MonthlyPerPlace(0, 0, 0, 0)
                : new MonthlyPerPlace(placeMonths[0], n % 2 == 1 ? placeMonths[n / 2]
                        : (placeMonths[n / 2 - 1] + placeMonths[n / 2]) / 2, placeMonths[n - 1], n);
        long countedDays = totalNow.get(Figure.COUNTED_DAYS);
        int placesWithCounts = (int) current.values().stream().filter(v -> v.get(Figure.COUNTED_DAYS) > 0).count();
        double weeks = period.days() / 7.0;
        double openingDays = placesWithCounts == 0 ? 0 : countedDays / (double) placesWithCounts / weeks;
        Map<ReferralService, Long> referrals = new EnumMap<>(ReferralService.class);
        referralsNow.values().forEach(m -> m.forEach((k, v) -> referrals.merge(k, v, Long::sum)));
        List<Figure> figures = List.of(Figure.values());
        Row previousTotal = new Row("total", LocalizedText.EMPTY, totalBefore, zero(), places.size());
        return new Report(period, previous, breakdown, rows, total, byMonth, mpp, openingDays, referrals,
                suppress(rows, total, breakdown), suppress(List.of(), previousTotal, breakdown), figures, places.size(),
                result(outreachQ), outliers(places, sumsNow, monthly, period));
    }

    /**
     * Runs a report's statements side by side: at most three at a time, so that one report takes at most three
     * of the pool's connections besides the request's own.
     */
    private final java.util.concurrent.ExecutorService parallel = java.util.concurrent.Executors.newFixedThreadPool(3,
            r -> {
                Thread t = new Thread(r, "report-query");
                t.setDaemon(true);
                return t;
            });

    @Override
    public void destroy() {
        parallel.shutdownNow();
    }

    /** The result of a statement run side by side, with its own exception if it failed. */
    private static <T> T result(java.util.concurrent.Future<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a report query", e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** An unusually large count, with its place's name. */
    public record Outlier(LocalizedText place, LocalDate date, long visitors, long placeAverage) {
    }

    /** Unusual counts listed at most. */
    static final int OUTLIERS = 20;
    /** An unusual count has at least this many visitors ... */
    static final long OUTLIER_LEAST = 30;
    /** ... and more than this many times its place's average count in the period. */
    static final long OUTLIER_TIMES = 3;

    /**
     * Counts of at least 30 visitors and more than three times their place's average count in the period,
     * largest first, in reports of any size. The months to read come from each month's largest count (the
     * monthly sums hold it): a month whose largest count is not unusual holds none, and the largest unusual
     * counts lie in the months with the largest unusual maxima, so the counts of at most 20 months are read.
     */
    private List<Outlier> outliers(List<Registry.ReportPlace> places, Map<Long, long[]> sums,
            ReportQueries.PlaceMonths monthly, Period period) {
        record Candidate(long place, YearMonth month, long largest) {
        }
        List<Candidate> candidates = new ArrayList<>();
        Map<Long, Double> averages = new HashMap<>();
        sums.forEach((place, s) -> {
            if (s[ReportQueries.COUNTS] > 0) {
                averages.put(place, s[ReportQueries.VISITORS] / (double) s[ReportQueries.COUNTS]);
            }
        });
        for (int i = 0; i < monthly.size(); i++) {
            long largest = monthly.largest(i);
            if (largest < OUTLIER_LEAST) {
                continue;
            }
            Double average = averages.get(monthly.place(i));
            if (average != null && largest > OUTLIER_TIMES * average) {
                int ym = monthly.month(i);
                candidates.add(new Candidate(monthly.place(i), YearMonth.of(ym / 100, ym % 100), largest));
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
                .map(o -> new Outlier(names.get(o.placeId()), o.date(), o.visitors(), Math.round(averages.get(o.placeId()))))
                .toList();
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static Map<Figure, Long> zero() {
        Map<Figure, Long> m = new EnumMap<>(Figure.class);
        for (Figure f : Figure.values()) {
            m.put(f, 0L);
        }
        return m;
    }

    private static void add(Map<Figure, Long> into, Map<Figure, Long> values) {
        if (values != null) {
            values.forEach((k, v) -> into.merge(k, v, Long::sum));
        }
    }

    private Map<String, LocalizedText> groupsOf(Registry.ReportPlace p, Breakdown b, Map<Long, Registry.OrganisationNode> tree,
            Long organisationId, Map<String, LocalizedText> labels) {
        return switch (b) {
            case PLACE -> Map.of("p" + p.id(), p.name());
            case AREA -> Map.of("a" + p.areaId(), p.areaName());
            case MUNICIPALITY -> Map.of("m" + p.municipalityCode(), p.municipalityName());
            case COUNTY -> Map.of("c" + p.countyId(), labels.computeIfAbsent("c" + p.countyId(),
                    k -> registry.county(p.countyId()).map(Registry.Ref::name).orElse(LocalizedText.EMPTY)));
            case KIND -> Map.of("k" + p.kind(), labels.computeIfAbsent("k" + p.kind(), k -> message("placeKind." + p.kind())));
            case ORGANISER_TYPE -> {
                // a place run together by a municipality and a parish is in both groups
                Map<String, LocalizedText> out = new LinkedHashMap<>();
                for (Long org : p.organiserIds()) {
                    OrganisationType t = tree.containsKey(org) ? tree.get(org).type() : null;
                    if (t != null) {
                        out.put("t" + t, labels.computeIfAbsent("t" + t, x -> message("orgType." + t)));
                    }
                }
                yield out.isEmpty() ? Map.of("t-", LocalizedText.EMPTY) : out;
            }
            case ORGANISATION -> {
                // each organiser rolled up to the part of the chosen organisation it belongs to (an MLL district
                // under the national organisation, an association under its district), or to the top of its
                // hierarchy when none is chosen; a place with two organisers in different parts is in both rows
                Map<String, LocalizedText> out = new LinkedHashMap<>();
                for (Long org : p.organiserIds()) {
                    Registry.OrganisationNode part = partOf(tree, org, organisationId);
                    if (part != null) {
                        out.put("o" + part.id(), part.name());
                    }
                }
                yield out.isEmpty() ? Map.of("o-", LocalizedText.EMPTY) : out;
            }
        };
    }

    /**
     * The organisation that an organiser is rolled up to: the child of {@code top} on its way up (or {@code top}
     * itself when it organises the place directly), or the root of its hierarchy when there is no top; null when
     * the organiser is not under {@code top}.
     */
    static Registry.OrganisationNode partOf(Map<Long, Registry.OrganisationNode> tree, long organiser, Long top) {
        List<Registry.OrganisationNode> up = Registry.upwards(tree, organiser);
        if (up.isEmpty()) {
            return null;
        }
        if (top == null) {
            return up.get(up.size() - 1);
        }
        for (int i = 0; i < up.size(); i++) {
            if (up.get(i).id() == top) {
                return up.get(Math.max(0, i - 1));
            }
        }
        return null;
    }

    /** The figures of each place for the period: sums from the counts, occurrences from the planner. */
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
    private Map<Long, long[]> tallies(List<Registry.ReportPlace> places, Period period) {
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

    private Map<Long, Map<Figure, Long>> perPlace(List<Registry.ReportPlace> places, Map<Long, long[]> sums,
            Map<Long, long[]> tallies, Map<Long, Map<ReferralService, Long>> referrals) {
        Map<Long, Map<Figure, Long>> out = new HashMap<>();
        for (Registry.ReportPlace p : places) {
            Map<Figure, Long> m = zero();
            long[] s = sums.get(p.id());
            if (s != null) {
                m.put(Figure.VISITORS, s[VISITORS]);
                m.put(Figure.ADULTS, s[ADULTS]);
                m.put(Figure.CHILDREN, s[UNDER_1] + s[AGE_1_2] + s[AGE_3_6] + s[AGE_7_12] + s[AGE_13_17]);
                m.put(Figure.CHILDREN_UNDER_1, s[UNDER_1]);
                m.put(Figure.CHILDREN_1_2, s[AGE_1_2]);
                m.put(Figure.CHILDREN_3_6, s[AGE_3_6]);
                m.put(Figure.CHILDREN_7_12, s[AGE_7_12]);
                m.put(Figure.CHILDREN_13_17, s[AGE_13_17]);
                m.put(Figure.FIRST_TIME_FAMILIES, s[FIRST_TIME]);
                m.put(Figure.COUNTED_DAYS, s[DAYS]);
            }
            m.put(Figure.REFERRALS, referrals.getOrDefault(p.id(), Map.of()).values().stream().mapToLong(Long::longValue).sum());
            long[] t = tallies.getOrDefault(p.id(), new long[5]);
            m.put(Figure.OCCURRENCES_HELD, t[HELD]);
            m.put(Figure.OCCURRENCES_CANCELLED, t[CANCELLED]);
            m.put(Figure.EVENING_OCCURRENCES, t[EVENING]);
            m.put(Figure.WEEKEND_OCCURRENCES, t[WEEKEND]);
            // occurrences held before today, less those counted: what was left uncounted
            long counted = s == null ? 0 : s[ReportQueries.ACTIVITY_COUNTS];
            m.put(Figure.MISSING_COUNTS, Math.max(0, t[HELD_BEFORE_TODAY] - counted));
            out.put(p.id(), m);
        }
        return out;
    }

    /**
     * The suppressed cells of the breakdown (rows 0..n-1, the total as row -1), column = figure ordinal:
     * people figures below 5, and whatever else would let one of them be worked out from the sums shown
     * (the total row = the sum of the rows, visitors = adults + children, children = the age bands).
     */
    static Set<Suppression.Cell> suppress(List<Row> rows, Row total, Breakdown breakdown) {
        Set<Suppression.Cell> sensitive = new java.util.HashSet<>();
        List<Suppression.Sum> sums = new ArrayList<>();
        Map<Suppression.Cell, Long> values = new HashMap<>();
        List<Figure> bands = List.of(Figure.CHILDREN_UNDER_1, Figure.CHILDREN_1_2, Figure.CHILDREN_3_6,
                Figure.CHILDREN_7_12, Figure.CHILDREN_13_17);
        for (int r = -1; r < rows.size(); r++) {
            Map<Figure, Long> m = r < 0 ? total.current() : rows.get(r).current();
            for (Figure f : Figure.values()) {
                if (f.people()) {
                    Suppression.Cell c = new Suppression.Cell(r, f.ordinal());
                    sensitive.add(c);
                    values.put(c, m.get(f));
                }
            }
            final int row = r;
            sums.add(new Suppression.Sum(new Suppression.Cell(r, Figure.VISITORS.ordinal()),
                    List.of(new Suppression.Cell(r, Figure.ADULTS.ordinal()), new Suppression.Cell(r, Figure.CHILDREN.ordinal()))));
            sums.add(new Suppression.Sum(new Suppression.Cell(r, Figure.CHILDREN.ordinal()),
                    bands.stream().map(f -> new Suppression.Cell(row, f.ordinal())).toList()));
        }
        // The rows add up to the total when every place is in exactly one row. Where a place is in several rows
        // (a place run by a parish and an association, by organiser) they add up to the total and the shared
        // places' figures: treated as a sum all the same, which hides at least as much (a hidden row can never
        // be worked out from the total and the other rows, overlap or not), and where the shared places' own
        // figure (the rows' sum less the total) is below 5, a row is hidden from the start, so that it cannot be
        // worked out either.
        Set<Suppression.Cell> hiddenFirst = new java.util.HashSet<>();
        for (Figure f : Figure.values()) {
            if (f.people()) {
                List<Suppression.Cell> parts = new ArrayList<>();
                long rowSum = 0;
                Suppression.Cell smallest = null;
                for (int r = 0; r < rows.size(); r++) {
                    Suppression.Cell c = new Suppression.Cell(r, f.ordinal());
                    parts.add(c);
                    rowSum += values.get(c);
                    if (smallest == null || values.get(c) < values.get(smallest)) {
                        smallest = c;
                    }
                }
                sums.add(new Suppression.Sum(new Suppression.Cell(-1, f.ordinal()), parts));
                long shared = rowSum - values.get(new Suppression.Cell(-1, f.ordinal()));
                if (breakdown.overlapping() && shared > 0 && shared < Suppression.THRESHOLD && smallest != null) {
                    hiddenFirst.add(smallest);
                }
            }
        }
        return Suppression.suppress(sensitive, c -> values.getOrDefault(c, 0L), sums, hiddenFirst);
    }
}
