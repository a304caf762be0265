package fi.kohtaamo.monitoring.internal;

import fi.kohtaamo.monitoring.MonitoringAction;
import fi.kohtaamo.registry.OrganisationType;
import fi.kohtaamo.registry.PlaceKind;
import fi.kohtaamo.registry.Registry;
import fi.kohtaamo.shared.AccessControl;
import fi.kohtaamo.shared.Actor;
import fi.kohtaamo.shared.KohtaamoException;
import fi.kohtaamo.shared.LocalizedText;
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
 * calendar's planner ({@link ReportTallies}); families sent by services from {@link ReportGuided}. Reports cover whole months that have ended; figures about people are sums of the shares
 * of place-months ({@link ReportFigures}, {@link fi.kohtaamo.shared.SmallNumbers}), so that no figure shown as
 * "&lt;5" can be worked out from any other report (docs/privacy-of-reports.md).
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

    /** A period of whole months, and the one before it (as many months just before). */
    public record Period(LocalDate from, LocalDate to) {

        public Period(YearMonth from, YearMonth to) {
            this(from.atDay(1), to.atEndOfMonth());
        }

        /** Whether the period starts on a month's first day and ends on a month's last: reports need that. */
        public boolean wholeMonths() {
            return from.getDayOfMonth() == 1 && to.equals(to.withDayOfMonth(to.lengthOfMonth())) && !to.isBefore(from);
        }

        public Period previous() {
            long months = ChronoUnit.MONTHS.between(YearMonth.from(from), YearMonth.from(to)) + 1;
            return new Period(from.minusMonths(months), from.minusDays(1));
        }

        public long days() {
            return ChronoUnit.DAYS.between(from, to) + 1;
        }
    }

    /** One row of the breakdown (or the total): figures of this period and of the previous one. */
    public record Row(String key, LocalizedText label, Map<Figure, Long> current, Map<Figure, Long> previous,
            int places) {
    }

    /**
     * Monthly visitors per place: the smallest, median and largest place-month (published values; a hidden one
     * is shown as "&lt;5").
     */
    public record MonthlyPerPlace(long min, long median, long max, int placeMonths, boolean minHidden,
            boolean medianHidden, boolean maxHidden) {

        public MonthlyPerPlace(long min, long median, long max, int placeMonths) {
            this(min, median, max, placeMonths, false, false, false);
        }
    }

    /** A cell of the breakdown: row (the total is -1) and figure ordinal. */
    public record Cell(int row, int column) {
    }

    public record Report(Period period, Period previous, Breakdown breakdown, List<Row> rows, Row total,
            Map<YearMonth, Long> byMonth, MonthlyPerPlace monthlyPerPlace, double openingDaysPerWeek,
            Map<String, Long> referrals, Set<Cell> hidden, Set<Cell> hiddenPrevious,
            List<Figure> figures, int places, fi.kohtaamo.outreach.OutreachFigures.Visits outreach,
            List<Outlier> outliers, Set<YearMonth> hiddenMonths, Set<String> hiddenReferrals,
            ReportContributed.Table contributed, List<Long> counties, Map<String, Long> guidedHere,
            Set<String> hiddenGuidedHere)
            implements fi.kohtaamo.shared.PublicDataCache.Sized {

        @Override
        public int bytes() {
            // per row: key, label, two maps of 16 figures; plus months, referrals, hidden cells, outliers
            return 4_096 + rows.size() * 2_400 + (hidden.size() + hiddenPrevious.size()) * 48 + outliers.size() * 200;
        }

        /** Whether the cell of a row (-1 = total) and figure is suppressed. */
        public boolean hidden(int row, Figure f) {
            return hidden.contains(new Cell(row, f.ordinal()));
        }

        /** Whether the previous period's total of a figure is suppressed. */
        public boolean hiddenPrevious(Figure f) {
            return hiddenPrevious.contains(new Cell(-1, f.ordinal()));
        }
    }

    private final ReportQueries queries;
    private final Registry registry;
    private final org.springframework.context.MessageSource messages;
    private final java.time.Clock clock;
    private final fi.kohtaamo.outreach.OutreachFigures outreach;
    private final fi.kohtaamo.shared.PublicDataCache cache;
    private final CountQueries counts;
    private final fi.kohtaamo.shared.SmallNumbers small;
    private final List<fi.kohtaamo.monitoring.ContributedFigures> contributed;
    private final ReportGuided guided;
    private final ReportTallies tallies;

    public ReportService(ReportQueries queries, Registry registry, org.springframework.context.MessageSource messages,
            java.time.Clock clock, fi.kohtaamo.outreach.OutreachFigures outreach,
            fi.kohtaamo.shared.PublicDataCache cache, CountQueries counts, fi.kohtaamo.shared.SmallNumbers small,
            List<fi.kohtaamo.monitoring.ContributedFigures> contributed, ReportGuided guided, ReportTallies tallies) {
        this.contributed = contributed;
        this.guided = guided;
        this.tallies = tallies;
        this.small = small;
        this.counts = counts;
        this.outreach = outreach;
        this.cache = cache;
        this.queries = queries;
        this.registry = registry;
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
        return kept(actor, filter, period, breakdown).report();
    }

    /**
     * A report with the key it is kept under: all that it depends on besides the data version (the scope from the
     * actor's records, the filter, period, breakdown, day and counts' version). What a page renders from the report
     * alone may be kept under the same key.
     */
    public record Kept(List<Object> key, Report report) {
    }

    /** {@link #report}, with its key. */
    public Kept kept(Actor actor, Filter filter, Period period, Breakdown breakdown) {
        if (!AccessControl.mayEver(actor, MonitoringAction.REPORT_VIEW)) {
            throw new KohtaamoException.Forbidden("REPORT_VIEW");
        }
        LocalDate today = LocalDate.now(clock.withZone(CountService.HELSINKI));
        // whole months that have ended: a month still being counted would give away each day's figures as the
        // difference of two downloads, a period of days those of a day
        if (!period.wholeMonths()) {
            throw new KohtaamoException.BadParameter("from", "report-months");
        }
        if (!YearMonth.from(period.to()).isBefore(YearMonth.from(today))) {
            throw new KohtaamoException.BadParameter("to", "report-months");
        }
        List<Object> key = List.of("report", AccessControl.scope(actor, MonitoringAction.REPORT_VIEW), filter, period,
                breakdown, today, counts.version());
        // the places are sought among the scope's (thousands for a nation) only when the report is computed, and
        // requests that ask for a report being computed at the same data version wait for it rather than compute it
        // again each (a count written: every coordinator's next page)
        return new Kept(key, cache.get(key, () -> computing.once(List.of(key, cache.version()),
                () -> compute(places(actor, filter), period, breakdown, filter.organisationId()))));
    }

    private final OneComputation<Report> computing = new OneComputation<>();

    /** @param organisationId the organisation the report is narrowed to: the organisation breakdown's rows are its parts */
    private Report compute(List<Registry.ReportPlace> places, Period period, Breakdown breakdown, Long organisationId) {
        Period previous = period.previous();
        List<Long> placeIds = places.stream().map(Registry.ReportPlace::id).toList();
        // the report's statements are independent: run side by side, each on its own pooled connection
        var nowQ = parallel.submit(() -> ReportFigures.load(queries, small, placeIds, period));
        var beforeQ = parallel.submit(() -> ReportFigures.load(queries, small, placeIds, previous));
        var outreachQ = parallel.submit(() -> outreach.visits(placeIds, period.from(), period.to()));
        List<String> keys = ReportContributed.keys(contributed);
        Map<Long, Map<String, fi.kohtaamo.shared.SmallNumbers.Sum>> contributedNow =
                ReportContributed.load(contributed, small, placeIds, period);
        Map<Long, Map<String, fi.kohtaamo.shared.SmallNumbers.Sum>> contributedBefore =
                ReportContributed.load(contributed, small, placeIds, previous);
        Map<Long, long[]> talliesNow = tallies.of(places, period);
        Map<Long, long[]> talliesBefore = tallies.of(places, previous);
        ReportFigures.Loaded now = result(nowQ);
        ReportFigures.Loaded before = result(beforeQ);
        Map<Long, ReportFigures> current = ReportTallies.perPlace(places, now, talliesNow);
        Map<Long, ReportFigures> earlier = ReportTallies.perPlace(places, before, talliesBefore);
        // group labels looked up once per report, not once per place
        Map<String, LocalizedText> labels = new HashMap<>();
        Map<Long, Registry.OrganisationNode> tree = breakdown.overlapping() ? registry.organisationTree() : Map.of();
        record Group(String key, LocalizedText label, ReportFigures current, ReportFigures previous, int[] places,
                Map<String, fi.kohtaamo.shared.SmallNumbers.Sum> contributed) {
        }
        Map<String, Group> groups = new LinkedHashMap<>();
        for (Registry.ReportPlace p : places) {
            for (Map.Entry<String, LocalizedText> g : ReportGroups.groupsOf(registry, this::message, p, breakdown, tree, organisationId, labels).entrySet()) {
                Group group = groups.computeIfAbsent(g.getKey(),
                        k -> new Group(k, g.getValue(), new ReportFigures(), new ReportFigures(), new int[1],
                                new LinkedHashMap<>()));
                group.current().add(current.get(p.id()));
                ReportContributed.add(group.contributed(), contributedNow.get(p.id()));
                group.previous().add(earlier.get(p.id()));
                group.places()[0]++;
            }
        }
        List<Group> sorted = groups.values().stream()
                .sorted(java.util.Comparator.comparing((Group r) -> r.label().fi() == null ? "" : r.label().fi())
                        .thenComparing(Group::key)).toList();
        List<Row> rows = new ArrayList<>();
        Set<Cell> hidden = new java.util.HashSet<>();
        List<Map<String, Long>> contributedRows = new ArrayList<>();
        Set<Cell> contributedHidden = new java.util.HashSet<>();
        for (int i = 0; i < sorted.size(); i++) {
            Group g = sorted.get(i);
            rows.add(new Row(g.key(), g.label(), g.current().values(), g.previous().values(), g.places()[0]));
            for (Figure f : g.current().hidden()) {
                hidden.add(new Cell(i, f.ordinal()));
            }
            contributedRows.add(ReportContributed.values(keys, g.contributed()));
            for (String k : ReportContributed.hidden(keys, g.contributed())) {
                contributedHidden.add(new Cell(i, keys.indexOf(k)));
            }
        }
        ReportContributed.Table contributedTable = ReportContributed.table(keys, this::message, contributedRows,
                contributedHidden, placeIds, contributedNow, contributedBefore);
        ReportFigures totalNow = new ReportFigures();
        ReportFigures totalBefore = new ReportFigures();
        for (Registry.ReportPlace p : places) {
            totalNow.add(current.get(p.id()));
            totalBefore.add(earlier.get(p.id()));
        }
        Row total = new Row("total", LocalizedText.EMPTY, totalNow.values(), totalBefore.values(), places.size());
        totalNow.hidden().forEach(f -> hidden.add(new Cell(-1, f.ordinal())));
        Set<Cell> hiddenPrevious = new java.util.HashSet<>();
        totalBefore.hidden().forEach(f -> hiddenPrevious.add(new Cell(-1, f.ordinal())));

        YearMonth first = YearMonth.from(period.from());
        Map<YearMonth, Long> byMonth = new java.util.TreeMap<>();
        Set<YearMonth> hiddenMonths = new java.util.TreeSet<>();
        for (YearMonth m = first; !m.isAfter(YearMonth.from(period.to())); m = m.plusMonths(1)) {
            fi.kohtaamo.shared.SmallNumbers.Sum v = now.months().get(m);
            byMonth.put(m, v == null ? 0 : v.value());
            if (v != null && v.hidden()) {
                hiddenMonths.add(m);
            }
        }
        MonthlyPerPlace mpp = ReportFigures.monthlyPerPlace(now.placeMonths());
        long countedDays = totalNow.get(Figure.COUNTED_DAYS).value();
        int placesWithCounts = (int) current.values().stream().filter(v -> v.get(Figure.COUNTED_DAYS).value() > 0).count();
        double weeks = period.days() / 7.0;
        double openingDays = placesWithCounts == 0 ? 0 : countedDays / (double) placesWithCounts / weeks;
        Map<String, Long> referrals = new java.util.TreeMap<>();
        Set<String> hiddenReferrals = new java.util.TreeSet<>();
        now.referrals().forEach((k, v) -> {
            referrals.put(k, v.value());
            if (v.hidden()) {
                hiddenReferrals.add(k);
            }
        });
        Map<String, Long> guidedHere = new java.util.TreeMap<>();
        Set<String> hiddenGuidedHere = new java.util.TreeSet<>();
        guided.byServiceType(placeIds, period).forEach((k, v) -> {
            guidedHere.put(k, v.value());
            if (v.hidden()) {
                hiddenGuidedHere.add(k);
            }
        });
        List<Figure> figures = List.of(Figure.values());
        return new Report(period, previous, breakdown, rows, total, byMonth, mpp, openingDays, referrals,
                Set.copyOf(hidden), Set.copyOf(hiddenPrevious), figures, places.size(), result(outreachQ),
                ReportOutliers.find(queries, places, current, now.placeMonths(), period), Set.copyOf(hiddenMonths), Set.copyOf(hiddenReferrals),
                contributedTable, places.stream().map(Registry.ReportPlace::countyId).distinct().sorted().toList(),
                guidedHere, Set.copyOf(hiddenGuidedHere));
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

    /**
     * An unusually large count, with its place's name: the visitors of the count rounded to tens and its place's
     * average count from the published (protected) visitors, so that no exact figure about people leaves here.
     */
    public record Outlier(LocalizedText place, LocalDate date, long visitors, long placeAverage) {
    }
}
