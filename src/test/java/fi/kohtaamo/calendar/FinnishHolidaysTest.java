package fi.kohtaamo.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kohtaamo.calendar.internal.rules.FinnishHolidays;
import fi.kohtaamo.calendar.internal.rules.FinnishHolidays.Holiday;
import fi.kohtaamo.shared.Lang;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Holidays against the dates printed in Finnish calendars (almanakka) for 2026-2028. */
@Tag("nodb")
class FinnishHolidaysTest {

    @Test
    void holidaysOf2026() {
        assertThat(byCode(2026)).containsExactlyEntriesOf(expected(2026,
                "04-03", "04-05", "04-06", "05-14", "05-24", "06-19", "06-20", "10-31"));
    }

    @Test
    void holidaysOf2027() {
        assertThat(byCode(2027)).containsExactlyEntriesOf(expected(2027,
                "03-26", "03-28", "03-29", "05-06", "05-16", "06-25", "06-26", "11-06"));
    }

    @Test
    void holidaysOf2028() {
        assertThat(byCode(2028)).containsExactlyEntriesOf(expected(2028,
                "04-14", "04-16", "04-17", "05-25", "06-04", "06-23", "06-24", "11-04"));
    }

    @Test
    void easterByTheAlgorithmMatchesKnownDates() {
        Map<Integer, String> known = Map.of(2000, "2000-04-23", 2008, "2008-03-23", 2011, "2011-04-24",
                2019, "2019-04-21", 2024, "2024-03-31", 2025, "2025-04-20", 2038, "2038-04-25",
                2285, "2285-03-22", 1943, "1943-04-25");
        known.forEach((year, date) -> assertThat(FinnishHolidays.easterSunday(year)).as("Easter %d", year)
                .isEqualTo(LocalDate.parse(date)));
    }

    @Test
    void movableDaysFallOnTheirWeekdaysInTheirWindowsEveryYear() {
        for (int year = 1991; year <= 2200; year++) {
            Map<String, LocalDate> d = byCode(year);
            assertThat(d.get(FinnishHolidays.EASTER_SUNDAY).getDayOfWeek()).isEqualTo(DayOfWeek.SUNDAY);
            assertThat(d.get(FinnishHolidays.EASTER_SUNDAY)).isBetween(LocalDate.of(year, 3, 22), LocalDate.of(year, 4, 25));
            assertThat(d.get(FinnishHolidays.ASCENSION_DAY).getDayOfWeek()).isEqualTo(DayOfWeek.THURSDAY);
            assertThat(d.get(FinnishHolidays.MIDSUMMER_EVE).getDayOfWeek()).isEqualTo(DayOfWeek.FRIDAY);
            assertThat(d.get(FinnishHolidays.MIDSUMMER_EVE)).isBetween(LocalDate.of(year, 6, 19), LocalDate.of(year, 6, 25));
            assertThat(d.get(FinnishHolidays.MIDSUMMER_DAY).getDayOfWeek()).isEqualTo(DayOfWeek.SATURDAY);
            assertThat(d.get(FinnishHolidays.ALL_SAINTS_DAY).getDayOfWeek()).isEqualTo(DayOfWeek.SATURDAY);
            assertThat(d.get(FinnishHolidays.ALL_SAINTS_DAY)).isBetween(LocalDate.of(year, 10, 31), LocalDate.of(year, 11, 6));
        }
    }

    @Test
    void namesInThreeLanguages() {
        Map<String, Holiday> h = FinnishHolidays.ofYear(2027).stream()
                .collect(Collectors.toMap(Holiday::code, x -> x));
        assertThat(h.get(FinnishHolidays.GOOD_FRIDAY).name().get(Lang.FI)).isEqualTo("Pitkäperjantai");
        assertThat(h.get(FinnishHolidays.GOOD_FRIDAY).name().get(Lang.SV)).isEqualTo("Långfredag");
        assertThat(h.get(FinnishHolidays.GOOD_FRIDAY).name().get(Lang.EN)).isEqualTo("Good Friday");
        assertThat(h.get(FinnishHolidays.MIDSUMMER_EVE).name()).extracting(n -> n.fi(), n -> n.sv(), n -> n.en())
                .containsExactly("Juhannusaatto", "Midsommarafton", "Midsummer Eve");
        assertThat(h.get(FinnishHolidays.ALL_SAINTS_DAY).name()).extracting(n -> n.fi(), n -> n.sv(), n -> n.en())
                .containsExactly("Pyhäinpäivä", "Alla helgons dag", "All Saints' Day");
        for (Holiday x : h.values()) {
            for (Lang lang : Lang.values()) {
                assertThat(x.name().isTranslated(lang)).as(x.code() + " " + lang).isTrue();
            }
        }
        assertThat(h.values().stream().filter(Holiday::deFacto).map(Holiday::code))
                .containsExactlyInAnyOrder(FinnishHolidays.MIDSUMMER_EVE, FinnishHolidays.CHRISTMAS_EVE);
    }

