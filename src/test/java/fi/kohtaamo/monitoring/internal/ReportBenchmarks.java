package fi.kohtaamo.monitoring.internal;

import fi.kohtaamo.monitoring.internal.ReportService.Breakdown;
import fi.kohtaamo.monitoring.internal.ReportService.Figure;
import fi.kohtaamo.monitoring.internal.ReportService.Row;
import fi.kohtaamo.shared.LocalizedText;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH benchmark of the report aggregation's Java part (issue 6): small-number suppression of a report
 * table ({@link ReportService#suppress}: every people figure below 5 hidden, and whatever would give it
 * away through the table's sums), for a county by municipality (40 rows), by place (442 rows) and the
 * nation by place (5 075 rows), with figures in the seed's range and a tenth of the places tiny. Run with
 * {@code bench/jmh.sh ReportBenchmarks}; not part of the tests.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ReportBenchmarks {

    @Param({"40", "442", "5075"})
    public int rows;

    List<Row> table;
    Row total;

    @Setup
    public void setUp() {
        Random random = new Random(1);
        table = new ArrayList<>();
        Map<Figure, Long> sum = zero();
        for (int r = 0; r < rows; r++) {
            boolean tiny = random.nextInt(10) == 0;
            Map<Figure, Long> m = zero();
            long adults = tiny ? random.nextInt(4) : 200 + random.nextInt(6000);
            long[] bands = new long[5];
            long children = 0;
            for (int b = 0; b < 5; b++) {
                bands[b] = tiny ? random.nextInt(3) : random.nextInt(b < 3 ? 3000 : 300);
                children += bands[b];
            }
            m.put(Figure.ADULTS, adults);
            m.put(Figure.CHILDREN, children);
            m.put(Figure.VISITORS, adults + children);
            m.put(Figure.CHILDREN_UNDER_1, bands[0]);
            m.put(Figure.CHILDREN_1_2, bands[1]);
            m.put(Figure.CHILDREN_3_6, bands[2]);
            m.put(Figure.CHILDREN_7_12, bands[3]);
            m.put(Figure.CHILDREN_13_17, bands[4]);
            m.put(Figure.FIRST_TIME_FAMILIES, tiny ? random.nextInt(2) : (long) random.nextInt(200));
            m.put(Figure.REFERRALS, (long) random.nextInt(tiny ? 2 : 40));
            m.forEach((k, v) -> sum.merge(k, v, Long::sum));
            table.add(new Row("p" + r, LocalizedText.EMPTY, m, zero(), 1));
        }
        total = new Row("total", LocalizedText.EMPTY, sum, zero(), rows);
    }

    private static Map<Figure, Long> zero() {
        Map<Figure, Long> m = new EnumMap<>(Figure.class);
        for (Figure f : Figure.values()) {
            m.put(f, 0L);
        }
        return m;
    }

    @Benchmark
    public Set<Suppression.Cell> suppressTable() {
        return ReportService.suppress(table, total, Breakdown.PLACE);
    }
}
