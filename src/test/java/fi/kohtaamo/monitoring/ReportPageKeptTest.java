package fi.kohtaamo.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kohtaamo.identity.internal.UserQueries;
import fi.kohtaamo.monitoring.internal.CountQueries;
import fi.kohtaamo.registry.OrganisationType;
import fi.kohtaamo.shared.Role;
import fi.kohtaamo.support.Fixtures;
import fi.kohtaamo.support.IntegrationTest;
import fi.kohtaamo.support.WebClient;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The report page's tables are rendered once and kept (monitoring.internal.ReportPage): a kept part is shown only
 * for the scope its user's records give, in the language asked for, and a count written shows at once; the page
 * around it is each user's own.
 */
@IntegrationTest
class ReportPageKeptTest {

    static final String PASSWORD = "raportin-salasana-1";
    static final String REPORT = "/admin/reports?from=2026-09&to=2026-10&breakdown=MUNICIPALITY";

    @LocalServerPort int port;
    @Autowired Fixtures fx;
    @Autowired CountQueries counts;
    @Autowired UserQueries users;
    @Autowired PasswordEncoder encoder;

    String municipalityA, municipalityB;
    long placeA;
    WebClient coordinatorA, coordinatorB;

    @BeforeEach
    void world() {
        long countyA = fx.county();
        long countyB = fx.county();
        municipalityA = fx.municipality(countyA);
        municipalityB = fx.municipality(countyB);
        placeA = fx.openPlace(fx.area(countyA, municipalityA), municipalityA,
                fx.organisation(OrganisationType.OTHER_NGO, null, countyA));
        long placeB = fx.openPlace(fx.area(countyB, municipalityB), municipalityB,
                fx.organisation(OrganisationType.OTHER_NGO, null, countyB));
        for (long place : List.of(placeA, placeB)) {
            for (int day = 1; day <= 28; day += 3) {
                count(place, LocalDate.of(2026, 9, day), 12);
                count(place, LocalDate.of(2026, 10, day), 15);
            }
        }
        coordinatorA = coordinator(countyA);
        coordinatorB = coordinator(countyB);
    }

    private void count(long place, LocalDate day, int adults) {
        counts.insert(place, null, day, new CountQueries.Figures(adults, 1, 2, 3, 2, 1, 1, 0, 2), Map.of(), false,
                Instant.now());
    }

    private WebClient coordinator(long county) {
        String email = Fixtures.unique("raportoija").replace(' ', '-') + "@example.fi";
        users.insert(email, "Raportoija", encoder.encode(PASSWORD), Role.COUNTY_COORDINATOR, null, county, null, null,
                "fi", true, false, Instant.now());
        WebClient web = new WebClient(port);
        assertThat(web.login(email, PASSWORD).status()).isEqualTo(302);
        return web;
    }

    private static List<String> rows(Document page) {
        return page.select("table.report").get(0).select("tbody tr th").eachText();
    }

    private static String total(Document page) {
        return page.select("table.report").get(0).selectFirst("tr.total td").text();
    }

    @Test
    void aKeptReportIsShownOnlyInItsScopeAndLanguage() {
        Document a = coordinatorA.get(REPORT + "&lang=en").html();
        assertThat(rows(a)).containsExactly("Testikunta " + municipalityA, "Total");
        // the same address for a coordinator of another county: that county's report, not the kept one
        Document b = coordinatorB.get(REPORT + "&lang=en").html();
        assertThat(rows(b)).containsExactly("Testikunta " + municipalityB, "Total");
        assertThat(rows(coordinatorA.get(REPORT + "&lang=en").html())).containsExactly("Testikunta " + municipalityA, "Total");
        // each page's own token: the other coordinator's sign-out form works with it
        WebClient.Response out = coordinatorB.post("/logout", Map.of());
        assertThat(out.status()).isEqualTo(302);
        assertThat(out.header("Location")).endsWith("/?loggedOut");

        // another language: its own rendering
        Document sv = coordinatorA.get(REPORT + "&lang=sv").html();
        assertThat(rows(sv)).containsExactly("Testkommun " + municipalityA, "Totalt");
        assertThat(sv.select("table.report th[scope=col]").first().text()).isEqualTo("Kommun");
        assertThat(rows(coordinatorA.get(REPORT + "&lang=fi").html())).containsExactly("Testikunta " + municipalityA,
                "Yhteensä");

        // the download links carry the request's own filter, as written
        Document narrowed = coordinatorA.get(REPORT + "&lang=en&municipality=" + municipalityA).html();
        assertThat(narrowed.select("a[href*=reports.csv]").attr("href")).contains("municipality=" + municipalityA);
        assertThat(a.select("a[href*=reports.csv]").attr("href")).contains("municipality=&").doesNotContain("municipality=" + municipalityA);

        // a count written shows in the next page
        String before = total(coordinatorA.get(REPORT + "&lang=en").html());
        count(placeA, LocalDate.of(2026, 10, 30), 300);
        assertThat(total(coordinatorA.get(REPORT + "&lang=en").html())).isNotEqualTo(before);
    }
}
