package db.migration;

import java.sql.PreparedStatement;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Counties that have no catalogue of families' needs yet get the seeded one ({@code fi/kohtaamo/guidance/needs.txt},
 * in the file's order); from now on a county gets it when it is created ({@code registry.CountyCreated}), as the
 * observation themes since V19, so no page writes when the directory is first opened.
 */
public class V23__guidance_needs_seeded extends BaseJavaMigration {

    static final String NEEDS = "/fi/kohtaamo/guidance/needs.txt";

    @Override
    public void migrate(Context context) throws Exception {
        var c = context.getConnection();
        fi.kohtaamo.shared.SeededCatalogue.seedCountiesWithout(c, "guidance_need", NEEDS);
        // the seeding helper leaves position 0: the file's order is the catalogue's first order
        List<fi.kohtaamo.shared.SeededCatalogue.Entry> entries = fi.kohtaamo.shared.SeededCatalogue.read(NEEDS);
        try (PreparedStatement ps = c.prepareStatement(
                "update guidance_need set position = ? where code = ? and position = 0")) {
            for (int i = 0; i < entries.size(); i++) {
                ps.setInt(1, i + 1);
                ps.setString(2, entries.get(i).code());
                ps.executeUpdate();
            }
        }
    }
}
