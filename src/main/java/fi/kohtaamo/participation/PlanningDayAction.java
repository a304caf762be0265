package fi.kohtaamo.participation;

import static fi.kohtaamo.shared.Role.ADMIN;
import static fi.kohtaamo.shared.Role.AREA_COORDINATOR;
import static fi.kohtaamo.shared.Role.COUNTY_COORDINATOR;
import static fi.kohtaamo.shared.Role.PROVIDER_STAFF;

import fi.kohtaamo.shared.Action;
import fi.kohtaamo.shared.Role;
import java.util.Set;

/**
 * What staff can do with joint planning days. A planning day sits at its area (its county, the area, and the
 * organisations running the area's places: the providers who form the area's working group), taken from the stored
 * planning day, never from a form. Each figure on its page is further shown only where the figure's own action
 * allows it (feedback, surveys, observations), exactly as on those pages.
 */
public enum PlanningDayAction implements Action {
    /** Read the area's planning days and their pages: what was gathered for the period and what was decided. */
    READ(ADMIN, COUNTY_COORDINATOR, AREA_COORDINATOR, PROVIDER_STAFF),
    /**
     * Arrange a planning day (its calendar event and the working group's meeting) and record its decisions, which
     * answer the area's wishes publicly: the area's and county's coordinators, as for wishes of a whole area.
     */
    MANAGE(ADMIN, COUNTY_COORDINATOR, AREA_COORDINATOR);

    private final Set<Role> roles;

    PlanningDayAction(Role... roles) {
        this.roles = Set.of(roles);
    }

    @Override
    public Set<Role> roles() {
        return roles;
    }
}
