package fi.kohtaamo.participation.internal.surveys;

import fi.kohtaamo.monitoring.ContributedFigures;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Survey answerings per place and month for the monitoring reports ({@code survey-responses}), raw: the report
 * protects them with {@code shared.SmallNumbers} like its own figures.
 */
@Component
class SurveyFigures implements ContributedFigures {

    static final String KEY = "survey-responses";

    private final SurveyQueries queries;

    SurveyFigures(SurveyQueries queries) {
        this.queries = queries;
    }

    @Override
    public List<String> keys() {
        return List.of(KEY);
    }

    @Override
    public List<PlaceMonthValue> values(Collection<Long> placeIds, YearMonth from, YearMonth to) {
        Map<Long, Map<YearMonth, Long>> sums = new LinkedHashMap<>();
        for (SurveyQueries.PlaceDay d : queries.responsesPerPlaceDay(placeIds, from.atDay(1), to.atEndOfMonth())) {
            sums.computeIfAbsent(d.placeId(), k -> new java.util.TreeMap<>()).merge(YearMonth.from(d.day()), d.count(),
                    Long::sum);
        }
        List<PlaceMonthValue> out = new ArrayList<>();
        sums.forEach((place, months) -> months.forEach((m, v) -> out.add(new PlaceMonthValue(KEY, place, m, v))));
        return out;
    }
}
