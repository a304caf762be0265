package fi.kohtaamo.calendar.internal.rules;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * When an activity takes place, stored as a rule rather than as copies of dates, in the shapes in
 * which meeting places actually announce their programme: "tiistaisin", "parillisten viikkojen
 * tiistaisin", "kuukauden viimeisenä torstaina", a list of dates, or a one-off event.
 *
 * <p>The record is deliberately lenient: it can hold what a form sent, however wrong, so that
 * {@link #validate(Schedule)} can tell every problem at once. The constructor only normalises
 * (null collections become empty, weekdays are kept in Monday-first order, dates sorted and
 * without duplicates, a missing parity is {@link WeekParity#ALL}). The expander, the planner and
 * the text and RRULE writers expect a schedule without problems.
 *
 * @param kind            the shape of the rule
 * @param weekdays        WEEKLY: the weekdays (one or more); MONTHLY: exactly one; otherwise empty
 * @param parity          WEEKLY only: every week, or only ISO weeks with an even or odd number
 * @param nth             MONTHLY only: 1..4 for the first to fourth such weekday of the month, -1
 *                        for the last; otherwise 0. (A fifth weekday exists only in some months, so
 *                        "the fifth Tuesday" is not a rule a family can rely on; "the last" is.)
 * @param dates           DATES only: the dates, at most {@value #MAX_DATES}; otherwise empty
 * @param seasonStart     first day of the season, inclusive (ONCE: the date)
 * @param seasonEnd       last day of the season, inclusive (ONCE: the same date)
 * @param start           local start time in Europe/Helsinki
 * @param durationMinutes length in minutes, 1..1440; may run past midnight
 */
public record Schedule(
        Kind kind,
        Set<DayOfWeek> weekdays,
        WeekParity parity,
        int nth,
        List<LocalDate> dates,
        LocalDate seasonStart,
        LocalDate seasonEnd,
        LocalTime start,
        int durationMinutes) {

    /** The shapes of a rule. */
    public enum Kind {
        /** On given weekdays every week (or every even or odd ISO week). */
        WEEKLY,
        /** On the n-th or last given weekday of every month. */
        MONTHLY,
        /** On a list of dates (a club that meets on 12.2., 19.3. and 16.4.). */
        DATES,
        /** A single event. */
        ONCE
    }

    /**
     * Which weeks a WEEKLY rule uses. Places say "parillisten viikkojen tiistaisin" meaning the ISO
     * week number printed in Finnish calendars, so parity follows the ISO week number and not a
     * count from the season start: a year with 53 weeks is followed by week 1, and then two odd
     * weeks come one after the other, just as in the printed calendar.
     */
    public enum WeekParity {
        ALL, EVEN, ODD;

        /** Whether a week with this ISO week number belongs to the rule. */
        public boolean matchesWeek(int isoWeek) {
            return switch (this) {
                case ALL -> true;
                case EVEN -> isoWeek % 2 == 0;
                case ODD -> isoWeek % 2 == 1;
            };
        }

        /** Whether the ISO week of the date belongs to the rule. */
        public boolean matches(LocalDate date) {
            return this == ALL || matchesWeek(date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        }
    }

    /** More dates than this is a weekly rule typed out by hand, or a mistake. */
    public static final int MAX_DATES = 200;

    /** A season is at most two years long: a programme is planned per term, not for ever. */
    public static final int MAX_SEASON_YEARS = 2;

    public static final int MAX_DURATION_MINUTES = 24 * 60;

    public Schedule {
        weekdays = weekdays == null || weekdays.isEmpty()
                ? Collections.unmodifiableSet(EnumSet.noneOf(DayOfWeek.class))
                : Collections.unmodifiableSet(EnumSet.copyOf(weekdays));
        parity = parity == null ? WeekParity.ALL : parity;
        dates = dates == null || dates.isEmpty() ? List.of() : List.copyOf(new TreeSet<>(dates));
    }

    /** Every week on the given weekdays within the season. */
    public static Schedule weekly(LocalDate seasonStart, LocalDate seasonEnd, LocalTime start, int durationMinutes,
            DayOfWeek... weekdays) {
        return weekly(WeekParity.ALL, seasonStart, seasonEnd, start, durationMinutes, weekdays);
    }

    /** On the given weekdays of every week, or of even or odd ISO weeks only. */
    public static Schedule weekly(WeekParity parity, LocalDate seasonStart, LocalDate seasonEnd, LocalTime start,
            int durationMinutes, DayOfWeek... weekdays) {
        EnumSet<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        Collections.addAll(days, weekdays);
        return new Schedule(Kind.WEEKLY, days, parity, 0, List.of(), seasonStart, seasonEnd, start,
                durationMinutes);
    }

    /** On the n-th (1..4) or last (-1) given weekday of every month within the season. */
    public static Schedule monthly(int nth, DayOfWeek weekday, LocalDate seasonStart, LocalDate seasonEnd,
            LocalTime start, int durationMinutes) {
        return new Schedule(Kind.MONTHLY, Set.of(weekday), WeekParity.ALL, nth, List.of(), seasonStart, seasonEnd,
                start, durationMinutes);
    }

    /** On the given dates; the season runs from the first to the last of them. */
    public static Schedule dates(Collection<LocalDate> dates, LocalTime start, int durationMinutes) {
        TreeSet<LocalDate> sorted = new TreeSet<>(dates);
        return new Schedule(Kind.DATES, Set.of(), WeekParity.ALL, 0, List.copyOf(sorted),
                sorted.isEmpty() ? null : sorted.first(), sorted.isEmpty() ? null : sorted.last(), start,
                durationMinutes);
    }

    /** A single event. */
    public static Schedule once(LocalDate date, LocalTime start, int durationMinutes) {
        return new Schedule(Kind.ONCE, Set.of(), WeekParity.ALL, 0, List.of(), date, date, start, durationMinutes);
    }

    /** The same rule for another season (e.g. "autumn 2027" for many activities at once). */
    public Schedule withSeason(LocalDate newStart, LocalDate newEnd) {
        return new Schedule(kind, weekdays, parity, nth, dates, newStart, newEnd, start, durationMinutes);
    }

    /** The only weekday of a MONTHLY rule (or the first weekday of a WEEKLY one). */
    public DayOfWeek weekday() {
        return weekdays.isEmpty() ? null : weekdays.iterator().next();
    }

    /**
     * The problems of a schedule as message codes ({@code schedule.*}), empty if it is usable. All
     * problems are reported at once so that a form can show them together.
     */
    public static List<String> validate(Schedule s) {
        List<String> problems = new ArrayList<>();
        if (s.kind() == null) {
            problems.add("schedule.kindRequired");
        }
        if (s.seasonStart() == null || s.seasonEnd() == null) {
            problems.add("schedule.seasonRequired");
        } else if (s.seasonEnd().isBefore(s.seasonStart())) {
            problems.add("schedule.seasonEndBeforeStart");
        } else if (s.seasonEnd().isAfter(s.seasonStart().plusYears(MAX_SEASON_YEARS))) {
            problems.add("schedule.seasonTooLong");
        }
        if (s.start() == null) {
            problems.add("schedule.startRequired");
        }
        if (s.durationMinutes() < 1 || s.durationMinutes() > MAX_DURATION_MINUTES) {
            problems.add("schedule.durationRange");
        }
        if (s.kind() == null) {
            return List.copyOf(problems);
        }
        switch (s.kind()) {
            case WEEKLY -> {
                if (s.weekdays().isEmpty()) {
                    problems.add("schedule.weekdaysRequired");
                }
                if (s.nth() != 0 || !s.dates().isEmpty()) {
                    problems.add("schedule.notForKind");
                }
            }
            case MONTHLY -> {
                if (s.weekdays().isEmpty()) {
                    problems.add("schedule.weekdaysRequired");
                } else if (s.weekdays().size() > 1) {
                    problems.add("schedule.oneWeekdayOnly");
                }
                if (!(s.nth() >= 1 && s.nth() <= 4) && s.nth() != -1) {
                    problems.add("schedule.nthRange");
                }
                if (s.parity() != WeekParity.ALL || !s.dates().isEmpty()) {
                    problems.add("schedule.notForKind");
                }
            }
            case DATES -> {
                if (s.dates().isEmpty()) {
                    problems.add("schedule.datesRequired");
                } else if (s.dates().size() > MAX_DATES) {
                    problems.add("schedule.tooManyDates");
                }
                if (s.seasonStart() != null && s.seasonEnd() != null && !s.dates().isEmpty()
                        && (s.dates().get(0).isBefore(s.seasonStart())
                                || s.dates().get(s.dates().size() - 1).isAfter(s.seasonEnd()))) {
                    problems.add("schedule.dateOutsideSeason");
                }
                if (!s.weekdays().isEmpty() || s.parity() != WeekParity.ALL || s.nth() != 0) {
                    problems.add("schedule.notForKind");
                }
            }
            case ONCE -> {
                if (s.seasonStart() != null && !Objects.equals(s.seasonStart(), s.seasonEnd())) {
                    problems.add("schedule.onceOneDay");
                }
                if (!s.weekdays().isEmpty() || s.parity() != WeekParity.ALL || s.nth() != 0
                        || !s.dates().isEmpty()) {
                    problems.add("schedule.notForKind");
                }
            }
        }
        return List.copyOf(problems);
    }
}
