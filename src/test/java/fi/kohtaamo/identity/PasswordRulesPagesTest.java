package fi.kohtaamo.identity;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kohtaamo.identity.internal.UserQueries;
import fi.kohtaamo.shared.Role;
import fi.kohtaamo.support.Fixtures;
import fi.kohtaamo.support.IntegrationTest;
import fi.kohtaamo.support.WebClient;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Wherever a password is set (own change, an administrator's new account, an administrator's reset), a
 * common, trivial or personal one is refused next to the field in the user's language and nothing changes.
 */
@IntegrationTest
class PasswordRulesPagesTest {

    static final String PASSWORD = "Alkuperäinen-Kevät-Sana-5";

    @LocalServerPort int port;
    @Autowired UserQueries users;
    @Autowired PasswordEncoder encoder;

    String account(String name) {
        String email = Fixtures.unique("salasanat").replace(' ', '-') + "@example.fi";
        users.insert(email, name, encoder.encode(PASSWORD), Role.ADMIN, null, null, null, null, "fi", true, false,
                Instant.now());
        return email;
    }

    WebClient signedIn(String email, String password) {
        WebClient web = new WebClient(port);
        assertThat(web.login(email, password).header("Location")).endsWith("/admin");
        return web;
    }

    @Test
    void ownPasswordChangeRefusesACommonPassword() {
        String email = account("Olli Oma");
        WebClient web = signedIn(email, PASSWORD);
        web.get("/admin/account?lang=en");
        var r = web.post("/admin/account/password?lang=en", Map.of("currentPassword", PASSWORD,
                "newPassword", "password1234", "passwordConfirm", "password1234"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.html().select("#f-newPassword-error").text())
                .isEqualTo("This password is among the most common or breached passwords. Choose another.");
        assertThat(encoder.matches(PASSWORD, users.passwordHash(email).orElseThrow())).isTrue();
    }

    @Test
    void anAdministratorsNewAccountRefusesTrivialPasswords() {
        String admin = account("Aino Admin");
        WebClient web = signedIn(admin, PASSWORD);
        for (String trivial : new String[] {"aaaaaaaaaaaa", "            "}) {
            String email = Fixtures.unique("uusi").replace(' ', '-') + "@example.fi";
            web.get("/admin/users/new");
            Map<String, String> f = new LinkedHashMap<>();
            f.put("displayName", "Uusi Käyttäjä");
            f.put("email", email);
            f.put("preferredLanguage", "fi");
            f.put("enabled", "true");
            f.put("role", "ADMIN");
            f.put("password", trivial);
            var r = web.post("/admin/users", f);
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.html().select("#f-password-error").text()).isEqualTo(
                    "Salasana on liian yksinkertainen (sama merkki tai lyhyt jakso toistuu, tai pelkkiä välilyöntejä).");
            assertThat(users.byEmail(email)).isEmpty();
        }
    }

    @Test
    void anAdministratorsResetRefusesTheAccountsOwnNameAndTakesAStrongOne() {
        String admin = account("Aino Admin");
        String email = account("Ville Vaihdettava");
        long id = users.byEmail(email).orElseThrow().id();
        WebClient web = signedIn(admin, PASSWORD);
        web.get("/admin/users/" + id + "?lang=sv");
        var personal = web.post("/admin/users/" + id + "/password?lang=sv", Map.of("newPassword", "Vaihdettava-2026!"));
        assertThat(personal.status()).isEqualTo(400);
        assertThat(personal.html().select("#f-newPassword-error").text())
                .isEqualTo("Lösenordet får inte innehålla kontots namn eller e-postadress.");
        assertThat(encoder.matches(PASSWORD, users.passwordHash(email).orElseThrow())).isTrue();

        var strong = web.post("/admin/users/" + id + "/password?lang=sv", Map.of("newPassword", "Kesä-Lintu-Hyppää-42"));
        assertThat(strong.status()).isEqualTo(302);
        assertThat(encoder.matches("Kesä-Lintu-Hyppää-42", users.passwordHash(email).orElseThrow())).isTrue();
    }
}
