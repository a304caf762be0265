package fi.kohtaamo.registry.internal;

import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static org.assertj.core.api.Assertions.assertThat;

import fi.kohtaamo.registry.OpeningHours;
import fi.kohtaamo.registry.PlaceSessions.Session;
import fi.kohtaamo.registry.internal.HoursCheck.Kind;
import fi.kohtaamo.shared.LocalizedText;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

@org.junit.jupiter.api.Tag("nodb")
/** Typed opening hours against the programme's sessions, and the hours the programme implies. */
class HoursCheckTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    static final LocalDate AUTUMN_END = LocalDate.of(2026, 12, 18);

    static LocalTime t(int h, int m) {
        return LocalTime.of(h, m);
    }

    static Model.Hours h(DayOfWeek d, int from, int to) {
        return new Model.Hours(d, t(from, 0), t(to, 0));
    }

    static Model.OpeningPeriod open(LocalDate from, LocalDate to, Model.Hours... hours) {
        return new Model.OpeningPeriod(1, from, to, false, LocalizedText.EMPTY, List.of(hours));
    }

    static Session s(DayOfWeek d, LocalTime start, LocalTime end) {
        return new Session(d, start, end, LocalDate.of(2026, 8, 17), AUTUMN_END, true);
    }

    @Test
    void sessionsInsideTheHoursAndEveryOpenDayUsedAgree() {
        var period = open(LocalDate.of(2026, 8, 1), LocalDate.of(2026, 12, 31), h(TUESDAY, 9, 12), h(THURSDAY, 9, 12));
        var sessions = List.of(s(TUESDAY, t(9, 30), t(11, 30)), s(THURSDAY, t(9, 0), t(12, 0)));
        assertThat(HoursCheck.compare(List.of(period), sessions, TODAY)).isEmpty();
    }

    @Test
    void aSessionOutsideTheHoursIsFound() {
        var period = open(LocalDate.of(2026, 8, 1), null, h(TUESDAY, 9, 12), h(THURSDAY, 9, 12));
        var sessions = List.of(s(TUESDAY, t(11, 30), t(13, 0)), s(THURSDAY, t(9, 0), t(12, 0)));
        var found = HoursCheck.compare(List.of(period), sessions, TODAY);
        assertThat(found).extracting(HoursCheck.Finding::kind, HoursCheck.Finding::weekday, HoursCheck.Finding::time)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Kind.OUTSIDE_HOURS, TUESDAY, "11.30–13"));
        assertThat(found.get(0).period()).isEqualTo("1.8.2026–");
    }

    @Test
    void aSessionOnADayWithoutHoursIsOutsideThem() {
        var period = open(LocalDate.of(2026, 8, 1), null, h(TUESDAY, 9, 12));
        var found = HoursCheck.compare(List.of(period), List.of(s(TUESDAY, t(9, 0), t(12, 0)),
                s(MONDAY, t(9, 0), t(10, 0))), TODAY);
        assertThat(found).extracting(HoursCheck.Finding::kind, HoursCheck.Finding::weekday)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Kind.OUTSIDE_HOURS, MONDAY));
    }

    @Test
    void anOpenDayWithoutSessionsIsFoundOnlyWhenThePeriodHasAProgramme() {
        var period = open(LocalDate.of(2026, 8, 1), null, h(TUESDAY, 9, 12), h(THURSDAY, 9, 15));
        var found = HoursCheck.compare(List.of(period), List.of(s(TUESDAY, t(9, 0), t(12, 0))), TODAY);
        assertThat(found).extracting(HoursCheck.Finding::kind, HoursCheck.Finding::weekday, HoursCheck.Finding::time)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Kind.OPEN_WITHOUT_SESSION, THURSDAY, "9–15"));
        // no programme at all in the period (a library open without one): nothing to say
        assertThat(HoursCheck.compare(List.of(period), List.of(), TODAY)).isEmpty();
    }

    @Test
    void aSessionInAClosedPeriodIsFound() {
        var closed = new Model.OpeningPeriod(2, LocalDate.of(2026, 12, 14), LocalDate.of(2027, 1, 6), true,
                LocalizedText.EMPTY, List.of());
        var found = HoursCheck.compare(List.of(closed), List.of(s(TUESDAY, t(9, 0), t(12, 0))), TODAY);
        assertThat(found).extracting(HoursCheck.Finding::kind).containsExactly(Kind.WHILE_CLOSED);
    }

    @Test
    void pastPeriodsPeriodsWithoutHoursAndSessionsOfOtherDatesAreNotCompared() {
        var past = open(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 5, 31), h(MONDAY, 9, 10));
        var untyped = open(LocalDate.of(2026, 8, 1), null);
        var spring = open(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 5, 31), h(MONDAY, 9, 10));
        var autumnSession = s(TUESDAY, t(9, 0), t(12, 0));
        assertThat(HoursCheck.compare(List.of(past, untyped), List.of(autumnSession), TODAY)).isEmpty();
        // the autumn session ends before spring's hours start: only the open Monday without a session is not told
        assertThat(HoursCheck.compare(List.of(spring), List.of(autumnSession), TODAY)).isEmpty();
        // a session whose few days in the period hold no such weekday does not count
        var oneDay = new Session(TUESDAY, t(9, 0), t(12, 0), LocalDate.of(2027, 1, 1), LocalDate.of(2027, 1, 3), true);
        assertThat(HoursCheck.compare(List.of(spring), List.of(oneDay), TODAY)).isEmpty();
    }

    @Test
    void derivedHoursJoinOverlappingAndTouchingSessionsPerWeekday() {
        var sessions = List.of(s(THURSDAY, t(9, 0), t(12, 0)), s(TUESDAY, t(10, 0), t(12, 0)),
                s(TUESDAY, t(9, 0), t(11, 0)), s(TUESDAY, t(12, 0), t(13, 30)), s(TUESDAY, t(17, 0), t(19, 0)));
        assertThat(HoursCheck.derive(sessions)).containsExactly(
                new OpeningHours(TUESDAY, t(9, 0), t(13, 30)), new OpeningHours(TUESDAY, t(17, 0), t(19, 0)),
                new OpeningHours(THURSDAY, t(9, 0), t(12, 0)));
        assertThat(HoursCheck.derive(List.of())).isEmpty();
        assertThat(HoursCheck.time(t(9, 5))).isEqualTo("9.05");
    }
}
