package fi.kohtaamo.outreach.internal;

import fi.kohtaamo.calendar.OccurrenceNotes;
import fi.kohtaamo.shared.LocalizedText;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Confirmed visits on the public calendar's occurrences ("Neuvolan terveydenhoitaja paikalla: unipulmat"). */
@Component
class VisitNotes implements OccurrenceNotes {

    private final OutreachQueries queries;
    private final VisitMails texts;

    VisitNotes(OutreachQueries queries, VisitMails texts) {
        this.queries = queries;
        this.texts = texts;
    }

    @Override
    public Map<Long, Map<LocalDate, List<LocalizedText>>> notes(Collection<Long> activityIds, LocalDate from,
            LocalDate to) {
        Map<Long, Map<LocalDate, List<LocalizedText>>> out = new HashMap<>();
        Map<String, LocalizedText> names = new HashMap<>();
        for (OutreachQueries.Visit v : queries.confirmedOfActivities(activityIds, from, to)) {
            out.computeIfAbsent(v.activityId(), k -> new HashMap<>()).computeIfAbsent(v.originalDate(), k -> new ArrayList<>())
                    .add(texts.note(v, names));
        }
        return out;
    }
}
