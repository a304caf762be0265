package fi.kohtaamo.identity.internal;

import fi.kohtaamo.shared.ActorProvider;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs out a session whose account has been disabled or deleted since it signed in: the session is ended
 * (on every instance: it lives in the database), and a page asked for with it leads to the sign-in page
 * with the reason. Other requests go on as anonymous, so that the usual rules refuse them. Runs in the
 * security filter chain just before authorisation; the account is read once per request
 * ({@link CurrentActor}).
 */
class DisabledAccountSignOut extends OncePerRequestFilter {

    private final ActorProvider actors;

    DisabledAccountSignOut(ActorProvider actors) {
        this.actors = actors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken)
                && actors.current().isEmpty()) {
            new SecurityContextLogoutHandler().logout(request, response, auth);
            String path = request.getRequestURI().substring(request.getContextPath().length());
            if (("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())) && !path.startsWith("/api/")) {
                response.sendRedirect(request.getContextPath() + "/login?error=disabled");
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
