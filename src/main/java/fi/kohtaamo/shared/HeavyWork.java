package fi.kohtaamo.shared;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How many uploaded or fetched files an instance reads at once. Each read is bounded in size and count
 * (`IcsLimits`, `CountImport`), but the largest allowed file still keeps a core busy for seconds, and
 * nothing else stopped a few staff members (or one with several tabs) from keeping every core busy. Work
 * beyond {@code kohtaamo.limits.heavy-work} at once waits up to {@code kohtaamo.limits.heavy-work-wait},
 * then is refused with {@link KohtaamoException.Busy} (503, "try again in a moment", Retry-After),
 * having done nothing. Per instance: each instance has its own cores.
 */
@Component
public class HeavyWork {

    private final Semaphore permits;
    private final Duration wait;

    public HeavyWork(@Value("${kohtaamo.limits.heavy-work:2}") int concurrent,
            @Value("${kohtaamo.limits.heavy-work-wait:5s}") Duration wait) {
        this.permits = new Semaphore(Math.max(1, concurrent), true);
        this.wait = wait;
    }

    /** Runs the work when a permit is free within the wait, else throws {@link KohtaamoException.Busy}. */
    public <T> T run(String what, Supplier<T> work) {
        boolean acquired;
        try {
            acquired = permits.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            throw new KohtaamoException.Busy(what);
        }
        try {
            return work.get();
        } finally {
            permits.release();
        }
    }
}
