package fi.kohtaamo.registry.internal;

import fi.kohtaamo.registry.RegistryAction;
import fi.kohtaamo.shared.AccessControl;
import fi.kohtaamo.shared.Actor;
import fi.kohtaamo.shared.StaffNavigation;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/** The registry's staff links. */
@Component
class RegistryNavigation implements StaffNavigation {

    @Override
    public List<Item> items(Actor actor) {
        List<Item> items = new ArrayList<>();
        items.add(new Item("nav.staff.places", "/admin", 10));
        if (AccessControl.mayEver(actor, RegistryAction.ORGANISATION_UPDATE)) {
            items.add(new Item("nav.staff.organisations", "/admin/organisations", 20));
        }
        if (AccessControl.mayEver(actor, RegistryAction.AREA_UPDATE)) {
            items.add(new Item("nav.staff.areas", "/admin/areas", 30));
        }
        return items;
    }
}
