package fi.kohtaamo.monitoring.internal;

import fi.kohtaamo.monitoring.MonitoringAction;
import fi.kohtaamo.registry.Registry;
import fi.kohtaamo.registry.StaffHomeSection;
import fi.kohtaamo.shared.AccessControl;
import fi.kohtaamo.shared.Actor;
import fi.kohtaamo.shared.Lang;
import fi.kohtaamo.shared.LocalizedText;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The top of the staff front page for those who count: today's sessions (in Helsinki) at the places in their
 * scope, each with its counter, and whether it is counted. At most {@link #MAX} sessions, with a note when
 * there are more.
 */
@Component
class TodaysCounts implements StaffHomeSection {

    static final int MAX = 50;

    private final CountService counts;
    private final CountQueries queries;

    TodaysCounts(CountService counts, CountQueries queries) {
        this.counts = counts;
        this.queries = queries;
    }

    /** A session of today: its place, time and activity, and whether it has been counted. */
    public record Session(long placeId, LocalizedText place, long subject, LocalizedText name, String time,
            boolean counted) {
    }

    /** The sessions shown, the day, and whether more were left out. */
    public record Today(LocalDate date, List<Session> sessions, boolean more) {
    }

    @Override
    public Optional<Section> section(Actor actor, Lang lang) {
        if (!AccessControl.mayEver(actor, MonitoringAction.COUNT_RECORD)) {
            return Optional.empty();
        }
        LocalDate today = counts.today();
        List<Session> out = new ArrayList<>();
        for (Registry.StaffPlace p : counts.places(actor)) {
            List<CountService.Countable> held = counts.occurrences(p.id(), today, today);
            if (held.isEmpty()) {
                continue;
            }
            Set<Long> counted = queries.countsOfPlace(p.id(), today, today).stream()
                    .map(c -> c.activityId() == null ? 0L : c.activityId()).collect(Collectors.toSet());
            for (CountService.Countable c : held) {
                out.add(new Session(p.id(), p.name(), c.subject(), c.name(), c.time(), counted.contains(c.subject())));
            }
            if (out.size() > MAX) {
                break;
            }
        }
        boolean more = out.size() > MAX;
        return Optional.of(new Section("monitoring/parts", "today",
                new Today(today, more ? List.copyOf(out.subList(0, MAX)) : out, more)));
    }
}
