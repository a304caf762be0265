package fi.kohtaamo.monitoring.internal;

import fi.kohtaamo.monitoring.ReferralService;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The aggregate SQL of reports: sums per place for a period, visitors per place and month, referrals,
 * which occurrences were counted. Everything is summed in the database, by place, and rolled up in
 * Java (places are at most some thousands); place ids are bound in chunks of 1000.
 */
@Repository
public class ReportQueries {

    private final JdbcClient jdbc;

    public ReportQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Sums of one place: the index constants name the positions. */
    public static final int VISITORS = 0;
    public static final int ADULTS = 1;
    public static final int UNDER_1 = 2;
    public static final int AGE_1_2 = 3;
    public static final int AGE_3_6 = 4;
    public static final int AGE_7_12 = 5;
    public static final int AGE_13_17 = 6;
    public static final int FIRST_TIME = 7;
    public static final int COUNTS = 8;
    public static final int DAYS = 9;
    public static final int ACTIVITY_COUNTS = 10;
    public static final int SIZE = 11;

    /** The core aggregate of a report over whole months, on the monthly sums: the SQL the benchmark runs directly. */
    public static final String PLACE_SUMS_MONTHS = """
            select place_id, sum(visitors), sum(adults), sum(children_under_1), sum(children_1_2), sum(children_3_6),
                   sum(children_7_12), sum(children_13_17), sum(first_time_families), sum(counts), sum(days),
                   sum(activity_counts)
            from visit_count_month
            where ym between :fromYm and :toYm and place_id in (:places)
            group by place_id""";

    /** The same over any days, on the counts themselves. */
    public static final String PLACE_SUMS = """
            select place_id,
                   sum(adults + children_under_1 + children_1_2 + children_3_6 + children_7_12 + children_13_17),
                   sum(adults), sum(children_under_1), sum(children_1_2), sum(children_3_6), sum(children_7_12),
                   sum(children_13_17), sum(first_time_families), count(*), count(distinct on_date), count(activity_id)
            from visit_count
            where on_date between :from and :to and place_id in (:places)
            group by place_id""";

    /** Whether the period is whole months (then the monthly sums answer it). */
    static boolean wholeMonths(LocalDate from, LocalDate to) {
        return from.getDayOfMonth() == 1 && to.getDayOfMonth() == to.lengthOfMonth();
    }

    static int ym(LocalDate d) {
        return d.getYear() * 100 + d.getMonthValue();
    }

    static <T> void chunks(Collection<Long> ids, java.util.function.Consumer<List<Long>> each) {
        List<Long> all = List.copyOf(ids);
        for (int i = 0; i < all.size(); i += 1000) {
            each.accept(all.subList(i, Math.min(all.size(), i + 1000)));
        }
    }

    public Map<Long, long[]> placeSums(Collection<Long> places, LocalDate from, LocalDate to) {
        Map<Long, long[]> out = new HashMap<>();
        boolean months = wholeMonths(from, to);
        chunks(places, chunk -> (months
                ? jdbc.sql(PLACE_SUMS_MONTHS).param("fromYm", ym(from)).param("toYm", ym(to))
                : jdbc.sql(PLACE_SUMS).param("from", from).param("to", to)).param("places", chunk)
                .query(rs -> {
                    long[] v = new long[SIZE];
                    for (int i = 0; i < SIZE; i++) {
                        v[i] = rs.getLong(i + 2);
                    }
                    out.put(rs.getLong(1), v);
                }));
        return out;
    }

    /**
     * Visitors of each place in each month, and each month's largest single count: one entry per place-month
     * with counts, in columns of primitives (a national report over ten years reads some 600 000 of them, and a
     * map of boxed figures per place made most of its time). Filled by one thread; read after its future.
     */
    public static final class PlaceMonths {
        private long[] places = new long[256];
        private int[] months = new int[256];
        private long[] visitors = new long[256];
        private long[] largest = new long[256];
        private int size;

        void add(long place, int ym, long visitorsOfMonth, long largestCount) {
            if (size == places.length) {
                int n = size * 2;
                places = java.util.Arrays.copyOf(places, n);
                months = java.util.Arrays.copyOf(months, n);
                visitors = java.util.Arrays.copyOf(visitors, n);
                largest = java.util.Arrays.copyOf(largest, n);
            }
            places[size] = place;
            months[size] = ym;
            visitors[size] = visitorsOfMonth;
            largest[size] = largestCount;
            size++;
        }

        public int size() {
            return size;
        }

        public long place(int i) {
            return places[i];
        }

        /** The month as year * 100 + month. */
        public int month(int i) {
            return months[i];
        }

