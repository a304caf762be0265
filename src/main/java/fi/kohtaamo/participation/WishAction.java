package fi.kohtaamo.participation;

import static fi.kohtaamo.shared.Role.ADMIN;
import static fi.kohtaamo.shared.Role.AREA_COORDINATOR;
import static fi.kohtaamo.shared.Role.COUNTY_COORDINATOR;
import static fi.kohtaamo.shared.Role.PROVIDER_STAFF;

import fi.kohtaamo.shared.Action;
import fi.kohtaamo.shared.Role;
import java.util.Set;

/**
 * What staff can do with families' wishes. A wish for a place is checked against the place (its county, area and
 * organisers: the organisers' staff and the area's and county's coordinators moderate it); a wish for a whole area
 * against the area and its county only (its coordinators). The scope is always the stored wish's, never a form's.
 */
public enum WishAction implements Action {
    /**
     * Read wishes waiting for moderation, publish, merge with a similar wish, decline with a reason, answer publicly,
     * set the state and link the calendar activity that answers it.
     */
    MODERATE(ADMIN, COUNTY_COORDINATOR, AREA_COORDINATOR, PROVIDER_STAFF);

    private final Set<Role> roles;

    WishAction(Role... roles) {
        this.roles = Set.of(roles);
    }

    @Override
    public Set<Role> roles() {
        return roles;
    }
}
