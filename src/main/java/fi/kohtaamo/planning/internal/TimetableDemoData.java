package fi.kohtaamo.planning.internal;

import fi.kohtaamo.identity.StaffDirectory;
import fi.kohtaamo.registry.Registry;
import fi.kohtaamo.shared.DemoData;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Planning's demo for Länsi-Uusimaa, after the calendar's programmes and the accounts: children under school age per
 * municipality for last year, marked as demo estimates (rounded, in the orders of magnitude of Statistics Finland's
 * figures for these municipalities, not the figures themselves), and the first overlap of the county kept on purpose
 * by the county coordinator, so that the page shows both kinds. Loaded once (when the county has no figures).
 */
@Component
@Order(170)
class TimetableDemoData implements DemoData {

    /** Children aged 0–6 per municipality (demo estimates), split 13 % / 28 % / 59 % into the three age bands. */
    static final Map<String, Integer> CHILDREN = Map.of("049", 21_500, "078", 420, "149", 260, "224", 520,
            "235", 680, "257", 2_900, "444", 2_600, "710", 1_450, "755", 410, "927", 1_950);

    private final TimetableQueries queries;
    private final TimetableService planning;
    private final Registry registry;
    private final StaffDirectory staff;
    private final Clock clock;
    private final TransactionTemplate tx;

    TimetableDemoData(TimetableQueries queries, TimetableService planning, Registry registry, StaffDirectory staff,
            Clock clock, TransactionTemplate tx) {
        this.queries = queries;
        this.planning = planning;
        this.registry = registry;
        this.staff = staff;
        this.clock = clock;
        this.tx = tx;
    }

    @Override
    public void load() {
        Optional<Long> county = registry.countyIdByCode("LU");
        if (county.isEmpty() || queries.populationRows(county.get()) > 0) {
            return;
        }
        long c = county.get();
        int year = LocalDate.now(clock.withZone(TimetableService.HELSINKI)).getYear() - 1;
        var now = clock.instant();
        tx.executeWithoutResult(status -> {
            for (Registry.MunicipalityRef m : registry.municipalities(c)) {
                Integer children = CHILDREN.get(m.code());
                if (children == null) {
                    continue;
                }
                int babies = Math.round(children * 0.13f);
                int toddlers = Math.round(children * 0.28f);
                queries.savePopulation(c, new TimetableQueries.Population("MUNICIPALITY", m.code(), "0", year, babies,
                        true), now);
                queries.savePopulation(c, new TimetableQueries.Population("MUNICIPALITY", m.code(), "1-2", year,
                        toddlers, true), now);
                queries.savePopulation(c, new TimetableQueries.Population("MUNICIPALITY", m.code(), "3-6", year,
                        children - babies - toddlers, true), now);
            }
            Optional<Long> coordinator = staff.byEmail("koordinaattori@demo.kohtaamo.fi").map(StaffDirectory.Person::id);
            TimetableService.Region region = new TimetableService.Region(c, null);
            var overlaps = planning.overlaps(region, planning.timetable(region, planning.monday(),
                    TimetableService.DEFAULT_WEEKS), 0);
            if (coordinator.isPresent() && overlaps.size() > 1) {
                var o = overlaps.get(0).overlap();
                queries.ignore(c, o.a().activityId(), o.b().activityId(),
                        "Suomen- ja ruotsinkieliset ryhmät samaan aikaan tarkoituksella (demo)", coordinator.get(), now);
            }
        });
    }
}
