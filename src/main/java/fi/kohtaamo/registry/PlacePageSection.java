package fi.kohtaamo.registry;

import fi.kohtaamo.shared.Lang;
import java.util.Optional;

/**
 * A section that another module adds to the public page of a place (e.g. the calendar's weekly
 * programme), so that the registry shows it without depending on that module.
 */
public interface PlacePageSection {

    /** What to render: a Thymeleaf template and fragment, with the data it needs. */
    record Section(String template, String fragment, Object data) {
    }

    /** The section for this place, or empty when there is nothing to show. */
    Optional<Section> section(long placeId, Lang lang);
}
