package fi.kohtaamo.identity.internal;

import fi.kohtaamo.shared.Role;
import fi.kohtaamo.shared.Scope;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The first administrator of a new installation: when there is no administrator yet and
 * KOHTAAMO_ADMIN_EMAIL and KOHTAAMO_ADMIN_PASSWORD are set, that account is created at start.
 * Nothing happens once an administrator exists, so the variables can be removed afterwards.
 */
@Component
class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);
    static final String NAME = "Administrator";

    private final UserQueries users;
    private final PasswordEncoder encoder;
    private final Clock clock;
    private final String email;
    private final String password;

    AdminBootstrap(UserQueries users, PasswordEncoder encoder, Clock clock,
            @Value("${KOHTAAMO_ADMIN_EMAIL:}") String email, @Value("${KOHTAAMO_ADMIN_PASSWORD:}") String password) {
        this.users = users;
        this.encoder = encoder;
        this.clock = clock;
        this.email = email;
        this.password = password;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (email.isBlank()) {
            return;
        }
        boolean hasAdmin = users.inScope(Scope.ALL).stream().anyMatch(u -> u.role() == Role.ADMIN && !u.demo());
        if (hasAdmin) {
            return;
        }
        String problem = passwordProblem(email, password);
        if (problem != null) {
            throw new IllegalStateException(problem);
        }
        if (users.emailTaken(email, null)) {
            throw new IllegalStateException("KOHTAAMO_ADMIN_EMAIL belongs to an existing account that is not an administrator");
        }
        users.insert(email, NAME, encoder.encode(password), Role.ADMIN, null, null, null, null, "fi", true,
                false, clock.instant());
        log.info("Created the first administrator account {}", UserQueries.normalise(email));
    }

    /** Why KOHTAAMO_ADMIN_PASSWORD may not be used (the rules of every password, PasswordPolicy), or null. */
    static String passwordProblem(String email, String password) {
        String key = PasswordPolicy.problem(password, email, NAME);
        if (key == null) {
            return null;
        }
        return "KOHTAAMO_ADMIN_PASSWORD " + switch (key) {
            case "validation.passwordTooShort" -> "must have at least " + PasswordPolicy.MIN + " characters";
            case "validation.tooLong" -> "must have at most " + PasswordPolicy.MAX + " characters";
            case "validation.passwordTrivial" -> "is too simple (a character or short sequence repeated, a run, or spaces)";
            case "validation.passwordPersonal" -> "must not contain the e-mail address or the account's name";
            default -> "is one of the most common or breached passwords";
        } + ": choose another (e.g. four unrelated words)";
    }
}