    @Test
    void lookUpByDate() {
        assertThat(FinnishHolidays.on(LocalDate.of(2027, 5, 6))).map(Holiday::code).contains(FinnishHolidays.ASCENSION_DAY);
        assertThat(FinnishHolidays.on(LocalDate.of(2028, 12, 31))).isEmpty();
        assertThat(FinnishHolidays.on(LocalDate.of(2028, 2, 29))).isEmpty();
        assertThat(FinnishHolidays.on(LocalDate.of(2028, 12, 26))).map(Holiday::code).contains(FinnishHolidays.ST_STEPHENS_DAY);
        // outside the cached years it still works
        assertThat(FinnishHolidays.on(LocalDate.of(2500, 12, 6))).map(Holiday::code).contains(FinnishHolidays.INDEPENDENCE_DAY);
        // Ascension Day on May Day (2008): both days are listed, the look-up answers one of them
        assertThat(FinnishHolidays.ofYear(2008)).filteredOn(x -> x.date().equals(LocalDate.of(2008, 5, 1))).hasSize(2);
        assertThat(FinnishHolidays.on(LocalDate.of(2008, 5, 1))).isPresent();
    }

    @Test
    void ofYearIsInDateOrder() {
        List<LocalDate> dates = FinnishHolidays.ofYear(2027).stream().map(Holiday::date).toList();
        assertThat(dates).isSorted().hasSize(15);
    }

    private static Map<String, LocalDate> byCode(int year) {
        Map<String, LocalDate> m = new LinkedHashMap<>();
        for (Holiday h : FinnishHolidays.ofYear(year)) {
            m.put(h.code(), h.date());
        }
        return m;
    }

    /** The fixed days plus the movable ones given as MM-dd in the order of the list. */
    private static Map<String, LocalDate> expected(int year, String goodFriday, String easter, String easterMonday,
            String ascension, String whitSunday, String midsummerEve, String midsummerDay, String allSaints) {
        Map<String, LocalDate> m = new LinkedHashMap<>();
        m.put(FinnishHolidays.NEW_YEARS_DAY, LocalDate.of(year, 1, 1));
        m.put(FinnishHolidays.EPIPHANY, LocalDate.of(year, 1, 6));
        m.put(FinnishHolidays.GOOD_FRIDAY, md(year, goodFriday));
        m.put(FinnishHolidays.EASTER_SUNDAY, md(year, easter));
        m.put(FinnishHolidays.EASTER_MONDAY, md(year, easterMonday));
        m.put(FinnishHolidays.MAY_DAY, LocalDate.of(year, 5, 1));
        m.put(FinnishHolidays.ASCENSION_DAY, md(year, ascension));
        m.put(FinnishHolidays.WHIT_SUNDAY, md(year, whitSunday));
        m.put(FinnishHolidays.MIDSUMMER_EVE, md(year, midsummerEve));
        m.put(FinnishHolidays.MIDSUMMER_DAY, md(year, midsummerDay));
        m.put(FinnishHolidays.ALL_SAINTS_DAY, md(year, allSaints));
        m.put(FinnishHolidays.INDEPENDENCE_DAY, LocalDate.of(year, 12, 6));
        m.put(FinnishHolidays.CHRISTMAS_EVE, LocalDate.of(year, 12, 24));
        m.put(FinnishHolidays.CHRISTMAS_DAY, LocalDate.of(year, 12, 25));
        m.put(FinnishHolidays.ST_STEPHENS_DAY, LocalDate.of(year, 12, 26));
        return m;
    }

    private static LocalDate md(int year, String monthDay) {
        return LocalDate.parse(year + "-" + monthDay);
    }
}
