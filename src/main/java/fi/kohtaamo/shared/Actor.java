package fi.kohtaamo.shared;

import java.util.Set;

/**
 * The signed-in staff member making a request, with the scope their role gives them, as read
 * from the database on every request (so that a change of role or organisation takes effect at once
 * on every instance).
 *
 * @param organisations the user's organisation and all its sub-organisations (empty when none)
 */
public record Actor(long id, String name, Role role, Long organisationId, Set<Long> organisations,
        Long countyId, Long areaId, Long placeId) {

    public Actor {
        organisations = Set.copyOf(organisations);
    }

    public boolean is(Role r) {
        return role == r;
    }
}
