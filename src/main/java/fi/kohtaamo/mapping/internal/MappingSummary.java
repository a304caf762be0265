package fi.kohtaamo.mapping.internal;

import fi.kohtaamo.mapping.internal.MappingModel.Activity;
import fi.kohtaamo.mapping.internal.MappingModel.Answer;
import fi.kohtaamo.mapping.internal.MappingModel.NameType;
import fi.kohtaamo.mapping.internal.MappingModel.Values;
import fi.kohtaamo.registry.FundingSource;
import fi.kohtaamo.registry.PremisesOwnership;
import fi.kohtaamo.registry.TargetGroup;
import fi.kohtaamo.shared.SmallNumbers;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The figures of seed 000 from a round's answers, in the seed's order: who answered; what the places are called;
 * target groups; monthly visits; staff; volunteers; activities; opening days; premises and accessibility; cooperation
 * partners; funding; and, for rounds across counties or organisations, the places by county and by district and
 * association. Figures about places (how many places, which share) are counts of places and shown as they are; the
 * visits are about people (families), so each place's monthly visits is a unit of {@link SmallNumbers}: a small one
 * is shown as "&lt;5" and every sum of visits is a sum of shares. Staff and volunteer numbers are about the
 * organisations' workforce, not families, and are shown as answered. A percentage is of the places that answered that
 * question (an unanswered question is no answer, not a "no"), rounded half up.
 */
final class MappingSummary {

    /** A figure: a label key with literal arguments (or a literal label), its value, and a bar length 0–100 for charts. */
    record Figure(String key, String label, Number value, boolean percent, String shown, int bar) {

        /** The identity of the figure across rounds. */
        String id() {
            return key + "|" + (label == null ? "" : label);
        }
    }

    /** A section of the summary: its heading key, figures, whether it is drawn as a chart, and a base for its shares. */
    record Section(String key, List<Figure> figures, boolean chart, Integer base) {
    }

    private MappingSummary() {
    }

