package fi.kohtaamo.monitoring.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
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

    /** The figures of one place-month: the index constants name the positions. */
    public static final int ADULTS = 0;
    public static final int UNDER_1 = 1;
    public static final int AGE_1_2 = 2;
    public static final int AGE_3_6 = 3;
    public static final int AGE_7_12 = 4;
    public static final int AGE_13_17 = 5;
    public static final int FIRST_TIME = 6;
    /** The figures about people: the units of small-number protection, each summed on its own. */
    public static final int PEOPLE = 7;
    public static final int COUNTS = 7;
    public static final int DAYS = 8;
    public static final int ACTIVITY_COUNTS = 9;
    /** The visitors of the month's largest count. */
    public static final int LARGEST = 10;
    public static final int SIZE = 11;

    /**
     * The core read of a report: the monthly sums of each place, one row per place-month. Reports cover whole
     * months only (a place's month is the smallest unit of their protection), so this is all they read of the
     * counts; the benchmark runs this SQL directly.
     */
    public static final String PLACE_MONTHS = """
            select place_id, ym, adults, children_under_1, children_1_2, children_3_6, children_7_12, children_13_17,
                   first_time_families, counts, days, activity_counts, max_visitors
            from visit_count_month
            where ym between :fromYm and :toYm and place_id in (:places)""";

    static int ym(LocalDate d) {
        return d.getYear() * 100 + d.getMonthValue();
    }

    static <T> void chunks(Collection<Long> ids, java.util.function.Consumer<List<Long>> each) {
        List<Long> all = List.copyOf(ids);
        for (int i = 0; i < all.size(); i += 1000) {
            each.accept(all.subList(i, Math.min(all.size(), i + 1000)));
        }
    }

    /** Receives place-months; {@code figures} is reused between calls, indexed by the constants above. */
    public interface PlaceMonthRows {
        void row(long place, int ym, long[] figures);
    }

    /** Every place-month of these places in the months of [from, to]. */
    public void placeMonths(Collection<Long> places, LocalDate from, LocalDate to, PlaceMonthRows rows) {
        long[] v = new long[SIZE];
        chunks(places, chunk -> jdbc.sql(PLACE_MONTHS).param("fromYm", ym(from)).param("toYm", ym(to))
                .param("places", chunk)
                .query(rs -> {
                    for (int i = 0; i < SIZE; i++) {
                        v[i] = rs.getLong(i + 3);
                    }
                    rows.row(rs.getLong(1), rs.getInt(2), v);
                }));
    }

    /** Families guided onward in a place's month to one service. */
    public record Referral(long place, int ym, String service, long families) {
    }

    /** Families guided onward, by place, month and service, in the months of [from, to]. */
    public List<Referral> referrals(Collection<Long> places, LocalDate from, LocalDate to) {
        List<Referral> out = new java.util.ArrayList<>();
        chunks(places, chunk -> out.addAll(jdbc.sql("""
                select place_id, ym, service, families from visit_referral_month
                where ym between :fromYm and :toYm and place_id in (:places)""")
                .param("fromYm", ym(from)).param("toYm", ym(to)).param("places", chunk)
                .query((rs, n) -> new Referral(rs.getLong(1), rs.getInt(2), rs.getString(3),
                        rs.getLong(4))).list()));
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
