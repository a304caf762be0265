package fi.kohtaamo.guidance.internal.directory;

import fi.kohtaamo.guidance.internal.directory.DirectoryModel.AccessMode;
import fi.kohtaamo.guidance.internal.directory.DirectoryModel.Cost;
import fi.kohtaamo.guidance.internal.directory.DirectoryModel.Details;
import fi.kohtaamo.guidance.internal.directory.DirectoryModel.Service;
import fi.kohtaamo.guidance.internal.directory.DirectoryModel.Status;
import fi.kohtaamo.guidance.internal.directory.DirectoryModel.Text;
import fi.kohtaamo.shared.FieldErrors;
import fi.kohtaamo.shared.Input;
import fi.kohtaamo.shared.LocalizedText;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The service form: what the browser sends (all text, indexed rows {@code texts[i].…} and {@code channels[i].…},
 * see {@link ChannelForm}) read into a {@link ServiceCommand}, and a stored service written back into form values.
 * Sizes are bounded before anything is read: fields, rows, list lengths.
 */
final class ServiceForm {

    static final int MAX_FIELDS = 4000;
    static final int MAX_TEXTS = 10;
    static final int MAX_LIST = 60;
    static final int MAX_YEARS = 100;
    /** ISO 639-1 codes. */
    static final Set<String> ISO_639_1 = Set.of(Locale.getISOLanguages());
    /** The languages offered as checkboxes; any other ISO 639-1 code can be typed. */
    static final List<String> COMMON_LANGUAGES = List.of("fi", "sv", "en", "ar", "so", "ru", "et", "uk", "fa", "ku",
            "tr", "sq", "vi", "zh", "th", "es", "fr", "de");
    static final Pattern ROW = Pattern.compile("^(texts|channels)\\[([0-9]{1,4})\\]\\.(.+)$");
    static final Pattern PTV_ID = Pattern.compile("^[0-9a-fA-F-]{1,36}$");

    enum AgeUnit {
        YEARS, MONTHS
    }

    private ServiceForm() {
    }

