package fi.kohtaamo.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Checks email and password against the accounts, refusing at once while the address must wait ({@link LoginThrottle}). */
@Component
class ThrottledAuthenticationProvider implements AuthenticationProvider {

    /** A hash to compare against when the account does not exist, so timing does not tell. */
    private final String dummyHash;

    private final UserQueries users;
    private final PasswordEncoder encoder;
    private final LoginThrottle throttle;

    ThrottledAuthenticationProvider(UserQueries users, PasswordEncoder encoder, LoginThrottle throttle) {
        this.users = users;
        this.encoder = encoder;
        this.throttle = throttle;
        this.dummyHash = encoder.encode(java.util.UUID.randomUUID().toString());
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String email = String.valueOf(authentication.getName());
        String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
        String address = clientAddress();
        java.time.Duration wait = throttle.waitFor(email, address);
        if (!wait.isZero()) {
            throw new LoginThrottle.Throttled(wait);
        }
        var user = email.length() > 254 || password.length() > 200 ? java.util.Optional.<UserQueries.User>empty()
                : users.byEmail(email);
        String hash = user.flatMap(u -> users.passwordHash(u.email())).orElse(dummyHash);
        boolean matches = password.length() <= 200 && encoder.matches(password, hash);
        if (user.isEmpty() || !matches) {
            throttle.failed(email, address);
            throw new BadCredentialsException("bad credentials");
        }
        if (!user.get().enabled()) {
            throw new DisabledException("disabled");
        }
        throttle.succeeded(email, address);
        return UsernamePasswordAuthenticationToken.authenticated(user.get().email(), null,
                List.of(new SimpleGrantedAuthority("ROLE_" + user.get().role().name())));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private static String clientAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
            HttpServletRequest request = attrs.getRequest();
            String addr = request.getRemoteAddr();
            return addr == null ? "unknown" : addr;
        }
        return "unknown";
    }
}
