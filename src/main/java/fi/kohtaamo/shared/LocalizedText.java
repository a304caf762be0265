package fi.kohtaamo.shared;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A content text in Finnish, Swedish and English. Reading falls back fi -> sv -> en so that a
 * missing translation never leaves a hole; {@link #isTranslated(Lang)} tells whether it did.
 */
public record LocalizedText(String fi, String sv, String en) {

    public static final LocalizedText EMPTY = new LocalizedText(null, null, null);

    public LocalizedText {
        fi = blankToNull(fi);
        sv = blankToNull(sv);
        en = blankToNull(en);
    }

    public static LocalizedText of(String fi, String sv, String en) {
        return new LocalizedText(fi, sv, en);
    }

    public String exact(Lang lang) {
        return switch (lang) {
            case FI -> fi;
            case SV -> sv;
            case EN -> en;
        };
    }

    /** The text in the language, else the fallback (fi, sv, en), else the empty string. */
    public String get(Lang lang) {
        String own = exact(lang);
        if (own != null) {
            return own;
        }
        if (fi != null) {
            return fi;
        }
        if (sv != null) {
            return sv;
        }
        return en == null ? "" : en;
    }

    /** The language the text of {@link #get(Lang)} is actually in, for a correct {@code lang} attribute. */
    public Lang shownLanguage(Lang lang) {
        if (exact(lang) != null) {
            return lang;
        }
        if (fi != null) {
            return Lang.FI;
        }
        if (sv != null) {
            return Lang.SV;
        }
        return en == null ? lang : Lang.EN;
    }

    public boolean isTranslated(Lang lang) {
        return exact(lang) != null;
    }

    @JsonIgnore
    public boolean isEmpty() {
        return fi == null && sv == null && en == null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
