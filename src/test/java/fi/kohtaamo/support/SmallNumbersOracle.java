package fi.kohtaamo.support;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a report must publish, worked out independently of the application: each place-month's measures summed
 * from the raw counts (not the monthly sums), each unit of 1–4 turned into 0 or 5 with the installation's secret
 * as docs/privacy-of-reports.md says, and the shares added up; hidden as the rule says.
 */
public final class SmallNumbersOracle {

    /** A published figure: its value and whether it shows as "&lt;5". */
    public record Value(long value, boolean hidden) {
    }

    /** The measures of the counts: the unit names the reports use, and their columns. */
    public static final Map<String, String> COLUMNS = Map.of("ADULTS", "adults", "CHILDREN_UNDER_1", "children_under_1",
            "CHILDREN_1_2", "children_1_2", "CHILDREN_3_6", "children_3_6", "CHILDREN_7_12", "children_7_12",
            "CHILDREN_13_17", "children_13_17", "FIRST_TIME_FAMILIES", "first_time_families");
    public static final List<String> CHILDREN = List.of("CHILDREN_UNDER_1", "CHILDREN_1_2", "CHILDREN_3_6", "CHILDREN_7_12",
            "CHILDREN_13_17");

    /** The measures that make up a figure of the report (by its Figure name). */
    public static List<String> measures(String figure) {
        return switch (figure) {
            case "VISITORS" -> List.of("ADULTS", "CHILDREN_UNDER_1", "CHILDREN_1_2", "CHILDREN_3_6", "CHILDREN_7_12",
                    "CHILDREN_13_17");
            case "CHILDREN" -> CHILDREN;
            case "REFERRALS" -> List.of("REFERRALS");
            default -> List.of(figure);
        };
    }

    private final JdbcClient jdbc;
    private Mac mac;

    public SmallNumbersOracle(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The installation's secret, read when first needed (the application makes it at its first small figure). */
    private Mac mac() {
        if (mac == null) {
            try {
                String secret = jdbc.sql("select secret from small_number_key where id = 1").query(String.class).single();
                mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(HexFormat.of().parseHex(secret), "HmacSHA256"));
            } catch (java.security.GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
        return mac;
    }

    /** The share of a unit: its value, or 0 or 5 for 1–4. */
    public long share(long value, String unit) {
        if (value < 1 || value > 4) {
            return value;
        }
        byte[] h = mac().doFinal(unit.getBytes(StandardCharsets.UTF_8));
        long bits = java.nio.ByteBuffer.wrap(h, 0, 8).getLong();
        double u = (bits >>> 11) * 0x1.0p-53;
        return u * 5 < value ? 5 : 0;
    }

    /** Unit values: (unit name) -> value, from the raw counts of these places and months. */
    public Map<String, Long> units(Collection<Long> places, YearMonth from, YearMonth to) {
        Map<String, Long> out = new HashMap<>();
        if (places.isEmpty()) {
            return out;
        }
        StringBuilder sums = new StringBuilder();
        List<String> names = List.copyOf(COLUMNS.keySet());
        for (String n : names) {
            sums.append(", sum(").append(COLUMNS.get(n)).append(')');
        }
        jdbc.sql("select place_id, extract(year from on_date), extract(month from on_date)" + sums
                        + " from visit_count where place_id in (:p) and on_date between :f and :t"
                        + " group by place_id, extract(year from on_date), extract(month from on_date)")
                .param("p", places).param("f", from.atDay(1)).param("t", to.atEndOfMonth())
                .query(rs -> {
                    int ym = rs.getInt(2) * 100 + rs.getInt(3);
                    for (int i = 0; i < names.size(); i++) {
                        out.put(names.get(i) + "|" + rs.getLong(1) + "|" + ym, rs.getLong(4 + i));
                    }
                });
        jdbc.sql("""
                select c.place_id, extract(year from c.on_date), extract(month from c.on_date), r.service, sum(r.families)
                from visit_count_referral r join visit_count c on c.id = r.count_id
                where c.place_id in (:p) and c.on_date between :f and :t
                group by c.place_id, extract(year from c.on_date), extract(month from c.on_date), r.service""")
                .param("p", places).param("f", from.atDay(1)).param("t", to.atEndOfMonth())
                .query(rs -> {
                    int ym = rs.getInt(2) * 100 + rs.getInt(3);
                    out.put("REFERRAL_" + rs.getString(4) + "|" + rs.getLong(1) + "|" + ym, rs.getLong(5));
                });
        return out;
    }

    /** A figure of a report (by its Figure name) over these places and months, as it must be published. */
    public Value figure(String figure, Collection<Long> places, YearMonth from, YearMonth to) {
        return figure(figure, units(places, from, to));
    }

    /** The same from units already read. */
    public Value figure(String figure, Map<String, Long> units) {
        List<String> measures = measures(figure);
        long value = 0;
        int nonZero = 0;
        int small = 0;
        for (Map.Entry<String, Long> u : units.entrySet()) {
            String measure = u.getKey().substring(0, u.getKey().indexOf('|'));
            boolean in = measures.contains(measure) || (figure.equals("REFERRALS") && measure.startsWith("REFERRAL_"));
            if (!in || u.getValue() == 0) {
                continue;
            }
            value += share(u.getValue(), u.getKey());
            nonZero++;
            small += u.getValue() < 5 ? 1 : 0;
        }
        return new Value(value, nonZero > 0 && (value == 0 || (nonZero == 1 && small == 1)));
    }
}
