package fi.kohtaamo.guidance.internal.find;

import fi.kohtaamo.guidance.internal.find.FindModel.Need;
import fi.kohtaamo.guidance.internal.find.FindModel.Page;
import fi.kohtaamo.guidance.internal.find.FindModel.Summary;
import fi.kohtaamo.shared.Lang;
import fi.kohtaamo.shared.LocalizedText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The directory search: one query, the same on H2 and PostgreSQL, over the public services of every county of
 * the instance. Words match any part of a word (so "neuvo" finds Neuvola and Perheneuvola) of the names and
 * summaries in fi/sv/en and of the names of the service's needs, each word required, case and accents folded
 * ({@link SearchCriteria#fold}; the texts folded by the database in V26's generated columns); the filters are the need's code, a municipality the
 * service serves, a language it is given in and the child's age (or expecting). Ordered: a name that matches the
 * first word, a location in the chosen municipality, active before temporarily closed, then the name in the
 * language. The total comes with the page ({@code count(*) over ()}).
 */
@Repository
class SearchQueries {

    static final int PAGE_SIZE = 20;

    private final JdbcClient jdbc;
    private final ServiceQueries services;

    SearchQueries(JdbcClient jdbc, ServiceQueries services) {
        this.jdbc = jdbc;
        this.services = services;
    }

    /** The folded texts are generated columns (migration V26), kept by the database on every write. */
    private static final String SERVICE_TEXT = "s.search_text";
    private static final String SERVICE_NAME = "s.search_name";
    private static final String NEED_TEXT = "g.search_text";

    Page search(SearchCriteria c, Lang lang) {
        StringBuilder where = new StringBuilder(" where s.status in ('ACTIVE', 'TEMPORARILY_CLOSED')");
        if (c.need() != null) {
            where.append(" and exists (select 1 from guidance_service_need n where n.service_id = s.id"
                    + " and n.need_code = :need)");
        }
        if (c.type() != null) {
            where.append(" and s.service_type = :type");
        }
        if (c.municipality() != null) {
            where.append(" and exists (select 1 from guidance_service_municipality m where m.service_id = s.id"
                    + " and m.municipality_code = :municipality)");
        }
        if (c.language() != null) {
            where.append(" and exists (select 1 from guidance_service_language l where l.service_id = s.id"
                    + " and l.lang = :language)");
        }
        if (c.expecting()) {
            where.append(" and s.for_expecting = true");
        } else if (c.age() != null) {
            // the chosen year of age [from, from + 11] overlaps the service's months
            where.append(" and (s.age_min_months is null or s.age_min_months <= :ageTo)")
                    .append(" and (s.age_max_months is null or s.age_max_months >= :ageFrom)");
        }
        for (int i = 0; i < c.words().size(); i++) {
            // the needs matching the word are found once (not per service): the pairs (county, service) of them
            where.append(" and (").append(SERVICE_TEXT).append(" like :w").append(i).append(" escape '\\'")
                    .append(" or (s.county_id, s.id) in (select g.county_id, sn.service_id from guidance_need g")
                    .append(" join guidance_service_need sn on sn.need_code = g.code where ")
                    .append(NEED_TEXT).append(" like :w").append(i).append(" escape '\\'))");
        }
        StringBuilder order = new StringBuilder(" order by ");
        if (!c.words().isEmpty()) {
            order.append("case when ").append(SERVICE_NAME).append(" like :w0 escape '\\' then 0 else 1 end, ");
        }
        if (c.municipality() != null) {
            order.append("case when exists (select 1 from guidance_channel lc where lc.service_id = s.id")
                    .append(" and lc.kind = 'LOCATION' and lc.municipality_code = :municipality) then 0 else 1 end, ");
        }
        order.append("case when s.status = 'ACTIVE' then 0 else 1 end, lower(")
                .append(nameIn(lang)).append("), s.id");
        JdbcClient.StatementSpec spec = jdbc.sql("select " + ServiceQueries.SUMMARY_COLUMNS
                + ", count(*) over () as total from guidance_service s" + where + order
                + " limit :limit offset :offset");
        spec = bind(spec, c).param("limit", PAGE_SIZE).param("offset", (long) c.page() * PAGE_SIZE);
        long[] total = {0};
        List<Summary> rows = spec.query((rs, n) -> {
            total[0] = rs.getLong("total");
            return ServiceQueries.summary(rs);
        }).list();
        if (rows.isEmpty() && c.page() > 0) {
            total[0] = bind(jdbc.sql("select count(*) from guidance_service s" + where), c).query(Long.class).single();
        }
        return new Page(services.withChannels(rows), c.page(), PAGE_SIZE, total[0]);
    }

    /**
     * How many public services of each type of the county serve the municipality (the count form's links, {@code
     * monitoring.ServiceDirectory}).
     */
    Map<String, Integer> publicByType(long countyId, String municipality) {
        Map<String, Integer> out = new java.util.LinkedHashMap<>();
        jdbc.sql("""
                select s.service_type, count(*) as n from guidance_service s
                where s.county_id = :c and s.status in ('ACTIVE', 'TEMPORARILY_CLOSED')
                  and exists (select 1 from guidance_service_municipality m where m.service_id = s.id
                              and m.municipality_code = :m)
                group by s.service_type""").param("c", countyId).param("m", municipality)
                .query(rs -> {
                    out.put(rs.getString("service_type"), rs.getInt("n"));
                });
        return out;
    }

    private static String nameIn(Lang lang) {
        return switch (lang) {
            case FI -> "s.name_fi";
            case SV -> "coalesce(s.name_sv, s.name_fi)";
            case EN -> "coalesce(s.name_en, s.name_fi)";
        };
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, SearchCriteria c) {
        if (c.need() != null) {
            spec = spec.param("need", c.need());
        }
        if (c.municipality() != null) {
            spec = spec.param("municipality", c.municipality());
        }
        if (c.language() != null) {
            spec = spec.param("language", c.language());
        }
        if (c.type() != null) {
            spec = spec.param("type", c.type());
        }
        if (c.ageFromMonths() != null) {
            spec = spec.param("ageFrom", c.ageFromMonths()).param("ageTo", c.ageFromMonths() + 11);
        }
        for (int i = 0; i < c.words().size(); i++) {
            String w = c.words().get(i).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
            spec = spec.param("w" + i, "%" + w + "%");
        }
        return spec;
    }

    /**
     * The needs to choose from: every active code of the instance's catalogues once, named as the first county
     * (by id) names it, in that county's order.
     */
    List<Need> needs() {
        Map<String, Need> byCode = new LinkedHashMap<>();
        jdbc.sql("select code, name_fi, name_sv, name_en from guidance_need where active = true"
                        + " order by county_id, position, code")
                .query(rs -> {
                    byCode.putIfAbsent(rs.getString(1), new Need(rs.getString(1),
                            LocalizedText.of(rs.getString(2), rs.getString(3), rs.getString(4))));
                });
        return List.copyOf(byCode.values());
    }

    /** The languages public services are given in, fi/sv/en first. */
    List<String> languagesInUse() {
        List<String> codes = new ArrayList<>(jdbc.sql("""
                select distinct l.lang from guidance_service_language l
                join guidance_service s on s.id = l.service_id
                where s.status in ('ACTIVE', 'TEMPORARILY_CLOSED')""").query(String.class).list());
        java.util.Collections.sort(codes);
        ServiceQueries.officialLanguagesFirst(codes);
        return List.copyOf(codes);
    }

    /** The municipalities some public service serves. */
    List<String> municipalitiesServed() {
        return List.copyOf(jdbc.sql("""
                select distinct m.municipality_code from guidance_service_municipality m
                join guidance_service s on s.id = m.service_id
                where s.status in ('ACTIVE', 'TEMPORARILY_CLOSED')""").query(String.class).list());
    }
}
