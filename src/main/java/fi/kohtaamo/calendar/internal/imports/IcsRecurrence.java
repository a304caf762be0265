package fi.kohtaamo.calendar.internal.imports;

import fi.kohtaamo.calendar.internal.rules.Schedule;

import fi.kohtaamo.calendar.internal.ActivityForm;

import fi.kohtaamo.calendar.ActivityKind;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.fortuna.ical4j.model.Recur;
import net.fortuna.ical4j.model.WeekDay;
import net.fortuna.ical4j.transform.recurrence.Frequency;
import fi.kohtaamo.calendar.internal.imports.ActivityImport.Options;
import fi.kohtaamo.calendar.internal.imports.ActivityImport.Problem;

/**
 * An RRULE as the calendar's schedule, exactly or not at all: weekly (every or every second ISO week), the n-th or
 * last weekday of a month; UNTIL or COUNT ends the season. Anything else is a problem of the row.
 */
final class IcsRecurrence {

    private IcsRecurrence() {
    }

    /** Maps an RRULE onto the form's schedule fields; returns COUNT when the season ends by count. */
    static Integer recur(Recur<?> r, ZonedDateTime start, ActivityForm f, Options o, List<Problem> problems,
            Set<String> reported) {
        LocalDate first = start.toLocalDate();
        Map<String, List<?>> unsupported = new LinkedHashMap<>();
        unsupported.put("BYMONTHDAY", r.getMonthDayList());
        unsupported.put("BYYEARDAY", r.getYearDayList());
        unsupported.put("BYWEEKNO", r.getWeekNoList());
        unsupported.put("BYMONTH", r.getMonthList());
        unsupported.put("BYHOUR", r.getHourList());
        unsupported.put("BYMINUTE", r.getMinuteList());
        unsupported.put("BYSECOND", r.getSecondList());
        for (var u : unsupported.entrySet()) {
            if (u.getValue() != null && !u.getValue().isEmpty()) {
                problems.add(new Problem("RRULE", "import.ics.unsupportedPart", u.getKey()));
                return null;
            }
        }
        int interval = r.getInterval() < 1 ? 1 : r.getInterval();
        Frequency freq = r.getFrequency();
        List<WeekDay> days = r.getDayList() == null ? List.of() : r.getDayList();
        List<Integer> setPos = r.getSetPosList() == null ? List.of() : r.getSetPosList();
        if (freq == Frequency.WEEKLY) {
            if (interval > 2) {
                problems.add(new Problem("RRULE", "import.ics.interval", interval));
                return null;
            }
            if (!setPos.isEmpty()) {
                problems.add(new Problem("RRULE", "import.ics.unsupportedPart", "BYSETPOS"));
                return null;
            }
            Set<DayOfWeek> weekdays = EnumSet.noneOf(DayOfWeek.class);
            for (WeekDay d : days) {
                if (d.getOffset() != 0) {
                    problems.add(new Problem("RRULE", "import.ics.unsupportedPart", "BYDAY=" + d));
                    return null;
                }
                weekdays.add(WeekDay.getDayOfWeek(d));
            }
            if (weekdays.isEmpty()) {
                weekdays.add(first.getDayOfWeek());
            }
            f.scheduleKind = "WEEKLY";
            weekdays.forEach(d -> f.weekdays.add(d.name()));
            f.parity = interval == 1 ? "ALL" : Schedule.WeekParity.EVEN.matches(first) ? "EVEN" : "ODD";
        } else if (freq == Frequency.MONTHLY) {
            if (interval != 1) {
                problems.add(new Problem("RRULE", "import.ics.interval", interval));
                return null;
            }
            if (days.isEmpty()) {
                problems.add(new Problem("RRULE", "import.ics.monthlyByDate"));
                return null;
            }
            if (days.size() > 1) {
                problems.add(new Problem("RRULE", "import.ics.monthlyOneDay"));
                return null;
            }
            WeekDay d = days.get(0);
            int nth = d.getOffset();
            if (nth == 0 && setPos.size() == 1) {
                nth = setPos.get(0);
            } else if (!setPos.isEmpty()) {
                problems.add(new Problem("RRULE", "import.ics.unsupportedPart", "BYSETPOS"));
                return null;
            }
            if (!(nth >= 1 && nth <= 4) && nth != -1) {
                problems.add(new Problem("RRULE", "import.ics.nth", String.valueOf(nth)));
                return null;
            }
            f.scheduleKind = "MONTHLY";
            f.monthWeekday = WeekDay.getDayOfWeek(d).name();
            f.nth = String.valueOf(nth);
        } else {
            problems.add(new Problem("RRULE", "import.ics.frequency", String.valueOf(freq)));
            return null;
        }
        f.seasonStart = first.toString();
        Object until = r.getUntil();
        if (until != null) {
            // the last day whose start time is not after UNTIL (Google writes 23:59:59 local as UTC)
            ZonedDateTime u = IcsActivityRows.local((Temporal) until);
            LocalDate last = u.toLocalDate();
            if (!(until instanceof LocalDate) && u.toLocalTime().isBefore(start.toLocalTime())) {
                last = last.minusDays(1);
            }
            f.seasonEnd = last.toString();
            return null;
        }
        if (r.getCount() > 0) {
            return r.getCount();
        }
        if (o.openSeriesEnd() != null) {
            f.seasonEnd = o.openSeriesEnd().toString();
            return null;
        }
        problems.add(new Problem("RRULE", "import.openEnded"));
        reported.add("RRULE");
        return null;
    }

    static ActivityForm copySchedule(ActivityForm f, LocalDate from, LocalDate to) {
        ActivityForm p = new ActivityForm();
        p.placeId = "1";
        p.kind = ActivityKind.EVENT.name();
        p.nameFi = "x";
        p.scheduleKind = f.scheduleKind;
        p.weekdays = new ArrayList<>(f.weekdays);
        p.parity = f.parity;
        p.nth = f.nth;
        p.monthWeekday = f.monthWeekday;
        p.seasonStart = from.toString();
        p.seasonEnd = to.toString();
        p.startTime = f.startTime;
        p.endTime = f.endTime;
        return p;
    }

    /**
     * Whether "every second week from the first" means the same weeks as "even (odd) ISO weeks" all
     * through the season; it does not after a year with 53 weeks.
     */
    static boolean everySecondWeekIsParity(LocalDate first, LocalDate last, Schedule.WeekParity parity) {
        LocalDate monday = first.with(DayOfWeek.MONDAY);
        for (LocalDate w = monday; !w.isAfter(last); w = w.plusWeeks(1)) {
            boolean series = ChronoUnit.WEEKS.between(monday, w) % 2 == 0;
            if (series != parity.matches(w)) {
                return false;
            }
        }
        return true;
    }
}
