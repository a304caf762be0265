package fi.kohtaamo.identity;

import static fi.kohtaamo.shared.Role.ADMIN;
import static fi.kohtaamo.shared.Role.AREA_COORDINATOR;
import static fi.kohtaamo.shared.Role.COUNTY_COORDINATOR;

import fi.kohtaamo.shared.Action;
import fi.kohtaamo.shared.Role;
import java.util.Set;

/** Account administration. */
public enum IdentityAction implements Action {
    USER_READ(ADMIN, COUNTY_COORDINATOR, AREA_COORDINATOR),
    USER_CREATE(ADMIN, COUNTY_COORDINATOR, AREA_COORDINATOR),
    USER_UPDATE(ADMIN, COUNTY_COORDINATOR, AREA_COORDINATOR);

    private final Set<Role> roles;

    IdentityAction(Role... roles) {
        this.roles = Set.of(roles);
    }

    @Override
    public Set<Role> roles() {
        return roles;
    }
}
