package fi.kohtaamo.monitoring.internal;

import fi.kohtaamo.monitoring.PlaceVisits;
import java.time.YearMonth;
import java.util.OptionalLong;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** {@link PlaceVisits} from the monthly sums that the count writers keep exact. */
@Component
class PlaceVisitsQueries implements PlaceVisits {

    private final JdbcClient jdbc;

    PlaceVisitsQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public OptionalLong averageMonthlyVisits(long placeId, YearMonth from, YearMonth to) {
        var row = jdbc.sql("""
                select count(*) as months, coalesce(sum(visitors), 0) as visitors
                from visit_count_month
                where place_id = :place and ym between :from and :to and counts > 0
                """).param("place", placeId).param("from", from.getYear() * 100 + from.getMonthValue())
                .param("to", to.getYear() * 100 + to.getMonthValue())
                .query((rs, n) -> new long[] {rs.getLong("months"), rs.getLong("visitors")}).single();
        return row[0] == 0 ? OptionalLong.empty() : OptionalLong.of(Math.round((double) row[1] / row[0]));
    }
}
