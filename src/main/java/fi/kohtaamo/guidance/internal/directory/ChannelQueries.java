package fi.kohtaamo.guidance.internal.directory;

import fi.kohtaamo.guidance.internal.directory.DirectoryModel.Channel;
import fi.kohtaamo.guidance.internal.directory.DirectoryModel.ChannelKind;
import fi.kohtaamo.guidance.internal.directory.DirectoryModel.Hours;
import fi.kohtaamo.guidance.internal.directory.DirectoryModel.HoursKind;
import fi.kohtaamo.guidance.internal.directory.DirectoryModel.PhoneCharge;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The SQL of a service's channels and their hours, written as a whole with the service. */
@Repository
public class ChannelQueries {

    private final JdbcClient jdbc;

    public ChannelQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A service's channels in their order, each with its hours (two queries). */
    public List<Channel> ofService(long serviceId) {
        Map<Long, List<Hours>> hours = new LinkedHashMap<>();
        jdbc.sql("""
                select h.* from guidance_hours h join guidance_channel c on c.id = h.channel_id
                 where c.service_id = :s
                 order by h.channel_id, case h.kind when 'REGULAR' then 0 else 1 end, h.weekday, h.valid_from, h.opens, h.id""")
                .param("s", serviceId).query((rs, n) -> {
                    hours.computeIfAbsent(rs.getLong("channel_id"), k -> new ArrayList<>()).add(new Hours(
                            HoursKind.valueOf(rs.getString("kind")), ServiceEditQueries.integer(rs, "weekday"),
                            rs.getObject("opens", LocalTime.class), rs.getObject("closes", LocalTime.class),
                            rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_to", LocalDate.class),
                            rs.getBoolean("by_reservation"), ServiceEditQueries.text(rs, "note")));
                    return 0;
                }).list();
        return jdbc.sql("select * from guidance_channel where service_id = :s order by position, id")
                .param("s", serviceId).query((rs, n) -> {
                    String charge = rs.getString("phone_charge");
                    return new Channel(ChannelKind.valueOf(rs.getString("kind")), ServiceEditQueries.text(rs, "label"),
                            rs.getString("phone"), charge == null ? null : PhoneCharge.valueOf(charge),
                            rs.getString("url"), rs.getString("email"), rs.getString("street_address"),
                            rs.getString("postal_code"), rs.getString("municipality_code"),
                            rs.getBigDecimal("latitude"), rs.getBigDecimal("longitude"),
                            ServiceEditQueries.text(rs, "accessibility"), rs.getString("ptv_id"),
                            hours.getOrDefault(rs.getLong("id"), List.of()));
                }).list();
    }

    /** Replaces a service's channels and hours with these. */
    void replace(long serviceId, List<Channel> channels) {
        jdbc.sql("delete from guidance_channel where service_id = :s").param("s", serviceId).update();
        int position = 0;
        for (Channel c : channels) {
            var keys = new GeneratedKeyHolder();
            jdbc.sql("""
                    insert into guidance_channel (service_id, kind, position, label_fi, label_sv, label_en, phone,
                        phone_charge, url, email, street_address, postal_code, municipality_code, latitude, longitude,
                        accessibility_fi, accessibility_sv, accessibility_en, ptv_id)
                    values (:s, :kind, :position, :label_fi, :label_sv, :label_en, :phone, :charge, :url, :email,
                        :street, :postal, :muni, :lat, :lon, :acc_fi, :acc_sv, :acc_en, :ptv)""")
                    .param("s", serviceId).param("kind", c.kind().name()).param("position", position++)
                    .param("label_fi", c.label().fi()).param("label_sv", c.label().sv())
                    .param("label_en", c.label().en()).param("phone", c.phone())
                    .param("charge", c.phoneCharge() == null ? null : c.phoneCharge().name()).param("url", c.url())
                    .param("email", c.email()).param("street", c.streetAddress()).param("postal", c.postalCode())
                    .param("muni", c.municipalityCode()).param("lat", c.latitude()).param("lon", c.longitude())
                    .param("acc_fi", c.accessibility().fi()).param("acc_sv", c.accessibility().sv())
                    .param("acc_en", c.accessibility().en()).param("ptv", c.ptvId()).update(keys, "id");
            long channelId = keys.getKey().longValue();
            for (Hours h : c.hours()) {
                jdbc.sql("""
                        insert into guidance_hours (channel_id, kind, weekday, opens, closes, valid_from, valid_to,
                            by_reservation, note_fi, note_sv, note_en)
                        values (:c, :kind, :weekday, :opens, :closes, :from, :to, :reservation, :fi, :sv, :en)""")
                        .param("c", channelId).param("kind", h.kind().name()).param("weekday", h.weekday())
                        .param("opens", h.opens()).param("closes", h.closes()).param("from", h.validFrom())
                        .param("to", h.validTo()).param("reservation", h.byReservation()).param("fi", h.note().fi())
                        .param("sv", h.note().sv()).param("en", h.note().en()).update();
            }
        }
    }
}
