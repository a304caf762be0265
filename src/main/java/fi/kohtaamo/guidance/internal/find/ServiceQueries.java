package fi.kohtaamo.guidance.internal.find;

import fi.kohtaamo.guidance.internal.find.FindModel.Channel;
import fi.kohtaamo.guidance.internal.find.FindModel.Detail;
import fi.kohtaamo.guidance.internal.find.FindModel.Hours;
import fi.kohtaamo.guidance.internal.find.FindModel.Need;
import fi.kohtaamo.guidance.internal.find.FindModel.OtherText;
import fi.kohtaamo.guidance.internal.find.FindModel.Summary;
import fi.kohtaamo.shared.LocalizedText;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The read model of a service: the service with its needs, languages, municipalities, own texts, channels (in
 * position order) and their hours. A page of services is loaded with one query per child table, never per row.
 * Only public services (ACTIVE, TEMPORARILY_CLOSED) are read.
 */
@Repository
class ServiceQueries {

    static final String SUMMARY_COLUMNS = """
            s.id, s.county_id, s.service_type, s.name_fi, s.name_sv, s.name_en, s.summary_fi, s.summary_sv,
            s.summary_en, s.access_mode, s.referral_fi, s.referral_sv, s.referral_en, s.cost, s.status,
            s.age_min_months, s.age_max_months, s.for_expecting""";

    private final JdbcClient jdbc;

    ServiceQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A public service with everything its page and card show, or empty when there is none (or it is not public). */
    Optional<Detail> publicService(long id) {
        record Row(Summary summary, LocalizedText description, LocalizedText costNote, String website,
                long organisationId, LocalDate lastChecked, java.time.Instant updatedAt) {
        }
        Optional<Row> row = jdbc.sql("select " + SUMMARY_COLUMNS + """
                , s.description_fi, s.description_sv, s.description_en, s.cost_note_fi, s.cost_note_sv,
                  s.cost_note_en, s.website, s.organisation_id, s.last_checked_on, s.updated_at
                from guidance_service s where s.id = :id and s.status in ('ACTIVE', 'TEMPORARILY_CLOSED')""")
                .param("id", id)
                .query((rs, n) -> new Row(summary(rs), text(rs, "description"), text(rs, "cost_note"),
                        rs.getString("website"), rs.getLong("organisation_id"), date(rs, "last_checked_on"),
                        rs.getTimestamp("updated_at").toInstant()))
                .optional();
        if (row.isEmpty()) {
            return Optional.empty();
        }
        Row r = row.get();
        Summary s = withChannels(List.of(r.summary())).get(0);
        List<Need> needs = jdbc.sql("""
                select n.need_code, g.name_fi, g.name_sv, g.name_en
                from guidance_service_need n
                left join guidance_need g on g.county_id = :county and g.code = n.need_code
                where n.service_id = :id order by g.position, n.need_code""")
                .param("id", id).param("county", s.countyId())
                .query((rs, n) -> new Need(rs.getString(1), rs.getString(2) == null
                        ? LocalizedText.of(rs.getString(1), null, null) : text(rs, "name")))
                .list();
        List<String> languages = new ArrayList<>(jdbc.sql(
                        "select lang from guidance_service_language where service_id = :id order by lang")
                .param("id", id).query(String.class).list());
        officialLanguagesFirst(languages);
        List<String> municipalities = jdbc.sql("select municipality_code from guidance_service_municipality"
                        + " where service_id = :id order by municipality_code")
                .param("id", id).query(String.class).list();
        Map<String, OtherText> texts = new LinkedHashMap<>();
        jdbc.sql("select lang, name, summary, referral from guidance_service_text where service_id = :id order by lang")
                .param("id", id)
                .query(rs -> {
                    texts.put(rs.getString(1), new OtherText(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getString(4)));
                });
        return Optional.of(new Detail(s, r.description(), r.costNote(), r.website(), r.organisationId(),
                List.copyOf(needs), List.copyOf(languages), List.copyOf(municipalities), Map.copyOf(texts),
                r.lastChecked(), r.updatedAt()));
    }

