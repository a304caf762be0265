package fi.kohtaamo.identity.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.authentication.LockedException;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing down without locking anyone out. Failures are counted per account <em>and</em>
 * client address (the pair): a pair has {@value #FREE} failures free, then must wait {@link #FIRST_WAIT}
 * after its last failure, twice as long after each further one, at most {@link #MAX_WAIT}; a success from
 * the pair forgets its failures, and failures older than {@link #MEMORY} are forgotten. Against guessing
 * from many addresses, once an account has {@value #ACCOUNT_ALARM} failures from all addresses within
 * {@link #MEMORY}, each of its pairs has only one failure free. An address that has not failed for an
 * account is never made to wait for it, so the owner signs in from their own address whatever an attacker
 * does elsewhere, and one person's typing errors never hold up the others behind the same address.
 * Counted in the database (login_failure), so the limits hold across every instance.
 */
@Component
public class LoginThrottle {

    static final int FREE = 3;
    static final int ACCOUNT_ALARM = 50;
    static final Duration FIRST_WAIT = Duration.ofSeconds(30);
    static final Duration MAX_WAIT = Duration.ofHours(1);
    static final Duration MEMORY = Duration.ofHours(24);

    /** Sign-in refused before the password is checked: the pair must wait this long still. */
    public static class Throttled extends LockedException {
        private final Duration wait;

        Throttled(Duration wait) {
            super("throttled");
            this.wait = wait;
        }

        public Duration waitFor() {
            return wait;
        }
    }

    private final UserQueries queries;
    private final Clock clock;

    LoginThrottle(UserQueries queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    /** How long this account must still wait from this address before its password is checked; zero: try now. */
    public Duration waitFor(String account, String address) {
        Instant now = clock.instant();
        Instant since = now.minus(MEMORY);
        UserQueries.PairFailures pair = queries.pairFailures(key(account), addressKey(address), since);
        if (pair.count() == 0) {
            return Duration.ZERO;
        }
        int free = queries.failuresForAccount(key(account), since) >= ACCOUNT_ALARM ? 1 : FREE;
        if (pair.count() < free) {
            return Duration.ZERO;
        }
        Instant until = pair.last().plus(delay(pair.count() - free));
        return until.isAfter(now) ? Duration.between(now, until) : Duration.ZERO;
    }

    /** The wait after a pair's failures beyond its free ones: 30 s, 1 min, 2 min, … at most an hour. */
    static Duration delay(long beyondFree) {
        if (beyondFree >= 20) {
            return MAX_WAIT;
        }
        Duration d = FIRST_WAIT.multipliedBy(1L << beyondFree);
        return d.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : d;
    }

    public void failed(String account, String address) {
        Instant now = clock.instant();
        queries.purgeFailuresBefore(now.minus(MEMORY));
        queries.recordFailure(key(account), addressKey(address), now);
    }

    public void succeeded(String account, String address) {
        queries.clearFailures(key(account), addressKey(address));
    }

    static String key(String account) {
        String k = UserQueries.normalise(account);
        return k.length() > 254 ? k.substring(0, 254) : k;
    }

    /**
     * The address as counted: an IPv4 address as it is; an IPv6 address by its /64 network, which one
     * subscriber usually has whole (otherwise each guess could come from an address of its own).
     */
    static String addressKey(String address) {
        if (address == null || address.isBlank()) {
            return "unknown";
        }
        String a = address.strip();
        if (a.indexOf(':') >= 0 && a.matches("^\\[?[0-9A-Fa-f:.]+(%[0-9A-Za-z]+)?]?$")) {
            try {
                byte[] b = InetAddress.getByName(a.replaceAll("[\\[\\]]|%.*$", "")).getAddress();
                if (b.length == 16) {
                    return String.format("%x:%x:%x:%x::/64", (b[0] & 0xff) << 8 | b[1] & 0xff,
                            (b[2] & 0xff) << 8 | b[3] & 0xff, (b[4] & 0xff) << 8 | b[5] & 0xff,
                            (b[6] & 0xff) << 8 | b[7] & 0xff);
                }
                return InetAddress.getByAddress(b).getHostAddress();
            } catch (UnknownHostException e) {
                // not an address literal: counted as given
            }
        }
        return a.length() > 64 ? a.substring(0, 64) : a;
    }
}
