package fi.kohtaamo.participation.internal.wishes;

import fi.kohtaamo.registry.PlacePageSection;
import fi.kohtaamo.shared.Lang;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The place page's link to its wishes board, with how many wishes are published (the registry shows it). */
@Component
class WishPlaceSection implements PlacePageSection {

    record Data(long placeId, int published) {
    }

    private final WishQueries queries;

    WishPlaceSection(WishQueries queries) {
        this.queries = queries;
    }

    @Override
    public Optional<Section> section(long placeId, Lang lang) {
        return Optional.of(new Section("participation/wish-parts", "placeSection",
                new Data(placeId, queries.countPublishedOfPlace(placeId))));
    }
}
