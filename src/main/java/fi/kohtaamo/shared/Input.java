package fi.kohtaamo.shared;

import java.math.BigDecimal;
import java.net.URI;
import java.util.regex.Pattern;

/**
 * The one way to read and check user input. Every method takes the raw text of a form field or
 * parameter, records a translated-message key in {@link FieldErrors} when it is not acceptable,
 * and returns the cleaned value (or null). Nothing here trusts the input: control characters,
 * bidirectional controls, oversized text, script URLs and malformed numbers are all refused with a
 * message.
 */
public final class Input {

    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n\\r\\t]]|[\\uFFFE\\uFFFF]");
    private static final Pattern CONTROL_SINGLE_LINE = Pattern.compile("[\\p{Cc}]|[\\uFFFE\\uFFFF]");
    /**
     * Bidirectional controls (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069): they reorder what
     * is shown around them, so a name could show as something else than it is ("Trojan Source").
     */
    private static final Pattern BIDI_CONTROL = Pattern.compile("[\\u061C\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069]");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s<>\"'()\\[\\],;:\\\\]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}$");
    private static final Pattern PHONE = Pattern.compile("^\\+?[0-9 ()-]{5,30}$");
    private static final Pattern DIGITS = Pattern.compile("^[0-9]+$");

    private final FieldErrors errors;

    public Input(FieldErrors errors) {
        this.errors = errors;
    }

    public FieldErrors errors() {
        return errors;
    }

    /** Optional single-line text, at most {@code max} characters; null when blank. */
    public String line(String field, String raw, int max) {
        return text(field, raw, max, false, false);
    }

    /** Required single-line text. */
    public String requiredLine(String field, String raw, int max) {
        return text(field, raw, max, true, false);
    }

    /** Optional multi-line text (newlines and tabs allowed). */
    public String paragraph(String field, String raw, int max) {
        return text(field, raw, max, false, true);
    }

    private String text(String field, String raw, int max, boolean required, boolean multiline) {
        String s = raw == null ? null : raw.strip();
        if (s == null || s.isEmpty()) {
            if (required) {
                errors.add(field, "validation.required");
            }
            return null;
        }
        if ((multiline ? CONTROL : CONTROL_SINGLE_LINE).matcher(s).find()) {
            errors.add(field, "validation.controlCharacters");
            return null;
        }
        if (BIDI_CONTROL.matcher(s).find()) {
            errors.add(field, "validation.bidiCharacters");
            return null;
        }
        if (s.codePointCount(0, s.length()) > max) {
            errors.add(field, "validation.tooLong", max);
            return null;
        }
        return multiline ? s.replace("\r\n", "\n") : s;
    }

    public String email(String field, String raw, boolean required) {
        String s = text(field, raw, 254, required, false);
        if (s != null && !EMAIL.matcher(s).matches()) {
            errors.add(field, "validation.email");
            return null;
        }
        return s;
    }

    public String phone(String field, String raw) {
        String s = line(field, raw, 40);
        if (s != null && !PHONE.matcher(s).matches()) {
            errors.add(field, "validation.phone");
            return null;
        }
        return s;
    }

    /** An http(s) address; other schemes (javascript:, data:) are refused. */
    public String webAddress(String field, String raw) {
        String s = line(field, raw, 500);
        if (s == null) {
            return null;
        }
        try {
            URI uri = new URI(s);
            String scheme = uri.getScheme();
            if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    || uri.getHost() == null) {
                errors.add(field, "validation.url");
                return null;
            }
            return s;
        } catch (Exception e) {
            errors.add(field, "validation.url");
            return null;
        }
    }

    /** A whole number in [min, max]; blank gives {@code blank}. */
    public Integer integer(String field, String raw, int min, int max, Integer blank) {
        String s = raw == null ? "" : raw.strip();
        if (s.isEmpty()) {
            return blank;
        }
        if (s.length() > 9 || !DIGITS.matcher(s.startsWith("-") ? s.substring(1) : s).matches()) {
            errors.add(field, "validation.integer");
            return null;
        }
        int v = Integer.parseInt(s);
        if (v < min || v > max) {
            errors.add(field, "validation.range", min, max);
            return null;
        }
        return v;
    }

    /** A decimal in [min, max] with a dot or comma as separator; null when blank. */
    public BigDecimal decimal(String field, String raw, double min, double max) {
        String s = raw == null ? "" : raw.strip().replace(',', '.');
        if (s.isEmpty()) {
            return null;
        }
        if (s.length() > 20 || !s.matches("^-?[0-9]{1,4}(\\.[0-9]{1,8})?$")) {
            errors.add(field, "validation.decimal");
            return null;
        }
        BigDecimal v = new BigDecimal(s);
        if (v.doubleValue() < min || v.doubleValue() > max) {
            errors.add(field, "validation.range", min, max);
            return null;
        }
        return v;
    }

    /** Exactly {@code length} digits (postal codes, municipality codes); null when blank. */
    public String digits(String field, String raw, int length, boolean required) {
        String s = raw == null ? "" : raw.strip();
        if (s.isEmpty()) {
            if (required) {
                errors.add(field, "validation.required");
            }
            return null;
        }
        if (s.length() != length || !DIGITS.matcher(s).matches()) {
            errors.add(field, "validation.digits", length);
            return null;
        }
        return s;
    }

    /** A value of the enum by its name; blank gives null (or an error when required). */
    public <E extends Enum<E>> E choice(String field, String raw, Class<E> type, boolean required) {
        String s = raw == null ? "" : raw.strip();
        if (s.isEmpty()) {
            if (required) {
                errors.add(field, "validation.required");
            }
            return null;
        }
        try {
            return Enum.valueOf(type, s);
        } catch (IllegalArgumentException e) {
            errors.add(field, "validation.choice");
            return null;
        }
    }

    /** A database id; anything but a positive long is an error. */
    public Long id(String field, String raw, boolean required) {
        String s = raw == null ? "" : raw.strip();
        if (s.isEmpty()) {
            if (required) {
                errors.add(field, "validation.required");
            }
            return null;
        }
        if (s.length() > 18 || !DIGITS.matcher(s).matches() || Long.parseLong(s) <= 0) {
            errors.add(field, "validation.choice");
            return null;
        }
        return Long.parseLong(s);
    }

    /** An ISO date (yyyy-mm-dd, as sent by a date input); null when blank. */
    public java.time.LocalDate date(String field, String raw, boolean required) {
        String s = raw == null ? "" : raw.strip();
        if (s.isEmpty()) {
            if (required) {
                errors.add(field, "validation.required");
            }
            return null;
        }
        try {
            if (s.length() > 10) {
                throw new java.time.format.DateTimeParseException("too long", s, 0);
            }
            java.time.LocalDate d = java.time.LocalDate.parse(s);
            if (d.getYear() < 2000 || d.getYear() > 2100) {
                errors.add(field, "validation.dateRange");
                return null;
            }
            return d;
        } catch (java.time.format.DateTimeParseException e) {
            errors.add(field, "validation.date");
            return null;
        }
    }

    /** A time of day (hh:mm, or hh.mm as Finns write it); null when blank. */
    public java.time.LocalTime time(String field, String raw) {
        String s = raw == null ? "" : raw.strip().replace('.', ':');
        if (s.isEmpty()) {
            return null;
        }
        if (!s.matches("^([01]?[0-9]|2[0-3]):[0-5][0-9]$")) {
            errors.add(field, "validation.time");
            return null;
        }
        return java.time.LocalTime.parse(s.length() == 4 ? "0" + s : s);
    }
}
