package fi.kohtaamo.coordination.internal;

import fi.kohtaamo.coordination.CoordinationAction;
import fi.kohtaamo.shared.AccessControl;
import fi.kohtaamo.shared.Actor;
import fi.kohtaamo.shared.StaffNavigation;
import java.util.List;
import org.springframework.stereotype.Component;

/** The groups' and meetings' staff links, for the roles that may read groups. */
@Component
class CoordinationNavigation implements StaffNavigation {

    @Override
    public List<Item> items(Actor actor) {
        return AccessControl.mayEver(actor, CoordinationAction.GROUP_READ)
                ? List.of(new Item("coordination.nav.groups", "/admin/groups", 60), new Item("coordination.nav.meetings", "/admin/meetings", 61))
                : List.of();
    }
}
