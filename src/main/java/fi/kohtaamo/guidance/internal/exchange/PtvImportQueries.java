package fi.kohtaamo.guidance.internal.exchange;

import fi.kohtaamo.guidance.internal.exchange.PtvModel.Channel;
import fi.kohtaamo.guidance.internal.exchange.PtvModel.Hours;
import fi.kohtaamo.guidance.internal.exchange.PtvModel.Service;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The SQL of the PTV import: what the county imported before, and the writes of new and updated services. */
@Repository
class PtvImportQueries {

    /** A service imported before: matched by its PTV id within the county. */
    record Existing(long id, String ptvId, String fingerprint, boolean locallyEdited, int version, String nameFi) {
    }

    private final JdbcClient jdbc;

    PtvImportQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Map<String, Existing> existing(long countyId, Collection<String> ptvIds) {
        Map<String, Existing> out = new HashMap<>();
        if (ptvIds.isEmpty()) {
            return out;
        }
        jdbc.sql("""
                select id, ptv_id, ptv_fingerprint, locally_edited, version, name_fi from guidance_service
                where county_id = :county and ptv_id in (:ids)""")
                .param("county", countyId).param("ids", List.copyOf(ptvIds))
                .query((rs, n) -> new Existing(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
                        rs.getInt(5), rs.getString(6)))
                .list().forEach(e -> out.put(e.ptvId(), e));
        return out;
    }

    /** The county's needs by their Finnish name in lower case, for PTV keywords that name one. */
    Map<String, String> needsByName(long countyId) {
        Map<String, String> out = new HashMap<>();
        jdbc.sql("select code, name_fi from guidance_need where county_id = :county and active")
                .param("county", countyId)
                .query((rs, n) -> Map.entry(rs.getString(2).toLowerCase(Locale.ROOT), rs.getString(1)))
                .list().forEach(e -> out.putIfAbsent(e.getKey(), e.getValue()));
        return out;
    }

    long insert(long countyId, long organisationId, String serviceType, Service s, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        content(jdbc.sql("""
                insert into guidance_service (county_id, organisation_id, service_type, name_fi, name_sv, name_en,
                    summary_fi, summary_sv, summary_en, description_fi, description_sv, description_en, access_mode,
                    referral_fi, referral_sv, referral_en, cost, cost_note_fi, cost_note_sv, cost_note_en, website,
                    status, source, ptv_id, ptv_fingerprint, locally_edited, created_at, updated_at)
                values (:county, :organisation, :type, :nameFi, :nameSv, :nameEn, :summaryFi, :summarySv, :summaryEn,
                    :descriptionFi, :descriptionSv, :descriptionEn, 'SELF_REFERRAL', :referralFi, :referralSv,
                    :referralEn, :cost, :costNoteFi, :costNoteSv, :costNoteEn, :website, 'ACTIVE', 'PTV', :ptvId,
                    :fingerprint, false, :now, :now)"""), s, now)
                .param("county", countyId).param("organisation", organisationId).param("type", serviceType)
                .param("ptvId", s.ptvId())
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        children(id, s);
        return id;
    }

    /** Replaces the PTV-owned content of a service imported before; false when it changed meanwhile. */
    boolean update(Existing e, Service s, Instant now) {
        int n = content(jdbc.sql("""
                update guidance_service set name_fi = :nameFi, name_sv = :nameSv, name_en = :nameEn,
                    summary_fi = :summaryFi, summary_sv = :summarySv, summary_en = :summaryEn,
                    description_fi = :descriptionFi, description_sv = :descriptionSv, description_en = :descriptionEn,
                    referral_fi = :referralFi, referral_sv = :referralSv, referral_en = :referralEn, cost = :cost,
                    cost_note_fi = :costNoteFi, cost_note_sv = :costNoteSv, cost_note_en = :costNoteEn,
                    website = :website, ptv_fingerprint = :fingerprint, locally_edited = false,
                    version = version + 1, updated_at = :now
                where id = :id and version = :version"""), s, now)
                .param("id", e.id()).param("version", e.version())
                .update();
        if (n != 1) {
            return false;
        }
        jdbc.sql("delete from guidance_service_language where service_id = :id").param("id", e.id()).update();
        jdbc.sql("delete from guidance_service_municipality where service_id = :id").param("id", e.id()).update();
        jdbc.sql("delete from guidance_channel where service_id = :id").param("id", e.id()).update();
        children(e.id(), s);
        return true;
    }

