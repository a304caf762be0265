package fi.kohtaamo.calendar.internal;

import fi.kohtaamo.calendar.ActivityKind;
import fi.kohtaamo.registry.AccessibilityFeature;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Set;

/**
 * The public calendar's filters, the same for pages, feeds, the API and the widget. Null or empty
 * parts mean "any". The child's age is in months.
 */
public record CalendarFilter(Long areaId, String municipalityCode, Long placeId, Long organisationId,
        Set<DayOfWeek> weekdays, TimeOfDay timeOfDay, Integer childAgeMonths, ActivityKind kind, String language,
        Set<AccessibilityFeature> accessibility, boolean freeOnly, fi.kohtaamo.registry.NearPoint near) {

    public static final CalendarFilter ALL = new CalendarFilter(null, null, null, null, Set.of(), null, null, null, null,
            Set.of(), false, null);

    /** The filter without an order by distance (for the places' own pages). */
    public CalendarFilter(Long areaId, String municipalityCode, Long placeId, Long organisationId,
            Set<DayOfWeek> weekdays, TimeOfDay timeOfDay, Integer childAgeMonths, ActivityKind kind, String language,
            Set<AccessibilityFeature> accessibility, boolean freeOnly) {
        this(areaId, municipalityCode, placeId, organisationId, weekdays, timeOfDay, childAgeMonths, kind, language,
                accessibility, freeOnly, null);
    }

    /** Metres from the {@code near} point to a place; null without a point or the place's coordinates. */
    public Double metresTo(fi.kohtaamo.registry.PlaceInfo place) {
        return near == null ? null : near.metresTo(place.latitude(), place.longitude());
    }

    public CalendarFilter {
        weekdays = weekdays == null ? Set.of() : Set.copyOf(weekdays);
        accessibility = accessibility == null ? Set.of() : Set.copyOf(accessibility);
    }

    /** Parts of the day as families plan them. */
    public enum TimeOfDay {
        MORNING, AFTERNOON, EVENING;

        public static TimeOfDay of(LocalTime start) {
            if (start.isBefore(LocalTime.NOON)) {
                return MORNING;
            }
            return start.isBefore(LocalTime.of(17, 0)) ? AFTERNOON : EVENING;
        }
    }

    public CalendarFilter withPlace(Long place) {
        return new CalendarFilter(areaId, municipalityCode, place, organisationId, weekdays, timeOfDay, childAgeMonths,
                kind, language, accessibility, freeOnly, near);
    }

    public CalendarFilter withWeekdays(Set<DayOfWeek> days) {
        return new CalendarFilter(areaId, municipalityCode, placeId, organisationId, days, timeOfDay, childAgeMonths,
                kind, language, accessibility, freeOnly, near);
    }

    public CalendarFilter withOrganisation(Long organisation) {
        return new CalendarFilter(areaId, municipalityCode, placeId, organisation, weekdays, timeOfDay, childAgeMonths,
                kind, language, accessibility, freeOnly, near);
    }
}
