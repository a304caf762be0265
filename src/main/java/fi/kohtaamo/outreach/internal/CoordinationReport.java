package fi.kohtaamo.outreach.internal;

import fi.kohtaamo.outreach.OutreachAction;
import fi.kohtaamo.registry.Registry;
import fi.kohtaamo.shared.AccessControl;
import fi.kohtaamo.shared.Actor;
import fi.kohtaamo.shared.ClockConfig;
import fi.kohtaamo.shared.KohtaamoException;
import fi.kohtaamo.shared.LocalizedText;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The coordination view of outreach: where visits go and where they do not. Coordinators use it to
 * steer partners towards places nobody visits, to see which professions and topics reach families,
 * and which partners take part. Everything is counted for the places in the actor's scope only, by
 * the start of the visit's slot in Europe/Helsinki (a visit at 0.30 on the 1st belongs to that month,
 * although it is still the previous month in UTC).
 *
 * <p>A confirmed visit that staff recorded as not having happened ({@code happened = false}) is counted
 * in the grid (shown apart) but does not keep a place off the list of places without visits.
 */
@Service
public class CoordinationReport {

    public static final int DEFAULT_MONTHS = 6;
    public static final int DEFAULT_IDLE_MONTHS = 6;
    public static final int MAX_MONTHS = 24;

    private final CoordinationQueries queries;
    private final Registry registry;
    private final Clock clock;
    private final fi.kohtaamo.shared.SmallNumbers small;

    CoordinationReport(CoordinationQueries queries, Registry registry, Clock clock, fi.kohtaamo.shared.SmallNumbers small) {
        this.small = small;
        this.queries = queries;
        this.registry = registry;
        this.clock = clock;
    }

    /** The view's numbers. {@code months} lists the grid's months in order; the cells follow it. */
    public record Report(YearMonth from, int monthCount, int idleMonths, LocalDate idleSince, List<YearMonth> months,
            List<PlaceRow> grid, List<Integer> monthTotals, int total, int totalNotHappened, List<IdlePlace> idle,
            List<Count> professions, List<Count> topics, int presenceOnly, List<PartnerRow> partners) {
    }

    /** Confirmed visits in a month at a place; {@code notHappened} of them were recorded as not having happened. */
    public record Cell(int confirmed, int notHappened) {
    }

    public record PlaceRow(Registry.StaffPlace place, List<Cell> cells, int total, int notHappened) {
    }

    /** A place without a (happened or not yet recorded) confirmed visit since {@code idleSince}; {@code lastVisit} may be null. */
    public record IdlePlace(Registry.StaffPlace place, LocalDate lastVisit) {
    }

    /** Confirmed visits in the period with one profession or topic. */
    public record Count(long id, LocalizedText name, int confirmed) {
    }

    /**
     * What one partner organisation did at the places in scope in the period; families reached protected as a
     * figure about people ({@link FamiliesReached}; {@code familiesHidden}: shown as "&lt;5").
     */
    public record PartnerRow(long organisationId, LocalizedText name, int booked, int confirmed, int cancelledByPartner,
            int declined, int happened, int familiesReached, boolean familiesHidden) {
    }

    /** The current month in Finland. */
    public YearMonth currentMonth() {
        return YearMonth.from(LocalDate.now(clock.withZone(ClockConfig.ZONE)));
    }

