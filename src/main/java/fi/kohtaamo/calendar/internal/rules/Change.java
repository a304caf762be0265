package fi.kohtaamo.calendar.internal.rules;

import fi.kohtaamo.shared.LocalizedText;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Objects;

/**
 * What staff did to one occurrence of a series, keyed in {@link Plan#changes()} by the date the rule
 * gave it. The reason is public: a family that finds the door closed should have read why.
 *
 * @param type            cancelled or moved
 * @param date            MOVED: the new date, or null for the same date
 * @param start           MOVED: the new local start time, or null for the rule's time
 * @param durationMinutes MOVED: the new length in minutes, or null for the rule's length
 * @param reason          what the public reads, in fi/sv/en
 */
public record Change(Type type, LocalDate date, LocalTime start, Integer durationMinutes, LocalizedText reason) {

    public enum Type {
        CANCELLED, MOVED
    }

    public Change {
        Objects.requireNonNull(type, "type");
        reason = reason == null ? LocalizedText.EMPTY : reason;
        if (type == Type.CANCELLED && (date != null || start != null || durationMinutes != null)) {
            throw new IllegalArgumentException("a cancellation has no new date, time or duration");
        }
        if (durationMinutes != null && (durationMinutes < 1 || durationMinutes > Schedule.MAX_DURATION_MINUTES)) {
            throw new IllegalArgumentException("duration out of range: " + durationMinutes);
        }
    }

    public static Change cancelled(LocalizedText reason) {
        return new Change(Type.CANCELLED, null, null, null, reason);
    }

    /** Moved to another date, time and/or length; a null part stays as the rule has it. */
    public static Change moved(LocalDate date, LocalTime start, Integer durationMinutes, LocalizedText reason) {
        return new Change(Type.MOVED, date, start, durationMinutes, reason);
    }
}
