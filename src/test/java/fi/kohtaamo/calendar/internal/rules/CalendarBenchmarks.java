package fi.kohtaamo.calendar.internal.rules;

import fi.kohtaamo.calendar.internal.CalendarFilter;

import fi.kohtaamo.calendar.internal.ActivityQueries;
import fi.kohtaamo.calendar.internal.CalendarService;
import fi.kohtaamo.calendar.internal.feeds.IcsFeed;

import fi.kohtaamo.calendar.ActivityKind;
import fi.kohtaamo.registry.PlaceInfo;
import fi.kohtaamo.registry.PlaceKind;
import fi.kohtaamo.shared.Lang;
import fi.kohtaamo.shared.LocalizedText;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * JMH benchmarks of the calendar's hot functions (issue 6): planning a series' occurrences for a week
 * and for a whole season (rule, public holidays, school holidays, a pause and changes), and writing an
 * iCalendar feed of 100 series. Run with {@code bench/jmh.sh}; not part of the tests.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CalendarBenchmarks {

    static final LocalDate SEASON_START = LocalDate.of(2026, 8, 10);
    static final LocalDate SEASON_END = LocalDate.of(2026, 12, 18);
    static final LocalDate MONDAY = LocalDate.of(2026, 12, 7);

    Plan plan;
    List<CalendarService.SeasonPlan> hundredSeries;
    IcsFeed feed;

    @Setup
    public void setUp() {
        Schedule twiceAWeek = new Schedule(Schedule.Kind.WEEKLY, EnumSet.of(DayOfWeek.TUESDAY, DayOfWeek.THURSDAY),
                Schedule.WeekParity.ALL, 0, List.of(), SEASON_START, SEASON_END, LocalTime.of(9, 30), 150);
        plan = new Plan(twiceAWeek, true, true,
                List.of(DateRange.of(LocalDate.of(2026, 10, 19), LocalDate.of(2026, 10, 23))),
                List.of(), Map.of(LocalDate.of(2026, 11, 3), Change.cancelled(LocalizedText.of("Sairastuminen", null, null))));
        hundredSeries = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            PlaceInfo place = new PlaceInfo(1000 + i, PlaceKind.FAMILY_CAFE, LocalizedText.of("Perhekahvila " + i,
                    "Familjecafé " + i, null), "837", LocalizedText.of("Tampere", "Tammerfors", null), 1,
                    LocalizedText.of("Tampere", null, null), 1, "Koulutie " + i, "33100", "Tampere",
                    new BigDecimal("61.498"), new BigDecimal("23.760"), Set.of(), Set.of(1L));
            ActivityQueries.Activity activity = new ActivityQueries.Activity(i + 1, place.id(), ActivityKind.FAMILY_CAFE,
                    LocalizedText.of("Perhekahvila " + i, "Familjecafé " + i, "Family café " + i),
                    LocalizedText.of("Kahvia, leikkiä ja juttuseuraa.", null, null), 0, 72, true, LocalizedText.EMPTY,
                    false, LocalizedText.EMPTY, twiceAWeek, true, true, "fi", true, false, 0,
                    Instant.parse("2026-11-01T10:00:00Z"), List.of(1L), List.of("fi", "sv"));
            hundredSeries.add(new CalendarService.SeasonPlan(new CalendarService.Series(activity, place),
                    OccurrencePlanner.plan(plan, SEASON_START.minusDays(92), SEASON_END.plusDays(92)), java.util.Map.of()));
        }
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("i18n/messages", "i18n/calendar");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        feed = new IcsFeed(messages, new IcsFeed.Settings(Lang.FI, "Perhekalenteri", "https://kohtaamo.example",
                "kohtaamo.fi", MONDAY.minusMonths(1), MONDAY.plusMonths(6)));
    }

    @Benchmark
    public List<Occurrence> planOneWeek() {
        return OccurrencePlanner.plan(plan, MONDAY, MONDAY.plusDays(6));
    }

    @Benchmark
    public List<Occurrence> planWholeSeason() {
        return OccurrencePlanner.plan(plan, SEASON_START.minusDays(92), SEASON_END.plusDays(92));
    }

    @Benchmark
    public String writeFeedOf100Series() {
        return feed.write(hundredSeries, CalendarFilter.ALL);
    }
}
