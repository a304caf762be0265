package fi.kohtaamo.calendar.internal.pages;

import fi.kohtaamo.calendar.internal.CalendarParams;
import fi.kohtaamo.calendar.internal.CalendarViews;


import fi.kohtaamo.calendar.internal.ActivityQueries;
import fi.kohtaamo.calendar.internal.CalendarFilter;
import fi.kohtaamo.calendar.internal.CalendarService;

import fi.kohtaamo.registry.PlaceCriteria;
import fi.kohtaamo.registry.PlaceInfo;
import fi.kohtaamo.registry.Registry;
import fi.kohtaamo.shared.KohtaamoException;
import fi.kohtaamo.shared.Lang;
import fi.kohtaamo.shared.FragmentRenderer;
import fi.kohtaamo.shared.PublicDataCache;
import fi.kohtaamo.shared.PublicUrls;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The public family calendar: a day or a week (Monday first) of occurrences, or the list of series
 * with their rules in words; every filter combination has its own shareable URL and feed. An
 * activity's page lists its coming occurrences; an occurrence's page carries schema.org Event markup.
 */
@Controller
public class CalendarPageController {

    private final CalendarService calendar;
    private final CalendarParams params;
    private final ActivityQueries queries;
    private final Registry registry;
    private final Clock clock;
    private final PublicUrls urls;

    CalendarPageController(CalendarService calendar, CalendarParams params, ActivityQueries queries, Registry registry,
            Clock clock, PublicUrls urls, PublicDataCache cache, FragmentRenderer fragments,
            FilterChoices choices) {
        this.choices = choices;
        this.urls = urls;
        this.cache = cache;
        this.fragments = fragments;
        this.calendar = calendar;
        this.params = params;
        this.queries = queries;
        this.registry = registry;
        this.clock = clock;
    }

    private final PublicDataCache cache;
    private final FragmentRenderer fragments;
    private final FilterChoices choices;

    enum View {
        DAY, WEEK, SERIES
    }

    @GetMapping("/calendar")
    String calendar(@RequestParam MultiValueMap<String, String> query, Lang lang, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        CalendarFilter filter = params.filter(query);
        LocalDate today = LocalDate.now(clock);
        LocalDate date = CalendarParams.date(query, "date", today);
        String viewRaw = CalendarParams.one(query, "view");
        View view = viewRaw == null ? View.WEEK : CalendarParams.enumValue("view", View.class, viewRaw);
        // a week runs from the date (today by default) for seven days: opened on a Sunday, it is not a week that is over
        LocalDate from = date;
        LocalDate to = view == View.DAY ? date : from.plusDays(6);
        model.addAttribute("view", view.name());
        model.addAttribute("filter", filter);
        model.addAttribute("date", date);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("today", today);
        model.addAttribute("isToday", view == View.DAY && date.equals(today));
        model.addAttribute("isThisWeek", view == View.WEEK && from.equals(today));
        model.addAttribute("filtersSet", CalendarListing.filtersSet(filter));
        if (view == View.SERIES) {
            LocalDate until = date.plusDays(CalendarService.MAX_DAYS);
            List<CalendarService.Series> series = calendar.series(filter, date, until);
            model.addAttribute("seriesTotal", series.size());
            model.addAttribute("filtersOpen", series.isEmpty());
            model.addAttribute("series", series.stream().limit(CalendarViews.SERIES_LIMIT)
                    .map(s -> CalendarViews.series(s, lang, today.getYear())).toList());
            model.addAttribute("distances", distances(series.stream().map(CalendarService.Series::place).toList(),
                    filter, lang));
        } else {
            boolean week = view == View.WEEK;
            // the days are most of the page: each is rendered once per data version, filter and language, and shared
            // by the weeks that contain it (a weekday filter only leaves days out, so a day is keyed without it)
            List<CalendarService.Entry> entries = calendar.occurrences(filter, from, to);
            List<CalendarViews.Day> days = CalendarViews.days(entries, from, to, CalendarViews.DAY_LIMIT);
            Map<Long, String> distances = distances(entries, filter, lang);
            CalendarFilter dayFilter = filter.withWeekdays(java.util.Set.of());
            Map<LocalDate, String> dayHtml = new java.util.HashMap<>();
            for (CalendarViews.Day day : days) {
                if (!day.occurrences().isEmpty()) {
                    dayHtml.put(day.date(), cache.get(List.of("calendar-day", dayFilter, day.date(), lang, week),
                            () -> fragments.render("calendar/parts", "day", lang,
                                    Map.of("week", week, "day", day, "distances", distances), request, response)));
                }
            }
            model.addAttribute("week", week);
            model.addAttribute("lines", CalendarListing.lines(days, filter.weekdays()));
            model.addAttribute("dayHtml", dayHtml);
            model.addAttribute("total", entries.size());
            model.addAttribute("cut", days.stream().anyMatch(d -> d.more() > 0));
            model.addAttribute("dayLimit", CalendarViews.DAY_LIMIT);
            model.addAttribute("filtersOpen", entries.isEmpty());
        }
        int step = view == View.DAY ? 1 : 7;
        model.addAttribute("previousUrl", withParam(request, "date", from.minusDays(step).toString()));
        model.addAttribute("nextUrl", withParam(request, "date", from.plusDays(step).toString()));
        model.addAttribute("todayUrl", withParams(request, "view", "DAY", "date", today.toString()));
        model.addAttribute("thisWeekUrl", withParams(request, "view", "WEEK", "date", today.toString()));
        model.addAttribute("seriesUrl", withParams(request, "view", "SERIES", "date", today.toString()));
        model.addAttribute("feedUrl", CalendarViews.feedUrl(urls.base(), request, lang));
        model.addAttribute("webcalUrl", CalendarViews.webcal(CalendarViews.feedUrl(urls.base(), request, lang)));
        model.addAttribute("posterUrl", posterUrl(query, from));
        model.addAllAttributes(choices.of(filter, lang));
        fi.kohtaamo.shared.PublicResponses.keep(calendar.countyOf(filter));
        return "calendar/calendar";
    }

