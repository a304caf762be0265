package fi.kohtaamo.registry.internal;

import fi.kohtaamo.registry.AccessibilityFeature;
import fi.kohtaamo.registry.FundingSource;
import fi.kohtaamo.registry.OrganisationType;
import fi.kohtaamo.registry.PlaceKind;
import fi.kohtaamo.registry.PremisesOwnership;
import fi.kohtaamo.registry.PremisesType;
import fi.kohtaamo.registry.TargetGroup;
import fi.kohtaamo.registry.internal.Model.Accessibility;
import fi.kohtaamo.registry.internal.Model.Area;
import fi.kohtaamo.registry.internal.Model.County;
import fi.kohtaamo.registry.internal.Model.Hours;
import fi.kohtaamo.registry.internal.Model.Municipality;
import fi.kohtaamo.registry.internal.Model.OpeningPeriod;
import fi.kohtaamo.registry.internal.Model.OrgRef;
import fi.kohtaamo.registry.internal.Model.Organisation;
import fi.kohtaamo.registry.internal.Model.Page;
import fi.kohtaamo.registry.internal.Model.PlaceDetail;
import fi.kohtaamo.registry.internal.Model.PlaceFilter;
import fi.kohtaamo.registry.internal.Model.PlaceSummary;
import fi.kohtaamo.registry.internal.Model.Staffing;
import fi.kohtaamo.shared.Lang;
import fi.kohtaamo.shared.LocalizedText;
import fi.kohtaamo.shared.Scope;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** All SQL of the registry. Runs on PostgreSQL and on H2 in PostgreSQL mode. */
@Repository
public class RegistryQueries {

    private final JdbcClient jdbc;

    private final ApplicationEventPublisher events;

