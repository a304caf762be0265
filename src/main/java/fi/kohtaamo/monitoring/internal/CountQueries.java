package fi.kohtaamo.monitoring.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** All SQL of visit counts. Runs on PostgreSQL and on H2 in PostgreSQL mode. */
@Repository
public class CountQueries {

    private final JdbcClient jdbc;
    /** For batched inserts of demo and generated counts. */
    private final org.springframework.jdbc.core.JdbcTemplate batch;

    public CountQueries(JdbcClient jdbc, org.springframework.jdbc.core.JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** The figures of one count. */
    public record Figures(int adults, int childrenUnder1, int children1to2, int children3to6, int children7to12,
            int children13to17, int firstTimeFamilies, int volunteers, int staff) {

        public static final Figures ZERO = new Figures(0, 0, 0, 0, 0, 0, 0, 0, 0);

        /** The figures' form field names, in order. */
        public static final List<String> FIELDS = List.of("adults", "childrenUnder1", "children1to2", "children3to6",
                "children7to12", "children13to17", "firstTimeFamilies", "volunteers", "staff");

        public int children() {
            return childrenUnder1 + children1to2 + children3to6 + children7to12 + children13to17;
        }

        /** Visitors: adults and children (volunteers and staff are not visitors). */
        public int visitors() {
            return adults + children();
        }

        public int get(String field) {
            return switch (field) {
                case "adults" -> adults;
                case "childrenUnder1" -> childrenUnder1;
                case "children1to2" -> children1to2;
                case "children3to6" -> children3to6;
                case "children7to12" -> children7to12;
                case "children13to17" -> children13to17;
                case "firstTimeFamilies" -> firstTimeFamilies;
                case "volunteers" -> volunteers;
                case "staff" -> staff;
                default -> throw new IllegalArgumentException(field);
            };
        }

        static Figures of(int[] v) {
            return new Figures(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8]);
        }
    }

    /**
     * A stored count.
     *
     * @param activityId null for an open day of the place
     */
    public record Count(long id, long placeId, Long activityId, LocalDate date, Figures figures,
            Map<String, Integer> referrals, int version, Instant updatedAt) {
    }

    private static final String COLUMNS = """
            c.id, c.place_id, c.activity_id, c.on_date, c.adults, c.children_under_1, c.children_1_2, c.children_3_6,
            c.children_7_12, c.children_13_17, c.first_time_families, c.volunteers, c.staff, c.version, c.updated_at""";

    private static Count row(ResultSet rs, int n) throws SQLException {
        long activity = rs.getLong("activity_id");
        Long activityId = rs.wasNull() ? null : activity;
        return new Count(rs.getLong("id"), rs.getLong("place_id"), activityId, rs.getObject("on_date", LocalDate.class),
                new Figures(rs.getInt("adults"), rs.getInt("children_under_1"), rs.getInt("children_1_2"),
                        rs.getInt("children_3_6"), rs.getInt("children_7_12"), rs.getInt("children_13_17"),
                        rs.getInt("first_time_families"), rs.getInt("volunteers"), rs.getInt("staff")),
                Map.of(), rs.getInt("version"), rs.getObject("updated_at", java.time.OffsetDateTime.class).toInstant());
    }

    private List<Count> withReferrals(List<Count> counts) {
        if (counts.isEmpty()) {
            return counts;
        }
        Map<Long, Map<String, Integer>> refs = new HashMap<>();
        List<Long> ids = counts.stream().map(Count::id).toList();
        for (int i = 0; i < ids.size(); i += 1000) {
            jdbc.sql("select count_id, service, families from visit_count_referral where count_id in (:ids)")
                    .param("ids", ids.subList(i, Math.min(ids.size(), i + 1000)))
                    .query(rs -> {
                        refs.computeIfAbsent(rs.getLong(1), k -> new java.util.TreeMap<>())
                                .put(rs.getString(2), rs.getInt(3));
                    });
        }
        List<Count> out = new ArrayList<>(counts.size());
        for (Count c : counts) {
            out.add(new Count(c.id(), c.placeId(), c.activityId(), c.date(), c.figures(),
                    java.util.Collections.unmodifiableMap(refs.getOrDefault(c.id(), new java.util.TreeMap<>())), c.version(), c.updatedAt()));
        }
        return out;
    }

    public Optional<Count> count(long placeId, long subject, LocalDate date) {
        return withReferrals(jdbc.sql("select " + COLUMNS + " from visit_count c where c.place_id = :p and c.subject = :s "
                        + "and c.on_date = :d").param("p", placeId).param("s", subject).param("d", date)
                .query(CountQueries::row).list()).stream().findFirst();
    }

