package fi.kohtaamo.monitoring.internal;

import fi.kohtaamo.registry.OrganisationType;
import fi.kohtaamo.registry.Registry;
import fi.kohtaamo.shared.LocalizedText;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The rows of a report's breakdown that a place belongs to. */
final class ReportGroups {

    private ReportGroups() {
    }

    /** The rows (key and label) of the breakdown that a place is in: one, or several by organiser. */
    static Map<String, LocalizedText> groupsOf(Registry registry, java.util.function.Function<String, LocalizedText> message,
            Registry.ReportPlace p, ReportService.Breakdown b, Map<Long, Registry.OrganisationNode> tree,
            Long organisationId, Map<String, LocalizedText> labels) {
        return switch (b) {
            case PLACE -> Map.of("p" + p.id(), p.name());
            case AREA -> Map.of("a" + p.areaId(), p.areaName());
            case MUNICIPALITY -> Map.of("m" + p.municipalityCode(), p.municipalityName());
            case COUNTY -> Map.of("c" + p.countyId(), labels.computeIfAbsent("c" + p.countyId(),
                    k -> registry.county(p.countyId()).map(Registry.Ref::name).orElse(LocalizedText.EMPTY)));
            case KIND -> Map.of("k" + p.kind(), labels.computeIfAbsent("k" + p.kind(), k -> message.apply("placeKind." + p.kind())));
            case ORGANISER_TYPE -> {
                // a place run together by a municipality and a parish is in both groups
                Map<String, LocalizedText> out = new LinkedHashMap<>();
                for (Long org : p.organiserIds()) {
                    OrganisationType t = tree.containsKey(org) ? tree.get(org).type() : null;
                    if (t != null) {
                        out.put("t" + t, labels.computeIfAbsent("t" + t, x -> message.apply("orgType." + t)));
                    }
                }
                yield out.isEmpty() ? Map.of("t-", LocalizedText.EMPTY) : out;
            }
            case ORGANISATION -> {
                // each organiser rolled up to the part of the chosen organisation it belongs to (an MLL district
                // under the national organisation, an association under its district), or to the top of its
                // hierarchy when none is chosen; a place with two organisers in different parts is in both rows
                Map<String, LocalizedText> out = new LinkedHashMap<>();
                for (Long org : p.organiserIds()) {
                    Registry.OrganisationNode part = partOf(tree, org, organisationId);
                    if (part != null) {
                        out.put("o" + part.id(), part.name());
                    }
                }
                yield out.isEmpty() ? Map.of("o-", LocalizedText.EMPTY) : out;
            }
        };
    }

    /**
     * The organisation that an organiser is rolled up to: the child of {@code top} on its way up (or {@code top}
     * itself when it organises the place directly), or the root of its hierarchy when there is no top; null when
     * the organiser is not under {@code top}.
     */
    static Registry.OrganisationNode partOf(Map<Long, Registry.OrganisationNode> tree, long organiser, Long top) {
        List<Registry.OrganisationNode> up = Registry.upwards(tree, organiser);
        if (up.isEmpty()) {
            return null;
        }
        if (top == null) {
            return up.get(up.size() - 1);
        }
        for (int i = 0; i < up.size(); i++) {
            if (up.get(i).id() == top) {
                return up.get(Math.max(0, i - 1));
            }
        }
        return null;
    }

}
