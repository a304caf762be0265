package fi.kohtaamo.monitoring.internal;

import fi.kohtaamo.monitoring.GuidedByServices;
import fi.kohtaamo.monitoring.internal.ReportService.Period;
import fi.kohtaamo.shared.SmallNumbers;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** A report's families sent to the places by services ({@link GuidedByServices}: guidance's handouts). */
@Component
class ReportGuided {

    private final List<GuidedByServices> guided;
    private final SmallNumbers small;

    ReportGuided(List<GuidedByServices> guided, SmallNumbers small) {
        this.guided = guided;
        this.small = small;
    }

    /**
     * Families the services sent to the places, by service type: each place-month-type a unit of
     * {@code shared.SmallNumbers}, summed by type.
     */
    Map<String, fi.kohtaamo.shared.SmallNumbers.Sum> byServiceType(List<Long> placeIds, Period period) {
        Map<String, fi.kohtaamo.shared.SmallNumbers.Sum> out = new java.util.TreeMap<>();
        if (placeIds.isEmpty()) {
            return out;
        }
        YearMonth from = YearMonth.from(period.from());
        YearMonth to = YearMonth.from(period.to());
        for (fi.kohtaamo.monitoring.GuidedByServices source : guided) {
            for (var v : source.byServiceType(placeIds, from, to)) {
                if (v.month().isBefore(from) || v.month().isAfter(to) || v.value() <= 0) {
                    continue;
                }
                out.computeIfAbsent(v.key(), k -> new fi.kohtaamo.shared.SmallNumbers.Sum()).add(v.value(),
                        small.share(v.value(), ReportFigures.unit("GUIDED_" + v.key(), v.placeId(),
                                v.month().getYear() * 100 + v.month().getMonthValue())));
            }
        }
        return out;
    }
}
