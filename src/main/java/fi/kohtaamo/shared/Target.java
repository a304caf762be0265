package fi.kohtaamo.shared;

import java.util.Set;

/**
 * Where a record sits in the organisational and geographic structure: what an action is checked
 * against. Unknown parts are null (or empty).
 */
public record Target(Long countyId, Long areaId, Set<Long> organisationIds, Long placeId) {

    public Target {
        organisationIds = organisationIds == null ? Set.of() : Set.copyOf(organisationIds);
    }

    public static Target county(Long countyId) {
        return new Target(countyId, null, Set.of(), null);
    }
}
