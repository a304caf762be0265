package fi.kohtaamo.support;

import fi.kohtaamo.shared.ClockConfig;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Test beans: a clock that tests control, and a database that starts empty in every test run. */
@TestConfiguration(proxyBeanMethods = false)
public class TestConfig {

    @Bean
    @Primary
    TestClock testClock() {
        return new TestClock(ClockConfig.ZONE);
    }

    /** Each run starts from an empty schema, so PostgreSQL runs do not see earlier runs' data. */
    @Bean
    FlywayMigrationStrategy cleanMigrate() {
        return flyway -> {
            flyway.clean();
            flyway.migrate();
        };
    }
}
