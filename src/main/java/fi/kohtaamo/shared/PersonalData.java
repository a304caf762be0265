package fi.kohtaamo.shared;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds personal data in free text that must hold none (a weak signal; later feedback and wishes): a Finnish
 * personal identity code, a phone number or an e-mail address. It says which kind it found first, so that the
 * writer is told why the text was refused ({@link #check}: the message key {@code validation.personalData.<kind>}).
 *
 * <ul>
 * <li>Identity code (henkilötunnus): {@code DDMMYYCZZZQ}, century sign {@code +} (1800s), {@code - Y X W V U}
 * (1900s), {@code A B C D E F} (2000s; the signs B–F and U–Y exist since 2023), a real date, an individual
 * number 002–999, and the check character: the nine digits DDMMYYZZZ modulo 31 in
 * {@code 0123456789ABCDEFHJKLMNPRSTUVWXY}. A code with a wrong check character is not one.</li>
 * <li>Phone: an international number ({@code +} or {@code 00} and 7–15 digits: +358 40 123 4567, 00358401234567,
 * +1 (555) 123-4567) or a Finnish national one starting with 0: separated with a first group of 2–4 digits and 7–12
 * digits in all (040 123 4567, (09) 1234 567, 040-1234567), or written together as 9–12 digits (0401234567). Dots
 * and colons never separate a phone number, so dates and times (1.2.2026, 9.30–11.00, 14:00) are not one, nor are
 * postcodes (02100), prices (12,50 €) or years (2025–2026).</li>
 * <li>E-mail: {@code local@domain.tld}.</li>
 * </ul>
 */
public final class PersonalData {

    public enum Kind {
        IDENTITY_CODE, PHONE, EMAIL
    }

    private static final String CHECK = "0123456789ABCDEFHJKLMNPRSTUVWXY";

    private static final Pattern IDENTITY_CODE = Pattern.compile(
            "(?<![\\p{L}\\p{N}])([0-9]{2})([0-9]{2})([0-9]{2})([-+A-FU-Ya-fu-y])([0-9]{3})([0-9A-Ya-y])(?![\\p{L}\\p{N}])");

    private static final Pattern EMAIL = Pattern.compile(
            "[\\p{L}\\p{N}._%+'-]+@[\\p{L}\\p{N}-]+(\\.[\\p{L}\\p{N}-]+)*\\.\\p{L}{2,}");

    /** A run of digit groups separated by single spaces, hyphens or slashes, with optional parentheses and + or 00. */
    private static final Pattern PHONE_CANDIDATE = Pattern.compile(
            "(?<![\\p{L}\\p{N}.,:+])(\\+\\s?)?\\(?[0-9]{1,5}\\)?(?:[ \\-/]?\\(?[0-9]{1,5}\\)?){0,7}(?![\\p{L}\\p{N}]|[.,:][0-9])");

    /** A date written with hyphens or slashes (03-12-2026, 3/12/26): never a phone number. */
    private static final Pattern DATE_LIKE = Pattern.compile("^[0-9]{1,2}[-/][0-9]{1,2}[-/]([0-9]{2}|[0-9]{4})$");

    private PersonalData() {
    }

    /** The first kind of personal data in the text, if any. */
    public static Optional<Kind> find(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        if (hasIdentityCode(text)) {
            return Optional.of(Kind.IDENTITY_CODE);
        }
        if (EMAIL.matcher(text).find()) {
            return Optional.of(Kind.EMAIL);
        }
        if (hasPhone(text)) {
            return Optional.of(Kind.PHONE);
        }
        return Optional.empty();
    }

    /** Records {@code validation.personalData.<kind>} for the field when the text holds personal data. */
    public static boolean check(FieldErrors errors, String field, String text) {
        Optional<Kind> kind = find(text);
        kind.ifPresent(k -> errors.add(field, "validation.personalData." + k.name()));
        return kind.isPresent();
    }

    static boolean hasIdentityCode(String text) {
        Matcher m = IDENTITY_CODE.matcher(text);
        while (m.find()) {
            if (validIdentityCode(m.group(1), m.group(2), m.group(3), m.group(4).toUpperCase(), m.group(5),
                    m.group(6).toUpperCase())) {
                return true;
            }
        }
        return false;
    }

    private static boolean validIdentityCode(String dd, String mm, String yy, String sign, String individual,
            String check) {
        int century = switch (sign.charAt(0)) {
            case '+' -> 1800;
            case '-', 'Y', 'X', 'W', 'V', 'U' -> 1900;
            case 'A', 'B', 'C', 'D', 'E', 'F' -> 2000;
            default -> -1;
        };
        if (century < 0) {
            return false;
        }
        try {
            LocalDate.of(century + Integer.parseInt(yy), Integer.parseInt(mm), Integer.parseInt(dd));
        } catch (DateTimeException e) {
            return false;
        }
        if (Integer.parseInt(individual) < 2) {
            return false;
        }
        long n = Long.parseLong(dd + mm + yy + individual);
        return CHECK.charAt((int) (n % 31)) == check.charAt(0);
    }

    static boolean hasPhone(String text) {
        Matcher m = PHONE_CANDIDATE.matcher(text);
        while (m.find()) {
            if (isPhone(m.group().strip())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isPhone(String s) {
        String digits = s.replaceAll("[^0-9]", "");
        if (s.startsWith("+")) {
            return digits.length() >= 7 && digits.length() <= 15;
        }
        if (digits.startsWith("00") && digits.length() > 2 && digits.charAt(2) != '0') {
            int n = digits.length() - 2;
            return n >= 7 && n <= 15;
        }
        if (DATE_LIKE.matcher(s).matches()) {
            return false;
        }
        String bare = s.startsWith("(") ? s.substring(1) : s;
        if (!digits.startsWith("0") || digits.length() < 2 || digits.charAt(1) == '0') {
            return false;
        }
        boolean separated = bare.chars().anyMatch(c -> c == ' ' || c == '-' || c == '/' || c == ')');
        if (!separated) {
            return digits.length() >= 9 && digits.length() <= 12;
        }
        int firstGroup = 0;
        while (firstGroup < bare.length() && Character.isDigit(bare.charAt(firstGroup))) {
            firstGroup++;
        }
        return firstGroup >= 2 && firstGroup <= 4 && digits.length() >= 7 && digits.length() <= 12;
    }
}
