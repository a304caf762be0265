package fi.kohtaamo.calendar.internal.rules;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A period of whole days, both ends inclusive, as people say them ("syysloma 12.–18.10.").
 *
 * @param start first day
 * @param end   last day, not before {@code start}
 */
public record DateRange(LocalDate start, LocalDate end) {

    public DateRange {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("end " + end + " before start " + start);
        }
    }

    public static DateRange of(LocalDate start, LocalDate end) {
        return new DateRange(start, end);
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(start) && !date.isAfter(end);
    }
}