        public long visitors(int i) {
            return visitors[i];
        }

        public long largest(int i) {
            return largest[i];
        }
    }

    /** Visitors per place and month, with each month's largest count. */
    public PlaceMonths monthlyVisitors(Collection<Long> places, LocalDate from, LocalDate to) {
        PlaceMonths out = new PlaceMonths();
        if (wholeMonths(from, to)) {
            chunks(places, chunk -> jdbc.sql("""
                    select place_id, ym, visitors, max_visitors from visit_count_month
                    where ym between :fromYm and :toYm and place_id in (:places)""")
                    .param("fromYm", ym(from)).param("toYm", ym(to)).param("places", chunk)
                    .query(rs -> {
                        out.add(rs.getLong(1), rs.getInt(2), rs.getLong(3), rs.getLong(4));
                    }));
            return out;
        }
        chunks(places, chunk -> jdbc.sql("""
                select place_id, extract(year from on_date), extract(month from on_date),
                       sum(adults + children_under_1 + children_1_2 + children_3_6 + children_7_12 + children_13_17),
                       max(adults + children_under_1 + children_1_2 + children_3_6 + children_7_12 + children_13_17)
                from visit_count where on_date between :from and :to and place_id in (:places)
                group by place_id, extract(year from on_date), extract(month from on_date)""")
                .param("from", from).param("to", to).param("places", chunk)
                .query(rs -> {
                    out.add(rs.getLong(1), rs.getInt(2) * 100 + rs.getInt(3), rs.getLong(4), rs.getLong(5));
                }));
        return out;
    }

    /** Families guided onward, by place and service. */
    public Map<Long, Map<ReferralService, Long>> referrals(Collection<Long> places, LocalDate from, LocalDate to) {
        Map<Long, Map<ReferralService, Long>> out = new HashMap<>();
        if (wholeMonths(from, to)) {
            chunks(places, chunk -> jdbc.sql("""
                    select place_id, service, sum(families) from visit_referral_month
                    where ym between :fromYm and :toYm and place_id in (:places) group by place_id, service""")
                    .param("fromYm", ym(from)).param("toYm", ym(to)).param("places", chunk)
                    .query(rs -> {
                        out.computeIfAbsent(rs.getLong(1), k -> new EnumMap<>(ReferralService.class))
                                .put(ReferralService.valueOf(rs.getString(2)), rs.getLong(3));
                    }));
            return out;
        }
        chunks(places, chunk -> jdbc.sql("""
                select c.place_id, r.service, sum(r.families)
                from visit_count_referral r join visit_count c on c.id = r.count_id
                where c.on_date between :from and :to and c.place_id in (:places)
                group by c.place_id, r.service""")
                .param("from", from).param("to", to).param("places", chunk)
                .query(rs -> {
                    out.computeIfAbsent(rs.getLong(1), k -> new EnumMap<>(ReferralService.class))
                            .put(ReferralService.valueOf(rs.getString(2)), rs.getLong(3));
                }));
        return out;
    }

    /** A count far above its place's usual: a typing slip, or an event worth knowing about. */
    public record Outlier(long placeId, LocalDate date, long visitors) {
    }

    /** A place's month (clamped to a period) that holds at least one unusual count. */
    public record MonthOfPlace(long placeId, LocalDate from, LocalDate to) {
    }

    /**
     * The counts of at least {@code least} visitors in these months of places (a few: those whose largest count
     * is unusual), largest first; read on the (place, subject, day) key.
     */
    public List<Outlier> largeCounts(List<MonthOfPlace> months, long least) {
        if (months.isEmpty()) {
            return List.of();
        }
        StringBuilder where = new StringBuilder();
        var spec = new java.util.LinkedHashMap<String, Object>();
        for (int i = 0; i < months.size(); i++) {
            MonthOfPlace m = months.get(i);
            where.append(i == 0 ? "" : " or ").append("(place_id = :p").append(i).append(" and on_date between :f").append(i)
                    .append(" and :t").append(i).append(')');
            spec.put("p" + i, m.placeId());
            spec.put("f" + i, m.from());
            spec.put("t" + i, m.to());
        }
        return jdbc.sql("""
                select place_id, on_date, v from (
                  select place_id, on_date,
                         adults + children_under_1 + children_1_2 + children_3_6 + children_7_12 + children_13_17 as v
                  from visit_count where %s) c
                where v >= :least order by v desc, on_date, place_id""".formatted(where))
                .params(spec).param("least", least)
                .query((rs, n) -> new Outlier(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getLong(3))).list();
    }
}
