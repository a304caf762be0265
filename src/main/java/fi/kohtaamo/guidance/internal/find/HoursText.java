package fi.kohtaamo.guidance.internal.find;

import fi.kohtaamo.guidance.internal.find.FindModel.Hours;
import fi.kohtaamo.shared.Lang;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A channel's hours in words, per language: regular weekday hours with the days that share them grouped
 * ("maanantai–perjantai 9.00–16.00"), hours over midnight and by appointment said so, the exceptional and closed
 * dates of the coming {@link #AHEAD_DAYS} days; and whether it is open now. A service that is not ACTIVE is
 * never open, a closed date closes the day (an exceptional date replaces the day's regular hours), and hours
 * over midnight belong to the day they start on: Friday 22–02 is open on Saturday at one unless Friday was closed.
 */
@Component
class HoursText {

    static final int AHEAD_DAYS = 60;

    /** Whether a channel is open at a moment. */
    enum Now {
        OPEN, BY_APPOINTMENT, CLOSED, TEMPORARILY_CLOSED, UNKNOWN
    }

    private final MessageSource messages;

    HoursText(MessageSource messages) {
        this.messages = messages;
    }

    Now now(String serviceStatus, List<Hours> hours, ZonedDateTime at) {
        if (!"ACTIVE".equals(serviceStatus)) {
            return Now.TEMPORARILY_CLOSED;
        }
        if (hours.isEmpty()) {
            return Now.UNKNOWN;
        }
        LocalDate today = at.toLocalDate();
        LocalTime t = at.toLocalTime();
        for (Hours h : openingsOn(hours, today)) {
            boolean in = !t.isBefore(h.opens())
                    && (h.overMidnight() || h.closes().equals(LocalTime.MIDNIGHT) || t.isBefore(h.closes()));
            if (in) {
                return h.byReservation() ? Now.BY_APPOINTMENT : Now.OPEN;
            }
        }
        for (Hours h : openingsOn(hours, today.minusDays(1))) {
            if (h.overMidnight() && t.isBefore(h.closes())) {
                return h.byReservation() ? Now.BY_APPOINTMENT : Now.OPEN;
            }
        }
        return Now.CLOSED;
    }

    /** The openings of a day: its exceptional hours if it has any, none on a closed date, else its regular hours. */
    static List<Hours> openingsOn(List<Hours> hours, LocalDate day) {
        List<Hours> exceptional = hours.stream().filter(h -> "EXCEPTIONAL".equals(h.kind()) && h.covers(day)).toList();
        if (!exceptional.isEmpty()) {
            return exceptional.stream().filter(h -> h.opens() != null && h.closes() != null).toList();
        }
        if (hours.stream().anyMatch(h -> "CLOSED".equals(h.kind()) && h.covers(day))) {
            return List.of();
        }
        int weekday = day.getDayOfWeek().getValue();
        return hours.stream().filter(h -> h.regular() && h.weekday() == weekday && h.validOn(day)).toList();
    }

    /** The regular hours in words, days with the same hours together; those starting later say from when. */
    List<String> weekly(List<Hours> hours, Lang lang, LocalDate today) {
        List<Hours> current = hours.stream().filter(h -> h.regular() && h.validOn(today)).toList();
        if (!current.isEmpty()) {
            return grouped(current, lang);
        }
        List<Hours> later = hours.stream().filter(h -> h.regular() && h.validFrom() != null
                && h.validFrom().isAfter(today)).toList();
        if (later.isEmpty()) {
            return List.of();
        }
        LocalDate from = later.stream().map(Hours::validFrom).min(Comparator.naturalOrder()).orElseThrow();
        List<Hours> first = later.stream().filter(h -> h.validFrom().equals(from)).toList();
        List<String> out = new ArrayList<>();
        out.add(message("find.hours.from", lang, date(from, lang)));
        out.addAll(grouped(first, lang));
        return out;
    }

    private List<String> grouped(List<Hours> regular, Lang lang) {
        String[] perDay = new String[8];
        for (int d = 1; d <= 7; d++) {
            int day = d;
            List<String> parts = regular.stream().filter(h -> h.weekday() == day)
                    .sorted(Comparator.comparing(Hours::opens)).map(h -> interval(h, lang)).toList();
            perDay[d] = parts.isEmpty() ? null : String.join(", ", parts);
        }
        List<String> out = new ArrayList<>();
        int d = 1;
        while (d <= 7) {
            if (perDay[d] == null) {
                d++;
                continue;
            }
            int end = d;
            while (end < 7 && perDay[d].equals(perDay[end + 1])) {
                end++;
            }
            String days = end == d ? day(d, lang) : day(d, lang) + "–" + day(end, lang);
            out.add(days + " " + perDay[d]);
            d = end + 1;
        }
        return out;
    }

    /** The exceptional and closed dates from today to {@link #AHEAD_DAYS} days ahead, in date order. */
    List<String> exceptions(List<Hours> hours, Lang lang, LocalDate today) {
        LocalDate until = today.plusDays(AHEAD_DAYS);
        List<String> out = new ArrayList<>();
        hours.stream().filter(h -> !h.regular())
                .filter(h -> !(h.validTo() == null ? h.validFrom() : h.validTo()).isBefore(today)
                        && !h.validFrom().isAfter(until))
                .sorted(Comparator.comparing(Hours::validFrom).thenComparing(h -> h.opens() == null ? LocalTime.MIN
                        : h.opens()))
                .forEach(h -> {
                    String dates = h.validTo() == null || h.validTo().equals(h.validFrom()) ? date(h.validFrom(), lang)
                            : date(h.validFrom(), lang) + "–" + date(h.validTo(), lang);
                    String what = "EXCEPTIONAL".equals(h.kind()) && h.opens() != null && h.closes() != null
                            ? dates + " " + interval(h, lang) : message("find.hours.closedOn", lang, dates);
                    String note = h.note().get(lang);
                    out.add(note.isEmpty() ? what : what + " (" + note + ")");
                });
        return out;
    }

    String nowText(Now now, Lang lang) {
        return message("find.now." + now.name(), lang);
    }

    private String interval(Hours h, Lang lang) {
        String s = time(h.opens(), lang, false) + "–" + time(h.closes(), lang, true);
        if (h.overMidnight()) {
            s += " " + message("find.hours.overMidnight", lang);
        }
        if (h.byReservation()) {
            s += " " + message("find.hours.byAppointment", lang);
        }
        return s;
    }

    /** 9.00 (fi, sv) or 9:00 (en); a closing midnight is 24.00. */
    static String time(LocalTime t, Lang lang, boolean closing) {
        String sep = lang == Lang.EN ? ":" : ".";
        int hour = closing && t.equals(LocalTime.MIDNIGHT) ? 24 : t.getHour();
        return hour + sep + String.format(Locale.ROOT, "%02d", t.getMinute());
    }

    static String date(LocalDate d, Lang lang) {
        return lang == Lang.EN ? d.format(DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH))
                : d.getDayOfMonth() + "." + d.getMonthValue() + "." + d.getYear();
    }

    private static String day(int isoDay, Lang lang) {
        return DayOfWeek.of(isoDay).getDisplayName(TextStyle.FULL_STANDALONE, lang.locale());
    }

    private String message(String key, Lang lang, Object... args) {
        return messages.getMessage(key, args, lang.locale());
    }
}
