package fi.kohtaamo.identity.internal;

import fi.kohtaamo.shared.AnonymousForms;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.function.Supplier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.firewall.HttpStatusRequestRejectedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Web security: public pages and API open to all, staff pages behind form login, CSRF on forms,
 * a strict Content-Security-Policy, and sign-in throttled by {@link LoginThrottle}.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
            + "frame-ancestors 'none'";

    /** The policy, with the configured map tile server's origin allowed for images (shared.MapTiles) when set. */
    static String csp(fi.kohtaamo.shared.MapTiles tiles) {
        return tiles.configured() ? CSP.replace("img-src 'self' data:;", "img-src 'self' data: " + tiles.cspSource() + ";")
                : CSP;
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, ThrottledAuthenticationProvider provider,
            LoginHandlers handlers, CurrentActor actors, AnonymousForms anonymous, fi.kohtaamo.shared.MapTiles tiles)
            throws Exception {
        http.authenticationManager(new ProviderManager(provider));
        // a session whose account was disabled or deleted is signed out before anything is authorised
        http.addFilterBefore(new DisabledAccountSignOut(actors),
                org.springframework.security.web.access.intercept.AuthorizationFilter.class);
        http.authorizeHttpRequests(auth -> auth
                .requestMatchers("/admin/**").authenticated()
                .anyRequest().permitAll());
        http.formLogin(form -> form
                .loginPage("/login")
                .usernameParameter("email")
                .passwordParameter("password")
                .successHandler(handlers)
                .failureHandler(handlers)
                .permitAll());
        http.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/?loggedOut"));
        http.exceptionHandling(ex -> ex
                .defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
                        PathPatternRequestMatcher.withDefaults().matcher("/api/**"))
                .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
                        PathPatternRequestMatcher.withDefaults().matcher("/**")));
        // Families' anonymous forms (shared.AnonymousForms) carry no CSRF token: a token needs a session, and an
        // anonymous answer must leave none. Their posts are exempt (AnonymousForms refuses cross-site ones), and
        // their pages render no token for a browser without a session (a signed-in one keeps its logout form's).
        XorCsrfTokenRequestAttributeHandler tokens = new XorCsrfTokenRequestAttributeHandler();
        http.csrf(csrf -> csrf
                .ignoringRequestMatchers(PathPatternRequestMatcher.withDefaults().matcher("/api/**"), anonymous::isPost)
                .csrfTokenRequestHandler(new CsrfTokenRequestHandler() {
                    @Override
                    public void handle(HttpServletRequest request, HttpServletResponse response,
                            Supplier<CsrfToken> token) {
                        if (!(anonymous.isAnonymous(request) && request.getSession(false) == null)) {
                            tokens.handle(request, response, token);
                        }
                    }

                    @Override
                    public String resolveCsrfTokenValue(HttpServletRequest request, CsrfToken token) {
                        return tokens.resolveCsrfTokenValue(request, token);
                    }
                }));
        http.headers(headers -> headers
                .contentSecurityPolicy(csp -> csp.policyDirectives(csp(tiles)))
                .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)));
        return http.build();
    }

    /**
     * Spring Security observes each filter of its chain and each authorisation when Micrometer is present: some
     * fifteen observations (each with its timers) per request, some 8 % of a kept staff report's CPU in a profile. Only
     * sign-ins are observed; requests are still timed as a whole ({@code http.server.requests}).
     */
    @Bean
    org.springframework.security.config.observation.SecurityObservationSettings securityObservationSettings() {
        return org.springframework.security.config.observation.SecurityObservationSettings.withDefaults()
                .shouldObserveRequests(false).shouldObserveAuthorizations(false).build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        // bcrypt by default; the {id} prefix lets us move to another hash without a flag day
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** A URL the firewall rejects (encoded slashes, path traversal, ...) is a 400, not a 500. */
    @Bean
    RequestRejectedHandler requestRejectedHandler() {
        return new HttpStatusRequestRejectedHandler(HttpStatus.BAD_REQUEST.value());
    }

    @Bean
    AuthenticationManager authenticationManager(ThrottledAuthenticationProvider provider) {
        return new ProviderManager(provider);
    }
}