    /** Each shown place's distance from the filter's {@code near} point, as the family reads it (empty without). */
    static Map<Long, String> distances(List<?> shown, CalendarFilter filter, Lang lang) {
        Map<Long, String> out = new java.util.HashMap<>();
        if (filter.near() != null) {
            for (Object o : shown) {
                PlaceInfo p = o instanceof CalendarService.Entry e ? e.place() : (PlaceInfo) o;
                Double m = filter.metresTo(p);
                if (m != null) {
                    out.put(p.id(), fi.kohtaamo.registry.NearPoint.distanceText(m, lang));
                }
            }
        }
        return out;
    }

    @GetMapping("/calendar/activities/{id}")
    String activity(@PathVariable String id, Lang lang, HttpServletRequest request, Model model) {
        ActivityQueries.Activity a = publishedActivity(id);
        PlaceInfo place = place(a);
        LocalDate today = LocalDate.now(clock);
        var entries = calendar.occurrences(CalendarFilter.ALL.withPlace(place.id()), today,
                today.plusDays(CalendarService.MAX_DAYS)).stream()
                .filter(e -> e.activity().id() == a.id()).limit(20).map(CalendarViews::occurrence).toList();
        model.addAttribute("activity", a);
        model.addAttribute("place", place);
        model.addAttribute("series", CalendarViews.series(new CalendarService.Series(a, place), lang, today.getYear()));
        model.addAttribute("occurrences", entries);
        feeds(model, a, place, lang);
        model.addAttribute("pageUrl", urls.base() + "/calendar/activities/" + a.id());
        fi.kohtaamo.shared.PublicResponses.keep(place.countyId());
        return "calendar/activity";
    }

