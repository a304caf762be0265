package fi.kohtaamo.support;

import fi.kohtaamo.monitoring.internal.ReportService;
import fi.kohtaamo.monitoring.internal.ReportService.Breakdown;
import fi.kohtaamo.monitoring.internal.ReportService.Figure;
import fi.kohtaamo.monitoring.internal.ReportService.Filter;
import fi.kohtaamo.monitoring.internal.ReportService.Period;
import fi.kohtaamo.registry.PlaceKind;
import fi.kohtaamo.registry.Registry;
import fi.kohtaamo.shared.Actor;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The attacker of the reports' privacy promise. For a window of months it asks the reports for every period of
 * whole months in it (each month, adjacent and overlapping ranges, each with its previous period), every
 * breakdown, and every filter of the actor's form (area, municipality, kind, organisation) with every breakdown,
 * and collects each published figure about people with the places and months it covers: the breakdown's rows
 * and total, the previous period's total, visitors by month, families guided onward by service.
 *
 * <p>Then, figure by figure, with the place-months as unknowns: (1) linear algebra — every figure shown as a
 * number is an equation (the attacker takes it for the exact sum); a hidden figure whose place-months lie in the
 * span of the shown ones is worked out by elimination (exact, modulo a large prime) and compared with its true
 * value from the raw counts; (2) bounds — the same equations with every hidden figure between 1 and 4 and every
 * unknown at least 0, tightened until nothing changes; a hidden figure whose bounds meet at its true value is
 * worked out. (3) The premise of the method: every published figure is the sum of its place-months' shares
 * ({@link SmallNumbersOracle}), so that whatever is added or subtracted gives shares, never values.
 */
public final class ReportAudit {

    /** One published figure: what it sums (figure or service), over which places and months, and what it showed. */
    public record Cell(String figure, BitSet places, BitSet months, long value, boolean hidden, String where) {
    }

    /** What the attacker got. */
    public record Findings(int reports, int cells, int hiddenCells, int hiddenInSpan, List<String> workedOut,
            List<String> pinnedByBounds, int pinnedWrongly, int naiveContradictions, List<String> narrowedByInformedBounds,
            List<String> notSharesOfPlaceMonths) {

        /** One line for the log. */
        public String summary() {
            return reports + " reports, " + cells + " published figures, " + hiddenCells + " distinct hidden, "
                    + hiddenInSpan + " of them in the span of the shown ones, worked out " + workedOut.size()
                    + "; naive bounds: " + pinnedByBounds.size() + " pinned at the true value, " + pinnedWrongly
                    + " pinned at a wrong one, " + naiveContradictions + " place-months where the figures contradict "
                    + "exact sums; informed bounds narrowed " + narrowedByInformedBounds.size();
        }
    }

    private final ReportService reports;
    private final Registry registry;
    private final JdbcClient jdbc;

    private final List<fi.kohtaamo.monitoring.ContributedFigures> contributed;

    /** Every service code stored with referrals (the report's rows are by code, whatever the county's catalogue). */
    private List<String> serviceCodes() {
        return jdbc.sql("select distinct service from visit_referral_month order by service").query(String.class).list();
    }

    public ReportAudit(ReportService reports, Registry registry, JdbcClient jdbc) {
        this(reports, registry, jdbc, List.of());
    }

    /**
     * Also attacks the figures other modules contribute (each key a figure of its own, its units
     * {@code key|place|yyyymm}), taking their true values from the contributing modules.
     */
    public ReportAudit(ReportService reports, Registry registry, JdbcClient jdbc,
            List<fi.kohtaamo.monitoring.ContributedFigures> contributed) {
        this.reports = reports;
        this.registry = registry;
        this.jdbc = jdbc;
        this.contributed = contributed;
    }

    /** How many published contributed figures the last attack collected, and how many of them were hidden. */
    public int contributedCells;
    public int contributedHidden;

