package fi.kohtaamo.calendar.internal;

import fi.kohtaamo.calendar.internal.ActivityCommand;
import fi.kohtaamo.calendar.internal.ActivityQueries;
import fi.kohtaamo.calendar.internal.rules.Schedule;

import fi.kohtaamo.calendar.ActivityKind;
import fi.kohtaamo.shared.FieldErrors;
import fi.kohtaamo.shared.Input;
import fi.kohtaamo.shared.LocalizedText;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The activity form exactly as the browser sends it (all text). Ages are given in years and months
 * as families think of them; the schedule in the words staff use: weekdays, even/odd weeks, the n-th
 * weekday of the month, a list of dates or one date, a season and start and end times.
 */
public class ActivityForm {

    /** Languages of activity offered in the form (ISO 639-1), as for places. */
    public static final List<String> LANGUAGES = List.of("fi", "sv", "en", "ar", "so", "ru", "uk", "fa", "ku", "et",
            "zh", "es", "fr", "de", "tr", "vi", "th", "sq", "se");

    public String version = "0";
    public String placeId;
    public String kind;
    public String nameFi;
    public String nameSv;
    public String nameEn;
    public String descriptionFi;
    public String descriptionSv;
    public String descriptionEn;
    public String ageMinYears;
    public String ageMinMonths;
    public String ageMaxYears;
    public String ageMaxMonths;
    public String freeOfCharge = "true";
    public String priceFi;
    public String priceSv;
    public String priceEn;
    public String registrationRequired;
    public String registrationFi;
    public String registrationSv;
    public String registrationEn;
    public String scheduleKind = "WEEKLY";
    public List<String> weekdays = new ArrayList<>();
    public String parity = "ALL";
    public String nth;
    public String monthWeekday;
    public String dates;
    public String date;
    public String seasonStart;
    public String seasonEnd;
    public String startTime;
    public String endTime;
    public String pausesOnHolidays = "true";
    public String followsSchoolHolidays;
    public String schoolLanguage;
    public String published = "true";
    public List<String> organiserIds = new ArrayList<>();
    public List<String> languages = new ArrayList<>();

    static boolean checked(String s) {
        return "true".equals(s) || "on".equals(s);
    }

    public static ActivityForm of(ActivityQueries.Activity a) {
        ActivityForm f = new ActivityForm();
        f.version = String.valueOf(a.version());
        f.placeId = String.valueOf(a.placeId());
        f.kind = a.kind().name();
        f.nameFi = a.name().fi();
        f.nameSv = a.name().sv();
        f.nameEn = a.name().en();
        f.descriptionFi = a.description().fi();
        f.descriptionSv = a.description().sv();
        f.descriptionEn = a.description().en();
        if (a.ageMinMonths() != null) {
            f.ageMinYears = String.valueOf(a.ageMinMonths() / 12);
            f.ageMinMonths = String.valueOf(a.ageMinMonths() % 12);
        }
        if (a.ageMaxMonths() != null) {
            f.ageMaxYears = String.valueOf(a.ageMaxMonths() / 12);
            f.ageMaxMonths = String.valueOf(a.ageMaxMonths() % 12);
        }
        f.freeOfCharge = String.valueOf(a.freeOfCharge());
        f.priceFi = a.price().fi();
        f.priceSv = a.price().sv();
        f.priceEn = a.price().en();
        f.registrationRequired = String.valueOf(a.registrationRequired());
        f.registrationFi = a.registration().fi();
        f.registrationSv = a.registration().sv();
        f.registrationEn = a.registration().en();
        Schedule s = a.schedule();
        f.scheduleKind = s.kind().name();
        f.parity = s.parity().name();
        switch (s.kind()) {
            case WEEKLY -> s.weekdays().stream().sorted().forEach(d -> f.weekdays.add(d.name()));
            case MONTHLY -> {
                f.nth = String.valueOf(s.nth());
                f.monthWeekday = s.weekday().name();
            }
            case DATES -> f.dates = String.join("\n", s.dates().stream().map(LocalDate::toString).toList());
            case ONCE -> f.date = s.seasonStart().toString();
        }
        f.seasonStart = s.seasonStart().toString();
        f.seasonEnd = s.seasonEnd().toString();
        f.startTime = s.start().toString();
        f.endTime = s.start().plusMinutes(s.durationMinutes()).toString();
        f.pausesOnHolidays = String.valueOf(a.pausesOnHolidays());
        f.followsSchoolHolidays = String.valueOf(a.followsSchoolHolidays());
        f.schoolLanguage = a.schoolLanguage();
        f.published = String.valueOf(a.published());
        a.organiserIds().forEach(o -> f.organiserIds.add(String.valueOf(o)));
        f.languages.addAll(a.languages());
        return f;
    }

