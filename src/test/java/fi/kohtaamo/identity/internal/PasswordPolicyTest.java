package fi.kohtaamo.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every rule of a new password, each on its own, and strong passwords that pass them all. */
@Tag("nodb")
class PasswordPolicyTest {

    static final String EMAIL = "maija.virtanen@hyvinvointialue.example.fi";
    static final String NAME = "Maija Virtanen";

    @ParameterizedTest
    @CsvSource(delimiter = '|', ignoreLeadingAndTrailingWhitespace = false, value = {
            "aaaaaaaaaaaa|validation.passwordTrivial",
            "'            '|validation.passwordTrivial",
            "'\t\t\t\t\t\t\t\t\t\t\t\t'|validation.passwordTrivial",
            "abcabcabcabc|validation.passwordTrivial",
            "121212121212|validation.passwordTrivial",
            "abcdefghijklm|validation.passwordTrivial",
            "zyxwvutsrqpo|validation.passwordTrivial",
            "password1234|validation.passwordCommon",
            "PASSWORD1234|validation.passwordCommon",
            "qwertyuiop123|validation.passwordCommon",
            "passwordpassword|validation.passwordCommon",
            "Salasana2024!!|validation.passwordCommon",
            "!!2024dragon2024|validation.passwordCommon",
            "1qaz2wsx3edc|validation.passwordCommon",
            "maija.virtanen1|validation.passwordPersonal",
            "Virtanen-kesä-2026|validation.passwordPersonal",
            "xx-MaijaVirtanen|validation.passwordPersonal",
            "hyvinvointialue99|validation.passwordPersonal",
            "kohtaamo-salasana|validation.passwordPersonal",
            "lyhyt|validation.passwordTooShort",
            "|validation.passwordTooShort"})
    void refused(String password, String problem) {
        assertThat(PasswordPolicy.problem(password == null ? "" : password, EMAIL, NAME)).isEqualTo(problem);
    }

    @ParameterizedTest
    @CsvSource({"Kesä-Lintu-Hyppää-42", "vihreä kattila tanssii aamulla", "Tr0ub4dor&3-ja-hevonen", "pitkä-salasana-123"})
    void strongPasswordsPass(String password) {
        assertThat(PasswordPolicy.problem(password, EMAIL, NAME)).isNull();
        assertThat(PasswordPolicy.problem(password, null, null)).isNull();
    }

    @Test
    void tooLongIsRefused() {
        assertThat(PasswordPolicy.problem("Kesä-Lintu-".repeat(20), EMAIL, NAME)).isEqualTo("validation.tooLong");
    }

    @Test
    void theListIsTheHundredThousandMostCommonPasswords() {
        assertThat(PasswordPolicy.commonCount()).isBetween(99_000L, 101_000L);
        assertThat(PasswordPolicy.common("salasana")).isTrue();
        assertThat(PasswordPolicy.common("123456")).isTrue();
    }

    @Test
    void theFirstAdministratorsPasswordFollowsTheSameRules() {
        assertThat(AdminBootstrap.passwordProblem("admin@county.example.fi", "password1234"))
                .startsWith("KOHTAAMO_ADMIN_PASSWORD is one of the most common");
        assertThat(AdminBootstrap.passwordProblem("admin@county.example.fi", "aaaaaaaaaaaa")).contains("too simple");
        assertThat(AdminBootstrap.passwordProblem("admin@county.example.fi", "            ")).contains("too simple");
        assertThat(AdminBootstrap.passwordProblem("admin@county.example.fi", "county-admin-2026!")).contains("e-mail");
        assertThat(AdminBootstrap.passwordProblem("admin@county.example.fi", "short")).contains("at least 12");
        assertThat(AdminBootstrap.passwordProblem("admin@county.example.fi", "Kesä-Lintu-Hyppää-42")).isNull();
    }
}
