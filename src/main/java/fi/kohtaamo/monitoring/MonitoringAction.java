package fi.kohtaamo.monitoring;

import static fi.kohtaamo.shared.Role.ADMIN;
import static fi.kohtaamo.shared.Role.AREA_COORDINATOR;
import static fi.kohtaamo.shared.Role.COUNTY_COORDINATOR;
import static fi.kohtaamo.shared.Role.NATIONAL_REPORTER;
import static fi.kohtaamo.shared.Role.PROVIDER_STAFF;
import static fi.kohtaamo.shared.Role.VOLUNTEER;

import fi.kohtaamo.shared.Action;
import fi.kohtaamo.shared.Role;
import java.util.Set;

/**
 * What staff can do in monitoring. A count's target is its place (with the activity's organisers);
 * volunteers count at their own place.
 */
public enum MonitoringAction implements Action {
    /** Record or correct the visit counts of a place. */
    COUNT_RECORD(ADMIN, COUNTY_COORDINATOR, AREA_COORDINATOR, PROVIDER_STAFF, VOLUNTEER),
    /** See reports of the places in scope (a national reporter: its organisation's places in every county). */
    REPORT_VIEW(ADMIN, COUNTY_COORDINATOR, AREA_COORDINATOR, PROVIDER_STAFF, NATIONAL_REPORTER),
    /** Keep the county's service types ({@link ServiceTypes}): add, rename, reorder, deactivate. Target: the county. */
    SERVICE_TYPE_MANAGE(ADMIN, COUNTY_COORDINATOR);

    private final Set<Role> roles;

    MonitoringAction(Role... roles) {
        this.roles = Set.of(roles);
    }

    @Override
    public Set<Role> roles() {
        return roles;
    }
}
