package fi.kohtaamo.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The personal-data check refuses each kind it promises (identity codes of every century sign, phone numbers in
 * Finnish and international forms, e-mail addresses, also inside a sentence) and lets ordinary text through
 * (dates, times, prices, postcodes, years, counts).
 */
@Tag("nodb")
class PersonalDataTest {

    /** Valid codes (check characters computed by hand, see the list's comment) for every century sign. */
    static final List<String> IDENTITY_CODES = List.of(
            "131052-308T", // THL's classic example, 1900s with '-'
            "230362-002A", "010594Y9021", "020285U555R", "040470V333L", "121212W444U", "151088X777H", "180799Y9991",
            "150898+123C", "010100+010S", // 1800s
            "010101A123N", "241203B456M", "070315C7898", "311299D234S", "290204E876L", "150622F345A", // 2000s
            "131052-308t"); // written in lower case

    @Test
    void identityCodesOfEveryCenturySignAreFound() {
        for (String code : IDENTITY_CODES) {
            assertThat(PersonalData.find(code)).as(code).contains(PersonalData.Kind.IDENTITY_CODE);
            assertThat(PersonalData.find("Perheen äidin hetu on " + code + ", hän kysyi apua.")).as(code)
                    .contains(PersonalData.Kind.IDENTITY_CODE);
        }
    }

    @Test
    void lookalikesWithAWrongCheckOrDateAreNotIdentityCodes() {
        for (String s : List.of("131052-308U", "310252-308T", "131052G308T", "131052-001T", "131052-308T9")) {
            assertThat(PersonalData.find(s)).as(s).isNotEqualTo(java.util.Optional.of(PersonalData.Kind.IDENTITY_CODE));
        }
    }

    @Test
    void phoneNumbersInSeveralFormsAreFound() {
        for (String phone : List.of("040 123 4567", "0401234567", "040-1234567", "040 1234 567", "050-123 45 67",
                "(09) 123 4567", "09 1234 567", "091234567", "0800 123 456", "+358 40 123 4567", "+358401234567",
                "+358 (0)40 123 4567", "00358 40 1234567", "00358401234567", "+46 70 123 45 67", "+1 (555) 123-4567",
                "+44 20 7946 0958", "+3584012345")) {
            assertThat(PersonalData.find(phone)).as(phone).contains(PersonalData.Kind.PHONE);
            assertThat(PersonalData.find("Soittakaa minulle numeroon " + phone + " iltaisin.")).as(phone)
                    .contains(PersonalData.Kind.PHONE);
        }
    }

    @Test
    void emailAddressesAreFound() {
        for (String email : List.of("maija.meikalainen@example.fi", "m@x.io", "perhe+kahvila@posti.example.com",
                "äiti.öljy@esimerkki.fi", "FIRST_LAST@EXAMPLE.ORG")) {
            assertThat(PersonalData.find(email)).as(email).contains(PersonalData.Kind.EMAIL);
            assertThat(PersonalData.find("Lisätietoja: " + email + ".")).as(email).contains(PersonalData.Kind.EMAIL);
        }
    }

    @Test
    void ordinaryTextIsNotRefused() {
        for (String text : List.of(
                "Perhekahvila on auki 1.2.2026 klo 9.30–11.00 ja 14:00-15:30.",
                "Keväällä 12.3. ja 2026-03-12 kävijöitä oli 15 perhettä, syksyllä 1 200 käyntiä.",
                "Kahvi maksaa 1,50 € ja lounas 12,50 €; vuokra 1 200 € kuussa.",
                "Postinumerot 02100 Espoo, 02200 ja 10300 Karjaa.",
                "Vuosina 2025–2026 ja 2025-2026 jonot neuvolaan ovat kasvaneet 3–4 viikkoon.",
                "Lapset 0-3 v ja 3-6 v, ryhmässä 12 lasta; viikot 8-10.",
                "Ukrainankielisiä perheitä tuli 20 % enemmän, 03-12-2026 pidettiin ilta.",
                "Kello 07.45–16.15, puhelinaikaa ei ole.",
                "Tunnus 131052 ja 308 erikseen; luku 0 ja 040.",
                "")) {
            assertThat(PersonalData.find(text)).as(text).isEmpty();
        }
        assertThat(PersonalData.find(null)).isEmpty();
    }

    @Test
    void checkRecordsWhichKindWasFound() {
        FieldErrors errors = new FieldErrors();
        assertThat(PersonalData.check(errors, "text", "Soita 040 123 4567")).isTrue();
        assertThat(errors.all()).singleElement()
                .satisfies(e -> assertThat(e.messageKey()).isEqualTo("validation.personalData.PHONE"));
        assertThat(PersonalData.check(new FieldErrors(), "text", "Kaikki hyvin")).isFalse();
    }
}
