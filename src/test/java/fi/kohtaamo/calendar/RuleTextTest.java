package fi.kohtaamo.calendar;

import static fi.kohtaamo.calendar.ScheduleExpanderTest.d;
import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.assertj.core.api.Assertions.assertThat;

import fi.kohtaamo.calendar.internal.rules.RuleText;
import fi.kohtaamo.calendar.internal.rules.Schedule;
import fi.kohtaamo.calendar.internal.rules.Schedule.WeekParity;
import fi.kohtaamo.shared.Lang;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Rules in words in Finnish, Swedish and English, as on a notice board. */
@Tag("nodb")
class RuleTextTest {

    static final LocalTime T = LocalTime.of(9, 30);
    static final Schedule TUESDAYS = Schedule.weekly(d("2027-01-07"), d("2027-05-28"), T, 120, TUESDAY);

    @Test
    void weekly() {
        assertTexts(TUESDAYS, 2027,
                "tiistaisin klo 9.30–11.30, 7.1.–28.5.",
                "tisdagar kl. 9.30–11.30, 7.1–28.5",
                "every Tuesday 9.30–11.30, 7 Jan – 28 May");
        assertTexts(Schedule.weekly(d("2027-01-07"), d("2027-05-28"), T, 120, WEDNESDAY, MONDAY), 2027,
                "maanantaisin ja keskiviikkoisin klo 9.30–11.30, 7.1.–28.5.",
                "måndagar och onsdagar kl. 9.30–11.30, 7.1–28.5",
                "every Monday and Wednesday 9.30–11.30, 7 Jan – 28 May");
        assertTexts(Schedule.weekly(d("2027-01-07"), d("2027-05-28"), T, 120, MONDAY, WEDNESDAY, FRIDAY), 2027,
                "maanantaisin, keskiviikkoisin ja perjantaisin klo 9.30–11.30, 7.1.–28.5.",
                "måndagar, onsdagar och fredagar kl. 9.30–11.30, 7.1–28.5",
                "every Monday, Wednesday and Friday 9.30–11.30, 7 Jan – 28 May");
    }

    @Test
    void evenAndOddWeeks() {
        assertTexts(Schedule.weekly(WeekParity.EVEN, d("2027-01-07"), d("2027-05-28"), T, 120, TUESDAY), 2027,
                "parillisten viikkojen tiistaisin klo 9.30–11.30, 7.1.–28.5.",
                "tisdagar jämna veckor kl. 9.30–11.30, 7.1–28.5",
                "every Tuesday of even weeks 9.30–11.30, 7 Jan – 28 May");
        assertTexts(Schedule.weekly(WeekParity.ODD, d("2027-01-07"), d("2027-05-28"), T, 120, MONDAY, WEDNESDAY), 2027,
                "parittomien viikkojen maanantaisin ja keskiviikkoisin klo 9.30–11.30, 7.1.–28.5.",
                "måndagar och onsdagar udda veckor kl. 9.30–11.30, 7.1–28.5",
                "every Monday and Wednesday of odd weeks 9.30–11.30, 7 Jan – 28 May");
    }

    @Test
    void monthly() {
        assertTexts(Schedule.monthly(1, TUESDAY, d("2027-01-07"), d("2027-05-28"), LocalTime.of(18, 0), 90), 2027,
                "kuukauden ensimmäisenä tiistaina klo 18.00–19.30, 7.1.–28.5.",
                "första tisdagen i månaden kl. 18.00–19.30, 7.1–28.5",
                "first Tuesday of the month 18.00–19.30, 7 Jan – 28 May");
        assertTexts(Schedule.monthly(-1, TUESDAY, d("2027-01-07"), d("2027-05-28"), LocalTime.of(18, 0), 90), 2027,
                "kuukauden viimeisenä tiistaina klo 18.00–19.30, 7.1.–28.5.",
                "sista tisdagen i månaden kl. 18.00–19.30, 7.1–28.5",
                "last Tuesday of the month 18.00–19.30, 7 Jan – 28 May");
        assertTexts(Schedule.monthly(3, FRIDAY, d("2027-01-07"), d("2027-05-28"), LocalTime.of(18, 0), 90), 2027,
                "kuukauden kolmantena perjantaina klo 18.00–19.30, 7.1.–28.5.",
                "tredje fredagen i månaden kl. 18.00–19.30, 7.1–28.5",
                "third Friday of the month 18.00–19.30, 7 Jan – 28 May");
    }

