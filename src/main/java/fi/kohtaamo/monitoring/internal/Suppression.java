package fi.kohtaamo.monitoring.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Small-number suppression of a table of counts of people, so that no cell under {@link #THRESHOLD} can
 * be seen or worked out. A table is cells (row, column) with values and sums between them ("the total
 * row is the sum of the rows", "visitors = adults + children"): each {@link Sum} is a total cell and its
 * parts. Every cell below the threshold is suppressed; then, as long as some sum has exactly one
 * suppressed member (which could be recovered by subtraction), the smallest shown part of that sum is
 * suppressed too (or its total, when no part is left). Suppressions only grow, so this ends.
 */
public final class Suppression {

    public static final int THRESHOLD = 5;

    /** A cell of the table. */
    public record Cell(int row, int column) {
    }

    /** A total and the cells that add up to it. */
    public record Sum(Cell total, List<Cell> parts) {
    }

    private Suppression() {
    }

    /** The cells to show as "&lt;5". {@code value} gives a cell's value; {@code sensitive} the cells to check at all. */
    public static Set<Cell> suppress(Set<Cell> sensitive, java.util.function.ToLongFunction<Cell> value, List<Sum> sums) {
        return suppress(sensitive, value, sums, Set.of());
    }

    /** The same, with cells hidden from the start whatever their value (what they would give away is not in a cell). */
    public static Set<Cell> suppress(Set<Cell> sensitive, java.util.function.ToLongFunction<Cell> value, List<Sum> sums,
            Set<Cell> hiddenFirst) {
        Set<Cell> hidden = new HashSet<>(hiddenFirst);
        for (Cell c : sensitive) {
            if (value.applyAsLong(c) < THRESHOLD) {
                hidden.add(c);
            }
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Sum s : sums) {
                List<Cell> members = new ArrayList<>(s.parts());
                members.add(s.total());
                long suppressedMembers = members.stream().filter(hidden::contains).count();
                if (suppressedMembers != 1) {
                    continue;
                }
                Cell next = s.parts().stream().filter(c -> !hidden.contains(c))
                        .min(java.util.Comparator.comparingLong(value).thenComparingInt(Cell::row)
                                .thenComparingInt(Cell::column))
                        .orElse(s.total());
                if (hidden.add(next)) {
                    changed = true;
                }
            }
        }
        return hidden;
    }
}
