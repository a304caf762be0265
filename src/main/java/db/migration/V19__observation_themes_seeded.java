package db.migration;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Counties that have no Huomaa minut! observation themes yet get the seeded catalogue
 * ({@code fi/kohtaamo/participation/observation-themes.txt}); from now on a county gets it when it is created
 * ({@code registry.CountyCreated}, as the weak-signal themes since V15), so no page writes when it is first opened.
 */
public class V19__observation_themes_seeded extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        List<Long> counties = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "select id from county c where not exists (select 1 from observation_theme t where t.county_id = c.id)");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                counties.add(rs.getLong(1));
            }
        }
        if (counties.isEmpty()) {
            return;
        }
        String text;
        try (InputStream in = V19__observation_themes_seeded.class
                .getResourceAsStream("/fi/kohtaamo/participation/observation-themes.txt")) {
            if (in == null) {
                throw new IOException("observation-themes.txt missing");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (PreparedStatement ins = c.prepareStatement("""
                insert into observation_theme (county_id, code, name_fi, name_sv, name_en, active, updated_at)
                values (?, ?, ?, ?, ?, true, ?)""")) {
            java.time.OffsetDateTime now = java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC);
            for (long county : counties) {
                for (String line : text.split("\n")) {
                    if (line.isBlank() || line.startsWith("#")) {
                        continue;
                    }
                    String[] p = line.strip().split("\\|");
                    ins.setLong(1, county);
                    ins.setString(2, p[0]);
                    ins.setString(3, p[1]);
                    ins.setString(4, p[2]);
                    ins.setString(5, p[3]);
                    ins.setObject(6, now);
                    ins.executeUpdate();
                }
            }
        }
    }
}
