package fi.kohtaamo.outreach;

import static fi.kohtaamo.shared.Role.ADMIN;
import static fi.kohtaamo.shared.Role.AREA_COORDINATOR;
import static fi.kohtaamo.shared.Role.COUNTY_COORDINATOR;
import static fi.kohtaamo.shared.Role.PARTNER;
import static fi.kohtaamo.shared.Role.PROVIDER_STAFF;

import fi.kohtaamo.shared.Action;
import fi.kohtaamo.shared.Role;
import java.util.Set;

/**
 * What staff can do in outreach. Place-side actions are checked against the place of the slot (its
 * county, area and organisers, with the activity's organisers); partner actions against the partner
 * organisation of the visit; catalogue, partners, orientation and settings against the county.
 */
public enum OutreachAction implements Action {
    /** Keep the professions and topics, the partners, the orientation and the settings of a county. */
    CATALOGUE_MANAGE(ADMIN, COUNTY_COORDINATOR),
    /** Open or cancel visit slots at a place. */
    SLOT_MANAGE(ADMIN, COUNTY_COORDINATOR, AREA_COORDINATOR, PROVIDER_STAFF),
    /** Confirm, decline or cancel visits at a place, accept proposals, record what happened. */
    VISIT_HOST(ADMIN, COUNTY_COORDINATOR, AREA_COORDINATOR, PROVIDER_STAFF),
    /** Find slots, book and cancel the organisation's visits, propose visits, acknowledge the orientation. */
    VISIT_BOOK(PARTNER),
    /** See where visits go: places by month, places without visits, professions, topics, partners. */
    COORDINATION_VIEW(ADMIN, COUNTY_COORDINATOR, AREA_COORDINATOR);

    private final Set<Role> roles;

    OutreachAction(Role... roles) {
        this.roles = Set.of(roles);
    }

    @Override
    public Set<Role> roles() {
        return roles;
    }
}
