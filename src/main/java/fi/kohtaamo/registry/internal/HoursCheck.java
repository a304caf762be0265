package fi.kohtaamo.registry.internal;

import fi.kohtaamo.registry.OpeningHours;
import fi.kohtaamo.registry.PlaceSessions.Session;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A place's typed opening hours against its programme's weekly sessions: plain Java, no Spring, no SQL.
 *
 * <p>What disagrees (staff are warned, the save still goes through): only periods that have not ended are checked,
 * and only where the two overlap in time.
 * <ul>
 * <li>{@link Kind#OUTSIDE_HOURS}: a session on a weekday of an open period with typed hours, not wholly inside one of
 * that day's opening hours (a day without hours counts as closed);</li>
 * <li>{@link Kind#WHILE_CLOSED}: a session during a period marked closed;</li>
 * <li>{@link Kind#OPEN_WITHOUT_SESSION}: a weekday with opening hours but no session in that period, told only when the
 * period has sessions on other days (a place with no programme then may well be open without one: a library).</li>
 * </ul>
 * An open period without typed hours is not compared. When a place has no typed hours at all, {@link #derive} gives
 * the hours the programme implies: per weekday, the union of its sessions' times.
 */
public final class HoursCheck {

    private HoursCheck() {
    }

    public enum Kind { OUTSIDE_HOURS, WHILE_CLOSED, OPEN_WITHOUT_SESSION }

    /** One disagreement; for OPEN_WITHOUT_SESSION, start/end are the day's first opening and last closing. */
    public record Finding(Kind kind, DayOfWeek weekday, LocalTime start, LocalTime end, LocalDate periodFrom,
            LocalDate periodTo) {

        public String time() {
            return HoursCheck.time(start) + "–" + HoursCheck.time(end);
        }

        /** The period's dates: 1.8.2026–31.5.2027, or 1.8.2026– when it has no end. */
        public String period() {
            return date(periodFrom) + "–" + (periodTo == null ? "" : date(periodTo));
        }

        private static String date(LocalDate d) {
            return d.getDayOfMonth() + "." + d.getMonthValue() + "." + d.getYear();
        }
    }

    /** The disagreements between periods and sessions, for periods not ended by {@code today}, in period order. */
    public static List<Finding> compare(List<Model.OpeningPeriod> periods, List<Session> sessions, LocalDate today) {
        Set<Finding> out = new LinkedHashSet<>();
        for (Model.OpeningPeriod p : periods) {
            if (p.validTo() != null && p.validTo().isBefore(today)) {
                continue;
            }
            LocalDate from = p.validFrom().isBefore(today) ? today : p.validFrom();
            LocalDate to = p.validTo();
            List<Session> during = sessions.stream().filter(s -> meets(s, from, to)).toList();
            if (p.closed()) {
                during.forEach(s -> out.add(new Finding(Kind.WHILE_CLOSED, s.weekday(), s.start(), s.end(),
                        p.validFrom(), p.validTo())));
                continue;
            }
            if (p.hours().isEmpty()) {
                continue;
            }
            for (Session s : during) {
                boolean inside = p.hours().stream().anyMatch(h -> h.weekday() == s.weekday()
                        && !s.start().isBefore(h.opens()) && !s.end().isAfter(h.closes()));
                if (!inside) {
                    out.add(new Finding(Kind.OUTSIDE_HOURS, s.weekday(), s.start(), s.end(), p.validFrom(),
                            p.validTo()));
                }
            }
            if (during.isEmpty()) {
                continue;
            }
            Map<DayOfWeek, List<Model.Hours>> open = new EnumMap<>(DayOfWeek.class);
            p.hours().forEach(h -> open.computeIfAbsent(h.weekday(), d -> new ArrayList<>()).add(h));
            open.forEach((day, hours) -> {
                if (during.stream().noneMatch(s -> s.weekday() == day)) {
                    out.add(new Finding(Kind.OPEN_WITHOUT_SESSION, day,
                            hours.stream().map(Model.Hours::opens).min(Comparator.naturalOrder()).orElseThrow(),
                            hours.stream().map(Model.Hours::closes).max(Comparator.naturalOrder()).orElseThrow(),
                            p.validFrom(), p.validTo()));
                }
            });
        }
        return List.copyOf(out);
    }

    /** Whether the session falls on a date in [from, to] (to null = open-ended). */
    private static boolean meets(Session s, LocalDate from, LocalDate to) {
        LocalDate a = s.from().isAfter(from) ? s.from() : from;
        LocalDate b = to == null || s.to().isBefore(to) ? s.to() : to;
        for (LocalDate d = a; !d.isAfter(b) && d.isBefore(a.plusDays(7)); d = d.plusDays(1)) {
            if (d.getDayOfWeek() == s.weekday()) {
                return true;
            }
        }
        return false;
    }

    /** The hours the sessions imply: per weekday, overlapping or touching sessions joined, in week and time order. */
    public static List<OpeningHours> derive(List<Session> sessions) {
        List<Session> sorted = sessions.stream().sorted(Comparator.comparing(Session::weekday)
                .thenComparing(Session::start).thenComparing(Session::end)).toList();
        List<OpeningHours> out = new ArrayList<>();
        for (Session s : sorted) {
            OpeningHours last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && last.weekday() == s.weekday() && !s.start().isAfter(last.closes())) {
                if (s.end().isAfter(last.closes())) {
                    out.set(out.size() - 1, new OpeningHours(s.weekday(), last.opens(), s.end()));
                }
            } else {
                out.add(new OpeningHours(s.weekday(), s.start(), s.end()));
            }
        }
        return List.copyOf(out);
    }

    /** A time as Finnish timetables write it: 9, 9.30. */
    public static String time(LocalTime t) {
        return t.getMinute() == 0 ? String.valueOf(t.getHour()) : t.getHour() + "." + String.format("%02d", t.getMinute());
    }
}
