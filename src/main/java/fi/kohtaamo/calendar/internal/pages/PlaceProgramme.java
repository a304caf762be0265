package fi.kohtaamo.calendar.internal.pages;

import fi.kohtaamo.calendar.internal.CalendarFilter;
import fi.kohtaamo.calendar.internal.CalendarService;
import fi.kohtaamo.calendar.internal.CalendarViews;
import fi.kohtaamo.registry.PlaceCriteria;
import fi.kohtaamo.registry.PlacePageSection;
import fi.kohtaamo.registry.Registry;
import fi.kohtaamo.shared.Lang;
import fi.kohtaamo.shared.PublicUrls;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The place page's weekly programme as a timetable ({@link Timetable}): the place's series running in the coming
 * weeks by season, weekday and time, without the place's name on every row.
 */
@Component
class PlaceProgramme implements PlacePageSection {

    private final CalendarService calendar;
    private final Registry registry;
    private final Clock clock;
    private final PublicUrls urls;

    PlaceProgramme(CalendarService calendar, Registry registry, Clock clock, PublicUrls urls) {
        this.urls = urls;
        this.calendar = calendar;
        this.registry = registry;
        this.clock = clock;
    }

    /** What the fragment {@code calendar/place-programme :: programme} shows. */
    public record Programme(long placeId, Timetable.View timetable, int year, String feedUrl, String webcalUrl) {
    }

    @Override
    public Optional<Section> section(long placeId, Lang lang) {
        if (registry.publicPlaces(new PlaceCriteria(null, null, placeId, null, null)).isEmpty()) {
            return Optional.empty();
        }
        LocalDate today = LocalDate.now(clock);
        var series = calendar.series(CalendarFilter.ALL.withPlace(placeId), today, today.plusDays(CalendarService.MAX_DAYS));
        String feed = UriComponentsBuilder.fromUriString(urls.base()).path("/places/{id}/calendar.ics")
                .queryParam("lang", lang.code()).buildAndExpand(placeId).toUriString();
        return Optional.of(new Section("calendar/place-programme", "programme",
                new Programme(placeId, Timetable.of(series, lang, today.getYear()), today.getYear(), feed,
                        CalendarViews.webcal(feed)), feed));
    }
}
