package fi.kohtaamo.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kohtaamo.calendar.internal.ActivityText;
import fi.kohtaamo.shared.FieldErrors;
import fi.kohtaamo.shared.Lang;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Language tags of other-language texts, their direction and names, without a database. */
@Tag("nodb")
class ActivityTextRulesTest {

    @ParameterizedTest
    @CsvSource(value = {"ar, ar", "AR, ar", " so , so", "ku-arab, ku-Arab", "KU-LATN, ku-Latn", "uk, uk",
            "fi, null", "sv, null", "en, null", "xx, null", "ara, null", "ar-Zzzz, null", "ar-EG, null", "'', null"},
            nullValues = "null")
    void tagsAreNormalisedOrRefused(String raw, String expected) {
        assertThat(ActivityText.normalise(raw)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"ar, مقهى, rtl", "fa, کافه, rtl", "ur, کیفے, rtl", "he, בית קפה, rtl", "ar, Café 2026, rtl",
            "ku-Arab, Kafe, rtl", "ku-Latn, قاوە, ltr", "ku, قاوەخانە, rtl", "ku, Kafe, ltr", "uk, Кафе, ltr",
            "so, Kulanka, ltr", "et, Kohvik, ltr"})
    void directionFollowsScriptLanguageOrLetters(String lang, String name, String dir) {
        assertThat(new ActivityText(lang, name, null, 0, null).dir()).isEqualTo(dir);
    }

    @Test
    void languageNamesAreInTheReadersLanguage() {
        assertThat(ActivityText.languageName("ar", Lang.FI)).isEqualTo("arabia");
        assertThat(ActivityText.languageName("ar", Lang.SV)).isEqualTo("arabiska");
        assertThat(ActivityText.languageName("ar", Lang.EN)).isEqualTo("Arabic");
        assertThat(new ActivityText("uk", "Кафе", null, 0, null).autonym()).isEqualTo("українська");
    }

    @Test
    void checkKeepsMixedScriptsAndRefusesBadInput() {
        FieldErrors ok = new FieldErrors();
        ActivityText t = ActivityText.check("ar", "Kahvila مقهى Кафе", "Perhe — عائلة\nсім'я", ok);
        assertThat(ok.isEmpty()).isTrue();
        assertThat(t.name()).isEqualTo("Kahvila مقهى Кафе");
        FieldErrors bad = new FieldErrors();
        assertThat(ActivityText.check("fi", "x".repeat(201), "y".repeat(4001), bad)).isNull();
        assertThat(bad.has("textLang") && bad.has("textName") && bad.has("textDescription")).isTrue();
    }
}
