package fi.kohtaamo.identity;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kohtaamo.identity.internal.UserQueries;
import fi.kohtaamo.shared.Role;
import fi.kohtaamo.support.Fixtures;
import fi.kohtaamo.support.IntegrationTest;
import fi.kohtaamo.support.TestClock;
import fi.kohtaamo.support.WebClient;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Sign-in throttling slows an address that keeps failing for an account and never stops the right password
 * from an address that has not failed. Client addresses come from X-Forwarded-For, as behind a proxy
 * (the tests' server runs with forward headers on); time moves on the test clock, never by sleeping.
 */
@IntegrationTest
class LoginThrottleTest {

    static final String PASSWORD = "Oikea-Kevät-Salasana-77";
    static final AtomicInteger NEXT = new AtomicInteger(1);

    @LocalServerPort int port;
    @Autowired UserQueries users;
    @Autowired PasswordEncoder encoder;
    @Autowired TestClock clock;

    Instant before;

    @BeforeEach
    void remember() {
        before = clock.instant();
    }

    @AfterEach
    void restoreTheClockForOtherTests() {
        clock.set(before);
    }

    static String address() {
        int n = NEXT.getAndIncrement();
        return "198.51." + (n / 250) + "." + (n % 250 + 1);
    }

    String account() {
        String email = Fixtures.unique("kirjautuja").replace(' ', '-') + "@example.fi";
        users.insert(email, "Kirjautuja", encoder.encode(PASSWORD), Role.ADMIN, null, null, null, null, "fi", true, false,
                Instant.now());
        return email;
    }

    WebClient from(String address) {
        return new WebClient(port).withHeader("X-Forwarded-For", address);
    }

    static String signIn(WebClient web, String email, String password) {
        WebClient.Response r = web.login(email, password);
        assertThat(r.status()).isEqualTo(302);
        return r.header("Location");
    }

    @Test
    void anAttackersFailuresFromOneAddressDoNotStopTheOwnerFromAnother() {
        String email = account();
        WebClient attacker = from(address());
        for (int i = 0; i < 8; i++) {
            assertThat(signIn(attacker, email, "arvaus-" + i + "-salasanaksi"))
                    .endsWith(i < 3 ? "/login?error=invalid" : "/login?error=throttled&wait=1");
        }
        assertThat(signIn(from(address()), email, PASSWORD)).endsWith("/admin");
    }

    @Test
    void guessesFromManyAddressesNeverStopTheRightPasswordFromAnAddressThatHasNotFailed() {
        String email = account();
        for (int i = 0; i < 55; i++) {
            assertThat(signIn(from(address()), email, "arvaus-" + i + "-salasanaksi")).endsWith("/login?error=invalid");
        }
        // the account is under attack: a new address has only its first failure free
        WebClient guesser = from(address());
        assertThat(signIn(guesser, email, "vielä-yksi-arvaus")).endsWith("/login?error=invalid");
        assertThat(signIn(guesser, email, PASSWORD)).endsWith("/login?error=throttled&wait=1");
        // and the owner, from an address that has not failed, signs in at once
        assertThat(signIn(from(address()), email, PASSWORD)).endsWith("/admin");
    }

    @Test
    void manyPeopleBehindOneAddressAreNotLockedOutByEachOthersFailures() {
        String shared = address();
        for (int i = 0; i < 35; i++) {
            signIn(from(shared), Fixtures.unique("ei-ole").replace(' ', '-') + "@example.fi", "väärä-salasana-" + i);
        }
        assertThat(signIn(from(shared), account(), PASSWORD)).endsWith("/admin");
    }

    @Test
    void anAddressThatKeepsFailingWaitsLongerEachTimeAndIsToldSoInItsLanguage() {
        String email = account();
        String xAddress = address();
        WebClient x = from(xAddress);
        for (int i = 0; i < 3; i++) {
            assertThat(signIn(x, email, "väärä-salasana-" + i)).endsWith("/login?error=invalid");
        }
        // refused before the password is checked, even the right one
        String refused = signIn(x, email, PASSWORD);
        assertThat(refused).endsWith("/login?error=throttled&wait=1");
        String path = refused.substring(refused.indexOf("/login"));
        assertThat(x.get(path + "&lang=en").html().select(".error-summary").text())
                .isEqualTo("Too many failed attempts from here. Wait 1 min and try again.");
        assertThat(x.get(path + "&lang=fi").html().select(".error-summary").text())
                .isEqualTo("Liian monta epäonnistunutta yritystä tästä osoitteesta. Odota 1 min ja yritä uudelleen.");
        assertThat(x.get(path + "&lang=sv").html().select(".error-summary").text())
                .isEqualTo("För många misslyckade försök härifrån. Vänta 1 min och försök igen.");

        // the owner elsewhere is not held up meanwhile
        assertThat(signIn(from(address()), email, PASSWORD)).endsWith("/admin");

        // 30 s after the third failure it may try again; a fourth failure means a minute's wait, then two
        clock.advance(Duration.ofSeconds(31));
        assertThat(signIn(x, email, "väärä-salasana-3")).endsWith("/login?error=invalid");
        clock.advance(Duration.ofSeconds(31));
        assertThat(signIn(x, email, PASSWORD)).endsWith("/login?error=throttled&wait=1");
        clock.advance(Duration.ofSeconds(30));
        assertThat(signIn(x, email, "väärä-salasana-4")).endsWith("/login?error=invalid");
        clock.advance(Duration.ofSeconds(61));
        assertThat(signIn(x, email, PASSWORD)).endsWith("/login?error=throttled&wait=1");
        clock.advance(Duration.ofSeconds(60));
        assertThat(signIn(x, email, PASSWORD)).endsWith("/admin");

        // a success forgets the address's failures: three are free again
        WebClient again = from(xAddress);
        for (int i = 0; i < 3; i++) {
            assertThat(signIn(again, email, "taas-väärin-" + i)).endsWith("/login?error=invalid");
        }
        assertThat(signIn(again, email, PASSWORD)).endsWith("/login?error=throttled&wait=1");
    }
}
