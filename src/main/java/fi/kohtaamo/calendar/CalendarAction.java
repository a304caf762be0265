package fi.kohtaamo.calendar;

import static fi.kohtaamo.shared.Role.ADMIN;
import static fi.kohtaamo.shared.Role.AREA_COORDINATOR;
import static fi.kohtaamo.shared.Role.COUNTY_COORDINATOR;
import static fi.kohtaamo.shared.Role.PROVIDER_STAFF;

import fi.kohtaamo.shared.Action;
import fi.kohtaamo.shared.Role;
import java.util.Set;

/**
 * What staff can do in the calendar. An activity's target is its place (county, area) with the
 * organisers of the place and of the activity, so staff of an organisation that runs an activity in
 * another organisation's premises can keep it up to date.
 */
public enum CalendarAction implements Action {
    ACTIVITY_CREATE(ADMIN, COUNTY_COORDINATOR, AREA_COORDINATOR, PROVIDER_STAFF),
    ACTIVITY_UPDATE(ADMIN, COUNTY_COORDINATOR, AREA_COORDINATOR, PROVIDER_STAFF),
    ACTIVITY_DELETE(ADMIN, COUNTY_COORDINATOR, AREA_COORDINATOR, PROVIDER_STAFF),
    /** Cancel or move one occurrence, or pause a series. */
    OCCURRENCE_CHANGE(ADMIN, COUNTY_COORDINATOR, AREA_COORDINATOR, PROVIDER_STAFF),
    SCHOOL_HOLIDAY_MANAGE(ADMIN, COUNTY_COORDINATOR);

    private final Set<Role> roles;

    CalendarAction(Role... roles) {
        this.roles = Set.of(roles);
    }

    @Override
    public Set<Role> roles() {
        return roles;
    }
}
