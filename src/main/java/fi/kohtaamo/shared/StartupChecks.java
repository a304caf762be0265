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
 * Refuses to run production mode on the embedded database, loads demo data when asked, and prints
 * where Kohtaamo is listening.
 */
@Component
class StartupChecks implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(StartupChecks.class);

    private final KohtaamoProperties properties;
    private final DataSource dataSource;
    private final List<DemoData> demoData;
    private final Environment environment;
    private final PublicDataCache cache;

    StartupChecks(KohtaamoProperties properties, DataSource dataSource, List<DemoData> demoData,
            Environment environment, PublicDataCache cache) {
        this.cache = cache;
        this.properties = properties;
        this.dataSource = dataSource;
        this.demoData = demoData;
        this.environment = environment;
        requireRealDatabaseInProduction();
    }

    private void requireRealDatabaseInProduction() {
        if (!properties.production()) {
            return;
        }
        String url;
        try (var c = dataSource.getConnection()) {
            url = c.getMetaData().getURL();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Cannot connect to the database: " + e.getMessage(), e);
        }
        if (url == null || !url.startsWith("jdbc:postgresql:")) {
            throw new IllegalStateException("Production mode needs PostgreSQL: set KOHTAAMO_DB_URL to a "
                    + "jdbc:postgresql:// URL (the embedded H2 database is for trying Kohtaamo out only).");
        }
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
