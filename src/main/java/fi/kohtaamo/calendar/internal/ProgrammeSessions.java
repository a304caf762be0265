package fi.kohtaamo.calendar.internal;

import fi.kohtaamo.calendar.internal.rules.Schedule;
import fi.kohtaamo.registry.PlaceSessions;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The registry's view of a place's programme: the weekly sessions of its published activities, by rule (weekly and
 * monthly rules on their weekdays, dates and one-off events on the weekday of each date), not by single changes.
 */
@Component
class ProgrammeSessions implements PlaceSessions {

    private final ActivityQueries queries;

    ProgrammeSessions(ActivityQueries queries) {
        this.queries = queries;
    }

    @Override
    public List<Session> sessions(long placeId, LocalDate from, LocalDate to) {
        List<Session> out = new ArrayList<>();
        for (ActivityQueries.Activity a : queries.activitiesBetween(from, to, Set.of(placeId))) {
            Schedule s = a.schedule();
            LocalTime start = s.start();
            LocalTime end = start.plusMinutes(s.durationMinutes());
            if (s.durationMinutes() >= 24 * 60 || end.isBefore(start)) {
                end = LocalTime.of(23, 59);
            }
            LocalDate a0 = s.seasonStart().isBefore(from) ? from : s.seasonStart();
            LocalDate b0 = s.seasonEnd().isAfter(to) ? to : s.seasonEnd();
            switch (s.kind()) {
                case WEEKLY, MONTHLY -> {
                    for (var day : s.weekdays()) {
                        out.add(new Session(day, start, end, a0, b0, true));
                    }
                }
                case DATES, ONCE -> {
                    for (LocalDate d : s.kind() == Schedule.Kind.ONCE ? List.of(s.seasonStart()) : s.dates()) {
                        if (!d.isBefore(from) && !d.isAfter(to)) {
                            out.add(new Session(d.getDayOfWeek(), start, end, d, d, false));
                        }
                    }
                }
            }
        }
        return List.copyOf(out);
    }
}
