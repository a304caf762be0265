package fi.kohtaamo.registry;

import fi.kohtaamo.shared.Lang;
import java.util.Optional;

/**
 * A section that another module adds to the public page of a place (e.g. the calendar's weekly
 * programme), so that the registry shows it without depending on that module.
 */
public interface PlacePageSection {

    /**
     * What to render: a Thymeleaf template and fragment, with the data it needs.
     *
     * @param feedUrl an absolute URL of an iCalendar feed of what the section shows, or null; the page
     *                links the first one in its head as {@code <link rel="alternate" type="text/calendar">}
     */
    record Section(String template, String fragment, Object data, String feedUrl) {

        public Section(String template, String fragment, Object data) {
            this(template, fragment, data, null);
        }
    }

    /** The section for this place, or empty when there is nothing to show. */
    Optional<Section> section(long placeId, Lang lang);

    /**
     * The section for the staff's page of the place (shown to those who may edit it, published or not), or empty;
     * by default none.
     */
    default Optional<Section> staffSection(long placeId, Lang lang) {
        return Optional.empty();
    }
}
