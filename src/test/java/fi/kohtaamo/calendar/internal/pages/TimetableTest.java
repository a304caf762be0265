package fi.kohtaamo.calendar.internal.pages;

import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static org.assertj.core.api.Assertions.assertThat;

import fi.kohtaamo.calendar.ActivityKind;
import fi.kohtaamo.calendar.internal.ActivityQueries.Activity;
import fi.kohtaamo.calendar.internal.CalendarService.Series;
import fi.kohtaamo.calendar.internal.rules.Schedule;
import fi.kohtaamo.registry.PlaceInfo;
import fi.kohtaamo.registry.PlaceKind;
import fi.kohtaamo.shared.Lang;
import fi.kohtaamo.shared.LocalizedText;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

@org.junit.jupiter.api.Tag("nodb")
/** The place's programme as a timetable: seasons stated once, autumn and spring copies of an activity merged. */
class TimetableTest {

    static final LocalDate AUTUMN_FROM = LocalDate.of(2026, 8, 17), AUTUMN_TO = LocalDate.of(2026, 12, 18);
    static final LocalDate SPRING_FROM = LocalDate.of(2027, 1, 11), SPRING_TO = LocalDate.of(2027, 5, 28);
    static final PlaceInfo PLACE = new PlaceInfo(1, PlaceKind.FAMILY_CAFE, new LocalizedText("Paikka", null, null),
            "444", new LocalizedText("Lohja", "Lojo", null), 1, LocalizedText.EMPTY, 1, null, null, null, null, null,
            Set.of(), Set.of());

    static long ids = 1;

    static Series weekly(String name, LocalDate from, LocalDate to, int hour, DayOfWeek... days) {
        return series(name, Schedule.weekly(from, to, LocalTime.of(hour, 0), 180, days), true);
    }

    static Series series(String name, Schedule s, boolean free) {
        return new Series(new Activity(ids++, 1, ActivityKind.FAMILY_CAFE, new LocalizedText(name, null, null),
                LocalizedText.EMPTY, null, 72, free, LocalizedText.EMPTY, false, LocalizedText.EMPTY, s, true, false,
                null, true, false, 1, Instant.EPOCH, List.of(), List.of("fi")), PLACE);
    }

    @Test
    void autumnAndSpringCopiesOfAnActivityAreOneRowWithBothPeriods() {
        var autumn = weekly("Perhekahvila", AUTUMN_FROM, AUTUMN_TO, 9, TUESDAY, THURSDAY);
        var spring = weekly("Perhekahvila", SPRING_FROM, SPRING_TO, 9, TUESDAY, THURSDAY);
        var view = Timetable.of(List.of(spring, autumn), Lang.FI, 2026);
        assertThat(view.blocks()).hasSize(1);
        var block = view.blocks().get(0);
        assertThat(block.periods()).containsExactly(new Timetable.Period(AUTUMN_FROM, AUTUMN_TO),
                new Timetable.Period(SPRING_FROM, SPRING_TO));
        assertThat(block.periods()).extracting(Timetable.Period::name).containsExactly("AUTUMN", "SPRING");
        assertThat(block.periods().get(0).dates(2026)).isEqualTo("17.8.–18.12.");
        assertThat(block.periods().get(1).dates(2027)).isEqualTo("11.1.–28.5.");
        assertThat(block.days()).extracting(Timetable.Day::weekday).containsExactly(TUESDAY, THURSDAY);
        assertThat(block.days().get(0).slots()).singleElement().satisfies(slot -> {
            assertThat(slot.time()).isEqualTo("9.00–12.00");
            assertThat(slot.activity().activityId()).isEqualTo(autumn.activity().id());
        });
    }

    @Test
    void differentTimesOrNamesOrNonConsecutiveSeasonsStayApart() {
        var autumn = weekly("Perhekahvila", AUTUMN_FROM, AUTUMN_TO, 9, TUESDAY);
        var springLater = weekly("Perhekahvila", SPRING_FROM, SPRING_TO, 10, TUESDAY);
        var springOther = weekly("Vauvakahvila", SPRING_FROM, SPRING_TO, 9, TUESDAY);
        var view = Timetable.of(List.of(autumn, springLater, springOther), Lang.FI, 2026);
        assertThat(view.blocks()).extracting(b -> b.periods().size()).containsExactly(1, 1);
        var spring = view.blocks().get(1);
        assertThat(spring.days().get(0).slots()).extracting(s -> s.activity().name().fi())
                .containsExactly("Vauvakahvila", "Perhekahvila");
        // a season a year later is not "the next season"
        var nextAutumn = weekly("Perhekahvila", AUTUMN_FROM.plusYears(1), AUTUMN_TO.plusYears(1), 9, TUESDAY);
        assertThat(Timetable.of(List.of(autumn, nextAutumn), Lang.FI, 2026).blocks()).hasSize(2);
        // a summer season between autumn and spring: they are not consecutive
        var summer = weekly("Puistokerho", LocalDate.of(2026, 12, 21), LocalDate.of(2027, 1, 8), 12, TUESDAY);
        var spring9 = weekly("Perhekahvila", SPRING_FROM, SPRING_TO, 9, TUESDAY);
        assertThat(Timetable.of(List.of(autumn, summer, spring9), Lang.FI, 2026).blocks()).hasSize(3);
        // a different price is a different row
        var paid = series("Perhekahvila", Schedule.weekly(SPRING_FROM, SPRING_TO, LocalTime.of(9, 0), 180, TUESDAY),
                false);
        assertThat(Timetable.of(List.of(autumn, paid), Lang.FI, 2026).blocks()).hasSize(2);
    }

    @Test
    void rowsAreInTimeOrderAndRulesThatAreNotWeeklyGoApartOrCarryANote() {
        var late = weekly("Iltakerho", AUTUMN_FROM, AUTUMN_TO, 17, TUESDAY);
        var early = weekly("Aamukerho", AUTUMN_FROM, AUTUMN_TO, 9, TUESDAY);
        var even = series("Vauvapiiri", Schedule.weekly(Schedule.WeekParity.EVEN, AUTUMN_FROM, AUTUMN_TO,
                LocalTime.of(13, 0), 60, TUESDAY), true);
        var monthly = series("Isäkerho", Schedule.monthly(-1, THURSDAY, AUTUMN_FROM, AUTUMN_TO, LocalTime.of(18, 0),
                90), true);
        var once = series("Joulujuhla", Schedule.once(LocalDate.of(2026, 12, 10), LocalTime.of(17, 0), 120), true);
        var view = Timetable.of(List.of(late, even, early, monthly, once), Lang.FI, 2026);
        var tuesday = view.blocks().get(0).days().get(0);
        assertThat(tuesday.slots()).extracting(s -> s.activity().name().fi())
                .containsExactly("Aamukerho", "Vauvapiiri", "Iltakerho");
        assertThat(tuesday.slots()).extracting(Timetable.Slot::noteKey).containsExactly(null, "timetable.week.EVEN", null);
        assertThat(view.blocks().get(0).days().get(1).slots()).singleElement()
                .extracting(Timetable.Slot::noteKey).isEqualTo("timetable.month.last");
        assertThat(view.others()).extracting(s -> s.name().fi()).containsExactly("Joulujuhla");
    }
}
