package fi.kohtaamo.calendar;

import static fi.kohtaamo.calendar.ScheduleExpanderTest.d;
import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static org.assertj.core.api.Assertions.assertThat;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.util.com.google.ical.compat.javautil.DateIterator;
import fi.kohtaamo.calendar.internal.rules.RecurrenceRules;
import fi.kohtaamo.calendar.internal.rules.Schedule;
import fi.kohtaamo.calendar.internal.rules.Schedule.Kind;
import fi.kohtaamo.calendar.internal.rules.Schedule.WeekParity;
import fi.kohtaamo.calendar.internal.rules.ScheduleExpander;
import fi.kohtaamo.shared.ClockConfig;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.TimeZone;
import java.util.TreeSet;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * RRULEs as strings, and every kind of schedule expanded by an independent iCalendar parser
 * (biweekly) from our RRULE/DTSTART/RDATE, which must give exactly the expander's dates.
 */
@Tag("nodb")
class RecurrenceRulesTest {

    static final LocalTime T = LocalTime.of(9, 30);
    /** The zone as a feed publishes it (EU rules: last Sundays of March and October). */
    static final String HELSINKI = """
            BEGIN:VTIMEZONE
            TZID:Europe/Helsinki
            BEGIN:DAYLIGHT
            TZOFFSETFROM:+0200
            TZOFFSETTO:+0300
            TZNAME:EEST
            DTSTART:19700329T030000
            RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU
            END:DAYLIGHT
            BEGIN:STANDARD
            TZOFFSETFROM:+0300
            TZOFFSETTO:+0200
            TZNAME:EET
            DTSTART:19701025T040000
            RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU
            END:STANDARD
            END:VTIMEZONE
            """.replace("\n", "\r\n");
    static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");

    @Test
    void weeklyRule() {
        Schedule s = Schedule.weekly(d("2027-01-07"), d("2027-05-28"), T, 120, THURSDAY, TUESDAY);
        assertThat(RecurrenceRules.rrule(s)).isEqualTo("FREQ=WEEKLY;BYDAY=TU,TH;UNTIL=20270528T205959Z");
        assertThat(RecurrenceRules.firstDate(s)).contains(d("2027-01-07"));
        // in winter time the end of the day is 21.59.59 UTC
        Schedule winter = Schedule.weekly(d("2026-11-02"), d("2027-01-31"), T, 120, FRIDAY);
        assertThat(RecurrenceRules.rrule(winter)).isEqualTo("FREQ=WEEKLY;BYDAY=FR;UNTIL=20270131T215959Z");
        assertThat(RecurrenceRules.firstDate(winter)).contains(d("2026-11-06"));
    }

    @Test
    void evenAndOddWeekRules() {
        Schedule even = Schedule.weekly(WeekParity.EVEN, d("2026-11-02"), d("2027-05-28"), T, 120, TUESDAY);
        assertThat(RecurrenceRules.rrule(even)).isEqualTo("FREQ=YEARLY;BYWEEKNO=2,4,6,8,10,12,14,16,18,20,22,24,26,28,30,"
                + "32,34,36,38,40,42,44,46,48,50,52;BYDAY=TU;WKST=MO;UNTIL=20270528T205959Z");
        assertThat(RecurrenceRules.firstDate(even)).contains(d("2026-11-10"));
        Schedule odd = even.withSeason(d("2026-12-23"), d("2027-05-28"));
        odd = new Schedule(Kind.WEEKLY, odd.weekdays(), WeekParity.ODD, 0, List.of(), odd.seasonStart(), odd.seasonEnd(),
                T, 120);
        assertThat(RecurrenceRules.rrule(odd)).startsWith("FREQ=YEARLY;BYWEEKNO=1,3,5,").contains(",51,53;BYDAY=TU;WKST=MO;");
        assertThat(RecurrenceRules.firstDate(odd)).contains(d("2026-12-29"));
    }

