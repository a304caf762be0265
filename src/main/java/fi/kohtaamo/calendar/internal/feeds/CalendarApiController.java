package fi.kohtaamo.calendar.internal.feeds;

import fi.kohtaamo.calendar.internal.rules.RecurrenceRules;
import fi.kohtaamo.calendar.internal.rules.RuleText;
import fi.kohtaamo.calendar.internal.rules.Schedule;

import fi.kohtaamo.calendar.internal.CalendarFilter;
import fi.kohtaamo.calendar.internal.CalendarService;
import fi.kohtaamo.calendar.internal.CalendarParams;

import fi.kohtaamo.shared.PublicDataCache;
import fi.kohtaamo.shared.PublicResponses;
import fi.kohtaamo.shared.PublicUrls;
import fi.kohtaamo.calendar.ActivityKind;
import fi.kohtaamo.registry.PlaceInfo;
import fi.kohtaamo.shared.KohtaamoException;
import fi.kohtaamo.shared.Lang;
import fi.kohtaamo.shared.LocalizedText;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import tools.jackson.databind.json.JsonMapper;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.bind.annotation.RestController;

/**
 * The calendar's JSON API for integrators (municipal sites, Linked Events-style consumers). The same
 * filters as the pages; activities are series with their rule, occurrences are planned dates with
 * cancellations. {@code last_modified_since} lets a syncing client fetch only what changed.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Family calendar", description = "Activities of the meeting places and their occurrences")
class CalendarApiController {

    private final CalendarService calendar;
    private final CalendarParams params;
    private final Clock clock;
    private final PublicUrls urls;
    private final PublicDataCache cache;
    private final JsonMapper json;

    CalendarApiController(CalendarService calendar, CalendarParams params, Clock clock, PublicUrls urls,
            PublicDataCache cache, JsonMapper json) {
        this.urls = urls;
        this.cache = cache;
        this.json = json;
        this.calendar = calendar;
        this.params = params;
        this.clock = clock;
    }

    public record PlaceRef(long id, LocalizedText name, String municipality, LocalizedText municipalityName,
            String address) {

        static PlaceRef of(PlaceInfo p) {
            return new PlaceRef(p.id(), p.name(), p.municipalityCode(), p.municipalityName(), p.addressLine());
        }
    }

    public record ScheduleJson(String kind, List<String> weekdays, String weekParity, Integer monthNth,
            List<LocalDate> dates, LocalDate seasonStart, LocalDate seasonEnd, String startTime, int durationMinutes,
            String rrule, LocalizedText text, boolean pausesOnPublicHolidays, boolean followsSchoolHolidays) {
    }

    public record ActivityJson(long id, ActivityKind kind, LocalizedText name, LocalizedText description,
            PlaceRef place, Integer ageMinMonths, Integer ageMaxMonths, List<String> languages, boolean freeOfCharge,
            LocalizedText price, boolean registrationRequired, LocalizedText registration, ScheduleJson schedule,
            List<Long> organisers, Instant updatedAt,
            @Schema(description = "Whole metres from the near point to the place; only with near, and only when the "
                    + "place has coordinates") Long distanceMetres, List<OtherText> otherLanguages) {
    }

    /** The name and description in a language other than fi/sv/en (BCP 47 tag), with its direction (ltr, rtl). */
    public record OtherText(String lang, String dir, String name, String description) {

        static List<OtherText> of(List<fi.kohtaamo.calendar.internal.ActivityText> texts) {
            return texts.stream().map(t -> new OtherText(t.lang(), t.dir(), t.name(), t.description())).toList();
        }
    }

    public record ActivityPage(List<ActivityJson> items, int page, int size, long total) {
    }

    public record OccurrenceJson(long activityId, LocalizedText name, ActivityKind kind, PlaceRef place,
            OffsetDateTime start, OffsetDateTime end, String status, LocalDate originalDate, String reasonType,
            LocalizedText reason, String url, List<LocalizedText> notes, Long distanceMetres,
            List<OtherText> otherLanguages) {
    }

    public record OccurrencePage(List<OccurrenceJson> items, int page, int size, long total, LocalDate start,
            LocalDate end) {
    }

    @GetMapping("/activities")
    @Operation(summary = "Activities (series) with their schedule rule, filtered and paged",
            description = "Filters: area, municipality (official code), place, organisation, weekday, time, age, kind, "
                    + "language, accessibility, free. Activities whose season overlaps [start, end] "
                    + "(default: today to 92 days ahead), by id; with near (place:<id>, municipality:<code> or "
                    + "<lat>,<lon>) nearest first (places without coordinates last), equal distances by start time "
                    + "then id, and each item carries distanceMetres. A near value not understood is a 400 naming "
                    + "the parameter.")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = ActivityPage.class)))
    @ApiResponse(responseCode = "400", description = "A parameter not understood (problem details naming it)")
    ActivityPage activities(@RequestParam MultiValueMap<String, String> query,
            @RequestParam(name = "last_modified_since", required = false)
            @Parameter(description = "ISO-8601 instant; only activities changed after it") String lastModifiedSince,
            WebRequest web) {
        CalendarFilter filter = params.filter(query);
        LocalDate today = LocalDate.now(clock);
        LocalDate start = CalendarParams.date(query, "start", today);
        LocalDate end = CalendarParams.date(query, "end", start.plusDays(CalendarService.MAX_DAYS));
        CalendarParams.checkRange(start, end, "end");
        Instant since = instant(lastModifiedSince);
        int page = number(query, "page", 0, 100_000, 0);
        int size = number(query, "size", 1, 500, 100);
        if (notModified(web, today)) {
            return null;
        }
        List<CalendarService.Series> all = calendar.series(filter, start, end).stream()
                .filter(s -> since == null || s.activity().updatedAt().isAfter(since))
                .sorted(order(filter)).toList();
        List<ActivityJson> items = all.stream().skip((long) page * size).limit(size)
                .map(s -> json(s, metres(filter, s.place()))).toList();
        return new ActivityPage(items, page, size, all.size());
    }

    @GetMapping("/occurrences")
    @Operation(summary = "Occurrences between start and end (at most 92 days), cancelled ones included with their reason")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = OccurrencePage.class)))
    ResponseEntity<byte[]> occurrences(@RequestParam MultiValueMap<String, String> query, WebRequest web) {
        CalendarFilter filter = params.filter(query);
        LocalDate today = LocalDate.now(clock);
        LocalDate start = CalendarParams.date(query, "start", today);
        LocalDate end = CalendarParams.date(query, "end", start.plusDays(6));
        CalendarParams.checkRange(start, end, "end");
        int page = number(query, "page", 0, 100_000, 0);
        int size = number(query, "size", 1, 1000, 200);
        if (notModified(web, today)) {
            return null;
        }
        String base = urls.base();
        // kept whole by PublicResponses (an embedded calendar asks for the same weeks); the weeks it is made of are
        // shared with every other filter and range (CalendarService#occurrences)
        byte[] body = json.writeValueAsBytes(occurrencePage(filter, start, end, page, size, base));
        PublicResponses.keep(calendar.countyOf(filter));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
    }

    private OccurrencePage occurrencePage(CalendarFilter filter, LocalDate start, LocalDate end, int page, int size,
            String base) {
        List<CalendarService.Entry> all = calendar.occurrences(filter, start, end);
        List<OccurrenceJson> items = all.stream().skip((long) page * size).limit(size).map(e -> new OccurrenceJson(
                e.activity().id(), e.activity().name(), e.activity().kind(), PlaceRef.of(e.place()),
                e.occurrence().start().toOffsetDateTime(), e.occurrence().end().toOffsetDateTime(),
                e.occurrence().status().name(), e.occurrence().originalDate(),
                e.occurrence().reason() == null ? null : e.occurrence().reason().type().name(),
                e.occurrence().reason() == null ? null : e.occurrence().reason().text(),
                base + "/calendar/activities/" + e.activity().id() + "/" + e.occurrence().date(), e.notes(),
                metres(filter, e.place()), OtherText.of(e.activity().texts()))).toList();
        return new OccurrencePage(items, page, size, all.size(), start, end);
    }

    /**
     * The order of the activities: by id; with {@code near}, nearest first (places without coordinates last),
     * equal distances (activities of one place) by start time, then by id, so that paging is stable.
     */
    static Comparator<CalendarService.Series> order(CalendarFilter filter) {
        Comparator<CalendarService.Series> byId = Comparator.comparingLong(s -> s.activity().id());
        if (filter.near() == null) {
            return byId;
        }
        return Comparator.comparing((CalendarService.Series s) -> filter.metresTo(s.place()),
                        Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(s -> s.activity().schedule().start()).thenComparing(byId);
    }

    /** Whole metres from the filter's {@code near} point (null without one, or without the place's coordinates). */
    private static Long metres(CalendarFilter filter, PlaceInfo place) {
        Double m = filter.metresTo(place);
        return m == null ? null : Math.round(m);
    }

    /**
     * The validator of an API answer: the data version and the day (defaults and rule texts follow the
     * day). When the client already has it, Spring answers 304 with no body and the caller returns null.
     */
    private boolean notModified(WebRequest web, LocalDate today) {
        return web.checkNotModified("\"v" + cache.version() + "-" + today + "\"");
    }

    private ActivityJson json(CalendarService.Series s, Long distanceMetres) {
        var a = s.activity();
        var sc = a.schedule();
        int year = LocalDate.now(clock).getYear();
        ScheduleJson schedule = new ScheduleJson(sc.kind().name(),
                sc.weekdays().stream().sorted().map(Enum::name).toList(), sc.parity().name(),
                sc.kind() == Schedule.Kind.MONTHLY ? sc.nth() : null, sc.dates(), sc.seasonStart(), sc.seasonEnd(),
                sc.start().toString(), sc.durationMinutes(), RecurrenceRules.rrule(sc),
                new LocalizedText(RuleText.describe(sc, Lang.FI, year), RuleText.describe(sc, Lang.SV, year),
                        RuleText.describe(sc, Lang.EN, year)),
                a.pausesOnHolidays(), a.followsSchoolHolidays());
        return new ActivityJson(a.id(), a.kind(), a.name(), a.description().isEmpty() ? null : a.description(),
                PlaceRef.of(s.place()), a.ageMinMonths(), a.ageMaxMonths(), a.languages(), a.freeOfCharge(),
                a.price().isEmpty() ? null : a.price(), a.registrationRequired(),
                a.registration().isEmpty() ? null : a.registration(), schedule, a.organiserIds(), a.updatedAt(),
                distanceMetres, OtherText.of(a.texts()));
    }

    private static Instant instant(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            if (raw.length() > 40) {
                throw new KohtaamoException.BadParameter("last_modified_since");
            }
            return OffsetDateTime.parse(raw.strip()).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(raw.strip());
            } catch (DateTimeParseException e2) {
                throw new KohtaamoException.BadParameter("last_modified_since");
            }
        }
    }

    private static int number(MultiValueMap<String, String> query, String name, int min, int max, int defaultValue) {
        String raw = CalendarParams.one(query, name);
        if (raw == null) {
            return defaultValue;
        }
        if (!raw.matches("^[0-9]{1,7}$") || Integer.parseInt(raw) < min || Integer.parseInt(raw) > max) {
            throw new KohtaamoException.BadParameter(name);
        }
        return Integer.parseInt(raw);
    }
}
