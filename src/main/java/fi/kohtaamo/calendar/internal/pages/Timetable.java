package fi.kohtaamo.calendar.internal.pages;

import fi.kohtaamo.calendar.internal.ActivityQueries.Activity;
import fi.kohtaamo.calendar.internal.CalendarService;
import fi.kohtaamo.calendar.internal.CalendarViews;
import fi.kohtaamo.calendar.internal.rules.Schedule;
import fi.kohtaamo.shared.Lang;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * A place's programme as a timetable: weekly activities by season, weekday and time, each season stated once. An
 * activity copied from one season to the next (the same name, kind, weekday, time, ages, languages and price, in
 * consecutive seasons of the place's programme) is one row with both periods. Dates and one-off events are listed
 * apart. Plain Java: the page formats what it gives.
 */
public final class Timetable {

    /** Seasons further apart than this are not "the next season" (a summer break is some 7 weeks). */
    static final int MAX_GAP_DAYS = 62;

    /** A season's dates and its name by the month it starts in (spring, summer, autumn; other when it spans a year). */
    public record Period(LocalDate from, LocalDate to) {

        public String name() {
            if (from.getYear() != to.getYear()) {
                return "OTHER";
            }
            int m = from.getMonthValue();
            return m <= 4 ? "SPRING" : m <= 7 ? "SUMMER" : m <= 11 ? "AUTUMN" : "OTHER";
        }

        /** 17.8.–18.12.; with years when the season crosses a year or is not in {@code year}. */
        public String dates(int year) {
            boolean years = from.getYear() != to.getYear() || from.getYear() != year;
            return date(from, years && from.getYear() != to.getYear()) + "–" + date(to, years);
        }

        private static String date(LocalDate d, boolean year) {
            return d.getDayOfMonth() + "." + d.getMonthValue() + "." + (year ? String.valueOf(d.getYear()) : "");
        }
    }

    /**
     * One row: an activity at a time, with a note when the rule is not every week (even/odd weeks, n-th weekday of
     * the month: {@code noteKey} with the weekday as argument), or null.
     */
    public record Slot(java.time.LocalTime start, String time, CalendarViews.SeriesView activity, String noteKey) {
    }

    public record Day(DayOfWeek weekday, List<Slot> slots) {
    }

    /** The activities that share the same seasons. */
    public record Block(List<Period> periods, List<Day> days) {
    }

    /** The timetable: blocks in season order; activities on dates or once, with their rule in words. */
    public record View(List<Block> blocks, List<CalendarViews.SeriesView> others) {

        public boolean isEmpty() {
            return blocks.isEmpty() && others.isEmpty();
        }
    }

    private record Key(String fi, String sv, String en, Object kind, Schedule.Kind rule, Object weekdays,
            Schedule.WeekParity parity, int nth, Object start, int minutes, Integer ageMin, Integer ageMax,
            boolean free, List<String> languages) {

        static Key of(Activity a) {
            Schedule s = a.schedule();
            return new Key(a.name().fi(), a.name().sv(), a.name().en(), a.kind(), s.kind(), s.weekdays(), s.parity(),
                    s.nth(), s.start(), s.durationMinutes(), a.ageMinMonths(), a.ageMaxMonths(), a.freeOfCharge(),
                    List.copyOf(new TreeSet<>(a.languages())));
        }
    }

    private record Chain(CalendarService.Series first, List<Period> periods) {
    }

    private Timetable() {
    }

    public static View of(List<CalendarService.Series> series, Lang lang, int year) {
        List<CalendarService.Series> weekly = new ArrayList<>();
        List<CalendarViews.SeriesView> others = new ArrayList<>();
        for (CalendarService.Series s : series) {
            Schedule.Kind k = s.activity().schedule().kind();
            if (k == Schedule.Kind.WEEKLY || k == Schedule.Kind.MONTHLY) {
                weekly.add(s);
            } else {
                others.add(CalendarViews.series(s, lang, year));
            }
        }
        List<Period> seasons = weekly.stream().map(s -> period(s.activity())).distinct()
                .sorted(Comparator.comparing(Period::from).thenComparing(Period::to)).toList();
        Map<Key, List<CalendarService.Series>> same = new LinkedHashMap<>();
        weekly.forEach(s -> same.computeIfAbsent(Key.of(s.activity()), k -> new ArrayList<>()).add(s));
        List<Chain> chains = new ArrayList<>();
        for (List<CalendarService.Series> copies : same.values()) {
            copies.sort(Comparator.comparing((CalendarService.Series s) -> period(s.activity()).from())
                    .thenComparing(s -> s.activity().id()));
            Chain open = null;
            for (CalendarService.Series s : copies) {
                Period p = period(s.activity());
                if (open != null && consecutive(open.periods().get(open.periods().size() - 1), p, seasons)) {
                    open.periods().add(p);
                } else {
                    open = new Chain(s, new ArrayList<>(List.of(p)));
                    chains.add(open);
                }
            }
        }
        Map<List<Period>, Map<DayOfWeek, List<Slot>>> blocks = new LinkedHashMap<>();
        chains.stream().sorted(Comparator.comparing((Chain c) -> c.periods().get(0).from())
                        .thenComparing(c -> c.periods().get(c.periods().size() - 1).to()))
                .forEach(c -> {
                    Map<DayOfWeek, List<Slot>> days = blocks.computeIfAbsent(List.copyOf(c.periods()),
                            p -> new EnumMap<>(DayOfWeek.class));
                    Schedule s = c.first().activity().schedule();
                    Slot slot = new Slot(s.start(), time(s), CalendarViews.series(c.first(), lang, year), note(s));
                    s.weekdays().forEach(d -> days.computeIfAbsent(d, x -> new ArrayList<>()).add(slot));
                });
        List<Block> out = new ArrayList<>();
        blocks.forEach((periods, days) -> out.add(new Block(periods, days.entrySet().stream()
                .map(e -> new Day(e.getKey(), e.getValue().stream()
                        .sorted(Comparator.comparing(Slot::start).thenComparing(x -> x.activity().name().get(lang)))
                        .toList()))
                .toList())));
        return new View(List.copyOf(out), List.copyOf(others));
    }

    static Period period(Activity a) {
        return new Period(a.schedule().seasonStart(), a.schedule().seasonEnd());
    }

    /** Whether {@code next} is the season right after {@code prev}: later, near, and no other season between. */
    static boolean consecutive(Period prev, Period next, List<Period> seasons) {
        if (!next.from().isAfter(prev.to()) || ChronoUnit.DAYS.between(prev.to(), next.from()) > MAX_GAP_DAYS) {
            return false;
        }
        return seasons.stream().noneMatch(p -> !Objects.equals(p, prev) && !Objects.equals(p, next)
                && p.from().isAfter(prev.to()) && p.from().isBefore(next.from()));
    }

    private static String time(Schedule s) {
        return hm(s.start()) + "–" + hm(s.start().plusMinutes(s.durationMinutes()));
    }

    /** 9.30, 10.00: the calendar's way of writing times. */
    private static String hm(java.time.LocalTime t) {
        return t.getHour() + "." + String.format("%02d", t.getMinute());
    }

    private static String note(Schedule s) {
        if (s.kind() == Schedule.Kind.MONTHLY) {
            return "timetable.month." + (s.nth() == -1 ? "last" : String.valueOf(s.nth()));
        }
        return s.parity() == Schedule.WeekParity.ALL ? null : "timetable.week." + s.parity();
    }
}
