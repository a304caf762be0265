package fi.kohtaamo.outreach;

import fi.kohtaamo.shared.LocalizedText;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

/** Outreach as reports see it: the professionals' visits to places in a period. */
public interface OutreachFigures {

    /**
     * How many visits a profession or a topic had; families reached as recorded by the places, protected as a
     * figure about people ({@code familiesHidden}: shown as "&lt;5").
     */
    record Tally(LocalizedText name, long visits, long familiesReached, boolean familiesHidden) {
    }

    /** Visits, by profession and by topic (a visit without a topic is "presence"). */
    record Visits(List<Tally> byProfession, List<Tally> byTopic, long total) {
    }

    /**
     * Confirmed visits to these places in [from, to], except those the place recorded as not having
     * taken place.
     */
    Visits visits(Collection<Long> placeIds, LocalDate from, LocalDate to);
}
