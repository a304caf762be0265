package fi.kohtaamo.guidance;

import fi.kohtaamo.shared.PublicDataCache;
import fi.kohtaamo.shared.SeededCatalogue;
import java.sql.Date;
import java.sql.Time;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Builds directory services for tests straight into the guidance tables (until the directory's own service and
 * demo data land), with the county's needs catalogue seeded from {@code needs.txt} when it has none. Writes past
 * the services, so it tells the public cache itself, as the registry's fixtures do.
 */
@Component
public class ServiceFixtures {

    private final JdbcClient jdbc;
    private final PublicDataCache cache;

    public ServiceFixtures(JdbcClient jdbc, PublicDataCache cache) {
        this.jdbc = jdbc;
        this.cache = cache;
    }

    /** One row of hours. */
    public record Hours(String kind, Integer weekday, String opens, String closes, LocalDate from, LocalDate to,
            boolean byReservation, String note) {
    }

    public static Hours regular(int weekday, String opens, String closes) {
        return new Hours("REGULAR", weekday, opens, closes, null, null, false, null);
    }

    public static Hours byReservation(int weekday, String opens, String closes) {
        return new Hours("REGULAR", weekday, opens, closes, null, null, true, null);
    }

    public static Hours closed(LocalDate from, LocalDate to, String note) {
        return new Hours("CLOSED", null, null, null, from, to, false, note);
    }

    public static Hours exceptional(LocalDate on, String opens, String closes, String note) {
        return new Hours("EXCEPTIONAL", null, opens, closes, on, on, false, note);
    }

    private record Channel(String kind, String phone, String url, String street, String municipality,
            String accessibility, List<Hours> hours) {
    }

    /** Seeds the county's catalogue of needs from needs.txt unless it has one. */
    public void needs(long countyId) {
        long have = jdbc.sql("select count(*) from guidance_need where county_id = :c").param("c", countyId)
                .query(Long.class).single();
        if (have > 0) {
            return;
        }
        int position = 0;
        for (SeededCatalogue.Entry e : SeededCatalogue.read("/fi/kohtaamo/guidance/needs.txt")) {
            jdbc.sql("""
                    insert into guidance_need (county_id, code, name_fi, name_sv, name_en, position, updated_at)
                    values (:c, :code, :fi, :sv, :en, :p, :now)""")
                    .param("c", countyId).param("code", e.code()).param("fi", e.name().fi())
                    .param("sv", e.name().sv()).param("en", e.name().en()).param("p", position++)
                    .param("now", Timestamp.from(Instant.now())).update();
        }
    }

    public Builder service(long countyId, long organisationId, String nameFi) {
        return new Builder(countyId, organisationId, nameFi);
    }

    /** A service under construction; {@link #insert()} writes it and returns its id. */
    public final class Builder {
        private final Map<String, Object> columns = new LinkedHashMap<>();
        private final List<String> needs = new ArrayList<>();
        private final List<String> languages = new ArrayList<>();
        private final List<String> municipalities = new ArrayList<>();
        private final List<Channel> channels = new ArrayList<>();
        private final Map<String, String[]> texts = new LinkedHashMap<>();

        Builder(long countyId, long organisationId, String nameFi) {
            columns.put("county_id", countyId);
            columns.put("organisation_id", organisationId);
            columns.put("service_type", "CHILD_HEALTH_CLINIC");
            columns.put("name_fi", nameFi);
            columns.put("access_mode", "SELF_REFERRAL");
            columns.put("cost", "FREE");
            columns.put("status", "ACTIVE");
        }

        public Builder set(String column, Object value) {
            columns.put(column, value);
            return this;
        }

        public Builder names(String sv, String en) {
            return set("name_sv", sv).set("name_en", en);
        }

        public Builder summary(String fi, String sv, String en) {
            return set("summary_fi", fi).set("summary_sv", sv).set("summary_en", en);
        }

        public Builder ages(Integer minMonths, Integer maxMonths) {
            return set("age_min_months", minMonths).set("age_max_months", maxMonths);
        }

