package fi.kohtaamo.coordination;

import static fi.kohtaamo.shared.Role.ADMIN;
import static fi.kohtaamo.shared.Role.AREA_COORDINATOR;
import static fi.kohtaamo.shared.Role.COUNTY_COORDINATOR;
import static fi.kohtaamo.shared.Role.PROVIDER_STAFF;

import fi.kohtaamo.shared.Action;
import fi.kohtaamo.shared.Role;
import java.util.Set;

/**
 * What staff can do with THL's criteria of meeting-place activity. A self-assessment is checked against its
 * place (county, area, organisers, place); a peer assessment against the place's county and area with the
 * actor's organisations of that county (never the place's own organisers); the texts and the rule against the
 * county; the overview lists the places of the actor's scope.
 */
public enum CriteriaAction implements Action {
    /** Read and write a place's self-assessment. */
    ASSESS(ADMIN, COUNTY_COORDINATOR, AREA_COORDINATOR, PROVIDER_STAFF),
    /** Assess another organisation's place of the same county as a peer. */
    PEER_ASSESS(ADMIN, PROVIDER_STAFF),
    /** See places × criteria, the change from the previous year and who has not assessed. */
    OVERVIEW(ADMIN, COUNTY_COORDINATOR, AREA_COORDINATOR),
    /** Keep the county's wording of the criteria and its rule for "meets the criteria". */
    MANAGE(ADMIN, COUNTY_COORDINATOR);

    private final Set<Role> roles;

    CriteriaAction(Role... roles) {
        this.roles = Set.of(roles);
    }

    @Override
    public Set<Role> roles() {
        return roles;
    }
}
