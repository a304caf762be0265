package fi.kohtaamo.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateLimitsTest {

    private final RateLimits limits = new RateLimits();
    private final RateLimits.Limit three = new RateLimits.Limit("test", 3, Duration.ofHours(1));

    @Test
    void aSenderGetsTheCapacityAndThenIsRefusedWithTooMany() {
        for (int i = 0; i < 3; i++) {
            limits.take(three, "192.0.2.1");
        }
        assertThatThrownBy(() -> limits.take(three, "192.0.2.1"))
                .isInstanceOf(KohtaamoException.TooMany.class)
                .satisfies(e -> assertThat(((KohtaamoException) e).status().value()).isEqualTo(429));
        assertThat(limits.tryTake(three, "192.0.2.2")).as("another sender has its own bucket").isTrue();
        assertThat(limits.tryTake(new RateLimits.Limit("other", 3, Duration.ofHours(1)), "192.0.2.1"))
                .as("another limit has its own bucket").isTrue();
        limits.clear();
        assertThat(limits.tryTake(three, "192.0.2.1")).isTrue();
    }
}
