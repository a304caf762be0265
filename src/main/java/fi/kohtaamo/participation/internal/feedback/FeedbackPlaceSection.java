package fi.kohtaamo.participation.internal.feedback;

import fi.kohtaamo.registry.PlacePageSection;
import fi.kohtaamo.shared.Lang;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** A link to the place's feedback page on its public page, through the registry's {@link PlacePageSection}. */
@Component
class FeedbackPlaceSection implements PlacePageSection {

    @Override
    public Optional<Section> section(long placeId, Lang lang) {
        return Optional.of(new Section("participation/feedback/parts", "placeLink", placeId));
    }
}
