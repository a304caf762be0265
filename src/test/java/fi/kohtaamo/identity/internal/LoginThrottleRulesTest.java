package fi.kohtaamo.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The throttle's schedule and how it counts addresses. */
@Tag("nodb")
class LoginThrottleRulesTest {

    @Test
    void theWaitDoublesFromHalfAMinuteUpToAnHour() {
        assertThat(LoginThrottle.delay(0)).isEqualTo(Duration.ofSeconds(30));
        assertThat(LoginThrottle.delay(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(LoginThrottle.delay(2)).isEqualTo(Duration.ofMinutes(2));
        assertThat(LoginThrottle.delay(6)).isEqualTo(Duration.ofMinutes(32));
        assertThat(LoginThrottle.delay(7)).isEqualTo(Duration.ofHours(1));
        assertThat(LoginThrottle.delay(10_000)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void anIpv6AddressCountsByItsNetworkAndAnIpv4AddressAsItIs() {
        assertThat(LoginThrottle.addressKey("2001:db8:1:2:aaaa::1")).isEqualTo("2001:db8:1:2::/64");
        assertThat(LoginThrottle.addressKey("2001:0db8:0001:0002:ffff:ffff:ffff:ffff")).isEqualTo("2001:db8:1:2::/64");
        assertThat(LoginThrottle.addressKey("[2001:db8:1:2::7]")).isEqualTo("2001:db8:1:2::/64");
        assertThat(LoginThrottle.addressKey("203.0.113.9")).isEqualTo("203.0.113.9");
        assertThat(LoginThrottle.addressKey("0:0:0:0:0:0:0:1")).isEqualTo("0:0:0:0::/64");
        assertThat(LoginThrottle.addressKey(null)).isEqualTo("unknown");
        assertThat(LoginThrottle.addressKey("x".repeat(100))).hasSize(64);
    }
}
