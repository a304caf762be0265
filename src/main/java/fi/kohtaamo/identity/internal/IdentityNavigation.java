package fi.kohtaamo.identity.internal;

import fi.kohtaamo.identity.IdentityAction;
import fi.kohtaamo.shared.AccessControl;
import fi.kohtaamo.shared.Actor;
import fi.kohtaamo.shared.StaffNavigation;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/** The identity module's staff links. */
@Component
class IdentityNavigation implements StaffNavigation {

    @Override
    public List<Item> items(Actor actor) {
        List<Item> items = new ArrayList<>();
        if (AccessControl.mayEver(actor, IdentityAction.USER_READ)) {
            items.add(new Item("nav.staff.users", "/admin/users", 80));
        }
        items.add(new Item("nav.staff.account", "/admin/account", 100));
        return items;
    }
}
