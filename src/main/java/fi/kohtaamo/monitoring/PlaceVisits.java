package fi.kohtaamo.monitoring;

import java.time.YearMonth;
import java.util.OptionalLong;

/** A place's visits as counted, for other modules' questionnaires (mapping prefills its monthly visits). */
public interface PlaceVisits {

    /**
     * The place's average visits (adults and children) per counted month from {@code from} to {@code to} inclusive,
     * rounded; empty when no month in between was counted.
     */
    OptionalLong averageMonthlyVisits(long placeId, YearMonth from, YearMonth to);
}
