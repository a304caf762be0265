package fi.kohtaamo.calendar;

import fi.kohtaamo.shared.Actor;
import fi.kohtaamo.shared.LocalizedText;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * One-off events that another module puts into the family calendar (a joint planning day): an activity of kind
 * {@link ActivityKind#EVENT} on one date at a place, published, free, held on public holidays too. Checked and
 * audited exactly as staff's own activities ({@link CalendarAction#ACTIVITY_CREATE} at the place).
 */
public interface CalendarEvents {

    /**
     * An event: the place that hosts it, its name and description (fi required), its date and local times in
     * Europe/Helsinki, its organisers and languages of activity; {@code demo} marks demo data.
     */
    record Event(long placeId, LocalizedText name, LocalizedText description, LocalDate date, LocalTime start,
            LocalTime end, List<Long> organiserIds, List<String> languages, boolean demo) {
    }

    /** Creates the event; its activity id. Throws {@code KohtaamoException.Forbidden} or {@code Invalid}. */
    long create(Actor actor, Event event);
}
