package fi.kohtaamo.shared;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The one way to make an absolute address of Kohtaamo, for links that leave the page: iCalendar
 * feeds and their events, the JSON API's links, the widget, the QR code of a poster. It is
 * {@code KOHTAAMO_PUBLIC_BASE_URL} when set (so a subscription or a printed poster keeps working
 * whichever instance or internal address produced it), else the address of the current request
 * (behind a proxy with {@code KOHTAAMO_FORWARD_HEADERS=native}, the address the family used).
 */
@Component
public class PublicUrls {

    private final KohtaamoProperties properties;

    public PublicUrls(KohtaamoProperties properties) {
        this.properties = properties;
    }

    /** The absolute base address without a trailing slash, e.g. {@code https://perhekalenteri.example.fi}. */
    public String base() {
        if (properties.publicBaseUrl() != null) {
            return properties.publicBaseUrl();
        }
        return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
    }

    /**
     * The base address outside a request too (background jobs such as mail): the configured one, the
     * current request's, or empty.
     */
    public java.util.Optional<String> baseIfKnown() {
        if (properties.publicBaseUrl() != null) {
            return java.util.Optional.of(properties.publicBaseUrl());
        }
        if (org.springframework.web.context.request.RequestContextHolder.getRequestAttributes() == null) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(base());
    }

    /** The absolute address of a site-relative path such as {@code /calendar.ics?municipality=049}. */
    public String of(String path) {
        return base() + path;
    }
}
