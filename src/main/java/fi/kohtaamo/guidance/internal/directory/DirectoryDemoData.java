package fi.kohtaamo.guidance.internal.directory;

import fi.kohtaamo.identity.StaffDirectory;
import fi.kohtaamo.registry.Registry;
import fi.kohtaamo.shared.DemoData;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo directory of Länsi-Uusimaa ({@link DemoServices}), after the registry and the accounts: marked as demo,
 * owned by demo accounts, entered 14 months ago and last checked 1–12 months ago. Loaded once (when the county has no
 * service yet); deterministic. A service whose organisation is missing from the registry is left out.
 */
@Component
@Order(160)
class DirectoryDemoData implements DemoData {

    static final String DOMAIN = "@demo.kohtaamo.fi";

    private final ServiceEditQueries queries;
    private final Registry registry;
    private final StaffDirectory staff;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final TransactionTemplate tx;

    DirectoryDemoData(ServiceEditQueries queries, Registry registry, StaffDirectory staff, JdbcClient jdbc, Clock clock,
            TransactionTemplate tx) {
        this.queries = queries;
        this.registry = registry;
        this.staff = staff;
        this.jdbc = jdbc;
        this.clock = clock;
        this.tx = tx;
    }

    @Override
    public void load() {
        tx.executeWithoutResult(status -> {
            Optional<Long> county = registry.countyIdByCode("LU");
            if (county.isEmpty() || jdbc.sql("select count(*) from guidance_service where county_id = :c")
                    .param("c", county.get()).query(Long.class).single() > 0) {
                return;
            }
            Instant now = clock.instant();
            LocalDate today = LocalDate.now(clock.withZone(DirectoryService.HELSINKI));
            Instant entered = now.minus(14 * 30, ChronoUnit.DAYS);
            for (DemoService s : DemoServices.all()) {
                Optional<Long> org = registry.organisationIdByName(s.organisation);
                if (org.isEmpty()) {
                    continue;
                }
                Long owner = staff.byEmail(s.owner + DOMAIN).map(StaffDirectory.Person::id).orElse(null);
                long id = queries.insert(county.get(), s.command(org.get(), owner), true, entered);
                jdbc.sql("update guidance_service set last_checked_on = :on, last_checked_by = :by where id = :id")
                        .param("on", today.minusMonths(s.monthsSinceCheck).minusDays(id % 20))
                        .param("by", "Kaisa Koordinaattori (demo)").param("id", id).update();
            }
        });
    }
}
