package fi.kohtaamo.registry;

/** Kind of organisation; hierarchy e.g. MLL (national) -> district -> local association, parish union -> parish. */
public enum OrganisationType {
    WELLBEING_COUNTY, MUNICIPALITY, NATIONAL_ORGANISATION, MLL_DISTRICT, MLL_ASSOCIATION, PARISH_UNION, PARISH, OTHER_NGO, OTHER
}