    /** Checks every field; returns the command, or null with the problems in {@code errors}. */
    public ActivityCommand toCommand(FieldErrors errors) {
        Input in = new Input(errors);
        Long place = in.id("placeId", placeId, true);
        ActivityKind k = in.choice("kind", kind, ActivityKind.class, true);
        LocalizedText name = new LocalizedText(in.requiredLine("nameFi", nameFi, 200), in.line("nameSv", nameSv, 200),
                in.line("nameEn", nameEn, 200));
        LocalizedText description = new LocalizedText(in.paragraph("descriptionFi", descriptionFi, 4000),
                in.paragraph("descriptionSv", descriptionSv, 4000), in.paragraph("descriptionEn", descriptionEn, 4000));
        Integer ageMin = age(in, "ageMin", ageMinYears, ageMinMonths);
        Integer ageMax = age(in, "ageMax", ageMaxYears, ageMaxMonths);
        if (ageMin != null && ageMax != null && ageMax < ageMin) {
            errors.add("ageMaxYears", "validation.ageOrder");
        }
        boolean free = checked(freeOfCharge);
        LocalizedText price = new LocalizedText(in.line("priceFi", priceFi, 200), in.line("priceSv", priceSv, 200),
                in.line("priceEn", priceEn, 200));
        boolean registration = checked(registrationRequired);
        LocalizedText how = new LocalizedText(in.paragraph("registrationFi", registrationFi, 500),
                in.paragraph("registrationSv", registrationSv, 500), in.paragraph("registrationEn", registrationEn, 500));
        Schedule schedule = schedule(in);
        String schoolLang = null;
        if (checked(followsSchoolHolidays) && schoolLanguage != null && !schoolLanguage.isBlank()) {
            schoolLang = schoolLanguage.strip();
            if (!schoolLang.equals("fi") && !schoolLang.equals("sv")) {
                errors.add("schoolLanguage", "validation.choice");
            }
        }
        List<Long> orgs = new ArrayList<>();
        for (String o : organiserIds == null ? List.<String>of() : organiserIds) {
            Long id = in.id("organiserIds", o, false);
            if (id != null && !orgs.contains(id)) {
                orgs.add(id);
            }
        }
        if (orgs.size() > 10) {
            errors.add("organiserIds", "validation.tooMany", 10);
        }
        Set<String> langs = new LinkedHashSet<>();
        for (String l : languages == null ? List.<String>of() : languages) {
            if (!LANGUAGES.contains(l)) {
                errors.add("languages", "validation.choice");
            } else {
                langs.add(l);
            }
        }
        if (!errors.isEmpty()) {
            return null;
        }
        return new ActivityCommand(place, k, name, description, ageMin, ageMax, free, price, registration, how,
                schedule, checked(pausesOnHolidays), checked(followsSchoolHolidays), schoolLang, checked(published),
                orgs, List.copyOf(langs));
    }

    private static Integer age(Input in, String field, String years, String months) {
        Integer y = in.integer(field + "Years", years, 0, 25, null);
        Integer m = in.integer(field + "Months", months, 0, 11, null);
        if (y == null && m == null) {
            return null;
        }
        return (y == null ? 0 : y) * 12 + (m == null ? 0 : m);
    }

