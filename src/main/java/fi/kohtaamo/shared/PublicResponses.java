package fi.kohtaamo.shared;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Answers a repeated anonymous GET of public data with the bytes of the first answer, ahead of the security
 * filters and MVC, for as long as the data version and the day are the same. Embedded calendars and feed
 * readers ask for the same few addresses again and again; sending kept bytes costs a fraction of the
 * servlet stack (docs/benchmarks.md).
 *
 * <p>Only what a controller marks with {@link #keep()} is kept: an answer written by the controller itself
 * (a {@code ResponseEntity} of bytes: no view, so no locale set on the response) that depends on nothing but the
 * data, the day and the request's address, query and the headers in the key (language, origin, accept,
 * forwarding). Never kept: an answer to a request with cookies or credentials, one that sets a cookie, or
 * one with a status other than 200. A kept answer is stamped with the data version its request read first and
 * pinned for the rest of the request (the one it was computed at), so a write committed meanwhile is never hidden. {@code If-None-Match} with
 * the kept {@code ETag} is answered 304 here too.
 */
@Component
public class PublicResponses extends OncePerRequestFilter implements Ordered {

    /**
     * First of all filters: a kept answer costs no session lookup, observation or security filter. (Requests
     * sent from kept bytes are counted by this filter's own meter, not by {@code http.server.requests}.)
     */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE;

    private static final String KEEP = PublicResponses.class.getName() + ".keep";
    private static final Set<String> NOT_ON_304 = Set.of("content-type", "content-length", "content-disposition",
            "content-language");

    private record Key(String uri, String query, String scheme, String host, int port, String acceptLanguage,
            String accept, String origin, String forwarded) {
    }

    private record Kept(List<Map.Entry<String, String>> headers, byte[] body, String etag, LocalDate day)
            implements PublicDataCache.Sized {
        @Override
        public int bytes() {
            return body.length + 64 * headers.size() + 200;
        }
    }

    private final PublicDataCache cache;
    private final Clock clock;
    private final Counter hits;
    private final Counter kept;

    PublicResponses(PublicDataCache cache, Clock clock, MeterRegistry meters) {
        this.cache = cache;
        this.clock = clock;
        this.hits = Counter.builder("kohtaamo.public.responses").tag("result", "sent")
                .description("Public answers sent from kept bytes").register(meters);
        this.kept = Counter.builder("kohtaamo.public.responses").tag("result", "kept")
                .description("Public answers computed and kept").register(meters);
    }

    /** How many answers were sent from kept bytes, and how many were kept (for monitoring and tests). */
    public long[] counts() {
        return new long[] {(long) hits.count(), (long) kept.count()};
    }

    /** Marks the current request's answer as public data that may be kept (see the class comment). */
    public static void keep() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            request.setAttribute(KEEP, Boolean.TRUE, RequestAttributes.SCOPE_REQUEST);
        }
    }

    /** Whether an {@code If-None-Match} header names the entity tag (weak comparison, {@code *} matches). */
    public static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null || etag == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String c = candidate.strip();
            if (c.startsWith("W/")) {
                c = c.substring(2);
            }
            String e = etag.startsWith("W/") ? etag.substring(2) : etag;
            if (c.equals("*") || c.equals(e)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!"GET".equals(request.getMethod()) || request.getHeader(HttpHeaders.COOKIE) != null
                || request.getHeader(HttpHeaders.AUTHORIZATION) != null
                || request.getHeader(HttpHeaders.IF_MODIFIED_SINCE) != null
                || request.getHeader(HttpHeaders.RANGE) != null) {
            chain.doFilter(request, response);
            return;
        }
        Key key = new Key(request.getRequestURI(), request.getQueryString(), request.getScheme(),
                request.getServerName(), request.getServerPort(), request.getHeader(HttpHeaders.ACCEPT_LANGUAGE),
                request.getHeader(HttpHeaders.ACCEPT), request.getHeader(HttpHeaders.ORIGIN), forwarded(request));
        LocalDate today = LocalDate.now(clock);
        long version = cache.version(request);
        Kept kept = cache.peek(key, version);
        if (kept != null && kept.day().equals(today)) {
            hits.increment();
            send(kept, request, response);
            return;
        }
        ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(request, wrapper);
            if (Boolean.TRUE.equals(request.getAttribute(KEEP)) && wrapper.getStatus() == HttpServletResponse.SC_OK
                    && !wrapper.containsHeader(HttpHeaders.SET_COOKIE) && !request.isAsyncStarted()) {
                List<Map.Entry<String, String>> headers = new ArrayList<>();
                for (String name : wrapper.getHeaderNames()) {
                    if (!name.equalsIgnoreCase(HttpHeaders.CONTENT_LENGTH) && !name.equalsIgnoreCase(HttpHeaders.DATE)
                            && !name.equalsIgnoreCase(HttpHeaders.CONTENT_TYPE)) {
                        for (String value : wrapper.getHeaders(name)) {
                            headers.add(Map.entry(name, value));
                        }
                    }
                }
                if (wrapper.getContentType() != null) {
                    headers.add(Map.entry(HttpHeaders.CONTENT_TYPE, wrapper.getContentType()));
                }
                cache.keep(key, new Kept(List.copyOf(headers), wrapper.getContentAsByteArray(),
                        wrapper.getHeader(HttpHeaders.ETAG), today), version);
                this.kept.increment();
            }
        } finally {
            wrapper.copyBodyToResponse();
        }
    }

    private static String forwarded(HttpServletRequest request) {
        String f = request.getHeader("Forwarded");
        String host = request.getHeader("X-Forwarded-Host");
        String proto = request.getHeader("X-Forwarded-Proto");
        String port = request.getHeader("X-Forwarded-Port");
        String prefix = request.getHeader("X-Forwarded-Prefix");
        return f == null && host == null && proto == null && port == null && prefix == null ? null
                : f + "|" + host + "|" + proto + "|" + port + "|" + prefix;
    }

    private static void send(Kept kept, HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean notModified = matches(request.getHeader(HttpHeaders.IF_NONE_MATCH), kept.etag());
        for (Map.Entry<String, String> h : kept.headers()) {
            if (!notModified || !NOT_ON_304.contains(h.getKey().toLowerCase(Locale.ROOT))) {
                response.addHeader(h.getKey(), h.getValue());
            }
        }
        if (notModified) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentLength(kept.body().length);
        response.getOutputStream().write(kept.body());
    }
}
