package fi.kohtaamo.calendar;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.assertj.core.api.Assertions.assertThat;

import fi.kohtaamo.calendar.internal.rules.Schedule;
import fi.kohtaamo.calendar.internal.rules.Schedule.WeekParity;
import fi.kohtaamo.calendar.internal.rules.ScheduleExpander;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Dates of every kind of rule, at the edges where calendars go wrong. */
@Tag("nodb")
class ScheduleExpanderTest {

    static final LocalTime T = LocalTime.of(9, 30);

    @Test
    void weeklyOnSeveralWeekdaysWithinTheWindowAndTheSeason() {
        Schedule s = Schedule.weekly(d("2027-01-07"), d("2027-05-28"), T, 120, TUESDAY, THURSDAY);
        assertThat(ScheduleExpander.dates(s, d("2027-01-01"), d("2027-01-20")))
                .containsExactly(d("2027-01-07"), d("2027-01-12"), d("2027-01-14"), d("2027-01-19"));
        assertThat(ScheduleExpander.dates(s, d("2027-01-08"), d("2027-01-11"))).isEmpty();
        assertThat(ScheduleExpander.dates(s, d("2027-01-01"), d("2027-12-31"))).hasSize(41)
                .allMatch(x -> x.getDayOfWeek() == TUESDAY || x.getDayOfWeek() == THURSDAY).isSorted();
    }

    @Test
    void seasonEndIsInclusiveAndDatesOutsideTheSeasonAreExcluded() {
        // 28.5.2027 is a Friday: the last Friday of the season is the 28th itself
        Schedule s = Schedule.weekly(d("2027-01-08"), d("2027-05-28"), T, 60, FRIDAY);
        List<LocalDate> all = ScheduleExpander.dates(s, d("2026-12-01"), d("2027-07-01"));
        assertThat(all).first().isEqualTo(d("2027-01-08"));
        assertThat(all).last().isEqualTo(d("2027-05-28"));
        assertThat(all).hasSize(21);
        // a window that only touches the ends
        assertThat(ScheduleExpander.dates(s, d("2027-05-28"), d("2027-06-30"))).containsExactly(d("2027-05-28"));
        assertThat(ScheduleExpander.dates(s, d("2027-05-29"), d("2027-06-30"))).isEmpty();
        assertThat(ScheduleExpander.dates(s, d("2026-01-01"), d("2027-01-07"))).isEmpty();
        assertThat(ScheduleExpander.occursOn(s, d("2027-05-28"))).isTrue();
        assertThat(ScheduleExpander.occursOn(s, d("2027-06-04"))).isFalse();
        assertThat(ScheduleExpander.occursOn(s, d("2027-01-01"))).isFalse();
    }

