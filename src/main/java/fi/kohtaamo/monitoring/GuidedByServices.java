package fi.kohtaamo.monitoring;

import java.time.YearMonth;
import java.util.Collection;
import java.util.List;

/**
 * Families that services sent to the meeting places, by the sending service's type (guidance: the handouts partner
 * professionals print): the reports show them by service type beside the families the places guided onward
 * ({@code visit_count_referral}). Each value is a count per place, month and service type code (the
 * {@link ContributedFigures.PlaceMonthValue#key()} is the code of {@link ServiceTypes}); the report protects each
 * such unit with {@code shared.SmallNumbers}. Implementations are Spring beans; the report asks every one.
 */
public interface GuidedByServices {

    /** The counts of the given places for the months from..to (inclusive), keyed by service type code. */
    List<ContributedFigures.PlaceMonthValue> byServiceType(Collection<Long> placeIds, YearMonth from, YearMonth to);
}
