package fi.kohtaamo.calendar.internal.rules;

import fi.kohtaamo.calendar.internal.rules.Schedule.WeekParity;
import fi.kohtaamo.shared.ClockConfig;
import fi.kohtaamo.shared.Lang;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/**
 * A schedule in words, as families read it on a notice board: "tiistaisin klo 9.30–11.30,
 * 7.1.–28.5.", "tisdagar kl. 9.30–11.30, 7.1–28.5", "every Tuesday 9.30–11.30, 7 Jan – 28 May".
 *
 * <p>The conventions are those of each language as written in Finland: times always as
 * {@code H.mm} (9.30, 18.00, 0.30); Finnish dates {@code d.M.} with the final dot, Finland-Swedish
 * {@code d.M} without it, English {@code d MMM}; en dashes for ranges. Lists end with "ja", "och",
 * "and". The text starts in lower case (it continues a title or a label); a page may capitalise.
 *
 * <p><b>Years</b>, one rule for every kind: the dates of a text (season ends, listed dates, the
 * one-off date) show their year only when they are not all in the current year. Then, if they all
 * fall in one year, the year is written once at the last date ("7.1.–28.5.2028", "12.2., 19.3. ja
 * 16.4.2028"); if they span years, every date has its year ("1.8.2026–31.5.2027"). So this
 * season's programme reads short, and nothing can be mistaken for this year when it is not.
 *
 * <p>The schedule must be valid ({@link Schedule#validate(Schedule)}).
 */
public final class RuleText {

    private static final String[] FI_WEEKLY = {"maanantaisin", "tiistaisin", "keskiviikkoisin", "torstaisin",
        "perjantaisin", "lauantaisin", "sunnuntaisin"};
    private static final String[] FI_ESSIVE = {"maanantaina", "tiistaina", "keskiviikkona", "torstaina",
        "perjantaina", "lauantaina", "sunnuntaina"};
    private static final String[] FI_SHORT = {"ma", "ti", "ke", "to", "pe", "la", "su"};
    private static final String[] FI_NTH = {"ensimmäisenä", "toisena", "kolmantena", "neljäntenä"};

    private static final String[] SV_PLURAL = {"måndagar", "tisdagar", "onsdagar", "torsdagar", "fredagar",
        "lördagar", "söndagar"};
    private static final String[] SV_DEFINITE = {"måndagen", "tisdagen", "onsdagen", "torsdagen", "fredagen",
        "lördagen", "söndagen"};
    private static final String[] SV_SHORT = {"mån", "tis", "ons", "tors", "fre", "lör", "sön"};
    private static final String[] SV_NTH = {"första", "andra", "tredje", "fjärde"};