        public Builder needs(String... codes) {
            needs.addAll(List.of(codes));
            return this;
        }

        public Builder languages(String... codes) {
            languages.addAll(List.of(codes));
            return this;
        }

        public Builder municipalities(String... codes) {
            municipalities.addAll(List.of(codes));
            return this;
        }

        public Builder phone(String number, Hours... hours) {
            channels.add(new Channel("PHONE", number, null, null, null, null, List.of(hours)));
            return this;
        }

        public Builder web(String kind, String url) {
            channels.add(new Channel(kind, null, url, null, null, null, List.of()));
            return this;
        }

        public Builder location(String street, String municipality, String accessibility, Hours... hours) {
            channels.add(new Channel("LOCATION", null, null, street, municipality, accessibility, List.of(hours)));
            return this;
        }

        public Builder text(String lang, String name, String summary, String referral) {
            texts.put(lang, new String[] {name, summary, referral});
            return this;
        }

        public long insert() {
            Timestamp now = Timestamp.from(Instant.now());
            columns.put("created_at", now);
            columns.put("updated_at", now);
            String names = String.join(", ", columns.keySet());
            String values = ":" + String.join(", :", columns.keySet());
            var spec = jdbc.sql("insert into guidance_service (" + names + ") values (" + values + ")");
            for (var e : columns.entrySet()) {
                spec = spec.param(e.getKey(), e.getValue());
            }
            var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
            spec.update(keys, "id");
            long id = keys.getKey().longValue();
            for (String n : needs) {
                jdbc.sql("insert into guidance_service_need (service_id, need_code) values (:s, :n)")
                        .param("s", id).param("n", n).update();
            }
            for (String l : languages) {
                jdbc.sql("insert into guidance_service_language (service_id, lang) values (:s, :l)")
                        .param("s", id).param("l", l).update();
            }
            for (String m : municipalities) {
                jdbc.sql("insert into guidance_service_municipality (service_id, municipality_code) values (:s, :m)")
                        .param("s", id).param("m", m).update();
            }
            for (var t : texts.entrySet()) {
                jdbc.sql("insert into guidance_service_text (service_id, lang, name, summary, referral)"
                                + " values (:s, :l, :n, :su, :r)")
                        .param("s", id).param("l", t.getKey()).param("n", t.getValue()[0])
                        .param("su", t.getValue()[1]).param("r", t.getValue()[2]).update();
            }
            int position = 0;
            for (Channel c : channels) {
                var channelKeys = new org.springframework.jdbc.support.GeneratedKeyHolder();
                jdbc.sql("""
                        insert into guidance_channel (service_id, kind, position, phone, url, street_address,
                            postal_code, municipality_code, accessibility_fi, accessibility_sv, accessibility_en)
                        values (:s, :k, :p, :phone, :url, :street, :postal, :m, :a, :a, :a)""")
                        .param("s", id).param("k", c.kind()).param("p", position++).param("phone", c.phone())
                        .param("url", c.url()).param("street", c.street())
                        .param("postal", c.street() == null ? null : "02100").param("m", c.municipality())
                        .param("a", c.accessibility())
                        .update(channelKeys, "id");
                long channelId = channelKeys.getKey().longValue();
                for (Hours h : c.hours()) {
                    jdbc.sql("""
                            insert into guidance_hours (channel_id, kind, weekday, opens, closes, valid_from, valid_to,
                                by_reservation, note_fi, note_sv, note_en)
                            values (:c, :k, :w, :o, :cl, :f, :t, :r, :n, :n, :n)""")
                            .param("c", channelId).param("k", h.kind()).param("w", h.weekday())
                            .param("o", h.opens() == null ? null : Time.valueOf(LocalTime.parse(h.opens())))
                            .param("cl", h.closes() == null ? null : Time.valueOf(LocalTime.parse(h.closes())))
                            .param("f", h.from() == null ? null : Date.valueOf(h.from()))
                            .param("t", h.to() == null ? null : Date.valueOf(h.to()))
                            .param("r", h.byReservation()).param("n", h.note()).update();
                }
            }
            cache.changed();
            return id;
        }
    }
}
