package fi.kohtaamo.registry;

import fi.kohtaamo.shared.LocalizedText;
import java.math.BigDecimal;
import java.util.Set;

/** What other modules (the calendar, its feeds and poster) show of a published place. */
public record PlaceInfo(long id, PlaceKind kind, LocalizedText name, String municipalityCode,
        LocalizedText municipalityName, long areaId, LocalizedText areaName, long countyId, String streetAddress,
        String postalCode, String postOffice, BigDecimal latitude, BigDecimal longitude,
        Set<AccessibilityFeature> accessibility, Set<Long> organiserIds) {

    /** The address on one line, as on a poster or in a calendar entry's LOCATION. */
    public String addressLine() {
        StringBuilder sb = new StringBuilder();
        if (streetAddress != null) {
            sb.append(streetAddress);
        }
        if (postalCode != null || postOffice != null) {
            if (!sb.isEmpty()) {
                sb.append(", ");
            }
            sb.append(postalCode == null ? "" : postalCode + " ").append(postOffice == null ? "" : postOffice);
        }
        return sb.toString().strip();
    }
}