    /** The services with their channels and hours filled in (two queries for the whole list). */
    List<Summary> withChannels(List<Summary> services) {
        if (services.isEmpty()) {
            return services;
        }
        Map<Long, List<Channel>> channels = channels(services.stream().map(Summary::id).toList());
        return services.stream().map(s -> new Summary(s.id(), s.countyId(), s.serviceType(), s.name(), s.summary(),
                s.accessMode(), s.referral(), s.cost(), s.status(), s.ageMinMonths(), s.ageMaxMonths(),
                s.forExpecting(), List.copyOf(channels.getOrDefault(s.id(), List.of())))).toList();
    }

    private Map<Long, List<Channel>> channels(Collection<Long> serviceIds) {
        List<Channel> rows = jdbc.sql("""
                select id, service_id, kind, label_fi, label_sv, label_en, phone, phone_charge, url, email,
                       street_address, postal_code, municipality_code, accessibility_fi, accessibility_sv,
                       accessibility_en
                from guidance_channel where service_id in (:ids) order by service_id, position, id""")
                .param("ids", serviceIds)
                .query((rs, n) -> new Channel(rs.getLong("id"), rs.getLong("service_id"), rs.getString("kind"),
                        text(rs, "label"), rs.getString("phone"), rs.getString("phone_charge"), rs.getString("url"),
                        rs.getString("email"), rs.getString("street_address"), rs.getString("postal_code"),
                        rs.getString("municipality_code"), text(rs, "accessibility"), List.of()))
                .list();
        Map<Long, List<Hours>> hours = new LinkedHashMap<>();
        if (!rows.isEmpty()) {
            jdbc.sql("""
                    select channel_id, kind, weekday, opens, closes, valid_from, valid_to, by_reservation,
                           note_fi, note_sv, note_en
                    from guidance_hours where channel_id in (:ids)
                    order by channel_id, weekday, opens, valid_from, id""")
                    .param("ids", rows.stream().map(Channel::id).toList())
                    .query(rs -> {
                        hours.computeIfAbsent(rs.getLong("channel_id"), k -> new ArrayList<>()).add(new Hours(
                                rs.getString("kind"), (Integer) rs.getObject("weekday", Integer.class),
                                time(rs, "opens"), time(rs, "closes"), date(rs, "valid_from"), date(rs, "valid_to"),
                                rs.getBoolean("by_reservation"), text(rs, "note")));
                    });
        }
        Map<Long, List<Channel>> out = new LinkedHashMap<>();
        for (Channel c : rows) {
            out.computeIfAbsent(c.serviceId(), k -> new ArrayList<>()).add(new Channel(c.id(), c.serviceId(),
                    c.kind(), c.label(), c.phone(), c.phoneCharge(), c.url(), c.email(), c.streetAddress(),
                    c.postalCode(), c.municipalityCode(), c.accessibility(),
                    List.copyOf(hours.getOrDefault(c.id(), List.of()))));
        }
        return out;
    }

    static Summary summary(ResultSet rs) throws SQLException {
        return new Summary(rs.getLong("id"), rs.getLong("county_id"), rs.getString("service_type"), text(rs, "name"),
                text(rs, "summary"), rs.getString("access_mode"), text(rs, "referral"), rs.getString("cost"),
                rs.getString("status"), rs.getObject("age_min_months", Integer.class),
                rs.getObject("age_max_months", Integer.class), rs.getBoolean("for_expecting"), List.of());
    }

    static LocalizedText text(ResultSet rs, String prefix) throws SQLException {
        return LocalizedText.of(rs.getString(prefix + "_fi"), rs.getString(prefix + "_sv"), rs.getString(prefix + "_en"));
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        java.sql.Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }

    private static LocalTime time(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalTime.class);
    }

    /** fi, sv, en first, then the others in code order. */
    static void officialLanguagesFirst(List<String> codes) {
        List<String> order = List.of("fi", "sv", "en");
        codes.sort((x, y) -> {
            int ix = order.indexOf(x);
            int iy = order.indexOf(y);
            return ix >= 0 || iy >= 0 ? Integer.compare(ix < 0 ? 99 : ix, iy < 0 ? 99 : iy) : x.compareTo(y);
        });
    }
}
