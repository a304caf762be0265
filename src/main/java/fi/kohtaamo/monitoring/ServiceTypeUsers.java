package fi.kohtaamo.monitoring;

/**
 * A module that stores service type codes of its own (guidance: a service's type, a handout's sending service), asked
 * before a county's type is deleted: a type that anything uses can only be deactivated. Implementations are Spring
 * beans; monitoring asks every one, beside its own tallies.
 */
public interface ServiceTypeUsers {

    /** Whether anything of the county stores the code. */
    boolean uses(long countyId, String code);
}
