package fi.kohtaamo.coordination.internal.signals;

import fi.kohtaamo.coordination.SignalAction;
import fi.kohtaamo.shared.CountyCatalogue.Item;
import fi.kohtaamo.registry.Registry;
import fi.kohtaamo.shared.AccessControl;
import fi.kohtaamo.shared.Actor;
import fi.kohtaamo.shared.LocalizedText;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;

/** The weak signals' summary by theme × area × quarter, which the summary page and its CSV/XLSX show. */
@Service
public class SignalSummary {

    private final SignalQueries queries;
    private final Registry registry;

    SignalSummary(SignalQueries queries, Registry registry) {
        this.queries = queries;
        this.registry = registry;
    }

    /** One line of the summary: a theme in an area, signals per quarter and in all. */
    public record SummaryLine(LocalizedText theme, LocalizedText area, List<Integer> quarters, int total) {
    }

    public record Summary(int year, List<SummaryLine> lines, List<Integer> quarterTotals, int signals) {
    }

    /**
     * Signals of a year in the actor's {@link SignalAction#READ} scope by theme × area × quarter of the date noticed.
     * A signal with two themes and two areas counts in each of the four lines; the total is of distinct signals.
     * These count reports of staff, not people, so no small-number protection applies.
     */
    public Summary summary(Actor actor, int year) {
        var rows = queries.summaryRows(AccessControl.scope(actor, SignalAction.READ), LocalDate.of(year, 1, 1),
                LocalDate.of(year, 12, 31));
        java.util.Map<List<Long>, java.util.Set<Long>[]> cells = new java.util.HashMap<>();
        java.util.Set<Long>[] quarterSignals = newQuarters();
        for (var r : rows) {
            int q = (r.noticedOn().getMonthValue() - 1) / 3;
            cells.computeIfAbsent(List.of(r.themeId(), r.areaId()), k -> newQuarters())[q].add(r.signalId());
            quarterSignals[q].add(r.signalId());
        }
        java.util.Map<Long, LocalizedText> themeNames = new java.util.HashMap<>();
        java.util.Map<Long, LocalizedText> areaNames = new java.util.HashMap<>();
        List<SummaryLine> lines = new ArrayList<>();
        for (var e : cells.entrySet()) {
            long theme = e.getKey().get(0);
            long area = e.getKey().get(1);
            LocalizedText t = themeNames.computeIfAbsent(theme,
                    id -> queries.theme(id).map(Item::name).orElse(LocalizedText.of("?", null, null)));
            LocalizedText a = areaNames.computeIfAbsent(area,
                    id -> registry.area(id).map(Registry.Ref::name).orElse(LocalizedText.of("?", null, null)));
            List<Integer> quarters = java.util.Arrays.stream(e.getValue()).map(java.util.Set::size).toList();
            java.util.Set<Long> all = new java.util.HashSet<>();
            java.util.Arrays.stream(e.getValue()).forEach(all::addAll);
            lines.add(new SummaryLine(t, a, quarters, all.size()));
        }
        lines.sort(java.util.Comparator.comparing((SummaryLine l) -> String.valueOf(l.theme().fi()))
                .thenComparing(l -> String.valueOf(l.area().fi())));
        java.util.Set<Long> distinct = new java.util.HashSet<>();
        java.util.Arrays.stream(quarterSignals).forEach(distinct::addAll);
        return new Summary(year, lines, java.util.Arrays.stream(quarterSignals).map(java.util.Set::size).toList(),
                distinct.size());
    }

    @SuppressWarnings("unchecked")
    private static java.util.Set<Long>[] newQuarters() {
        java.util.Set<Long>[] q = new java.util.Set[4];
        for (int i = 0; i < 4; i++) {
            q[i] = new java.util.HashSet<>();
        }
        return q;
    }
}
