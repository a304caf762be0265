package fi.kohtaamo.participation.internal;

import fi.kohtaamo.participation.internal.observations.ObservationQueries;
import fi.kohtaamo.participation.internal.wishes.WishQueries;
import fi.kohtaamo.registry.PlaceDeleted;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** A deleted place's wishes and observations go with it (in the deleting transaction; no cross-module keys). */
@Component
class PlaceDeletions {

    private final WishQueries wishes;
    private final ObservationQueries observations;

    PlaceDeletions(WishQueries wishes, ObservationQueries observations) {
        this.wishes = wishes;
        this.observations = observations;
    }

    @EventListener
    void placeDeleted(PlaceDeleted event) {
        wishes.deleteOfPlace(event.placeId());
        observations.deleteOfPlace(event.placeId());
    }
}
