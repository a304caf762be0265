package fi.kohtaamo.registry.internal;

import fi.kohtaamo.registry.AccessibilityFeature;
import fi.kohtaamo.registry.FundingSource;
import fi.kohtaamo.registry.PlaceKind;
import fi.kohtaamo.registry.PremisesOwnership;
import fi.kohtaamo.registry.PremisesType;
import fi.kohtaamo.registry.TargetGroup;
import fi.kohtaamo.registry.internal.Model.Hours;
import fi.kohtaamo.registry.internal.Model.Staffing;
import fi.kohtaamo.shared.LocalizedText;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** A checked place, ready to be stored. Built only by {@link PlaceForm#toCommand}. */
public record PlaceCommand(PlaceKind kind, LocalizedText name, LocalizedText description, LocalizedText directions,
        long areaId, String municipalityCode, String streetAddress, String postalCode, String postOffice,
        BigDecimal latitude, BigDecimal longitude, PremisesType premisesType, PremisesOwnership premisesOwnership,
        boolean hasYard, Set<AccessibilityFeature> features, LocalizedText accessibilityNotes, Staffing staffing,
        String cooperationPartners, String contactEmail, String contactPhone, String website, boolean published,
        List<Long> organiserIds, Set<TargetGroup> targetGroups, List<String> languages, Set<FundingSource> funding,
        List<Period> periods) {

    public record Period(LocalDate validFrom, LocalDate validTo, boolean closed, LocalizedText note, List<Hours> hours) {
    }
}
