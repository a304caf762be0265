package fi.kohtaamo.guidance;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kohtaamo.support.IntegrationTest;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo directory (loaded at start in demo mode; the test clock is 25.11.2026): about forty services of
 * Länsi-Uusimaa's kinds, all marked as demo, each in fi/sv/en, each reachable, owned by demo accounts, with needs
 * from the county's catalogue, some with Arabic, Somali and Russian texts, and some not checked for 7–12 months.
 */
@IntegrationTest
class DirectoryDemoDataTest {

    @Autowired JdbcClient jdbc;

    long county() {
        return jdbc.sql("select id from county where code = 'LU'").query(Long.class).single();
    }

    long count(String sql) {
        return jdbc.sql(sql).param("c", county()).query(Long.class).single();
    }

    @Test
    void aboutFortyServicesOfTheCountysKinds() {
        assertThat(count("select count(*) from guidance_service where county_id = :c")).isBetween(38L, 50L);
        assertThat(count("select count(*) from guidance_service where county_id = :c and demo = false")).isZero();
        assertThat(count("select count(*) from guidance_service where county_id = :c and (name_sv is null "
                + "or name_en is null or summary_fi is null or summary_sv is null or summary_en is null)")).isZero();
        assertThat(jdbc.sql("select distinct service_type from guidance_service where county_id = :c")
                .param("c", county()).query(String.class).list()).contains("CHILD_HEALTH_CLINIC", "FAMILY_COUNSELLING",
                "FAMILY_SOCIAL_WORK", "CHILD_WELFARE_OPEN", "ECEC", "IMMIGRANT_SERVICES", "ORAL_HEALTH",
                "SPEECH_THERAPY", "PARENT_MENTAL_HEALTH", "PARISH_FAMILY_COUNSELLING", "PARISH_DIACONIA", "HELPLINE",
                "NGO_SERVICES", "CULTURE_LEISURE");
        assertThat(jdbc.sql("select distinct lang from guidance_service_text t join guidance_service s "
                + "on s.id = t.service_id where s.county_id = :c").param("c", county()).query(String.class).list())
                .contains("ar", "so", "ru");
    }

    @Test
    void everyServiceIsReachableOwnedAndFoundByNeedsOfTheCatalogue() {
        assertThat(count("""
                select count(*) from guidance_service s where s.county_id = :c
                   and not exists (select 1 from guidance_channel ch where ch.service_id = s.id)
                   and not (s.access_mode = 'PROFESSIONAL_ONLY' and s.referral_fi is not null)""")).isZero();
        assertThat(count("select count(*) from guidance_service where county_id = :c and owner_user_id is null")).isZero();
        assertThat(count("""
                select count(*) from guidance_service_need n join guidance_service s on s.id = n.service_id
                 where s.county_id = :c and not exists (select 1 from guidance_need g
                                                         where g.county_id = s.county_id and g.code = n.need_code)"""))
                .isZero();
        assertThat(count("""
                select count(*) from guidance_hours h join guidance_channel ch on ch.id = h.channel_id
                  join guidance_service s on s.id = ch.service_id
                 where s.county_id = :c and h.kind = 'REGULAR' and h.closes < h.opens""")).as("over midnight")
                .isPositive();
    }

    @Test
    void someAreNotCheckedForSevenToTwelveMonths() {
        LocalDate today = LocalDate.of(2026, 11, 25);
        List<LocalDate> checked = jdbc.sql("select last_checked_on from guidance_service where county_id = :c")
                .param("c", county()).query(LocalDate.class).list();
        long old = checked.stream().filter(d -> d.isBefore(today.minusMonths(6))).count();
        assertThat(old).isBetween(5L, 20L);
        assertThat(checked).allSatisfy(d -> assertThat(d).isAfter(today.minusMonths(13)));
    }
}
