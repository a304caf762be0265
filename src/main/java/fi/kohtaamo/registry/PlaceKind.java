package fi.kohtaamo.registry;

/** Kind of meeting place (avoin päiväkoti, asukaspuisto, perhekahvila, perhekerho, perhetalo, perhekeskuksen kohtaamispaikka). */
public enum PlaceKind {
    OPEN_DAYCARE, RESIDENT_PARK, FAMILY_CAFE, PARISH_FAMILY_CLUB, FAMILY_HOUSE, FAMILY_CENTRE, OTHER
}
