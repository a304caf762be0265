package fi.kohtaamo.calendar.internal;

import fi.kohtaamo.calendar.internal.CalendarFilter;
import fi.kohtaamo.calendar.internal.CalendarService;

import fi.kohtaamo.calendar.ActivityKind;
import fi.kohtaamo.registry.AccessibilityFeature;
import fi.kohtaamo.registry.Registry;
import fi.kohtaamo.shared.KohtaamoException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;

/**
 * Reads the calendar filters and dates from request parameters: the one parser for pages, feeds, the
 * API and the widget, so that a shared URL means the same everywhere. Parameters: {@code area} (id),
 * {@code municipality} (official code), {@code place} (id), {@code organisation} (id),
 * {@code weekday} (MONDAY…, repeatable), {@code time} (MORNING, AFTERNOON, EVENING), {@code age}
 * (child's age in whole years), {@code kind} (ActivityKind), {@code language} (ISO 639-1),
 * {@code accessibility} (AccessibilityFeature, repeatable), {@code free} (true), {@code near} (place:&lt;id&gt;, municipality:&lt;code&gt; or
 * &lt;lat&gt;,&lt;lon&gt;: order by distance from it). A value that cannot
 * be understood is a {@link KohtaamoException.BadParameter} naming the parameter.
 */
@Component
public class CalendarParams {

    /** The names of the filter parameters, in the order links write them. */
    public static final List<String> FILTER_NAMES = List.of("area", "municipality", "place", "organisation", "weekday",
            "time", "age", "kind", "language", "accessibility", "free", "near");

    private final Registry registry;
    private final fi.kohtaamo.registry.NearPlaces nearPlaces;

    public CalendarParams(Registry registry, fi.kohtaamo.registry.NearPlaces nearPlaces) {
        this.registry = registry;
        this.nearPlaces = nearPlaces;
    }

    public CalendarFilter filter(MultiValueMap<String, String> p) {
        Long area = id(p, "area");
        if (area != null && !registry.areaExists(area)) {
            throw new KohtaamoException.BadParameter("area");
        }
        String municipality = one(p, "municipality");
        if (municipality != null && !registry.municipalityExists(municipality)) {
            throw new KohtaamoException.BadParameter("municipality");
        }
        Long place = id(p, "place");
        if (place != null && registry.placeTarget(place).isEmpty()) {
            throw new KohtaamoException.BadParameter("place");
        }
        Long organisation = id(p, "organisation");
        if (organisation != null && registry.organisation(organisation).isEmpty()) {
            throw new KohtaamoException.BadParameter("organisation");
        }
        Set<DayOfWeek> weekdays = EnumSet.noneOf(DayOfWeek.class);
        for (String w : many(p, "weekday")) {
            weekdays.add(enumValue("weekday", DayOfWeek.class, w));
        }
        String time = one(p, "time");
        CalendarFilter.TimeOfDay timeOfDay = time == null ? null : enumValue("time", CalendarFilter.TimeOfDay.class, time);
        Integer age = null;
        String ageRaw = one(p, "age");
        if (ageRaw != null) {
            if (!ageRaw.matches("^[0-9]{1,2}$") || Integer.parseInt(ageRaw) > 25) {
                throw new KohtaamoException.BadParameter("age");
            }
            age = Integer.parseInt(ageRaw) * 12 + 6;
        }
        String kindRaw = one(p, "kind");
        ActivityKind kind = kindRaw == null ? null : enumValue("kind", ActivityKind.class, kindRaw);
        String language = one(p, "language");
        if (language != null) {
            language = language.toLowerCase(Locale.ROOT);
            if (!language.matches("^[a-z]{2,3}$")) {
                throw new KohtaamoException.BadParameter("language");
            }
        }
        Set<AccessibilityFeature> features = EnumSet.noneOf(AccessibilityFeature.class);
        for (String a : many(p, "accessibility")) {
            features.add(enumValue("accessibility", AccessibilityFeature.class, a));
        }
        String free = one(p, "free");
        if (free != null && !free.equals("true") && !free.equals("false")) {
            throw new KohtaamoException.BadParameter("free");
        }
        // near=place:<id> | municipality:<code> | <lat>,<lon> orders by distance (registry.NearPlaces reads it)
        var near = nearPlaces.point(one(p, "near")).orElse(null);
        return new CalendarFilter(area, municipality, place, organisation, weekdays, timeOfDay, age, kind, language,
                features, "true".equals(free), near);
    }

    /** A date parameter (yyyy-mm-dd) or the default; years outside 2000–2100 are refused. */
    public static LocalDate date(MultiValueMap<String, String> p, String name, LocalDate defaultValue) {
        return fi.kohtaamo.shared.QueryParams.date(one(p, name), name, defaultValue);
    }

    /**
     * The Monday of an ISO week parameter ({@code 2026-W48}, Monday first, as in Finnish calendars) or
     * the default; years outside 2000–2100 and weeks the year does not have are refused.
     */
    public static LocalDate week(MultiValueMap<String, String> p, String name, LocalDate defaultValue) {
        String raw = one(p, name);
        if (raw == null) {
            return defaultValue;
        }
        var m = java.util.regex.Pattern.compile("^([0-9]{4})-[Ww]([0-9]{1,2})$").matcher(raw);
        if (!m.matches()) {
            throw new KohtaamoException.BadParameter(name);
        }
        int year = Integer.parseInt(m.group(1));
        int week = Integer.parseInt(m.group(2));
        if (year < 2000 || year > 2100 || week < 1
                || week > LocalDate.of(year, 12, 28).get(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR)) {
            throw new KohtaamoException.BadParameter(name);
        }
        return LocalDate.of(year, 1, 4).with(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR, week)
                .with(DayOfWeek.MONDAY);
    }

    /** The ISO week of a date as the {@link #week} parameter writes it: {@code 2026-W48}. */
    public static String weekParam(LocalDate date) {
        return String.format(Locale.ROOT, "%04d-W%02d", date.get(java.time.temporal.IsoFields.WEEK_BASED_YEAR),
                date.get(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    /** Checks a requested range: start not after end, at most {@link CalendarService#MAX_DAYS} days. */
    public static void checkRange(LocalDate start, LocalDate end, String endName) {
        if (end.isBefore(start) || start.plusDays(CalendarService.MAX_DAYS).isBefore(end)) {
            throw new KohtaamoException.BadParameter(endName);
        }
    }

    public static String one(MultiValueMap<String, String> p, String name) {
        List<String> values = p.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw new KohtaamoException.BadParameter(name);
        }
        String v = values.get(0);
        if (v == null || v.isBlank()) {
            return null;
        }
        if (v.length() > 100) {
            throw new KohtaamoException.BadParameter(name);
        }
        return v.strip();
    }

    static List<String> many(MultiValueMap<String, String> p, String name) {
        List<String> values = p.get(name);
        if (values == null) {
            return List.of();
        }
        if (values.size() > 10) {
            throw new KohtaamoException.BadParameter(name);
        }
        return values.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).toList();
    }

    static Long id(MultiValueMap<String, String> p, String name) {
        String raw = one(p, name);
        if (raw == null) {
            return null;
        }
        if (!raw.matches("^[0-9]{1,18}$") || Long.parseLong(raw) <= 0) {
            throw new KohtaamoException.BadParameter(name);
        }
        return Long.parseLong(raw);
    }

    public static <E extends Enum<E>> E enumValue(String name, Class<E> type, String raw) {
        try {
            return Enum.valueOf(type, raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new KohtaamoException.BadParameter(name);
        }
    }
}