    static List<Section> of(List<Answer> all, int asked, SmallNumbers small, Function<Long, String> organisationName) {
        List<Answer> answered = all.stream().filter(Answer::answered).toList();
        int n = answered.size();
        List<Section> out = new ArrayList<>();

        // 1 respondents
        List<Figure> resp = new ArrayList<>();
        resp.add(count("mapping.fig.answered", n, asked));
        resp.add(count("mapping.fig.asked", asked, asked));
        resp.add(count("mapping.fig.counties", answered.stream().map(Answer::countyId).distinct().count(), 0));
        Map<String, Long> byType = new TreeMap<>();
        answered.forEach(a -> byType.merge(a.organiserType() == null ? "NONE" : a.organiserType(), 1L, Long::sum));
        byType.forEach((t, c) -> resp.add(count(t.equals("NONE") ? "mapping.orgType.NONE" : "orgType." + t, c, n)));
        out.add(new Section("mapping.sec.respondents", resp, false, null));

        // 2 name types
        List<Figure> names = new ArrayList<>();
        for (NameType t : NameType.values()) {
            names.add(count("mapping.nameType." + t, where(answered, v -> v.nameType() == t), n));
        }
        out.add(new Section("mapping.sec.names", names, true, n));

        // 3 target groups
        List<Figure> groups = new ArrayList<>();
        for (TargetGroup g : TargetGroup.values()) {
            groups.add(share("targetGroup." + g, where(answered, v -> v.targetGroups() != null && v.targetGroups().contains(g)), n));
        }
        out.add(new Section("mapping.sec.targetGroups", groups, true, n));

        // 4 monthly visits (about people)
        List<Figure> visits = new ArrayList<>();
        List<Answer> withVisits = answered.stream().filter(a -> a.values().monthlyVisits() != null).toList();
        if (!withVisits.isEmpty()) {
            visits.add(people("mapping.fig.visitsMin", null, withVisits.stream().mapToInt(a -> a.values().monthlyVisits()).min().orElse(0)));
            visits.add(people("mapping.fig.visitsMax", null, withVisits.stream().mapToInt(a -> a.values().monthlyVisits()).max().orElse(0)));
            SmallNumbers.Sum sum = new SmallNumbers.Sum();
            for (Answer a : withVisits) {
                sum.add(a.values().monthlyVisits(), small.share(a.values().monthlyVisits(), "mapping visits|answer " + a.id()));
            }
            visits.add(new Figure("mapping.fig.visitsTotal", null, sum.value(), false, sum.hidden() ? "<5" : null, 0));
            visits.add(count("mapping.fig.visitsCounted", withVisits.stream().filter(a -> a.values().visitsCounted()).count(), n));
            Map<String, List<Integer>> byCounty = new TreeMap<>();
            withVisits.forEach(a -> byCounty.computeIfAbsent(a.countyName(), k -> new ArrayList<>()).add(a.values().monthlyVisits()));
            byCounty.forEach((county, list) -> {
                int min = list.stream().mapToInt(Integer::intValue).min().orElse(0);
                int max = list.stream().mapToInt(Integer::intValue).max().orElse(0);
                visits.add(new Figure("mapping.fig.visitsCounty", county, max, false, shown(min) + "–" + shown(max), 0));
            });
        }
        out.add(new Section("mapping.sec.visits", visits, false, null));

        // 5 staff
        List<Figure> staff = new ArrayList<>();
        List<Answer> withStaff = answered.stream().filter(a -> a.values().employees() != null).toList();
        long employees = withStaff.stream().mapToLong(a -> a.values().employees()).sum();
        BigDecimal avg = withStaff.isEmpty() ? BigDecimal.ZERO
                : BigDecimal.valueOf(employees).divide(BigDecimal.valueOf(withStaff.size()), 1, RoundingMode.HALF_UP);
        staff.add(new Figure("mapping.fig.employeesAverage", null, avg, false, null, 0));
        staff.add(count("mapping.fig.employeesTotal", employees, 0));
        staff.add(count("mapping.fig.noEmployees", where(answered, v -> v.employees() != null && v.employees() == 0), n));
        staff.add(count("mapping.fig.wageSubsidy", where(answered, v -> v.wageSubsidyStaff() != null && v.wageSubsidyStaff() > 0), n));
        staff.add(count("mapping.fig.interns", where(answered, v -> v.interns() != null && v.interns() > 0), n));
        out.add(new Section("mapping.sec.staff", staff, false, null));

        // 6 volunteers
        List<Figure> vol = new ArrayList<>();
        vol.add(count("mapping.fig.withVolunteers", where(answered, v -> v.volunteers() != null && v.volunteers() > 0), n));
        vol.add(count("mapping.fig.volunteersTotal", answered.stream().mapToLong(a -> a.values().volunteers() == null ? 0 : a.values().volunteers()).sum(), 0));
        out.add(new Section("mapping.sec.volunteers", vol, false, null));

        // 7 activities
        List<Figure> acts = new ArrayList<>();
        for (Activity act : Activity.values()) {
            acts.add(count("mapping.activity." + act, where(answered, v -> v.activities() != null && v.activities().contains(act)), n));
        }
        out.add(new Section("mapping.sec.activities", acts, true, n));

        // 8 opening
        List<Figure> open = new ArrayList<>();
        open.add(count("mapping.fig.days45", where(answered, v -> v.openingDays() != null && v.openingDays() >= 4), n));
        open.add(count("mapping.fig.days13", where(answered, v -> v.openingDays() != null && v.openingDays() >= 1 && v.openingDays() <= 3), n));
        open.add(count("mapping.fig.days0", where(answered, v -> v.openingDays() != null && v.openingDays() == 0), n));
        open.add(count("mapping.fig.evenings", where(answered, v -> Boolean.TRUE.equals(v.evenings())), n));
        open.add(count("mapping.fig.weekends", where(answered, v -> Boolean.TRUE.equals(v.weekends())), n));
        out.add(new Section("mapping.sec.opening", open, true, n));

        // 9 premises and accessibility
        List<Figure> prem = new ArrayList<>();
        long ownershipBase = where(answered, v -> v.premisesOwnership() != null);
        for (PremisesOwnership o : PremisesOwnership.values()) {
            prem.add(share("ownership." + o, where(answered, v -> v.premisesOwnership() == o), ownershipBase));
        }
        prem.add(count("mapping.fig.ownershipAnswered", ownershipBase, n));
        long accessBase = where(answered, v -> v.fullyAccessible() != null);
        prem.add(share("mapping.fig.notAccessible", where(answered, v -> Boolean.FALSE.equals(v.fullyAccessible())), accessBase));
        prem.add(count("mapping.fig.accessAnswered", accessBase, n));
        out.add(new Section("mapping.sec.premises", prem, true, n));

        // 10 cooperation partners
        List<Figure> part = new ArrayList<>();
        part.add(count("mapping.fig.withPartners", where(answered, v -> !v.partnerIds().isEmpty() || v.partnersText() != null), n));
        Map<Long, Long> partners = new LinkedHashMap<>();
        answered.forEach(a -> a.values().partnerIds().forEach(p -> partners.merge(p, 1L, Long::sum)));
        partners.entrySet().stream().sorted(Map.Entry.<Long, Long>comparingByValue().reversed()
                .thenComparing(e -> organisationName.apply(e.getKey()))).limit(15)
                .forEach(e -> part.add(new Figure("mapping.fig.partner", organisationName.apply(e.getKey()), e.getValue(), false,
                        null, bar(e.getValue(), n))));
        out.add(new Section("mapping.sec.partners", part, false, n));

        // 11 funding
        List<Figure> fund = new ArrayList<>();
        fund.add(count("mapping.funding.STEA_MUNICIPALITY", where(answered, v -> has(v, FundingSource.STEA) && has(v, FundingSource.MUNICIPALITY)), n));
        fund.add(count("mapping.funding.MUNICIPALITY_ONLY", where(answered, v -> !has(v, FundingSource.STEA) && has(v, FundingSource.MUNICIPALITY)), n));
        fund.add(count("mapping.funding.OWN_ONLY", where(answered, v -> !has(v, FundingSource.STEA) && !has(v, FundingSource.MUNICIPALITY) && has(v, FundingSource.OWN)), n));
        for (FundingSource s : List.of(FundingSource.FOUNDATIONS, FundingSource.DONATIONS, FundingSource.PARISH,
                FundingSource.WELLBEING_COUNTY)) {
            fund.add(count("funding." + s, where(answered, v -> has(v, s)), n));
        }
        out.add(new Section("mapping.sec.funding", fund, true, n));

        // 12 places by county, district and association
        List<Figure> by = new ArrayList<>();
        group(answered, Answer::countyName, "mapping.fig.byCounty", n, by);
        group(answered, Answer::districtName, "mapping.fig.byDistrict", n, by);
        group(answered.stream().filter(a -> a.associationName() != null).toList(),
                a -> a.districtName() + " / " + a.associationName(), "mapping.fig.byAssociation", n, by);
        out.add(new Section("mapping.sec.breakdown", by, false, n));
        return out;
    }

