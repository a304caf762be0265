package fi.kohtaamo.calendar;

import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static org.assertj.core.api.Assertions.assertThat;

import fi.kohtaamo.calendar.internal.rules.Schedule;
import fi.kohtaamo.calendar.internal.rules.Schedule.Kind;
import fi.kohtaamo.calendar.internal.rules.Schedule.WeekParity;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** What {@link Schedule#validate(Schedule)} says about good and bad schedules. */
@Tag("nodb")
class ScheduleTest {

    static final LocalDate JAN_7 = LocalDate.of(2027, 1, 7);
    static final LocalDate MAY_28 = LocalDate.of(2027, 5, 28);
    static final LocalTime NINE_THIRTY = LocalTime.of(9, 30);

    @Test
    void goodSchedulesOfEveryKindHaveNoProblems() {
        assertThat(Schedule.validate(Schedule.weekly(JAN_7, MAY_28, NINE_THIRTY, 120, TUESDAY, THURSDAY))).isEmpty();
        assertThat(Schedule.validate(Schedule.weekly(WeekParity.EVEN, JAN_7, MAY_28, NINE_THIRTY, 120, TUESDAY)))
                .isEmpty();
        assertThat(Schedule.validate(Schedule.monthly(-1, TUESDAY, JAN_7, MAY_28, NINE_THIRTY, 120))).isEmpty();
        assertThat(Schedule.validate(Schedule.monthly(4, TUESDAY, JAN_7, MAY_28, NINE_THIRTY, 120))).isEmpty();
        assertThat(Schedule.validate(Schedule.dates(List.of(MAY_28, JAN_7), NINE_THIRTY, 120))).isEmpty();
        assertThat(Schedule.validate(Schedule.once(JAN_7, LocalTime.of(23, 30), 1440))).isEmpty();
        // exactly two years is still a season
        assertThat(Schedule.validate(Schedule.weekly(JAN_7, JAN_7.plusYears(2), NINE_THIRTY, 1, MONDAY))).isEmpty();
    }

    @Test
    void allProblemsOfAnEmptyFormAtOnce() {
        Schedule empty = new Schedule(null, null, null, 0, null, null, null, null, 0);
        assertThat(Schedule.validate(empty)).containsExactly("schedule.kindRequired", "schedule.seasonRequired",
                "schedule.startRequired", "schedule.durationRange");
    }

    @Test
    void weeklyProblems() {
        assertThat(Schedule.validate(Schedule.weekly(JAN_7, MAY_28, NINE_THIRTY, 120)))
                .containsExactly("schedule.weekdaysRequired");
        assertThat(Schedule.validate(Schedule.weekly(MAY_28, JAN_7, NINE_THIRTY, 120, TUESDAY)))
                .containsExactly("schedule.seasonEndBeforeStart");
        assertThat(Schedule.validate(Schedule.weekly(JAN_7, JAN_7.plusYears(2).plusDays(1), NINE_THIRTY, 120, TUESDAY)))
                .containsExactly("schedule.seasonTooLong");
        assertThat(Schedule.validate(Schedule.weekly(JAN_7, MAY_28, NINE_THIRTY, 0, TUESDAY)))
                .containsExactly("schedule.durationRange");
        assertThat(Schedule.validate(Schedule.weekly(JAN_7, MAY_28, NINE_THIRTY, 1441, TUESDAY)))
                .containsExactly("schedule.durationRange");
        assertThat(Schedule.validate(new Schedule(Kind.WEEKLY, Set.of(TUESDAY), WeekParity.ALL, 2, List.of(), JAN_7,
                MAY_28, NINE_THIRTY, 60))).containsExactly("schedule.notForKind");
    }

    @Test
    void monthlyProblems() {
        for (int nth : new int[] {0, 5, -2}) {
            assertThat(Schedule.validate(Schedule.monthly(nth, TUESDAY, JAN_7, MAY_28, NINE_THIRTY, 60)))
                    .as("nth %d", nth).containsExactly("schedule.nthRange");
        }
        assertThat(Schedule.validate(new Schedule(Kind.MONTHLY, Set.of(TUESDAY, THURSDAY), WeekParity.ALL, 1,
                List.of(), JAN_7, MAY_28, NINE_THIRTY, 60))).containsExactly("schedule.oneWeekdayOnly");
        assertThat(Schedule.validate(new Schedule(Kind.MONTHLY, Set.of(), WeekParity.ALL, 1, List.of(), JAN_7, MAY_28,
                NINE_THIRTY, 60))).containsExactly("schedule.weekdaysRequired");
        assertThat(Schedule.validate(new Schedule(Kind.MONTHLY, Set.of(TUESDAY), WeekParity.ODD, 1, List.of(), JAN_7,
                MAY_28, NINE_THIRTY, 60))).containsExactly("schedule.notForKind");
    }

    @Test
    void datesProblems() {
        assertThat(Schedule.validate(Schedule.dates(List.of(), NINE_THIRTY, 60)))
                .containsExactly("schedule.seasonRequired", "schedule.datesRequired");
        List<LocalDate> many = new ArrayList<>();
        for (int i = 0; i < 201; i++) {
            many.add(JAN_7.plusDays(i));
        }
        assertThat(Schedule.validate(Schedule.dates(many, NINE_THIRTY, 60))).containsExactly("schedule.tooManyDates");
        assertThat(Schedule.validate(Schedule.dates(many.subList(0, 200), NINE_THIRTY, 60))).isEmpty();
        assertThat(Schedule.validate(new Schedule(Kind.DATES, Set.of(), WeekParity.ALL, 0, List.of(JAN_7, MAY_28),
                JAN_7, MAY_28.minusDays(1), NINE_THIRTY, 60))).containsExactly("schedule.dateOutsideSeason");
        assertThat(Schedule.validate(new Schedule(Kind.DATES, Set.of(MONDAY), WeekParity.ALL, 0, List.of(JAN_7),
                JAN_7, JAN_7, NINE_THIRTY, 60))).containsExactly("schedule.notForKind");
    }

    @Test
    void onceIsOneDay() {
        assertThat(Schedule.validate(new Schedule(Kind.ONCE, Set.of(), WeekParity.ALL, 0, List.of(), JAN_7,
                JAN_7.plusDays(1), NINE_THIRTY, 60))).containsExactly("schedule.onceOneDay");
    }

    @Test
    void constructorNormalises() {
        Schedule s = new Schedule(Kind.DATES, null, null, 0, List.of(MAY_28, JAN_7, MAY_28), JAN_7, MAY_28,
                NINE_THIRTY, 60);
        assertThat(s.weekdays()).isEmpty();
        assertThat(s.parity()).isEqualTo(WeekParity.ALL);
        assertThat(s.dates()).containsExactly(JAN_7, MAY_28);
        Schedule w = Schedule.weekly(JAN_7, MAY_28, NINE_THIRTY, 60, DayOfWeek.FRIDAY, MONDAY, MONDAY);
        assertThat(w.weekdays()).containsExactly(MONDAY, DayOfWeek.FRIDAY);
        assertThat(w.withSeason(MAY_28, MAY_28.plusMonths(1)).seasonStart()).isEqualTo(MAY_28);
    }
}
