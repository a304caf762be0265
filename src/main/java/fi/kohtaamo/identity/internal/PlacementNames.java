package fi.kohtaamo.identity.internal;

import fi.kohtaamo.registry.Registry;
import fi.kohtaamo.shared.Lang;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;

/**
 * Where an account sits, as a name for pages: the county of a county coordinator, the area of an
 * area coordinator, the place of a volunteer, otherwise the organisation. Names come from the
 * registry's facade and are remembered for one page, so a long list asks once per record.
 */
final class PlacementNames {

    private final Registry registry;
    private final Lang lang;
    private final Map<String, String> cache = new HashMap<>();

    PlacementNames(Registry registry, Lang lang) {
        this.registry = registry;
        this.lang = lang;
    }

    /** The name, or null when the role has no placement (administrator) or the record is gone. */
    String of(UserQueries.User u) {
        return switch (u.role()) {
            case ADMIN -> null;
            case COUNTY_COORDINATOR -> name("county", u.countyId(), registry::county);
            case AREA_COORDINATOR -> name("area", u.areaId(), registry::area);
            case VOLUNTEER -> name("place", u.placeId(), registry::place);
            case PROVIDER_STAFF, PARTNER, NATIONAL_REPORTER -> name("org", u.organisationId(), registry::organisation);
        };
    }

    private String name(String kind, Long id, LongFunction<Optional<Registry.Ref>> lookup) {
        if (id == null) {
            return null;
        }
        return cache.computeIfAbsent(kind + id,
                k -> lookup.apply(id).map(r -> r.name().get(lang)).orElse(null));
    }
}
