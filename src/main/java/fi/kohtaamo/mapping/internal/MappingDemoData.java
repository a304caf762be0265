package fi.kohtaamo.mapping.internal;

import fi.kohtaamo.identity.StaffDirectory;
import fi.kohtaamo.mapping.internal.MappingModel.Answer;
import fi.kohtaamo.mapping.internal.MappingModel.NameType;
import fi.kohtaamo.mapping.internal.MappingModel.Round;
import fi.kohtaamo.mapping.internal.MappingModel.Values;
import fi.kohtaamo.registry.Registry;
import fi.kohtaamo.shared.DemoData;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Länsi-Uusimaa's mapping rounds: last year's, closed and answered by every place, and this year's, open with its
 * deadline ten days ahead and about half the places answered (prefilled values, the visits not counted asked with a
 * figure of the place's own), so that the summary stands beside the previous round.
 */
@Component
@Order(170)
class MappingDemoData implements DemoData {

    private final MappingService service;
    private final MappingQueries queries;
    private final Registry registry;
    private final StaffDirectory staff;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final TransactionTemplate tx;

    MappingDemoData(MappingService service, MappingQueries queries, Registry registry, StaffDirectory staff,
            JdbcClient jdbc, Clock clock, TransactionTemplate tx) {
        this.service = service;
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
            if (county.isEmpty() || jdbc.sql("select count(*) from mapping_round where county_id = :c")
                    .param("c", county.get()).query(Long.class).single() > 0) {
                return;
            }
            long by = staff.byEmail("koordinaattori@demo.kohtaamo.fi").map(StaffDirectory.Person::id).orElse(0L);
            LocalDate today = service.today();
            int year = today.getYear();
            long last = service.create(county.get(), null, "Kohtaamispaikkakartoitus " + (year - 1),
                    today.minusYears(1).minusDays(14), today.minusYears(1).plusDays(16), true);
            answerAll(queries.round(last).orElseThrow(), by, 1, 0.85);
            queries.closeRound(last, 0);
            long now = service.create(county.get(), null, "Kohtaamispaikkakartoitus " + year, today.minusDays(14),
                    today.plusDays(10), true);
            answerAll(queries.round(now).orElseThrow(), by, 2, 1.0);
        });
    }

    /** Answers every {@code every}-th questionnaire of a round with its prefill (visits scaled by {@code visits}). */
    private void answerAll(Round r, long by, int every, double visits) {
        List<Answer> answers = queries.answers(r.id());
        for (int i = 0; i < answers.size(); i += every) {
            Answer a = answers.get(i);
            Values p = service.prefill(r, a, service.profile(a));
            int asked = 40 + (int) ((a.placeId() * 137) % 900);
            Values v = new Values(p.nameType() == null ? NameType.values()[(int) (a.placeId() % 7)] : p.nameType(),
                    p.targetGroups(), (int) Math.round((p.monthlyVisits() == null ? asked : p.monthlyVisits()) * visits),
                    p.visitsCounted(), p.employees(), p.wageSubsidyStaff(), p.interns(), p.volunteers(), p.activities(),
                    p.openingDays(), p.evenings(), p.weekends(), p.premisesType(), p.premisesOwnership(),
                    p.fullyAccessible(), p.partnerIds(), p.partnersText(), p.funding());
            queries.saveAnswer(a.id(), a.version(), v, by, clock.instant().minus(i % 9 + 1, ChronoUnit.DAYS));
        }
    }
}