    private Schedule schedule(Input in) {
        FieldErrors errors = in.errors();
        Schedule.Kind k = in.choice("scheduleKind", scheduleKind, Schedule.Kind.class, true);
        LocalTime start = in.time("startTime", startTime);
        LocalTime end = in.time("endTime", endTime);
        if (start == null && !errors.has("startTime")) {
            errors.add("startTime", "validation.required");
        }
        if (end == null && !errors.has("endTime")) {
            errors.add("endTime", "validation.required");
        }
        int duration = 0;
        if (start != null && end != null) {
            if (!end.isAfter(start)) {
                errors.add("endTime", "validation.closesBeforeOpens");
            } else {
                duration = (int) Duration.between(start, end).toMinutes();
            }
        }
        if (k == null) {
            return null;
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        Schedule.WeekParity p = Schedule.WeekParity.ALL;
        int n = 0;
        List<LocalDate> list = new ArrayList<>();
        LocalDate from = null;
        LocalDate to = null;
        switch (k) {
            case WEEKLY, MONTHLY -> {
                from = in.date("seasonStart", seasonStart, true);
                to = in.date("seasonEnd", seasonEnd, true);
                if (k == Schedule.Kind.WEEKLY) {
                    for (String d : weekdays == null ? List.<String>of() : weekdays) {
                        DayOfWeek day = in.choice("weekdays", d, DayOfWeek.class, false);
                        if (day != null) {
                            days.add(day);
                        }
                    }
                    if (days.isEmpty() && !errors.has("weekdays")) {
                        errors.add("weekdays", "schedule.weekdaysRequired");
                    }
                    Schedule.WeekParity chosen = in.choice("parity", parity, Schedule.WeekParity.class, false);
                    p = chosen == null ? Schedule.WeekParity.ALL : chosen;
                } else {
                    DayOfWeek day = in.choice("monthWeekday", monthWeekday, DayOfWeek.class, true);
                    if (day != null) {
                        days.add(day);
                    }
                    Integer nthValue = in.integer("nth", nth, -1, 4, null);
                    if (nthValue == null || nthValue == 0) {
                        if (!errors.has("nth")) {
                            errors.add("nth", "validation.choice");
                        }
                    } else {
                        n = nthValue;
                    }
                }
            }
            case DATES -> {
                String raw = dates == null ? "" : dates;
                if (raw.length() > 5000) {
                    errors.add("dates", "validation.tooLong", 5000);
                    break;
                }
                TreeSet<LocalDate> sorted = new TreeSet<>();
                for (String part : raw.split("[\\s,;]+")) {
                    if (part.isBlank()) {
                        continue;
                    }
                    LocalDate d = parseDate(part.strip());
                    if (d == null) {
                        errors.add("dates", "validation.dates");
                        break;
                    }
                    sorted.add(d);
                }
                if (sorted.isEmpty() && !errors.has("dates")) {
                    errors.add("dates", "validation.required");
                }
                list.addAll(sorted);
                if (!sorted.isEmpty()) {
                    from = sorted.first();
                    to = sorted.last();
                }
            }
            case ONCE -> {
                from = in.date("date", date, true);
                to = from;
            }
        }
        if (!errors.isEmpty()) {
            return null;
        }
        Schedule s = new Schedule(k, days, p, n, list, from, to, start, duration);
        for (String problem : Schedule.validate(s)) {
            errors.add(problem.startsWith("schedule.season") ? "seasonEnd" : problem.contains("date") ? "dates"
                    : problem.contains("weekday") ? "weekdays" : "scheduleKind", problem);
        }
        return errors.isEmpty() ? s : null;
    }

    /** A date as ISO (2027-02-12) or as Finns write it (12.2.2027). */
    public static LocalDate parseDate(String s) {
        try {
            if (s.matches("^\\d{4}-\\d{2}-\\d{2}$")) {
                return LocalDate.parse(s);
            }
            if (s.matches("^\\d{1,2}\\.\\d{1,2}\\.\\d{4}$")) {
                String[] p = s.split("\\.");
                return LocalDate.of(Integer.parseInt(p[2]), Integer.parseInt(p[1]), Integer.parseInt(p[0]));
            }
        } catch (java.time.DateTimeException e) {
            return null;
        }
        return null;
    }
}