    /** The counts of a place in [from, to], by date. */
    public List<Count> countsOfPlace(long placeId, LocalDate from, LocalDate to) {
        return withReferrals(jdbc.sql("select " + COLUMNS + " from visit_count c where c.place_id = :p "
                        + "and c.on_date between :from and :to order by c.on_date, c.subject")
                .param("p", placeId).param("from", from).param("to", to).query(CountQueries::row).list());
    }

    public long insert(long placeId, Long activityId, LocalDate date, Figures f, Map<String, Integer> referrals,
            boolean demo, Instant now) {
        lockWrites();
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        bind(jdbc.sql("""
                insert into visit_count (place_id, activity_id, subject, on_date, adults, children_under_1, children_1_2,
                                         children_3_6, children_7_12, children_13_17, first_time_families, volunteers, staff,
                                         demo, created_at, updated_at)
                values (:p, :a, :s, :d, :adults, :c0, :c1, :c3, :c7, :c13, :first, :vol, :staff, :demo, :now, :now)"""), f)
                .param("p", placeId).param("a", activityId).param("s", activityId == null ? 0L : activityId)
                .param("d", date).param("demo", demo).param("now", now.atOffset(ZoneOffset.UTC)).update(keys, "id");
        long id = keys.getKey().longValue();
        saveReferrals(id, referrals);
        refreshMonths(placeId, List.of(date));
        return id;
    }

    public boolean update(long id, int version, Figures f, Map<String, Integer> referrals, Instant now) {
        lockWrites();
        boolean updated = bind(jdbc.sql("""
                update visit_count set adults = :adults, children_under_1 = :c0, children_1_2 = :c1, children_3_6 = :c3,
                       children_7_12 = :c7, children_13_17 = :c13, first_time_families = :first, volunteers = :vol,
                       staff = :staff, version = version + 1, updated_at = :now
                where id = :id and version = :v"""), f)
                .param("id", id).param("v", version).param("now", now.atOffset(ZoneOffset.UTC)).update() == 1;
        if (updated) {
            jdbc.sql("delete from visit_count_referral where count_id = :id").param("id", id).update();
            saveReferrals(id, referrals);
            // read first, then write: never a query inside a row callback
            record Where(long place, LocalDate day) {
            }
            Where w = jdbc.sql("select place_id, on_date from visit_count where id = :id").param("id", id)
                    .query((rs, n) -> new Where(rs.getLong(1), rs.getObject(2, LocalDate.class))).single();
            refreshMonths(w.place(), List.of(w.day()));
        }
        return updated;
    }

    private void saveReferrals(long id, Map<String, Integer> referrals) {
        for (var e : referrals.entrySet()) {
            if (e.getValue() > 0) {
                jdbc.sql("insert into visit_count_referral (count_id, service, families) values (:id, :s, :n)")
                        .param("id", id).param("s", e.getKey()).param("n", e.getValue()).update();
            }
        }
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Figures f) {
        return spec.param("adults", f.adults()).param("c0", f.childrenUnder1()).param("c1", f.children1to2())
                .param("c3", f.children3to6()).param("c7", f.children7to12()).param("c13", f.children13to17())
                .param("first", f.firstTimeFamilies()).param("vol", f.volunteers()).param("staff", f.staff());
    }

    /** Whether the place has any count (see {@link CountedRecords}). */
    public boolean anyOfPlace(long placeId) {
        return jdbc.sql("select count(*) from (select 1 from visit_count where place_id = :p fetch first 1 rows only) x")
                .param("p", placeId).query(Long.class).single() > 0;
    }

    /** Whether the activity at the place has a count (by the unique key's place and subject; see {@link CountedRecords}). */
    public boolean anyOfActivity(long placeId, long activityId) {
        return jdbc.sql("select count(*) from (select 1 from visit_count where place_id = :p and subject = :a "
                        + "fetch first 1 rows only) x")
                .param("p", placeId).param("a", activityId).query(Long.class).single() > 0;
    }

    /** Whether any counts exist (the demo data loads once). */
    public boolean any() {
        return jdbc.sql("select count(*) from (select 1 from visit_count fetch first 1 rows only) x").query(Long.class)
                .single() > 0;
    }

