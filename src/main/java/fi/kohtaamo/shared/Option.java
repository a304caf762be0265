package fi.kohtaamo.shared;

/**
 * One choice of a select for the {@code fragments :: select} fragment: its value, its label and the
 * language the label is in (for the option's {@code lang} when a name falls back to another language).
 */
public record Option(String value, String label, String lang) {

    /** An option whose label is a localized name. */
    public static Option of(String value, LocalizedText name, Lang lang) {
        return new Option(value, name.get(lang), name.shownLanguage(lang).code());
    }
}
