package fi.kohtaamo.calendar;

import static fi.kohtaamo.calendar.ScheduleExpanderTest.d;
import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.SUNDAY;
import static java.time.DayOfWeek.THURSDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import fi.kohtaamo.calendar.internal.rules.CancelReason;
import fi.kohtaamo.calendar.internal.rules.Change;
import fi.kohtaamo.calendar.internal.rules.DateRange;
import fi.kohtaamo.calendar.internal.rules.Occurrence;
import fi.kohtaamo.calendar.internal.rules.Occurrence.Status;
import fi.kohtaamo.calendar.internal.rules.OccurrencePlanner;
import fi.kohtaamo.calendar.internal.rules.Pause;
import fi.kohtaamo.calendar.internal.rules.Plan;
import fi.kohtaamo.calendar.internal.rules.Schedule;
import fi.kohtaamo.shared.Lang;
import fi.kohtaamo.shared.LocalizedText;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Occurrences with holidays, pauses, changes and daylight saving time. */
@Tag("nodb")
class OccurrencePlannerTest {

    static final ZoneOffset EET = ZoneOffset.ofHours(2);
    static final ZoneOffset EEST = ZoneOffset.ofHours(3);
    static final LocalizedText FLU = LocalizedText.of("Ohjaaja sairaana", "Ledaren är sjuk", "The leader is ill");
    static final LocalizedText TRIP = LocalizedText.of("Retki", "Utflykt", "Excursion");
    static final LocalizedText RENOVATION = LocalizedText.of("Remontti", "Renovering", "Renovation");

    /** Thursdays 9.30-11.30 in spring 2027; 6.5.2027 is Ascension Day. */
    static final Schedule THURSDAYS = Schedule.weekly(d("2027-01-07"), d("2027-05-27"), LocalTime.of(9, 30), 120, THURSDAY);

    @Test
    void sundayTenOClockStaysTenOverBothDstChanges() {
        Schedule sundays = Schedule.weekly(d("2027-03-01"), d("2027-11-30"), LocalTime.of(10, 0), 90, SUNDAY);
        Plan park = Plan.of(sundays).withPublicHolidays(false);
        List<Occurrence> spring = OccurrencePlanner.plan(park, d("2027-03-21"), d("2027-04-04"));
        List<Occurrence> autumn = OccurrencePlanner.plan(park, d("2027-10-24"), d("2027-11-07"));
        assertThat(spring).extracting(o -> o.start().toOffsetDateTime().toString())
                .containsExactly("2027-03-21T10:00+02:00", "2027-03-28T10:00+03:00", "2027-04-04T10:00+03:00");
        assertThat(autumn).extracting(o -> o.start().toOffsetDateTime().toString())
                .containsExactly("2027-10-24T10:00+03:00", "2027-10-31T10:00+02:00", "2027-11-07T10:00+02:00");
        assertThat(spring).extracting(o -> o.start().getOffset()).containsExactly(EET, EEST, EEST);
        assertThat(autumn).extracting(o -> o.start().getOffset()).containsExactly(EEST, EET, EET);
        assertThat(spring).extracting(o -> o.start().toInstant().toString())
                .containsExactly("2027-03-21T08:00:00Z", "2027-03-28T07:00:00Z", "2027-04-04T07:00:00Z");
        for (Occurrence o : List.of(spring.get(1), autumn.get(1))) {
            assertThat(o.end().toLocalTime()).isEqualTo(LocalTime.of(11, 30));
            assertThat(o.status()).isEqualTo(Status.SCHEDULED);
        }
        // with holidays on, Easter Sunday 28.3.2027 is cancelled but keeps its time
        Occurrence easter = OccurrencePlanner.plan(Plan.of(sundays), d("2027-03-28"), d("2027-03-28")).get(0);
        assertThat(easter.status()).isEqualTo(Status.CANCELLED);
        assertThat(easter.reason().type()).isEqualTo(CancelReason.Type.HOLIDAY);
        assertThat(easter.reason().text().get(Lang.FI)).isEqualTo("Pääsiäispäivä");
        assertThat(easter.start().toOffsetDateTime().toString()).isEqualTo("2027-03-28T10:00+03:00");
    }

