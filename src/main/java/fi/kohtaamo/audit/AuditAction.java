package fi.kohtaamo.audit;

import static fi.kohtaamo.shared.Role.ADMIN;
import static fi.kohtaamo.shared.Role.AREA_COORDINATOR;
import static fi.kohtaamo.shared.Role.COUNTY_COORDINATOR;

import fi.kohtaamo.shared.Action;
import fi.kohtaamo.shared.Role;
import java.util.Set;

/** Reading the audit log; the scope (county, area) is checked by {@link fi.kohtaamo.shared.AccessControl}. */
public enum AuditAction implements Action {
    READ(ADMIN, COUNTY_COORDINATOR, AREA_COORDINATOR);

    private final Set<Role> roles;

    AuditAction(Role... roles) {
        this.roles = Set.of(roles);
    }

    @Override
    public Set<Role> roles() {
        return roles;
    }
}
