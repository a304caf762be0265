package fi.kohtaamo.shared;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The one way of families' anonymous forms (quick feedback and its kiosk, surveys, wishes and their support,
 * accessibility feedback): their pages and posts leave nothing behind in the browser or on the server. A module
 * lists its addresses in a {@link Contribution} bean; this part knows no module's routes.
 *
 * <ul>
 * <li>identity's security configuration exempts exactly the {@link #isPost posts} from CSRF and renders no CSRF
 * token on the {@link #isPage pages} of a browser without a session (a token needs a session, and a family's visit
 * must create none);</li>
 * <li>{@link #refuseCrossSite} refuses a browser's cross-site post (another site's page sending answers through its
 * visitors): {@code Sec-Fetch-Site: cross-site}, or, from a browser that does not send that header, an
 * {@code Origin} that is not this instance's own ({@link PublicUrls});</li>
 * <li>{@link WebConfig} sets no {@code lang} cookie on them: their addresses carry the language.</li>
 * </ul>
 * An anonymous post acts on nobody's authority, so a forged one is no more than anyone can send directly; the
 * senders' and places' rate limits bound them.
 */
@Component
public class AnonymousForms {

    /** A module's anonymous addresses, as path patterns ({@code /places/{id}/feedback}). */
    public interface Contribution {

        /** Pages (GET) that show an anonymous form or its outcome. */
        List<String> pages();

        /** Addresses that take an anonymous form's POST. */
        List<String> posts();
    }

    private final List<PathPattern> pages;
    private final List<PathPattern> posts;
    private final PublicUrls urls;

    AnonymousForms(List<Contribution> contributions, PublicUrls urls) {
        PathPatternParser parser = PathPatternParser.defaultInstance;
        this.pages = contributions.stream().flatMap(c -> c.pages().stream()).map(parser::parse).toList();
        this.posts = contributions.stream().flatMap(c -> c.posts().stream()).map(parser::parse).toList();
        this.urls = urls;
    }

    /** A GET (or HEAD) of an anonymous form's page. */
    public boolean isPage(HttpServletRequest request) {
        String m = request.getMethod();
        return ("GET".equals(m) || "HEAD".equals(m)) && matches(pages, request);
    }

    /** A POST of an anonymous form. */
    public boolean isPost(HttpServletRequest request) {
        return "POST".equals(request.getMethod()) && matches(posts, request);
    }

    /** A page or a post of an anonymous form. */
    public boolean isAnonymous(HttpServletRequest request) {
        return isPage(request) || isPost(request);
    }

    /** Refuses (403) an anonymous post that a browser sent from another site. */
    public void refuseCrossSite(HttpServletRequest request) {
        if (isPost(request) && crossSite(request)) {
            throw new KohtaamoException.Forbidden("cross-site");
        }
    }

    boolean crossSite(HttpServletRequest request) {
        String fetchSite = request.getHeader("Sec-Fetch-Site");
        if (fetchSite != null) {
            return "cross-site".equalsIgnoreCase(fetchSite.strip());
        }
        String origin = request.getHeader("Origin");
        return origin != null && !origin(origin).equals(origin(urls.base()));
    }

    /** scheme://host[:port] in lower case; "null" (an opaque origin) or anything unreadable matches nothing. */
    private static String origin(String url) {
        try {
            URI u = URI.create(url.strip());
            if (u.getScheme() == null || u.getHost() == null) {
                return "?" + url;
            }
            return (u.getScheme() + "://" + u.getHost() + (u.getPort() < 0 ? "" : ":" + u.getPort()))
                    .toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return "?" + url;
        }
    }

    private static boolean matches(List<PathPattern> patterns, HttpServletRequest request) {
        String path = request.getRequestURI();
        String context = request.getContextPath();
        if (context != null && !context.isEmpty() && path.startsWith(context)) {
            path = path.substring(context.length());
        }
        PathContainer container;
        try {
            container = PathContainer.parsePath(path);
        } catch (IllegalArgumentException e) {
            return false;
        }
        for (PathPattern p : patterns) {
            if (p.matches(container)) {
                return true;
            }
        }
        return false;
    }
}
