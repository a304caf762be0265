package fi.kohtaamo.calendar.internal.rules;

import fi.kohtaamo.shared.LocalizedText;
import java.util.Objects;

/**
 * Staff pause a whole series for a period ("tauko 1.–14.3., ohjaaja lomalla"); every occurrence in
 * it is shown as cancelled with this reason, so families see why rather than a gap.
 *
 * @param range  the paused days
 * @param reason what the public reads, in fi/sv/en
 */
public record Pause(DateRange range, LocalizedText reason) {

    public Pause {
        Objects.requireNonNull(range, "range");
        reason = reason == null ? LocalizedText.EMPTY : reason;
    }
}
