package fi.kohtaamo.participation;

import static fi.kohtaamo.shared.Role.ADMIN;
import static fi.kohtaamo.shared.Role.COUNTY_COORDINATOR;

import fi.kohtaamo.shared.Action;
import fi.kohtaamo.shared.Role;
import java.util.Set;

/**
 * Feedback on accessibility (Act 306/2019): it concerns the county the sender chose, and that county's coordinators
 * read it and answer it within 14 days.
 */
public enum AccessibilityFeedbackAction implements Action {
    /** Read the county's accessibility feedback and answer it by mail. */
    ANSWER(ADMIN, COUNTY_COORDINATOR);

    private final Set<Role> roles;

    AccessibilityFeedbackAction(Role... roles) {
        this.roles = Set.of(roles);
    }

    @Override
    public Set<Role> roles() {
        return roles;
    }
}
