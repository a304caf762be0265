package fi.kohtaamo.calendar.internal;

import fi.kohtaamo.shared.FieldErrors;
import fi.kohtaamo.shared.Input;
import fi.kohtaamo.shared.Lang;
import fi.kohtaamo.shared.PdfText;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An activity's name and description in a language other than fi/sv/en (V33 {@code activity_text}): the language
 * the activity is held in, for families who read it best. {@code lang} is a BCP 47 tag: an ISO 639-1 code, optionally
 * with a script ({@code ku-Arab}); {@link #dir()} says how the text runs, for the pages' {@code dir} attribute.
 */
public record ActivityText(String lang, String name, String description, int version, Instant updatedAt) {

    /** At most this many other languages per activity. */
    public static final int MAX_PER_ACTIVITY = 10;
    public static final int NAME_MAX = 200;
    public static final int DESCRIPTION_MAX = 4000;

    /** The ISO 639-1 codes Java knows; fi, sv and en have their own columns and are refused here. */
    static final Set<String> ISO_639_1 = Set.of(Locale.getISOLanguages());
    static final Set<String> OWN_COLUMNS = Set.of("fi", "sv", "en");
    /** The scripts a tag may name; Arabic and Hebrew run right to left. */
    static final Set<String> SCRIPTS = Set.of("Arab", "Hebr", "Latn", "Cyrl");
    /** Languages written right to left (in their usual script); Kurdish (ku) and Sindhi depend on the script. */
    static final Set<String> RIGHT_TO_LEFT = Set.of("ar", "fa", "ur", "he", "ps", "yi", "dv", "ug");
    private static final Pattern TAG = Pattern.compile("^([a-z]{2})(?:-([a-z]{4}))?$");

    /** The language tag a form sends, normalised ({@code KU-arab} → {@code ku-Arab}); null when it is not one we take. */
    public static String normalise(String raw) {
        if (raw == null) {
            return null;
        }
        Matcher m = TAG.matcher(raw.strip().toLowerCase(Locale.ROOT));
        if (!m.matches() || !ISO_639_1.contains(m.group(1)) || OWN_COLUMNS.contains(m.group(1))) {
            return null;
        }
        if (m.group(2) == null) {
            return m.group(1);
        }
        String script = Character.toUpperCase(m.group(2).charAt(0)) + m.group(2).substring(1);
        return SCRIPTS.contains(script) ? m.group(1) + "-" + script : null;
    }

    /** The base language without the script ({@code ku-Arab} → {@code ku}): what the calendar's filter compares. */
    public String language() {
        int dash = lang.indexOf('-');
        return dash < 0 ? lang : lang.substring(0, dash);
    }

    /** True when the text runs right to left: by the tag's script, the language, or else by the name's letters. */
    public boolean rightToLeft() {
        if (lang.endsWith("-Arab") || lang.endsWith("-Hebr")) {
            return true;
        }
        if (lang.endsWith("-Latn") || lang.endsWith("-Cyrl")) {
            return false;
        }
        return RIGHT_TO_LEFT.contains(lang) || PdfText.rightToLeft(name);
    }

    /** The value of the HTML {@code dir} attribute. */
    public String dir() {
        return rightToLeft() ? "rtl" : "ltr";
    }

    /** The language's name in the reader's language ("arabia", "arabiska", "Arabic"). */
    public String languageName(Lang reader) {
        return languageName(lang, reader);
    }

    /** The language's name in itself ("العربية", "українська"), for a reader who does not know fi/sv/en. */
    public String autonym() {
        Locale l = Locale.forLanguageTag(lang);
        return l.getDisplayLanguage(l);
    }

    /** A language tag's name in the reader's language, from Java's CLDR data (the same names as the filter's). */
    public static String languageName(String tag, Lang reader) {
        return Locale.forLanguageTag(tag).getDisplayName(reader.locale());
    }

    /** A text as the staff form sends it, checked: tag, name (required) and description within their limits. */
    public static ActivityText check(String rawLang, String rawName, String rawDescription, FieldErrors errors) {
        Input in = new Input(errors);
        String tag = normalise(rawLang);
        if (rawLang == null || rawLang.isBlank()) {
            errors.add("textLang", "validation.required");
        } else if (rawLang.length() > 12 || tag == null) {
            errors.add("textLang", "activityText.validation.lang");
        }
        String name = in.requiredLine("textName", rawName, NAME_MAX);
        String description = in.paragraph("textDescription", rawDescription, DESCRIPTION_MAX);
        return errors.isEmpty() ? new ActivityText(tag, name, description, 0, null) : null;
    }
}
