package fi.kohtaamo.identity.internal;

import fi.kohtaamo.shared.FieldErrors;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a new password must be (NIST SP 800-63B, 3.1.1.2): at least {@value #MIN} and at most {@value #MAX}
 * characters, and none of what is guessed first: one character or a short sequence repeated, only
 * whitespace, a run such as {@code abcdefghijkl}; the account's own name or e-mail address (or the
 * service's name) in it; one of the 100 000 most common passwords of breach corpora, also with digits
 * or symbols around it ({@code Password1234!}). The list is nbvcxz's (Maven Central,
 * {@code me.gosimple:nbvcxz}, MIT), read from its jar at each check, so it takes no memory between
 * the rare moments a password is set. The one check of every password that is set: own password
 * change, an administrator's new account or reset, {@code KOHTAAMO_ADMIN_PASSWORD}.
 */
final class PasswordPolicy {

    static final int MIN = UserForm.MIN_PASSWORD;
    static final int MAX = 200;
    static final String COMMON_PASSWORDS = "/dictionaries/passwords.txt";

    private PasswordPolicy() {
    }

    /** Records a field error when the password may not be used; email and name may be null. */
    static void check(String password, String field, String email, String name, FieldErrors errors) {
        String problem = problem(password, email, name);
        if (problem == null) {
            return;
        }
        if (problem.equals("validation.tooLong")) {
            errors.add(field, problem, MAX);
        } else {
            errors.add(field, problem);
        }
    }

    /** The message key of what is wrong with the password, or null when it may be used. */
    static String problem(String password, String email, String name) {
        if (password == null || password.codePointCount(0, password.length()) < MIN) {
            return "validation.passwordTooShort";
        }
        if (password.length() > MAX) {
            return "validation.tooLong";
        }
        if (trivial(password)) {
            return "validation.passwordTrivial";
        }
        if (personal(password, email, name)) {
            return "validation.passwordPersonal";
        }
        if (common(password)) {
            return "validation.passwordCommon";
        }
        return null;
    }

    /** Only whitespace, a unit of up to four characters repeated, or a run of consecutive characters. */
    static boolean trivial(String password) {
        if (password.isBlank()) {
            return true;
        }
        int[] cps = password.toLowerCase(Locale.ROOT).codePoints().toArray();
        for (int unit = 1; unit <= 4; unit++) {
            boolean repeats = true;
            for (int i = unit; i < cps.length && repeats; i++) {
                repeats = cps[i] == cps[i - unit];
            }
            if (repeats) {
                return true;
            }
        }
        boolean up = true;
        boolean down = true;
        for (int i = 1; i < cps.length; i++) {
            up &= cps[i] == cps[i - 1] + 1;
            down &= cps[i] == cps[i - 1] - 1;
        }
        return up || down;
    }

    /**
     * Contains the account's name or a word of it, its e-mail address or a word of it (the domain's too: the
     * organisation's name) of four or more letters, or "kohtaamo".
     */
    static boolean personal(String password, String email, String name) {
        String p = fold(password);
        List<String> words = new ArrayList<>();
        words.add("kohtaamo");
        if (email != null && !email.isBlank()) {
            String mail = email.strip().toLowerCase(Locale.ROOT);
            words.add(fold(mail));
            int at = mail.indexOf('@');
            String local = at < 0 ? mail : mail.substring(0, at);
            words.add(fold(local));
            words.addAll(List.of(mail.split("[^\\p{L}\\p{N}]+")));
        }
        if (name != null && !name.isBlank()) {
            words.add(fold(name));
            words.addAll(List.of(name.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")));
        }
        return words.stream().map(PasswordPolicy::fold).filter(w -> w.length() >= 4).anyMatch(p::contains);
    }

    /** Lower case, without whitespace and separators: "Maija Meikäläinen" and "maija.meikalainen" alike. */
    private static String fold(String s) {
        String lower = s.toLowerCase(Locale.ROOT).replaceAll("[\\s._+-]", "");
        return java.text.Normalizer.normalize(lower, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    }

    /** The password, or what is left of it without digits and symbols at either end, is a common password. */
    static boolean common(String password) {
        String whole = password.toLowerCase(Locale.ROOT);
        String core = whole.replaceAll("^[^\\p{L}]+|[^\\p{L}]+$", "");
        try (InputStream in = PasswordPolicy.class.getResourceAsStream(COMMON_PASSWORDS)) {
            if (in == null) {
                throw new IllegalStateException("The list of common passwords " + COMMON_PASSWORDS
                        + " is missing from the class path (dependency me.gosimple:nbvcxz)");
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String known = line.strip().toLowerCase(Locale.ROOT);
                if (!known.isEmpty() && (known.equals(whole) || known.equals(core))) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many common passwords the list holds (for the test that it is the list we think it is). */
    static long commonCount() {
        try (InputStream in = PasswordPolicy.class.getResourceAsStream(COMMON_PASSWORDS)) {
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .filter(l -> !l.isBlank()).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
