package fi.kohtaamo.shared;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Answers a repeated anonymous GET of public data with the bytes of the first answer, ahead of the security
 * filters and MVC, for as long as the data version and the day are the same. Embedded calendars, links shared in
 * parents' groups and feed readers ask for the same addresses again and again; sending kept bytes costs a fraction
 * of the servlet stack (docs/benchmarks.md).
 *
 * <p>Only what a controller marks with {@link #keep()} is kept: the public pages (front page, place list and place
 * page, calendar, activity and occurrence pages, the widget, the poster form), the API and the feeds, whose answers
 * depend on nothing but the data, the day, the address, the language and the few headers in the key. Never kept,
 * and never answered from kept bytes: a request with credentials or with any cookie but the language's (so a
 * signed-in user's page is never kept, and never gets the anonymous one). Never kept: an answer that sets a cookie
 * other than the language's (which its {@code ?lang=} decides, so it is kept with the page), or one with a status
 * other than 200. A kept answer is stamped with the data version its request read first and pinned for the rest of
 * the request (the one it was computed at), so a write committed meanwhile is never hidden; the version moves with
 * every write on any instance ({@link DataVersion}). Text is kept gzip-compressed and sent so to clients that take
 * it ({@link KeptAnswer}); {@code If-None-Match} with the kept {@code ETag} is answered 304 here too.
 */
@Component
public class PublicResponses extends OncePerRequestFilter implements Ordered {

    /**
     * First of all filters: a kept answer costs no session lookup, observation or security filter. (Requests
     * sent from kept bytes are counted by this filter's own meter, not by {@code http.server.requests}.)
     */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE;

    private static final String KEEP = PublicResponses.class.getName() + ".keep";
    private static final String COUNTY = PublicResponses.class.getName() + ".county";

    /**
     * What an answer may depend on besides the data and the day: the address, the language as
     * {@link LanguageResolver} chooses it (parameter, cookie, Accept-Language: the one reader of all three, so
     * the raw header need not split the key), and the headers that CORS, content negotiation and links read.
     */
    private record Key(String uri, String query, String scheme, String host, int port, String lang, String accept,
            String origin, String forwarded) {
    }

    /** An answer being computed for an address, at the data version and on the day its request read. */
    private record InFlight(long version, LocalDate day, CompletableFuture<KeptAnswer> answer) {
    }

    /** How long a request waits for the same address's answer being computed before computing its own. */
    static final Duration WAIT_FOR_FIRST = Duration.ofSeconds(10);

    private final PublicDataCache cache;
    private final Clock clock;
    private final ConcurrentHashMap<Key, InFlight> computing = new ConcurrentHashMap<>();
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

