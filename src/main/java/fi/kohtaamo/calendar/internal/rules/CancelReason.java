package fi.kohtaamo.calendar.internal.rules;

import fi.kohtaamo.shared.LocalizedText;
import java.util.Objects;

/**
 * Why an occurrence is not as the rule says, for the public calendar ("Peruttu: Helatorstai").
 *
 * @param type what caused it
 * @param text what the public reads: a holiday's name, the school-holiday text, or the reason
 *             staff gave for a pause, cancellation or move
 */
public record CancelReason(Type type, LocalizedText text) {

    public enum Type {
        /** A Finnish public holiday or de facto day off ({@link FinnishHolidays}). */
        HOLIDAY,
        /** A school holiday of the activity's municipality and school language. */
        SCHOOL_HOLIDAY,
        /** Staff paused the series for a period. */
        PAUSE,
        /** Staff cancelled this one occurrence. */
        CANCELLED,
        /** Staff moved this one occurrence (the occurrence is not cancelled; this is the why). */
        MOVED
    }

    /** The text of a school-holiday cancellation; periods carry no name of their own. */
    public static final LocalizedText SCHOOL_HOLIDAY_TEXT = LocalizedText.of("Koulujen loma", "Skollov", "School holiday");

    public CancelReason {
        Objects.requireNonNull(type, "type");
        text = text == null ? LocalizedText.EMPTY : text;
    }
}
