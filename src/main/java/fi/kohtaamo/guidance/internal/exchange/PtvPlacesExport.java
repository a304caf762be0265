package fi.kohtaamo.guidance.internal.exchange;

import fi.kohtaamo.calendar.ActivityCalendar;
import fi.kohtaamo.registry.OpeningHours;
import fi.kohtaamo.registry.PlaceCriteria;
import fi.kohtaamo.registry.PlaceInfo;
import fi.kohtaamo.registry.Registry;
import fi.kohtaamo.shared.Lang;
import fi.kohtaamo.shared.LocalizedText;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * A county's published meeting places as PTV Open API v11 service locations ({@code ServiceLocation} channels), so
 * that a county can feed them to PTV: names, the visiting address with coordinates, and service hours from the one
 * source the calendar has. The place's opening hours become {@code DaysOfTheWeek} hours; each published activity's
 * sessions in the coming {@value #WEEKS} weeks, as the calendar plans them (public and school holidays included),
 * become weekly hours named after the activity (from its first session to the end of its season), and a session
 * cancelled in that time an {@code Exceptional} closed day; a moved one an {@code Exceptional} day with its new time.
 * The channels have no PTV id yet: {@code sourceId} ties each to its place.
 */
@Component
class PtvPlacesExport {

    static final int WEEKS = 8;
    private static final ZoneId HELSINKI = ZoneId.of("Europe/Helsinki");

    private final Registry registry;
    private final ActivityCalendar calendar;
    private final Clock clock;

    PtvPlacesExport(Registry registry, ActivityCalendar calendar, Clock clock) {
        this.registry = registry;
        this.calendar = calendar;
        this.clock = clock;
    }

    Map<String, Object> channels(long countyId) {
        LocalDate today = LocalDate.now(clock.withZone(HELSINKI));
        LocalDate until = today.plusWeeks(WEEKS);
        Map<Long, PlaceInfo> places = new TreeMap<>(registry.publicPlaces(
                new PlaceCriteria(null, null, null, null, countyId)));
        Map<Long, String> municipalityByPlace = new HashMap<>();
        places.values().forEach(p -> municipalityByPlace.put(p.id(), p.municipalityCode()));
        Map<Long, List<ActivityCalendar.OccurrenceRef>> occurrences = calendar.occurrencesOfPlaces(municipalityByPlace,
                today, until);
        List<Map<String, Object>> out = new ArrayList<>();
        for (PlaceInfo p : places.values()) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("sourceId", "kohtaamo-place-" + p.id());
            c.put("serviceChannelType", "ServiceLocation");
            c.put("serviceChannelNames", localized(p.name(), "Name"));
            c.put("areaType", "LimitedType");
            c.put("areaMunicipalities", List.of(Map.of("code", p.municipalityCode())));
            Map<String, Object> street = new LinkedHashMap<>();
            street.put("street", List.of(item("fi", p.streetAddress() == null ? "" : p.streetAddress())));
            street.put("postalCode", p.postalCode());
            if (p.postOffice() != null) {
                street.put("postOffice", List.of(item("fi", p.postOffice())));
            }
            street.put("municipality", Map.of("code", p.municipalityCode(), "name", localized(p.municipalityName(),
                    null)));
            if (p.latitude() != null && p.longitude() != null) {
                street.put("latitude", p.latitude().toPlainString());
                street.put("longitude", p.longitude().toPlainString());
            }
            c.put("addresses", p.streetAddress() == null ? List.of() : List.of(Map.of("type", "Location", "subType",
                    "Street", "country", "FI", "streetAddress", street)));
            c.put("serviceHours", hours(p, occurrences.getOrDefault(p.id(), List.of()), today));
            c.put("publishingStatus", "Published");
            out.add(c);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("serviceChannels", out);
        return root;
    }

    private List<Map<String, Object>> hours(PlaceInfo p, List<ActivityCalendar.OccurrenceRef> occurrences,
            LocalDate today) {
        List<Map<String, Object>> out = new ArrayList<>();
        List<Map<String, Object>> opening = new ArrayList<>();
        for (OpeningHours h : registry.openingHours(p.id(), today)) {
            opening.add(opening(h.weekday(), h.opens(), h.closes()));
        }
        if (!opening.isEmpty()) {
            Map<String, Object> regular = new LinkedHashMap<>();
            regular.put("serviceHourType", "DaysOfTheWeek");
            regular.put("validForNow", true);
            regular.put("isClosed", false);
            regular.put("openingHour", opening);
            out.add(regular);
        }
        Map<Long, ActivityCalendar.ActivityRef> activities = new HashMap<>();
        calendar.activitiesOfPlace(p.id()).stream().filter(ActivityCalendar.ActivityRef::published)
                .forEach(a -> activities.put(a.id(), a));
        // weekly sessions: one entry per activity, weekday and time, from its first session to its season's end
        Map<String, Map<String, Object>> weekly = new LinkedHashMap<>();
        for (ActivityCalendar.OccurrenceRef o : occurrences) {
            ActivityCalendar.ActivityRef a = activities.get(o.activityId());
            if (a == null) {
                continue;
            }
            LocalDate day = o.start().withZoneSameInstant(HELSINKI).toLocalDate();
            LocalTime from = o.start().withZoneSameInstant(HELSINKI).toLocalTime();
            LocalTime to = o.end().withZoneSameInstant(HELSINKI).toLocalTime();
            if (o.cancelled() || o.moved()) {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("serviceHourType", "Exceptional");
                e.put("validFrom", (o.cancelled() ? o.originalDate() : day) + "T00:00:00");
                e.put("isClosed", o.cancelled());
                e.put("additionalInformation", localized(a.name(), null));
                e.put("openingHour", o.cancelled() ? List.of() : List.of(Map.of("from", time(from), "to", time(to))));
                out.add(e);
                continue;
            }
            String key = a.id() + " " + day.getDayOfWeek() + " " + from + " " + to;
            weekly.computeIfAbsent(key, k -> {
                Map<String, Object> w = new LinkedHashMap<>();
                w.put("serviceHourType", "DaysOfTheWeek");
                w.put("validFrom", day + "T00:00:00");
                if (a.seasonEnd() != null) {
                    w.put("validTo", a.seasonEnd() + "T00:00:00");
                }
                w.put("isClosed", false);
                w.put("additionalInformation", localized(a.name(), null));
                w.put("openingHour", List.of(opening(day.getDayOfWeek(), from, to)));
                return w;
            });
        }
        out.addAll(weekly.values());
        return out;
    }

    private static Map<String, Object> opening(DayOfWeek day, LocalTime from, LocalTime to) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("dayFrom", day.getDisplayName(TextStyle.FULL, Locale.ENGLISH));
        o.put("from", time(from));
        o.put("to", time(to));
        return o;
    }

    private static String time(LocalTime t) {
        return String.format(Locale.ROOT, "%02d:%02d:00", t.getHour(), t.getMinute());
    }

    private static List<Map<String, Object>> localized(LocalizedText text, String type) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Lang l : Lang.values()) {
            String v = text.exact(l);
            if (v != null && !v.isBlank()) {
                Map<String, Object> m = item(l.code(), v);
                if (type != null) {
                    m.put("type", type);
                }
                out.add(m);
            }
        }
        return out;
    }

    private static Map<String, Object> item(String language, String value) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("language", language);
        m.put("value", value);
        return m;
    }
}
