package fi.kohtaamo.identity.internal;

import fi.kohtaamo.registry.PlaceDeleted;
import fi.kohtaamo.shared.KohtaamoException;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A place that accounts are placed at (volunteers) cannot be deleted: the accounts would be left with a place that
 * does not exist (the database's key refused it with a 500 before). Refused with {@code has-accounts}, a translated
 * 409; the administrator moves or removes the accounts first.
 */
@Component
class PlacedAccounts {

    private final UserQueries users;

    PlacedAccounts(UserQueries users) {
        this.users = users;
    }

    @EventListener
    void placeDeleted(PlaceDeleted event) {
        if (users.anyAtPlace(event.placeId())) {
            throw new KohtaamoException.Conflict("has-accounts", "place " + event.placeId());
        }
    }
}