    public Findings attack(Actor actor, YearMonth first, YearMonth last) {
        List<Registry.ReportPlace> all = reports.places(actor, new Filter(null, null, null, null, null));
        Map<Long, Integer> placeIndex = new HashMap<>();
        for (Registry.ReportPlace p : all) {
            placeIndex.put(p.id(), placeIndex.size());
        }
        List<YearMonth> months = new ArrayList<>();
        // the window and the month before it (the previous period of its first month)
        for (YearMonth m = first.minusMonths(1); !m.isAfter(last); m = m.plusMonths(1)) {
            months.add(m);
        }
        List<Period> periods = new ArrayList<>();
        for (YearMonth a = first; !a.isAfter(last); a = a.plusMonths(1)) {
            for (YearMonth b = a; !b.isAfter(last); b = b.plusMonths(1)) {
                if (b.equals(last) || a.equals(first) || a.equals(b)) {
                    periods.add(new Period(a, b));
                }
            }
        }
        List<Filter> filters = new ArrayList<>();
        filters.add(new Filter(null, null, null, null, null));
        new TreeSet<>(all.stream().map(Registry.ReportPlace::areaId).toList())
                .forEach(a -> filters.add(new Filter(a, null, null, null, null)));
        new TreeSet<>(all.stream().map(Registry.ReportPlace::municipalityCode).toList())
                .forEach(m -> filters.add(new Filter(null, m, null, null, null)));
        new TreeSet<>(all.stream().map(Registry.ReportPlace::kind).toList())
                .forEach(k -> filters.add(new Filter(null, null, null, k, null)));
        Map<Long, Registry.OrganisationNode> tree = registry.organisationTree();
        Set<Long> organisations = new TreeSet<>();
        for (Registry.ReportPlace p : all) {
            p.organiserIds().forEach(o -> Registry.upwards(tree, o).forEach(n -> organisations.add(n.id())));
        }
        organisations.forEach(o -> filters.add(new Filter(null, null, o, null, null)));

        List<Cell> cells = new ArrayList<>();
        int asked = 0;
        for (Filter filter : filters) {
            List<Registry.ReportPlace> places = reports.places(actor, filter);
            for (Breakdown breakdown : Breakdown.values()) {
                // the unfiltered reports over every period; the filtered ones over each month and the whole window
                for (Period period : periods) {
                    boolean wide = period.from().equals(first.atDay(1)) && period.to().equals(last.atEndOfMonth());
                    if (filter.areaId() != null || filter.municipalityCode() != null || filter.kind() != null
                            || filter.organisationId() != null) {
                        if (!wide && !YearMonth.from(period.from()).equals(YearMonth.from(period.to()))) {
                            continue;
                        }
                    }
                    ReportService.Report r = reports.report(actor, filter, period, breakdown);
                    asked++;
                    collect(r, places, filter, breakdown, tree, placeIndex, months, cells);
                }
            }
        }
        return judge(cells, all, months, asked);
    }

    private void collect(ReportService.Report r, List<Registry.ReportPlace> places, Filter filter, Breakdown breakdown,
            Map<Long, Registry.OrganisationNode> tree, Map<Long, Integer> placeIndex, List<YearMonth> months,
            List<Cell> cells) {
        BitSet now = months(months, r.period());
        BitSet before = months(months, r.previous());
        BitSet every = new BitSet();
        places.forEach(p -> every.set(placeIndex.get(p.id())));
        String where = filter + " " + breakdown + " " + r.period().from() + ".." + r.period().to();
        for (int i = 0; i < r.rows().size(); i++) {
            ReportService.Row row = r.rows().get(i);
            BitSet members = new BitSet();
            for (Registry.ReportPlace p : places) {
                if (inRow(row.key(), p, breakdown, tree, filter.organisationId())) {
                    members.set(placeIndex.get(p.id()));
                }
            }
            for (Figure f : Figure.values()) {
                if (f.people()) {
                    cells.add(new Cell(f.name(), members, now, row.current().get(f), r.hidden(i, f), where + " " + row.key()));
                }
            }
        }
        for (Figure f : Figure.values()) {
            if (f.people()) {
                cells.add(new Cell(f.name(), every, now, r.total().current().get(f), r.hidden(-1, f), where + " total"));
                if (!before.isEmpty()) {
                    cells.add(new Cell(f.name(), every, before, r.total().previous().get(f), r.hiddenPrevious(f),
                            where + " previous total"));
                }
            }
        }
        r.byMonth().forEach((m, v) -> {
            BitSet one = new BitSet();
            one.set(months.indexOf(m));
            cells.add(new Cell(Figure.VISITORS.name(), every, one, v, r.hiddenMonths().contains(m), where + " month " + m));
        });
        for (String s : serviceCodes()) {
            cells.add(new Cell("REFERRAL_" + s, every, now, r.referrals().getOrDefault(s, 0L),
                    r.hiddenReferrals().contains(s), where + " referrals " + s));
        }
        var c = r.contributed();
        for (String key : c.keys()) {
            for (int i = 0; i < r.rows().size(); i++) {
                BitSet members = new BitSet();
                for (Registry.ReportPlace p : places) {
                    if (inRow(r.rows().get(i).key(), p, breakdown, tree, filter.organisationId())) {
                        members.set(placeIndex.get(p.id()));
                    }
                }
                add(cells, new Cell(key, members, now, c.rows().get(i).get(key), c.hidden(i, key),
                        where + " " + r.rows().get(i).key()));
            }
            add(cells, new Cell(key, every, now, c.total().get(key), c.hidden(-1, key), where + " total"));
            if (!before.isEmpty()) {
                add(cells, new Cell(key, every, before, c.previous().get(key), c.hiddenPrevious().contains(key),
                        where + " previous total"));
            }
        }
    }

