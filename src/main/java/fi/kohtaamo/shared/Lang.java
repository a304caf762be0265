package fi.kohtaamo.shared;

import java.util.Locale;
import java.util.Optional;

/** The three user-interface and content languages. Finnish is the default. */
public enum Lang {
    FI, SV, EN;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Locale locale() {
        return Locale.forLanguageTag(code());
    }

    public static Optional<Lang> parse(String code) {
        if (code == null) {
            return Optional.empty();
        }
        return switch (code.trim().toLowerCase(Locale.ROOT)) {
            case "fi" -> Optional.of(FI);
            case "sv" -> Optional.of(SV);
            case "en" -> Optional.of(EN);
            default -> Optional.empty();
        };
    }

    public static Lang of(Locale locale) {
        return locale == null ? FI : parse(locale.getLanguage()).orElse(FI);
    }
}
