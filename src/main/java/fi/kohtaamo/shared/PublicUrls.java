package fi.kohtaamo.shared;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The one way to make an absolute address of Kohtaamo, for links that leave the page: iCalendar
 * feeds and their events, the JSON API's links, the widget, the QR code of a poster, links in mail.
 * It is {@code KOHTAAMO_PUBLIC_BASE_URL} (required in production), else, in dev mode,
 * {@code http://localhost:<port>}. Never the request's Host or X-Forwarded-Host header: anyone can send
 * those, and a link built from them would lead a mail's reader (or a cached page's) to their site.
 */
@Component
public class PublicUrls {

    private final KohtaamoProperties properties;
    private final Environment environment;

    public PublicUrls(KohtaamoProperties properties, Environment environment) {
        this.properties = properties;
        this.environment = environment;
    }

    /** The absolute base address without a trailing slash, e.g. {@code https://perhekalenteri.example.fi}. */
    public String base() {
        if (properties.publicBaseUrl() != null) {
            return properties.publicBaseUrl();
        }
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        return "http://localhost:" + port;
    }

    /** The absolute address of a site-relative path such as {@code /calendar.ics?municipality=049}. */
    public String of(String path) {
        return base() + path;
    }
}
