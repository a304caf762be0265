package fi.kohtaamo.identity;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kohtaamo.identity.internal.UserQueries;
import fi.kohtaamo.registry.OrganisationType;
import fi.kohtaamo.shared.Role;
import fi.kohtaamo.support.Fixtures;
import fi.kohtaamo.support.IntegrationTest;
import fi.kohtaamo.support.TestClock;
import fi.kohtaamo.support.WebClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Account administration, the own account page and sign-in throttling over real HTTP: what a county
 * coordinator may and may not do, hostile input, and the messages in Finnish and Swedish. Every test
 * builds its own counties, organisations and accounts.
 */
@IntegrationTest
class UserAdminPagesTest {

    static final String PASSWORD = "oikein-pitkä-salasana-1";

    @LocalServerPort int port;
    @Autowired Fixtures fx;
    @Autowired UserQueries users;
    @Autowired PasswordEncoder encoder;
    @Autowired TestClock clock;
    @Autowired javax.sql.DataSource dataSource;

    long countyA, countyB, areaA, orgA, orgB, placeA;
    String coordinatorA, coordinatorB;
    long coordinatorBId;
    final List<String> throttled = new ArrayList<>();

    @BeforeEach
    void world() {
        countyA = fx.county();
        countyB = fx.county();
        String muniA = fx.municipality(countyA);
        areaA = fx.area(countyA, muniA);
        orgA = fx.organisation(OrganisationType.MLL_ASSOCIATION, null, countyA);
        orgB = fx.organisation(OrganisationType.OTHER_NGO, null, countyB);
        placeA = fx.place(areaA, muniA, orgA);
        coordinatorA = email("koordinaattori-a");
        coordinatorB = email("koordinaattori-b");
        account(coordinatorA, "Kaisa Koordinaattori A", Role.COUNTY_COORDINATOR, null, countyA, null);
        coordinatorBId = account(coordinatorB, "Kalle Koordinaattori B", Role.COUNTY_COORDINATOR, null, countyB, null);
    }

    @AfterEach
    void clearThrottle() {
        // the tests share one database: leave no failed sign-ins behind that count against the test address
        throttled.forEach(e -> users.clearFailures(e));
    }

    static String email(String prefix) {
        return Fixtures.unique(prefix).replace(' ', '-') + "@example.fi";
    }

    long account(String email, String name, Role role, Long org, Long county, Long place) {
        return users.insert(email, name, encoder.encode(PASSWORD), role, org, county, null, place, "fi", true, false,
                clock.instant());
    }

    WebClient signedIn(String email) {
        WebClient web = new WebClient(port);
        var r = web.login(email, PASSWORD);
        assertThat(r.status()).isEqualTo(302);
        assertThat(r.header("Location")).endsWith("/admin");
        return web;
    }

