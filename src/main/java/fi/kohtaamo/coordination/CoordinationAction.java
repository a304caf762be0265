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
 * What staff can do with the coordination groups. A group's target is its county, its area when it covers exactly
 * one, and — for staff and partners — the organisation of the actor when the actor holds a seat of the group
 * (any seat to read, a chair's or secretary's seat to write): access follows membership, read from the seats.
 */
public enum CoordinationAction implements Action {
    /** Read a group: members, meetings, agendas, minutes, action items, materials; search; answer for oneself. */
    GROUP_READ(ADMIN, COUNTY_COORDINATOR, AREA_COORDINATOR, PROVIDER_STAFF, PARTNER),
    /** Keep the groups of a county or area: create, change, seats and who holds them, vacant seats. */
    GROUP_MANAGE(ADMIN, COUNTY_COORDINATOR, AREA_COORDINATOR),
    /**
     * Prepare and record a group's meetings (agenda, invitations, minutes, decisions, attendance, action items),
     * its annual plan and its materials: chairs and secretaries of the group, and its coordinators.
     */
    MEETING_MANAGE(ADMIN, COUNTY_COORDINATOR, AREA_COORDINATOR, PROVIDER_STAFF, PARTNER),
    /** Record providers' commitment to the county's common model and see who has not committed. */
    COMMITMENT_MANAGE(ADMIN, COUNTY_COORDINATOR);

    private final Set<Role> roles;

    CoordinationAction(Role... roles) {
        this.roles = Set.of(roles);
    }

    @Override
    public Set<Role> roles() {
        return roles;
    }
}
