package fi.kohtaamo.calendar.internal.rules;

import fi.kohtaamo.calendar.internal.rules.FinnishHolidays.Holiday;
import fi.kohtaamo.calendar.internal.rules.Occurrence.Status;
import fi.kohtaamo.shared.ClockConfig;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Turns a {@link Plan} into the occurrences a family sees in a date window.
 *
 * <p>Cancelled occurrences are kept, with their reason, because the public calendar shows them
 * crossed out: a family that goes by last month's habit should learn that Ascension Day has no
 * family café. When several things hit the same date, the most deliberate one wins: an explicit
 * {@link Change} of that occurrence, then a {@link Pause} of the series, then a public holiday,
 * then a school holiday.
 *
 * <p>A moved occurrence is listed at its new date and time, and only if the new date is within the
 * window, even when its original date is not (moved from last Friday into this week). Staff moved it
 * deliberately, so holidays and pauses do not cancel it. A change whose original date is no longer
 * a date of the rule (the schedule was edited afterwards) is ignored.
 *
 * <p>Times are local in Europe/Helsinki: a 9.30 activity starts at 9.30 on both sides of a DST change.
 * The duration is elapsed time, so the end is start plus the duration on the time line (as
 * {@code DURATION:PT90M} in iCalendar). A start time that falls into the spring-forward gap
 * (3.00–3.59 on the last Sunday of March) moves an hour later, as {@link ZonedDateTime} resolves it;
 * in the autumn overlap the earlier (summer-time) instant is used.
 */
public final class OccurrencePlanner {

    private static final Comparator<Occurrence> BY_START =
            Comparator.comparing(Occurrence::start).thenComparing(Occurrence::originalDate);

    private OccurrencePlanner() {
    }

    /** The occurrences in [from, to] (dates inclusive), in order of start. */
    public static List<Occurrence> plan(Plan plan, LocalDate from, LocalDate to) {
        Schedule s = plan.schedule();
        Map<LocalDate, Change> changes = plan.changes();
        List<LocalDate> dates = ScheduleExpander.dates(s, from, to);
        List<Occurrence> out = new ArrayList<>(dates.size());
        boolean moved = false;
        for (LocalDate date : dates) {
            Change change = changes.isEmpty() ? null : changes.get(date);
            if (change == null) {
                CancelReason reason = automaticCancellation(plan, date);
                out.add(at(date, date, s.start(), s.durationMinutes(),
                        reason == null ? Status.SCHEDULED : Status.CANCELLED, reason));
            } else if (change.type() == Change.Type.CANCELLED) {
                out.add(at(date, date, s.start(), s.durationMinutes(), Status.CANCELLED,
                        new CancelReason(CancelReason.Type.CANCELLED, change.reason())));
            } else {
                Occurrence o = moved(s, date, change);
                if (within(o.date(), from, to)) {
                    out.add(o);
                    moved = true;
                }
            }
        }
        // Occurrences moved into the window from a date outside it.
        for (Map.Entry<LocalDate, Change> e : changes.entrySet()) {
            LocalDate original = e.getKey();
            Change change = e.getValue();
            if (change.type() == Change.Type.MOVED && !within(original, from, to)
                    && change.date() != null && within(change.date(), from, to)
                    && ScheduleExpander.occursOn(s, original)) {
                out.add(moved(s, original, change));
                moved = true;
            }
        }
        if (moved) {
            out.sort(BY_START);
        }
        return out;
    }

    /** Pause, then public holiday, then school holiday; null if the date is not hit. */
    private static CancelReason automaticCancellation(Plan plan, LocalDate date) {
        for (Pause pause : plan.pauses()) {
            if (pause.range().contains(date)) {
                return new CancelReason(CancelReason.Type.PAUSE, pause.reason());
            }
        }
        if (plan.pausesOnPublicHolidays()) {
            Holiday holiday = FinnishHolidays.find(date);
            if (holiday != null) {
                return new CancelReason(CancelReason.Type.HOLIDAY, holiday.name());
            }
        }
        if (plan.followsSchoolHolidays()) {
            for (DateRange range : plan.schoolHolidays()) {
                if (range.contains(date)) {
                    return new CancelReason(CancelReason.Type.SCHOOL_HOLIDAY, CancelReason.SCHOOL_HOLIDAY_TEXT);
                }
            }
        }
        return null;
    }

    private static Occurrence moved(Schedule s, LocalDate original, Change change) {
        LocalDate date = change.date() == null ? original : change.date();
        LocalTime start = change.start() == null ? s.start() : change.start();
        int minutes = change.durationMinutes() == null ? s.durationMinutes() : change.durationMinutes();
        return at(original, date, start, minutes, Status.MOVED,
                new CancelReason(CancelReason.Type.MOVED, change.reason()));
    }

    private static Occurrence at(LocalDate original, LocalDate date, LocalTime time, int minutes, Status status,
            CancelReason reason) {
        ZonedDateTime start = ZonedDateTime.of(date, time, ClockConfig.ZONE);
        return new Occurrence(original, date, start, start.plusMinutes(minutes), status, reason);
    }

    private static boolean within(LocalDate date, LocalDate from, LocalDate to) {
        return !date.isBefore(from) && !date.isAfter(to);
    }
}
