package fi.kohtaamo.outreach.internal;

import fi.kohtaamo.shared.ClockConfig;
import fi.kohtaamo.shared.SmallNumbers;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Families reached by outreach visits are figures about people: they are protected by {@link SmallNumbers} like
 * the visit counts of monitoring. The unit is a place's month of one profession, topic and partner (every table
 * that shows families reached, in reports and in the coordination view, breaks them down by some of these, so
 * each of its figures is a sum of whole units); only visits recorded as having happened count. The number of
 * visits is not protected: it is the professionals' work, and confirmed visits are public in the family calendar.
 */
final class FamiliesReached {

    private FamiliesReached() {
    }

    private record Unit(long place, YearMonth month, long profession, Long topic, long partner) {

        String name() {
            return "FAMILIES_REACHED|" + place + "|" + (month.getYear() * 100 + month.getMonthValue()) + "|" + profession
                    + "|" + (topic == null ? "-" : topic) + "|" + partner;
        }
    }

    /** The protected families reached of these visits, summed by {@code key} of a visit (null: left out). */
    static <K> Map<K, SmallNumbers.Sum> sum(SmallNumbers small, List<CoordinationQueries.VisitRow> visits,
            Function<CoordinationQueries.VisitRow, K> key) {
        Map<Unit, long[]> units = new HashMap<>();
        Map<Unit, CoordinationQueries.VisitRow> example = new HashMap<>();
        for (CoordinationQueries.VisitRow v : visits) {
            if (!v.confirmed() || !Boolean.TRUE.equals(v.happened()) || v.familiesReached() == null) {
                continue;
            }
            Unit u = new Unit(v.placeId(), YearMonth.from(v.startsAt().atZone(ClockConfig.ZONE)), v.professionId(),
                    v.topicId(), v.partnerOrgId());
            units.computeIfAbsent(u, k -> new long[1])[0] += v.familiesReached();
            example.putIfAbsent(u, v);
        }
        Map<K, SmallNumbers.Sum> out = new HashMap<>();
        units.forEach((u, families) -> {
            K k = key.apply(example.get(u));
            if (k != null) {
                out.computeIfAbsent(k, x -> new SmallNumbers.Sum()).add(families[0], small.share(families[0], u.name()));
            }
        });
        return out;
    }
}
