package fi.kohtaamo.planning.internal;

import fi.kohtaamo.audit.AuditLog;
import fi.kohtaamo.planning.PlanningAction;
import fi.kohtaamo.planning.internal.TimetableQueries.Population;
import fi.kohtaamo.planning.internal.TimetableService.Region;
import fi.kohtaamo.registry.OpeningHours;
import fi.kohtaamo.registry.Registry;
import fi.kohtaamo.shared.AccessControl;
import fi.kohtaamo.shared.Actor;
import fi.kohtaamo.shared.LocalizedText;
import fi.kohtaamo.shared.Target;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Coverage against children: weekly open hours (the places' opening hours this week) and sessions (the timetable's
 * held sessions per week) per 100 children under school age, per municipality and area. Children: the county's
 * latest year of figures; an area without its own figure gets the sum of the municipalities its places are in
 * (marked as derived, since a municipality can be split between areas).
 */
@Service
public class CoverageService {

    private final TimetableService planning;
    private final TimetableQueries queries;
    private final Registry registry;
    private final AuditLog audit;

    CoverageService(TimetableService planning, TimetableQueries queries, Registry registry, AuditLog audit) {
        this.planning = planning;
        this.queries = queries;
        this.registry = registry;
        this.audit = audit;
    }

    public record Row(String code, LocalizedText name, double openHours, double sessions, Integer children, Integer year,
            boolean demo, boolean derived) {

        public Double hoursPer100() {
            return children == null || children == 0 ? null : Math.round(openHours * 1000.0 / children) / 10.0;
        }

        public Double sessionsPer100() {
            return children == null || children == 0 ? null : Math.round(sessions * 1000.0 / children) / 10.0;
        }
    }

    public record Coverage(List<Row> municipalities, List<Row> areas, boolean anyDemo) {
    }

    Coverage coverage(Region region, int weeks) {
        Timetable t = planning.timetable(region, planning.monday(), weeks);
        List<Registry.ReportPlace> places = registry.reportPlaces(region.scope()).stream()
                .filter(Registry.ReportPlace::published).toList();
        Map<String, Double> hoursByMunicipality = new HashMap<>();
        Map<Long, Double> hoursByArea = new HashMap<>();
        Map<Long, Set<String>> municipalitiesOfArea = new HashMap<>();
        for (Registry.ReportPlace p : places) {
            double h = 0;
            for (OpeningHours o : registry.openingHours(p.id(), planning.monday())) {
                h += Math.max(0, Duration.between(o.opens(), o.closes()).toMinutes()) / 60.0;
            }
            hoursByMunicipality.merge(p.municipalityCode(), h, Double::sum);
            hoursByArea.merge(p.areaId(), h, Double::sum);
            municipalitiesOfArea.computeIfAbsent(p.areaId(), k -> new TreeSet<>()).add(p.municipalityCode());
        }
        Map<String, Double> sessionsByMunicipality = new HashMap<>();
        Map<Long, Double> sessionsByArea = new HashMap<>();
        for (Timetable.Slot s : t.slots()) {
            double perWeek = s.sessions().size() / (double) weeks;
            sessionsByMunicipality.merge(s.municipalityCode(), perWeek, Double::sum);
            sessionsByArea.merge(s.areaId(), perWeek, Double::sum);
        }
        Map<String, int[]> children = new HashMap<>();
        Map<String, Boolean> demo = new HashMap<>();
        Integer year = null;
        for (Population p : queries.latestPopulation(region.countyId())) {
            String key = p.regionKind() + "|" + p.regionCode();
            children.computeIfAbsent(key, k -> new int[1])[0] += p.children();
            demo.merge(key, p.demo(), Boolean::logicalOr);
            year = p.statYear();
        }
        List<Row> municipalities = new ArrayList<>();
        for (Registry.MunicipalityRef m : registry.municipalities(region.countyId())) {
            if (region.areaId() != null && municipalitiesOfArea.values().stream().noneMatch(s -> s.contains(m.code()))) {
                continue;
            }
            int[] c = children.get("MUNICIPALITY|" + m.code());
            municipalities.add(new Row(m.code(), m.name(), round(hoursByMunicipality.getOrDefault(m.code(), 0.0)),
                    round(sessionsByMunicipality.getOrDefault(m.code(), 0.0)), c == null ? null : c[0],
                    c == null ? null : year, demo.getOrDefault("MUNICIPALITY|" + m.code(), false), false));
        }
        List<Row> areas = new ArrayList<>();
        Map<Long, LocalizedText> areaNames = new LinkedHashMap<>(planning.areas(region, t));
        for (Map.Entry<Long, LocalizedText> a : areaNames.entrySet()) {
            int[] own = children.get("AREA|" + a.getKey());
            Integer sum = null;
            boolean derived = false;
            boolean isDemo = demo.getOrDefault("AREA|" + a.getKey(), false);
            if (own != null) {
                sum = own[0];
            } else {
                for (String m : municipalitiesOfArea.getOrDefault(a.getKey(), Set.of())) {
                    int[] c = children.get("MUNICIPALITY|" + m);
                    if (c != null) {
                        sum = (sum == null ? 0 : sum) + c[0];
                        derived = true;
                        isDemo |= demo.getOrDefault("MUNICIPALITY|" + m, false);
                    }
                }
            }
            areas.add(new Row("" + a.getKey(), a.getValue(), round(hoursByArea.getOrDefault(a.getKey(), 0.0)),
                    round(sessionsByArea.getOrDefault(a.getKey(), 0.0)), sum, sum == null ? null : year, isDemo, derived));
        }
        return new Coverage(municipalities, areas, demo.values().stream().anyMatch(b -> b));
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    /** The county's municipality codes and its areas by lower-case Finnish name, for the import. */
    PopulationImport.Result read(long countyId, byte[] bytes) {
        Set<String> codes = new java.util.HashSet<>();
        registry.municipalities(countyId).forEach(m -> codes.add(m.code()));
        Map<String, Long> areas = new HashMap<>();
        registry.areas(countyId).forEach(a -> {
            if (a.name().fi() != null) {
                areas.put(a.name().fi().toLowerCase(java.util.Locale.ROOT), a.id());
            }
        });
        return PopulationImport.read(bytes, codes, areas);
    }

    /** Stores checked rows (replacing the same region, band and year), audited as one import. */
    @Transactional
    void save(Actor actor, long countyId, List<Population> rows) {
        AccessControl.require(actor, PlanningAction.IMPORT_POPULATION, Target.county(countyId));
        var now = planning.clock().instant();
        for (Population p : rows) {
            queries.savePopulation(countyId, p, now);
        }
        audit.recordNonPublic(actor, "PLANNING_POPULATION_IMPORT", "planning_child_population", countyId,
                Target.county(countyId), null, Map.of("rows", rows.size()));
    }
}
