package fi.kohtaamo.calendar.internal.poster;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kohtaamo.KohtaamoApplication;
import fi.kohtaamo.calendar.ActivityCalendar;
import fi.kohtaamo.shared.Lang;
import fi.kohtaamo.shared.NationalData;
import fi.kohtaamo.shared.PublicDataCache;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;

/**
 * The poster of the national dataset's largest municipality (whole scale, seed 1: Helsinki, about 330 meeting
 * places), on a fresh in-memory H2 database of its own with the places and the calendar generated (the parts the
 * poster reads; the other modules' national data is left out to keep the test short): the week goes on at most
 * two A4 pages with every session the calendar's planner has for it. Generating the whole country takes minutes
 * (8 min on a busy 2-core machine), too long for the default test command: it runs when KOHTAAMO_TEST_NATIONAL=true,
 * as .ci/run sets it.
 */
@Tag("nodb")
@Tag("national")
@EnabledIfEnvironmentVariable(named = "KOHTAAMO_TEST_NATIONAL", matches = "true|1")
class PosterNationalTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    @Test
    void theLargestMunicipalitysWeekFitsOnTwoPages() throws Exception {
        long started = System.nanoTime();
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(KohtaamoApplication.class).run(
                "--spring.datasource.url=jdbc:h2:mem:poster_national;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                        + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                "--spring.datasource.username=sa", "--spring.datasource.password=", "--kohtaamo.mode=dev",
                "--kohtaamo.demo.enabled=false", "--kohtaamo.jobs.enabled=false", "--server.port=0")) {
            NationalData.Spec spec = new NationalData.Spec(1, 1.0, TODAY);
            ctx.getBeanProvider(NationalData.class).orderedStream()
                    .filter(p -> p.getClass().getName().contains(".registry.") || p.getClass().getName().contains(".calendar."))
                    .forEach(p -> p.generate(spec));
            ctx.getBean(PublicDataCache.class).changed();
            long generated = System.nanoTime();
            JdbcClient jdbc = ctx.getBean(JdbcClient.class);
            String largest = jdbc.sql("""
                    select municipality_code from place where published = true
                    group by municipality_code order by count(*) desc, municipality_code limit 1""")
                    .query(String.class).single();
            LocalDate monday = TODAY.with(java.time.DayOfWeek.MONDAY);
            List<ActivityCalendar.PublicSession> sessions = ctx.getBean(ActivityCalendar.class).publicSessions(
                    new ActivityCalendar.SessionQuery(largest, null, null, null), monday, monday.plusDays(6));
            var query = new LinkedMultiValueMap<String, String>();
            query.add("municipality", largest);
            var filter = ctx.getBean(fi.kohtaamo.calendar.internal.CalendarParams.class).filter(query);
            PosterPdf.Rendered poster = PosterPdf.render(ctx.getBean(PosterContent.class)
                    .poster(filter, monday, List.of(Lang.FI), query));
            PosterCoverage.Result r = PosterCoverage.check(poster.pdf(), sessions);
            System.out.printf("poster of the national dataset's largest municipality %s: %d sessions, %d page(s), "
                            + "%.1f pt in %d column(s); generated in %d s, poster in %d ms%n", largest, r.sessions(),
                    r.pages(), poster.plan().grid().size(), poster.plan().grid().columns(),
                    (generated - started) / 1_000_000_000, (System.nanoTime() - generated) / 1_000_000);
            assertThat(r.pages()).isLessThanOrEqualTo(2);
            assertThat(poster.plan().leftOut()).isZero();
        }
    }
}
