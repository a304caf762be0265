package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Deleting a place or an activity reaches the other modules by domain events ({@code registry.PlaceDeleted},
 * {@code calendar.ScheduleChanged}), no longer by foreign keys that cascade across modules, which removed
 * calendars, visits and counts silently. The calendar's activities and the monitoring's counts keep a plain
 * foreign key (their module deletes or refuses first, so the key only guards against a bug); the outreach's slots
 * keep none: the visits of a deleted activity or place stay as history (coming ones cancelled, partners told).
 * A Java migration because the keys were declared without names, and H2 and PostgreSQL named them differently.
 */
public class V10__module_deletions_by_events extends BaseJavaMigration {

    /** table, column, referenced table, whether to keep a plain (restricting) key. */
    private static final String[][] KEYS = {
        {"activity", "place_id", "place", "keep"},
        {"visit_slot", "activity_id", "activity", "drop"},
        {"visit_slot", "place_id", "place", "drop"},
        {"visit_count", "place_id", "place", "keep"},
        {"visit_count", "activity_id", "activity", "keep"},
        {"visit_count_month", "place_id", "place", "keep"},
        {"visit_referral_month", "place_id", "place", "keep"},
    };

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        for (String[] k : KEYS) {
            for (String name : foreignKeys(c, k[0], k[1])) {
                try (Statement s = c.createStatement()) {
                    s.execute("alter table " + k[0] + " drop constraint \"" + name.replace("\"", "") + "\"");
                }
            }
            if (k[3].equals("keep")) {
                try (Statement s = c.createStatement()) {
                    s.execute("alter table " + k[0] + " add constraint " + k[0] + "_" + k[1] + "_fk foreign key (" + k[1]
                            + ") references " + k[2] + " (id)");
                }
            }
        }
    }

    private static List<String> foreignKeys(Connection c, String table, String column) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select tc.constraint_name from information_schema.table_constraints tc
                join information_schema.key_column_usage k
                  on k.constraint_name = tc.constraint_name and k.constraint_schema = tc.constraint_schema
                 and k.table_name = tc.table_name
                where tc.constraint_type = 'FOREIGN KEY' and lower(tc.table_name) = ? and lower(k.column_name) = ?
                  and tc.table_schema = current_schema()""")) {
            ps.setString(1, table);
            ps.setString(2, column);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        if (out.isEmpty()) {
            throw new IllegalStateException("no foreign key on " + table + "." + column);
        }
        return out;
    }
}
