package fi.kohtaamo.calendar.internal.pages;

import fi.kohtaamo.calendar.internal.CalendarViews;

import fi.kohtaamo.calendar.internal.CalendarFilter;
import fi.kohtaamo.calendar.internal.CalendarService;

import fi.kohtaamo.shared.PublicUrls;
import fi.kohtaamo.registry.PlaceCriteria;
import fi.kohtaamo.registry.PlacePageSection;
import fi.kohtaamo.registry.Registry;
import fi.kohtaamo.shared.Lang;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/** The place page's weekly programme: the place's series running in the coming weeks, with their rules in words. */
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

    /** What the fragment {@code calendar/parts :: programme} shows. */
    public record Programme(long placeId, List<CalendarViews.SeriesView> series, String feedUrl, String webcalUrl) {
    }

    @Override
    public Optional<Section> section(long placeId, Lang lang) {
        if (registry.publicPlaces(new PlaceCriteria(null, null, placeId, null, null)).isEmpty()) {
            return Optional.empty();
        }
        LocalDate today = LocalDate.now(clock);
        var series = calendar.series(CalendarFilter.ALL.withPlace(placeId), today, today.plusDays(CalendarService.MAX_DAYS))
                .stream().map(s -> CalendarViews.series(s, lang, today.getYear())).toList();
        String feed = UriComponentsBuilder.fromUriString(urls.base()).path("/places/{id}/calendar.ics")
                .queryParam("lang", lang.code()).buildAndExpand(placeId).toUriString();
        return Optional.of(new Section("calendar/parts", "programme",
                new Programme(placeId, series, feed, CalendarViews.webcal(feed)), feed));
    }
}
