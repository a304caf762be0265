package fi.kohtaamo.coordination;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kohtaamo.coordination.internal.materials.MaterialQueries;
import fi.kohtaamo.support.IntegrationTest;
import fi.kohtaamo.support.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The groups' search on PostgreSQL has GIN indexes on the very expressions it matches (migration V15), so the
 * planner can answer it from them; H2 keeps its plain substring match and has none of them.
 */
@IntegrationTest
class SearchIndexTest {

    static final List<String> INDEXES = List.of("coord_agenda_item_fts", "coord_decision_fts", "coord_action_item_fts",
            "coord_material_fts");

    @Autowired JdbcClient jdbc;
    @Autowired DataSource dataSource;

    @Test
    void theSearchUsesTheFinnishFullTextIndexesOnPostgresql() throws Exception {
        if (!TestDatabase.postgres()) {
            assertThat(jdbc.sql("select count(*) from information_schema.indexes where lower(index_name) like '%_fts'")
                    .query(Long.class).single()).isZero();
            return;
        }
        assertThat(jdbc.sql("select indexname from pg_indexes where indexname like '%_fts'").query(String.class).list())
                .containsExactlyInAnyOrderElementsOf(INDEXES);
        // the application's own query, with its parameters as literals, planned without sequential scans allowed
        String sql = MaterialQueries.searchSql(true).replace(":q", "'kalenteri'").replace(":like", "'%kalenteri%'")
                .replace(":limit", "100").replace(":scopeAll", "true").replace(":member", "false")
                .replace(":scopeCounty", "-1").replace(":scopeArea", "-1").replace(":me", "-1");
        List<String> plan = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute("set enable_seqscan = off");
            try (ResultSet rs = st.executeQuery("explain " + sql)) {
                while (rs.next()) {
                    plan.add(rs.getString(1));
                }
            } finally {
                st.execute("reset enable_seqscan");
            }
        }
        String text = String.join("\n", plan);
        for (String index : INDEXES) {
            assertThat(text).as(text).contains(index);
        }
    }
}
