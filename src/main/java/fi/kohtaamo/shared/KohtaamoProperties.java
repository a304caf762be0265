package fi.kohtaamo.shared;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Kohtaamo's own settings, from environment variables (see README):
 * {@code KOHTAAMO_MODE} (dev or production), {@code KOHTAAMO_DEMO} (load demo data: default true in
 * dev, false in production), {@code KOHTAAMO_DEMO_PASSWORD} (fixed demo password; random when unset).
 */
@ConfigurationProperties("kohtaamo")
public record KohtaamoProperties(String mode, Demo demo) {

    public record Demo(Boolean enabled, String password) {
    }

    public KohtaamoProperties {
        mode = mode == null || mode.isBlank() ? "dev" : mode.strip().toLowerCase(java.util.Locale.ROOT);
        demo = demo == null ? new Demo(null, null) : demo;
    }

    public boolean production() {
        return "production".equals(mode) || "prod".equals(mode);
    }

    public boolean demoEnabled() {
        return demo.enabled() != null ? demo.enabled() : !production();
    }
}
