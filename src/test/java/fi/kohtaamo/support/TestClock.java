package fi.kohtaamo.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/** A clock that stands still until a test moves it. */
public class TestClock extends Clock {

    public static final Instant START = Instant.parse("2026-11-25T08:00:00Z");

    private volatile Instant now = START;
    private final ZoneId zone;

    public TestClock(ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        TestClock c = new TestClock(zone);
        c.now = now;
        return c;
    }

    @Override
    public Instant instant() {
        return now;
    }

    public void advance(Duration d) {
        now = now.plus(d);
    }

    public void set(Instant instant) {
        now = instant;
    }
}
