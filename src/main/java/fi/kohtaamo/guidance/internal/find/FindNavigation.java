package fi.kohtaamo.guidance.internal.find;

import fi.kohtaamo.shared.Actor;
import fi.kohtaamo.shared.StaffNavigation;
import java.util.List;
import org.springframework.stereotype.Component;

/** Staff at the door reach the public directory search from their menu (the same data as families see). */
@Component
class FindNavigation implements StaffNavigation {

    @Override
    public List<Item> items(Actor actor) {
        return List.of(new Item("find.nav", "/services", 47));
    }
}
