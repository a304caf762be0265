package fi.kohtaamo.shared;

/**
 * Staff roles. Each role has one kind of scope, see {@link AccessControl}:
 * admin everything; county coordinator their county; area coordinator their area; provider staff,
 * partner and national reporter their organisation and its sub-organisations; volunteer their place.
 */
public enum Role {
    ADMIN,
    COUNTY_COORDINATOR,
    AREA_COORDINATOR,
    PROVIDER_STAFF,
    PARTNER,
    VOLUNTEER,
    NATIONAL_REPORTER;

    /** Whether a user with this role may give {@code other} to an account. */
    public boolean mayGrant(Role other) {
        return switch (this) {
            case ADMIN -> true;
            case COUNTY_COORDINATOR -> other != ADMIN && other != NATIONAL_REPORTER;
            case AREA_COORDINATOR -> other == VOLUNTEER;
            default -> false;
        };
    }
}
