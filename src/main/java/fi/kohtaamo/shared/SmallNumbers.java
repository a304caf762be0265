package fi.kohtaamo.shared;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one rule that protects figures about people (docs/privacy-of-reports.md): a figure is kept for the
 * smallest unit anyone can ask about (a place's month of one measure; an outreach visit's month, place,
 * profession, topic and partner); a unit of 1 to 4 people is shown as "&lt;5" and counts in every sum as
 * 0 or 5, by a chance of value / 5 that a secret decides once per unit (so a total stays right on average and
 * asking again gives the same answer). Every published figure is a sum of such shares, so whatever one adds or
 * subtracts, one learns a unit's share (0 or 5), never its value.
 */
@Component
public class SmallNumbers {

    public static final int THRESHOLD = 5;

    private final JdbcClient jdbc;
    /** The secret is made in a transaction of its own: the first figure may be asked inside a read-only one. */
    private final TransactionTemplate own;
    private volatile byte[] secret;
    private final ThreadLocal<Mac> macs = new ThreadLocal<>();

    SmallNumbers(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.own = new TransactionTemplate(transactions);
        own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        own.setReadOnly(false);
    }

    /** Whether a unit's value is shown as "&lt;5". */
    public static boolean small(long value) {
        return value > 0 && value < THRESHOLD;
    }

    /**
     * What a unit adds to every sum it is part of: its value, or for 1–4 either 0 or 5. {@code unit} names the
     * unit, the same way wherever it is summed (e.g. "adults|place 12|2026-10").
     */
    public long share(long value, String unit) {
        if (!small(value)) {
            return value;
        }
        return chance(unit) * THRESHOLD < value ? THRESHOLD : 0;
    }

    /** A number in [0, 1) that the secret gives this unit, the same every time. */
    double chance(String unit) {
        byte[] h = mac().doFinal(unit.getBytes(StandardCharsets.UTF_8));
        long bits = 0;
        for (int i = 0; i < 8; i++) {
            bits = (bits << 8) | (h[i] & 0xff);
        }
        return (bits >>> 11) * 0x1.0p-53;
    }

    private Mac mac() {
        Mac mac = macs.get();
        if (mac == null) {
            try {
                mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(secret(), "HmacSHA256"));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
            }
            macs.set(mac);
        }
        return mac;
    }

    private byte[] secret() {
        byte[] s = secret;
        if (s == null) {
            synchronized (this) {
                if (secret == null) {
                    secret = HexFormat.of().parseHex(load());
                }
                s = secret;
            }
        }
        return s;
    }

    /** The installation's secret, made by whichever instance asks first. */
    private String load() {
        var existing = jdbc.sql("select secret from small_number_key where id = 1").query(String.class).optional();
        if (existing.isPresent()) {
            return existing.get();
        }
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        try {
            own.executeWithoutResult(t -> jdbc.sql("insert into small_number_key (id, secret) values (1, :s)")
                    .param("s", HexFormat.of().formatHex(fresh)).update());
        } catch (DuplicateKeyException raced) {
            // another instance made it first: use theirs
        }
        return own.execute(t -> jdbc.sql("select secret from small_number_key where id = 1").query(String.class)
                .single());
    }

    /**
     * A published figure being summed from units: the shares, how many units were not zero and how many of
     * them were small. Shown as "&lt;5" when it holds people but its shares add up to nothing, or when its only
     * non-zero unit is small: both follow from what the units themselves show.
     */
    public static final class Sum {
        private long value;
        private int nonZero;
        private int small;

        /** Adds a unit: its value and its share. */
        public void add(long unitValue, long share) {
            value += share;
            if (unitValue != 0) {
                nonZero++;
                if (small(unitValue)) {
                    this.small++;
                }
            }
        }

        /** Adds a sum of other units. */
        public void add(Sum other) {
            value += other.value;
            nonZero += other.nonZero;
            small += other.small;
        }

        /** Adds a figure that is not about people (occurrences, days): exact, never hidden. */
        public void addExact(long v) {
            value += v;
        }

        public long value() {
            return value;
        }

        public boolean hidden() {
            return nonZero > 0 && (value == 0 || (nonZero == 1 && small == 1));
        }
    }
}
