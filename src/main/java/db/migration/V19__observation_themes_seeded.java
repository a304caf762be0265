package db.migration;

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
        fi.kohtaamo.shared.SeededCatalogue.seedCountiesWithout(context.getConnection(), "observation_theme",
                "/fi/kohtaamo/participation/observation-themes.txt");
    }
}