    /**
     * Marks the current request's answer as public data that may be kept (see the class comment): an answer the
     * controller writes itself, or a public page rendered for a reader who is not signed in (the filter keeps
     * nothing for a request that could be signed in, so the page's signed-in parts are never in a kept answer).
     */
    public static void keep() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            request.setAttribute(KEEP, Boolean.TRUE, RequestAttributes.SCOPE_REQUEST);
        }
    }

    /**
     * {@link #keep()} for an answer that shows the calendar of one county's places only (the county; null: not so),
     * and otherwise only data that every county's calendar writes leave alone: it then holds through the calendar
     * writes of other counties ({@link PublicDataCache#changedInCounty}).
     */
    public static void keep(Long county) {
        keep();
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null && county != null) {
            request.setAttribute(COUNTY, county, RequestAttributes.SCOPE_REQUEST);
        }
    }

    /** Whether an {@code If-None-Match} header names the entity tag (weak comparison, {@code *} matches). */
    public static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null || etag == null) {
            return false;
        }
        String e = etag.startsWith("W/") ? etag.substring(2) : etag;
        for (String candidate : ifNoneMatch.split(",")) {
            String c = candidate.strip();
            if (c.startsWith("W/")) {
                c = c.substring(2);
            }
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

    /**
     * Whether a request may be answered from, and give, a kept answer: a plain GET of someone who is not signed in.
     * The only cookie allowed is the language's (it is in the key through the language); any other cookie (a
     * session, a remembered support) may change the page, so such a request goes the whole way and keeps nothing.
     */
    static boolean eligible(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod()) || request.getHeader(HttpHeaders.AUTHORIZATION) != null
                || request.getHeader(HttpHeaders.IF_MODIFIED_SINCE) != null
                || request.getHeader(HttpHeaders.RANGE) != null) {
            return false;
        }
        java.util.Enumeration<String> cookies = request.getHeaders(HttpHeaders.COOKIE);
        while (cookies.hasMoreElements()) {
            for (String cookie : cookies.nextElement().split(";")) {
                String c = cookie.strip();
                if (!c.isEmpty() && !c.startsWith(LanguageResolver.COOKIE + "=")) {
                    return false;
                }
            }
        }
        return true;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!eligible(request)) {
            chain.doFilter(request, response);
            return;
        }
        Key key = new Key(request.getRequestURI(), request.getQueryString(), request.getScheme(),
                request.getServerName(), request.getServerPort(), LanguageResolver.resolve(request).code(),
                request.getHeader(HttpHeaders.ACCEPT), request.getHeader(HttpHeaders.ORIGIN), forwarded(request));
        LocalDate today = LocalDate.now(clock);
        long version = cache.version(request);
        KeptAnswer kept = cache.peek(key, version);
        if (kept != null && kept.day().equals(today)) {
            if (kept.lacksPlainFor(request)) {
                kept = kept.withPlain();
                cache.replace(key, kept);
            }
            hits.increment();
            kept.send(request, response, false);
            return;
        }
        // one computation per address at a time: a crowd asking for the same new address (a shared link, the page
        // after a write) waits for the first one's answer instead of computing it again each
        InFlight mine = new InFlight(version, today, new CompletableFuture<>());
        InFlight first = computing.putIfAbsent(key, mine);
        if (first != null && first.version() == version && first.day().equals(today)) {
            KeptAnswer answer = await(first.answer());
            if (answer != null) {
                hits.increment();
                answer.send(request, response, false);
                return;
            }
        }
        KeptAnswer keeping = null;
        try {
            keeping = compute(key, version, today, request, response, chain);
        } finally {
            if (first == null) {
                mine.answer().complete(keeping);
                computing.remove(key, mine);
            }
        }
    }

    /** Computes the answer through the rest of the chain and keeps it when it may be kept (the class comment). */
    private KeptAnswer compute(Key key, long version, LocalDate today, HttpServletRequest request,
            HttpServletResponse response, FilterChain chain) throws ServletException, IOException {
        ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
        KeptAnswer keeping = null;
        try {
            chain.doFilter(request, wrapper);
            if (Boolean.TRUE.equals(request.getAttribute(KEEP)) && wrapper.getStatus() == HttpServletResponse.SC_OK
                    && KeptAnswer.onlyLanguageCookie(wrapper.getHeaders(HttpHeaders.SET_COOKIE))
                    && !request.isAsyncStarted()) {
                keeping = KeptAnswer.of(wrapper, today,
                        !KeptAnswer.acceptsGzip(request.getHeader(HttpHeaders.ACCEPT_ENCODING)));
                cache.keep(key, keeping, version,
                        request.getAttribute(COUNTY) instanceof Long county ? county : null);
                this.kept.increment();
            }
        } finally {
            if (keeping == null) {
                wrapper.copyBodyToResponse();
            }
        }
        if (keeping != null) {
            // the first answer goes out as the kept ones will (compressed, with the same validators and Vary)
            keeping.send(request, response, true);
        }
        return keeping;
    }

    /** The answer another request is computing, or null when it is not kept, fails, or takes too long. */
    private static KeptAnswer await(CompletableFuture<KeptAnswer> answer) {
        try {
            return answer.get(WAIT_FOR_FIRST.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException | TimeoutException e) {
            return null;
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
}
