package fi.kohtaamo.identity;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kohtaamo.identity.internal.UserQueries;
import fi.kohtaamo.shared.Role;
import fi.kohtaamo.support.Fixtures;
import fi.kohtaamo.support.IntegrationTest;
import fi.kohtaamo.support.WebClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A signed-in user's pages do not write the session's row while its time of last access is younger than the
 * interval (1 minute); a sign-in, a new CSRF token and an older time of last access are still written, and a
 * session still ends after its timeout. Time is moved by ageing the stored row, as Spring Session reads its own
 * clock.
 */
@IntegrationTest
class QuietSessionsTest {

    static final String CSRF = "org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository.CSRF_TOKEN";
    static final Duration TIMEOUT = Duration.ofHours(8);

    @LocalServerPort int port;
    @Autowired UserQueries users;
    @Autowired PasswordEncoder encoder;
    @Autowired DataSource dataSource;

    record Row(String primaryId, long lastAccess, long expiry, int maxInactive) {
    }

    private JdbcClient jdbc() {
        return JdbcClient.create(dataSource);
    }

    record User(WebClient web, String email) {
    }

    private User signedIn(String name) {
        String email = Fixtures.unique(name).replace(' ', '-') + "@example.fi";
        users.insert(email, "Hiljainen", encoder.encode("hiljainen-salasana-1"), Role.ADMIN, null, null, null, null, "fi",
                true, false, Instant.now());
        WebClient web = new WebClient(port);
        assertThat(web.login(email, "hiljainen-salasana-1").status()).isEqualTo(302);
        return new User(web, email);
    }

    private Row row(String email) {
        return jdbc().sql("select primary_id, last_access_time, expiry_time, max_inactive_interval from spring_session "
                + "where principal_name = :e").param("e", email)
                .query((rs, i) -> new Row(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getInt(4))).single();
    }

    private List<String> attributes(Row row) {
        return jdbc().sql("select attribute_name from spring_session_attributes where session_primary_id = :id "
                + "order by attribute_name").param("id", row.primaryId()).query(String.class).list();
    }

    /** Ages the stored session as if its last access had been {@code ago} before now. */
    private void age(Row row, Duration ago) {
        long last = Instant.now().minus(ago).toEpochMilli();
        jdbc().sql("update spring_session set last_access_time = :last, expiry_time = :expiry where primary_id = :id")
                .param("last", last).param("expiry", last + TIMEOUT.toMillis()).param("id", row.primaryId()).update();
    }

    @Test
    void pagesWithinTheIntervalWriteNothingButASignInAndANewTokenAreSaved() {
        User user = signedIn("hiljainen");
        WebClient web = user.web();
        Row signedIn = row(user.email());
        assertThat(signedIn.maxInactive()).isEqualTo((int) TIMEOUT.toSeconds());
        // the sign-in changed the session id and stored the principal; its token was dropped at sign-in
        assertThat(attributes(signedIn)).doesNotContain(CSRF);

        // the first page makes a new CSRF token: saved, though the time of last access is not
        assertThat(web.get("/admin").status()).isEqualTo(200);
        assertThat(attributes(row(user.email()))).contains(CSRF);
        assertThat(row(user.email())).isEqualTo(signedIn);
        assertThat(web.get("/admin").status()).isEqualTo(200);
        assertThat(web.get("/admin/reports").status()).isEqualTo(200);
        assertThat(row(user.email())).isEqualTo(signedIn);

        // the token saved by a quiet request is the one a later request finds: the form post is accepted
        WebClient.Response out = web.post("/logout", Map.of());
        assertThat(out.status()).isEqualTo(302);
        assertThat(out.header("Location")).endsWith("/?loggedOut");
        assertThat(jdbc().sql("select count(*) from spring_session where principal_name = :e").param("e", user.email())
                .query(Long.class).single()).isZero();
    }

    @Test
    void anOlderTimeOfLastAccessIsWrittenAndTheTimeoutStillEndsTheSession() {
        User user = signedIn("vanheneva");
        WebClient web = user.web();
        Row before = row(user.email());
        age(before, Duration.ofMinutes(2));
        long aged = row(user.email()).lastAccess();
        long asked = System.currentTimeMillis();
        assertThat(web.get("/admin").status()).isEqualTo(200);
        Row touched = row(user.email());
        assertThat(touched.lastAccess()).isGreaterThanOrEqualTo(asked).isGreaterThan(aged);
        assertThat(touched.expiry()).isEqualTo(touched.lastAccess() + TIMEOUT.toMillis());
        // and once written, the next page within the interval leaves it
        assertThat(web.get("/admin").status()).isEqualTo(200);
        assertThat(row(user.email())).isEqualTo(touched);

        // a session last written more than its timeout ago is over: the sign-in page, and the row is gone
        age(touched, TIMEOUT.plusSeconds(1));
        WebClient.Response after = web.get("/admin");
        assertThat(after.status()).isEqualTo(302);
        assertThat(after.header("Location")).endsWith("/login");
        assertThat(jdbc().sql("select count(*) from spring_session where principal_name = :e").param("e", user.email())
                .query(Long.class).single()).isZero();
    }
}