    @Test
    void evenAndOddWeekRulesRepeatTheDatesAtIsoYearBoundariesAsRdates() {
        // Friday 1.1.2027 is in week 53 of 2026, Tuesdays 31.12.2024 and 30.12.2025 in week 1 of 2025 and
        // 2026, all odd
        Schedule oddFridays = Schedule.weekly(WeekParity.ODD, d("2026-10-14"), d("2027-02-07"), T, 60, FRIDAY);
        assertThat(RecurrenceRules.rdates(oddFridays)).containsExactly(d("2027-01-01"));
        Schedule oddTuesdays = Schedule.weekly(WeekParity.ODD, d("2024-12-01"), d("2026-11-30"), T, 60, TUESDAY);
        assertThat(RecurrenceRules.rdates(oddTuesdays)).containsExactly(d("2024-12-31"), d("2025-12-30"));
        Schedule weekend = Schedule.weekly(WeekParity.ODD, d("2026-12-01"), d("2027-01-31"), T, 60,
                DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
        assertThat(RecurrenceRules.rdates(weekend)).containsExactly(d("2027-01-02"), d("2027-01-03"));
        assertThat(RecurrenceRules.rdates(Schedule.weekly(d("2026-10-14"), d("2027-02-07"), T, 60, FRIDAY))).isEmpty();
        assertThat(RecurrenceRules.rdates(Schedule.monthly(1, FRIDAY, d("2026-10-14"), d("2027-02-07"), T, 60))).isEmpty();
    }

    @Test
    void monthlyRules() {
        assertThat(RecurrenceRules.rrule(Schedule.monthly(2, TUESDAY, d("2027-01-07"), d("2027-05-28"), T, 60)))
                .isEqualTo("FREQ=MONTHLY;BYDAY=2TU;UNTIL=20270528T205959Z");
        Schedule last = Schedule.monthly(-1, TUESDAY, d("2027-01-07"), d("2027-05-28"), T, 60);
        assertThat(RecurrenceRules.rrule(last)).isEqualTo("FREQ=MONTHLY;BYDAY=-1TU;UNTIL=20270528T205959Z");
        assertThat(RecurrenceRules.firstDate(last)).contains(d("2027-01-26"));
    }

    @Test
    void datesAndOneOffHaveNoRule() {
        Schedule dates = Schedule.dates(List.of(d("2027-03-19"), d("2027-02-12"), d("2027-04-16")), T, 60);
        assertThat(RecurrenceRules.rrule(dates)).isNull();
        assertThat(RecurrenceRules.firstDate(dates)).contains(d("2027-02-12"));
        // all dates, the first (DTSTART) too: biweekly drops DTSTART when there are RDATEs and no RRULE
        assertThat(RecurrenceRules.rdates(dates)).containsExactly(d("2027-02-12"), d("2027-03-19"), d("2027-04-16"));
        Schedule once = Schedule.once(d("2027-05-11"), T, 60);
        assertThat(RecurrenceRules.rrule(once)).isNull();
        assertThat(RecurrenceRules.firstDate(once)).contains(d("2027-05-11"));
        assertThat(RecurrenceRules.rdates(once)).isEmpty();
    }

    @Test
    void anIndependentParserExpandsOurRulesToTheSameDates() {
        List<Schedule> schedules = new ArrayList<>(List.of(
                Schedule.weekly(d("2026-01-01"), d("2027-12-31"), T, 120, TUESDAY, THURSDAY),
                Schedule.weekly(WeekParity.ODD, d("2026-01-01"), d("2027-12-31"), T, 120, TUESDAY),
                Schedule.weekly(WeekParity.EVEN, d("2026-01-01"), d("2027-12-31"), T, 120, TUESDAY),
                Schedule.weekly(WeekParity.ODD, d("2026-06-01"), d("2028-05-31"), T, 60, FRIDAY, DayOfWeek.MONDAY),
                Schedule.weekly(WeekParity.EVEN, d("2020-06-01"), d("2022-05-31"), LocalTime.of(23, 30), 60,
                        DayOfWeek.SUNDAY, DayOfWeek.WEDNESDAY),
                Schedule.weekly(WeekParity.ODD, d("2024-06-01"), d("2026-05-31"), LocalTime.of(0, 0), 60, TUESDAY),
                Schedule.monthly(1, TUESDAY, d("2026-01-01"), d("2027-12-31"), T, 60),
                Schedule.monthly(4, DayOfWeek.SUNDAY, d("2026-01-01"), d("2027-12-31"), T, 60),
                Schedule.monthly(-1, TUESDAY, d("2027-01-01"), d("2028-12-31"), T, 60),
                Schedule.monthly(-1, DayOfWeek.SUNDAY, d("2026-03-01"), d("2028-02-29"), LocalTime.of(3, 30), 60),
                Schedule.dates(List.of(d("2027-02-12"), d("2027-03-19"), d("2027-04-16"), d("2028-01-05")), T, 60),
                Schedule.once(d("2027-05-11"), LocalTime.of(18, 0), 90),
                Schedule.once(d("2027-03-28"), LocalTime.of(3, 30), 90)));
        schedules.addAll(randomSchedules(300));
        for (Schedule s : schedules) {
            assertThat(Schedule.validate(s)).as(s.toString()).isEmpty();
            List<LocalDate> ours = ScheduleExpander.dates(s, s.seasonStart(), s.seasonEnd());
            assertThat(expandWithBiweekly(s)).as("%s\n%s", s, RecurrenceRules.rrule(s)).isEqualTo(ours);
        }
    }

    /** Random valid schedules with seasons of up to two years around the year boundaries of 2019-2030. */
    static List<Schedule> randomSchedules(int count) {
        Random random = new Random(20270107);
        List<Schedule> out = new ArrayList<>();
        DayOfWeek[] days = DayOfWeek.values();
        while (out.size() < count) {
            LocalDate start = d("2019-01-01").plusDays(random.nextInt(12 * 365));
            LocalDate end = start.plusDays(random.nextInt(2 * 365 + 1));
            LocalTime time = LocalTime.of(random.nextInt(24), random.nextInt(4) * 15);
            int minutes = 15 + random.nextInt(300);
            Schedule s = switch (random.nextInt(4)) {
                case 0, 1 -> {
                    EnumSet<DayOfWeek> set = EnumSet.noneOf(DayOfWeek.class);
                    for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
                        set.add(days[random.nextInt(7)]);
                    }
                    yield new Schedule(Kind.WEEKLY, set, WeekParity.values()[random.nextInt(3)], 0, List.of(), start, end,
                            time, minutes);
                }
                case 2 -> Schedule.monthly(new int[] {1, 2, 3, 4, -1}[random.nextInt(5)], days[random.nextInt(7)],
                        start, end, time, minutes);
                default -> {
                    TreeSet<LocalDate> dates = new TreeSet<>();
                    for (int i = 0, n = 1 + random.nextInt(20); i < n; i++) {
                        dates.add(start.plusDays(random.nextInt((int) (end.toEpochDay() - start.toEpochDay()) + 1)));
                    }
                    yield dates.size() == 1 && random.nextBoolean() ? Schedule.once(dates.first(), time, minutes)
                            : Schedule.dates(dates, time, minutes);
                }
            };
            if (ScheduleExpander.dates(s, s.seasonStart(), s.seasonEnd()).isEmpty()) {
                continue; // a season too short for its rule has no event to write
            }
            out.add(s);
        }
        return out;
    }

