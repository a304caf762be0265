package fi.kohtaamo.guidance.internal.exchange;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of the exports: a county's directory, services with their channels and hours, in four queries. */
@Repository
class DirectoryQueries {

    record ServiceRow(long id, long organisationId, String nameFi, String nameSv, String nameEn, String summaryFi,
            String summarySv, String summaryEn, String descriptionFi, String descriptionSv, String descriptionEn,
            Integer ageMinMonths, Integer ageMaxMonths, String accessMode, String referralFi, String referralSv,
            String referralEn, String cost, String costNoteFi, String costNoteSv, String costNoteEn, String website,
            String status, LocalDate lastCheckedOn) {
    }

    record ChannelRow(long id, long serviceId, String kind, String labelFi, String labelSv, String labelEn,
            String phone, String url, String email, String street, String postalCode, String municipality,
            BigDecimal latitude, BigDecimal longitude, String accessibilityFi, String accessibilitySv,
            String accessibilityEn) {
    }

    record HoursRow(long id, long channelId, String kind, Integer weekday, LocalTime opens, LocalTime closes,
            LocalDate validFrom, LocalDate validTo, boolean byReservation, String noteFi, String noteSv,
            String noteEn) {
    }

    private final JdbcClient jdbc;

    DirectoryQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<ServiceRow> services(long countyId) {
        return jdbc.sql("""
                select id, organisation_id, name_fi, name_sv, name_en, summary_fi, summary_sv, summary_en,
                    description_fi, description_sv, description_en, age_min_months, age_max_months, access_mode,
                    referral_fi, referral_sv, referral_en, cost, cost_note_fi, cost_note_sv, cost_note_en, website,
                    status, last_checked_on
                from guidance_service where county_id = :county order by name_fi, id""")
                .param("county", countyId)
                .query((rs, n) -> new ServiceRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                        rs.getString(10), rs.getString(11), (Integer) rs.getObject(12, Integer.class),
                        (Integer) rs.getObject(13, Integer.class), rs.getString(14), rs.getString(15), rs.getString(16),
                        rs.getString(17), rs.getString(18), rs.getString(19), rs.getString(20), rs.getString(21),
                        rs.getString(22), rs.getString(23), rs.getObject(24, LocalDate.class)))
                .list();
    }

    Map<Long, List<String>> languages(long countyId) {
        Map<Long, List<String>> out = new HashMap<>();
        jdbc.sql("""
                select l.service_id, l.lang from guidance_service_language l
                join guidance_service s on s.id = l.service_id where s.county_id = :county order by l.lang""")
                .param("county", countyId)
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2))).list()
                .forEach(e -> out.computeIfAbsent(e.getKey(), k -> new java.util.ArrayList<>()).add(e.getValue()));
        return out;
    }

    List<ChannelRow> channels(long countyId) {
        return jdbc.sql("""
                select c.id, c.service_id, c.kind, c.label_fi, c.label_sv, c.label_en, c.phone, c.url, c.email,
                    c.street_address, c.postal_code, c.municipality_code, c.latitude, c.longitude, c.accessibility_fi,
                    c.accessibility_sv, c.accessibility_en
                from guidance_channel c join guidance_service s on s.id = c.service_id
                where s.county_id = :county order by c.service_id, c.position, c.id""")
                .param("county", countyId)
                .query((rs, n) -> new ChannelRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                        rs.getString(10), rs.getString(11), rs.getString(12), rs.getBigDecimal(13),
                        rs.getBigDecimal(14), rs.getString(15), rs.getString(16), rs.getString(17)))
                .list();
    }

    List<HoursRow> hours(long countyId) {
        return jdbc.sql("""
                select h.id, h.channel_id, h.kind, h.weekday, h.opens, h.closes, h.valid_from, h.valid_to,
                    h.by_reservation, h.note_fi, h.note_sv, h.note_en
                from guidance_hours h join guidance_channel c on c.id = h.channel_id
                join guidance_service s on s.id = c.service_id
                where s.county_id = :county order by h.channel_id, h.kind, h.weekday, h.valid_from, h.id""")
                .param("county", countyId)
                .query((rs, n) -> new HoursRow(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        (Integer) rs.getObject(4, Integer.class), rs.getObject(5, LocalTime.class),
                        rs.getObject(6, LocalTime.class), rs.getObject(7, LocalDate.class),
                        rs.getObject(8, LocalDate.class), rs.getBoolean(9), rs.getString(10), rs.getString(11),
                        rs.getString(12)))
                .list();
    }
}
