package db.migration;

import java.sql.Connection;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The directory search's folded texts (guidance.internal.find.SearchQueries), kept by the database itself as
 * generated columns so that every writer (the staff editor, the PTV import, the demo and national loaders) keeps them
 * right without knowing of them: a service's names ({@code search_name}) and its names and summaries
 * ({@code search_text}) in fi/sv/en, and a need's names, lower-cased with the accents of
 * {@code SearchCriteria.FOLD_FROM} folded by {@code translate} (the expression must stay the same as
 * {@code SearchCriteria.fold} in Java). Folding at query time cost 250 µs a row on PostgreSQL (translate with
 * multibyte lists), two seconds for the national 5 700 services. PostgreSQL needs {@code stored}; H2 stores its
 * generated columns and does not take the word.
 */
public class V26__guidance_search_text extends BaseJavaMigration {

    static final String FROM = "áàâãäåéèêëíìîïóòôõöúùûüýÿçñšžÁÀÂÃÄÅÉÈÊËÍÌÎÏÓÒÔÕÖÚÙÛÜÝŸÇÑŠŽ";
    static final String TO = "aaaaaaeeeeiiiiooooouuuuyycnszaaaaaaeeeeiiiiooooouuuuyycnsz";

    static String fold(String expression) {
        return "translate(lower(" + expression + "), '" + FROM + "', '" + TO + "')";
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        boolean postgres = c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT)
                .contains("postgresql");
        String stored = postgres ? " stored" : "";
        String names = "name_fi || ' ' || coalesce(name_sv, '') || ' ' || coalesce(name_en, '')";
        try (Statement st = c.createStatement()) {
            st.execute("alter table guidance_service add column search_name varchar(610) generated always as ("
                    + fold(names) + ")" + stored);
            st.execute("alter table guidance_service add column search_text varchar(2120) generated always as ("
                    + fold(names + " || ' ' || coalesce(summary_fi, '') || ' ' || coalesce(summary_sv, '') || ' '"
                            + " || coalesce(summary_en, '')") + ")" + stored);
            st.execute("alter table guidance_need add column search_text varchar(610) generated always as ("
                    + fold(names) + ")" + stored);
        }
    }
}
