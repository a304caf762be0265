package fi.kohtaamo.audit;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kohtaamo.identity.internal.UserQueries;
import fi.kohtaamo.registry.OrganisationType;
import fi.kohtaamo.shared.Role;
import fi.kohtaamo.support.Fixtures;
import fi.kohtaamo.support.IntegrationTest;
import fi.kohtaamo.support.TestClock;
import fi.kohtaamo.support.WebClient;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The audit log page over real HTTP: a write shows up with who and when, each coordinator sees only
 * their own county's or area's entries, filters work and bad filters are refused, and roles without
 * the right get 403.
 */
@IntegrationTest
class AuditLogPagesTest {

    static final String PASSWORD = "oikein-pitkä-salasana-1";
    static final ZoneId HELSINKI = ZoneId.of("Europe/Helsinki");

    @LocalServerPort int port;
    @Autowired Fixtures fx;
    @Autowired UserQueries users;
    @Autowired PasswordEncoder encoder;
    @Autowired TestClock clock;

    long countyA, countyB, areaA, orgA, placeA;
    String coordinatorA, coordinatorB, areaCoordinatorA, admin, staffA;

    @BeforeEach
    void world() {
        countyA = fx.county();
        countyB = fx.county();
        String muniA = fx.municipality(countyA);
        areaA = fx.area(countyA, muniA);
        orgA = fx.organisation(OrganisationType.PARISH, null, countyA);
        placeA = fx.place(areaA, muniA, orgA);
        coordinatorA = account("koordinaattori-a", "Kaisa Koordinaattori A", Role.COUNTY_COORDINATOR, null, countyA, null);
        coordinatorB = account("koordinaattori-b", "Kalle Koordinaattori B", Role.COUNTY_COORDINATOR, null, countyB, null);
        areaCoordinatorA = account("alue-a", "Aino Alue A", Role.AREA_COORDINATOR, null, countyA, areaA);
        admin = account("paakayttaja", "Pia Pääkäyttäjä", Role.ADMIN, null, null, null);
        staffA = account("tyontekija", "Tomi Työntekijä", Role.PROVIDER_STAFF, orgA, countyA, null);
    }

    String account(String prefix, String name, Role role, Long org, Long county, Long area) {
        String email = Fixtures.unique(prefix).replace(' ', '-') + "@example.fi";
        users.insert(email, name, encoder.encode(PASSWORD), role, org, county, area, null, "fi", true, false,
                clock.instant());
        return email;
    }

    WebClient signedIn(String email) {
        WebClient web = new WebClient(port);
        assertThat(web.login(email, PASSWORD).header("Location")).endsWith("/admin");
        return web;
    }

    /** Creates an account through the pages, as the coordinator; returns its id. */
    long create(WebClient web, String email, String name, String role, Long org, Long place) {
        web.get("/admin/users/new");
        Map<String, String> f = new LinkedHashMap<>();
        f.put("displayName", name);
        f.put("email", email);
        f.put("role", role);
        f.put("organisationId", org == null ? "" : String.valueOf(org));
        f.put("placeId", place == null ? "" : String.valueOf(place));
        f.put("enabled", "true");
        f.put("_enabled", "on");
        f.put("password", "ensimmäinen-salasana");
        var r = web.post("/admin/users", f);
        assertThat(r.status()).isEqualTo(302);
        return Long.parseLong(r.header("Location").replaceAll("^.*/admin/users/([0-9]+)\\?saved$", "$1"));
    }

    static Optional<Element> row(Document page, String record) {
        return page.select("tbody tr").stream()
                .filter(tr -> tr.select("td").size() > 3 && tr.select("td").get(3).text().equals(record)).findFirst();
    }

