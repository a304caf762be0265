package fi.kohtaamo.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * Limits password guessing: at most {@value #PER_ACCOUNT} failed sign-ins per account and
 * {@value #PER_ADDRESS} per client address in {@link #WINDOW}. Counted in the database so that the
 * limit holds across all instances behind a load balancer.
 */
@Component
public class LoginThrottle {

    static final int PER_ACCOUNT = 5;
    static final int PER_ADDRESS = 30;
    static final Duration WINDOW = Duration.ofMinutes(15);

    private final UserQueries queries;
    private final Clock clock;

    LoginThrottle(UserQueries queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    public boolean blocked(String account, String address) {
        Instant since = clock.instant().minus(WINDOW);
        return queries.failuresForAccount(key(account), since) >= PER_ACCOUNT
                || queries.failuresFromAddress(address, since) >= PER_ADDRESS;
    }

    public void failed(String account, String address) {
        Instant now = clock.instant();
        queries.purgeFailuresBefore(now.minus(WINDOW.multipliedBy(4)));
        queries.recordFailure(key(account), address, now);
    }

    public void succeeded(String account) {
        queries.clearFailures(key(account));
    }

    static String key(String account) {
        String k = UserQueries.normalise(account);
        return k.length() > 254 ? k.substring(0, 254) : k;
    }
}
