package fi.kohtaamo.calendar;

import fi.kohtaamo.shared.LocalizedText;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Public notes that another module adds to single occurrences (e.g. outreach: "Neuvolan
 * terveydenhoitaja paikalla: unipulmat"). The calendar shows them on its pages, in its feeds, the
 * API and the poster, without depending on that module. Implementations must only return what the
 * public may see; their writes must move the public data version (they do when audited).
 */
public interface OccurrenceNotes {

    /** Notes by activity id and the occurrence's original date, for occurrences in [from, to]. */
    Map<Long, Map<LocalDate, List<LocalizedText>>> notes(Collection<Long> activityIds, LocalDate from, LocalDate to);
}
