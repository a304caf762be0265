package fi.kohtaamo.calendar.internal.rules;

import fi.kohtaamo.shared.ClockConfig;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * A {@link Schedule} as an RFC 5545 recurrence, so that a feed carries the series as one rule (with
 * EXDATEs for cancellations) and the family's phone calendar keeps showing it after the feed is
 * read. The event's DTSTART must be {@link #firstDate(Schedule)} at the schedule's start time in
 * Europe/Helsinki: RFC 5545 leaves a rule whose DTSTART is not one of its dates undefined.
 *
 * <ul>
 * <li>WEEKLY: {@code FREQ=WEEKLY;BYDAY=TU,TH;UNTIL=…}</li>
 * <li>WEEKLY on even/odd weeks: {@code FREQ=YEARLY;BYWEEKNO=2,4,…,52;BYDAY=TU;WKST=MO;UNTIL=…}.
 *     Not {@code INTERVAL=2}: parity is the ISO week number, and after a year with 53 weeks two odd
 *     weeks (53 and 1) follow each other, which a fixed interval gets wrong for a whole year.
 *     BYWEEKNO with WKST=MO is ISO 8601 numbering; week 53 matches only in years that have it.</li>
 * <li>MONTHLY: {@code FREQ=MONTHLY;BYDAY=2TU;UNTIL=…} or {@code BYDAY=-1TU} for the last.</li>
 * <li>DATES and ONCE: no rule; the first date is DTSTART and the dates are RDATEs ({@link #rdates}).</li>
 * </ul>
 *
 * <p><b>RDATEs that repeat what a rule already says</b>, because parsers disagree where RFC 5545 is
 * terse, and RFC 5545 counts an instance given twice once (3.8.5.3), so repeating is harmless:
 * <ul>
 * <li>DATES: every date is an RDATE, the first too. Some parsers (google-rfc-2445, used by biweekly)
 *     drop DTSTART when an event has RDATEs but no RRULE.</li>
 * <li>Even/odd weeks: the rule dates whose ISO week belongs to the neighbouring year (Friday
 *     1.1.2027 is in week 53 of 2026; Tuesday 31.12.2024 in week 1 of 2025). python-dateutil
 *     expands BYWEEKNO to these days as ISO 8601 does; biweekly leaves out the early-January ones.
 *     (ical4j 4.4, which writes the feeds, expands the rule alone as we do.) With them as RDATEs
 *     every reader shows the same dates.</li>
 * </ul>
 *
 * UNTIL is the end of the season's last day in Helsinki, in UTC as RFC 5545 requires when DTSTART
 * has a time zone, so that the last day is included whatever the start time. The schedule must be
 * valid ({@link Schedule#validate(Schedule)}).
 */
public final class RecurrenceRules {

    private static final String[] BYDAY = {"MO", "TU", "WE", "TH", "FR", "SA", "SU"};
    private static final String EVEN_WEEKS = weekNumbers(2);
    private static final String ODD_WEEKS = weekNumbers(1);
    private static final DateTimeFormatter UTC_DATE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

    private RecurrenceRules() {
    }

    /** The RRULE value (without "RRULE:"), or null for DATES and ONCE. */
    public static String rrule(Schedule s) {
        String until = ";UNTIL=" + until(s.seasonEnd());
        return switch (s.kind()) {
            case WEEKLY -> switch (s.parity()) {
                case ALL -> "FREQ=WEEKLY;BYDAY=" + byDay(s) + until;
                case EVEN -> "FREQ=YEARLY;BYWEEKNO=" + EVEN_WEEKS + ";BYDAY=" + byDay(s) + ";WKST=MO" + until;
                case ODD -> "FREQ=YEARLY;BYWEEKNO=" + ODD_WEEKS + ";BYDAY=" + byDay(s) + ";WKST=MO" + until;
            };
            case MONTHLY -> "FREQ=MONTHLY;BYDAY=" + s.nth() + BYDAY[s.weekday().getValue() - 1] + until;
            case DATES, ONCE -> null;
        };
    }

    /** The first date of the rule on or after the season start: the date of DTSTART. */
    public static Optional<LocalDate> firstDate(Schedule s) {
        return ScheduleExpander.firstOnOrAfter(s, s.seasonStart());
    }

    /**
     * The dates to write as RDATE next to the rule (see the class comment): all dates of DATES, the
     * dates at ISO year boundaries of an even/odd-week rule, otherwise none.
     */
    public static List<LocalDate> rdates(Schedule s) {
        if (s.kind() == Schedule.Kind.DATES) {
            return s.dates();
        }
        if (s.kind() != Schedule.Kind.WEEKLY || s.parity() == Schedule.WeekParity.ALL) {
            return List.of();
        }
        List<LocalDate> out = new ArrayList<>();
        for (int year = s.seasonStart().getYear(); year <= s.seasonEnd().getYear() + 1; year++) {
            // the days from 29.12. to 3.1. are the only ones whose ISO week can be another year's
            for (LocalDate d : ScheduleExpander.dates(s, LocalDate.of(year - 1, 12, 29), LocalDate.of(year, 1, 3))) {
                if (d.get(IsoFields.WEEK_BASED_YEAR) != d.getYear()) {
                    out.add(d);
                }
            }
        }
        return out;
    }

    /** The end of the day in Helsinki as an RFC 5545 UTC date-time, e.g. 20270528T205959Z. */
    static String until(LocalDate lastDay) {
        return lastDay.atTime(LocalTime.of(23, 59, 59)).atZone(ClockConfig.ZONE)
                .withZoneSameInstant(ZoneOffset.UTC).format(UTC_DATE_TIME);
    }

    private static String byDay(Schedule s) {
        StringJoiner j = new StringJoiner(",");
        for (DayOfWeek d : s.weekdays()) {
            j.add(BYDAY[d.getValue() - 1]);
        }
        return j.toString();
    }

    private static String weekNumbers(int first) {
        StringJoiner j = new StringJoiner(",");
        for (int w = first; w <= 53; w += 2) {
            j.add(String.valueOf(w));
        }
        return j.toString();
    }
}
