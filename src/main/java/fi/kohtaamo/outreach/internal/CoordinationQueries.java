package fi.kohtaamo.outreach.internal;

import fi.kohtaamo.shared.LocalizedText;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL of the coordination view. It only fetches plain visit rows for a period and a set of
 * places; {@link CoordinationReport} groups them by month (in Europe/Helsinki), place, profession,
 * topic and partner in Java, so no database-specific date function is needed and the same SQL runs
 * on PostgreSQL and on H2. A county has a few thousand visits a year at most, which is cheap to fetch.
 */
@Repository
class CoordinationQueries {

    /** Place ids are bound in chunks, as IN lists of more than a few thousand values are slow or refused. */
    static final int CHUNK = 1000;

    private final JdbcClient jdbc;

    CoordinationQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One visit with what the view needs of its slot. */
    record VisitRow(long id, long placeId, Instant startsAt, long partnerOrgId, long professionId, Long topicId,
            String status, String cancelledBy, Boolean happened, Integer familiesReached) {

        boolean confirmed() {
            return "CONFIRMED".equals(status);
        }

        /** Confirmed and not recorded as having fallen through. */
        boolean confirmedNotFailed() {
            return confirmed() && !Boolean.FALSE.equals(happened);
        }
    }

    private static VisitRow visitRow(ResultSet rs, int n) throws SQLException {
        boolean happened = rs.getBoolean("happened");
        Boolean h = rs.wasNull() ? null : happened;
        int families = rs.getInt("families_reached");
        Integer f = rs.wasNull() ? null : families;
        return new VisitRow(rs.getLong("id"), rs.getLong("place_id"), OutreachQueries.instant(rs, "starts_at"),
                rs.getLong("partner_org_id"), rs.getLong("profession_id"), OutreachQueries.nullableLong(rs, "topic_id"),
                rs.getString("status"), rs.getString("cancelled_by"), h, f);
    }

    /** Visits of every status at these places whose slot starts in [from, to). */
    List<VisitRow> visits(Collection<Long> placeIds, Instant from, Instant to) {
        List<VisitRow> out = new ArrayList<>();
        List<Long> ids = List.copyOf(placeIds);
        for (int i = 0; i < ids.size(); i += CHUNK) {
            out.addAll(jdbc.sql("""
                            select v.id, s.place_id, s.starts_at, v.partner_org_id, v.profession_id, v.topic_id, v.status,
                                   v.cancelled_by, v.happened, v.families_reached
                            from visit v
                            join visit_slot s on s.id = v.slot_id
                            where s.place_id in (:ids) and s.starts_at >= :from and s.starts_at < :to
                            order by s.starts_at, v.id""")
                    .param("ids", ids.subList(i, Math.min(ids.size(), i + CHUNK)))
                    .param("from", OutreachQueries.utc(from)).param("to", OutreachQueries.utc(to))
                    .query(CoordinationQueries::visitRow).list());
        }
        return out;
    }

    /**
     * The start of the latest confirmed visit before {@code before} at each of these places, leaving out
     * visits recorded as not having happened; places without one are missing from the map.
     */
    Map<Long, Instant> lastConfirmedVisit(Collection<Long> placeIds, Instant before) {
        Map<Long, Instant> out = new HashMap<>();
        List<Long> ids = List.copyOf(placeIds);
        for (int i = 0; i < ids.size(); i += CHUNK) {
            jdbc.sql("""
                            select s.place_id, max(s.starts_at) as last_start
                            from visit v
                            join visit_slot s on s.id = v.slot_id
                            where s.place_id in (:ids) and v.status = 'CONFIRMED'
                              and (v.happened is null or v.happened = true) and s.starts_at < :before
                            group by s.place_id""")
                    .param("ids", ids.subList(i, Math.min(ids.size(), i + CHUNK)))
                    .param("before", OutreachQueries.utc(before))
                    .query(rs -> {
                        out.put(rs.getLong("place_id"), OutreachQueries.instant(rs, "last_start"));
                    });
        }
        return out;
    }

    /** Names of these professions or topics by id (ids of another catalogue are simply not found). */
    Map<Long, LocalizedText> names(OutreachQueries.Catalogue catalogue, Collection<Long> itemIds) {
        Map<Long, LocalizedText> out = new HashMap<>();
        List<Long> ids = List.copyOf(itemIds);
        for (int i = 0; i < ids.size(); i += CHUNK) {
            jdbc.sql("select id, name_fi, name_sv, name_en from " + catalogue.table + " where id in (:ids)")
                    .param("ids", ids.subList(i, Math.min(ids.size(), i + CHUNK)))
                    .query(rs -> {
                        out.put(rs.getLong("id"), OutreachQueries.text(rs, "name"));
                    });
        }
        return out;
    }
}
