package fi.kohtaamo.calendar.internal.rules;

import fi.kohtaamo.calendar.internal.rules.Schedule.WeekParity;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The dates of a {@link Schedule}. This runs for every activity shown on a calendar page (nationally
 * some 50 000 weekly activities for one week), so it walks week by week or month by month on epoch
 * days, computes an ISO week number only where the week count can wrap, and allocates nothing but
 * the result. The schedule must be valid ({@link Schedule#validate(Schedule)}).
 */
public final class ScheduleExpander {

    /** Any 62 consecutive days contain a whole calendar month, hence a date of every valid rule. */
    private static final int SEARCH_WINDOW_DAYS = 62;

    private ScheduleExpander() {
    }

    /** The rule's dates within [from, to] and within the season, both inclusive, in order (read-only). */
    public static List<LocalDate> dates(Schedule s, LocalDate from, LocalDate to) {
        LocalDate lo = from.isAfter(s.seasonStart()) ? from : s.seasonStart();
        LocalDate hi = to.isBefore(s.seasonEnd()) ? to : s.seasonEnd();
        if (lo.isAfter(hi)) {
            return List.of();
        }
        return switch (s.kind()) {
            case WEEKLY -> weekly(s, lo, hi);
            case MONTHLY -> monthly(s, lo, hi);
            case DATES -> listed(s.dates(), lo, hi);
            case ONCE -> List.of(s.seasonStart());
        };
    }

    /** Whether the rule has a date on the day (within the season). */
    public static boolean occursOn(Schedule s, LocalDate date) {
        if (date.isBefore(s.seasonStart()) || date.isAfter(s.seasonEnd())) {
            return false;
        }
        return switch (s.kind()) {
            case WEEKLY -> s.weekdays().contains(date.getDayOfWeek()) && s.parity().matches(date);
            case MONTHLY -> date.getDayOfMonth()
                    == dayOfMonth(date.withDayOfMonth(1), s.weekday(), s.nth());
            case DATES -> Collections.binarySearch(s.dates(), date) >= 0;
            case ONCE -> date.equals(s.seasonStart());
        };
    }

    /** The first date of the rule on or after the day, if the season has one. */
    public static Optional<LocalDate> firstOnOrAfter(Schedule s, LocalDate date) {
        LocalDate lo = date.isAfter(s.seasonStart()) ? date : s.seasonStart();
        while (!lo.isAfter(s.seasonEnd())) {
            LocalDate hi = lo.plusDays(SEARCH_WINDOW_DAYS - 1);
            List<LocalDate> found = dates(s, lo, hi);
            if (!found.isEmpty()) {
                return Optional.of(found.get(0));
            }
            lo = hi.plusDays(1);
        }
        return Optional.empty();
    }

    private static List<LocalDate> weekly(Schedule s, LocalDate lo, LocalDate hi) {
        int mask = 0;
        for (DayOfWeek d : s.weekdays()) {
            mask |= 1 << (d.getValue() - 1);
        }
        long first = lo.toEpochDay();
        long last = hi.toEpochDay();
        long monday = first - (lo.getDayOfWeek().getValue() - 1);
        WeekParity parity = s.parity();
        int week = parity == WeekParity.ALL ? 0 : lo.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
        List<LocalDate> out = new ArrayList<>((int) ((last - monday) / 7 + 1) * Integer.bitCount(mask));
        for (; monday <= last; monday += 7) {
            if (parity.matchesWeek(week)) {
                for (int i = 0; i < 7; i++) {
                    long day = monday + i;
                    if ((mask & (1 << i)) != 0 && day >= first && day <= last) {
                        out.add(LocalDate.ofEpochDay(day));
                    }
                }
            }
            if (parity != WeekParity.ALL) {
                // Week numbers only wrap after week 52 or 53; ask the calendar only there.
                week = week < 52 ? week + 1 : LocalDate.ofEpochDay(monday + 7).get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
            }
        }
        return out;
    }

    private static List<LocalDate> monthly(Schedule s, LocalDate lo, LocalDate hi) {
        DayOfWeek weekday = s.weekday();
        List<LocalDate> out = new ArrayList<>((hi.getYear() - lo.getYear()) * 12 + hi.getMonthValue()
                - lo.getMonthValue() + 1);
        for (LocalDate month = lo.withDayOfMonth(1); !month.isAfter(hi); month = month.plusMonths(1)) {
            LocalDate d = month.withDayOfMonth(dayOfMonth(month, weekday, s.nth()));
            if (!d.isBefore(lo) && !d.isAfter(hi)) {
                out.add(d);
            }
        }
        return out;
    }

    /** Day of month of the n-th (1..4) or last (-1) weekday in the month starting on {@code first}. */
    static int dayOfMonth(LocalDate first, DayOfWeek weekday, int nth) {
        int firstDow = first.getDayOfWeek().getValue();
        int target = weekday.getValue();
        if (nth > 0) {
            return 1 + (target - firstDow + 7) % 7 + 7 * (nth - 1);
        }
        int length = first.lengthOfMonth();
        int lastDow = (firstDow - 1 + length - 1) % 7 + 1;
        return length - (lastDow - target + 7) % 7;
    }

    private static List<LocalDate> listed(List<LocalDate> dates, LocalDate lo, LocalDate hi) {
        int i = Collections.binarySearch(dates, lo);
        if (i < 0) {
            i = -i - 1;
        }
        int j = i;
        while (j < dates.size() && !dates.get(j).isAfter(hi)) {
            j++;
        }
        return dates.subList(i, j);
    }
}
