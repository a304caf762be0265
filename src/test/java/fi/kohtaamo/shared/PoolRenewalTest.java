package fi.kohtaamo.shared;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import fi.kohtaamo.support.Fixtures;
import fi.kohtaamo.support.IntegrationTest;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The database keeps taking writes after the pool has renewed every connection, as it does by itself every 30
 * minutes (Hikari's max lifetime). H2 2.4.240 kept, inside each {@code CHECK (x IN (...))} constraint, the session
 * that created it (Flyway's connection): once that connection was closed, every insert into such a table failed with
 * "Check constraint invalid … The database has been closed" (h2database#4308, fixed in 2.5.250) — on a demo instance
 * half an hour after start, and in the tests once the run was longer than that.
 */
@IntegrationTest
class PoolRenewalTest {

    @Autowired DataSource dataSource;
    @Autowired Fixtures fx;
    @Autowired JdbcClient jdbc;

    @Test
    void writesStillPassCheckConstraintsAfterThePoolRenewedItsConnections() throws Exception {
        HikariDataSource hikari = dataSource.unwrap(HikariDataSource.class);
        hikari.getHikariPoolMXBean().softEvictConnections();
        for (int i = 0; i < 50 && hikari.getHikariPoolMXBean().getTotalConnections() > 0
                && hikari.getHikariPoolMXBean().getActiveConnections() == 0; i++) {
            Thread.sleep(100);
        }
        long county = fx.county();
        String municipality = fx.municipality(county); // municipality.language_status check (... in (...))
        assertThat(jdbc.sql("select language_status from municipality where code = :c").param("c", municipality)
                .query(String.class).single()).isEqualTo("FI_SV");
    }
}