    public RegistryQueries(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    static LocalizedText text(ResultSet rs, String prefix) throws SQLException {
        return new LocalizedText(rs.getString(prefix + "_fi"), rs.getString(prefix + "_sv"), rs.getString(prefix + "_en"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    static <E extends Enum<E>> E enumOrNull(Class<E> type, String value) {
        return value == null ? null : Enum.valueOf(type, value);
    }

    /** The SQL expression ordering rows by their name in the language (falls back to Finnish). */
    static String nameOrder(String alias, Lang lang) {
        return "lower(coalesce(" + alias + ".name_" + lang.code() + ", " + alias + ".name_fi))";
    }

    // ---- geography ----------------------------------------------------------------------------

    public List<County> counties() {
        return jdbc.sql("select id, code, name_fi, name_sv, name_en from county order by name_fi")
                .query((rs, n) -> new County(rs.getLong("id"), rs.getString("code"), text(rs, "name"))).list();
    }

    public Optional<County> county(long id) {
        return jdbc.sql("select id, code, name_fi, name_sv, name_en from county where id = :id").param("id", id)
                .query((rs, n) -> new County(rs.getLong("id"), rs.getString("code"), text(rs, "name"))).optional();
    }

    /**
     * The one place a county comes into being (demo data, the national dataset, tests): it announces
     * {@link fi.kohtaamo.registry.CountyCreated} in the same transaction, so modules give the county what it
     * starts with (coordination: its weak-signal themes) and no page has to write on first sight.
     */
    public long insertCounty(String code, LocalizedText name, boolean demo) {
        jdbc.sql("insert into county (code, name_fi, name_sv, name_en, demo) values (:code, :fi, :sv, :en, :demo)")
                .param("code", code).param("fi", name.fi()).param("sv", name.sv()).param("en", name.en())
                .param("demo", demo).update();
        long id = jdbc.sql("select id from county where code = :code").param("code", code).query(Long.class).single();
        events.publishEvent(new fi.kohtaamo.registry.CountyCreated(id));
        return id;
    }

    public List<Area> areas(Long countyId) {
        List<Area> areas = jdbc.sql("""
                select id, county_id, name_fi, name_sv, name_en, description_fi, description_sv, description_en, version
                from area where (:county = -1 or county_id = :county) order by name_fi""")
                .param("county", countyId == null ? -1 : countyId)
                .query((rs, n) -> new Area(rs.getLong("id"), rs.getLong("county_id"), text(rs, "name"),
                        text(rs, "description"), List.of(), rs.getInt("version")))
                .list();
        Map<Long, List<String>> munis = new LinkedHashMap<>();
        jdbc.sql("select area_id, municipality_code from area_municipality order by municipality_code")
                .query(rs -> {
                    munis.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
                });
        return areas.stream().map(a -> new Area(a.id(), a.countyId(), a.name(), a.description(),
                List.copyOf(munis.getOrDefault(a.id(), List.of())), a.version())).toList();
    }

    public Optional<Area> area(long id) {
        return areas(null).stream().filter(a -> a.id() == id).findFirst();
    }

    public long insertArea(long countyId, LocalizedText name, LocalizedText description, Collection<String> municipalities,
            Instant now) {
        long id = insert(jdbc.sql("""
                insert into area (county_id, name_fi, name_sv, name_en, description_fi, description_sv, description_en,
                                  updated_at)
                values (:county, :fi, :sv, :en, :dfi, :dsv, :den, :now)""")
                .param("county", countyId).param("fi", name.fi()).param("sv", name.sv()).param("en", name.en())
                .param("dfi", description.fi()).param("dsv", description.sv()).param("den", description.en())
                .param("now", ts(now)));
        setAreaMunicipalities(id, municipalities);
        return id;
    }

    public boolean updateArea(long id, int version, LocalizedText name, LocalizedText description,
            Collection<String> municipalities, Instant now) {
        int n = jdbc.sql("""
                update area set name_fi = :fi, name_sv = :sv, name_en = :en, description_fi = :dfi,
                       description_sv = :dsv, description_en = :den, version = version + 1, updated_at = :now
                where id = :id and version = :version""")
                .param("fi", name.fi()).param("sv", name.sv()).param("en", name.en())
                .param("dfi", description.fi()).param("dsv", description.sv()).param("den", description.en())
                .param("now", ts(now)).param("id", id).param("version", version).update();
        if (n == 1) {
            setAreaMunicipalities(id, municipalities);
        }
        return n == 1;
    }

    private void setAreaMunicipalities(long areaId, Collection<String> municipalities) {
        jdbc.sql("delete from area_municipality where area_id = :id").param("id", areaId).update();
        for (String code : new TreeSet<>(municipalities)) {
            jdbc.sql("insert into area_municipality (area_id, municipality_code) values (:id, :code)")
                    .param("id", areaId).param("code", code).update();
        }
    }

    public List<Municipality> municipalities(Long countyId) {
        return jdbc.sql("""
                select code, county_id, name_fi, name_sv, name_en, language_status, version, centre_latitude, centre_longitude
                from municipality
                where (:county = -1 or county_id = :county) order by name_fi""")
                .param("county", countyId == null ? -1 : countyId)
                .query((rs, n) -> new Municipality(rs.getString("code"), rs.getLong("county_id"), text(rs, "name"),
                        rs.getString("language_status"), rs.getInt("version"), rs.getBigDecimal("centre_latitude"),
                        rs.getBigDecimal("centre_longitude")))
                .list();
    }

    public Optional<Municipality> municipality(String code) {
        return jdbc.sql("""
                select code, county_id, name_fi, name_sv, name_en, language_status, version, centre_latitude, centre_longitude
                from municipality where code = :code""").param("code", code)
                .query((rs, n) -> new Municipality(rs.getString("code"), rs.getLong("county_id"), text(rs, "name"),
                        rs.getString("language_status"), rs.getInt("version"), rs.getBigDecimal("centre_latitude"),
                        rs.getBigDecimal("centre_longitude")))
                .optional();
    }

    public void insertMunicipality(String code, long countyId, LocalizedText name, String languageStatus, Instant now) {
        jdbc.sql("""
                insert into municipality (code, county_id, name_fi, name_sv, name_en, language_status, updated_at)
                values (:code, :county, :fi, :sv, :en, :ls, :now)""")
                .param("code", code).param("county", countyId).param("fi", name.fi()).param("sv", name.sv())
                .param("en", name.en()).param("ls", languageStatus).param("now", ts(now)).update();
    }

    /** Sets a municipality's centre for "near me" ordering (demo data; V32). */
    public void setMunicipalityCentre(String code, double latitude, double longitude) {
        jdbc.sql("update municipality set centre_latitude = :lat, centre_longitude = :lon where code = :code")
                .param("lat", java.math.BigDecimal.valueOf(latitude)).param("lon", java.math.BigDecimal.valueOf(longitude))
                .param("code", code).update();
    }

    public boolean updateMunicipality(String code, int version, LocalizedText name, String languageStatus,
            java.math.BigDecimal centreLatitude, java.math.BigDecimal centreLongitude, Instant now) {
        return jdbc.sql("""
                update municipality set name_fi = :fi, name_sv = :sv, name_en = :en, language_status = :ls,
                       centre_latitude = :clat, centre_longitude = :clon, version = version + 1, updated_at = :now
                where code = :code and version = :version""")
                .param("fi", name.fi()).param("sv", name.sv()).param("en", name.en()).param("ls", languageStatus)
                .param("clat", centreLatitude, java.sql.Types.NUMERIC).param("clon", centreLongitude, java.sql.Types.NUMERIC)
                .param("now", ts(now)).param("code", code).param("version", version).update() == 1;
    }

    // ---- organisations ------------------------------------------------------------------------

    private static final String ORG_COLUMNS = """
            o.id, o.parent_id, o.type, o.name_fi, o.name_sv, o.name_en, o.business_id, o.website, o.email, o.phone,
            o.county_id, o.municipality_code, o.version, o.updated_at""";

    private static Organisation organisation(ResultSet rs, int n) throws SQLException {
        return new Organisation(rs.getLong("id"), nullableLong(rs, "parent_id"),
                OrganisationType.valueOf(rs.getString("type")), text(rs, "name"), rs.getString("business_id"),
                rs.getString("website"), rs.getString("email"), rs.getString("phone"), nullableLong(rs, "county_id"),
                rs.getString("municipality_code"), rs.getInt("version"), instant(rs, "updated_at"));
    }

    /** Organisations of a county (and national ones without a county), ordered by name. */
    public List<Organisation> organisations(Long countyId, Lang lang) {
        return jdbc.sql("select " + ORG_COLUMNS + " from organisation o "
                        + "where (:county = -1 or o.county_id = :county or o.county_id is null) order by "
                        + nameOrder("o", lang))
                .param("county", countyId == null ? -1 : countyId).query(RegistryQueries::organisation).list();
    }

    public Optional<Organisation> organisation(long id) {
        return jdbc.sql("select " + ORG_COLUMNS + " from organisation o where o.id = :id").param("id", id)
                .query(RegistryQueries::organisation).optional();
    }

    /** The organisations directly below one, ordered by name. */
    public List<Organisation> subOrganisations(long parentId, Lang lang) {
        return jdbc.sql("select " + ORG_COLUMNS + " from organisation o where o.parent_id = :parent order by "
                        + nameOrder("o", lang))
                .param("parent", parentId).query(RegistryQueries::organisation).list();
    }

    public Optional<Long> organisationIdByName(String nameFi) {
        return jdbc.sql("select id from organisation where name_fi = :n order by id").param("n", nameFi)
                .query(Long.class).list().stream().findFirst();
    }

    /** The organisation and every organisation below it. */
    public Set<Long> organisationWithDescendants(long id) {
        return new java.util.HashSet<>(jdbc.sql("""
                with recursive tree (id) as (
                    select id from organisation where id = :id
                    union all
                    select o.id from organisation o join tree t on o.parent_id = t.id)
                select id from tree""").param("id", id).query(Long.class).list());
    }

    /** The organisation and its ancestors, nearest first. */
    public List<Long> organisationAncestry(long id) {
        List<Long> chain = new ArrayList<>();
        Long current = id;
        while (current != null && chain.size() < 20 && !chain.contains(current)) {
            chain.add(current);
            current = jdbc.sql("select parent_id from organisation where id = :id").param("id", current)
                    .query((rs, n) -> nullableLong(rs, "parent_id")).optional().orElse(null);
        }
        return chain;
    }

    public long insertOrganisation(OrganisationCommand c, Instant now) {
        return insert(jdbc.sql("""
                insert into organisation (parent_id, type, name_fi, name_sv, name_en, business_id, website, email, phone,
                                          county_id, municipality_code, updated_at)
                values (:parent, :type, :fi, :sv, :en, :bid, :web, :email, :phone, :county, :muni, :now)""")
                .param("parent", c.parentId()).param("type", c.type().name()).param("fi", c.name().fi())
                .param("sv", c.name().sv()).param("en", c.name().en()).param("bid", c.businessId())
                .param("web", c.website()).param("email", c.email()).param("phone", c.phone())
                .param("county", c.countyId()).param("muni", c.municipalityCode()).param("now", ts(now)));
    }

    public boolean updateOrganisation(long id, int version, OrganisationCommand c, Instant now) {
        return jdbc.sql("""
                update organisation set parent_id = :parent, type = :type, name_fi = :fi, name_sv = :sv, name_en = :en,
                       business_id = :bid, website = :web, email = :email, phone = :phone, county_id = :county,
                       municipality_code = :muni, version = version + 1, updated_at = :now
                where id = :id and version = :version""")
                .param("parent", c.parentId()).param("type", c.type().name()).param("fi", c.name().fi())
                .param("sv", c.name().sv()).param("en", c.name().en()).param("bid", c.businessId())
                .param("web", c.website()).param("email", c.email()).param("phone", c.phone())
                .param("county", c.countyId()).param("muni", c.municipalityCode()).param("now", ts(now))
                .param("id", id).param("version", version).update() == 1;
    }

    // ---- places -------------------------------------------------------------------------------

    private static final String SUMMARY_COLUMNS = """
            p.id, p.kind, p.name_fi, p.name_sv, p.name_en, p.street_address, p.postal_code, p.post_office,
            p.municipality_code, m.name_fi as m_fi, m.name_sv as m_sv, m.name_en as m_en, p.area_id,
            a.name_fi as a_fi, a.name_sv as a_sv, a.name_en as a_en, a.county_id,
            p.step_free_entrance, p.accessible_toilet, p.lift, p.pram_parking, p.hearing_loop,
            p.accessibility_notes_fi, p.accessibility_notes_sv, p.accessibility_notes_en,
            p.published, p.demo, p.updated_at, p.latitude, p.longitude""";

    private static final String PLACE_FROM =
            " from place p join area a on a.id = p.area_id join municipality m on m.code = p.municipality_code ";

    private static Accessibility accessibility(ResultSet rs) throws SQLException {
        return new Accessibility(rs.getBoolean("step_free_entrance"), rs.getBoolean("accessible_toilet"),
                rs.getBoolean("lift"), rs.getBoolean("pram_parking"), rs.getBoolean("hearing_loop"),
                text(rs, "accessibility_notes"));
    }

    private String filterWhere(PlaceFilter f) {
        StringBuilder sql = new StringBuilder(" where 1 = 1");
        if (f.areaId() != null) {
            sql.append(" and p.area_id = :area");
        }
        if (f.municipalityCode() != null) {
            sql.append(" and p.municipality_code = :muni");
        }
        if (f.kind() != null) {
            sql.append(" and p.kind = :kind");
        }
        if (f.targetGroup() != null) {
            sql.append(" and exists (select 1 from place_target_group t where t.place_id = p.id and t.target_group = :tg)");
        }
        if (f.language() != null) {
            sql.append(" and exists (select 1 from place_language l where l.place_id = p.id and l.language = :lang)");
        }
        for (AccessibilityFeature feature : f.accessibility()) {
            // column names come from the enum, never from input
            sql.append(" and p.").append(feature.name().toLowerCase(java.util.Locale.ROOT)).append(" = true");
        }
        if (f.text() != null) {
            sql.append(" and (lower(p.name_fi) like :text or lower(coalesce(p.name_sv, '')) like :text")
                    .append(" or lower(coalesce(p.name_en, '')) like :text or lower(coalesce(p.street_address, '')) like :text")
                    .append(" or lower(coalesce(p.post_office, '')) like :text)");
        }
        return sql.toString();
    }

    private JdbcClient.StatementSpec bindFilter(JdbcClient.StatementSpec spec, PlaceFilter f) {
        if (f.areaId() != null) {
            spec = spec.param("area", f.areaId());
        }
        if (f.municipalityCode() != null) {
            spec = spec.param("muni", f.municipalityCode());
        }
        if (f.kind() != null) {
            spec = spec.param("kind", f.kind().name());
        }
        if (f.targetGroup() != null) {
            spec = spec.param("tg", f.targetGroup().name());
        }
        if (f.language() != null) {
            spec = spec.param("lang", f.language());
        }
        if (f.text() != null) {
            String escaped = f.text().toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_");
            spec = spec.param("text", "%" + escaped + "%");
        }
        return spec;
    }

    /** Published places matching the filter, one page, ordered by municipality and name in the language. */
    public Page<PlaceSummary> publicPlaces(PlaceFilter filter, Lang lang, int page, int size) {
        String where = filterWhere(filter) + " and p.published = true";
        long total = bindFilter(jdbc.sql("select count(*)" + PLACE_FROM + where), filter).query(Long.class).single();
        List<PlaceSummary> items = summaries(bindFilter(jdbc.sql("select " + SUMMARY_COLUMNS + PLACE_FROM + where
                + " order by " + nameOrder("m", lang) + ", " + nameOrder("p", lang) + ", p.id"
                + " limit :limit offset :offset"), filter).param("limit", size).param("offset", (long) page * size));
        return new Page<>(items, page, size, total);
    }

    /** A published place's coordinates (null when it has none), for ordering by distance. */
    public record PlacePoint(long id, java.math.BigDecimal latitude, java.math.BigDecimal longitude) {
    }

    /** Every published place matching the filter, as points, in the list's usual order (municipality, name). */
    public List<PlacePoint> publicPlacePoints(PlaceFilter filter, Lang lang) {
        String where = filterWhere(filter) + " and p.published = true";
        return bindFilter(jdbc.sql("select p.id, p.latitude, p.longitude" + PLACE_FROM + where + " order by "
                + nameOrder("m", lang) + ", " + nameOrder("p", lang) + ", p.id"), filter)
                .query((rs, n) -> new PlacePoint(rs.getLong(1), rs.getBigDecimal(2), rs.getBigDecimal(3))).list();
    }

    /** Places by id, in the order of the ids given (unknown ids left out). */
    public List<PlaceSummary> placeSummaries(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, PlaceSummary> byId = new java.util.HashMap<>();
        summaries(jdbc.sql("select " + SUMMARY_COLUMNS + PLACE_FROM + " where p.id in (:ids)").param("ids", ids))
                .forEach(s -> byId.put(s.id(), s));
        return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    /** The places an actor may reach with an action (published or not), for staff lists. */
    public List<PlaceSummary> placesInScope(Scope scope, Lang lang) {
        return summaries(scope.bind(jdbc.sql("select " + SUMMARY_COLUMNS + PLACE_FROM + " where " + Scope.PLACE_PREDICATE
                + " order by " + nameOrder("m", lang) + ", " + nameOrder("p", lang) + ", p.id")));
    }

    private List<PlaceSummary> summaries(JdbcClient.StatementSpec spec) {
        List<PlaceSummary> rows = spec.query((rs, n) -> new PlaceSummary(rs.getLong("id"),
                PlaceKind.valueOf(rs.getString("kind")), text(rs, "name"), rs.getString("street_address"),
                rs.getString("postal_code"), rs.getString("post_office"), rs.getString("municipality_code"),
                text(rs, "m"), rs.getLong("area_id"), text(rs, "a"), accessibility(rs), Set.of(), List.of(), List.of(),
                rs.getBoolean("published"), rs.getBoolean("demo"), instant(rs, "updated_at"),
                rs.getBigDecimal("latitude"), rs.getBigDecimal("longitude"))).list();
        if (rows.isEmpty()) {
            return rows;
        }
        List<Long> ids = rows.stream().map(PlaceSummary::id).toList();
        Map<Long, Set<TargetGroup>> groups = targetGroups(ids);
        Map<Long, List<String>> languages = languages(ids);
        Map<Long, List<OrgRef>> organisers = organisers(ids);
        return rows.stream().map(r -> new PlaceSummary(r.id(), r.kind(), r.name(), r.streetAddress(), r.postalCode(),
                r.postOffice(), r.municipalityCode(), r.municipalityName(), r.areaId(), r.areaName(), r.accessibility(),
                groups.getOrDefault(r.id(), Set.of()), languages.getOrDefault(r.id(), List.of()),
                organisers.getOrDefault(r.id(), List.of()), r.published(), r.demo(), r.updatedAt(), r.latitude(),
                r.longitude())).toList();
    }

    private Map<Long, Set<TargetGroup>> targetGroups(List<Long> ids) {
        Map<Long, Set<TargetGroup>> out = new LinkedHashMap<>();
        jdbc.sql("select place_id, target_group from place_target_group where place_id in (:ids)").param("ids", ids)
                .query(rs -> {
                    out.computeIfAbsent(rs.getLong(1), k -> EnumSet.noneOf(TargetGroup.class))
                            .add(TargetGroup.valueOf(rs.getString(2)));
                });
        return out;
    }

    private Map<Long, List<String>> languages(List<Long> ids) {
        Map<Long, List<String>> out = new LinkedHashMap<>();
        jdbc.sql("select place_id, language from place_language where place_id in (:ids) order by place_id, language")
                .param("ids", ids)
                .query(rs -> {
                    out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
                });
        out.values().forEach(RegistryQueries::officialLanguagesFirst);
        return out;
    }

    static void officialLanguagesFirst(List<String> codes) {
        List<String> order = List.of("fi", "sv", "en");
        codes.sort((x, y) -> {
            int ix = order.indexOf(x);
            int iy = order.indexOf(y);
            ix = ix < 0 ? 99 : ix;
            iy = iy < 0 ? 99 : iy;
            return ix != iy ? Integer.compare(ix, iy) : x.compareTo(y);
        });
    }

    private Map<Long, List<OrgRef>> organisers(List<Long> ids) {
        Map<Long, List<OrgRef>> out = new LinkedHashMap<>();
        jdbc.sql("""
                select po.place_id, o.id, o.type, o.name_fi, o.name_sv, o.name_en
                from place_organiser po join organisation o on o.id = po.organisation_id
                where po.place_id in (:ids) order by po.place_id, o.name_fi""").param("ids", ids)
                .query(rs -> {
                    out.computeIfAbsent(rs.getLong("place_id"), k -> new ArrayList<>()).add(new OrgRef(rs.getLong("id"),
                            text(rs, "name"), OrganisationType.valueOf(rs.getString("type"))));
                });
        return out;
    }

    private Set<FundingSource> funding(long id) {
        Set<FundingSource> out = EnumSet.noneOf(FundingSource.class);
        jdbc.sql("select source from place_funding where place_id = :id").param("id", id).query(String.class).list()
                .forEach(s -> out.add(FundingSource.valueOf(s)));
        return out;
    }

    /** The hours of the open period covering the date (the latest starting, if periods overlap). */
    public List<fi.kohtaamo.registry.OpeningHours> openingHours(long placeId, LocalDate on) {
        return jdbc.sql("""
                select h.weekday, h.opens, h.closes from opening_hours h
                where h.period_id = (select op.id from opening_period op
                                     where op.place_id = :id and op.closed = false and op.valid_from <= :on
                                       and (op.valid_to is null or op.valid_to >= :on)
                                     order by op.valid_from desc, op.id desc fetch first 1 rows only)
                order by h.weekday, h.opens""").param("id", placeId).param("on", on)
                .query((rs, n) -> new fi.kohtaamo.registry.OpeningHours(DayOfWeek.of(rs.getInt(1)),
                        rs.getTime(2).toLocalTime(), rs.getTime(3).toLocalTime()))
                .list();
    }

    private List<OpeningPeriod> openingPeriods(long placeId) {
        Map<Long, List<Hours>> hours = new LinkedHashMap<>();
        jdbc.sql("""
                select h.period_id, h.weekday, h.opens, h.closes from opening_hours h
                join opening_period op on op.id = h.period_id where op.place_id = :id
                order by h.period_id, h.weekday, h.opens""").param("id", placeId)
                .query(rs -> {
                    hours.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new Hours(
                            DayOfWeek.of(rs.getInt(2)), rs.getTime(3).toLocalTime(), rs.getTime(4).toLocalTime()));
                });
        return jdbc.sql("""
                select id, valid_from, valid_to, closed, note_fi, note_sv, note_en from opening_period
                where place_id = :id order by valid_from, id""").param("id", placeId)
                .query((rs, n) -> new OpeningPeriod(rs.getLong("id"), rs.getObject("valid_from", LocalDate.class),
                        rs.getObject("valid_to", LocalDate.class), rs.getBoolean("closed"), text(rs, "note"),
                        List.copyOf(hours.getOrDefault(rs.getLong("id"), List.of()))))
                .list();
    }

    public Optional<PlaceDetail> place(long id) {
        return jdbc.sql("select p.*, m.name_fi as m_fi, m.name_sv as m_sv, m.name_en as m_en, "
                        + "a.name_fi as a_fi, a.name_sv as a_sv, a.name_en as a_en, a.county_id" + PLACE_FROM
                        + " where p.id = :id")
                .param("id", id)
                .query((rs, n) -> new PlaceDetail(rs.getLong("id"), PlaceKind.valueOf(rs.getString("kind")),
                        text(rs, "name"), text(rs, "description"), text(rs, "directions"), rs.getLong("area_id"),
                        text(rs, "a"), rs.getLong("county_id"), rs.getString("municipality_code"), text(rs, "m"),
                        rs.getString("street_address"), rs.getString("postal_code"), rs.getString("post_office"),
                        rs.getBigDecimal("latitude"), rs.getBigDecimal("longitude"),
                        enumOrNull(PremisesType.class, rs.getString("premises_type")),
                        enumOrNull(PremisesOwnership.class, rs.getString("premises_ownership")),
                        rs.getBoolean("has_yard"), accessibility(rs),
                        new Staffing(rs.getInt("employees"), rs.getInt("wage_subsidy_staff"), rs.getInt("interns"),
                                rs.getInt("volunteers")),
                        rs.getString("cooperation_partners"), rs.getString("contact_email"),
                        rs.getString("contact_phone"), rs.getString("website"), rs.getBoolean("published"),
                        rs.getBoolean("demo"), rs.getInt("version"), instant(rs, "created_at"),
                        instant(rs, "updated_at"), List.of(), Set.of(), List.of(), Set.of(), List.of()))
                .optional()
                .map(p -> new PlaceDetail(p.id(), p.kind(), p.name(), p.description(), p.directions(), p.areaId(),
                        p.areaName(), p.countyId(), p.municipalityCode(), p.municipalityName(), p.streetAddress(),
                        p.postalCode(), p.postOffice(), p.latitude(), p.longitude(), p.premisesType(),
                        p.premisesOwnership(), p.hasYard(), p.accessibility(), p.staffing(), p.cooperationPartners(),
                        p.contactEmail(), p.contactPhone(), p.website(), p.published(), p.demo(), p.version(),
                        p.createdAt(), p.updatedAt(), organisers(List.of(id)).getOrDefault(id, List.of()),
                        targetGroups(List.of(id)).getOrDefault(id, Set.of()),
                        languages(List.of(id)).getOrDefault(id, List.of()), funding(id), openingPeriods(id)));
    }

    /** Where a place sits: county, area and organisers. */
    public Optional<fi.kohtaamo.shared.Target> placeTarget(long id) {
        // two queries one after the other: a query inside a row mapper would hold one pooled connection while
        // waiting for another, and under load every connection ends up waiting (the pool deadlocks)
        record Row(long countyId, long areaId) {
        }
        return jdbc.sql("select p.area_id, a.county_id from place p join area a on a.id = p.area_id where p.id = :id")
                .param("id", id)
                .query((rs, n) -> new Row(rs.getLong("county_id"), rs.getLong("area_id")))
                .optional()
                .map(r -> new fi.kohtaamo.shared.Target(r.countyId(), r.areaId(),
                        Set.copyOf(jdbc.sql("select organisation_id from place_organiser where place_id = :id")
                                .param("id", id).query(Long.class).list()), id));
    }

    public long insertPlace(PlaceCommand c, boolean demo, Instant now) {
        long id = insert(jdbc.sql("""
                insert into place (kind, name_fi, name_sv, name_en, description_fi, description_sv, description_en,
                    directions_fi, directions_sv, directions_en, area_id, municipality_code, street_address, postal_code,
                    post_office, latitude, longitude, premises_type, premises_ownership, has_yard, step_free_entrance,
                    accessible_toilet, lift, pram_parking, hearing_loop, accessibility_notes_fi, accessibility_notes_sv,
                    accessibility_notes_en, employees, wage_subsidy_staff, interns, volunteers, cooperation_partners,
                    contact_email, contact_phone, website, published, demo, created_at, updated_at)
                values (:kind, :name_fi, :name_sv, :name_en, :description_fi, :description_sv, :description_en,
                    :directions_fi, :directions_sv, :directions_en, :area_id, :municipality_code, :street_address,
                    :postal_code, :post_office, :latitude, :longitude, :premises_type, :premises_ownership, :has_yard,
                    :step_free_entrance, :accessible_toilet, :lift, :pram_parking, :hearing_loop,
                    :accessibility_notes_fi, :accessibility_notes_sv, :accessibility_notes_en, :employees,
                    :wage_subsidy_staff, :interns, :volunteers, :cooperation_partners, :contact_email, :contact_phone,
                    :website, :published, :demo, :now, :now)""")
                .params(placeParams(c)).param("demo", demo).param("now", ts(now)));
        writePlaceChildren(id, c);
        return id;
    }

    public boolean updatePlace(long id, int version, PlaceCommand c, Instant now) {
        int n = jdbc.sql("""
                update place set kind = :kind, name_fi = :name_fi, name_sv = :name_sv, name_en = :name_en,
                    description_fi = :description_fi, description_sv = :description_sv, description_en = :description_en,
                    directions_fi = :directions_fi, directions_sv = :directions_sv, directions_en = :directions_en,
                    area_id = :area_id, municipality_code = :municipality_code, street_address = :street_address,
                    postal_code = :postal_code, post_office = :post_office, latitude = :latitude, longitude = :longitude,
                    premises_type = :premises_type, premises_ownership = :premises_ownership, has_yard = :has_yard,
                    step_free_entrance = :step_free_entrance, accessible_toilet = :accessible_toilet, lift = :lift,
                    pram_parking = :pram_parking, hearing_loop = :hearing_loop,
                    accessibility_notes_fi = :accessibility_notes_fi, accessibility_notes_sv = :accessibility_notes_sv,
                    accessibility_notes_en = :accessibility_notes_en, employees = :employees,
                    wage_subsidy_staff = :wage_subsidy_staff, interns = :interns, volunteers = :volunteers,
                    cooperation_partners = :cooperation_partners, contact_email = :contact_email,
                    contact_phone = :contact_phone, website = :website, published = :published,
                    version = version + 1, updated_at = :now
                where id = :id and version = :version""")
                .params(placeParams(c)).param("now", ts(now)).param("id", id).param("version", version).update();
        if (n != 1) {
            return false;
        }
        for (String table : List.of("place_organiser", "place_target_group", "place_language", "place_funding",
                "opening_period")) {
            jdbc.sql("delete from " + table + " where place_id = :id").param("id", id).update();
        }
        writePlaceChildren(id, c);
        return true;
    }

    public void deletePlace(long id) {
        jdbc.sql("delete from place where id = :id").param("id", id).update();
    }

    private static Map<String, Object> placeParams(PlaceCommand c) {
        Map<String, Object> p = new java.util.HashMap<>();
        p.put("kind", c.kind().name());
        put(p, "name", c.name());
        put(p, "description", c.description());
        put(p, "directions", c.directions());
        put(p, "accessibility_notes", c.accessibilityNotes());
        p.put("area_id", c.areaId());
        p.put("municipality_code", c.municipalityCode());
        p.put("street_address", c.streetAddress());
        p.put("postal_code", c.postalCode());
        p.put("post_office", c.postOffice());
        p.put("latitude", c.latitude());
        p.put("longitude", c.longitude());
        p.put("premises_type", c.premisesType() == null ? null : c.premisesType().name());
        p.put("premises_ownership", c.premisesOwnership() == null ? null : c.premisesOwnership().name());
        p.put("has_yard", c.hasYard());
        p.put("step_free_entrance", c.features().contains(AccessibilityFeature.STEP_FREE_ENTRANCE));
        p.put("accessible_toilet", c.features().contains(AccessibilityFeature.ACCESSIBLE_TOILET));
        p.put("lift", c.features().contains(AccessibilityFeature.LIFT));
        p.put("pram_parking", c.features().contains(AccessibilityFeature.PRAM_PARKING));
        p.put("hearing_loop", c.features().contains(AccessibilityFeature.HEARING_LOOP));
        p.put("employees", c.staffing().employees());
        p.put("wage_subsidy_staff", c.staffing().wageSubsidyStaff());
        p.put("interns", c.staffing().interns());
        p.put("volunteers", c.staffing().volunteers());
        p.put("cooperation_partners", c.cooperationPartners());
        p.put("contact_email", c.contactEmail());
        p.put("contact_phone", c.contactPhone());
        p.put("website", c.website());
        p.put("published", c.published());
        return p;
    }

    private static void put(Map<String, Object> p, String prefix, LocalizedText t) {
        p.put(prefix + "_fi", t.fi());
        p.put(prefix + "_sv", t.sv());
        p.put(prefix + "_en", t.en());
    }

    private void writePlaceChildren(long id, PlaceCommand c) {
        for (Long org : c.organiserIds()) {
            jdbc.sql("insert into place_organiser (place_id, organisation_id) values (:p, :o)").param("p", id)
                    .param("o", org).update();
        }
        for (TargetGroup g : c.targetGroups()) {
            jdbc.sql("insert into place_target_group (place_id, target_group) values (:p, :g)").param("p", id)
                    .param("g", g.name()).update();
        }
        for (String l : c.languages()) {
            jdbc.sql("insert into place_language (place_id, language) values (:p, :l)").param("p", id).param("l", l)
                    .update();
        }
        for (FundingSource f : c.funding()) {
            jdbc.sql("insert into place_funding (place_id, source) values (:p, :f)").param("p", id)
                    .param("f", f.name()).update();
        }
        for (PlaceCommand.Period period : c.periods()) {
            long periodId = insert(jdbc.sql("""
                    insert into opening_period (place_id, valid_from, valid_to, closed, note_fi, note_sv, note_en)
                    values (:p, :from, :to, :closed, :fi, :sv, :en)""")
                    .param("p", id).param("from", period.validFrom()).param("to", period.validTo())
                    .param("closed", period.closed()).param("fi", period.note().fi()).param("sv", period.note().sv())
                    .param("en", period.note().en()));
            for (Hours h : period.hours()) {
                jdbc.sql("insert into opening_hours (period_id, weekday, opens, closes) values (:p, :d, :o, :c)")
                        .param("p", periodId).param("d", h.weekday().getValue()).param("o", h.opens())
                        .param("c", h.closes()).update();
            }
        }
    }

    /** Published places for other modules (the calendar), keyed by id, organisers included. */
    public Map<Long, fi.kohtaamo.registry.PlaceInfo> placeInfos(fi.kohtaamo.registry.PlaceCriteria c) {
        StringBuilder sql = new StringBuilder("""
                select p.id, p.kind, p.name_fi, p.name_sv, p.name_en, p.municipality_code, m.name_fi as m_fi,
                       m.name_sv as m_sv, m.name_en as m_en, p.area_id, a.name_fi as a_fi, a.name_sv as a_sv,
                       a.name_en as a_en, a.county_id, p.street_address, p.postal_code, p.post_office, p.latitude,
                       p.longitude, p.step_free_entrance, p.accessible_toilet, p.lift, p.pram_parking, p.hearing_loop
                """).append(PLACE_FROM).append(" where p.published = true");
        Map<String, Object> params = new java.util.HashMap<>();
        if (c.areaId() != null) {
            sql.append(" and p.area_id = :area");
            params.put("area", c.areaId());
        }
        if (c.municipalityCode() != null) {
            sql.append(" and p.municipality_code = :muni");
            params.put("muni", c.municipalityCode());
        }
        if (c.placeId() != null) {
            sql.append(" and p.id = :place");
            params.put("place", c.placeId());
        }
        if (c.countyId() != null) {
            sql.append(" and a.county_id = :county");
            params.put("county", c.countyId());
        }
        for (AccessibilityFeature feature : c.accessibility()) {
            sql.append(" and p.").append(feature.name().toLowerCase(java.util.Locale.ROOT)).append(" = true");
        }
        Map<Long, fi.kohtaamo.registry.PlaceInfo> out = new LinkedHashMap<>();
        Map<Long, Set<Long>> organisers = new java.util.HashMap<>();
        jdbc.sql("select po.place_id, po.organisation_id from place_organiser po")
                .query(rs -> {
                    organisers.computeIfAbsent(rs.getLong(1), k -> new java.util.HashSet<>()).add(rs.getLong(2));
                });
        jdbc.sql(sql.toString()).params(params).query(rs -> {
            Set<AccessibilityFeature> features = EnumSet.noneOf(AccessibilityFeature.class);
            for (AccessibilityFeature f : AccessibilityFeature.values()) {
                if (rs.getBoolean(f.name().toLowerCase(java.util.Locale.ROOT))) {
                    features.add(f);
                }
            }
            long id = rs.getLong("id");
            out.put(id, new fi.kohtaamo.registry.PlaceInfo(id, PlaceKind.valueOf(rs.getString("kind")),
                    text(rs, "name"), rs.getString("municipality_code"), text(rs, "m"), rs.getLong("area_id"),
                    text(rs, "a"), rs.getLong("county_id"), rs.getString("street_address"), rs.getString("postal_code"),
                    rs.getString("post_office"), rs.getBigDecimal("latitude"), rs.getBigDecimal("longitude"),
                    Set.copyOf(features), Set.copyOf(organisers.getOrDefault(id, Set.of()))));
        });
        return out;
    }

    /** Ids of the places organised by any of the organisations. */
    public List<PlaceSummary> placesOfOrganisations(Collection<Long> orgIds, Lang lang) {
        if (orgIds.isEmpty()) {
            return List.of();
        }
        return summaries(jdbc.sql("select " + SUMMARY_COLUMNS + PLACE_FROM + " where exists (select 1 from "
                + "place_organiser po where po.place_id = p.id and po.organisation_id in (:orgs)) order by "
                + nameOrder("p", lang)).param("orgs", List.copyOf(orgIds)));
    }

    public long countPlaces() {
        return jdbc.sql("select count(*) from place").query(Long.class).single();
    }

    public Map<String, Long> languagesInUse() {
        Map<String, Long> out = new LinkedHashMap<>();
        jdbc.sql("select language, count(*) from place_language group by language order by count(*) desc, language")
                .query(rs -> {
                    out.put(rs.getString(1), rs.getLong(2));
                });
        return out;
    }

    // ---- helpers ------------------------------------------------------------------------------

    /** Runs an insert and returns the generated id. */
    static long insert(JdbcClient.StatementSpec spec) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        spec.update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    static OffsetDateTime ts(Instant instant) {
        return instant.atOffset(java.time.ZoneOffset.UTC);
    }

    static Set<Long> ids(Collection<Long> ids) {
        return ids.stream().collect(Collectors.toSet());
    }

    /** The coordinates and languages of the places in a scope (planning's distances and language gaps). */
    public Map<Long, fi.kohtaamo.registry.Registry.PlacePoint> placePoints(Scope scope) {
        Map<Long, List<String>> languages = new LinkedHashMap<>();
        scope.bind(jdbc.sql("""
                select pl.place_id, pl.language from place_language pl join place p on p.id = pl.place_id
                join area a on a.id = p.area_id where """ + Scope.PLACE_PREDICATE + " order by pl.place_id, pl.language"))
                .query(rs -> {
                    languages.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
                });
        Map<Long, fi.kohtaamo.registry.Registry.PlacePoint> out = new LinkedHashMap<>();
        scope.bind(jdbc.sql("select p.id, p.latitude, p.longitude from place p join area a on a.id = p.area_id where "
                + Scope.PLACE_PREDICATE)).query(rs -> {
                    long id = rs.getLong(1);
                    out.put(id, new fi.kohtaamo.registry.Registry.PlacePoint(id, rs.getBigDecimal(2), rs.getBigDecimal(3),
                            List.copyOf(languages.getOrDefault(id, List.of()))));
                });
        return out;
    }
}
