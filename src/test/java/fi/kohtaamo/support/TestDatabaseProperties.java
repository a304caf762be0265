package fi.kohtaamo.support;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/** Puts the test database's URL and credentials into the environment of every test context. */
public class TestDatabaseProperties implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new MapPropertySource("kohtaamo-test-database", Map.of(
                "kohtaamo.test.datasource.url", TestDatabase.url(),
                "kohtaamo.test.datasource.username", TestDatabase.user(),
                "kohtaamo.test.datasource.password", TestDatabase.password())));
    }
}