    @Test
    void anEveningEventRunsPastMidnight() {
        Occurrence o = single(Plan.of(Schedule.once(d("2027-05-15"), LocalTime.of(23, 30), 60)));
        assertThat(o.date()).isEqualTo(d("2027-05-15"));
        assertThat(o.start().toOffsetDateTime().toString()).isEqualTo("2027-05-15T23:30+03:00");
        assertThat(o.end().toOffsetDateTime().toString()).isEqualTo("2027-05-16T00:30+03:00");
    }

    @Test
    void durationIsElapsedTimeOverTheDstNightAndGapTimesMoveLater() {
        // 23.30 on Saturday 27.3.2027 + 4 h: clocks skip 3.00 -> 4.00, so it ends at 4.30 local
        Occurrence night = single(Plan.of(Schedule.once(d("2027-03-27"), LocalTime.of(23, 30), 240)));
        assertThat(night.end().toOffsetDateTime().toString()).isEqualTo("2027-03-28T04:30+03:00");
        // 3.30 does not exist on 28.3.2027 in Helsinki
        Occurrence gap = single(Plan.of(Schedule.once(d("2027-03-28"), LocalTime.of(3, 30), 30)).withPublicHolidays(false));
        assertThat(gap.start().toOffsetDateTime().toString()).isEqualTo("2027-03-28T04:30+03:00");
        // 3.30 exists twice on 31.10.2027: the first (summer time) is used
        Occurrence overlap = single(Plan.of(Schedule.once(d("2027-10-31"), LocalTime.of(3, 30), 30)));
        assertThat(overlap.start().toOffsetDateTime().toString()).isEqualTo("2027-10-31T03:30+03:00");
        assertThat(overlap.end().toOffsetDateTime().toString()).isEqualTo("2027-10-31T03:00+02:00");
    }

    @Test
    void publicHolidaysCancelByDefaultButNotForAPlaceThatStaysOpen() {
        Occurrence ascension = on(Plan.of(THURSDAYS), d("2027-05-06"));
        assertThat(ascension.status()).isEqualTo(Status.CANCELLED);
        assertThat(ascension.reason().type()).isEqualTo(CancelReason.Type.HOLIDAY);
        assertThat(ascension.reason().text().get(Lang.SV)).isEqualTo("Kristi himmelsfärdsdag");
        assertThat(on(Plan.of(THURSDAYS).withPublicHolidays(false), d("2027-05-06")).status())
                .isEqualTo(Status.SCHEDULED);
        // Midsummer Eve (Friday 25.6.2027) is a de facto day off and cancels too
        Schedule fridays = Schedule.weekly(d("2027-06-01"), d("2027-08-31"), LocalTime.of(10, 0), 60, FRIDAY);
        Occurrence eve = on(Plan.of(fridays), d("2027-06-25"));
        assertThat(eve.reason().text().get(Lang.EN)).isEqualTo("Midsummer Eve");
        List<Occurrence> all = OccurrencePlanner.plan(Plan.of(THURSDAYS), d("2027-01-01"), d("2027-12-31"));
        assertThat(all).hasSize(21).filteredOn(Occurrence::cancelled).extracting(Occurrence::date)
                .containsExactly(d("2027-05-06"));
    }

    @Test
    void schoolHolidaysOnlyWhenTheActivityFollowsThem() {
        // winter break, week 8 of 2027
        List<DateRange> breaks = List.of(DateRange.of(d("2027-02-22"), d("2027-02-28")));
        Occurrence followed = on(Plan.of(THURSDAYS).withSchoolHolidays(breaks), d("2027-02-25"));
        assertThat(followed.status()).isEqualTo(Status.CANCELLED);
        assertThat(followed.reason().type()).isEqualTo(CancelReason.Type.SCHOOL_HOLIDAY);
        assertThat(followed.reason().text().get(Lang.FI)).isEqualTo("Koulujen loma");
        Plan notFollowing = new Plan(THURSDAYS, true, false, breaks, List.of(), Map.of());
        assertThat(on(notFollowing, d("2027-02-25")).status()).isEqualTo(Status.SCHEDULED);
        assertThat(on(Plan.of(THURSDAYS).withSchoolHolidays(breaks), d("2027-03-04")).status())
                .isEqualTo(Status.SCHEDULED);
    }