    /** Writes the schedule as a VEVENT the way a feed does and lets biweekly expand it. */
    static List<LocalDate> expandWithBiweekly(Schedule s) {
        LocalDate first = RecurrenceRules.firstDate(s).orElseThrow();
        StringBuilder ics = new StringBuilder()
                .append("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Kohtaamo//test//EN\r\n")
                .append(HELSINKI)
                .append("BEGIN:VEVENT\r\nUID:test@kohtaamo\r\nDTSTAMP:20260101T000000Z\r\n")
                .append("DTSTART;TZID=Europe/Helsinki:").append(first.atTime(s.start()).format(LOCAL)).append("\r\n")
                .append("DURATION:PT").append(s.durationMinutes()).append("M\r\n");
        String rrule = RecurrenceRules.rrule(s);
        if (rrule != null) {
            ics.append("RRULE:").append(rrule).append("\r\n");
        }
        for (LocalDate r : RecurrenceRules.rdates(s)) {
            ics.append("RDATE;TZID=Europe/Helsinki:").append(r.atTime(s.start()).format(LOCAL)).append("\r\n");
        }
        ics.append("END:VEVENT\r\nEND:VCALENDAR\r\n");
        List<List<biweekly.io.ParseWarning>> warnings = new ArrayList<>();
        ICalendar calendar = Biweekly.parse(ics.toString()).warnings(warnings).first();
        assertThat(warnings.stream().flatMap(List::stream).toList()).as(ics.toString()).isEmpty();
        VEvent event = calendar.getEvents().get(0);
        DateIterator it = event.getDateIterator(TimeZone.getTimeZone(ClockConfig.ZONE));
        List<LocalDate> dates = new ArrayList<>();
        while (it.hasNext() && dates.size() < 2000) {
            dates.add(it.next().toInstant().atZone(ClockConfig.ZONE).toLocalDate());
        }
        return dates;
    }
}
