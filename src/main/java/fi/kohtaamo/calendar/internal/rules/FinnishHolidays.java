package fi.kohtaamo.calendar.internal.rules;

import fi.kohtaamo.shared.LocalizedText;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Finnish public holidays of any year, computed rather than stored, so that a series planned
 * for next spring pauses on Ascension Day without anyone typing it in.
 *
 * <p>Besides the days of the Act on the Working Hours of Public Holidays, the list has Midsummer Eve
 * and Christmas Eve: they are not public holidays in law but de facto days off on which meeting
 * places are closed, which is what matters for a family calendar ({@link Holiday#deFacto()}).
 * The rules are those in force since 1991 (Epiphany and Ascension Day back on their own days);
 * they are applied to every year, which is right for planning and harmless for the past.
 *
 * <p>Easter comes from the anonymous Gregorian algorithm (Meeus/Jones/Butcher). Look-ups by date
 * run for every occurrence of every activity, so each year is computed once and kept with an index
 * by day of year; only years {@value #CACHE_FROM}–{@value #CACHE_TO} are kept, so that a request
 * for an absurd year cannot grow the cache without bound.
 */
public final class FinnishHolidays {

    /**
     * A holiday.
     *
     * @param date the day
     * @param code a stable identifier, e.g. {@code goodFriday}, {@code midsummerEve}
     * @param name the name in Finnish, Swedish and English
     */
    public record Holiday(LocalDate date, String code, LocalizedText name) {

        /** Midsummer Eve and Christmas Eve: days off by custom, not public holidays in law. */
        public boolean deFacto() {
            return code.equals(MIDSUMMER_EVE) || code.equals(CHRISTMAS_EVE);
        }
    }

    public static final String NEW_YEARS_DAY = "newYearsDay";
    public static final String EPIPHANY = "epiphany";
    public static final String GOOD_FRIDAY = "goodFriday";
    public static final String EASTER_SUNDAY = "easterSunday";
    public static final String EASTER_MONDAY = "easterMonday";
    public static final String MAY_DAY = "mayDay";
    public static final String ASCENSION_DAY = "ascensionDay";
    public static final String WHIT_SUNDAY = "whitSunday";
    public static final String MIDSUMMER_EVE = "midsummerEve";
    public static final String MIDSUMMER_DAY = "midsummerDay";
    public static final String ALL_SAINTS_DAY = "allSaintsDay";
    public static final String INDEPENDENCE_DAY = "independenceDay";
    public static final String CHRISTMAS_EVE = "christmasEve";
    public static final String CHRISTMAS_DAY = "christmasDay";
    public static final String ST_STEPHENS_DAY = "stStephensDay";

    private static final LocalizedText NEW_YEARS_DAY_NAME =
            LocalizedText.of("Uudenvuodenpäivä", "Nyårsdagen", "New Year's Day");
    private static final LocalizedText EPIPHANY_NAME = LocalizedText.of("Loppiainen", "Trettondedag jul", "Epiphany");
    private static final LocalizedText GOOD_FRIDAY_NAME = LocalizedText.of("Pitkäperjantai", "Långfredag", "Good Friday");
    private static final LocalizedText EASTER_SUNDAY_NAME =
            LocalizedText.of("Pääsiäispäivä", "Påskdagen", "Easter Sunday");
    private static final LocalizedText EASTER_MONDAY_NAME =
            LocalizedText.of("2. pääsiäispäivä", "Annandag påsk", "Easter Monday");
    private static final LocalizedText MAY_DAY_NAME = LocalizedText.of("Vappu", "Första maj", "May Day");
    private static final LocalizedText ASCENSION_DAY_NAME =
            LocalizedText.of("Helatorstai", "Kristi himmelsfärdsdag", "Ascension Day");
    private static final LocalizedText WHIT_SUNDAY_NAME = LocalizedText.of("Helluntaipäivä", "Pingstdagen", "Whit Sunday");
    private static final LocalizedText MIDSUMMER_EVE_NAME =
            LocalizedText.of("Juhannusaatto", "Midsommarafton", "Midsummer Eve");
    private static final LocalizedText MIDSUMMER_DAY_NAME =
            LocalizedText.of("Juhannuspäivä", "Midsommardagen", "Midsummer Day");
    private static final LocalizedText ALL_SAINTS_DAY_NAME =
            LocalizedText.of("Pyhäinpäivä", "Alla helgons dag", "All Saints' Day");
    private static final LocalizedText INDEPENDENCE_DAY_NAME =
            LocalizedText.of("Itsenäisyyspäivä", "Självständighetsdagen", "Independence Day");
    private static final LocalizedText CHRISTMAS_EVE_NAME = LocalizedText.of("Jouluaatto", "Julafton", "Christmas Eve");
    private static final LocalizedText CHRISTMAS_DAY_NAME = LocalizedText.of("Joulupäivä", "Juldagen", "Christmas Day");
    private static final LocalizedText ST_STEPHENS_DAY_NAME =
            LocalizedText.of("Tapaninpäivä", "Annandag jul", "St Stephen's Day");

    static final int CACHE_FROM = 1900;
    static final int CACHE_TO = 2199;

    /** One year's holidays, in date order and indexed by day of year (index 0 = 1 January). */
    private record Year(List<Holiday> list, Holiday[] byDayOfYear) {
    }

    private static final ConcurrentHashMap<Integer, Year> CACHE = new ConcurrentHashMap<>();

    private FinnishHolidays() {
    }

    /** The holidays of the year in date order. */
    public static List<Holiday> ofYear(int year) {
        return year(year).list();
    }

    /** The holiday on the date, if it is one. */
    public static Optional<Holiday> on(LocalDate date) {
        return Optional.ofNullable(find(date));
    }

    /** The holiday on the date, or null: for the planner's loop, without an Optional per date. */
    static Holiday find(LocalDate date) {
        return year(date.getYear()).byDayOfYear()[date.getDayOfYear() - 1];
    }

    /** Easter Sunday of the year by the anonymous Gregorian algorithm. */
    public static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }

    private static Year year(int year) {
        if (year < CACHE_FROM || year > CACHE_TO) {
            return compute(year);
        }
        return CACHE.computeIfAbsent(year, FinnishHolidays::compute);
    }

    private static Year compute(int year) {
        LocalDate easter = easterSunday(year);
        // Midsummer Day is the Saturday of 20-26 June, All Saints' Day the Saturday of 31.10.-6.11.
        LocalDate midsummerDay = LocalDate.of(year, 6, 20).with(TemporalAdjusters.nextOrSame(DayOfWeek.SATURDAY));
        LocalDate allSaints = LocalDate.of(year, 10, 31).with(TemporalAdjusters.nextOrSame(DayOfWeek.SATURDAY));
        List<Holiday> list = new ArrayList<>(List.of(
                new Holiday(LocalDate.of(year, 1, 1), NEW_YEARS_DAY, NEW_YEARS_DAY_NAME),
                new Holiday(LocalDate.of(year, 1, 6), EPIPHANY, EPIPHANY_NAME),
                new Holiday(easter.minusDays(2), GOOD_FRIDAY, GOOD_FRIDAY_NAME),
                new Holiday(easter, EASTER_SUNDAY, EASTER_SUNDAY_NAME),
                new Holiday(easter.plusDays(1), EASTER_MONDAY, EASTER_MONDAY_NAME),
                new Holiday(LocalDate.of(year, 5, 1), MAY_DAY, MAY_DAY_NAME),
                new Holiday(easter.plusDays(39), ASCENSION_DAY, ASCENSION_DAY_NAME),
                new Holiday(easter.plusDays(49), WHIT_SUNDAY, WHIT_SUNDAY_NAME),
                new Holiday(midsummerDay.minusDays(1), MIDSUMMER_EVE, MIDSUMMER_EVE_NAME),
                new Holiday(midsummerDay, MIDSUMMER_DAY, MIDSUMMER_DAY_NAME),
                new Holiday(allSaints, ALL_SAINTS_DAY, ALL_SAINTS_DAY_NAME),
                new Holiday(LocalDate.of(year, 12, 6), INDEPENDENCE_DAY, INDEPENDENCE_DAY_NAME),
                new Holiday(LocalDate.of(year, 12, 24), CHRISTMAS_EVE, CHRISTMAS_EVE_NAME),
                new Holiday(LocalDate.of(year, 12, 25), CHRISTMAS_DAY, CHRISTMAS_DAY_NAME),
                new Holiday(LocalDate.of(year, 12, 26), ST_STEPHENS_DAY, ST_STEPHENS_DAY_NAME)));
        // Ascension Day can fall on May Day (it last did in 2008), so sort by date; both are kept.
        list.sort(Comparator.comparing(Holiday::date));
        Holiday[] index = new Holiday[LocalDate.of(year, 12, 31).getDayOfYear()];
        for (Holiday h : list) {
            int i = h.date().getDayOfYear() - 1;
            if (index[i] == null) {
                index[i] = h;
            }
        }
        return new Year(List.copyOf(list), index);
    }
}
