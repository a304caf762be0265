package fi.kohtaamo.guidance;

import static fi.kohtaamo.shared.Role.ADMIN;
import static fi.kohtaamo.shared.Role.COUNTY_COORDINATOR;

import fi.kohtaamo.shared.Action;
import fi.kohtaamo.shared.Role;
import java.util.Set;

/**
 * What staff can do with the national vocabularies (issue 15, part 5). Both are checked against the county the
 * directory or the places belong to: its coordinators and the administrators. The open-data HSDS export of the
 * directory is public and needs no action.
 */
public enum GuidanceExchangeAction implements Action {
    /** Import services and their channels from a Suomi.fi Palvelutietovaranto (PTV) file or address into the county. */
    IMPORT_PTV(ADMIN, COUNTY_COORDINATOR),
    /** Download the county's meeting places as PTV-shaped service locations, to feed them to PTV. */
    EXPORT_PLACES_PTV(ADMIN, COUNTY_COORDINATOR);

    private final Set<Role> roles;

    GuidanceExchangeAction(Role... roles) {
        this.roles = Set.of(roles);
    }

    @Override
    public Set<Role> roles() {
        return roles;
    }
}
