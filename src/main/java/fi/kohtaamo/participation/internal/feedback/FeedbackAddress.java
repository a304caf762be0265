package fi.kohtaamo.participation.internal.feedback;

import fi.kohtaamo.calendar.PlaceFeedbackAddress;
import fi.kohtaamo.registry.Registry;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The short feedback address of a published place ({@code /f/<id in base 36>}), for the calendar's poster. */
@Component
class FeedbackAddress implements PlaceFeedbackAddress {

    private final Registry registry;

    FeedbackAddress(Registry registry) {
        this.registry = registry;
    }

    @Override
    public Optional<String> path(long placeId) {
        return registry.staffPlace(placeId).filter(Registry.StaffPlace::published)
                .map(p -> "/f/" + FeedbackPageController.shortCode(p.id()));
    }
}
