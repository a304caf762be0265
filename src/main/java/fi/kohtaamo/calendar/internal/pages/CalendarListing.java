package fi.kohtaamo.calendar.internal.pages;

import fi.kohtaamo.calendar.internal.CalendarFilter;
import fi.kohtaamo.calendar.internal.CalendarViews;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The calendar listing as a family reads it on a phone (issue 19 part 1): only the weekdays chosen, a
 * run of consecutive days without activities as one line, and how many filters are set (the folded
 * filter control says it).
 */
public final class CalendarListing {

    private CalendarListing() {
    }

    /**
     * A line of the listing: a day with its activities ({@code day} set; a heading above them), or the days
     * {@code from}..{@code to} with nothing on ({@code day} null).
     */
    public record Line(LocalDate from, LocalDate to, CalendarViews.Day day) {

        public boolean empty() {
            return day == null;
        }

        public boolean single() {
            return from.equals(to);
        }
    }

    /** The days in order, without the weekdays not chosen (none chosen: all), empty consecutive days merged. */
    static List<Line> lines(List<CalendarViews.Day> days, Set<DayOfWeek> weekdays) {
        List<Line> out = new ArrayList<>();
        for (CalendarViews.Day d : days) {
            if (!weekdays.isEmpty() && !weekdays.contains(d.date().getDayOfWeek())) {
                continue;
            }
            if (!d.occurrences().isEmpty()) {
                out.add(new Line(d.date(), d.date(), d));
                continue;
            }
            Line last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && last.empty() && last.to().plusDays(1).equals(d.date())) {
                out.set(out.size() - 1, new Line(last.from(), d.date(), null));
            } else {
                out.add(new Line(d.date(), d.date(), null));
            }
        }
        return out;
    }

    /**
     * How many of the filter form's choices are set (a repeatable one, such as the weekdays, counts once; the
     * place and organisation of a shared link are not in the form and not counted).
     */
    static int filtersSet(CalendarFilter f) {
        int n = 0;
        for (Object part : new Object[] {f.areaId(), f.municipalityCode(), f.timeOfDay(), f.childAgeMonths(), f.kind(), f.language(), f.near()}) {
            n += part == null ? 0 : 1;
        }
        n += f.weekdays().isEmpty() ? 0 : 1;
        n += f.accessibility().isEmpty() ? 0 : 1;
        n += f.freeOnly() ? 1 : 0;
        return n;
    }
}
