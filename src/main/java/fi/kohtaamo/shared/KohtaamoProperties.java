package fi.kohtaamo.shared;

import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Kohtaamo's own settings, from environment variables (see README):
 * {@code KOHTAAMO_MODE} ({@code production}, the default, or {@code dev}; anything else refuses to start),
 * {@code KOHTAAMO_DEMO} (load demo data: by default only in dev mode on the embedded H2 database, never into
 * PostgreSQL unless set to {@code true}), {@code KOHTAAMO_DEMO_PASSWORD} (fixed demo password; random when
 * unset), {@code KOHTAAMO_PUBLIC_BASE_URL} (the address families reach Kohtaamo at, e.g.
 * {@code https://perhekalenteri.example.fi}, used for every link that leaves the page; required in
 * production). {@code databaseUrl} is the datasource's URL, bound from {@code spring.datasource.url}.
 */
@ConfigurationProperties("kohtaamo")
public record KohtaamoProperties(String mode, Demo demo, String publicBaseUrl, String databaseUrl) {

    public static final String PRODUCTION = "production";
    public static final String DEV = "dev";

    public record Demo(Boolean enabled, String password) {
    }

    public KohtaamoProperties(String mode, Demo demo, String publicBaseUrl) {
        this(mode, demo, publicBaseUrl, null);
    }

    @org.springframework.boot.context.properties.bind.ConstructorBinding
    public KohtaamoProperties {
        mode = mode == null || mode.isBlank() ? PRODUCTION : mode.strip().toLowerCase(Locale.ROOT);
        if (!PRODUCTION.equals(mode) && !DEV.equals(mode)) {
            throw new IllegalArgumentException("KOHTAAMO_MODE must be 'production' (the default) or 'dev', not '"
                    + mode + "'");
        }
        demo = demo == null ? new Demo(null, null) : demo;
        publicBaseUrl = publicBaseUrl == null || publicBaseUrl.isBlank() ? null : publicBaseUrl.strip();
        if (publicBaseUrl != null) {
            if (!publicBaseUrl.matches("^https?://[^\\s?#]+$")) {
                throw new IllegalArgumentException("KOHTAAMO_PUBLIC_BASE_URL must be an http(s) address without query, "
                        + "e.g. https://perhekalenteri.example.fi");
            }
            publicBaseUrl = publicBaseUrl.replaceAll("/+$", "");
        }
        databaseUrl = databaseUrl == null || databaseUrl.isBlank() ? null : databaseUrl.strip();
    }

    public boolean production() {
        return PRODUCTION.equals(mode);
    }

    /** Whether the database is PostgreSQL (else the embedded H2 database). */
    public boolean postgres() {
        return databaseUrl != null && databaseUrl.startsWith("jdbc:postgresql:");
    }

    /**
     * Demo data and demo behaviour (mail kept, not sent): when asked for by name ({@code KOHTAAMO_DEMO=true}),
     * else only in dev mode on the embedded database, so that demo accounts never land in a real database
     * by default.
     */
    public boolean demoEnabled() {
        return demo.enabled() != null ? demo.enabled() : !production() && !postgres();
    }
}
