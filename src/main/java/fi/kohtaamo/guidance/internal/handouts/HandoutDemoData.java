package fi.kohtaamo.guidance.internal.handouts;

import fi.kohtaamo.monitoring.ServiceTypes;
import fi.kohtaamo.registry.Registry;
import fi.kohtaamo.shared.DemoData;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo handouts (issue 15): a year of handouts that partner professionals of Länsi-Uusimaa printed for families, tallied
 * as printing one tallies it ({@link HandoutService}): one row per handout, counted at its first place, with the
 * professional's service type and how many places it listed. Neuvola nurses print the most, then family social work,
 * immigrant services and family work; the twelve months before this one (ended months, so the reports show them beside
 * the places' own onward referrals). Loaded once (when the county has no handout yet); deterministic.
 */
@Component
@Order(170)
class HandoutDemoData implements DemoData {

    private static final ZoneId HELSINKI = ZoneId.of("Europe/Helsinki");
    /** The sending services and how many handouts a month one of their places gets at most, above a base of 2. */
    private static final List<Object[]> SENDERS = List.of(new Object[] {"CHILD_HEALTH_CLINIC", 12},
            new Object[] {"FAMILY_SOCIAL_WORK", 6}, new Object[] {"IMMIGRANT_SERVICES", 7},
            new Object[] {"FAMILY_WORK", 4});
    private static final int PLACES = 10;

    private final HandoutQueries queries;
    private final Registry registry;
    private final ServiceTypes types;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final TransactionTemplate tx;

    HandoutDemoData(HandoutQueries queries, Registry registry, ServiceTypes types, JdbcClient jdbc, Clock clock,
            TransactionTemplate tx) {
        this.queries = queries;
        this.registry = registry;
        this.types = types;
        this.jdbc = jdbc;
        this.clock = clock;
        this.tx = tx;
    }

    @Override
    public void load() {
        tx.executeWithoutResult(status -> {
            Optional<Long> county = registry.countyIdByCode("LU");
            if (county.isEmpty() || jdbc.sql("select count(*) from guidance_handout where county_id = :c")
                    .param("c", county.get()).query(Long.class).single() > 0) {
                return;
            }
            Set<String> active = types.active(county.get()).stream().map(ServiceTypes.ServiceType::code)
                    .collect(Collectors.toSet());
            List<Long> places = registry.places(county.get(), null).stream().map(Registry.Ref::id)
                    .sorted(Comparator.naturalOrder()).limit(PLACES).toList();
            YearMonth thisMonth = YearMonth.now(clock.withZone(HELSINKI));
            for (int back = 1; back <= 12; back++) {
                YearMonth month = thisMonth.minusMonths(back);
                for (long place : places) {
                    for (Object[] sender : SENDERS) {
                        String type = (String) sender[0];
                        if (!active.contains(type)) {
                            continue;
                        }
                        int n = 2 + (int) Math.floorMod(place * 31 + month.getMonthValue() * 7L + type.length(),
                                (long) (int) sender[1] + 1);
                        for (int i = 0; i < n; i++) {
                            LocalDate day = month.atDay(1 + (int) ((place + i * 5L) % month.lengthOfMonth()));
                            queries.insert(county.get(), type, place, 1 + (i % 3), day);
                        }
                    }
                }
            }
        });
    }
}
