package fi.kohtaamo.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The one place where access is decided. A handler calls {@link #require} with its action and the
 * target record before doing anything; list queries take a {@link Scope} from {@link #scope}.
 * The role must be listed by the action, and the target must lie in the role's scope.
 */
public final class AccessControl {

    private AccessControl() {
    }

    public static boolean allows(Actor actor, Action action, Target target) {
        if (actor == null || !action.roles().contains(actor.role())) {
            return false;
        }
        return switch (actor.role()) {
            case ADMIN -> true;
            case COUNTY_COORDINATOR -> actor.countyId() != null && Objects.equals(actor.countyId(), target.countyId());
            case AREA_COORDINATOR -> actor.areaId() != null && Objects.equals(actor.areaId(), target.areaId());
            case PROVIDER_STAFF, PARTNER, NATIONAL_REPORTER -> target.organisationIds().stream()
                    .anyMatch(actor.organisations()::contains);
            case VOLUNTEER -> actor.placeId() != null && Objects.equals(actor.placeId(), target.placeId());
        };
    }

    /** Throws {@link KohtaamoException.Forbidden} unless the actor may do the action on the target. */
    public static void require(Actor actor, Action action, Target target) {
        if (!allows(actor, action, target)) {
            throw new KohtaamoException.Forbidden(action.name());
        }
    }

    /** Whether the role may do the action anywhere at all (to show or hide a link or button). */
    public static boolean mayEver(Actor actor, Action action) {
        return actor != null && action.roles().contains(actor.role());
    }

    /** The rows an actor may reach with an action, for a WHERE clause. */
    public static Scope scope(Actor actor, Action action) {
        if (!mayEver(actor, action)) {
            return Scope.NONE;
        }
        return switch (actor.role()) {
            case ADMIN -> Scope.ALL;
            case COUNTY_COORDINATOR -> new Scope(false, nz(actor.countyId()), -1, List.of(-1L), -1);
            case AREA_COORDINATOR -> new Scope(false, -1, nz(actor.areaId()), List.of(-1L), -1);
            case PROVIDER_STAFF, PARTNER, NATIONAL_REPORTER -> {
                List<Long> orgs = new ArrayList<>(actor.organisations());
                if (orgs.isEmpty()) {
                    orgs.add(-1L);
                }
                yield new Scope(false, -1, -1, List.copyOf(orgs), -1);
            }
            case VOLUNTEER -> new Scope(false, -1, -1, List.of(-1L), nz(actor.placeId()));
        };
    }

    private static long nz(Long v) {
        return v == null ? -1 : v;
    }
}
