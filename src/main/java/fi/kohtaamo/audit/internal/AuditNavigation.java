package fi.kohtaamo.audit.internal;

import fi.kohtaamo.audit.AuditAction;
import fi.kohtaamo.shared.AccessControl;
import fi.kohtaamo.shared.Actor;
import fi.kohtaamo.shared.StaffNavigation;
import java.util.List;
import org.springframework.stereotype.Component;

/** The audit log's staff link, for the roles that may read the log. */
@Component
class AuditNavigation implements StaffNavigation {

    @Override
    public List<Item> items(Actor actor) {
        return AccessControl.mayEver(actor, AuditAction.READ)
                ? List.of(new Item("nav.staff.audit", "/admin/audit", 90))
                : List.of();
    }
}