    @Test
    void oddWeeksAcrossTheYearWithFiftyThreeWeeks() {
        // 2026 has 53 ISO weeks: week 53 (odd) is followed by week 1 (odd) of 2027
        Schedule odd = Schedule.weekly(WeekParity.ODD, d("2026-11-01"), d("2027-02-28"), T, 60, TUESDAY);
        assertThat(ScheduleExpander.dates(odd, d("2026-12-01"), d("2027-01-31"))).containsExactly(
                d("2026-12-01"), // w49
                d("2026-12-15"), // w51
                d("2026-12-29"), // w53
                d("2027-01-05"), // w1
                d("2027-01-19")); // w3
        Schedule even = Schedule.weekly(WeekParity.EVEN, d("2026-11-01"), d("2027-02-28"), T, 60, TUESDAY);
        assertThat(ScheduleExpander.dates(even, d("2026-12-01"), d("2027-01-31"))).containsExactly(
                d("2026-12-08"), // w50
                d("2026-12-22"), // w52
                d("2027-01-12"), // w2
                d("2027-01-26")); // w4
        assertThat(d("2026-12-29").get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)).isEqualTo(53);
        assertThat(d("2027-01-05").get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)).isEqualTo(1);
    }

    @Test
    void parityFollowsTheIsoWeekOfTheDayNotTheCalendarYear() {
        // Friday 1.1.2027 is in week 53 of 2026; Tuesday 31.12.2024 is in week 1 of 2025
        Schedule oddFridays = Schedule.weekly(WeekParity.ODD, d("2026-12-20"), d("2027-01-10"), T, 60, FRIDAY);
        assertThat(ScheduleExpander.dates(oddFridays, d("2026-12-20"), d("2027-01-10")))
                .containsExactly(d("2027-01-01"), d("2027-01-08"));
        Schedule oddTuesdays = Schedule.weekly(WeekParity.ODD, d("2024-12-01"), d("2025-01-31"), T, 60, TUESDAY);
        assertThat(ScheduleExpander.dates(oddTuesdays, d("2024-12-01"), d("2025-01-31")))
                .containsExactly(d("2024-12-03"), d("2024-12-17"), d("2024-12-31"), d("2025-01-14"), d("2025-01-28"));
    }

    @Test
    void parityOverManyYearsAgreesWithTheIsoWeekOfEachDay() {
        for (WeekParity p : List.of(WeekParity.EVEN, WeekParity.ODD)) {
            Schedule s = Schedule.weekly(p, d("2019-06-01"), d("2021-06-01"), T, 60, MONDAY, WEDNESDAY, DayOfWeek.SUNDAY);
            List<LocalDate> expected = new ArrayList<>();
            for (LocalDate x = d("2019-06-01"); !x.isAfter(d("2021-06-01")); x = x.plusDays(1)) {
                if (s.weekdays().contains(x.getDayOfWeek()) && p.matches(x)) {
                    expected.add(x);
                }
            }
            assertThat(ScheduleExpander.dates(s, d("2019-01-01"), d("2022-01-01"))).isEqualTo(expected);
            // and in windows starting on any weekday
            for (int i = 0; i < 14; i++) {
                LocalDate from = d("2020-12-20").plusDays(i);
                assertThat(ScheduleExpander.dates(s, from, from.plusDays(20)))
                        .isEqualTo(expected.stream().filter(x -> !x.isBefore(from) && !x.isAfter(from.plusDays(20))).toList());
            }
        }
    }

    @Test
    void nthWeekdayOfTheMonth() {
        Schedule second = Schedule.monthly(2, TUESDAY, d("2027-01-01"), d("2027-06-30"), T, 60);
        assertThat(ScheduleExpander.dates(second, d("2027-01-01"), d("2027-06-30"))).containsExactly(
                d("2027-01-12"), d("2027-02-09"), d("2027-03-09"), d("2027-04-13"), d("2027-05-11"), d("2027-06-08"));
        // the 1st of a month on the weekday itself: 1.6.2027 is a Tuesday
        Schedule first = Schedule.monthly(1, TUESDAY, d("2027-05-01"), d("2027-06-30"), T, 60);
        assertThat(ScheduleExpander.dates(first, d("2027-05-01"), d("2027-06-30")))
                .containsExactly(d("2027-05-04"), d("2027-06-01"));
        // the fourth in a month with five: March 2027 has Mondays 1, 8, 15, 22, 29
        Schedule fourth = Schedule.monthly(4, MONDAY, d("2027-03-01"), d("2027-03-31"), T, 60);
        assertThat(ScheduleExpander.dates(fourth, d("2027-03-01"), d("2027-03-31"))).containsExactly(d("2027-03-22"));
    }

    @Test
    void lastWeekdayOfTheMonthInMonthsWithFourOrFiveAndInLeapFebruary() {
        Schedule lastMonday = Schedule.monthly(-1, MONDAY, d("2027-03-01"), d("2027-05-31"), T, 60);
        // March 2027 has five Mondays (last 29th), April four (last 26th), May five (last 31st, the season end)
        assertThat(ScheduleExpander.dates(lastMonday, d("2027-01-01"), d("2027-12-31")))
                .containsExactly(d("2027-03-29"), d("2027-04-26"), d("2027-05-31"));
        // February 2028 has 29 days and five Tuesdays (1, 8, 15, 22, 29)
        Schedule lastTuesday = Schedule.monthly(-1, TUESDAY, d("2028-01-01"), d("2028-03-31"), T, 60);
        assertThat(ScheduleExpander.dates(lastTuesday, d("2028-01-01"), d("2028-03-31")))
                .containsExactly(d("2028-01-25"), d("2028-02-29"), d("2028-03-28"));
        Schedule fourthTuesday = Schedule.monthly(4, TUESDAY, d("2028-02-01"), d("2028-02-29"), T, 60);
        assertThat(ScheduleExpander.dates(fourthTuesday, d("2028-02-01"), d("2028-02-29"))).containsExactly(d("2028-02-22"));
        // February 2027 has 28 days: the last Sunday is the 28th
        Schedule lastSunday = Schedule.monthly(-1, DayOfWeek.SUNDAY, d("2027-02-01"), d("2027-02-28"), T, 60);
        assertThat(ScheduleExpander.dates(lastSunday, d("2027-02-01"), d("2027-02-28"))).containsExactly(d("2027-02-28"));
        assertThat(ScheduleExpander.occursOn(lastTuesday, d("2028-02-29"))).isTrue();
        assertThat(ScheduleExpander.occursOn(lastTuesday, d("2028-02-22"))).isFalse();
    }

    @Test
    void monthlyDatesOutsideTheWindowOrSeasonAreExcluded() {
        Schedule s = Schedule.monthly(1, TUESDAY, d("2027-01-06"), d("2027-03-01"), T, 60);
        // 5.1. is before the season start, 2.3. after its end
        assertThat(ScheduleExpander.dates(s, d("2026-12-01"), d("2027-04-30"))).containsExactly(d("2027-02-02"));
        assertThat(ScheduleExpander.dates(s, d("2027-02-03"), d("2027-02-28"))).isEmpty();
    }

    @Test
    void listedDatesAndOneOff() {
        Schedule dates = Schedule.dates(List.of(d("2027-04-16"), d("2027-02-12"), d("2027-03-19")), T, 60);
        assertThat(ScheduleExpander.dates(dates, d("2027-01-01"), d("2027-12-31")))
                .containsExactly(d("2027-02-12"), d("2027-03-19"), d("2027-04-16"));
        assertThat(ScheduleExpander.dates(dates, d("2027-02-13"), d("2027-04-16")))
                .containsExactly(d("2027-03-19"), d("2027-04-16"));
        assertThat(ScheduleExpander.dates(dates, d("2027-02-13"), d("2027-03-18"))).isEmpty();
        Schedule once = Schedule.once(d("2027-05-12"), LocalTime.of(18, 0), 90);
        assertThat(ScheduleExpander.dates(once, d("2027-05-12"), d("2027-05-12"))).containsExactly(d("2027-05-12"));
        assertThat(ScheduleExpander.dates(once, d("2027-05-13"), d("2027-05-20"))).isEmpty();
    }

    @Test
    void firstDateOnOrAfter() {
        Schedule s = Schedule.weekly(WeekParity.EVEN, d("2026-12-23"), d("2027-05-28"), T, 60, TUESDAY);
        // after the season start, the even Tuesdays: 22.12. (w52) is before it, 29.12. is w53, 5.1. w1
        assertThat(ScheduleExpander.firstOnOrAfter(s, d("2026-12-01"))).contains(d("2027-01-12"));
        Schedule none = Schedule.weekly(d("2027-01-05"), d("2027-01-06"), T, 60, FRIDAY);
        assertThat(ScheduleExpander.firstOnOrAfter(none, d("2027-01-01"))).isEmpty();
    }

    static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }
}
