package fi.kohtaamo.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kohtaamo.monitoring.internal.CountQueries;
import fi.kohtaamo.registry.OrganisationType;
import fi.kohtaamo.support.Fixtures;
import fi.kohtaamo.support.IntegrationTest;
import fi.kohtaamo.support.WebClient;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The summary table's change column, over HTTP: a percentage only where the previous period has something
 * to compare with; a previous period without counts says so.
 */
@IntegrationTest
class ReportComparisonTest {

    @Autowired Fixtures fx;
    @Autowired CountQueries counts;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @LocalServerPort int port;

    long place;
    String email;

    @BeforeEach
    void world() {
        long county = fx.county();
        String municipality = fx.municipality(county);
        long area = fx.area(county, municipality);
        long organisation = fx.organisation(OrganisationType.MLL_ASSOCIATION, null, county);
        place = fx.openPlace(area, municipality, organisation);
        email = Fixtures.unique("vertailu").toLowerCase() + "@example.fi";
        jdbc.sql("""
                insert into app_user (email, display_name, password_hash, role, county_id, created_at, updated_at)
                values (:e, 'Vertailu', :h, 'COUNTY_COORDINATOR', :c, current_timestamp, current_timestamp)""")
                .param("e", email).param("h", encoder.encode("vertailun-pitka-salasana-77")).param("c", county).update();
    }

    void count(String day, int adults, int children) {
        counts.insert(place, null, LocalDate.parse(day), new CountQueries.Figures(adults, 0, 0, children, 0, 0, 0, 0, 0),
                Map.of(), false, Instant.now());
    }

    Document report(WebClient web, String from, String to, String lang) {
        WebClient.Response page = web.get("/admin/reports?from=" + from + "&to=" + to + "&lang=" + lang);
        assertThat(page.status()).isEqualTo(200);
        return page.html();
    }

    static String change(Document page, String figure) {
        var row = page.select("table").get(0).select("tbody tr").stream()
                .filter(r -> r.selectFirst("th").text().equals(figure)).findFirst().orElseThrow();
        assertThat(row.select("td")).hasSize(3);
        return row.select("td").get(2).wholeText();
    }

    @Test
    void aPreviousPeriodWithoutCountsSaysSoAndOthersShowThePercentage() {
        count("2026-09-08", 20, 10);
        count("2026-09-15", 20, 10);
        WebClient web = new WebClient(port);
        assertThat(web.login(email, "vertailun-pitka-salasana-77").header("Location")).endsWith("/admin");

        // September against an empty August: no percentage, in any language
        Document en = report(web, "2026-09-01", "2026-09-30", "en");
        assertThat(en.select("table").get(0).select("thead th").get(3).text()).isEqualTo("Change");
        assertThat(change(en, "Visits (adults and children)")).isEqualTo("no data in the previous period");
        assertThat(change(en, "Adults")).isEqualTo("no data in the previous period");
        assertThat(change(en, "Occurrences held")).isEqualTo("no data in the previous period");
        assertThat(en.select("table").get(0).text()).doesNotContain("∞", "Infinity", "%");
        assertThat(change(report(web, "2026-09", "2026-09", "fi"), "Aikuiset"))
                .isEqualTo("ei tietoja edelliseltä jaksolta");
        assertThat(change(report(web, "2026-09", "2026-09", "sv"), "Vuxna"))
                .isEqualTo("inga uppgifter för föregående period");

        // October against that September: 40 adults → 50 adults is +25 %, 60 visitors → 60 is ±0 %; two families
        // guided onward (a figure under five)
        counts.insert(place, null, LocalDate.parse("2026-10-06"), new CountQueries.Figures(50, 0, 0, 10, 0, 0, 0, 0, 0),
                Map.of("CHILD_HEALTH_CLINIC", 2), false, Instant.now());
        Document november = report(web, "2026-10", "2026-10", "en");
        assertThat(change(november, "Adults")).isEqualTo("+25\u00a0%");
        assertThat(change(november, "Visits (adults and children)")).isEqualTo("±0\u00a0%");
        assertThat(change(november, "Children")).isEqualTo("−50\u00a0%");
        // a figure that was 0 in a period with counts: no percentage from 0 either; one hidden as <5: none at all
        assertThat(change(november, "Occurrences held")).isEqualTo("no change (0)");
        assertThat(change(november, "Families guided onward")).isEqualTo("not shown (small numbers)");
    }
}
