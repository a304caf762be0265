package fi.kohtaamo.participation;

import static fi.kohtaamo.shared.Role.ADMIN;
import static fi.kohtaamo.shared.Role.AREA_COORDINATOR;
import static fi.kohtaamo.shared.Role.COUNTY_COORDINATOR;
import static fi.kohtaamo.shared.Role.PROVIDER_STAFF;

import fi.kohtaamo.shared.Action;
import fi.kohtaamo.shared.Role;
import java.util.Set;

/**
 * What staff can do with families' quick feedback. Checked against the place the feedback is about (its county,
 * area and organisers), so a place's staff reach their organisation's places and coordinators their county or
 * area. Answering is anonymous and needs no action.
 */
public enum FeedbackAction implements Action {
    /** The counts per face, place and period (under the small-number rule), their export, the printable card. */
    VIEW(ADMIN, COUNTY_COORDINATOR, AREA_COORDINATOR, PROVIDER_STAFF),
    /**
     * Read the free texts that the place's staff have marked seen. Only the place's staff and coordinators: the
     * texts are families' own words about the place, never public.
     */
    READ_TEXTS(COUNTY_COORDINATOR, AREA_COORDINATOR, PROVIDER_STAFF),
    /** Read the free texts not yet seen and mark them seen: the place's own staff only. */
    MARK_SEEN(PROVIDER_STAFF);

    private final Set<Role> roles;

    FeedbackAction(Role... roles) {
        this.roles = Set.of(roles);
    }

    @Override
    public Set<Role> roles() {
        return roles;
    }
}
