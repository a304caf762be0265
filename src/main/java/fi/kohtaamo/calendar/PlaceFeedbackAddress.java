package fi.kohtaamo.calendar;

import java.util.Optional;

/**
 * Where families give feedback on a place, for the calendar's weekly poster of that place (a second QR code beside
 * the calendar's). Another module implements it (participation: the place's short feedback address), so the
 * calendar prints the code without depending on that module; when no module does, the poster has none.
 */
public interface PlaceFeedbackAddress {

    /** The site-relative feedback address of a published place (e.g. {@code /f/3f}), or empty. */
    Optional<String> path(long placeId);
}