    /**
     * Inserts many counts in one batch (demo and generated data; no referrals). Each row: place_id,
     * activity_id (or null), subject, on_date, the nine figures, demo, created_at, updated_at.
     */
    public void insertBatch(List<Object[]> rows) {
        batch.batchUpdate("""
                insert into visit_count (place_id, activity_id, subject, on_date, adults, children_under_1, children_1_2,
                                         children_3_6, children_7_12, children_13_17, first_time_families, volunteers, staff,
                                         demo, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
    }

    // ---- monthly sums ------------------------------------------------------------------------------

    /** The year-month key of the monthly sums. */
    static int ym(LocalDate d) {
        return d.getYear() * 100 + d.getMonthValue();
    }

    static final String YM = "(cast(extract(year from on_date) as integer) * 100 + cast(extract(month from on_date) as integer))";

    private static final String MONTH_SELECT = """
            select place_id, %s, count(*), count(distinct on_date), count(activity_id),
                   sum(adults + children_under_1 + children_1_2 + children_3_6 + children_7_12 + children_13_17),
                   sum(adults), sum(children_under_1), sum(children_1_2), sum(children_3_6), sum(children_7_12),
                   sum(children_13_17), sum(first_time_families),
                   max(adults + children_under_1 + children_1_2 + children_3_6 + children_7_12 + children_13_17)
            from visit_count where %s
            group by place_id, %s""";

    private static final String MONTH_INSERT = """
            insert into visit_count_month (place_id, ym, counts, days, activity_counts, visitors, adults, children_under_1,
                                           children_1_2, children_3_6, children_7_12, children_13_17, first_time_families,
                                           max_visitors)
            """;

    private static final String REFERRAL_INSERT = """
            insert into visit_referral_month (place_id, ym, service, families)
            select c.place_id, %s, r.service, sum(r.families)
            from visit_count_referral r join visit_count c on c.id = r.count_id
            where %s
            group by c.place_id, %s, r.service""";

    /** The version of the counts: moves with every write of counts (see {@link #refreshMonths}). */
    public long version() {
        return jdbc.sql("select version from count_version where id = 1").query(Long.class).single();
    }

    /**
     * Takes the lock of count writes (the row of {@code count_version}) until the transaction ends: every write of
     * counts takes it before it writes anything, so writers never wait for each other in two orders (no deadlock),
     * and each recomputes its months after the one before it has committed (its delete sees the other's monthly row,
     * so its insert never collides with it). Every write moved that row before its commit anyway ({@link #moved}), so
     * the writes were already one after another from there on; now they are from their first write.
     */
    private void lockWrites() {
        jdbc.sql("select version from count_version where id = 1 for update").query(Long.class).single();
    }

    /** Moves the version of the counts, in the writing transaction. */
    private void moved() {
        jdbc.sql("update count_version set version = version + 1 where id = 1").update();
    }

    /**
     * Recomputes the monthly sums of a place for the months of these days (call in the writing transaction),
     * and moves the version of the counts: every write of counts ends here or in {@link #refreshAllMonths}.
     */
    public void refreshMonths(long placeId, Collection<LocalDate> days) {
        lockWrites();
        java.util.Set<java.time.YearMonth> months = new java.util.HashSet<>();
        days.forEach(d -> months.add(java.time.YearMonth.from(d)));
        for (java.time.YearMonth m : months) {
            int key = m.getYear() * 100 + m.getMonthValue();
            jdbc.sql("delete from visit_count_month where place_id = :p and ym = :ym").param("p", placeId).param("ym", key)
                    .update();
            jdbc.sql("delete from visit_referral_month where place_id = :p and ym = :ym").param("p", placeId).param("ym", key)
                    .update();
            String where = "place_id = :p and on_date between :from and :to";
            jdbc.sql(MONTH_INSERT + MONTH_SELECT.formatted(YM, where, YM)).param("p", placeId)
                    .param("from", m.atDay(1)).param("to", m.atEndOfMonth()).update();
            jdbc.sql(REFERRAL_INSERT.formatted(YM.replace("on_date", "c.on_date"), "c.place_id = :p and c.on_date between :from and :to",
                    YM.replace("on_date", "c.on_date"))).param("p", placeId)
                    .param("from", m.atDay(1)).param("to", m.atEndOfMonth()).update();
        }
        moved();
    }

    /** Recomputes every monthly sum (after bulk loads) and moves the version of the counts. */
    public void refreshAllMonths() {
        moved();
        jdbc.sql("delete from visit_referral_month").update();
        jdbc.sql("delete from visit_count_month").update();
        jdbc.sql(MONTH_INSERT + MONTH_SELECT.formatted(YM, "1 = 1", YM)).update();
        jdbc.sql(REFERRAL_INSERT.formatted(YM.replace("on_date", "c.on_date"), "1 = 1", YM.replace("on_date", "c.on_date")))
                .update();
    }
}
