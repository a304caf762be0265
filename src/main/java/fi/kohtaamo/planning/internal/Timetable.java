package fi.kohtaamo.planning.internal;

import fi.kohtaamo.calendar.ActivityKind;
import fi.kohtaamo.shared.LocalizedText;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;

/**
 * The timetable planning compares, as plain records (no Spring, no SQL), so that the analysis runs the same on the
 * calendar's timetable and on a sketch of it.
 *
 * @param from  the first day of the window
 * @param weeks the window's length in whole weeks (per-week figures divide by it)
 */
public record Timetable(LocalDate from, int weeks, List<Slot> slots) {

    LocalDate to() {
        return from.plusWeeks(weeks).minusDays(1);
    }

    /** One held session (cancelled ones are left out): its local date and minutes of the day. */
    public record Session(LocalDate date, int start, int end) {

        DayOfWeek weekday() {
            return date.getDayOfWeek();
        }
    }

    /**
     * An activity as planning sees it.
     *
     * @param activityId   the calendar's id; a sketched new activity has a negative id
     * @param ageMin       months, null = no lower bound
     * @param ageMax       months, null = no upper bound
     * @param lat          degrees, NaN when the place has no coordinates
     */
    public record Slot(long activityId, long placeId, long areaId, long countyId, String municipalityCode, ActivityKind kind,
            Integer ageMin, Integer ageMax, List<String> languages, double lat, double lon, LocalizedText name,
            LocalizedText placeName, LocalizedText areaName, List<Session> sessions) {

        int minAge() {
            return ageMin == null ? 0 : ageMin;
        }

        int maxAge() {
            return ageMax == null ? Integer.MAX_VALUE : ageMax;
        }

        boolean agesOverlap(Slot o) {
            return minAge() <= o.maxAge() && o.minAge() <= maxAge();
        }

        boolean hasPoint() {
            return !Double.isNaN(lat) && !Double.isNaN(lon);
        }

        Slot withSessions(List<Session> s) {
            return new Slot(activityId, placeId, areaId, countyId, municipalityCode, kind, ageMin, ageMax, languages,
                    lat, lon, name, placeName, areaName, List.copyOf(s));
        }
    }

    /** The age bands of children under school age that gaps and coverage count by (months, inclusive). */
    public enum AgeBand {
        B0("0", 0, 11), B1_2("1-2", 12, 35), B3_6("3-6", 36, 83);

        final String code;
        final int min;
        final int max;

        AgeBand(String code, int min, int max) {
            this.code = code;
            this.min = min;
            this.max = max;
        }

        public String code() {
            return code;
        }

        boolean includes(Slot s) {
            return s.minAge() <= max && min <= s.maxAge();
        }

        static AgeBand of(String code) {
            for (AgeBand b : values()) {
                if (b.code.equals(code)) {
                    return b;
                }
            }
            return null;
        }
    }
}