    @Test
    void accountCreationIsListedWithWhoAndWhenAndOnlyInItsCounty() {
        WebClient coordinator = signedIn(coordinatorA);
        String when = DateTimeFormatter.ofPattern("d.M.yyyy H.mm").format(clock.instant().atZone(HELSINKI));
        String email = Fixtures.unique("loki").replace(' ', '-') + "@example.fi";
        long id = create(coordinator, email, "<b>Lotta</b> Lokitettu", "PROVIDER_STAFF", orgA, null);

        var response = coordinator.get("/admin/audit");
        assertThat(response.status()).isEqualTo(200);
        Document page = response.html();
        assertThat(page.select("h1").text()).isEqualTo("Muutosloki");
        assertThat(page.select("table caption").text()).startsWith("Muutokset, sivu 1/");
        assertThat(page.select("thead th[scope=col]")).hasSize(5);
        assertThat(page.select("nav.staff-nav a[href=/admin/audit]")).hasSize(1);
        Element entry = row(page, "Käyttäjä " + id).orElseThrow();
        var cells = entry.select("td");
        assertThat(cells.get(0).text()).isEqualTo(when);
        assertThat(cells.get(1).text()).isEqualTo("Kaisa Koordinaattori A");
        assertThat(cells.get(2).text()).isEqualTo("Käyttäjä lisätty");
        Element details = cells.get(4).selectFirst("details");
        assertThat(details).isNotNull();
        assertThat(details.select("summary").text()).isNotBlank();
        assertThat(details.select("pre.json")).hasSize(1);
        assertThat(details.select("pre.json").text()).contains(email).contains("<b>Lotta</b> Lokitettu")
                .doesNotContainIgnoringCase("password").doesNotContain("{bcrypt}");
        // the name was stored as text: in the page it is escaped, not markup
        assertThat(response.body()).doesNotContain("<b>Lotta</b>");
        assertThat(details.select("b")).isEmpty();

        // a coordinator of another county does not see it, nor does an area coordinator (it has no area)
        Document other = signedIn(coordinatorB).get("/admin/audit?entityType=user").html();
        assertThat(row(other, "Käyttäjä " + id)).isEmpty();
        assertThat(other.text()).doesNotContain(email);
        WebClient area = signedIn(areaCoordinatorA);
        assertThat(row(area.get("/admin/audit").html(), "Käyttäjä " + id)).isEmpty();

        // a volunteer at a place of the area is the area coordinator's business, and the county's
        long volunteer = create(coordinator, Fixtures.unique("vapaaehtoinen").replace(' ', '-') + "@example.fi",
                "Vilma Vapaaehtoinen", "VOLUNTEER", null, placeA);
        assertThat(row(area.get("/admin/audit").html(), "Käyttäjä " + volunteer)).isPresent();
        assertThat(row(coordinator.get("/admin/audit").html(), "Käyttäjä " + volunteer)).isPresent();

        // the administrator sees everything; the filters narrow the list
        WebClient adminWeb = signedIn(admin);
        LocalDate today = clock.instant().atZone(HELSINKI).toLocalDate();
        assertThat(row(adminWeb.get("/admin/audit?entityType=user&from=" + today + "&to=" + today).html(),
                "Käyttäjä " + id)).isPresent();
        assertThat(adminWeb.get("/admin/audit?entityType=place").html().select("tbody tr").eachText())
                .noneMatch(t -> t.contains("Käyttäjä "));
        assertThat(row(adminWeb.get("/admin/audit?from=" + today.plusDays(1)).html(), "Käyttäjä " + id)).isEmpty();
        assertThat(row(adminWeb.get("/admin/audit?to=" + today.minusDays(1)).html(), "Käyttäjä " + id)).isEmpty();
        Document swedish = adminWeb.get("/admin/audit?entityType=user&lang=sv").html();
        assertThat(row(swedish, "Användare " + id).orElseThrow().select("td").get(2).text())
                .isEqualTo("Användare tillagd");
    }

    @Test
    void badFiltersAreRefusedWithMessages() {
        WebClient web = signedIn(coordinatorA);
        var badDate = web.get("/admin/audit?from=2026-13-45&to=%3Cscript%3E");
        assertThat(badDate.status()).isEqualTo(400);
        Document doc = badDate.html();
        assertThat(doc.select("#f-from-error").text()).isEqualTo("Anna päivämäärä muodossa vvvv-kk-pp.");
        assertThat(doc.select("#f-to-error").text()).isNotBlank();
        assertThat(doc.select("#f-from").attr("aria-describedby").strip()).isEqualTo("f-from-error");
        assertThat(badDate.body()).doesNotContain("<script>");

        var reversed = web.get("/admin/audit?from=2026-11-20&to=2026-11-10");
        assertThat(reversed.status()).isEqualTo(400);
        assertThat(reversed.html().select("#f-to-error").text())
                .isEqualTo("Päättymispäivä ei voi olla ennen alkamispäivää.");

        var badType = web.get("/admin/audit?entityType=user%27%20or%201%3D1--");
        assertThat(badType.status()).isEqualTo(400);
        assertThat(badType.html().select("#f-entityType-error").text()).isNotBlank();

        assertThat(web.get("/admin/audit?page=abc").status()).isEqualTo(400);
        assertThat(web.get("/admin/audit?page=0").status()).isEqualTo(400);
        assertThat(web.get("/admin/audit?page=5").status()).isEqualTo(200);
    }

    @Test
    void rolesWithoutTheRightAreRefused() {
        WebClient staff = signedIn(staffA);
        assertThat(staff.get("/admin/audit").status()).isEqualTo(403);
        assertThat(staff.get("/admin/users").status()).isEqualTo(403);
        assertThat(staff.get("/admin").html().select("nav.staff-nav a[href=/admin/audit]")).isEmpty();
        // not signed in: to the login page
        var anonymous = new WebClient(port).get("/admin/audit");
        assertThat(anonymous.status()).isEqualTo(302);
        assertThat(anonymous.header("Location")).contains("/login");
    }
}
