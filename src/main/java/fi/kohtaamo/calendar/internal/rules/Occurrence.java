package fi.kohtaamo.calendar.internal.rules;

import java.time.LocalDate;
import java.time.ZonedDateTime;

/**
 * One occurrence of an activity as the public calendar shows it.
 *
 * @param originalDate the date the rule gave it (identifies it: the key of a {@link Change} and, in
 *                     feeds, the RECURRENCE-ID/EXDATE)
 * @param date         the date it takes place (differs from {@code originalDate} only when moved)
 * @param start        start in Europe/Helsinki
 * @param end          end in Europe/Helsinki ({@code start} plus the duration in elapsed minutes)
 * @param status       scheduled, cancelled or moved
 * @param reason       null when scheduled as the rule says; otherwise why it is cancelled or moved
 */
public record Occurrence(LocalDate originalDate, LocalDate date, ZonedDateTime start, ZonedDateTime end,
        Status status, CancelReason reason) {

    public enum Status {
        SCHEDULED, CANCELLED, MOVED
    }

    public boolean cancelled() {
        return status == Status.CANCELLED;
    }
}