    @Test
    void aPauseCancelsEveryOccurrenceInItWithItsReason() {
        Plan paused = Plan.of(THURSDAYS).withPauses(List.of(new Pause(DateRange.of(d("2027-03-01"), d("2027-03-11")), RENOVATION)));
        List<Occurrence> march = OccurrencePlanner.plan(paused, d("2027-03-01"), d("2027-03-31"));
        assertThat(march).extracting(Occurrence::date, Occurrence::status).containsExactly(
                tuple(d("2027-03-04"), Status.CANCELLED),
                tuple(d("2027-03-11"), Status.CANCELLED),
                tuple(d("2027-03-18"), Status.SCHEDULED),
                tuple(d("2027-03-25"), Status.SCHEDULED));
        assertThat(march.get(0).reason()).isEqualTo(new CancelReason(CancelReason.Type.PAUSE, RENOVATION));
    }

    @Test
    void precedenceChangeThenPauseThenHolidayThenSchoolHoliday() {
        LocalDate ascension = d("2027-05-06");
        List<DateRange> school = List.of(DateRange.of(d("2027-05-03"), d("2027-05-09")));
        List<Pause> pause = List.of(new Pause(DateRange.of(d("2027-05-01"), d("2027-05-10")), RENOVATION));
        Map<LocalDate, Change> cancel = Map.of(ascension, Change.cancelled(FLU));

        Plan everything = Plan.of(THURSDAYS).withSchoolHolidays(school).withPauses(pause).withChanges(cancel);
        assertThat(on(everything, ascension).reason()).isEqualTo(new CancelReason(CancelReason.Type.CANCELLED, FLU));
        assertThat(on(everything.withChanges(Map.of()), ascension).reason().type()).isEqualTo(CancelReason.Type.PAUSE);
        assertThat(on(everything.withChanges(Map.of()).withPauses(List.of()), ascension).reason().type())
                .isEqualTo(CancelReason.Type.HOLIDAY);
        assertThat(on(everything.withChanges(Map.of()).withPauses(List.of()).withPublicHolidays(false), ascension)
                .reason().type()).isEqualTo(CancelReason.Type.SCHOOL_HOLIDAY);
        Occurrence plain = on(new Plan(THURSDAYS, false, false, school, List.of(), Map.of()), ascension);
        assertThat(plain.status()).isEqualTo(Status.SCHEDULED);
        assertThat(plain.reason()).isNull();
        // a deliberate move wins over the holiday and the pause, even onto another holiday
        Plan moved = everything.withChanges(Map.of(ascension, Change.moved(d("2027-05-01"), null, null, TRIP)));
        Occurrence m = OccurrencePlanner.plan(moved, d("2027-05-01"), d("2027-05-09")).get(0);
        assertThat(m.status()).isEqualTo(Status.MOVED);
        assertThat(m.date()).isEqualTo(d("2027-05-01"));
        assertThat(m.originalDate()).isEqualTo(ascension);
    }

    @Test
    void aCancelledOccurrenceIsShownWithTheStaffReason() {
        Plan plan = Plan.of(THURSDAYS).withChanges(Map.of(d("2027-02-04"), Change.cancelled(FLU)));
        List<Occurrence> feb = OccurrencePlanner.plan(plan, d("2027-02-01"), d("2027-02-14"));
        assertThat(feb).hasSize(2);
        assertThat(feb.get(0).status()).isEqualTo(Status.CANCELLED);
        assertThat(feb.get(0).reason().text().get(Lang.EN)).isEqualTo("The leader is ill");
        assertThat(feb.get(0).start().toLocalTime()).isEqualTo(LocalTime.of(9, 30));
        assertThat(feb.get(1).status()).isEqualTo(Status.SCHEDULED);
    }