    private static void group(List<Answer> answers, Function<Answer, String> key, String figure, int n, List<Figure> out) {
        Map<String, Long> counts = new TreeMap<>(Comparator.nullsFirst(Comparator.naturalOrder()));
        answers.forEach(a -> counts.merge(key.apply(a) == null ? "–" : key.apply(a), 1L, Long::sum));
        counts.forEach((k, c) -> out.add(new Figure(figure, k, c, false, null, bar(c, n))));
    }

    private static boolean has(Values v, FundingSource s) {
        return v.funding() != null && v.funding().contains(s);
    }

    private static long where(List<Answer> answers, Predicate<Values> p) {
        return answers.stream().filter(a -> p.test(a.values())).count();
    }

    private static Figure count(String key, long value, long base) {
        return new Figure(key, null, value, false, null, bar(value, base));
    }

    private static Figure share(String key, long value, long base) {
        long pct = base == 0 ? 0 : Math.round(100.0 * value / base);
        return new Figure(key, null, pct, true, null, (int) pct);
    }

    private static Figure people(String key, String label, int value) {
        return new Figure(key, label, value, false, SmallNumbers.small(value) ? "<5" : null, 0);
    }

    private static String shown(int v) {
        return SmallNumbers.small(v) ? "<5" : String.valueOf(v);
    }

    private static int bar(long value, long base) {
        return base <= 0 ? 0 : (int) Math.min(100, Math.round(100.0 * value / base));
    }

    /** A figure's value from a set of sections by its id (for the previous round's column). */
    static Map<String, Figure> index(List<Section> sections) {
        Map<String, Figure> m = new LinkedHashMap<>();
        sections.forEach(s -> s.figures().forEach(f -> m.put(s.key() + "|" + f.id(), f)));
        return m;
    }

}
