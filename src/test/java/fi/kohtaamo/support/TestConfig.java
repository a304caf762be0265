package fi.kohtaamo.support;

import fi.kohtaamo.shared.ClockConfig;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

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

    /**
     * Test-only endpoints that fail the way an exhausted connection pool fails, so that tests can
     * check the 503 answer without starving the shared test database. Found by component scanning
     * from the test classpath only; the application never has them.
     */
    @RestController
    static class PoolExhausted {
        @GetMapping({"/test-only/busy", "/api/v1/test-only/busy"})
        String busy() {
            throw new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection (test)");
        }
    }
}