    @GetMapping("/calendar/activities/{id}/{date}")
    String occurrence(@PathVariable String id, @PathVariable String date, Lang lang, HttpServletRequest request,
            Model model) {
        ActivityQueries.Activity a = publishedActivity(id);
        PlaceInfo place = place(a);
        LocalDate day;
        try {
            day = date.length() == 10 ? LocalDate.parse(date) : null;
        } catch (java.time.format.DateTimeParseException e) {
            day = null;
        }
        if (day == null) {
            throw new KohtaamoException.NotFound("date " + date);
        }
        LocalDate d = day;
        var entry = calendar.occurrences(CalendarFilter.ALL.withPlace(place.id()), d.minusDays(CalendarService.MAX_DAYS / 2),
                d.plusDays(CalendarService.MAX_DAYS / 2)).stream()
                .filter(e -> e.activity().id() == a.id() && (e.occurrence().date().equals(d)))
                .findFirst().orElseThrow(() -> new KohtaamoException.NotFound("occurrence " + id + "/" + date));
        model.addAttribute("activity", a);
        model.addAttribute("place", place);
        model.addAttribute("occurrence", CalendarViews.occurrence(entry));
        model.addAttribute("start", entry.occurrence().start().toOffsetDateTime().toString());
        model.addAttribute("end", entry.occurrence().end().toOffsetDateTime().toString());
        model.addAttribute("series", CalendarViews.series(new CalendarService.Series(a, place), lang,
                LocalDate.now(clock).getYear()));
        model.addAttribute("pageUrl", urls.base() + "/calendar/activities/" + a.id() + "/" + d);
        feeds(model, a, place, lang);
        model.addAttribute("icsUrl", urls.base() + "/calendar/activities/" + a.id() + "/" + d + ".ics?lang="
                + lang.code());
        fi.kohtaamo.shared.PublicResponses.keep(place.countyId());
        return "calendar/occurrence";
    }

    /** The activity's own feed (also the page's {@code <head>} feed) and its place's, to subscribe to. */
    private void feeds(Model model, ActivityQueries.Activity a, PlaceInfo place, Lang lang) {
        String feed = urls.base() + "/calendar/activities/" + a.id() + "/calendar.ics?lang=" + lang.code();
        model.addAttribute("feedUrl", feed);
        model.addAttribute("webcalUrl", CalendarViews.webcal(feed));
        String placeFeed = urls.base() + "/places/" + place.id() + "/calendar.ics?lang=" + lang.code();
        model.addAttribute("placeFeedUrl", placeFeed);
        model.addAttribute("placeWebcalUrl", CalendarViews.webcal(placeFeed));
    }

    private ActivityQueries.Activity publishedActivity(String id) {
        if (id == null || !id.matches("^[0-9]{1,18}$")) {
            throw new KohtaamoException.NotFound("activity " + id);
        }
        return queries.activity(Long.parseLong(id)).filter(ActivityQueries.Activity::published)
                .orElseThrow(() -> new KohtaamoException.NotFound("activity " + id));
    }

    private PlaceInfo place(ActivityQueries.Activity a) {
        PlaceInfo p = registry.publicPlaces(new PlaceCriteria(null, null, a.placeId(), null, null)).get(a.placeId());
        if (p == null) {
            throw new KohtaamoException.NotFound("place of activity " + a.id());
        }
        return p;
    }

    /** The poster form for the same filters and the week shown (site-relative). */
    static String posterUrl(MultiValueMap<String, String> query, LocalDate day) {
        var b = org.springframework.web.util.UriComponentsBuilder.fromPath("/calendar/poster");
        for (String name : CalendarParams.FILTER_NAMES) {
            for (String v : query.getOrDefault(name, List.of())) {
                if (v != null && !v.isBlank()) {
                    b.queryParam(name, v.strip());
                }
            }
        }
        return b.queryParam("week", CalendarParams.weekParam(day)).encode().build().toUriString();
    }

    static String withParam(HttpServletRequest request, String name, String value) {
        return ServletUriComponentsBuilder.fromRequest(request).replaceQueryParam(name, value).build().toUriString()
                .replaceFirst("^[a-z]+://[^/]+", "");
    }

    static String withParams(HttpServletRequest request, String n1, String v1, String n2, String v2) {
        return ServletUriComponentsBuilder.fromRequest(request).replaceQueryParam(n1, v1).replaceQueryParam(n2, v2)
                .build().toUriString().replaceFirst("^[a-z]+://[^/]+", "");
    }
}
