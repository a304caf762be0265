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
}