    private static final String[] EN_DAY = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
        "Sunday"};
    private static final String[] EN_SHORT = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    private static final String[] EN_NTH = {"first", "second", "third", "fourth"};
    private static final String[] EN_MONTH = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep",
        "Oct", "Nov", "Dec"};

    private static final String DASH = "\u2013";

    private RuleText() {
    }

    /**
     * The rule in words, with the current year taken from the system clock in Europe/Helsinki.
     * Code that has the application's {@link Clock} should use {@link #describe(Schedule, Lang, int)}.
     */
    public static String describe(Schedule s, Lang lang) {
        return describe(s, lang, LocalDate.now(Clock.system(ClockConfig.ZONE)).getYear());
    }

    /** The rule in words; dates in {@code currentYear} are written without their year. */
    public static String describe(Schedule s, Lang lang, int currentYear) {
        String time = time(s.start()) + DASH + time(s.start().plusMinutes(s.durationMinutes()));
        return switch (s.kind()) {
            case WEEKLY, MONTHLY -> {
                String days = s.kind() == Schedule.Kind.WEEKLY ? weekly(s, lang) : monthly(s, lang);
                String season = season(s.seasonStart(), s.seasonEnd(), lang, currentYear);
                yield switch (lang) {
                    case FI -> days + " klo " + time + ", " + season;
                    case SV -> days + " kl. " + time + ", " + season;
                    case EN -> days + " " + time + ", " + season;
                };
            }
            case DATES -> {
                String dates = dateList(s.dates(), lang, currentYear);
                yield switch (lang) {
                    case FI -> dates + " klo " + time;
                    case SV -> dates + " kl. " + time;
                    case EN -> dates + ", " + time;
                };
            }
            case ONCE -> {
                LocalDate d = s.seasonStart();
                int dow = d.getDayOfWeek().getValue() - 1;
                String date = date(d, lang, d.getYear() != currentYear);
                yield switch (lang) {
                    case FI -> FI_SHORT[dow] + " " + date + " klo " + time;
                    case SV -> SV_SHORT[dow] + " " + date + " kl. " + time;
                    case EN -> EN_SHORT[dow] + " " + date + " " + time;
                };
            }
        };
    }

    private static String weekly(Schedule s, Lang lang) {
        List<String> days = new ArrayList<>();
        for (DayOfWeek d : s.weekdays()) {
            int i = d.getValue() - 1;
            days.add(switch (lang) {
                case FI -> FI_WEEKLY[i];
                case SV -> SV_PLURAL[i];
                case EN -> EN_DAY[i];
            });
        }
        String joined = join(days, lang);
        WeekParity p = s.parity();
        return switch (lang) {
            case FI -> switch (p) {
                case ALL -> joined;
                case EVEN -> "parillisten viikkojen " + joined;
                case ODD -> "parittomien viikkojen " + joined;
            };
            case SV -> switch (p) {
                case ALL -> joined;
                case EVEN -> joined + " jämna veckor";
                case ODD -> joined + " udda veckor";
            };
            case EN -> switch (p) {
                case ALL -> "every " + joined;
                case EVEN -> "every " + joined + " of even weeks";
                case ODD -> "every " + joined + " of odd weeks";
            };
        };
    }

    private static String monthly(Schedule s, Lang lang) {
        int d = s.weekday().getValue() - 1;
        boolean last = s.nth() == -1;
        return switch (lang) {
            case FI -> "kuukauden " + (last ? "viimeisenä" : FI_NTH[s.nth() - 1]) + " " + FI_ESSIVE[d];
            case SV -> (last ? "sista" : SV_NTH[s.nth() - 1]) + " " + SV_DEFINITE[d] + " i månaden";
            case EN -> (last ? "last" : EN_NTH[s.nth() - 1]) + " " + EN_DAY[d] + " of the month";
        };
    }

    private static String season(LocalDate from, LocalDate to, Lang lang, int currentYear) {
        boolean sameYear = from.getYear() == to.getYear();
        boolean showYear = !sameYear || from.getYear() != currentYear;
        String a = date(from, lang, showYear && !sameYear);
        String b = date(to, lang, showYear);
        return lang == Lang.EN ? a + " " + DASH + " " + b : a + DASH + b;
    }

    private static String dateList(List<LocalDate> dates, Lang lang, int currentYear) {
        int firstYear = dates.get(0).getYear();
        boolean sameYear = firstYear == dates.get(dates.size() - 1).getYear();
        boolean showYear = !sameYear || firstYear != currentYear;
        List<String> parts = new ArrayList<>(dates.size());
        for (int i = 0; i < dates.size(); i++) {
            boolean lastOne = i == dates.size() - 1;
            parts.add(date(dates.get(i), lang, showYear && (!sameYear || lastOne)));
        }
        return join(parts, lang);
    }

    /** 7.1. / 7.1.2027 (fi), 7.1 / 7.1.2027 (sv), 7 Jan / 7 Jan 2027 (en). */
    private static String date(LocalDate d, Lang lang, boolean withYear) {
        int day = d.getDayOfMonth();
        int month = d.getMonthValue();
        return switch (lang) {
            case FI -> day + "." + month + "." + (withYear ? String.valueOf(d.getYear()) : "");
            case SV -> day + "." + month + (withYear ? "." + d.getYear() : "");
            case EN -> day + " " + EN_MONTH[month - 1] + (withYear ? " " + d.getYear() : "");
        };
    }

    /** Finnish style H.mm: 9.30, 18.00, 0.30. */
    private static String time(LocalTime t) {
        return t.getHour() + "." + (t.getMinute() < 10 ? "0" : "") + t.getMinute();
    }

    private static String join(List<String> parts, Lang lang) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        String and = switch (lang) {
            case FI -> " ja ";
            case SV -> " och ";
            case EN -> " and ";
        };
        return String.join(", ", parts.subList(0, parts.size() - 1)) + and + parts.get(parts.size() - 1);
    }
}
