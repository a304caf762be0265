package fi.kohtaamo.registry;

/** Who owns the premises: the organiser itself, provided by the city, rented or lent (seed 000). */
public enum PremisesOwnership {
    OWN, CITY_PROVIDED, RENTED, LENT
}
