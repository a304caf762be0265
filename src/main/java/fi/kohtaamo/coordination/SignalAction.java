package fi.kohtaamo.coordination;

import static fi.kohtaamo.shared.Role.ADMIN;
import static fi.kohtaamo.shared.Role.AREA_COORDINATOR;
import static fi.kohtaamo.shared.Role.COUNTY_COORDINATOR;
import static fi.kohtaamo.shared.Role.PARTNER;
import static fi.kohtaamo.shared.Role.PROVIDER_STAFF;

import fi.kohtaamo.shared.Action;
import fi.kohtaamo.shared.Role;
import java.util.Set;

/**
 * What staff can do with weak signals. A signal sits in its county and areas, and belongs to the organisation
 * its author wrote it for: it is checked against a target per area of the signal (any one suffices), holding the
 * county, the area and the author's organisation. Recording is checked against each chosen area with the actor's
 * organisations that belong to the area's county, so staff and partners record signals about any area of the
 * county their organisation works in, and never about another county's.
 */
public enum SignalAction implements Action {
    /** Record a weak signal (any staff member or partner; not volunteers or national reporters). */
    RECORD(ADMIN, COUNTY_COORDINATOR, AREA_COORDINATOR, PROVIDER_STAFF, PARTNER),
    /**
     * Read signals and their summary: coordinators those of their county or area, staff and partners those
     * written for their organisation (so an author always reads their own).
     */
    READ(ADMIN, COUNTY_COORDINATOR, AREA_COORDINATOR, PROVIDER_STAFF, PARTNER),
    /** Record a signal's handling: taken to the network's agenda, discussed, forwarded, closed. */
    HANDLE(ADMIN, COUNTY_COORDINATOR, AREA_COORDINATOR),
    /** Keep the county's catalogue of themes. */
    THEME_MANAGE(ADMIN, COUNTY_COORDINATOR);

    private final Set<Role> roles;

    SignalAction(Role... roles) {
        this.roles = Set.of(roles);
    }

    @Override
    public Set<Role> roles() {
        return roles;
    }
}
