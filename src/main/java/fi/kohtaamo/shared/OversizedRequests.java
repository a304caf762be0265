package fi.kohtaamo.shared;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Requests whose body the server refuses to read (a form post over {@code server.tomcat.max-http-form-post-size},
 * an upload over {@code spring.servlet.multipart.max-file-size}/{@code max-request-size}, a malformed multipart
 * body) are answered with the translated error page ({@code too-large}, 413, with the limits), like any other
 * error. Tomcat throws from every {@code getParameter} of such a request (the CSRF filter's first, then the error
 * page's own language resolver), so its error dispatch failed too and Tomcat sent its bare English page. Here such
 * a request is refused before anything reads it: the error page is rendered by a forward with a wrapper whose
 * parameters are those of the address only (so {@code ?lang=} still chooses the language).
 */
@Component
class OversizedRequests extends OncePerRequestFilter implements Ordered {

    @Override
    public int getOrder() {
        return PublicResponses.ORDER + 1;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Integer refused = refused(request);
        if (refused == null) {
            chain.doFilter(request, response);
        } else {
            // the error page, rendered here with the address's parameters only (an error dispatch of Tomcat's would
            // hand the application the request whose every parameter read throws)
            HttpServletRequest safe = new AddressParametersOnly(request);
            safe.setAttribute(jakarta.servlet.RequestDispatcher.ERROR_STATUS_CODE, refused);
            safe.setAttribute(jakarta.servlet.RequestDispatcher.ERROR_REQUEST_URI, request.getRequestURI());
            response.setStatus(refused);
            request.getRequestDispatcher("/error").forward(safe, response);
        }
    }

    /** The status the server refused the request's body with, or null when its parameters can be read. */
    private static Integer refused(HttpServletRequest request) {
        String method = request.getMethod();
        if (!"POST".equals(method) && !"PUT".equals(method) && !"PATCH".equals(method)) {
            return null;
        }
        try {
            request.getParameterMap();
            return null;
        } catch (IllegalStateException e) {
            return e instanceof org.apache.tomcat.util.http.InvalidParameterException invalid
                    && invalid.getErrorCode() == HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE
                    ? HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE : HttpServletResponse.SC_BAD_REQUEST;
        }
    }

    /** The request with the parameters of its address only: its body is never read. */
    static final class AddressParametersOnly extends HttpServletRequestWrapper {

        private final Map<String, String[]> parameters;

        AddressParametersOnly(HttpServletRequest request) {
            super(request);
            Map<String, List<String>> values = new LinkedHashMap<>();
            String query = request.getQueryString();
            if (query != null) {
                for (String pair : query.split("&")) {
                    if (pair.isEmpty()) {
                        continue;
                    }
                    int eq = pair.indexOf('=');
                    try {
                        String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                        String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                        values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
                    } catch (IllegalArgumentException e) {
                        // a malformed escape: the parameter is left out
                    }
                }
            }
            Map<String, String[]> out = new LinkedHashMap<>();
            values.forEach((k, v) -> out.put(k, v.toArray(String[]::new)));
            this.parameters = Collections.unmodifiableMap(out);
        }

        @Override
        public String getParameter(String name) {
            String[] v = parameters.get(name);
            return v == null ? null : v[0];
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return parameters;
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(parameters.keySet());
        }

        @Override
        public String[] getParameterValues(String name) {
            String[] v = parameters.get(name);
            return v == null ? null : v.clone();
        }

        @Override
        public Collection<Part> getParts() {
            return List.of();
        }

        @Override
        public Part getPart(String name) {
            return null;
        }
    }
}
