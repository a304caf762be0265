package fi.kohtaamo.calendar.internal.feeds;

import fi.kohtaamo.calendar.internal.ActivityQueries;
import fi.kohtaamo.calendar.internal.CalendarFilter;
import fi.kohtaamo.calendar.internal.CalendarService;
import fi.kohtaamo.calendar.internal.CalendarParams;

import fi.kohtaamo.shared.PublicDataCache;
import fi.kohtaamo.shared.PublicResponses;
import fi.kohtaamo.shared.PublicUrls;
import fi.kohtaamo.registry.PlaceCriteria;
import fi.kohtaamo.registry.PlaceInfo;
import fi.kohtaamo.registry.Registry;
import fi.kohtaamo.shared.KohtaamoException;
import fi.kohtaamo.shared.Lang;
import fi.kohtaamo.shared.LanguageResolver;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * iCalendar feeds (RFC 5545) that families subscribe to with {@code webcal://} in their phone's
 * calendar: {@code /calendar.ics} with the same filters as {@code /calendar} (read by
 * {@link CalendarParams}), {@code /places/{id}/calendar.ics} and {@code /organisations/{id}/calendar.ics}
 * (the organisation's and its sub-organisations' activities and places), each in {@code ?lang=fi|sv|en}.
 *
 * <p>A feed holds the series whose season overlaps [today − 1 month, today + 13 months]: what a
 * family can still plan with, plus last month so that a calendar app does not drop events the
 * moment they pass, and a whole next season ahead. Each series is written for its whole season
 * ({@link IcsFeed}). Unknown or unpublished places and unknown organisations are 404s, bad filters
 * 400s, as on the pages. Responses carry an ETag (a hash of the body, which is stable for the same
 * data) and answer If-None-Match with 304.
 */
@Controller
class IcsFeedController {

    static final MediaType TEXT_CALENDAR = new MediaType("text", "calendar", StandardCharsets.UTF_8);
    static final int WINDOW_MONTHS_BACK = 1;
    static final int WINDOW_MONTHS_AHEAD = 13;

    private final CalendarService calendar;
    private final CalendarParams params;
    private final Registry registry;
    private final MessageSource messages;
    private final Clock clock;
    private final String uidDomain;
    private final PublicUrls urls;
    private final PublicDataCache cache;
    private final ActivityQueries activities;

    IcsFeedController(CalendarService calendar, CalendarParams params, Registry registry, MessageSource messages,
            Clock clock, @Value("${kohtaamo.feed.uid-domain:kohtaamo.fi}") String uidDomain, PublicUrls urls,
            PublicDataCache cache, ActivityQueries activities) {
        this.activities = activities;
        this.urls = urls;
        this.cache = cache;
        this.calendar = calendar;
        this.params = params;
        this.registry = registry;
        this.messages = messages;
        this.clock = clock;
        this.uidDomain = uidDomain;
    }

    @GetMapping("/calendar.ics")
    ResponseEntity<byte[]> filtered(@RequestParam MultiValueMap<String, String> query, Lang lang,
            HttpServletRequest request) {
        CalendarFilter filter = params.filter(query);
        return feed(filter, messages.getMessage("calendar.title", null, lang.locale()), lang, request);
    }

    @GetMapping("/places/{id}/calendar.ics")
    ResponseEntity<byte[]> place(@PathVariable String id, Lang lang, HttpServletRequest request) {
        long placeId = id(id);
        PlaceInfo place = registry.publicPlaces(new PlaceCriteria(null, null, placeId, null, null)).get(placeId);
        if (place == null) {
            throw new KohtaamoException.NotFound("place " + id);
        }
        return feed(CalendarFilter.ALL.withPlace(placeId), named(place.name().get(lang), lang), lang, request);
    }

    @GetMapping("/organisations/{id}/calendar.ics")
    ResponseEntity<byte[]> organisation(@PathVariable String id, Lang lang, HttpServletRequest request) {
        long organisationId = id(id);
        Registry.Ref organisation = registry.organisation(organisationId)
                .orElseThrow(() -> new KohtaamoException.NotFound("organisation " + id));
        return feed(CalendarFilter.ALL.withOrganisation(organisationId), named(organisation.name().get(lang), lang),
                lang, request);
    }

    /**
     * One activity's feed: the series with its changes, exactly as it is in its place's feed (same
     * UIDs, so subscribing to both gives no duplicates), for the same window.
     */
    @GetMapping("/calendar/activities/{id}/calendar.ics")
    ResponseEntity<byte[]> activity(@PathVariable String id, Lang lang, HttpServletRequest request) {
        ActivityQueries.Activity a = publishedActivity(id);
        PlaceInfo place = publicPlace(a);
        CalendarFilter filter = CalendarFilter.ALL.withPlace(place.id());
        String name = a.name().get(lang) + " – " + place.name().get(lang);
        return send(List.of("ics-activity", a.id()), filter, name, lang, request,
                (settings, from, to) -> new IcsFeed(messages, settings).write(calendar.seasons(filter, from, to)
                        .stream().filter(p -> p.series().activity().id() == a.id()).toList(), filter),
                "inline; filename=\"" + FileNames.slug(a.name().get(lang)) + ".ics\"");
    }

    /**
     * One occurrence as a file to add to one's calendar ({@code /calendar/activities/{id}/2026-11-25.ics},
     * the date being the one the occurrence takes place on, as in its page's address); cancelled ones
     * too, marked cancelled, so that a family who added it earlier sees the change when they open it.
     */
    @GetMapping("/calendar/activities/{id}/{date}.ics")
    ResponseEntity<byte[]> occurrence(@PathVariable String id, @PathVariable String date, Lang lang,
            HttpServletRequest request) {
        ActivityQueries.Activity a = publishedActivity(id);
        LocalDate day = FileNames.date(date);
        PlaceInfo place = publicPlace(a);
        CalendarFilter filter = CalendarFilter.ALL.withPlace(place.id());
        // the occurrence is looked up only when the file is not kept; a day it is not held on is a 404, never kept
        return send(List.of("ics-occurrence", a.id(), day), filter, a.name().get(lang), lang, request,
                (settings, from, to) -> {
                    CalendarService.Entry entry = calendar.occurrences(filter,
                            day.minusDays(CalendarService.MAX_DAYS / 2), day.plusDays(CalendarService.MAX_DAYS / 2))
                            .stream().filter(e -> e.activity().id() == a.id() && e.occurrence().date().equals(day))
                            .findFirst().orElseThrow(() -> new KohtaamoException.NotFound("occurrence " + id + "/" + date));
                    return new IcsFeed(messages, settings).writeOccurrence(
                            new CalendarService.Series(entry.activity(), entry.place()), entry.occurrence(), entry.notes());
                },
                "attachment; filename=\"" + FileNames.slug(a.name().get(lang)) + "-" + day + ".ics\"");
    }

    private ActivityQueries.Activity publishedActivity(String id) {
        long activityId = id(id);
        return activities.activity(activityId).filter(ActivityQueries.Activity::published)
                .orElseThrow(() -> new KohtaamoException.NotFound("activity " + id));
    }

    private PlaceInfo publicPlace(ActivityQueries.Activity a) {
        PlaceInfo p = registry.publicPlaces(new PlaceCriteria(null, null, a.placeId(), null, null)).get(a.placeId());
        if (p == null) {
            throw new KohtaamoException.NotFound("place of activity " + a.id());
        }
        return p;
    }

    /** A written feed and its ETag, cached by settings and filter until the data changes. */
    private record Written(byte[] body, String etag) implements PublicDataCache.Sized {
        @Override
        public int bytes() {
            return body.length + 100;
        }
    }

    /** Writes the text of a feed for its settings and window. */
    private interface Writer {
        String write(IcsFeed.Settings settings, LocalDate from, LocalDate to);
    }

    private ResponseEntity<byte[]> feed(CalendarFilter filter, String name, Lang lang, HttpServletRequest request) {
        return send(List.of("ics"), filter, name, lang, request,
                (settings, from, to) -> new IcsFeed(messages, settings).write(calendar.seasons(filter, from, to), filter),
                "inline; filename=\"kohtaamo.ics\"");
    }

    /**
     * The one way every feed is answered: written once per settings, filter and what (the key) until the
     * data changes, with an ETag that answers If-None-Match with 304.
     */
    private ResponseEntity<byte[]> send(List<Object> what, CalendarFilter filter, String name, Lang lang,
            HttpServletRequest request, Writer writer, String disposition) {
        LocalDate today = LocalDate.now(clock);
        LocalDate from = today.minusMonths(WINDOW_MONTHS_BACK);
        LocalDate to = today.plusMonths(WINDOW_MONTHS_AHEAD);
        IcsFeed.Settings settings = new IcsFeed.Settings(lang, name, urls.base(), uidDomain,
                from, to);
        Written written = cache.get(List.of(what, settings, filter), () -> {
            byte[] bytes = writer.write(settings, from, to).getBytes(StandardCharsets.UTF_8);
            return new Written(bytes, "\"" + sha256(bytes) + "\"");
        });
        byte[] body = written.body();
        String etag = written.etag();
        HttpHeaders headers = new HttpHeaders();
        headers.setETag(etag);
        headers.setCacheControl("public, max-age=900");
        if (Lang.parse(request.getParameter(LanguageResolver.PARAM)).isEmpty()) {
            // the language then came from the cookie or Accept-Language
            headers.setVary(java.util.List.of(HttpHeaders.ACCEPT_LANGUAGE, HttpHeaders.COOKIE));
        }
        if (PublicResponses.matches(request.getHeader(HttpHeaders.IF_NONE_MATCH), etag)) {
            return new ResponseEntity<>(headers, HttpStatus.NOT_MODIFIED);
        }
        PublicResponses.keep(calendar.countyOf(filter));
        headers.setContentType(TEXT_CALENDAR);
        headers.set(HttpHeaders.CONTENT_DISPOSITION, disposition);
        return new ResponseEntity<>(body, headers, HttpStatus.OK);
    }

    private String named(String what, Lang lang) {
        return what + " – " + messages.getMessage("calendar.title", null, lang.locale());
    }

    private static long id(String raw) {
        return fi.kohtaamo.shared.PathIds.orNotFound(raw);
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
