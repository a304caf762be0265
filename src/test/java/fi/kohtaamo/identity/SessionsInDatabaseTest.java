package fi.kohtaamo.identity;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kohtaamo.identity.internal.UserQueries;
import fi.kohtaamo.shared.Role;
import fi.kohtaamo.support.Fixtures;
import fi.kohtaamo.support.IntegrationTest;
import fi.kohtaamo.support.WebClient;
import java.time.Instant;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Sessions live in the database, so any instance behind a load balancer can serve a signed-in user. */
@IntegrationTest
class SessionsInDatabaseTest {

    @LocalServerPort int port;
    @Autowired UserQueries users;
    @Autowired PasswordEncoder encoder;
    @Autowired DataSource dataSource;

    @Test
    void aSignedInSessionIsStoredInTheDatabaseAndEndsAtLogout() {
        String email = Fixtures.unique("istunto").replace(' ', '-') + "@example.fi";
        users.insert(email, "Istunto", encoder.encode("salasana-istunnolle"), Role.ADMIN, null, null, null, null, "fi",
                true, false, Instant.now());
        WebClient web = new WebClient(port);
        assertThat(web.login(email, "salasana-istunnolle").status()).isEqualTo(302);
        JdbcClient jdbc = JdbcClient.create(dataSource);
        assertThat(jdbc.sql("select count(*) from spring_session where principal_name = :e").param("e", email)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(web.get("/admin").status()).isEqualTo(200);
        web.post("/logout", java.util.Map.of());
        assertThat(jdbc.sql("select count(*) from spring_session where principal_name = :e").param("e", email)
                .query(Long.class).single()).isZero();
        assertThat(web.get("/admin").status()).isEqualTo(302);
    }

    @Test
    void aDisabledAccountLosesAccessAtOnceEvenWithALiveSession() {
        String email = Fixtures.unique("poistuva").replace(' ', '-') + "@example.fi";
        long id = users.insert(email, "Poistuva", encoder.encode("salasana-poistuvalle"), Role.ADMIN, null, null, null,
                null, "fi", true, false, Instant.now());
        WebClient web = new WebClient(port);
        web.login(email, "salasana-poistuvalle");
        assertThat(web.get("/admin").status()).isEqualTo(200);
        JdbcClient.create(dataSource).sql("update app_user set enabled = false where id = :id").param("id", id).update();
        // signed out: the next page leads to the sign-in page, which says why
        WebClient.Response page = web.get("/admin");
        assertThat(page.status()).isEqualTo(302);
        assertThat(page.header("Location")).endsWith("/login?error=disabled");
        assertThat(web.get("/login?error=disabled&lang=en").html().select("main").text()).containsIgnoringCase("disabled");
        // and the session is over: enabled again, the account must sign in anew
        JdbcClient.create(dataSource).sql("update app_user set enabled = true where id = :id").param("id", id).update();
        WebClient.Response after = web.get("/admin");
        assertThat(after.status()).isEqualTo(302);
        assertThat(after.header("Location")).endsWith("/login");
        assertThat(JdbcClient.create(dataSource).sql("select count(*) from spring_session where principal_name = :e")
                .param("e", email).query(Long.class).single()).isZero();
    }

    @Autowired Fixtures fx;

    private long sessionsOf(String email) {
        return JdbcClient.create(dataSource).sql("select count(*) from spring_session where principal_name = :e")
                .param("e", email).query(Long.class).single();
    }

    @Test
    void aPasswordChangeEndsTheAccountsOtherSessions() {
        long county = fx.county();
        long org = fx.organisation(fi.kohtaamo.registry.OrganisationType.OTHER_NGO, null, county);
        String email = Fixtures.unique("vaihtaja").replace(' ', '-') + "@example.fi";
        long id = users.insert(email, "Vaihtaja", encoder.encode("vanha-salasana-12"), Role.PROVIDER_STAFF, org, county,
                null, null, "fi", true, false, Instant.now());
        WebClient here = new WebClient(port);
        WebClient there = new WebClient(port);
        here.login(email, "vanha-salasana-12");
        there.login(email, "vanha-salasana-12");
        assertThat(there.get("/admin").status()).isEqualTo(200);
        assertThat(sessionsOf(email)).isEqualTo(2);

        here.get("/admin/account");
        var changed = here.post("/admin/account/password", java.util.Map.of("currentPassword", "vanha-salasana-12",
                "newPassword", "uusi-salasana-123", "passwordConfirm", "uusi-salasana-123"));
        assertThat(changed.status()).isEqualTo(302);
        assertThat(changed.header("Location")).endsWith("/admin/account?passwordChanged");
        // the changer goes on, the other session is over
        assertThat(here.get("/admin").status()).isEqualTo(200);
        WebClient.Response other = there.get("/admin");
        assertThat(other.status()).isEqualTo(302);
        assertThat(other.header("Location")).endsWith("/login");
        assertThat(sessionsOf(email)).isEqualTo(1);

        // a coordinator's reset ends every session of the account
        String coordinator = Fixtures.unique("nollaaja").replace(' ', '-') + "@example.fi";
        users.insert(coordinator, "Nollaaja", encoder.encode("koordinaattorin-sana"), Role.COUNTY_COORDINATOR, null,
                county, null, null, "fi", true, false, Instant.now());
        there.login(email, "uusi-salasana-123");
        assertThat(sessionsOf(email)).isEqualTo(2);
        WebClient admin = new WebClient(port);
        admin.login(coordinator, "koordinaattorin-sana");
        admin.get("/admin/users/" + id);
        var reset = admin.post("/admin/users/" + id + "/password", java.util.Map.of("newPassword", "nollattu-salasana-1"));
        assertThat(reset.status()).isEqualTo(302);
        assertThat(sessionsOf(email)).isZero();
        assertThat(here.get("/admin").status()).isEqualTo(302);
        assertThat(there.get("/admin").status()).isEqualTo(302);
        assertThat(admin.get("/admin").status()).isEqualTo(200);
    }
}
