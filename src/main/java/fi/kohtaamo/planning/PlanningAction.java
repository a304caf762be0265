package fi.kohtaamo.planning;

import static fi.kohtaamo.shared.Role.ADMIN;
import static fi.kohtaamo.shared.Role.AREA_COORDINATOR;
import static fi.kohtaamo.shared.Role.COUNTY_COORDINATOR;

import fi.kohtaamo.shared.Action;
import fi.kohtaamo.shared.Role;
import java.util.Set;

/**
 * Planning the county's timetable (issue 16, parts 1–4). The target is the county analysed and, for an area
 * coordinator, their own area: an area coordinator sees and works on their area only. Provider staff have no
 * planning pages: the analysis shows every organiser's activities side by side, unpublished ones too, and deciding
 * what overlaps on purpose is the coordinators' work (the working group brings providers in).
 */
public enum PlanningAction implements Action {
    /** See the overlaps, gaps, heat map and coverage of the county (an area coordinator: their area). */
    VIEW(ADMIN, COUNTY_COORDINATOR, AREA_COORDINATOR),
    /** Mark an overlap as kept on purpose, with a reason, or take the mark away. */
    IGNORE_OVERLAP(ADMIN, COUNTY_COORDINATOR, AREA_COORDINATOR),
    /** Import the county's child population figures (CSV). */
    IMPORT_POPULATION(ADMIN, COUNTY_COORDINATOR),
    /** Keep one's own sketch of changes to the timetable (never touches the calendar). */
    SKETCH(ADMIN, COUNTY_COORDINATOR, AREA_COORDINATOR);

    private final Set<Role> roles;

    PlanningAction(Role... roles) {
        this.roles = Set.of(roles);
    }

    @Override
    public Set<Role> roles() {
        return roles;
    }
}
