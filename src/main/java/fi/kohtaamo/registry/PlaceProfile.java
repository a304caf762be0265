package fi.kohtaamo.registry;

import fi.kohtaamo.shared.LocalizedText;
import java.util.Set;

/**
 * What a questionnaire about a place (mapping, seed 000) is prefilled with from the registry, and what staff may
 * correct back into it ({@link Registry#correctProfile}). Opening days, evenings and weekends come from the opening
 * period covering the day asked about.
 */
public record PlaceProfile(long placeId, LocalizedText name, PlaceKind kind, long countyId, long areaId,
        Set<Long> organiserIds, Set<TargetGroup> targetGroups, int employees, int wageSubsidyStaff, int interns,
        int volunteers, PremisesType premisesType, PremisesOwnership premisesOwnership,
        Set<AccessibilityFeature> accessibility, String cooperationPartners, Set<FundingSource> funding,
        int openingWeekdays, boolean evenings, boolean weekends, int version) {

    /** The registry's fields a questionnaire may correct; {@code version} is the one the questionnaire was shown. */
    public record Correction(int version, Set<TargetGroup> targetGroups, int employees, int wageSubsidyStaff,
            int interns, int volunteers, PremisesType premisesType, PremisesOwnership premisesOwnership,
            Set<AccessibilityFeature> accessibility, String cooperationPartners, Set<FundingSource> funding) {
    }

    /** The correction that changes nothing. */
    public Correction unchanged() {
        return new Correction(version, targetGroups, employees, wageSubsidyStaff, interns, volunteers, premisesType,
                premisesOwnership, accessibility, cooperationPartners, funding);
    }
}
