package fi.kohtaamo.calendar.internal;

import fi.kohtaamo.calendar.internal.CalendarService;
import fi.kohtaamo.calendar.internal.rules.Occurrence;
import fi.kohtaamo.calendar.internal.rules.RuleText;

import fi.kohtaamo.calendar.ActivityKind;
import fi.kohtaamo.registry.PlaceInfo;
import fi.kohtaamo.shared.Lang;
import fi.kohtaamo.shared.LocalizedText;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the calendar pages show of occurrences and series: plain values, formatted once. */
public final class CalendarViews {

    private CalendarViews() {
    }

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("H.mm");

    /** The age range as a message key and its two arguments: months for babies, years otherwise. */
    public record Ages(String key, String a, String b) {

        static Ages of(Integer min, Integer max) {
            if (min == null && max == null) {
                return new Ages("calendar.ages.all", "", "");
            }
            if (max != null && max <= 24) {
                return new Ages("calendar.ages.months", min == null ? "0" : String.valueOf(min), String.valueOf(max));
            }
            if (max == null) {
                return new Ages("calendar.ages.from", String.valueOf(min / 12), "");
            }
            return new Ages("calendar.ages.years", min == null ? "0" : String.valueOf(min / 12), String.valueOf(max / 12));
        }
    }

    /** One occurrence as a line of the calendar. */
    public record OccurrenceView(long activityId, LocalDate date, String time, LocalizedText name, long placeId,
            LocalizedText placeName, LocalizedText municipality, ActivityKind kind, List<String> languages, Ages ages,
            boolean free, LocalizedText price, boolean registrationRequired, Occurrence.Status status,
            LocalizedText reason, LocalDate originalDate, String address, List<LocalizedText> notes,
            java.math.BigDecimal latitude, java.math.BigDecimal longitude, List<ActivityText> texts) {

        public boolean cancelled() {
            return status == Occurrence.Status.CANCELLED;
        }

        public boolean moved() {
            return status == Occurrence.Status.MOVED;
        }
    }

    /** The occurrences of one day. */
    /** A day of the calendar: its occurrences in time order, and how many more there are than it shows. */
    public record Day(LocalDate date, List<OccurrenceView> occurrences, int more) {
    }

    /** How many occurrences a day of the web calendar lists at most: a page stays readable and light. */
    public static final int DAY_LIMIT = 150;

    /** How many series the list mode shows at most. */
    public static final int SERIES_LIMIT = 300;

    /** One series with its rule in words. */
    public record SeriesView(long activityId, LocalizedText name, long placeId, LocalizedText placeName,
            LocalizedText municipality, ActivityKind kind, List<String> languages, Ages ages, boolean free,
            LocalizedText price, String rule, String address, List<ActivityText> texts) {
    }

    public static OccurrenceView occurrence(CalendarService.Entry e) {
        var a = e.activity();
        var o = e.occurrence();
        return new OccurrenceView(a.id(), o.date(), TIME.format(o.start()) + "–" + TIME.format(o.end()), a.name(),
                e.place().id(), e.place().name(), e.place().municipalityName(), a.kind(), a.languages(),
                Ages.of(a.ageMinMonths(), a.ageMaxMonths()), a.freeOfCharge(), a.price(), a.registrationRequired(),
                o.status(), o.reason() == null ? LocalizedText.EMPTY : o.reason().text(), o.originalDate(),
                e.place().addressLine(), e.notes(), e.place().latitude(), e.place().longitude(), a.texts());
    }

    public static List<Day> days(List<CalendarService.Entry> entries, LocalDate from, LocalDate to) {
        return days(entries, from, to, Integer.MAX_VALUE);
    }

    /** The days from..to with at most {@code limit} occurrences each (the rest counted in {@link Day#more()}). */
    public static List<Day> days(List<CalendarService.Entry> entries, LocalDate from, LocalDate to, int limit) {
        Map<LocalDate, List<OccurrenceView>> byDay = new LinkedHashMap<>();
        Map<LocalDate, Integer> more = new java.util.HashMap<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            byDay.put(d, new ArrayList<>());
        }
        for (CalendarService.Entry e : entries) {
            List<OccurrenceView> list = byDay.get(e.occurrence().date());
            if (list == null) {
                continue;
            }
            if (list.size() < limit) {
                list.add(occurrence(e));
            } else {
                more.merge(e.occurrence().date(), 1, Integer::sum);
            }
        }
        return byDay.entrySet().stream()
                .map(en -> new Day(en.getKey(), en.getValue(), more.getOrDefault(en.getKey(), 0))).toList();
    }

    public static SeriesView series(CalendarService.Series s, Lang lang, int year) {
        var a = s.activity();
        PlaceInfo p = s.place();
        return new SeriesView(a.id(), a.name(), p.id(), p.name(), p.municipalityName(), a.kind(), a.languages(),
                Ages.of(a.ageMinMonths(), a.ageMaxMonths()), a.freeOfCharge(), a.price(),
                RuleText.describe(a.schedule(), lang, year), p.addressLine(), a.texts());
    }
    /** The feed of what this page shows: the same filters, no paging or view parameters. */
    public static String feedUrl(String base, jakarta.servlet.http.HttpServletRequest request) {
        var b = org.springframework.web.util.UriComponentsBuilder.fromUriString(base).path("/calendar.ics");
        org.springframework.util.MultiValueMap<String, String> q = new org.springframework.util.LinkedMultiValueMap<>();
        request.getParameterMap().forEach((k, v) -> {
            if (!List.of("view", "date", "page").contains(k)) {
                for (String value : v) {
                    if (value != null && !value.isBlank()) {
                        q.add(k, value);
                    }
                }
            }
        });
        return b.queryParams(q).encode().build().toUriString();
    }

    /** The feed of what this page shows, in the page's language (a subscription keeps the language chosen). */
    public static String feedUrl(String base, jakarta.servlet.http.HttpServletRequest request,
            fi.kohtaamo.shared.Lang lang) {
        return org.springframework.web.util.UriComponentsBuilder.fromUriString(feedUrl(base, request)).replaceQueryParam("lang", lang.code())
                .build().toUriString();
    }

    /** The same feed for subscribing: calendar apps open webcal:// and fetch it over http(s). */
    public static String webcal(String feedUrl) {
        return feedUrl.replaceFirst("^https?://", "webcal://");
    }

    public record MunicipalityChoice(String code, fi.kohtaamo.shared.LocalizedText name) {
    }

    /** The municipalities that have published places, by name: the choices of the calendar's filter forms. */
    public static List<MunicipalityChoice> municipalities(fi.kohtaamo.registry.Registry registry) {
        return registry.publicPlaces(fi.kohtaamo.registry.PlaceCriteria.ALL).values().stream()
                .map(p -> new MunicipalityChoice(p.municipalityCode(), p.municipalityName())).distinct()
                .sorted(java.util.Comparator.comparing(m -> m.name().fi())).toList();
    }

}
