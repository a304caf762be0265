package fi.kohtaamo.monitoring.internal;

import fi.kohtaamo.monitoring.ContributedFigures;
import fi.kohtaamo.shared.LocalizedText;
import fi.kohtaamo.shared.SmallNumbers;
import java.time.YearMonth;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The figures other modules contribute ({@link ContributedFigures}: participation's feedback answers, survey
 * responses), protected exactly as the visit figures are: each key's count at a place in a month is a unit
 * ({@code key|place|yyyymm}) whose share (its value, or 0 or 5 for 1–4) is what every row, total and previous total
 * sums, shown as "&lt;5" by the same rule ({@link SmallNumbers.Sum#hidden()}).
 */
public final class ReportContributed {

    private ReportContributed() {
    }

    /**
     * The contributed figures of a report: the keys in order with their labels, per breakdown row (in the report's
     * row order) the values and which are hidden, the total and the previous period's total.
     */
    public record Table(List<String> keys, Map<String, LocalizedText> labels, List<Map<String, Long>> rows,
            Set<ReportService.Cell> hidden, Map<String, Long> total, Set<String> hiddenTotal,
            Map<String, Long> previous, Set<String> hiddenPrevious) {

        static final Table EMPTY = new Table(List.of(), Map.of(), List.of(), Set.of(), Map.of(), Set.of(), Map.of(),
                Set.of());

        /** Whether a row's (-1: the total) figure of the key is shown as "&lt;5". */
        public boolean hidden(int row, String key) {
            return row < 0 ? hiddenTotal.contains(key) : hidden.contains(new ReportService.Cell(row, keys.indexOf(key)));
        }

        public boolean isEmpty() {
            return keys.isEmpty();
        }
    }

    /** The keys in the order the contributing modules give them. */
    static List<String> keys(List<ContributedFigures> sources) {
        return sources.stream().flatMap(s -> s.keys().stream()).distinct().toList();
    }

    /** The name of a unit, as ReportFigures names the visit figures' units. */
    static String unit(String key, long place, YearMonth month) {
        return ReportFigures.unit(key, place, month.getYear() * 100 + month.getMonthValue());
    }

    /** Per place, per key: the sum of the place's months' shares over the period. */
    static Map<Long, Map<String, SmallNumbers.Sum>> load(List<ContributedFigures> sources, SmallNumbers small,
            Collection<Long> placeIds, ReportService.Period period) {
        Map<Long, Map<String, SmallNumbers.Sum>> out = new HashMap<>();
        if (placeIds.isEmpty()) {
            return out;
        }
        YearMonth from = YearMonth.from(period.from());
        YearMonth to = YearMonth.from(period.to());
        for (ContributedFigures source : sources) {
            Set<String> keys = Set.copyOf(source.keys());
            for (ContributedFigures.PlaceMonthValue v : source.values(placeIds, from, to)) {
                if (!keys.contains(v.key()) || v.month().isBefore(from) || v.month().isAfter(to) || v.value() <= 0) {
                    continue;
                }
                out.computeIfAbsent(v.placeId(), k -> new LinkedHashMap<>())
                        .computeIfAbsent(v.key(), k -> new SmallNumbers.Sum())
                        .add(v.value(), small.share(v.value(), unit(v.key(), v.placeId(), v.month())));
            }
        }
        return out;
    }

    /** Adds a place's sums into a group's. */
    static void add(Map<String, SmallNumbers.Sum> into, Map<String, SmallNumbers.Sum> place) {
        if (place != null) {
            place.forEach((k, s) -> into.computeIfAbsent(k, x -> new SmallNumbers.Sum()).add(s));
        }
    }

    /** The published values of a group's sums, every key present (absent: 0). */
    static Map<String, Long> values(List<String> keys, Map<String, SmallNumbers.Sum> sums) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (String k : keys) {
            SmallNumbers.Sum s = sums.get(k);
            out.put(k, s == null ? 0L : s.value());
        }
        return out;
    }

    static Set<String> hidden(List<String> keys, Map<String, SmallNumbers.Sum> sums) {
        return keys.stream().filter(k -> sums.containsKey(k) && sums.get(k).hidden())
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /**
     * The table of a report's contributed figures: the rows by the breakdown (with their hidden cells), and the total
     * and the previous period's total over the places; labelled by the messages {@code report.figure.<key>}.
     */
    static Table table(List<String> keys, java.util.function.Function<String, LocalizedText> message,
            List<Map<String, Long>> rows, Set<ReportService.Cell> hidden, List<Long> placeIds,
            Map<Long, Map<String, SmallNumbers.Sum>> now, Map<Long, Map<String, SmallNumbers.Sum>> before) {
        if (keys.isEmpty()) {
            return Table.EMPTY;
        }
        Map<String, SmallNumbers.Sum> total = new java.util.LinkedHashMap<>();
        Map<String, SmallNumbers.Sum> previous = new java.util.LinkedHashMap<>();
        for (long p : placeIds) {
            add(total, now.get(p));
            add(previous, before.get(p));
        }
        Map<String, LocalizedText> labels = new java.util.LinkedHashMap<>();
        keys.forEach(k -> labels.put(k, message.apply("report.figure." + k)));
        return new Table(keys, Map.copyOf(labels), List.copyOf(rows), Set.copyOf(hidden), values(keys, total),
                hidden(keys, total), values(keys, previous), hidden(keys, previous));
    }
}
