package fi.kohtaamo.shared;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The Prometheus metrics ({@code /actuator/prometheus}: JVM version, request paths, timings) are for the
 * monitoring system only: they answer a request carrying {@code Authorization: Bearer <KOHTAAMO_METRICS_TOKEN>}
 * (401 otherwise) and are not found at all while no token is set. Health ({@code /actuator/health}) stays open
 * for load balancers.
 */
@Configuration(proxyBeanMethods = false)
class MetricsAccess {

    static final String PATH = "/actuator/prometheus";
    static final int MIN_TOKEN = 24;

    @Bean
    FilterRegistrationBean<MetricsTokenFilter> metricsTokenFilter(@Value("${kohtaamo.metrics.token:}") String token) {
        FilterRegistrationBean<MetricsTokenFilter> bean = new FilterRegistrationBean<>(new MetricsTokenFilter(token));
        bean.addUrlPatterns(PATH, PATH + "/*");
        bean.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return bean;
    }

    static class MetricsTokenFilter extends OncePerRequestFilter {

        private final byte[] expected;

        MetricsTokenFilter(String token) {
            String t = token == null ? "" : token.strip();
            if (!t.isEmpty() && t.length() < MIN_TOKEN) {
                throw new IllegalStateException("KOHTAAMO_METRICS_TOKEN must have at least " + MIN_TOKEN
                        + " characters (e.g. openssl rand -hex 24)");
            }
            this.expected = t.isEmpty() ? null : ("Bearer " + t).getBytes(StandardCharsets.UTF_8);
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (expected == null) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            String given = request.getHeader("Authorization");
            if (given == null || !MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.UTF_8))) {
                response.setHeader("WWW-Authenticate", "Bearer realm=\"kohtaamo-metrics\"");
                response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
                return;
            }
            chain.doFilter(request, response);
        }
    }
}
