package fi.kohtaamo.outreach.internal;

import fi.kohtaamo.outreach.OutreachFigures;
import fi.kohtaamo.shared.ClockConfig;
import fi.kohtaamo.shared.LocalizedText;
import fi.kohtaamo.shared.SmallNumbers;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The outreach figures of reports, by profession and topic: visits counted from the visit rows of the period
 * (confirmed, not recorded as fallen through), families reached protected as figures about people
 * ({@link FamiliesReached}, the same units as the coordination view's).
 */
@Component
class OutreachFiguresQueries implements OutreachFigures {

    private final CoordinationQueries queries;
    private final SmallNumbers small;
    private final org.springframework.context.MessageSource messages;

    OutreachFiguresQueries(CoordinationQueries queries, SmallNumbers small, org.springframework.context.MessageSource messages) {
        this.queries = queries;
        this.small = small;
        this.messages = messages;
    }

    @Override
    public Visits visits(Collection<Long> placeIds, LocalDate from, LocalDate to) {
        List<CoordinationQueries.VisitRow> rows = queries.visits(placeIds, from.atStartOfDay(ClockConfig.ZONE).toInstant(),
                to.plusDays(1).atStartOfDay(ClockConfig.ZONE).toInstant());
        Map<Long, long[]> professions = new HashMap<>();
        Map<Long, long[]> topics = new HashMap<>();
        long total = 0;
        for (CoordinationQueries.VisitRow v : rows) {
            if (v.confirmedNotFailed()) {
                professions.computeIfAbsent(v.professionId(), k -> new long[1])[0]++;
                topics.computeIfAbsent(v.topicId() == null ? -1L : v.topicId(), k -> new long[1])[0]++;
                total++;
            }
        }
        Map<Long, SmallNumbers.Sum> familiesByProfession = FamiliesReached.sum(small, rows,
                CoordinationQueries.VisitRow::professionId);
        Map<Long, SmallNumbers.Sum> familiesByTopic = FamiliesReached.sum(small, rows,
                v -> v.topicId() == null ? -1L : v.topicId());
        Map<Long, LocalizedText> professionNames = queries.names(OutreachQueries.Catalogue.PROFESSION, professions.keySet());
        Map<Long, LocalizedText> topicNames = new HashMap<>(queries.names(OutreachQueries.Catalogue.TOPIC, topics.keySet()));
        topicNames.put(-1L, presence());
        return new Visits(tallies(professions, familiesByProfession, professionNames),
                tallies(topics, familiesByTopic, topicNames), total);
    }

    private LocalizedText presence() {
        return LocalizedText.of(messages.getMessage("outreach.format.PRESENCE", null, fi.kohtaamo.shared.Lang.FI.locale()),
                messages.getMessage("outreach.format.PRESENCE", null, fi.kohtaamo.shared.Lang.SV.locale()),
                messages.getMessage("outreach.format.PRESENCE", null, fi.kohtaamo.shared.Lang.EN.locale()));
    }

    private static List<Tally> tallies(Map<Long, long[]> visits, Map<Long, SmallNumbers.Sum> families,
            Map<Long, LocalizedText> names) {
        List<Tally> out = new ArrayList<>();
        visits.forEach((k, v) -> {
            SmallNumbers.Sum f = families.getOrDefault(k, new SmallNumbers.Sum());
            out.add(new Tally(names.getOrDefault(k, LocalizedText.EMPTY), v[0], f.value(), f.hidden()));
        });
        out.sort(Comparator.comparingLong(Tally::visits).reversed().thenComparing(t -> t.name().fi() == null ? "" : t.name().fi()));
        return out;
    }
}
