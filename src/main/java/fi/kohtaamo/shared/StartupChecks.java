package fi.kohtaamo.shared;

import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Refuses to start production mode with unsafe settings (the embedded database, cookies without
 * Secure, no public address), loads demo data when asked, and prints where Kohtaamo is listening.
 */
@Component
class StartupChecks implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(StartupChecks.class);

    private final KohtaamoProperties properties;
    private final List<DemoData> demoData;
    private final Environment environment;
    private final PublicDataCache cache;

    StartupChecks(KohtaamoProperties properties, DataSource dataSource, List<DemoData> demoData,
            Environment environment, PublicDataCache cache) {
        this.cache = cache;
        this.properties = properties;
        this.demoData = demoData;
        this.environment = environment;
        if (properties.production()) {
            String url;
            try (var c = dataSource.getConnection()) {
                url = c.getMetaData().getURL();
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException("Cannot connect to the database: " + e.getMessage(), e);
            }
            List<String> refusals = productionRefusals(properties, url,
                    environment.getProperty("server.servlet.session.cookie.secure", Boolean.class, false));
            if (!refusals.isEmpty()) {
                throw new IllegalStateException("Kohtaamo does not start in production mode (KOHTAAMO_MODE=production, "
                        + "the default; KOHTAAMO_MODE=dev is for trying it out): " + String.join(" ", refusals));
            }
        }
    }

    /** What production mode refuses, each as a sentence telling what to set; empty when all is well. */
    static List<String> productionRefusals(KohtaamoProperties properties, String databaseUrl, boolean secureCookies) {
        List<String> refusals = new java.util.ArrayList<>();
        if (databaseUrl == null || !databaseUrl.startsWith("jdbc:postgresql:")) {
            refusals.add("Production mode needs PostgreSQL: set KOHTAAMO_DB_URL to a jdbc:postgresql:// URL (the "
                    + "embedded H2 database is for trying Kohtaamo out only).");
        }
        if (!secureCookies) {
            refusals.add("Production mode needs KOHTAAMO_SECURE_COOKIES=true (serve Kohtaamo over HTTPS).");
        }
        if (properties.publicBaseUrl() == null) {
            refusals.add("Production mode needs KOHTAAMO_PUBLIC_BASE_URL, the address people reach Kohtaamo at "
                    + "(e.g. https://perhekalenteri.example.fi): links in mail, feeds and posters are made from it.");
        }
        return refusals;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (properties.demoEnabled()) {
            log.info("Demo mode: loading demo data where missing");
            demoData.forEach(DemoData::load);
            cache.changed();
            demoData.forEach(DemoData::afterLoad);
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void ready() {
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        log.info("Kohtaamo is running at http://localhost:{}/ ({} mode{})", port,
                properties.production() ? "production" : "development",
                properties.demoEnabled() ? ", demo data" : "");
    }
}