    @Test
    void listedDates() {
        Schedule dates = Schedule.dates(List.of(d("2027-03-19"), d("2027-02-12"), d("2027-04-16")), LocalTime.of(10, 0), 90);
        assertTexts(dates, 2027,
                "12.2., 19.3. ja 16.4. klo 10.00–11.30",
                "12.2, 19.3 och 16.4 kl. 10.00–11.30",
                "12 Feb, 19 Mar and 16 Apr, 10.00–11.30");
        assertTexts(dates, 2026,
                "12.2., 19.3. ja 16.4.2027 klo 10.00–11.30",
                "12.2, 19.3 och 16.4.2027 kl. 10.00–11.30",
                "12 Feb, 19 Mar and 16 Apr 2027, 10.00–11.30");
        assertTexts(Schedule.dates(List.of(d("2026-12-12"), d("2027-01-16")), LocalTime.of(10, 0), 90), 2026,
                "12.12.2026 ja 16.1.2027 klo 10.00–11.30",
                "12.12.2026 och 16.1.2027 kl. 10.00–11.30",
                "12 Dec 2026 and 16 Jan 2027, 10.00–11.30");
        assertTexts(Schedule.dates(List.of(d("2027-02-12")), LocalTime.of(10, 0), 90), 2027,
                "12.2. klo 10.00–11.30", "12.2 kl. 10.00–11.30", "12 Feb, 10.00–11.30");
    }

    @Test
    void oneOff() {
        // 11.5.2027 is a Tuesday
        Schedule once = Schedule.once(d("2027-05-11"), LocalTime.of(18, 0), 90);
        assertTexts(once, 2026,
                "ti 11.5.2027 klo 18.00–19.30",
                "tis 11.5.2027 kl. 18.00–19.30",
                "Tue 11 May 2027 18.00–19.30");
        assertTexts(once, 2027,
                "ti 11.5. klo 18.00–19.30",
                "tis 11.5 kl. 18.00–19.30",
                "Tue 11 May 18.00–19.30");
        assertTexts(Schedule.once(d("2027-05-15"), LocalTime.of(23, 30), 60), 2027,
                "la 15.5. klo 23.30–0.30", "lör 15.5 kl. 23.30–0.30", "Sat 15 May 23.30–0.30");
    }

    @Test
    void yearsWhenTheSeasonIsNotThisYearsOrCrossesIntoTheNext() {
        assertTexts(TUESDAYS, 2026,
                "tiistaisin klo 9.30–11.30, 7.1.–28.5.2027",
                "tisdagar kl. 9.30–11.30, 7.1–28.5.2027",
                "every Tuesday 9.30–11.30, 7 Jan – 28 May 2027");
        Schedule autumnToSpring = Schedule.weekly(d("2026-08-10"), d("2027-05-28"), LocalTime.of(8, 5), 55, TUESDAY);
        for (int current : new int[] {2026, 2027}) {
            assertTexts(autumnToSpring, current,
                    "tiistaisin klo 8.05–9.00, 10.8.2026–28.5.2027",
                    "tisdagar kl. 8.05–9.00, 10.8.2026–28.5.2027",
                    "every Tuesday 8.05–9.00, 10 Aug 2026 – 28 May 2027");
        }
        // without a year given, the clock's year is used; a season across years reads the same any year
        assertThat(RuleText.describe(autumnToSpring, Lang.FI)).isEqualTo("tiistaisin klo 8.05–9.00, 10.8.2026–28.5.2027");
    }

    private static void assertTexts(Schedule s, int currentYear, String fi, String sv, String en) {
        assertThat(RuleText.describe(s, Lang.FI, currentYear)).isEqualTo(fi);
        assertThat(RuleText.describe(s, Lang.SV, currentYear)).isEqualTo(sv);
        assertThat(RuleText.describe(s, Lang.EN, currentYear)).isEqualTo(en);
    }
}
