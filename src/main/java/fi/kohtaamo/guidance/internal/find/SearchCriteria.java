package fi.kohtaamo.guidance.internal.find;

import fi.kohtaamo.shared.FieldErrors;
import fi.kohtaamo.shared.Input;
import fi.kohtaamo.shared.KohtaamoException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a directory search asks, read from the query string with its limits: at most 100 characters of words (six
 * words of two or more characters are used), one need, one municipality, one language, one age, a page number up
 * to 500, and no more than {@link #MAX_PARAMETERS} parameters in all. Anything else is a translated 400
 * ({@link KohtaamoException.BadParameter}) naming the parameter, before any query runs.
 *
 * @param words the words folded for matching ({@link #fold}), each matched as a part of a word
 * @param age "expecting" or a child's age in whole years (0–17), or null
 * @param type a service type code ({@code monitoring.ServiceTypes}), or null: the count form's link to the services of
 *             the type that serve the place's municipality
 */
record SearchCriteria(String text, List<String> words, String need, String municipality, String language,
        String age, int page, String type) {

    static final int MAX_TEXT = 100;
    static final int MAX_WORDS = 6;
    static final int MAX_PAGE = 500;
    static final int MAX_PARAMETERS = 12;
    static final SearchCriteria NONE = new SearchCriteria(null, List.of(), null, null, null, null, 0, null);

    /** The characters folded away on both sides of a match (migration V26's {@code translate} has the same lists). */
    static final String FOLD_FROM = "áàâãäåéèêëíìîïóòôõöúùûüýÿçñšžÁÀÂÃÄÅÉÈÊËÍÌÎÏÓÒÔÕÖÚÙÛÜÝŸÇÑŠŽ";
    static final String FOLD_TO = "aaaaaaeeeeiiiiooooouuuuyycnszaaaaaaeeeeiiiiooooouuuuyycnsz";

    boolean empty() {
        return words.isEmpty() && need == null && municipality == null && language == null && age == null
                && type == null;
    }

    boolean expecting() {
        return "expecting".equals(age);
    }

    /** The child's age in months bounds [from, to] of the chosen year of age, or null. */
    Integer ageFromMonths() {
        return age == null || expecting() ? null : Integer.parseInt(age) * 12;
    }

    static SearchCriteria parse(Map<String, String[]> parameters) {
        if (parameters.size() > MAX_PARAMETERS) {
            throw new KohtaamoException.BadParameter("parameters", "guidance-too-many-parameters");
        }
        for (Map.Entry<String, String[]> e : parameters.entrySet()) {
            if (e.getValue().length > 1) {
                throw new KohtaamoException.BadParameter(e.getKey());
            }
        }
        String raw = one(parameters, "q");
        if (raw != null && raw.length() > MAX_TEXT) {
            throw new KohtaamoException.BadParameter("q", "guidance-query-too-long");
        }
        FieldErrors errors = new FieldErrors();
        String text = new Input(errors).line("q", raw, MAX_TEXT);
        if (!errors.isEmpty()) {
            throw new KohtaamoException.BadParameter("q");
        }
        List<String> words = new ArrayList<>();
        if (text != null) {
            for (String w : fold(text).split("[\\s,.;:!?()\"'/]+")) {
                if (w.length() >= 2 && !words.contains(w) && words.size() < MAX_WORDS) {
                    words.add(w);
                }
            }
        }
        String need = lower(one(parameters, "need"));
        if (need != null && !need.matches("^[a-z0-9_]{1,40}$")) {
            throw new KohtaamoException.BadParameter("need");
        }
        String municipality = lower(one(parameters, "municipality"));
        if (municipality != null && !municipality.matches("^[0-9]{3}$")) {
            throw new KohtaamoException.BadParameter("municipality");
        }
        String language = lower(one(parameters, "language"));
        if (language != null && !language.matches("^[a-z]{2,3}$")) {
            throw new KohtaamoException.BadParameter("language");
        }
        String age = lower(one(parameters, "age"));
        if (age != null && !age.equals("expecting") && !(age.matches("^[0-9]{1,2}$") && Integer.parseInt(age) <= 17)) {
            throw new KohtaamoException.BadParameter("age");
        }
        if (age != null && !age.equals("expecting")) {
            age = String.valueOf(Integer.parseInt(age));
        }
        String type = one(parameters, "type");
        if (type != null && !type.matches("^[A-Z][A-Z0-9_]{1,39}$")) {
            throw new KohtaamoException.BadParameter("type");
        }
        String p = one(parameters, "page");
        int page = 0;
        if (p != null) {
            if (!p.matches("^[0-9]{1,3}$") || Integer.parseInt(p) > MAX_PAGE) {
                throw new KohtaamoException.BadParameter("page");
            }
            page = Integer.parseInt(p);
        }
        return new SearchCriteria(text, List.copyOf(words), need, municipality, language, age, page, type);
    }

    /** Lower case with the accents of {@link #FOLD_FROM} taken away, as the query folds the texts. */
    static String fold(String s) {
        String lower = s.toLowerCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder(lower.length());
        for (char c : lower.toCharArray()) {
            int i = FOLD_FROM.indexOf(c);
            sb.append(i < 0 ? c : FOLD_TO.charAt(i));
        }
        return sb.toString();
    }

    private static String one(Map<String, String[]> parameters, String name) {
        String[] values = parameters.get(name);
        if (values == null || values.length == 0 || values[0] == null || values[0].isBlank()) {
            return null;
        }
        return values[0].strip();
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }
}