    @Transactional(readOnly = true)
    public Report report(Actor actor, YearMonth from, int monthCount, int idleMonths) {
        if (!AccessControl.mayEver(actor, OutreachAction.COORDINATION_VIEW)) {
            throw new KohtaamoException.Forbidden(OutreachAction.COORDINATION_VIEW.name());
        }
        if (monthCount < 1 || monthCount > MAX_MONTHS) {
            throw new KohtaamoException.BadParameter("months");
        }
        if (idleMonths < 1 || idleMonths > MAX_MONTHS) {
            throw new KohtaamoException.BadParameter("idle");
        }
        List<Registry.StaffPlace> places = registry.placesInScope(
                AccessControl.scope(actor, OutreachAction.COORDINATION_VIEW));
        List<Long> placeIds = places.stream().map(Registry.StaffPlace::id).toList();

        List<YearMonth> months = new ArrayList<>();
        for (int i = 0; i < monthCount; i++) {
            months.add(from.plusMonths(i));
        }
        Instant start = from.atDay(1).atStartOfDay(ClockConfig.ZONE).toInstant();
        Instant end = from.plusMonths(monthCount).atDay(1).atStartOfDay(ClockConfig.ZONE).toInstant();
        List<CoordinationQueries.VisitRow> visits = queries.visits(placeIds, start, end);

        // ---- places × months: confirmed visits
        Map<Long, int[]> confirmed = new HashMap<>();
        Map<Long, int[]> failed = new HashMap<>();
        for (CoordinationQueries.VisitRow v : visits) {
            if (!v.confirmed()) {
                continue;
            }
            int m = (int) java.time.temporal.ChronoUnit.MONTHS.between(from, YearMonth.from(v.startsAt().atZone(ClockConfig.ZONE)));
            confirmed.computeIfAbsent(v.placeId(), k -> new int[monthCount])[m]++;
            if (Boolean.FALSE.equals(v.happened())) {
                failed.computeIfAbsent(v.placeId(), k -> new int[monthCount])[m]++;
            }
        }
        List<PlaceRow> grid = new ArrayList<>();
        int[] monthTotals = new int[monthCount];
        int total = 0;
        int totalFailed = 0;
        for (Registry.StaffPlace p : places) {
            int[] c = confirmed.getOrDefault(p.id(), new int[monthCount]);
            int[] f = failed.getOrDefault(p.id(), new int[monthCount]);
            List<Cell> cells = new ArrayList<>();
            int rowTotal = 0;
            int rowFailed = 0;
            for (int i = 0; i < monthCount; i++) {
                cells.add(new Cell(c[i], f[i]));
                rowTotal += c[i];
                rowFailed += f[i];
                monthTotals[i] += c[i];
            }
            total += rowTotal;
            totalFailed += rowFailed;
            grid.add(new PlaceRow(p, List.copyOf(cells), rowTotal, rowFailed));
        }

        // ---- places without a visit in the last N months
        LocalDate today = LocalDate.now(clock.withZone(ClockConfig.ZONE));
        LocalDate idleSince = today.minusMonths(idleMonths);
        Instant idleStart = idleSince.atStartOfDay(ClockConfig.ZONE).toInstant();
        Map<Long, Instant> last = queries.lastConfirmedVisit(placeIds, clock.instant());
        List<IdlePlace> idle = new ArrayList<>();
        for (Registry.StaffPlace p : places) {
            Instant l = last.get(p.id());
            if (l == null || l.isBefore(idleStart)) {
                idle.add(new IdlePlace(p, l == null ? null : l.atZone(ClockConfig.ZONE).toLocalDate()));
            }
        }
        // never visited first, then the longest ago
        idle.sort(Comparator.comparing(IdlePlace::lastVisit, Comparator.nullsFirst(Comparator.naturalOrder())));

        // ---- professions and topics of confirmed visits
        Map<Long, Integer> byProfession = new HashMap<>();
        Map<Long, Integer> byTopic = new HashMap<>();
        int presenceOnly = 0;
        for (CoordinationQueries.VisitRow v : visits) {
            if (!v.confirmed()) {
                continue;
            }
            byProfession.merge(v.professionId(), 1, Integer::sum);
            if (v.topicId() == null) {
                presenceOnly++;
            } else {
                byTopic.merge(v.topicId(), 1, Integer::sum);
            }
        }
        List<Count> professions = counts(byProfession,
                queries.names(OutreachQueries.Catalogue.PROFESSION, byProfession.keySet()));
        List<Count> topics = counts(byTopic, queries.names(OutreachQueries.Catalogue.TOPIC, byTopic.keySet()));

        // ---- partners
        Map<Long, int[]> byPartner = new TreeMap<>();
        for (CoordinationQueries.VisitRow v : visits) {
            int[] a = byPartner.computeIfAbsent(v.partnerOrgId(), k -> new int[6]);
            a[0]++;
            if (v.confirmed()) {
                a[1]++;
            }
            if ("CANCELLED".equals(v.status()) && "PARTNER".equals(v.cancelledBy())) {
                a[2]++;
            }
            if ("DECLINED".equals(v.status())) {
                a[3]++;
            }
            if (Boolean.TRUE.equals(v.happened())) {
                a[4]++;
            }
        }
        Map<Long, fi.kohtaamo.shared.SmallNumbers.Sum> families = FamiliesReached.sum(small, visits,
                CoordinationQueries.VisitRow::partnerOrgId);
        List<PartnerRow> partners = new ArrayList<>();
        byPartner.forEach((org, a) -> {
            var f = families.getOrDefault(org, new fi.kohtaamo.shared.SmallNumbers.Sum());
            partners.add(new PartnerRow(org, registry.organisation(org).map(Registry.Ref::name).orElse(LocalizedText.EMPTY),
                    a[0], a[1], a[2], a[3], a[4], (int) f.value(), f.hidden()));
        });
        partners.sort(Comparator.comparing((PartnerRow r) -> -r.booked()).thenComparing(r -> nameKey(r.name()))
                .thenComparing(PartnerRow::organisationId));

        return new Report(from, monthCount, idleMonths, idleSince, List.copyOf(months), List.copyOf(grid),
                java.util.Arrays.stream(monthTotals).boxed().toList(), total, totalFailed, List.copyOf(idle),
                professions, topics, presenceOnly, List.copyOf(partners));
    }

    /** Counts with their names, the most frequent first, then by name. */
    private static List<Count> counts(Map<Long, Integer> counts, Map<Long, LocalizedText> names) {
        List<Count> out = new ArrayList<>();
        counts.forEach((id, n) -> out.add(new Count(id, names.getOrDefault(id, LocalizedText.EMPTY), n)));
        out.sort(Comparator.comparing((Count c) -> -c.confirmed()).thenComparing(c -> nameKey(c.name()))
                .thenComparing(Count::id));
        return List.copyOf(out);
    }

    private static String nameKey(LocalizedText name) {
        return name.get(fi.kohtaamo.shared.Lang.FI).toLowerCase(java.util.Locale.ROOT);
    }
}
