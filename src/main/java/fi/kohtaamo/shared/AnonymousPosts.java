package fi.kohtaamo.shared;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one way an anonymous form's post is taken (quick feedback and its kiosk, a survey's answer, a wish, a wish's
 * support, accessibility feedback; their addresses are the {@link AnonymousForms} posts), in three steps:
 * <ol>
 * <li>the {@link RateLimits} (per sender, per place, board or county): a refused post throws
 * {@link KohtaamoException.TooMany} (429) having read and written nothing;</li>
 * <li>the checks and what the post is about (the place, the survey, the wish), read outside any transaction, so
 * that {@link PublicDataCache} serves them (inside a transaction it reads through): a flood reads nothing the public
 * calendar reads;</li>
 * <li>the write alone, in a short transaction of its own.</li>
 * </ol>
 * Called from a handler, never inside a transaction (which would hold a connection from the first step and make
 * every cached read a database read): that is refused with an {@link IllegalStateException}.
 */
@Component
public class AnonymousPosts {

    /** One limit taken on one key (the sender's address, {@code place:12}, …). */
    public record Take(RateLimits.Limit limit, String key) {
    }

    private final RateLimits limits;
    private final TransactionTemplate tx;

    AnonymousPosts(RateLimits limits, TransactionTemplate tx) {
        this.limits = limits;
        this.tx = tx;
    }

    /**
     * Takes the limits in order (the first refused one stops the post), then runs {@code check} outside any
     * transaction (reads from the public data cache; a refusal is an exception such as
     * {@link KohtaamoException.Invalid} or {@link KohtaamoException.NotFound}), then {@code write} with what it
     * returned, in a transaction.
     */
    public <R, T> T post(List<Take> takes, Supplier<R> check, Function<R, T> write) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("an anonymous post runs outside any transaction");
        }
        for (Take t : takes) {
            limits.take(t.limit(), t.key());
        }
        R checked = check.get();
        return tx.execute(status -> write.apply(checked));
    }
}
