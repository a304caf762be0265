package fi.kohtaamo.shared;

import java.net.URI;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The map tile server families' browsers fetch tiles from ({@code KOHTAAMO_MAP_TILES_URL}, a Leaflet URL
 * template such as {@code https://tile.example.fi/{z}/{x}/{y}.png}, with {@code KOHTAAMO_MAP_ATTRIBUTION}).
 * Unset by default: then no page fetches anything from a third party (the place list draws its own SVG plot),
 * and the Content-Security-Policy names no other host. When set, its origin is added to the CSP's
 * {@code img-src} only. A value that is not an https (or http) template with {z}, {x} and {y} refuses to start.
 */
@Component
public class MapTiles {

    private final String url;
    private final String attribution;
    private final String origin;

    public MapTiles(@Value("${kohtaamo.map.tiles-url:}") String url,
            @Value("${kohtaamo.map.attribution:}") String attribution) {
        this.url = url == null || url.isBlank() ? null : url.strip();
        this.attribution = attribution == null || attribution.isBlank() ? null : attribution.strip();
        this.origin = this.url == null ? null : origin(this.url);
    }

    static String origin(String template) {
        if (!template.matches("^https?://[A-Za-z0-9.{}-]+(:[0-9]{1,5})?/[^\\s\"';]*$") || !template.contains("{z}")
                || !template.contains("{x}") || !template.contains("{y}")) {
            throw new IllegalArgumentException("KOHTAAMO_MAP_TILES_URL must be an http(s) tile address with {z}, {x} "
                    + "and {y}, e.g. https://tile.example.fi/{z}/{x}/{y}.png");
        }
        URI uri = URI.create(template.replace("{s}", "s").replaceAll("\\{[a-z]+}", "0"));
        String host = template.substring(template.indexOf("://") + 3).split("[/:]", 2)[0];
        // Leaflet's {s} picks a subdomain: the CSP then allows any subdomain of the rest
        host = host.replace("{s}", "*").toLowerCase(Locale.ROOT);
        return uri.getScheme() + "://" + host + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
    }

    /** Whether a tile server is configured (else the SVG plot is shown). */
    public boolean configured() {
        return url != null;
    }

    /** The tile URL template for Leaflet; null when none is configured. */
    public String url() {
        return url;
    }

    /** The attribution the tile server asks for (plain text); empty when none is set. */
    public String attribution() {
        return attribution == null ? "" : attribution;
    }

    /** The CSP source to add to img-src; null when none is configured. */
    public String cspSource() {
        return origin;
    }
}
