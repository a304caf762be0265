package fi.kohtaamo.registry;

import static fi.kohtaamo.shared.Role.ADMIN;
import static fi.kohtaamo.shared.Role.AREA_COORDINATOR;
import static fi.kohtaamo.shared.Role.COUNTY_COORDINATOR;
import static fi.kohtaamo.shared.Role.NATIONAL_REPORTER;
import static fi.kohtaamo.shared.Role.PROVIDER_STAFF;
import static fi.kohtaamo.shared.Role.VOLUNTEER;

import fi.kohtaamo.shared.Action;
import fi.kohtaamo.shared.Role;
import java.util.Set;

/** What staff can do in the registry, and which roles may; scope is checked by AccessControl. */
public enum RegistryAction implements Action {
    /** Read a place's internal fields (staffing, funding, premises, unpublished places). */
    PLACE_READ_INTERNAL(ADMIN, COUNTY_COORDINATOR, AREA_COORDINATOR, PROVIDER_STAFF, VOLUNTEER, NATIONAL_REPORTER),
    PLACE_CREATE(ADMIN, COUNTY_COORDINATOR, AREA_COORDINATOR, PROVIDER_STAFF),
    PLACE_UPDATE(ADMIN, COUNTY_COORDINATOR, AREA_COORDINATOR, PROVIDER_STAFF),
    PLACE_DELETE(ADMIN, COUNTY_COORDINATOR, AREA_COORDINATOR),
    ORGANISATION_CREATE(ADMIN, COUNTY_COORDINATOR),
    ORGANISATION_UPDATE(ADMIN, COUNTY_COORDINATOR),
    AREA_CREATE(ADMIN, COUNTY_COORDINATOR),
    AREA_UPDATE(ADMIN, COUNTY_COORDINATOR),
    MUNICIPALITY_UPDATE(ADMIN, COUNTY_COORDINATOR);

    private final Set<Role> roles;

    RegistryAction(Role... roles) {
        this.roles = Set.of(roles);
    }

    @Override
    public Set<Role> roles() {
        return roles;
    }
}