    private void add(List<Cell> cells, Cell c) {
        cells.add(c);
        contributedCells++;
        contributedHidden += c.hidden() ? 1 : 0;
    }

    private static boolean covers(List<YearMonth> months, Period p) {
        return months.contains(YearMonth.from(p.from())) && months.contains(YearMonth.from(p.to()));
    }

    private static BitSet months(List<YearMonth> months, Period p) {
        BitSet b = new BitSet();
        if (!covers(months, p)) {
            return b;
        }
        for (YearMonth m = YearMonth.from(p.from()); !m.isAfter(YearMonth.from(p.to())); m = m.plusMonths(1)) {
            b.set(months.indexOf(m));
        }
        return b;
    }

    /** Whether a place is in a row of a breakdown, as the registry tells anyone who looks. */
    static boolean inRow(String key, Registry.ReportPlace p, Breakdown b, Map<Long, Registry.OrganisationNode> tree,
            Long organisationId) {
        return switch (b) {
            case PLACE -> key.equals("p" + p.id());
            case AREA -> key.equals("a" + p.areaId());
            case MUNICIPALITY -> key.equals("m" + p.municipalityCode());
            case COUNTY -> key.equals("c" + p.countyId());
            case KIND -> key.equals("k" + p.kind());
            case ORGANISER_TYPE -> p.organiserIds().stream()
                    .anyMatch(o -> tree.containsKey(o) && key.equals("t" + tree.get(o).type()));
            case ORGANISATION -> p.organiserIds().stream().anyMatch(o -> {
                List<Registry.OrganisationNode> up = Registry.upwards(tree, o);
                if (organisationId == null) {
                    return !up.isEmpty() && key.equals("o" + up.get(up.size() - 1).id());
                }
                for (int i = 0; i < up.size(); i++) {
                    if (up.get(i).id() == organisationId) {
                        return key.equals("o" + up.get(Math.max(0, i - 1)).id());
                    }
                }
                return false;
            });
        };
    }

