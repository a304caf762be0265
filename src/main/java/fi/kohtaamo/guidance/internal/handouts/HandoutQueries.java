package fi.kohtaamo.guidance.internal.handouts;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** All SQL of handouts: one row per handout printed ({@code guidance_handout}, migration V22). */
@Repository
class HandoutQueries {

    /** A handout as stored: nothing about the family or the professional. */
    record Handout(long id, long countyId, String serviceType, long placeId, int places, LocalDate printedOn) {
    }

    /** Handouts counted at a place in a month, by the professional's service type. */
    record PlaceMonth(long placeId, YearMonth month, String serviceType, long handouts) {
    }

    private final JdbcClient jdbc;

    HandoutQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long countyId, String serviceType, long placeId, int places, LocalDate printedOn) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                insert into guidance_handout (county_id, service_type, place_id, places, printed_on)
                values (:c, :t, :p, :n, :d)""").param("c", countyId).param("t", serviceType).param("p", placeId)
                .param("n", places).param("d", printedOn).update(keys, "id");
        return keys.getKey().longValue();
    }

    Handout handout(long id) {
        return jdbc.sql("select * from guidance_handout where id = :id").param("id", id)
                .query((rs, n) -> new Handout(rs.getLong("id"), rs.getLong("county_id"), rs.getString("service_type"),
                        rs.getLong("place_id"), rs.getInt("places"), rs.getObject("printed_on", LocalDate.class)))
                .single();
    }

    /** The handouts of the places in the months from..to, per place, month and service type. */
    List<PlaceMonth> placeMonths(Collection<Long> placeIds, YearMonth from, YearMonth to) {
        List<PlaceMonth> out = new ArrayList<>();
        List<Long> ids = List.copyOf(placeIds);
        for (int i = 0; i < ids.size(); i += 1000) {
            jdbc.sql("""
                    select place_id, extract(year from printed_on) y, extract(month from printed_on) m, service_type,
                           count(*) n
                    from guidance_handout
                    where place_id in (:ids) and printed_on between :from and :to
                    group by place_id, extract(year from printed_on), extract(month from printed_on), service_type""")
                    .param("ids", ids.subList(i, Math.min(ids.size(), i + 1000))).param("from", from.atDay(1))
                    .param("to", to.atEndOfMonth())
                    .query(rs -> {
                        out.add(new PlaceMonth(rs.getLong(1), YearMonth.of(rs.getInt(2), rs.getInt(3)), rs.getString(4),
                                rs.getLong(5)));
                    });
        }
        return out;
    }
}
