package fi.kohtaamo.national;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.kohtaamo.KohtaamoApplication;
import fi.kohtaamo.shared.NationalData;
import fi.kohtaamo.shared.NationalDataCommand;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The generate-national command's data, each run on a fresh in-memory H2 database of its own: the same seed
 * gives the same rows, another seed other rows; the real geography (22 counties, 293 municipalities with
 * official codes) and every municipality with places and a programme; and it refuses a database that
 * already has places.
 */
@Tag("nodb")
class NationalDataTest {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 4);

    @Test
    void theSameSeedGivesTheSameDataAndAnotherSeedOtherData() {
        String first;
        try (var ctx = start("national_a")) {
            List<String> summaries = ctx.getBean(NationalDataCommand.class)
                    .generate(new NationalData.Spec(7, 0.05, TODAY));
            assertThat(summaries).hasSize(5);
            first = digest(ctx);
            JdbcClient jdbc = ctx.getBean(JdbcClient.class);
            assertThat(jdbc.sql("select count(*) from county").query(Integer.class).single()).isEqualTo(22);
            assertThat(jdbc.sql("select count(*) from municipality").query(Integer.class).single()).isEqualTo(293);
            assertThat(jdbc.sql("select name_fi from municipality where code = '091'").query(String.class).single())
                    .isEqualTo("Helsinki");
            assertThat(jdbc.sql("select name_fi from municipality where code = '927'").query(String.class).single())
                    .isEqualTo("Vihti");
            assertThat(jdbc.sql("""
                    select count(*) from municipality m
                    where not exists (select 1 from place p where p.municipality_code = m.code)""")
                    .query(Integer.class).single()).as("municipalities without places").isZero();
            assertThat(jdbc.sql("""
                    select count(*) from place p where not exists (select 1 from activity a where a.place_id = p.id)""")
                    .query(Integer.class).single()).as("places without activities").isZero();
            Map<String, Integer> kinds = new java.util.HashMap<>();
            jdbc.sql("select kind, count(*) from place group by kind")
                    .query(rs -> {
                        kinds.put(rs.getString(1), rs.getInt(2));
                    });
            int all = kinds.values().stream().mapToInt(Integer::intValue).sum();
            assertThat(kinds.get("PARISH_FAMILY_CLUB") * 1.0 / all).as("parish clubs' share").isBetween(0.4, 0.65);
            assertThat(kinds.get("FAMILY_CAFE") * 1.0 / all).as("family cafés' share").isBetween(0.15, 0.4);
            assertThat(jdbc.sql("select count(*) from school_holiday").query(Integer.class).single()).isPositive();
            assertThat(jdbc.sql("select count(*) from occurrence_change").query(Integer.class).single()).isPositive();
            // outreach in every county: the catalogue, partners, slots with past and coming visits
            assertThat(jdbc.sql("select count(distinct county_id) from outreach_partner").query(Integer.class).single())
                    .isEqualTo(22);
            assertThat(jdbc.sql("select count(*) from visit where status = 'CONFIRMED' and happened is not null")
                    .query(Integer.class).single()).isPositive();
            assertThat(jdbc.sql("select count(*) from visit_slot s where not exists (select 1 from visit v where v.slot_id = s.id)")
                    .query(Integer.class).single()).isPositive();
            // counts for every place, and monthly sums equal to them
            assertThat(jdbc.sql("select count(distinct place_id) from visit_count").query(Integer.class).single())
                    .isEqualTo(jdbc.sql("select count(*) from place").query(Integer.class).single());
            assertThat(jdbc.sql("select sum(adults) from visit_count_month").query(Long.class).single())
                    .isEqualTo(jdbc.sql("select sum(adults) from visit_count").query(Long.class).single());

            // the reports' privacy promise on this data: the attacker of ReportPrivacyAuditTest, as the coordinator of the
            // county in the middle by number of places
            long county = jdbc.sql("""
                    select a.county_id from place p join area a on a.id = p.area_id
                    group by a.county_id order by count(*), a.county_id""").query(Long.class).list().get(11);
            var audit = new fi.kohtaamo.support.ReportAudit(ctx.getBean(fi.kohtaamo.monitoring.internal.ReportService.class),
                    ctx.getBean(fi.kohtaamo.registry.Registry.class), jdbc)
                    .attack(new fi.kohtaamo.shared.Actor(9_900_002L, "Auditor", fi.kohtaamo.shared.Role.COUNTY_COORDINATOR,
                            null, java.util.Set.of(), county, null, null), java.time.YearMonth.of(2026, 8),
                            java.time.YearMonth.of(2026, 10));
            System.out.println("report audit, national data: " + audit.summary());
            assertThat(audit.hiddenCells()).isPositive();
            assertThat(audit.notSharesOfPlaceMonths()).isEmpty();
            assertThat(audit.workedOut()).isEmpty();
            assertThat(audit.narrowedByInformedBounds()).isEmpty();
            if (!audit.pinnedByBounds().isEmpty()) {
                assertThat(audit.naiveContradictions()).isPositive();
            }

            assertThatThrownBy(() -> ctx.getBean(NationalDataCommand.class)
                    .generate(new NationalData.Spec(7, 0.05, TODAY)))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("empty database");
        }
        try (var ctx = start("national_b")) {
            ctx.getBean(NationalDataCommand.class).generate(new NationalData.Spec(7, 0.05, TODAY));
            assertThat(digest(ctx)).isEqualTo(first);
        }
        try (var ctx = start("national_c")) {
            ctx.getBean(NationalDataCommand.class).generate(new NationalData.Spec(8, 0.05, TODAY));
            assertThat(digest(ctx)).isNotEqualTo(first);
        }
    }

    static ConfigurableApplicationContext start(String db) {
        return new SpringApplicationBuilder(KohtaamoApplication.class).run(
                "--spring.datasource.url=jdbc:h2:mem:" + db
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                "--spring.datasource.username=sa", "--spring.datasource.password=",
                "--kohtaamo.mode=dev", "--kohtaamo.demo.enabled=false", "--server.port=0");
    }

    /** Everything generated but the time of writing, in a stable order. */
    static String digest(ConfigurableApplicationContext ctx) {
        JdbcClient jdbc = ctx.getBean(JdbcClient.class);
        StringBuilder out = new StringBuilder();
        for (String sql : List.of(
                "select code, name_fi, name_sv, name_en from county order by code",
                "select code, county_id, name_fi, name_sv, language_status from municipality order by code",
                "select id, county_id, name_fi, name_sv from area order by id",
                "select area_id, municipality_code from area_municipality order by area_id, municipality_code",
                "select id, parent_id, type, name_fi, county_id, municipality_code from organisation order by id",
                """
                select id, kind, name_fi, name_sv, name_en, area_id, municipality_code, street_address, postal_code,
                       latitude, longitude, premises_type, premises_ownership, contact_email from place order by id""",
                "select place_id, organisation_id from place_organiser order by place_id, organisation_id",
                """
                select id, place_id, kind, name_fi, schedule_kind, weekdays, week_parity, month_nth, season_start,
                       season_end, start_time, duration_minutes, follows_school_holidays from activity order by id""",
                "select activity_id, original_date, change_kind, new_date from occurrence_change order by activity_id, original_date",
                "select municipality_code, school_language, start_date, end_date from school_holiday order by 1, 2, 3",
                "select id, activity_id, place_id, original_date, starts_at, format, capacity, language from visit_slot order by id",
                "select id, slot_id, partner_org_id, profession_id, topic_id, status, happened, families_reached from visit order by id",
                "select county_id, code, name_fi from outreach_topic order by county_id, code",
                "select place_id, ym, counts, visitors, children_3_6 from visit_count_month order by place_id, ym",
                "select id, county_id, service_type, name_fi, status, access_mode, age_min_months from guidance_service order by id",
                "select service_id, need_code from guidance_service_need order by 1, 2")) {
            jdbc.sql(sql).query(rs -> {
                int n = rs.getMetaData().getColumnCount();
                for (int i = 1; i <= n; i++) {
                    out.append(rs.getString(i)).append(i < n ? '|' : '\n');
                }
            });
        }
        return out.toString();
    }
}
