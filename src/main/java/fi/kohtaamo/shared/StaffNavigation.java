package fi.kohtaamo.shared;

import java.util.List;

/**
 * A module's links in the staff navigation. Each module contributes the links that the actor's
 * role may use; the layout shows them in {@link #order()} order.
 */
public interface StaffNavigation {

    /** A link: message key of its label and its path. */
    record Item(String labelKey, String path, int order) {
    }

    List<Item> items(Actor actor);
}
