package fi.kohtaamo.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.stereotype.Component;

/** Where sign-in leads: the page asked for (same site only) or the staff front page; failures back to the form. */
@Component
class LoginHandlers implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

    private final UserQueries users;
    private final Clock clock;
    private final HttpSessionRequestCache cache = new HttpSessionRequestCache();

    LoginHandlers(UserQueries users, Clock clock) {
        this.users = users;
        this.clock = clock;
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) throws IOException {
        users.loggedIn(authentication.getName(), clock.instant());
        var saved = cache.getRequest(request, response);
        String target = "/admin";
        if (saved != null) {
            String url = saved.getRedirectUrl();
            String base = request.getScheme() + "://" + request.getServerName();
            if (url != null && url.startsWith(base)) {
                int pathStart = url.indexOf('/', url.indexOf("//") + 2);
                String path = pathStart < 0 ? "/admin" : url.substring(pathStart);
                if (path.startsWith("/admin")) {
                    target = path;
                }
            }
            cache.removeRequest(request, response);
        }
        response.sendRedirect(request.getContextPath() + target);
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException {
        if (exception instanceof LoginThrottle.Throttled t) {
            long minutes = Math.max(1, (t.waitFor().getSeconds() + 59) / 60);
            response.sendRedirect(request.getContextPath() + "/login?error=throttled&wait=" + minutes);
            return;
        }
        String reason = exception instanceof LockedException ? "throttled"
                : exception instanceof DisabledException ? "disabled" : "invalid";
        response.sendRedirect(request.getContextPath() + "/login?error=" + reason);
    }
}
