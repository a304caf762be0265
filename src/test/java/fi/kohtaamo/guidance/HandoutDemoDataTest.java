package fi.kohtaamo.guidance;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kohtaamo.support.IntegrationTest;
import fi.kohtaamo.support.WebClient;
import java.util.List;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo has handouts that partner professionals printed, tallied as printing tallies them (one row per handout, at
 * its first place, with the sending service's type), in the months that have ended, so the demo county's report shows
 * families guided to the places by services beside those guided onward from them. The test clock stands at 25.11.2026.
 */
@IntegrationTest
class HandoutDemoDataTest {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;

    @Test
    void theDemoCountysReportShowsFamiliesGuidedHereByServices() {
        long county = jdbc.sql("select id from county where code = 'LU'").query(Long.class).single();
        List<String> types = jdbc.sql("select distinct service_type from guidance_handout where county_id = :c "
                + "order by service_type").param("c", county).query(String.class).list();
        assertThat(types).contains("CHILD_HEALTH_CLINIC", "FAMILY_SOCIAL_WORK", "IMMIGRANT_SERVICES", "FAMILY_WORK");
        // ended months only, each handout listing 1–3 places, counted at a place of the county
        assertThat(jdbc.sql("select count(*) from guidance_handout where county_id = :c and printed_on >= date "
                + "'2026-11-01'").param("c", county).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(distinct extract(month from printed_on)) from guidance_handout "
                + "where county_id = :c").param("c", county).query(Long.class).single()).isEqualTo(12);
        assertThat(jdbc.sql("select count(*) from guidance_handout where county_id = :c and places not between 1 and 3")
                .param("c", county).query(Long.class).single()).isZero();

        WebClient coordinator = new WebClient(port);
        assertThat(coordinator.login("koordinaattori@demo.kohtaamo.fi", "demo-password-for-tests").header("Location"))
                .endsWith("/admin");
        var page = coordinator.get("/admin/reports?from=2026-10&to=2026-10&lang=en");
        assertThat(page.status()).isEqualTo(200);
        Element row = page.html().select("table:has(#t-referrals) tbody tr").stream()
                .filter(r -> r.text().startsWith("Child health clinic")).findFirst().orElseThrow();
        String guidedHere = row.select("td").last().text();
        assertThat(guidedHere).matches("[0-9]+");
        assertThat(Long.parseLong(guidedHere)).isGreaterThanOrEqualTo(20);
    }
}