    static String one(MultiValueMap<String, String> form, String field) {
        List<String> v = form.get(field);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    /** The checked command, or null with the errors recorded. */
    static ServiceCommand check(MultiValueMap<String, String> form, FieldErrors errors) {
        Input in = new Input(errors);
        if (form.size() > MAX_FIELDS || form.values().stream().anyMatch(v -> v.size() > MAX_LIST)) {
            errors.add("nameFi", "guidance.validation.tooManyFields");
            return null;
        }
        for (String key : form.keySet()) {
            Matcher m = ROW.matcher(key);
            if (m.matches() && Integer.parseInt(m.group(2)) >= (m.group(1).equals("texts") ? MAX_TEXTS
                    : ChannelForm.MAX_CHANNELS)) {
                errors.add(m.group(1).equals("texts") ? "texts[0].lang" : "channels[0].kind",
                        "guidance.validation.tooManyRows", m.group(1).equals("texts") ? MAX_TEXTS : ChannelForm.MAX_CHANNELS);
                return null;
            }
        }
        Long org = in.id("organisationId", one(form, "organisationId"), true);
        String type = in.requiredLine("serviceType", one(form, "serviceType"), 40);
        LocalizedText name = new LocalizedText(in.requiredLine("nameFi", one(form, "nameFi"), 200),
                in.line("nameSv", one(form, "nameSv"), 200), in.line("nameEn", one(form, "nameEn"), 200));
        LocalizedText summary = three(in, form, "summary", 500, false);
        LocalizedText description = three(in, form, "description", 4000, true);
        Integer min = age(in, form, "ageMin");
        Integer max = age(in, form, "ageMax");
        if (min != null && max != null && min > max) {
            errors.add("ageMax", "guidance.validation.ageOrder");
        }
        boolean expecting = "true".equals(one(form, "forExpecting"));
        AccessMode access = in.choice("accessMode", one(form, "accessMode"), AccessMode.class, true);
        LocalizedText referral = three(in, form, "referral", 2000, true);
        if (access != null && access != AccessMode.SELF_REFERRAL && referral.isEmpty()
                && !errors.has("referralFi")) {
            errors.add("referralFi", "guidance.validation.referralNeeded");
        }
        Cost cost = in.choice("cost", one(form, "cost"), Cost.class, true);
        LocalizedText costNote = three(in, form, "costNote", 500, false);
        String website = in.webAddress("website", one(form, "website"));
        Status status = in.choice("serviceStatus", one(form, "serviceStatus"), Status.class, true);
        Long owner = in.id("ownerUserId", one(form, "ownerUserId"), false);
        List<String> needs = codes(errors, form, "needs", "^[a-z0-9_]{1,40}$");
        List<String> municipalities = codes(errors, form, "municipalities", "^[0-9]{3}$");
        List<String> languages = languages(errors, form);
        List<Text> texts = texts(in, form);
        var channels = ChannelForm.channels(in, form);
        if (!errors.isEmpty()) {
            return null;
        }
        ServiceCommand c = new ServiceCommand(org, type, name, summary, description, min, max, expecting, access,
                referral, cost, costNote, website, status, owner, needs, languages, municipalities, texts, channels);
        if (!c.reachable()) {
            errors.add("channels[0].kind", "guidance.validation.noWay");
            return null;
        }
        return c;
    }

    private static LocalizedText three(Input in, MultiValueMap<String, String> form, String prefix, int max,
            boolean paragraph) {
        String[] v = new String[3];
        String[] suffix = {"Fi", "Sv", "En"};
        for (int i = 0; i < 3; i++) {
            String f = prefix + suffix[i];
            v[i] = paragraph ? in.paragraph(f, one(form, f), max) : in.line(f, one(form, f), max);
        }
        return new LocalizedText(v[0], v[1], v[2]);
    }

    /** An age bound in months from a number and its unit (years or months). */
    private static Integer age(Input in, MultiValueMap<String, String> form, String field) {
        AgeUnit unit = in.choice(field + "Unit", one(form, field + "Unit"), AgeUnit.class, false);
        if (unit == AgeUnit.MONTHS) {
            return in.integer(field, one(form, field), 0, MAX_YEARS * 12, null);
        }
        Integer years = in.integer(field, one(form, field), 0, MAX_YEARS, null);
        return years == null ? null : years * 12;
    }

    private static List<String> codes(FieldErrors errors, MultiValueMap<String, String> form, String field,
            String pattern) {
        Set<String> out = new LinkedHashSet<>();
        for (String v : form.getOrDefault(field, List.of())) {
            if (v == null || v.isBlank()) {
                continue;
            }
            if (!v.strip().matches(pattern)) {
                errors.add(field, "validation.choice");
                return List.of();
            }
            out.add(v.strip());
        }
        return List.copyOf(out);
    }

    private static List<String> languages(FieldErrors errors, MultiValueMap<String, String> form) {
        Set<String> out = new LinkedHashSet<>();
        for (String v : form.getOrDefault("serviceLanguages", List.of())) {
            if (v != null && !v.isBlank()) {
                if (!ISO_639_1.contains(v.strip())) {
                    errors.add("serviceLanguages", "validation.choice");
                    return List.of();
                }
                out.add(v.strip());
            }
        }
        String other = one(form, "otherLanguages");
        if (other != null && !other.isBlank()) {
            if (other.length() > 200) {
                errors.add("otherLanguages", "validation.tooLong", 200);
                return List.of();
            }
            for (String code : other.toLowerCase(Locale.ROOT).split("[,;\\s]+")) {
                if (code.isEmpty()) {
                    continue;
                }
                if (!ISO_639_1.contains(code)) {
                    errors.add("otherLanguages", "guidance.validation.languageCode", code.length() > 10
                            ? code.substring(0, 10) : code);
                    return List.of();
                }
                out.add(code);
            }
        }
        if (out.size() > MAX_LIST) {
            errors.add("otherLanguages", "guidance.validation.tooManyRows", MAX_LIST);
        }
        return List.copyOf(out);
    }

    private static List<Text> texts(Input in, MultiValueMap<String, String> form) {
        List<Text> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < MAX_TEXTS; i++) {
            String p = "texts[" + i + "].";
            String lang = one(form, p + "lang");
            String name = one(form, p + "name");
            String summary = one(form, p + "summary");
            String referral = one(form, p + "referral");
            if (blank(lang) && blank(name) && blank(summary) && blank(referral)) {
                continue;
            }
            String code = lang == null ? "" : lang.strip().toLowerCase(Locale.ROOT);
            if (code.isEmpty()) {
                in.errors().add(p + "lang", "validation.required");
            } else if (!ISO_639_1.contains(code) || code.equals("fi") || code.equals("sv") || code.equals("en")) {
                in.errors().add(p + "lang", "guidance.validation.textLanguage");
            } else if (!seen.add(code)) {
                in.errors().add(p + "lang", "guidance.validation.textLanguageTwice");
            }
            String n = in.requiredLine(p + "name", name, 200);
            String s = in.line(p + "summary", summary, 500);
            String r = in.paragraph(p + "referral", referral, 2000);
            out.add(new Text(code, n, s, r));
        }
        return out;
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    // ---- a stored service as form values ---------------------------------------------------------

    static MultiValueMap<String, String> values(Details d) {
        MultiValueMap<String, String> v = new LinkedMultiValueMap<>();
        Service s = d.service();
        v.add("version", String.valueOf(s.version()));
        v.add("organisationId", String.valueOf(s.organisationId()));
        v.add("serviceType", s.serviceType());
        put(v, "name", s.name());
        put(v, "summary", s.summary());
        put(v, "description", s.description());
        ageValues(v, "ageMin", s.ageMinMonths());
        ageValues(v, "ageMax", s.ageMaxMonths());
        v.add("forExpecting", String.valueOf(s.forExpecting()));
        v.add("accessMode", s.accessMode().name());
        put(v, "referral", s.referral());
        v.add("cost", s.cost().name());
        put(v, "costNote", s.costNote());
        v.add("website", s.website());
        v.add("serviceStatus", s.status().name());
        v.add("ownerUserId", s.ownerUserId() == null ? "" : String.valueOf(s.ownerUserId()));
        d.needs().forEach(n -> v.add("needs", n));
        d.municipalities().forEach(m -> v.add("municipalities", m));
        List<String> other = new ArrayList<>();
        for (String l : d.languages()) {
            if (COMMON_LANGUAGES.contains(l)) {
                v.add("serviceLanguages", l);
            } else {
                other.add(l);
            }
        }
        v.add("otherLanguages", String.join(", ", other));
        for (int i = 0; i < d.texts().size(); i++) {
            Text t = d.texts().get(i);
            String p = "texts[" + i + "].";
            v.add(p + "lang", t.lang());
            v.add(p + "name", t.name());
            v.add(p + "summary", t.summary());
            v.add(p + "referral", t.referral());
        }
        ChannelForm.values(v, d.channels());
        return v;
    }

    static void put(MultiValueMap<String, String> v, String prefix, LocalizedText t) {
        v.add(prefix + "Fi", t.fi());
        v.add(prefix + "Sv", t.sv());
        v.add(prefix + "En", t.en());
    }

    private static void ageValues(MultiValueMap<String, String> v, String field, Integer months) {
        if (months == null) {
            v.add(field, "");
            v.add(field + "Unit", AgeUnit.YEARS.name());
        } else if (months % 12 == 0) {
            v.add(field, String.valueOf(months / 12));
            v.add(field + "Unit", AgeUnit.YEARS.name());
        } else {
            v.add(field, String.valueOf(months));
            v.add(field + "Unit", AgeUnit.MONTHS.name());
        }
    }
}
