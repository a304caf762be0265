package fi.kohtaamo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import fi.kohtaamo.support.TestDatabase;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Production is the default mode and refuses unsafe settings: the embedded database, an unknown mode;
 * on PostgreSQL it starts without demo data. (Each refusal on its own: fi.kohtaamo.shared.StartupChecksTest.)
 */
class ProductionModeTest {

    private static String refusal(String... args) {
        Throwable t = catchThrowable(() -> new SpringApplicationBuilder(KohtaamoApplication.class).run(args).close());
        assertThat(t).isNotNull();
        StringBuilder messages = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            messages.append(c.getMessage()).append('\n');
        }
        return messages.toString();
    }

    @Test
    void productionRefusesToStartOnH2() {
        assertThat(refusal("--kohtaamo.mode=production", "--server.port=0",
                "--spring.datasource.url=jdbc:h2:mem:prod-refused;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE",
                "--logging.level.root=off")).contains("Production mode needs PostgreSQL");
    }

    @Test
    void withoutAModeItIsProductionAndRefusesTheEmbeddedDatabase() {
        assertThat(refusal("--server.port=0",
                "--spring.datasource.url=jdbc:h2:mem:default-mode;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE",
                "--logging.level.root=off"))
                .contains("Production mode needs PostgreSQL").contains("KOHTAAMO_SECURE_COOKIES=true")
                .contains("KOHTAAMO_PUBLIC_BASE_URL");
    }

    @Test
    void anUnknownModeRefusesToStart() {
        assertThat(refusal("--kohtaamo.mode=prodution", "--server.port=0",
                "--spring.datasource.url=jdbc:h2:mem:typo-mode;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE",
                "--logging.level.root=off")).contains("KOHTAAMO_MODE must be 'production' (the default) or 'dev'");
    }

    @Test
    void productionStartsOnPostgresWithoutDemoData() {
        Assumptions.assumeTrue(TestDatabase.postgres(), "runs in the PostgreSQL test run");
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(KohtaamoApplication.class)
                .run("--kohtaamo.mode=production", "--server.port=0", "--spring.datasource.url=" + TestDatabase.url(),
                        "--spring.datasource.username=" + TestDatabase.user(),
                        "--spring.datasource.password=" + TestDatabase.password(),
                        "--kohtaamo.public-base-url=https://perhekalenteri.example.fi",
                        "--server.servlet.session.cookie.secure=true", "--logging.level.root=warn")) {
            var props = app.getBean(fi.kohtaamo.shared.KohtaamoProperties.class);
            assertThat(props.production()).isTrue();
            assertThat(props.demoEnabled()).isFalse();
        }
    }

    @Test
    void devModeOnPostgresLoadsNoDemoDataUnlessAskedByName() {
        Assumptions.assumeTrue(TestDatabase.postgres(), "runs in the PostgreSQL test run");
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(KohtaamoApplication.class)
                .run("--kohtaamo.mode=dev", "--server.port=0", "--spring.datasource.url=" + TestDatabase.url(),
                        "--spring.datasource.username=" + TestDatabase.user(),
                        "--spring.datasource.password=" + TestDatabase.password(), "--logging.level.root=warn")) {
            var props = app.getBean(fi.kohtaamo.shared.KohtaamoProperties.class);
            assertThat(props.production()).isFalse();
            assertThat(props.postgres()).isTrue();
            assertThat(props.demoEnabled()).isFalse();
        }
    }
}
