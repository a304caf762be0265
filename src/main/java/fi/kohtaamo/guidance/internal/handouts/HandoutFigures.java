package fi.kohtaamo.guidance.internal.handouts;

import fi.kohtaamo.monitoring.ContributedFigures;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Handouts as figures the monitoring reports show beside the visit counts ({@code handout-families}: families
 * guided to the meeting places by services, per place and month, protected there by {@code shared.SmallNumbers} like
 * every figure about people), and the same by the professional's service type ({@code GuidedByServices}: the
 * report's referral table, beside the families the places guided onward). A handout is one family and is counted once, at its first place, so sums over places,
 * areas and months never count a family twice for one handout.
 */
@Component
class HandoutFigures implements ContributedFigures, fi.kohtaamo.monitoring.GuidedByServices {

    static final String FAMILIES = "handout-families";

    private final HandoutQueries queries;

    HandoutFigures(HandoutQueries queries) {
        this.queries = queries;
    }

    @Override
    public List<String> keys() {
        return List.of(FAMILIES);
    }

    @Override
    public List<PlaceMonthValue> values(Collection<Long> placeIds, YearMonth from, YearMonth to) {
        Map<String, Long> sums = new LinkedHashMap<>();
        Map<String, HandoutQueries.PlaceMonth> keys = new LinkedHashMap<>();
        for (HandoutQueries.PlaceMonth pm : queries.placeMonths(placeIds, from, to)) {
            String k = pm.placeId() + "|" + pm.month();
            sums.merge(k, pm.handouts(), Long::sum);
            keys.putIfAbsent(k, pm);
        }
        List<PlaceMonthValue> out = new ArrayList<>();
        sums.forEach((k, v) -> out.add(new PlaceMonthValue(FAMILIES, keys.get(k).placeId(), keys.get(k).month(), v)));
        return out;
    }

    @Override
    public List<PlaceMonthValue> byServiceType(Collection<Long> placeIds, YearMonth from, YearMonth to) {
        return queries.placeMonths(placeIds, from, to).stream()
                .map(pm -> new PlaceMonthValue(pm.serviceType(), pm.placeId(), pm.month(), pm.handouts())).toList();
    }
}
