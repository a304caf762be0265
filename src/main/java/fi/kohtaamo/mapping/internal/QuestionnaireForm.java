package fi.kohtaamo.mapping.internal;

import fi.kohtaamo.mapping.internal.MappingModel.Activity;
import fi.kohtaamo.mapping.internal.MappingModel.NameType;
import fi.kohtaamo.mapping.internal.MappingModel.Values;
import fi.kohtaamo.registry.AccessibilityFeature;
import fi.kohtaamo.registry.FundingSource;
import fi.kohtaamo.registry.PremisesOwnership;
import fi.kohtaamo.registry.PremisesType;
import fi.kohtaamo.registry.TargetGroup;
import fi.kohtaamo.shared.FieldErrors;
import fi.kohtaamo.shared.Input;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.util.MultiValueMap;

/** What the questionnaire page sends, all text; {@link #check} turns it into values or field errors. */
final class QuestionnaireForm {

    /** The checked answer: the snapshot values, the registry's accessibility features and the versions shown. */
    record Checked(Values values, Set<AccessibilityFeature> features, int version, int placeVersion) {
    }

    private QuestionnaireForm() {
    }

    static String one(MultiValueMap<String, String> form, String key) {
        List<String> v = form.get(key);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    static Checked check(MultiValueMap<String, String> f, boolean visitsCounted, Integer countedVisits) {
        FieldErrors errors = new FieldErrors();
        Input in = new Input(errors);
        Integer version = in.integer("version", one(f, "version"), 0, Integer.MAX_VALUE, 0);
        Integer placeVersion = in.integer("placeVersion", one(f, "placeVersion"), 0, Integer.MAX_VALUE, 0);
        NameType nameType = in.choice("nameType", one(f, "nameType"), NameType.class, true);
        Set<TargetGroup> groups = set(f, "targetGroups", TargetGroup.class, errors);
        Integer visits = visitsCounted ? countedVisits : in.integer("monthlyVisits", one(f, "monthlyVisits"), 0, 100_000, null);
        if (!visitsCounted && visits == null && !errors.has("monthlyVisits")) {
            errors.add("monthlyVisits", "validation.required");
        }
        Integer employees = in.integer("employees", one(f, "employees"), 0, 500, 0);
        Integer wage = in.integer("wageSubsidyStaff", one(f, "wageSubsidyStaff"), 0, 500, 0);
        Integer interns = in.integer("interns", one(f, "interns"), 0, 500, 0);
        Integer volunteers = in.integer("volunteers", one(f, "volunteers"), 0, 5000, 0);
        Set<Activity> activities = set(f, "activities", Activity.class, errors);
        Integer days = in.integer("openingDays", one(f, "openingDays"), 0, 5, null);
        if (days == null && !errors.has("openingDays")) {
            errors.add("openingDays", "validation.required");
        }
        Boolean evenings = yesNo(in, "evenings", one(f, "evenings"));
        Boolean weekends = yesNo(in, "weekends", one(f, "weekends"));
        PremisesType ptype = in.choice("premisesType", one(f, "premisesType"), PremisesType.class, false);
        PremisesOwnership owner = in.choice("premisesOwnership", one(f, "premisesOwnership"), PremisesOwnership.class, false);
        Boolean accessible = yesNo(in, "fullyAccessible", one(f, "fullyAccessible"));
        Set<AccessibilityFeature> features = set(f, "features", AccessibilityFeature.class, errors);
        List<Long> partners = new ArrayList<>(new LinkedHashSet<>(ids(in, f.get("partnerIds"))));
        if (partners.size() > 50) {
            errors.add("partnerIds", "validation.tooMany", 50);
        }
        String partnersText = in.paragraph("partnersText", one(f, "partnersText"), 1000);
        Set<FundingSource> funding = set(f, "funding", FundingSource.class, errors);
        errors.throwIfAny();
        return new Checked(new Values(nameType, groups, visits, visitsCounted, employees, wage, interns, volunteers,
                activities, days, evenings, weekends, ptype, owner, accessible, List.copyOf(partners),
                partnersText == null || partnersText.isBlank() ? null : partnersText, funding), features, version,
                placeVersion);
    }

    private static Boolean yesNo(Input in, String field, String raw) {
        String s = raw == null ? "" : raw.strip();
        return switch (s) {
            case "" -> null;
            case "true" -> true;
            case "false" -> false;
            default -> {
                in.errors().add(field, "validation.choice");
                yield null;
            }
        };
    }

    private static List<Long> ids(Input in, List<String> raw) {
        List<Long> out = new ArrayList<>();
        if (raw != null) {
            for (String s : raw) {
                Long id = in.id("partnerIds", s, false);
                if (id != null) {
                    out.add(id);
                }
            }
        }
        return out;
    }

    private static <E extends Enum<E>> Set<E> set(MultiValueMap<String, String> f, String field, Class<E> type,
            FieldErrors errors) {
        Set<E> out = EnumSet.noneOf(type);
        List<String> raw = f.get(field);
        if (raw == null) {
            return out;
        }
        for (String s : raw) {
            try {
                out.add(Enum.valueOf(type, s == null ? "" : s.strip()));
            } catch (IllegalArgumentException e) {
                errors.add(field, "validation.choice");
                break;
            }
        }
        return out;
    }
}
