package fi.kohtaamo.guidance;

import static fi.kohtaamo.shared.Role.ADMIN;
import static fi.kohtaamo.shared.Role.AREA_COORDINATOR;
import static fi.kohtaamo.shared.Role.COUNTY_COORDINATOR;
import static fi.kohtaamo.shared.Role.PARTNER;
import static fi.kohtaamo.shared.Role.PROVIDER_STAFF;

import fi.kohtaamo.shared.Action;
import fi.kohtaamo.shared.Role;
import java.util.Set;

/**
 * What staff can do with the county's directory of family services. A service sits in its county and has an owner
 * (a staff account of the county), both taken from the stored record, never from a form field.
 */
public enum ServiceAction implements Action {
    /** Read the county's services on the staff pages (the staff of the county: the service's county is theirs). */
    READ(ADMIN, COUNTY_COORDINATOR, AREA_COORDINATOR, PROVIDER_STAFF, PARTNER),
    /**
     * Edit a service and mark it checked: the county's coordinators every service of the county, any other staff
     * member only the services they own.
     */
    EDIT(ADMIN, COUNTY_COORDINATOR, AREA_COORDINATOR, PROVIDER_STAFF, PARTNER),
    /** Create and delete services and choose their owners (the county's coordinators). */
    MANAGE(ADMIN, COUNTY_COORDINATOR),
    /** Keep the county's catalogue of families' needs. */
    NEED_MANAGE(ADMIN, COUNTY_COORDINATOR);

    private final Set<Role> roles;

    ServiceAction(Role... roles) {
        this.roles = Set.of(roles);
    }

    @Override
    public Set<Role> roles() {
        return roles;
    }
}
