package fi.kohtaamo.shared;

import java.util.Set;

/**
 * Something a staff member can do. Each module declares its actions as an enum implementing this,
 * with the roles that may do it; {@link AccessControl} adds the scope check.
 */
public interface Action {

    String name();

    Set<Role> roles();
}
