package fi.kohtaamo.registry;

/** Kind of premises the activity runs in. */
public enum PremisesType {
    FAMILY_HOUSE, DAYCARE, PARISH_PREMISES, COMMUNITY_SPACE, LIBRARY, SHOPPING_CENTRE, APARTMENT_BUILDING_CLUB_ROOM, DETACHED_HOUSE, OUTDOOR, OTHER
}
