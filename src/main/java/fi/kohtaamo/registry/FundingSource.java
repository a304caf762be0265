package fi.kohtaamo.registry;

/** Funding sources of a meeting place (seed 000). */
public enum FundingSource {
    STEA, MUNICIPALITY, WELLBEING_COUNTY, PARISH, OWN, FOUNDATIONS, DONATIONS
}