    void addNeeds(long serviceId, Collection<String> codes) {
        for (String code : codes) {
            jdbc.sql("insert into guidance_service_need (service_id, need_code) values (:id, :code)")
                    .param("id", serviceId).param("code", code).update();
        }
    }

    private static JdbcClient.StatementSpec content(JdbcClient.StatementSpec spec, Service s, Instant now) {
        return spec.param("nameFi", s.nameFi()).param("nameSv", s.nameSv()).param("nameEn", s.nameEn())
                .param("summaryFi", s.summaryFi()).param("summarySv", s.summarySv()).param("summaryEn", s.summaryEn())
                .param("descriptionFi", s.descriptionFi()).param("descriptionSv", s.descriptionSv())
                .param("descriptionEn", s.descriptionEn()).param("referralFi", s.referralFi())
                .param("referralSv", s.referralSv()).param("referralEn", s.referralEn()).param("cost", s.cost())
                .param("costNoteFi", s.costNoteFi()).param("costNoteSv", s.costNoteSv())
                .param("costNoteEn", s.costNoteEn()).param("website", s.website())
                .param("fingerprint", s.fingerprint()).param("now", Timestamp.from(now));
    }

    private void children(long id, Service s) {
        for (String lang : s.languages()) {
            jdbc.sql("insert into guidance_service_language (service_id, lang) values (:id, :lang)")
                    .param("id", id).param("lang", lang).update();
        }
        for (String code : s.municipalities()) {
            jdbc.sql("insert into guidance_service_municipality (service_id, municipality_code) values (:id, :code)")
                    .param("id", id).param("code", code).update();
        }
        int position = 0;
        for (Channel c : s.channels()) {
            KeyHolder keys = new GeneratedKeyHolder();
            jdbc.sql("""
                    insert into guidance_channel (service_id, kind, position, label_fi, label_sv, label_en, phone,
                        phone_charge, url, email, street_address, postal_code, municipality_code, latitude, longitude,
                        accessibility_fi, accessibility_sv, accessibility_en, ptv_id)
                    values (:service, :kind, :position, :labelFi, :labelSv, :labelEn, :phone, :charge, :url, :email,
                        :street, :postal, :municipality, :lat, :lon, :accFi, :accSv, :accEn, :ptvId)""")
                    .param("service", id).param("kind", c.kind()).param("position", position++)
                    .param("labelFi", c.labelFi()).param("labelSv", c.labelSv()).param("labelEn", c.labelEn())
                    .param("phone", c.phone()).param("charge", c.phoneCharge()).param("url", c.url())
                    .param("email", c.email()).param("street", c.street()).param("postal", c.postalCode())
                    .param("municipality", c.municipality()).param("lat", c.latitude()).param("lon", c.longitude())
                    .param("accFi", c.accessibilityFi()).param("accSv", c.accessibilitySv())
                    .param("accEn", c.accessibilityEn()).param("ptvId", c.ptvId())
                    .update(keys, "id");
            long channelId = keys.getKeyAs(Number.class).longValue();
            for (Hours h : c.hours()) {
                jdbc.sql("""
                        insert into guidance_hours (channel_id, kind, weekday, opens, closes, valid_from, valid_to,
                            by_reservation, note_fi, note_sv, note_en)
                        values (:channel, :kind, :weekday, :opens, :closes, :from, :to, :reservation, :noteFi, :noteSv,
                            :noteEn)""")
                        .param("channel", channelId).param("kind", h.kind()).param("weekday", h.weekday())
                        .param("opens", h.opens()).param("closes", h.closes()).param("from", h.validFrom())
                        .param("to", h.validTo()).param("reservation", h.byReservation())
                        .param("noteFi", h.noteFi()).param("noteSv", h.noteSv()).param("noteEn", h.noteEn())
                        .update();
            }
        }
    }
}
