package fi.kohtaamo.outreach.internal;

import fi.kohtaamo.outreach.OutreachAction;
import fi.kohtaamo.shared.AccessControl;
import fi.kohtaamo.shared.Actor;
import fi.kohtaamo.shared.StaffNavigation;
import java.util.List;
import org.springframework.stereotype.Component;

/** The coordination view in the staff menu, for the roles that may see it (admins and coordinators). */
@Component
class CoordinationNavigation implements StaffNavigation {

    @Override
    public List<Item> items(Actor actor) {
        if (AccessControl.mayEver(actor, OutreachAction.COORDINATION_VIEW)) {
            return List.of(new Item("outreachCoord.nav", "/admin/outreach/coordination", 42));
        }
        return List.of();
    }
}