    static Map<String, String> newAccount(String email, String name, String role, Long org) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("displayName", name);
        f.put("email", email);
        f.put("preferredLanguage", "fi");
        f.put("enabled", "true");
        f.put("_enabled", "on");
        f.put("role", role);
        f.put("organisationId", org == null ? "" : String.valueOf(org));
        f.put("countyId", "");
        f.put("areaId", "");
        f.put("placeId", "");
        f.put("password", "uusi-salasana-123");
        return f;
    }

    static long idFromLocation(WebClient.Response r) {
        String location = r.header("Location");
        return Long.parseLong(location.replaceAll("^.*/admin/users/([0-9]+)\\?saved$", "$1"));
    }

    @Test
    void countyCoordinatorCreatesProviderStaffWhoCanSignIn() {
        WebClient web = signedIn(coordinatorA);
        Document form = web.get("/admin/users/new").html();
        assertThat(form.select("#f-role option").eachAttr("value"))
                .contains("PROVIDER_STAFF", "VOLUNTEER", "COUNTY_COORDINATOR").doesNotContain("ADMIN", "NATIONAL_REPORTER");
        assertThat(form.select("#f-organisationId option").eachAttr("value")).contains(String.valueOf(orgA))
                .doesNotContain(String.valueOf(orgB));
        assertThat(form.select("label[for=f-role]")).hasSize(1);

        String email = email("tyontekija");
        var created = web.post("/admin/users", newAccount(email, "Tiina Työntekijä", "PROVIDER_STAFF", orgA));
        assertThat(created.status()).isEqualTo(302);
        long id = idFromLocation(created);
        UserQueries.User stored = users.byEmail(email).orElseThrow();
        assertThat(stored.id()).isEqualTo(id);
        assertThat(stored.role()).isEqualTo(Role.PROVIDER_STAFF);
        assertThat(stored.organisationId()).isEqualTo(orgA);
        assertThat(stored.countyId()).isEqualTo(countyA);
        assertThat(stored.enabled()).isTrue();

        var page = web.get("/admin/users/" + id + "?saved");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.html().select("p.notice").text()).isEqualTo("Tallennettu.");
        assertThat(page.body()).doesNotContain(users.passwordHash(email).orElseThrow()).doesNotContain("{bcrypt}");

        Document list = web.get("/admin/users").html();
        assertThat(list.select("table caption").text()).startsWith("Käyttäjätilit");
        assertThat(list.select("th[scope=col]")).hasSize(6);
        var row = list.select("tbody tr").stream().filter(tr -> tr.text().contains(email)).findFirst().orElseThrow();
        assertThat(row.text()).contains("Tiina Työntekijä", "Kohtaamispaikan työntekijä", "Käytössä",
                "Ei ole vielä kirjautunut");
        assertThat(row.select("td").get(2).text()).startsWith("Testijärjestö");
        assertThat(list.text()).doesNotContain(coordinatorB);

        WebClient staff = new WebClient(port);
        var login = staff.login(email, "uusi-salasana-123");
        assertThat(login.status()).isEqualTo(302);
        assertThat(login.header("Location")).endsWith("/admin");
        assertThat(staff.get("/admin").status()).isEqualTo(200);
        assertThat(users.byEmail(email).orElseThrow().lastLoginAt()).isNotNull();
        // provider staff do not administer accounts or read the audit log
        assertThat(staff.get("/admin/users").status()).isEqualTo(403);
        assertThat(staff.get("/admin/users/new").status()).isEqualTo(403);
        assertThat(staff.get("/admin/users/" + id).status()).isEqualTo(403);
        assertThat(staff.get("/admin/audit").status()).isEqualTo(403);
        assertThat(staff.get("/admin").html().select("nav.staff-nav a").eachAttr("href"))
                .contains("/admin/account").doesNotContain("/admin/users", "/admin/audit");
    }

    @Test
    void countyCoordinatorCannotGrantAdministrator() {
        WebClient web = signedIn(coordinatorA);
        web.get("/admin/users/new");
        String email = email("paakayttaja");
        var r = web.post("/admin/users", newAccount(email, "Pekka Pääkäyttäjä", "ADMIN", null));
        assertThat(r.status()).isEqualTo(400);
        Document doc = r.html();
        assertThat(doc.select("#f-role-error").text()).isEqualTo("Et voi antaa tätä roolia.");
        assertThat(doc.select("#f-role").attr("aria-describedby")).contains("f-role-error");
        assertThat(doc.select(".error-summary a[href=\"#f-role\"]")).hasSize(1);
        assertThat(users.byEmail(email)).isEmpty();
        // the password typed is not sent back
        assertThat(r.body()).doesNotContain("uusi-salasana-123");
    }

    @Test
    void countyCoordinatorCannotSeeOrChangeAccountsOfAnotherCounty() {
        WebClient web = signedIn(coordinatorA);
        web.get("/admin/users");
        UserQueries.User before = users.byId(coordinatorBId).orElseThrow();
        String hashBefore = users.passwordHash(coordinatorB).orElseThrow();

        assertThat(web.get("/admin/users/" + coordinatorBId).status()).isEqualTo(403);
        Map<String, String> change = newAccount(coordinatorB, "Vaihdettu nimi", "COUNTY_COORDINATOR", null);
        change.put("countyId", String.valueOf(countyA));
        change.put("version", String.valueOf(before.version()));
        change.remove("password");
        assertThat(web.post("/admin/users/" + coordinatorBId, change).status()).isEqualTo(403);
        web.get("/admin/users");
        assertThat(web.post("/admin/users/" + coordinatorBId + "/password",
                Map.of("newPassword", "kaappaus-salasana-1")).status()).isEqualTo(403);

        assertThat(users.byId(coordinatorBId).orElseThrow()).isEqualTo(before);
        assertThat(users.passwordHash(coordinatorB).orElseThrow()).isEqualTo(hashBefore);
        // nor can they place a new account in the other county
        web.get("/admin/users/new");
        String email = email("toinen-alue");
        var r = web.post("/admin/users", newAccount(email, "Toisen alueen työntekijä", "PROVIDER_STAFF", orgB));
        assertThat(r.status()).isEqualTo(400);
        assertThat(users.byEmail(email)).isEmpty();
    }

    @Test
    void noFieldOfTheFormWidensTheScopeOfAnAccount() {
        long national = fx.organisation(OrganisationType.NATIONAL_ORGANISATION, null, null);
        WebClient web = signedIn(coordinatorA);
        web.get("/admin/users/new");
        // an organisation of another county, or a national one, with the coordinator's own county, area or place
        // added: the account's scope comes from its organisation, whatever else the form says
        for (long org : List.of(orgB, national)) {
            for (var extra : List.of(Map.entry("countyId", countyA), Map.entry("areaId", areaA),
                    Map.entry("placeId", placeA))) {
                String email = email("laajennus");
                Map<String, String> form = newAccount(email, "Laajennettu", "PROVIDER_STAFF", org);
                form.put(extra.getKey(), String.valueOf(extra.getValue()));
                var r = web.post("/admin/users", form);
                assertThat(r.status()).as(org + " " + extra).isEqualTo(400);
                assertThat(r.html().select("#f-role-error").text()).isEqualTo("Sinulla ei ole oikeutta tallentaa tietoa tähän.");
                assertThat(users.byEmail(email)).as(org + " " + extra).isEmpty();
            }
        }
        // nor can an account of the county be moved to such an organisation
        String email = email("siirrettava");
        long id = account(email, "Siirrettävä", Role.PROVIDER_STAFF, orgA, countyA, null);
        UserQueries.User before = users.byId(id).orElseThrow();
        Map<String, String> change = newAccount(email, "Siirrettävä", "PROVIDER_STAFF", orgB);
        change.remove("password");
        change.put("countyId", String.valueOf(countyA));
        change.put("version", String.valueOf(before.version()));
        web.get("/admin/users/" + id);
        assertThat(web.post("/admin/users/" + id, change).status()).isEqualTo(400);
        assertThat(users.byId(id).orElseThrow()).isEqualTo(before);
        // fields the role does not use are not stored: a provider of the county has no area or place
        String kept = email("oikea");
        Map<String, String> form = newAccount(kept, "Oikea", "PROVIDER_STAFF", orgA);
        form.put("countyId", String.valueOf(countyB));
        form.put("placeId", String.valueOf(placeA));
        assertThat(web.post("/admin/users", form).status()).isEqualTo(302);
        UserQueries.User stored = users.byEmail(kept).orElseThrow();
        assertThat(stored.countyId()).isEqualTo(countyA);
        assertThat(stored.placeId()).isNull();
        assertThat(stored.areaId()).isNull();
    }

    @Test
    void anAccountStoredWithAnotherCountyIsNotTheCoordinatorsToChange() {
        // as the old form could store it: staff of county B's organisation, with county A written beside it
        String email = email("vanha-laajennus");
        long id = account(email, "Vanha laajennus", Role.PROVIDER_STAFF, orgB, countyA, null);
        UserQueries.User before = users.byId(id).orElseThrow();
        String hash = users.passwordHash(email).orElseThrow();
        WebClient web = signedIn(coordinatorA);
        assertThat(web.get("/admin/users/" + id).status()).isEqualTo(403);
        web.get("/admin/users");
        assertThat(web.post("/admin/users/" + id + "/password", Map.of("newPassword", "kaappaus-salasana-1")).status())
                .isEqualTo(403);
        Map<String, String> change = newAccount(email, "Kaapattu", "PROVIDER_STAFF", orgB);
        change.remove("password");
        change.put("version", String.valueOf(before.version()));
        assertThat(web.post("/admin/users/" + id, change).status()).isEqualTo(403);
        assertThat(users.byId(id).orElseThrow()).isEqualTo(before);
        assertThat(users.passwordHash(email).orElseThrow()).isEqualTo(hash);
    }

    @Test
    void migrationV11PlacesAnAccountStoredWithAnotherCountyWhereItsOrganisationIs() throws Exception {
        String email = email("vanha-listalla");
        long id = account(email, "Vanha listalla", Role.PROVIDER_STAFF, orgB, countyA, null);
        WebClient web = signedIn(coordinatorA);
        assertThat(web.get("/admin/users").body()).contains(email);
        try (java.sql.Connection c = dataSource.getConnection()) {
            new db.migration.V11__account_scope_from_records().migrate(new org.flywaydb.core.api.migration.Context() {
                @Override
                public org.flywaydb.core.api.configuration.Configuration getConfiguration() {
                    return null;
                }

                @Override
                public java.sql.Connection getConnection() {
                    return c;
                }
            });
        }
        assertThat(users.byId(id).orElseThrow().countyId()).isNotEqualTo(countyA);
        assertThat(web.get("/admin/users").body()).doesNotContain(email);
        assertThat(signedIn(coordinatorB).get("/admin/users").body()).contains(email);
    }

    @Test
    void fieldErrorsInSwedish() {
        WebClient web = signedIn(coordinatorA);
        web.get("/admin/users/new?lang=sv");
        Map<String, String> empty = newAccount("", "", "", null);
        empty.put("password", "kort");
        var r = web.post("/admin/users?lang=sv", empty);
        assertThat(r.status()).isEqualTo(400);
        Document doc = r.html();
        assertThat(doc.selectFirst("html").attr("lang")).isEqualTo("sv");
        assertThat(doc.select(".error-summary h2").text()).isEqualTo("Rätta följande");
        assertThat(doc.select("#f-displayName-error").text()).isEqualTo("Uppgiften är obligatorisk.");
        assertThat(doc.select("#f-email-error").text()).isEqualTo("Uppgiften är obligatorisk.");
        assertThat(doc.select("#f-role-error").text()).isEqualTo("Uppgiften är obligatorisk.");
        assertThat(doc.select("#f-password-error").text()).isNotBlank().doesNotContain("salasana");
        assertThat(doc.select("#f-displayName").attr("aria-invalid")).isEqualTo("true");
        assertThat(doc.select("#f-displayName").attr("aria-describedby").strip()).isEqualTo("f-displayName-error");
        assertThat(doc.select("label[for=f-email]").text()).startsWith("E-post");
        assertThat(doc.select("fieldset legend").eachText()).contains("Roll och verksamhetsområde");
    }

    @Test
    void hostileInput() {
        WebClient web = signedIn(coordinatorA);
        web.get("/admin/users/new");

        // HTML in a name is stored as text and shown escaped
        String scriptEmail = email("skripti");
        var created = web.post("/admin/users",
                newAccount(scriptEmail, "<script>alert(1)</script> Testi", "PROVIDER_STAFF", orgA));
        assertThat(created.status()).isEqualTo(302);
        var page = web.get("/admin/users/" + idFromLocation(created));
        assertThat(page.body()).doesNotContain("<script>alert(1)</script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(page.html().select("h1").text()).isEqualTo("Käyttäjä: <script>alert(1)</script> Testi");
        var list = web.get("/admin/users");
        assertThat(list.body()).doesNotContain("<script>alert(1)</script>");
        assertThat(list.html().select("script")).isEmpty();

        // control characters
        String controlEmail = email("ohjausmerkki");
        var control = web.post("/admin/users", newAccount(controlEmail, "Nimi\u0007\u0000", "PROVIDER_STAFF", orgA));
        assertThat(control.status()).isEqualTo(400);
        assertThat(control.html().select("#f-displayName-error").text())
                .isEqualTo("Tekstissä on kiellettyjä ohjausmerkkejä.");
        assertThat(users.byEmail(controlEmail)).isEmpty();

        // an oversized email address
        String longEmail = "a".repeat(288) + "@example.fi";
        assertThat(longEmail).hasSize(299);
        var tooLong = web.post("/admin/users", newAccount(longEmail + "x", "Pitkä osoite", "PROVIDER_STAFF", orgA));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.html().select("#f-email-error").text()).isEqualTo("Enintään 254 merkkiä.");
        assertThat(users.byEmail(longEmail + "x")).isEmpty();

        // an email address already in use (in another case), even by an account the coordinator cannot see
        var duplicate = web.post("/admin/users",
                newAccount(coordinatorB.toUpperCase(), "Kaksoiskappale", "PROVIDER_STAFF", orgA));
        assertThat(duplicate.status()).isEqualTo(400);
        assertThat(duplicate.html().select("#f-email-error").text()).isEqualTo("Tällä sähköpostiosoitteella on jo tili.");
        assertThat(users.byEmail(coordinatorB).orElseThrow().displayName()).isEqualTo("Kalle Koordinaattori B");

        // a choice that is not a number
        Map<String, String> badOrg = newAccount(email("huono"), "Huono valinta", "PROVIDER_STAFF", null);
        badOrg.put("organisationId", "1 or 1=1");
        var bad = web.post("/admin/users", badOrg);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.html().select("#f-organisationId-error").text()).isEqualTo("Valitse jokin annetuista vaihtoehdoista.");
    }

    @Test
    void coordinatorEditsAndDisablesAnAccountAndSetsItsPassword() {
        String email = email("muokattava");
        long id = account(email, "Muokattava", Role.PROVIDER_STAFF, orgA, countyA, null);
        WebClient web = signedIn(coordinatorA);
        Document form = web.get("/admin/users/" + id).html();
        assertThat(form.select("#f-displayName").attr("value")).isEqualTo("Muokattava");
        assertThat(form.select("input[type=password]").eachAttr("value")).allMatch(String::isEmpty);

        Map<String, String> change = newAccount(email, "Muokattu Nimi", "PROVIDER_STAFF", orgA);
        change.remove("password");
        change.remove("enabled"); // the box left unticked
        change.put("version", form.select("input[name=version]").attr("value"));
        var saved = web.post("/admin/users/" + id, change);
        assertThat(saved.status()).isEqualTo(302);
        UserQueries.User after = users.byId(id).orElseThrow();
        assertThat(after.displayName()).isEqualTo("Muokattu Nimi");
        assertThat(after.enabled()).isFalse();

        // the same old version again is a conflict, and nothing changes
        change.put("displayName", "Vanha versio");
        var stale = web.post("/admin/users/" + id, change);
        assertThat(stale.status()).isEqualTo(409);
        assertThat(users.byId(id).orElseThrow().displayName()).isEqualTo("Muokattu Nimi");

        web.get("/admin/users/" + id);
        var shortPassword = web.post("/admin/users/" + id + "/password", Map.of("newPassword", "lyhyt"));
        assertThat(shortPassword.status()).isEqualTo(400);
        assertThat(shortPassword.html().select("#f-newPassword-error").text())
                .isEqualTo("Salasanassa pitää olla vähintään 12 merkkiä.");
        var set = web.post("/admin/users/" + id + "/password", Map.of("newPassword", "asetettu-salasana-99"));
        assertThat(set.status()).isEqualTo(302);
        assertThat(set.header("Location")).endsWith("/admin/users/" + id + "?passwordSet");
        assertThat(encoder.matches("asetettu-salasana-99", users.passwordHash(email).orElseThrow())).isTrue();
    }

    @Test
    void ownPasswordChange() {
        String email = email("oma-tili");
        account(email, "Olli Oma", Role.PROVIDER_STAFF, orgA, countyA, null);
        WebClient web = signedIn(email);
        Document page = web.get("/admin/account").html();
        assertThat(page.select("h1").text()).isEqualTo("Oma tili");
        assertThat(page.select("dl.facts").text()).contains("Olli Oma", email, "Kohtaamispaikan työntekijä");
        String hash = users.passwordHash(email).orElseThrow();

        var wrong = web.post("/admin/account/password", Map.of("currentPassword", "väärä-salasana-123",
                "newPassword", "uusi-oma-salasana-1", "passwordConfirm", "uusi-oma-salasana-1"));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.html().select("#f-currentPassword-error").text()).isEqualTo("Nykyinen salasana on väärin.");
        assertThat(wrong.html().select("#f-currentPassword").attr("aria-describedby")).contains("f-currentPassword-error");
        assertThat(wrong.body()).doesNotContain("uusi-oma-salasana-1").doesNotContain("väärä-salasana-123");
        assertThat(users.passwordHash(email).orElseThrow()).isEqualTo(hash);

        var mismatch = web.post("/admin/account/password", Map.of("currentPassword", PASSWORD,
                "newPassword", "uusi-oma-salasana-1", "passwordConfirm", "toinen-salasana-1"));
        assertThat(mismatch.status()).isEqualTo(400);
        assertThat(mismatch.html().select("#f-passwordConfirm-error").text()).isEqualTo("Salasanat eivät täsmää.");
        assertThat(users.passwordHash(email).orElseThrow()).isEqualTo(hash);

        var right = web.post("/admin/account/password", Map.of("currentPassword", PASSWORD,
                "newPassword", "uusi-oma-salasana-1", "passwordConfirm", "uusi-oma-salasana-1"));
        assertThat(right.status()).isEqualTo(302);
        assertThat(right.header("Location")).endsWith("/admin/account?passwordChanged");
        assertThat(web.get("/admin/account?passwordChanged").html().select("p.notice").text())
                .isEqualTo("Salasana on vaihdettu.");

        throttled.add(email);
        var old = new WebClient(port).login(email, PASSWORD);
        assertThat(old.header("Location")).endsWith("/login?error=invalid");
        var fresh = new WebClient(port).login(email, "uusi-oma-salasana-1");
        assertThat(fresh.status()).isEqualTo(302);
        assertThat(fresh.header("Location")).endsWith("/admin");
    }

    @Test
    void notANumberIsNotFound() {
        WebClient web = signedIn(coordinatorA);
        assertThat(web.get("/admin/users/abc").status()).isEqualTo(404);
        assertThat(web.get("/admin/users/0").status()).isEqualTo(404);
        assertThat(web.get("/admin/users/99999999999").status()).isEqualTo(404);
    }

    @Test
    void signInFromAnAddressIsThrottledAfterThreeWrongPasswords() {
        String email = email("kuristus");
        account(email, "Kuristettu", Role.PROVIDER_STAFF, orgA, countyA, null);
        throttled.add(email);
        WebClient web = new WebClient(port);
        for (int i = 0; i < 3; i++) {
            var r = web.login(email, "väärä-salasana-" + i);
            assertThat(r.status()).isEqualTo(302);
            assertThat(r.header("Location")).endsWith("/login?error=invalid");
        }
        var right = web.login(email, PASSWORD);
        assertThat(right.status()).isEqualTo(302);
        assertThat(right.header("Location")).endsWith("/login?error=throttled&wait=1");
        assertThat(web.get("/login?error=throttled&wait=1").html().select(".error-summary").text())
                .isEqualTo("Liian monta epäonnistunutta yritystä tästä osoitteesta. Odota 1 min ja yritä uudelleen.");
        assertThat(web.get("/admin").status()).isEqualTo(302);
        assertThat(users.byEmail(email).orElseThrow().lastLoginAt()).isNull();
    }
}
