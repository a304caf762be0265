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
 * Handouts for families (issue 15, part 4: the services send families to the meeting places). The target is the
 * county whose meeting places the handout lists: a partner professional or provider staff reaches the counties of
 * their organisations, coordinators their county (an area coordinator: the county of their area).
 */
public enum HandoutAction implements Action {
    /** Find the meeting places for a family and print the handout (tallied by the professional's service type). */
    PRINT(ADMIN, COUNTY_COORDINATOR, AREA_COORDINATOR, PROVIDER_STAFF, PARTNER);

    private final Set<Role> roles;

    HandoutAction(Role... roles) {
        this.roles = Set.of(roles);
    }

    @Override
    public Set<Role> roles() {
        return roles;
    }
}
