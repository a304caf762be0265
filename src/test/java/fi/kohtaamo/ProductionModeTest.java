package fi.kohtaamo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import fi.kohtaamo.support.TestDatabase;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Production mode refuses the embedded database and starts on PostgreSQL without demo data. */
class ProductionModeTest {

    @Test
    void productionRefusesToStartOnH2() {
        Throwable t = catchThrowable(() -> new SpringApplicationBuilder(KohtaamoApplication.class)
                .run("--kohtaamo.mode=production", "--server.port=0",
                        "--spring.datasource.url=jdbc:h2:mem:prod-refused;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE",
                        "--logging.level.root=off")
                .close());
        assertThat(t).isNotNull();
        Throwable root = t;
        while (root.getCause() != null && !(root instanceof IllegalStateException && root.getMessage().contains("PostgreSQL"))) {
            root = root.getCause();
        }
        assertThat(root.getMessage()).contains("Production mode needs PostgreSQL");
    }

    @Test
    void productionStartsOnPostgresWithoutDemoData() {
        Assumptions.assumeTrue(TestDatabase.postgres(), "runs in the PostgreSQL test run");
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(KohtaamoApplication.class)
                .run("--kohtaamo.mode=production", "--server.port=0", "--spring.datasource.url=" + TestDatabase.url(),
                        "--spring.datasource.username=" + TestDatabase.user(),
                        "--spring.datasource.password=" + TestDatabase.password(), "--logging.level.root=warn")) {
            var props = app.getBean(fi.kohtaamo.shared.KohtaamoProperties.class);
            assertThat(props.production()).isTrue();
            assertThat(props.demoEnabled()).isFalse();
        }
    }
}
