package fi.kohtaamo.guidance.internal.exchange;

import fi.kohtaamo.guidance.internal.exchange.PtvModel.Hours;
import fi.kohtaamo.guidance.internal.exchange.PtvModel.Msg;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** A PTV channel's {@code serviceHours} as rows of guidance_hours (see docs/guidance-exchange.md). */
final class PtvHours {

    private PtvHours() {
    }

    /**
     * PTV's service hours: regular hours on weekdays (v11 {@code DaysOfTheWeek}, v7 {@code Standard}), over midnight
     * ({@code OverMidnight}/{@code Special}: from one day's time to the next day's), and exceptional dates
     * ({@code Exceptional}/{@code Exception}), closed or with their own hours.
     */
    static List<Hours> read(JsonNode list, String where, List<Msg> problems) {
        List<Hours> out = new ArrayList<>();
        for (JsonNode h : list.values()) {
            String type = h.path("serviceHourType").asString("");
            boolean reservation = h.path("isReservation").asBoolean(false);
            Map<String, String> info = PtvMapper.langItems(h.path("additionalInformation"));
            String nFi = PtvMapper.cut(info.get("fi"), 200);
            String nSv = PtvMapper.cut(info.get("sv"), 200);
            String nEn = PtvMapper.cut(info.get("en"), 200);
            LocalDate from;
            LocalDate to;
            try {
                from = date(h.path("validFrom").asString(""));
                to = date(h.path("validTo").asString(""));
            } catch (DateTimeParseException e) {
                problems.add(new Msg("ptv.row.hours", where));
                continue;
            }
            if (h.path("validForNow").asBoolean(false)) {
                to = null;
            }
            if (from != null && to != null && to.isBefore(from)) {
                problems.add(new Msg("ptv.row.hours", where));
                continue;
            }
            try {
                switch (type) {
                    case "DaysOfTheWeek", "Standard", "OverMidnight", "Special" -> {
                        if (h.path("isAlwaysOpen").asBoolean(false)) {
                            for (int d = 1; d <= 7; d++) {
                                out.add(new Hours("REGULAR", d, LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, from, to,
                                        reservation, nFi, nSv, nEn));
                            }
                            continue;
                        }
                        boolean overMidnight = type.equals("OverMidnight") || type.equals("Special");
                        for (JsonNode o : h.path("openingHour").values()) {
                            int dayFrom = day(o.path("dayFrom").asString(""));
                            int dayTo = o.path("dayTo").asString("").isEmpty() ? dayFrom
                                    : day(o.path("dayTo").asString(""));
                            LocalTime opens = time(o.path("from").asString(""));
                            LocalTime closes = time(o.path("to").asString(""));
                            // over midnight: one span from dayFrom's time to dayTo's time; else each day dayFrom..dayTo
                            int last = overMidnight ? dayFrom : dayTo < dayFrom ? dayTo + 7 : dayTo;
                            for (int d = dayFrom; d <= last; d++) {
                                out.add(new Hours("REGULAR", (d - 1) % 7 + 1, opens, closes, from, to, reservation,
                                        nFi, nSv, nEn));
                            }
                        }
                    }
                    case "Exceptional", "Exception" -> {
                        if (from == null) {
                            problems.add(new Msg("ptv.row.hours", where));
                            continue;
                        }
                        if (h.path("isClosed").asBoolean(false) || h.path("openingHour").size() == 0) {
                            out.add(new Hours("CLOSED", null, null, null, from, to, false, nFi, nSv, nEn));
                        } else {
                            for (JsonNode o : h.path("openingHour").values()) {
                                out.add(new Hours("EXCEPTIONAL", null, time(o.path("from").asString("")),
                                        time(o.path("to").asString("")), from, to, reservation, nFi, nSv, nEn));
                            }
                        }
                    }
                    default -> problems.add(new Msg("ptv.row.hoursType", PtvMapper.cut(type.isEmpty() ? "?" : type, 40)));
                }
            } catch (DateTimeParseException | IllegalArgumentException e) {
                problems.add(new Msg("ptv.row.hours", where));
            }
        }
        return out;
    }

    private static int day(String name) {
        return DayOfWeek.valueOf(name.strip().toUpperCase(Locale.ROOT)).getValue();
    }

    private static LocalTime time(String raw) {
        String t = raw.strip();
        if (t.equals("24:00") || t.equals("24:00:00")) {
            return LocalTime.MIDNIGHT;
        }
        return LocalTime.parse(t.length() == 5 ? t : t.substring(0, Math.min(8, t.length())));
    }

    private static LocalDate date(String raw) {
        String d = raw.strip();
        return d.isEmpty() ? null : LocalDate.parse(d.length() >= 10 ? d.substring(0, 10) : d);
    }
}
