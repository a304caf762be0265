package fi.kohtaamo.monitoring.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Callers of a key being computed wait for it; other keys, and later calls, compute their own. */
class OneComputationTest {

    @Test
    void waitersGetTheRunningComputationsValueOrItsError() throws Exception {
        OneComputation<String> once = new OneComputation<>();
        AtomicInteger computed = new AtomicInteger();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Future<String> first = pool.submit(() -> once.once(List.of("report", 1), () -> {
                computed.incrementAndGet();
                started.countDown();
                await(release);
                return "value";
            }));
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
            String[] seen = new String[1];
            Thread waiter = new Thread(() -> seen[0] = once.once(List.of("report", 1), () -> {
                computed.incrementAndGet();
                return "again";
            }));
            waiter.start();
            // another key (another data version) is computed at once, beside the running one
            assertThat(once.once(List.of("report", 2), () -> "other")).isEqualTo("other");
            while (waiter.getState() != Thread.State.WAITING) {   // parked on the running computation
                Thread.onSpinWait();
            }
            release.countDown();
            assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("value");
            waiter.join(10_000);
            assertThat(seen[0]).isEqualTo("value");
            assertThat(computed.get()).isEqualTo(1);
            // once finished, the key is computed anew
            assertThat(once.once(List.of("report", 1), () -> "later")).isEqualTo("later");
            // an error reaches the caller and leaves nothing behind
            assertThatThrownBy(() -> once.once("broken", () -> {
                throw new IllegalStateException("no");
            })).isInstanceOf(IllegalStateException.class);
            assertThat(once.once("broken", () -> "fixed")).isEqualTo("fixed");
        } finally {
            pool.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
