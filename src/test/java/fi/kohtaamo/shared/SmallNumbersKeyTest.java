package fi.kohtaamo.shared;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kohtaamo.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On a new installation the first protected figure may be asked for inside a read-only transaction (every report
 * is one): the installation's secret is still made, once, and the figure computed. On PostgreSQL the insert failed
 * with "cannot execute INSERT in a read-only transaction" when it ran in the caller's transaction.
 */
@IntegrationTest
class SmallNumbersKeyTest {

    @Autowired JdbcClient jdbc;
    @Autowired PlatformTransactionManager transactions;

    @Test
    void theSecretIsMadeWhenTheFirstFigureIsAskedInAReadOnlyTransaction() {
        String kept = jdbc.sql("select secret from small_number_key where id = 1").query(String.class).optional()
                .orElse(null);
        jdbc.sql("delete from small_number_key").update();
        try {
            SmallNumbers fresh = new SmallNumbers(jdbc, transactions);
            TransactionTemplate readOnly = new TransactionTemplate(transactions);
            readOnly.setReadOnly(true);
            Long share = readOnly.execute(t -> fresh.share(3, "adults|place 1|2026-11"));
            assertThat(share).isIn(0L, 5L);
            assertThat(jdbc.sql("select count(*) from small_number_key").query(Long.class).single()).isEqualTo(1);
            // the same secret the next time, by another instance too
            SmallNumbers other = new SmallNumbers(jdbc, transactions);
            Long again = readOnly.execute(t -> other.share(3, "adults|place 1|2026-11"));
            assertThat(again).isEqualTo(share);
        } finally {
            jdbc.sql("delete from small_number_key").update();
            if (kept != null) {
                jdbc.sql("insert into small_number_key (id, secret) values (1, :s)").param("s", kept).update();
            }
        }
    }
}
