package fi.kohtaamo.participation;

import static fi.kohtaamo.shared.Role.ADMIN;
import static fi.kohtaamo.shared.Role.AREA_COORDINATOR;
import static fi.kohtaamo.shared.Role.COUNTY_COORDINATOR;
import static fi.kohtaamo.shared.Role.PROVIDER_STAFF;

import fi.kohtaamo.shared.Action;
import fi.kohtaamo.shared.Role;
import java.util.Set;

/**
 * What staff can do with visitor surveys. A survey sits at the places where it is open: building or changing it
 * is checked against every one of its places (a place's staff build surveys for their own places, an area
 * coordinator for the area's places, a county coordinator for the county's); results are read for the places
 * of the survey that lie in the reader's scope, and only those.
 */
public enum SurveyAction implements Action {
    /** Build a survey, change its questions, texts, period and places. */
    BUILD(ADMIN, COUNTY_COORDINATOR, AREA_COORDINATOR, PROVIDER_STAFF),
    /** Read a survey's results (with free-text answers) for the places in scope, and download them. */
    RESULTS(ADMIN, COUNTY_COORDINATOR, AREA_COORDINATOR, PROVIDER_STAFF);

    private final Set<Role> roles;

    SurveyAction(Role... roles) {
        this.roles = Set.of(roles);
    }

    @Override
    public Set<Role> roles() {
        return roles;
    }
}
