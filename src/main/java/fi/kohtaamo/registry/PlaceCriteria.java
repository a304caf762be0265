package fi.kohtaamo.registry;

import java.util.Set;

/** Which published places another module asks for; null or empty parts mean "any". */
public record PlaceCriteria(Long areaId, String municipalityCode, Long placeId, Set<AccessibilityFeature> accessibility,
        Long countyId) {

    public static final PlaceCriteria ALL = new PlaceCriteria(null, null, null, Set.of(), null);

    public PlaceCriteria {
        accessibility = accessibility == null ? Set.of() : Set.copyOf(accessibility);
    }
}
