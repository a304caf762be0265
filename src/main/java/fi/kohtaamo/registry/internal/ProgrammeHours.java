package fi.kohtaamo.registry.internal;

import fi.kohtaamo.registry.PlaceSessions;
import fi.kohtaamo.shared.PublicDataCache;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * A place's opening hours beside its programme, as the calendar tells it through {@link PlaceSessions}: the hours the
 * programme implies (for the public page of a place without typed hours) and what disagrees (for its staff).
 */
@Component
class ProgrammeHours {

    /** The programme's window on the public page: the same as the calendar's programme section (92 days). */
    static final int PUBLIC_DAYS = 92;
    /** The staff's check looks further: the periods typed for the coming year. */
    static final int CHECK_DAYS = 400;

    /** A weekday's derived hours as the page writes them: "Ti 9–12". */
    record Span(DayOfWeek weekday, String time) {
    }

    private final ObjectProvider<PlaceSessions> sources;
    private final Clock clock;
    private final PublicDataCache cache;

    ProgrammeHours(ObjectProvider<PlaceSessions> sources, Clock clock, PublicDataCache cache) {
        this.sources = sources;
        this.clock = clock;
        this.cache = cache;
    }

    /**
     * The recurring sessions only: a one-off event or a few listed dates (an evening party) neither make a place open
     * every week nor make its typed hours wrong.
     */
    private List<PlaceSessions.Session> sessions(long placeId, LocalDate from, LocalDate to) {
        return sources.orderedStream().flatMap(s -> s.sessions(placeId, from, to).stream())
                .filter(PlaceSessions.Session::recurring).toList();
    }

    /** The hours the programme implies in the coming weeks, from its recurring sessions; empty when there are none. */
    List<Span> derived(long placeId) {
        LocalDate today = LocalDate.now(clock);
        return cache.get(List.of("programmeHours", placeId, today), () -> HoursCheck
                .derive(sessions(placeId, today, today.plusDays(PUBLIC_DAYS))).stream()
                .map(h -> new Span(h.weekday(), HoursCheck.time(h.opens()) + "–" + HoursCheck.time(h.closes())))
                .toList());
    }

    /** What disagrees between the place's typed periods and its programme (never cached: staff just saved). */
    List<HoursCheck.Finding> findings(long placeId, List<Model.OpeningPeriod> periods) {
        if (periods.stream().noneMatch(p -> p.closed() || !p.hours().isEmpty())) {
            return List.of();
        }
        LocalDate today = LocalDate.now(clock);
        return HoursCheck.compare(periods, sessions(placeId, today, today.plusDays(CHECK_DAYS)), today);
    }
}
