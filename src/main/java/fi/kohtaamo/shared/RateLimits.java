package fi.kohtaamo.shared;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import org.springframework.stereotype.Component;

/**
 * The one way to limit how often anonymous input is accepted (feedback, survey answers, wishes and their
 * support, accessibility feedback; taken through {@link AnonymousPosts}): token buckets (Bucket4j), kept in memory per instance, one bucket per
 * {@link Limit} and key (a sender's address, a place, a browser token). A refused take throws
 * {@link KohtaamoException.TooMany} (429, translated page or problem, Retry-After) before anything is stored.
 *
 * <p>Keys are hashed (SHA-256, truncated) before they are kept, so the limiter holds no address in the
 * clear; buckets idle for longer than their refill period are forgotten. Per instance: with several
 * instances behind a balancer each keeps its own buckets, so the effective limit is at most the number of
 * instances times the limit (said in the operations notes).
 *
 * <p>The sender's address is {@link HttpServletRequest#getRemoteAddr()}: behind a proxy, set
 * {@code KOHTAAMO_FORWARD_HEADERS=native} (or {@code framework}) so that it is the client's, never a
 * header read here.
 */
@Component
public class RateLimits {

    /**
     * A named limit: at most {@code capacity} takes, refilled gradually over {@code period}
     * (so {@code new Limit("feedback-address", 20, Duration.ofHours(1))} allows a burst of 20 and then
     * one every three minutes).
     */
    public record Limit(String name, long capacity, Duration period) {
        public Limit {
            if (capacity < 1 || period.isZero() || period.isNegative()) {
                throw new IllegalArgumentException("limit " + name);
            }
        }
    }

    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .maximumSize(200_000)
            .expireAfterAccess(Duration.ofHours(25))
            .build();

    /**
     * Takes one token from the limit's bucket for the key, or throws {@link KohtaamoException.TooMany}. Package
     * private: anonymous posts take their limits through {@link AnonymousPosts}, the one way.
     */
    void take(Limit limit, String key) {
        if (!tryTake(limit, key)) {
            throw new KohtaamoException.TooMany(limit.name());
        }
    }

    /** Takes one token if there is one; false (and nothing taken) when the sender is over the limit. */
    public boolean tryTake(Limit limit, String key) {
        Bucket bucket = buckets.get(limit.name() + '|' + hash(key), k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(limit.capacity())
                        .refillGreedy(limit.capacity(), limit.period()).build())
                .build());
        return bucket.tryConsume(1);
    }

    /** The sender's address as the limits key it (see the class comment on proxies). */
    public static String sender(HttpServletRequest request) {
        String addr = request.getRemoteAddr();
        return addr == null ? "unknown" : addr;
    }

    /** Forgets every bucket (tests). */
    public void clear() {
        buckets.invalidateAll();
    }

    private static String hash(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(String.valueOf(key).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
