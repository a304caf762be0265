package fi.kohtaamo.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kohtaamo.monitoring.internal.ReportService;
import fi.kohtaamo.registry.Registry;
import fi.kohtaamo.shared.Actor;
import fi.kohtaamo.shared.Role;
import fi.kohtaamo.support.IntegrationTest;
import fi.kohtaamo.support.ReportAudit;
import java.time.YearMonth;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The reports' privacy promise, played by an attacker on the demo data ({@link ReportAudit}): a county
 * coordinator asks for every breakdown, filter and period of whole months over a quarter, adds and subtracts, and
 * bounds; no figure hidden as "&lt;5" may come out, and every published figure must be the sum of its
 * place-months' shares. Before the shares (per-table suppression over any days), this attacker worked out hidden
 * figures of the demo county.
 */
@IntegrationTest
class ReportPrivacyAuditTest {

    @Autowired ReportService reports;
    @Autowired Registry registry;
    @Autowired JdbcClient jdbc;
    @Autowired java.util.List<fi.kohtaamo.monitoring.ContributedFigures> contributed;

    @Test
    void noHiddenFigureOfTheDemoCountyCanBeWorkedOutFromAllItsReports() {
        long county = jdbc.sql("""
                select a.county_id from place p join area a on a.id = p.area_id
                where exists (select 1 from visit_count c where c.place_id = p.id and c.demo = true)
                group by a.county_id order by count(*) desc fetch first 1 rows only""").query(Long.class).single();
        Actor coordinator = new Actor(9_900_001L, "Auditor", Role.COUNTY_COORDINATOR, null, Set.of(), county, null, null);
        ReportAudit audit = new ReportAudit(reports, registry, jdbc, contributed);
        ReportAudit.Findings f = audit.attack(coordinator, YearMonth.of(2026, 8), YearMonth.of(2026, 10));
        System.out.println("report audit, contributed figures: " + audit.contributedCells + " published, "
                + audit.contributedHidden + " hidden");
        // the figures other modules contribute (feedback answers) are attacked with the rest
        assertThat(audit.contributedHidden).as("the demo feedback has small figures to protect").isPositive();
        System.out.println("report audit, demo county: " + f.summary());
        assertThat(f.hiddenCells()).as("the demo data has small figures to protect").isGreaterThan(50);
        assertThat(f.notSharesOfPlaceMonths()).as("figures that are not the sum of their place-months' shares").isEmpty();
        assertThat(f.workedOut()).as("hidden figures worked out by adding and subtracting").isEmpty();
        assertThat(f.narrowedByInformedBounds()).as("figures under 5 narrowed by an attacker who knows the method").isEmpty();
        // bounds that take the figures for exact sums: knowledge only where the figures do not contradict them
        if (!f.pinnedByBounds().isEmpty()) {
            assertThat(f.naiveContradictions()).as("hidden figures worked out by bounds " + f.pinnedByBounds()
                    + " on figures that are consistent with exact sums").isPositive();
        }
    }
}
