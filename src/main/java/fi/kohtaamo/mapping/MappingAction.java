package fi.kohtaamo.mapping;

import static fi.kohtaamo.shared.Role.ADMIN;
import static fi.kohtaamo.shared.Role.AREA_COORDINATOR;
import static fi.kohtaamo.shared.Role.COUNTY_COORDINATOR;
import static fi.kohtaamo.shared.Role.NATIONAL_REPORTER;
import static fi.kohtaamo.shared.Role.PROVIDER_STAFF;

import fi.kohtaamo.shared.Action;
import fi.kohtaamo.shared.Role;
import java.util.Set;

/**
 * What staff can do with mapping rounds. A round sits in its county (a county's round), with its organisation (a
 * national organisation's round) or nowhere (a national round: administrators only); a questionnaire sits where its
 * place does, as the registry says, never as a form says.
 */
public enum MappingAction implements Action {
    /** Open and close a round, see who has answered, read its summary and exports. */
    ROUND_MANAGE(ADMIN, COUNTY_COORDINATOR, PROVIDER_STAFF),
    /** Read a round's summary (and who has answered) without managing it. */
    ROUND_READ(ADMIN, COUNTY_COORDINATOR, PROVIDER_STAFF, NATIONAL_REPORTER),
    /** Read and answer a place's questionnaire (confirm or correct it). */
    ANSWER(ADMIN, COUNTY_COORDINATOR, AREA_COORDINATOR, PROVIDER_STAFF);

    private final Set<Role> roles;

    MappingAction(Role... roles) {
        this.roles = Set.of(roles);
    }

    @Override
    public Set<Role> roles() {
        return roles;
    }
}
