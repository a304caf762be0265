package fi.kohtaamo.shared;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Kohtaamo's own settings, from environment variables (see README):
 * {@code KOHTAAMO_MODE} (dev or production), {@code KOHTAAMO_DEMO} (load demo data: default true in
 * dev, false in production), {@code KOHTAAMO_DEMO_PASSWORD} (fixed demo password; random when unset),
 * {@code KOHTAAMO_PUBLIC_BASE_URL} (the address families reach Kohtaamo at, e.g.
 * {@code https://perhekalenteri.example.fi}, used where a link leaves the web, such as the QR code of a
 * printed poster; when unset, the address of the request is used).
 */
@ConfigurationProperties("kohtaamo")
public record KohtaamoProperties(String mode, Demo demo, String publicBaseUrl) {

    public record Demo(Boolean enabled, String password) {
    }

    public KohtaamoProperties {
        mode = mode == null || mode.isBlank() ? "dev" : mode.strip().toLowerCase(java.util.Locale.ROOT);
        demo = demo == null ? new Demo(null, null) : demo;
        publicBaseUrl = publicBaseUrl == null || publicBaseUrl.isBlank() ? null : publicBaseUrl.strip();
        if (publicBaseUrl != null) {
            if (!publicBaseUrl.matches("^https?://[^\\s?#]+$")) {
                throw new IllegalArgumentException("KOHTAAMO_PUBLIC_BASE_URL must be an http(s) address without query, "
                        + "e.g. https://perhekalenteri.example.fi");
            }
            publicBaseUrl = publicBaseUrl.replaceAll("/+$", "");
        }
    }

    public boolean production() {
        return "production".equals(mode) || "prod".equals(mode);
    }

    public boolean demoEnabled() {
        return demo.enabled() != null ? demo.enabled() : !production();
    }
}
