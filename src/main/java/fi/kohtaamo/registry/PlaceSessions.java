package fi.kohtaamo.registry;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * The weekly sessions of a place's published programme, told by the module that keeps the programme (the calendar
 * implements it), so that the registry can compare a place's typed opening hours with it, or show hours derived from
 * it, without depending on that module.
 */
public interface PlaceSessions {

    /**
     * One weekly session: on {@code weekday} from {@code start} to {@code end} (local time; a session running past
     * midnight ends at 23.59), on the dates from..to (inclusive) of its season; {@code recurring} for a weekly or
     * monthly rule, false for a listed date or a one-off event.
     */
    record Session(DayOfWeek weekday, LocalTime start, LocalTime end, LocalDate from, LocalDate to,
            boolean recurring) {
    }

    /** The sessions of the place's published activities whose seasons overlap [from, to], clipped to it. */
    List<Session> sessions(long placeId, LocalDate from, LocalDate to);
}