    @Test
    void aMovedOccurrenceAppearsAtItsNewDateAndTimeWhenThatIsInTheWindow() {
        // Thursday 11.2. moved to Tuesday 16.2. at 13.00 for 90 minutes; 18.2. only to 12.00
        Plan plan = Plan.of(THURSDAYS).withChanges(Map.of(
                d("2027-02-11"), Change.moved(d("2027-02-16"), LocalTime.of(13, 0), 90, TRIP),
                d("2027-02-18"), Change.moved(null, LocalTime.of(12, 0), null, TRIP)));
        List<Occurrence> twoWeeks = OccurrencePlanner.plan(plan, d("2027-02-08"), d("2027-02-21"));
        assertThat(twoWeeks).extracting(o -> o.start().toLocalDateTime().toString(), o -> o.end().toLocalTime().toString())
                .containsExactly(tuple("2027-02-16T13:00", "14:30"),
                        tuple("2027-02-18T12:00", "14:00"));
        assertThat(twoWeeks).allMatch(o -> o.status() == Status.MOVED && o.reason().type() == CancelReason.Type.MOVED);
        assertThat(twoWeeks.get(0).originalDate()).isEqualTo(d("2027-02-11"));
        // the week of the original date only: it moved out of the window
        assertThat(OccurrencePlanner.plan(plan, d("2027-02-08"), d("2027-02-14"))).isEmpty();
        // the week of the new date only: it moved into the window
        assertThat(OccurrencePlanner.plan(plan, d("2027-02-15"), d("2027-02-16")))
                .extracting(Occurrence::originalDate).containsExactly(d("2027-02-11"));
        // and backwards: Thursday 4.3. moved to Monday 22.2. is listed between the Thursdays around it
        Plan earlier = Plan.of(THURSDAYS).withChanges(Map.of(d("2027-03-04"), Change.moved(d("2027-02-22"), null, null, TRIP)));
        assertThat(OccurrencePlanner.plan(earlier, d("2027-02-18"), d("2027-02-28"))).extracting(Occurrence::date)
                .containsExactly(d("2027-02-18"), d("2027-02-22"), d("2027-02-25"));
    }

    @Test
    void changesOfDatesThatAreNotRuleDatesAreIgnored() {
        // 10.2.2027 is a Wednesday: no occurrence to move (the schedule was edited since)
        Plan plan = Plan.of(THURSDAYS).withChanges(Map.of(
                d("2027-02-10"), Change.moved(d("2027-02-12"), null, null, TRIP),
                d("2027-02-09"), Change.cancelled(FLU)));
        assertThat(OccurrencePlanner.plan(plan, d("2027-02-08"), d("2027-02-14")))
                .extracting(Occurrence::date, Occurrence::status)
                .containsExactly(tuple(d("2027-02-11"), Status.SCHEDULED));
    }

    @Test
    void nothingOutsideTheSeason() {
        assertThat(OccurrencePlanner.plan(Plan.of(THURSDAYS), d("2027-05-28"), d("2027-08-31"))).isEmpty();
        ZonedDateTime last = OccurrencePlanner.plan(Plan.of(THURSDAYS), d("2027-05-20"), d("2027-08-31")).get(1).start();
        assertThat(last.toLocalDate()).isEqualTo(d("2027-05-27"));
    }

    private static Occurrence single(Plan plan) {
        LocalDate date = plan.schedule().seasonStart();
        List<Occurrence> list = OccurrencePlanner.plan(plan, date, date);
        assertThat(list).hasSize(1);
        return list.get(0);
    }

    private static Occurrence on(Plan plan, LocalDate date) {
        List<Occurrence> list = OccurrencePlanner.plan(plan, date, date);
        assertThat(list).hasSize(1);
        return list.get(0);
    }
}
