package fi.kohtaamo.guidance.internal.directory;

import fi.kohtaamo.guidance.ServiceAction;
import fi.kohtaamo.guidance.internal.directory.DirectoryModel.Service;
import fi.kohtaamo.registry.Registry;
import fi.kohtaamo.shared.AccessControl;
import fi.kohtaamo.shared.Actor;
import fi.kohtaamo.shared.KohtaamoException;
import fi.kohtaamo.shared.Role;
import fi.kohtaamo.shared.Target;
import java.util.Objects;
import org.springframework.stereotype.Component;

/**
 * Who may do what with a service, from the stored record (its county and owner), never from a form field:
 * {@link ServiceAction#MANAGE} on the county (coordinators, administrators) reaches every service of the county;
 * {@link ServiceAction#EDIT} also reaches the services a staff member owns while they work in its county;
 * {@link ServiceAction#READ} reaches the services of the actor's own county.
 */
@Component
public class ServiceAccess {

    private final Registry registry;

    ServiceAccess(Registry registry) {
        this.registry = registry;
    }

    /** The county an actor works in: their placement, their area's, or their organisation's; null when none. */
    public Long countyOf(Actor actor) {
        if (actor.countyId() != null) {
            return actor.countyId();
        }
        if (actor.areaId() != null) {
            return registry.countyOfArea(actor.areaId()).orElse(null);
        }
        if (actor.organisationId() != null) {
            return registry.countyOfOrganisation(actor.organisationId()).orElse(null);
        }
        return null;
    }

    public boolean mayManage(Actor actor, long countyId) {
        return AccessControl.allows(actor, ServiceAction.MANAGE, Target.county(countyId));
    }

    public boolean mayRead(Actor actor, long countyId) {
        if (!AccessControl.mayEver(actor, ServiceAction.READ)) {
            return false;
        }
        return actor.role() == Role.ADMIN || Objects.equals(countyOf(actor), countyId);
    }

    public boolean mayEdit(Actor actor, Service s) {
        if (!AccessControl.mayEver(actor, ServiceAction.EDIT)) {
            return false;
        }
        if (AccessControl.allows(actor, ServiceAction.EDIT, Target.county(s.countyId()))
                && (actor.role() == Role.ADMIN || actor.role() == Role.COUNTY_COORDINATOR)) {
            return true;
        }
        return s.ownerUserId() != null && s.ownerUserId() == actor.id() && Objects.equals(countyOf(actor), s.countyId());
    }

    public void requireRead(Actor actor, long countyId) {
        if (!mayRead(actor, countyId)) {
            throw new KohtaamoException.Forbidden(ServiceAction.READ.name());
        }
    }

    public void requireEdit(Actor actor, Service s) {
        if (!mayEdit(actor, s)) {
            throw new KohtaamoException.Forbidden(ServiceAction.EDIT.name());
        }
    }

    public void requireManage(Actor actor, long countyId) {
        if (!mayManage(actor, countyId)) {
            throw new KohtaamoException.Forbidden(ServiceAction.MANAGE.name());
        }
    }
}