    private Findings judge(List<Cell> cells, List<Registry.ReportPlace> places, List<YearMonth> months, int asked) {
        SmallNumbersOracle oracle = new SmallNumbersOracle(jdbc);
        List<Long> ids = places.stream().map(Registry.ReportPlace::id).toList();
        Map<String, Long> units = new HashMap<>(oracle.units(ids, months.get(0), months.get(months.size() - 1)));
        for (var source : contributed) {
            for (var v : source.values(ids, months.get(0), months.get(months.size() - 1))) {
                units.merge(v.key() + "|" + v.placeId() + "|" + (v.month().getYear() * 100 + v.month().getMonthValue()),
                        v.value(), Long::sum);
            }
        }
        int nMonths = months.size();
        // unit values by figure: figure -> [place * months + month]
        Map<String, long[]> truth = new HashMap<>();
        List<String> figures = new ArrayList<>();
        for (Figure f : Figure.values()) {
            if (f.people()) {
                figures.add(f.name());
            }
        }
        for (String s : serviceCodes()) {
            figures.add("REFERRAL_" + s);
        }
        contributed.forEach(source -> source.keys().forEach(k -> {
            if (!figures.contains(k)) {
                figures.add(k);
            }
        }));
        Map<Long, Integer> index = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            index.put(ids.get(i), i);
        }
        for (String f : figures) {
            long[] t = new long[ids.size() * nMonths];
            units.forEach((unit, value) -> {
                String[] parts = unit.split("\\|");
                String measure = parts[0];
                boolean in = f.startsWith("REFERRAL_") ? measure.equals(f)
                        : SmallNumbersOracle.measures(f).contains(measure)
                                || (f.equals("REFERRALS") && measure.startsWith("REFERRAL_"));
                if (in) {
                    int ym = Integer.parseInt(parts[2]);
                    int m = months.indexOf(YearMonth.of(ym / 100, ym % 100));
                    t[index.get(Long.parseLong(parts[1])) * nMonths + m] += value;
                }
            });
            truth.put(f, t);
        }
        // (3) the premise: every published figure is the sum of its units' shares
        record Unit(String measure, int place, int month, long value, long share) {
        }
        List<Unit> parsed = new ArrayList<>();
        units.forEach((unit, value) -> {
            if (value != 0) {
                String[] parts = unit.split("\\|");
                int ym = Integer.parseInt(parts[2]);
                parsed.add(new Unit(parts[0], index.get(Long.parseLong(parts[1])), months.indexOf(YearMonth.of(ym / 100, ym % 100)),
                        value, oracle.share(value, unit)));
            }
        });
        List<String> notShares = new ArrayList<>();
        Map<String, long[]> expected = new HashMap<>();
        for (Cell c : cells) {
            long[] e = expected.computeIfAbsent(c.figure() + c.places() + c.months(), k -> {
                List<String> measures = c.figure().startsWith("REFERRAL_") ? List.of(c.figure())
                        : SmallNumbersOracle.measures(c.figure());
                long value = 0;
                int nonZero = 0;
                int small = 0;
                for (Unit u : parsed) {
                    boolean in = measures.contains(u.measure())
                            || (c.figure().equals("REFERRALS") && u.measure().startsWith("REFERRAL_"));
                    if (in && c.places().get(u.place()) && c.months().get(u.month())) {
                        value += u.share();
                        nonZero++;
                        small += u.value() < 5 ? 1 : 0;
                    }
                }
                return new long[] {value, nonZero > 0 && (value == 0 || (nonZero == 1 && small == 1)) ? 1 : 0};
            });
            if (e[0] != c.value() || (e[1] == 1) != c.hidden()) {
                notShares.add(c.where() + " " + c.figure() + ": published " + (c.hidden() ? "<5 " : "") + c.value()
                        + ", shares give " + (e[1] == 1 ? "<5 " : "") + e[0]);
            }
        }
        // (1) and (2), figure by figure
        List<String> workedOut = new ArrayList<>();
        List<String> pinned = new ArrayList<>();
        int hiddenCells = 0;
        int inSpan = 0;
        int pinnedWrong = 0;
        int contradictions = 0;
        List<String> narrowed = new ArrayList<>();
        for (String f : figures) {
            long[] t = truth.get(f);
            int n = ids.size() * nMonths;
            Map<BitSet, Cell> shown = new LinkedHashMap<>();
            Map<BitSet, Cell> hidden = new LinkedHashMap<>();
            for (Cell c : cells) {
                if (!c.figure().equals(f) || c.months().isEmpty() || c.places().isEmpty()) {
                    continue;
                }
                BitSet v = new BitSet(n);
                for (int p = c.places().nextSetBit(0); p >= 0; p = c.places().nextSetBit(p + 1)) {
                    for (int m = c.months().nextSetBit(0); m >= 0; m = c.months().nextSetBit(m + 1)) {
                        v.set(p * nMonths + m);
                    }
                }
                (c.hidden() ? hidden : shown).putIfAbsent(v, c);
            }
            hiddenCells += hidden.size();
            Elimination e = new Elimination(n);
            shown.forEach((v, c) -> e.add(v, c.value()));
            for (Map.Entry<BitSet, Cell> h : hidden.entrySet()) {
                long real = 0;
                for (int i = h.getKey().nextSetBit(0); i >= 0; i = h.getKey().nextSetBit(i + 1)) {
                    real += t[i];
                }
                Long derived = e.solve(h.getKey());
                if (derived != null) {
                    inSpan++;
                    if (derived == real) {
                        workedOut.add(h.getValue().where() + " " + f + " = " + real);
                    }
                }
            }
            Bounds naive = naiveBounds(f, n, shown, hidden, t);
            pinned.addAll(naive.pinnedRight());
            pinnedWrong += naive.pinnedWrong();
            contradictions += naive.contradicted();
            if (!List.of("VISITORS", "CHILDREN", "REFERRALS").contains(f)) {
                narrowed.addAll(informedBounds(f, n, shown, hidden, t).narrowed());
            }
        }
        return new Findings(asked, cells.size(), hiddenCells, inSpan, workedOut, pinned, pinnedWrong, contradictions,
                narrowed, notShares);
    }

    /** What the attacker's bounds gave for one figure. */
    record Bounds(List<String> pinnedRight, int pinnedWrong, int contradicted, List<String> narrowed) {
    }

    /**
     * Interval propagation over the place-months of one figure: each unknown at least 0, each constraint a sum
     * over some of them between {@code min} and {@code max}; bounds tightened until they hold still (at most 50
     * rounds). Where a sum's bounds cross, the constraints contradict each other: that unknown is marked and left
     * out of conclusions.
     */
    static final class Propagation {
        record Constraint(int[] members, long min, long max) {
        }

        final long[] lo;
        final long[] hi;
        final boolean[] contradicted;
        final List<Constraint> constraints = new ArrayList<>();

        Propagation(int n) {
            lo = new long[n];
            hi = new long[n];
            contradicted = new boolean[n];
            java.util.Arrays.fill(hi, Long.MAX_VALUE / 4);
        }

        void add(BitSet members, long min, long max) {
            constraints.add(new Constraint(members.stream().toArray(), min, max));
        }

        void run() {
            for (int round = 0; round < 50; round++) {
                boolean changed = false;
                for (Constraint c : constraints) {
                    long sumLo = 0;
                    long sumHi = 0;
                    for (int i : c.members()) {
                        sumLo += lo[i];
                        sumHi = Math.min(Long.MAX_VALUE / 4, sumHi + hi[i]);
                    }
                    for (int i : c.members()) {
                        if (contradicted[i]) {
                            continue;
                        }
                        long newLo = sumHi >= Long.MAX_VALUE / 4 ? lo[i] : Math.max(lo[i], c.min() - (sumHi - hi[i]));
                        long newHi = Math.min(hi[i], c.max() - (sumLo - lo[i]));
                        if (newLo > newHi) {
                            contradicted[i] = true;
                            changed = true;
                        } else if (newLo > lo[i] || newHi < hi[i]) {
                            lo[i] = newLo;
                            hi[i] = newHi;
                            changed = true;
                        }
                    }
                }
                if (!changed) {
                    break;
                }
            }
        }
    }

    /**
     * The naive attacker: every shown figure an exact sum, every hidden one between 1 and 4. On exact sums (the old
     * suppression) these bounds are knowledge; on sums of shares the published figures contradict them, and a
     * bound that happens to meet the true value is a guess that is as often wrong.
     */
    private static Bounds naiveBounds(String f, int n, Map<BitSet, Cell> shown, Map<BitSet, Cell> hidden, long[] truth) {
        Propagation p = new Propagation(n);
        shown.forEach((v, c) -> p.add(v, c.value(), c.value()));
        hidden.forEach((v, c) -> p.add(v, 1, 4));
        p.run();
        List<String> right = new ArrayList<>();
        int[] wrong = {0};
        int contradicted = 0;
        for (boolean b : p.contradicted) {
            contradicted += b ? 1 : 0;
        }
        hidden.forEach((v, c) -> {
            long sLo = 0;
            long sHi = 0;
            long real = 0;
            boolean certain = true;
            for (int i = v.nextSetBit(0); i >= 0; i = v.nextSetBit(i + 1)) {
                certain &= !p.contradicted[i];
                sLo += p.lo[i];
                sHi = Math.min(Long.MAX_VALUE / 4, sHi + p.hi[i]);
                real += truth[i];
            }
            if (certain && sLo == sHi) {
                if (sLo == real) {
                    right.add(c.where() + " " + f + " = " + real + " (bounds)");
                } else {
                    wrong[0]++;
                }
            }
        });
        return new Bounds(right, wrong[0], contradicted, List.of());
    }

    /**
     * The attacker who has read the page's note: a shown figure is its exact units plus, for each unit under 5
     * (the attacker sees which units show "&lt;5"), a share of 0 or 5, so its true sum lies within 4 of the figure
     * for each such unit; a hidden sum of shares is 0 (its small units between 1 and 4 each). For the measures
     * counted on their own (one unit a place-month), no unit under 5 may come out narrower than 1 to 4.
     */
    private static Bounds informedBounds(String f, int n, Map<BitSet, Cell> shown, Map<BitSet, Cell> hidden, long[] truth) {
        Propagation p = new Propagation(n);
        java.util.function.ToIntFunction<BitSet> small = v -> (int) v.stream().filter(i -> truth[i] > 0 && truth[i] < 5).count();
        shown.forEach((v, c) -> {
            int h = small.applyAsInt(v);
            p.add(v, Math.max(0, c.value() - 4L * h), c.value() + 4L * h);
        });
        hidden.forEach((v, c) -> {
            int h = small.applyAsInt(v);
            p.add(v, Math.max(1, h), Math.max(4, 4L * h));
        });
        // units shown as 0 or as their value are known
        for (int i = 0; i < n; i++) {
            BitSet one = new BitSet();
            one.set(i);
            if (truth[i] == 0 || truth[i] >= 5) {
                p.add(one, truth[i], truth[i]);
            } else {
                p.add(one, 1, 4);
            }
        }
        p.run();
        List<String> narrowed = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (truth[i] > 0 && truth[i] < 5 && (p.contradicted[i] || p.lo[i] > 1 || p.hi[i] < 4)) {
                narrowed.add(f + " unit " + i + " (true " + truth[i] + "): " + p.lo[i] + ".." + p.hi[i]
                        + (p.contradicted[i] ? " contradicted" : ""));
            }
        }
        return new Bounds(List.of(), 0, 0, narrowed);
    }

    /** Gaussian elimination modulo a prime over 0/1 rows with their right-hand sides. */
    static final class Elimination {
        static final long P = 2_147_483_647L;
        private final int n;
        private final Map<Integer, long[]> pivots = new LinkedHashMap<>();

        Elimination(int n) {
            this.n = n;
        }

        void add(BitSet row, long value) {
            long[] r = new long[n + 1];
            row.stream().forEach(i -> r[i] = 1);
            r[n] = Math.floorMod(value, P);
            reduce(r);
            for (int c = 0; c < n; c++) {
                if (r[c] != 0) {
                    long inv = inverse(r[c]);
                    for (int j = c; j <= n; j++) {
                        r[j] = r[j] * inv % P;
                    }
                    // keep the basis reduced: eliminate the new pivot from the others
                    for (long[] other : pivots.values()) {
                        if (other[c] != 0) {
                            long k = other[c];
                            for (int j = c; j <= n; j++) {
                                other[j] = Math.floorMod(other[j] - k * r[j] % P, P);
                            }
                        }
                    }
                    pivots.put(c, r);
                    return;
                }
            }
        }

        private void reduce(long[] r) {
            for (Map.Entry<Integer, long[]> e : pivots.entrySet()) {
                int c = e.getKey();
                if (r[c] != 0) {
                    long k = r[c];
                    long[] p = e.getValue();
                    for (int j = 0; j <= n; j++) {
                        if (p[j] != 0) {
                            r[j] = Math.floorMod(r[j] - k * p[j] % P, P);
                        }
                    }
                }
            }
        }

        /** The value of the sum over {@code row} if the equations determine it, else null. */
        Long solve(BitSet row) {
            long[] r = new long[n + 1];
            row.stream().forEach(i -> r[i] = 1);
            reduce(r);
            for (int c = 0; c < n; c++) {
                if (r[c] != 0) {
                    return null;
                }
            }
            long v = Math.floorMod(-r[n], P);
            return v > P / 2 ? v - P : v;
        }

        private static long inverse(long a) {
            long result = 1;
            long base = a % P;
            long e = P - 2;
            while (e > 0) {
                if ((e & 1) == 1) {
                    result = result * base % P;
                }
                base = base * base % P;
                e >>= 1;
            }
            return result;
        }
    }
}
