package fi.kohtaamo.calendar.internal.poster;

import fi.kohtaamo.shared.HeavyWork;
import java.time.Duration;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How many posters an instance draws at once. Anyone may ask for one, and the week of a city of a thousand sessions
 * keeps a core busy for seconds; a drawn poster is kept in the public cache until the data changes, but a stream of
 * different weeks and filters is not. Beyond {@code kohtaamo.limits.poster-renders} at once (1), a request waits up
 * to {@code kohtaamo.limits.heavy-work-wait}, then gets 503 "try again in a moment", so that the calendar's own pages
 * keep a core. Its own gate, not the uploads' {@link HeavyWork}: anonymous readers must not crowd out staff imports.
 */
@Component
class PosterRenders {

    private final HeavyWork gate;

    PosterRenders(@Value("${kohtaamo.limits.poster-renders:1}") int concurrent,
            @Value("${kohtaamo.limits.heavy-work-wait:5s}") Duration wait) {
        this.gate = new HeavyWork(concurrent, wait);
    }

    <T> T run(Supplier<T> work) {
        return gate.run("poster", work);
    }
}
