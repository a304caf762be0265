package fi.kohtaamo.guidance.internal.directory;

import fi.kohtaamo.guidance.internal.directory.DirectoryModel.AccessMode;
import fi.kohtaamo.guidance.internal.directory.DirectoryModel.Cost;
import fi.kohtaamo.guidance.internal.directory.DirectoryModel.Details;
import fi.kohtaamo.guidance.internal.directory.DirectoryModel.Row;
import fi.kohtaamo.guidance.internal.directory.DirectoryModel.Service;
import fi.kohtaamo.guidance.internal.directory.DirectoryModel.Status;
import fi.kohtaamo.guidance.internal.directory.DirectoryModel.Text;
import fi.kohtaamo.shared.LocalizedText;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The SQL of a service's own row and its lists (needs, languages, municipalities, texts); channels are in {@link ChannelQueries}. */
@Repository
public class ServiceEditQueries {

    private final JdbcClient jdbc;
    private final ChannelQueries channels;

    public ServiceEditQueries(JdbcClient jdbc, ChannelQueries channels) {
        this.jdbc = jdbc;
        this.channels = channels;
    }

    static OffsetDateTime utc(Instant i) {
        return i == null ? null : i.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String c) throws SQLException {
        OffsetDateTime t = rs.getObject(c, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static LocalizedText text(ResultSet rs, String prefix) throws SQLException {
        return new LocalizedText(rs.getString(prefix + "_fi"), rs.getString(prefix + "_sv"), rs.getString(prefix + "_en"));
    }

    static Integer integer(ResultSet rs, String c) throws SQLException {
        int v = rs.getInt(c);
        return rs.wasNull() ? null : v;
    }

    private static Long nullableLong(ResultSet rs, String c) throws SQLException {
        long v = rs.getLong(c);
        return rs.wasNull() ? null : v;
    }

    private static Service service(ResultSet rs, int n) throws SQLException {
        return new Service(rs.getLong("id"), rs.getLong("county_id"), rs.getLong("organisation_id"),
                rs.getString("service_type"), text(rs, "name"), text(rs, "summary"), text(rs, "description"),
                integer(rs, "age_min_months"), integer(rs, "age_max_months"), rs.getBoolean("for_expecting"),
                AccessMode.valueOf(rs.getString("access_mode")), text(rs, "referral"), Cost.valueOf(rs.getString("cost")),
                text(rs, "cost_note"), rs.getString("website"), Status.valueOf(rs.getString("status")),
                nullableLong(rs, "owner_user_id"), rs.getObject("last_checked_on", LocalDate.class),
                rs.getString("last_checked_by"), rs.getObject("last_reminded_on", LocalDate.class),
                rs.getString("source"), rs.getString("ptv_id"), rs.getBoolean("locally_edited"), rs.getBoolean("demo"),
                rs.getInt("version"), instant(rs, "created_at"), instant(rs, "updated_at"));
    }

    public Optional<Service> service(long id) {
        return jdbc.sql("select * from guidance_service where id = :id").param("id", id).query(ServiceEditQueries::service)
                .optional();
    }

    /** A service with its lists and channels, read for one page. */
    public Optional<Details> details(long id) {
        return service(id).map(s -> new Details(s, strings("select need_code from guidance_service_need "
                        + "where service_id = :id order by need_code", id),
                strings("select lang from guidance_service_language where service_id = :id order by lang", id),
                strings("select municipality_code from guidance_service_municipality where service_id = :id "
                        + "order by municipality_code", id),
                jdbc.sql("select * from guidance_service_text where service_id = :id order by lang").param("id", id)
                        .query((rs, n) -> new Text(rs.getString("lang"), rs.getString("name"), rs.getString("summary"),
                                rs.getString("referral"))).list(),
                channels.ofService(id)));
    }

    private List<String> strings(String sql, long id) {
        return jdbc.sql(sql).param("id", id).query(String.class).list();
    }

    // ---- the staff list -------------------------------------------------------------------------

    /** The list's filters; null or blank: any. {@code uncheckedBefore}: not checked (nor entered) since that day. */
    public record Filter(long countyId, String serviceType, String municipality, Long organisationId, Long ownerUserId,
            Status status, LocalDate uncheckedBefore) {
    }

    static final String UNCHECKED = "coalesce(s.last_checked_on, cast(s.created_at as date)) < :before";

    public List<Row> rows(Filter f, int limit, int offset) {
        return jdbc.sql("""
                select s.id, s.name_fi, s.name_sv, s.name_en, s.service_type, s.organisation_id, s.owner_user_id,
                       s.status, s.last_checked_on, s.created_at, s.demo
                  from guidance_service s
                 where s.county_id = :county
                   and (:type = '' or s.service_type = :type)
                   and (:status = '' or s.status = :status)
                   and (:org = -1 or s.organisation_id = :org)
                   and (:owner = -1 or s.owner_user_id = :owner)
                   and (:muni = '' or exists (select 1 from guidance_service_municipality m
                                               where m.service_id = s.id and m.municipality_code = :muni))
                   and (:unchecked = false or (s.status <> 'DEFUNCT' and\s""" + UNCHECKED + """
                ))
                 order by s.name_fi, s.id
                 limit :limit offset :offset""")
                .param("county", f.countyId()).param("type", f.serviceType() == null ? "" : f.serviceType())
                .param("status", f.status() == null ? "" : f.status().name())
                .param("org", f.organisationId() == null ? -1 : f.organisationId())
                .param("owner", f.ownerUserId() == null ? -1 : f.ownerUserId())
                .param("muni", f.municipality() == null ? "" : f.municipality())
                .param("unchecked", f.uncheckedBefore() != null)
                .param("before", f.uncheckedBefore() == null ? LocalDate.of(2000, 1, 1) : f.uncheckedBefore())
                .param("limit", limit).param("offset", offset)
                .query((rs, n) -> new Row(rs.getLong("id"), text(rs, "name"), rs.getString("service_type"),
                        rs.getLong("organisation_id"), nullableLong(rs, "owner_user_id"),
                        Status.valueOf(rs.getString("status")), rs.getObject("last_checked_on", LocalDate.class),
                        instant(rs, "created_at"), rs.getBoolean("demo"))).list();
    }

    /** How many of the county's services (not defunct) have not been checked since the day. */
    public long countUnchecked(long countyId, LocalDate before) {
        return jdbc.sql("select count(*) from guidance_service s where s.county_id = :county and s.status <> 'DEFUNCT' "
                        + "and " + UNCHECKED).param("county", countyId).param("before", before)
                .query(Long.class).single();
    }

    // ---- writes ---------------------------------------------------------------------------------

    public long insert(long countyId, ServiceCommand c, boolean demo, Instant now) {
        var keys = new GeneratedKeyHolder();
        columns(jdbc.sql("""
                insert into guidance_service (county_id, organisation_id, service_type, name_fi, name_sv, name_en,
                    summary_fi, summary_sv, summary_en, description_fi, description_sv, description_en, age_min_months,
                    age_max_months, for_expecting, access_mode, referral_fi, referral_sv, referral_en, cost, cost_note_fi,
                    cost_note_sv, cost_note_en, website, status, owner_user_id, demo, created_at, updated_at)
                values (:county, :org, :type, :name_fi, :name_sv, :name_en, :summary_fi, :summary_sv, :summary_en,
                    :description_fi, :description_sv, :description_en, :age_min, :age_max, :expecting, :access,
                    :referral_fi, :referral_sv, :referral_en, :cost, :cost_note_fi, :cost_note_sv, :cost_note_en,
                    :website, :status, :owner, :demo, :now, :now)"""), c)
                .param("county", countyId).param("demo", demo).param("now", utc(now)).update(keys, "id");
        long id = keys.getKey().longValue();
        replaceLists(id, c);
        return id;
    }

    /** Updates a service at the version the form was read at; false when someone else saved first. */
    public boolean update(long id, int version, ServiceCommand c, boolean locallyEdited, Instant now) {
        boolean done = columns(jdbc.sql("""
                update guidance_service set organisation_id = :org, service_type = :type, name_fi = :name_fi,
                    name_sv = :name_sv, name_en = :name_en, summary_fi = :summary_fi, summary_sv = :summary_sv,
                    summary_en = :summary_en, description_fi = :description_fi, description_sv = :description_sv,
                    description_en = :description_en, age_min_months = :age_min, age_max_months = :age_max,
                    for_expecting = :expecting, access_mode = :access, referral_fi = :referral_fi,
                    referral_sv = :referral_sv, referral_en = :referral_en, cost = :cost, cost_note_fi = :cost_note_fi,
                    cost_note_sv = :cost_note_sv, cost_note_en = :cost_note_en, website = :website, status = :status,
                    owner_user_id = :owner, locally_edited = :edited, version = version + 1, updated_at = :now
                 where id = :id and version = :version"""), c)
                .param("edited", locallyEdited).param("now", utc(now)).param("id", id).param("version", version)
                .update() == 1;
        if (done) {
            replaceLists(id, c);
        }
        return done;
    }

    private static JdbcClient.StatementSpec columns(JdbcClient.StatementSpec spec, ServiceCommand c) {
        return spec.param("org", c.organisationId()).param("type", c.serviceType())
                .param("name_fi", c.name().fi()).param("name_sv", c.name().sv()).param("name_en", c.name().en())
                .param("summary_fi", c.summary().fi()).param("summary_sv", c.summary().sv())
                .param("summary_en", c.summary().en()).param("description_fi", c.description().fi())
                .param("description_sv", c.description().sv()).param("description_en", c.description().en())
                .param("age_min", c.ageMinMonths()).param("age_max", c.ageMaxMonths())
                .param("expecting", c.forExpecting()).param("access", c.accessMode().name())
                .param("referral_fi", c.referral().fi()).param("referral_sv", c.referral().sv())
                .param("referral_en", c.referral().en()).param("cost", c.cost().name())
                .param("cost_note_fi", c.costNote().fi()).param("cost_note_sv", c.costNote().sv())
                .param("cost_note_en", c.costNote().en()).param("website", c.website())
                .param("status", c.status().name()).param("owner", c.ownerUserId());
    }

    private void replaceLists(long id, ServiceCommand c) {
        for (String table : List.of("guidance_service_need", "guidance_service_language",
                "guidance_service_municipality", "guidance_service_text")) {
            jdbc.sql("delete from " + table + " where service_id = :id").param("id", id).update();
        }
        for (String need : c.needs()) {
            jdbc.sql("insert into guidance_service_need (service_id, need_code) values (:id, :v)").param("id", id)
                    .param("v", need).update();
        }
        for (String lang : c.languages()) {
            jdbc.sql("insert into guidance_service_language (service_id, lang) values (:id, :v)").param("id", id)
                    .param("v", lang).update();
        }
        for (String m : c.municipalities()) {
            jdbc.sql("insert into guidance_service_municipality (service_id, municipality_code) values (:id, :v)")
                    .param("id", id).param("v", m).update();
        }
        for (Text t : c.texts()) {
            jdbc.sql("insert into guidance_service_text (service_id, lang, name, summary, referral) "
                            + "values (:id, :lang, :name, :summary, :referral)").param("id", id).param("lang", t.lang())
                    .param("name", t.name()).param("summary", t.summary()).param("referral", t.referral()).update();
        }
        channels.replace(id, c.channels());
    }

    public boolean markChecked(long id, int version, LocalDate on, String by, Instant now) {
        return jdbc.sql("""
                update guidance_service set last_checked_on = :on, last_checked_by = :by, last_reminded_on = null,
                    version = version + 1, updated_at = :now
                 where id = :id and version = :version""").param("on", on).param("by", by).param("now", utc(now))
                .param("id", id).param("version", version).update() == 1;
    }

    /** Deletes a service and (by cascade) its rows. */
    public boolean delete(long id, int version) {
        return jdbc.sql("delete from guidance_service where id = :id and version = :version").param("id", id)
                .param("version", version).update() == 1;
    }

    /** Whether a need code of the county is used by any of its services. */
    /** Whether a directory service or a handout of the county stores the service type code. */
    boolean serviceTypeInUse(long countyId, String code) {
        return jdbc.sql("""
                select (select count(*) from guidance_service where county_id = :c and service_type = :code)
                     + (select count(*) from guidance_handout where county_id = :c and service_type = :code)""")
                .param("c", countyId).param("code", code).query(Long.class).single() > 0;
    }

    public boolean needInUse(long countyId, String code) {
        return jdbc.sql("select count(*) from guidance_service_need n join guidance_service s on s.id = n.service_id "
                        + "where s.county_id = :c and n.need_code = :code").param("c", countyId).param("code", code)
                .query(Long.class).single() > 0;
    }

    public void renameNeed(long countyId, String from, String to) {
        jdbc.sql("update guidance_service_need set need_code = :to where need_code = :from and service_id in "
                + "(select id from guidance_service where county_id = :c)").param("to", to).param("from", from)
                .param("c", countyId).update();
    }

    // ---- reminders ------------------------------------------------------------------------------

    /** A service of an owner's that has not been checked for six months. */
    public record Unchecked(long id, long countyId, long ownerUserId, LocalizedText name, LocalDate checkedOrCreated,
            LocalDate lastRemindedOn) {
    }

    /** Services (not defunct) with an owner, not checked (nor entered) since the day. */
    public List<Unchecked> uncheckedWithOwner(LocalDate before) {
        return jdbc.sql("select s.id, s.county_id, s.owner_user_id, s.name_fi, s.name_sv, s.name_en, s.last_reminded_on, "
                        + "coalesce(s.last_checked_on, cast(s.created_at as date)) as checked from guidance_service s "
                        + "where s.owner_user_id is not null and s.status <> 'DEFUNCT' and " + UNCHECKED
                        + " order by s.owner_user_id, s.name_fi, s.id").param("before", before)
                .query((rs, n) -> new Unchecked(rs.getLong("id"), rs.getLong("county_id"), rs.getLong("owner_user_id"),
                        text(rs, "name"), rs.getObject("checked", LocalDate.class),
                        rs.getObject("last_reminded_on", LocalDate.class))).list();
    }

    /** Marks an owner's services reminded today, unless another instance reminded them since {@code since}. */
    public boolean claimReminder(List<Long> ids, LocalDate today, LocalDate since) {
        return jdbc.sql("update guidance_service set last_reminded_on = :today where id in (:ids) "
                        + "and (last_reminded_on is null or last_reminded_on <= :since)").param("today", today)
                .param("ids", ids).param("since", since).update() > 0;
    }
}
