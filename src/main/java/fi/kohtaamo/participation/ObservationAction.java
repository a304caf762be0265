package fi.kohtaamo.participation;

import static fi.kohtaamo.shared.Role.ADMIN;
import static fi.kohtaamo.shared.Role.AREA_COORDINATOR;
import static fi.kohtaamo.shared.Role.COUNTY_COORDINATOR;
import static fi.kohtaamo.shared.Role.PROVIDER_STAFF;
import static fi.kohtaamo.shared.Role.VOLUNTEER;

import fi.kohtaamo.shared.Action;
import fi.kohtaamo.shared.Role;
import java.util.Set;

/**
 * What staff can do with <i>Huomaa minut!</i> observations. An observation sits at its place (county, area,
 * organisers, place), taken from the stored session, never from a form field alone.
 */
public enum ObservationAction implements Action {
    /**
     * Record an observation at a session of a place (staff, volunteers of the place; a parent writes on the device of
     * the staff member who guides them).
     */
    RECORD(ADMIN, COUNTY_COORDINATOR, AREA_COORDINATOR, PROVIDER_STAFF, VOLUNTEER),
    /** Read observations' texts and the summary per place and period; code their themes. */
    READ(ADMIN, COUNTY_COORDINATOR, AREA_COORDINATOR, PROVIDER_STAFF),
    /** Keep the county's catalogue of observation themes. */
    THEME_MANAGE(ADMIN, COUNTY_COORDINATOR);

    private final Set<Role> roles;

    ObservationAction(Role... roles) {
        this.roles = Set.of(roles);
    }

    @Override
    public Set<Role> roles() {
        return roles;
    }
}
