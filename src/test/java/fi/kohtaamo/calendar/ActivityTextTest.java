package fi.kohtaamo.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import fi.kohtaamo.calendar.internal.ActivityForm;
import fi.kohtaamo.calendar.internal.ActivityQueries;
import fi.kohtaamo.calendar.internal.ActivityService;
import fi.kohtaamo.calendar.internal.ActivityText;
import fi.kohtaamo.calendar.internal.ActivityTextService;
import fi.kohtaamo.registry.OrganisationType;
import fi.kohtaamo.registry.Registry;
import fi.kohtaamo.shared.Actor;
import fi.kohtaamo.shared.KohtaamoException;
import fi.kohtaamo.shared.Role;
import fi.kohtaamo.support.Fixtures;
import fi.kohtaamo.support.IntegrationTest;
import fi.kohtaamo.support.WebClient;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An activity's name and description in another language (V33 activity_text): saved and checked through the service,
 * shown on the public pages, the widget, the JSON API and the feed with their lang and dir; the calendar filtered by
 * the activity's language in fi/sv/en with the values its own form offers.
 */
@IntegrationTest
class ActivityTextTest {

    static final String ARABIC_NAME = "مقهى العائلة";
    static final String ARABIC_TEXT = "تعالوا مع أطفالكم. نلعب ونتحدث.";

    @LocalServerPort int port;
    @Autowired Fixtures fx;
    @Autowired ActivityService activities;
    @Autowired ActivityTextService texts;
    @Autowired ActivityQueries queries;
    @Autowired Registry registry;
    @Autowired JdbcClient jdbc;

    long place, arabic, finnish;
    String muni;
    Actor staff, otherStaff;

    @BeforeEach
    void world() {
        long county = fx.county();
        muni = fx.municipality(county);
        long area = fx.area(county, muni);
        long org = fx.organisation(OrganisationType.MLL_ASSOCIATION, null, county);
        long otherOrg = fx.organisation(OrganisationType.PARISH, null, county);
        place = fx.place(area, muni, org);
        staff = new Actor(1, "Staff", Role.PROVIDER_STAFF, org, registry.organisationWithDescendants(org), county, null,
                null);
        otherStaff = new Actor(2, "Other", Role.PROVIDER_STAFF, otherOrg,
                registry.organisationWithDescendants(otherOrg), county, null, null);
        arabic = activities.create(staff, form("Perhekahvila arabiaksi", "WEDNESDAY", "ar"));
        finnish = activities.create(staff, form("Perhekahvila suomeksi", "THURSDAY", "fi"));
    }

    ActivityForm form(String name, String weekday, String language) {
        ActivityForm f = new ActivityForm();
        f.placeId = String.valueOf(place);
        f.kind = "FAMILY_CAFE";
        f.nameFi = name;
        f.descriptionFi = "Tule lasten kanssa.";
        f.scheduleKind = "WEEKLY";
        f.weekdays.add(weekday);
        f.seasonStart = "2026-08-10";
        f.seasonEnd = "2027-05-31";
        f.startTime = "10:00";
        f.endTime = "11:30";
        f.languages.add(language);
        return f;
    }

    int version(long activity, String lang) {
        return queries.activity(activity).orElseThrow().texts().stream().filter(t -> t.lang().equals(lang))
                .findFirst().orElseThrow().version();
    }

    KohtaamoException.Invalid invalid(String lang, String name, String description) {
        return catchThrowableOfType(KohtaamoException.Invalid.class,
                () -> texts.save(staff, arabic, lang, name, description, null));
    }

    @Test
    void textsAreStoredCheckedVersionedAndAudited() {
        int before = queries.activity(arabic).orElseThrow().version();
        assertThat(texts.save(staff, arabic, "AR", ARABIC_NAME, ARABIC_TEXT, null)).isEqualTo("ar");
        // Kurdish in Arabic script: a tag with a script, right to left by the script
        assertThat(texts.save(staff, arabic, "ku-arab", "قاوەخانەی خێزان", null, "")).isEqualTo("ku-Arab");
        ActivityQueries.Activity a = queries.activity(arabic).orElseThrow();
        assertThat(a.texts()).extracting(ActivityText::lang).containsExactly("ar", "ku-Arab");
        assertThat(a.texts()).extracting(ActivityText::dir).containsExactly("rtl", "rtl");
        assertThat(a.texts().get(0).description()).isEqualTo(ARABIC_TEXT);
        assertThat(a.version()).as("the activity is touched, so feeds change").isGreaterThan(before);

        // scripts may mix in one text
        texts.save(staff, arabic, "ar", "Kahvila café مقهى Кафе 😊", "Perhe — عائلة — сім'я", String.valueOf(version(arabic, "ar")));
        assertThat(queries.activity(arabic).orElseThrow().texts().get(0).name()).isEqualTo("Kahvila café مقهى Кафе 😊");

        // a stale version changes nothing
        assertThat(catchThrowableOfType(KohtaamoException.Conflict.class,
                () -> texts.save(staff, arabic, "ar", "Vanha", null, "0"))).isNotNull();
        assertThat(queries.activity(arabic).orElseThrow().texts().get(0).name()).startsWith("Kahvila café");
        // someone outside the activity's organisations may not write
        assertThat(catchThrowableOfType(KohtaamoException.Forbidden.class,
                () -> texts.save(otherStaff, arabic, "so", "Kooxda", null, null))).isNotNull();

        texts.delete(staff, arabic, "ku-Arab", String.valueOf(version(arabic, "ku-Arab")));
        assertThat(queries.activity(arabic).orElseThrow().texts()).extracting(ActivityText::lang).containsExactly("ar");
        assertThat(jdbc.sql("select action from audit_log where entity_type = 'activity' and entity_id = :id "
                + "and action like 'ACTIVITY_TEXT%' order by id").param("id", String.valueOf(arabic)).query(String.class)
                .list()).containsExactly("ACTIVITY_TEXT_ADD", "ACTIVITY_TEXT_ADD", "ACTIVITY_TEXT_UPDATE",
                        "ACTIVITY_TEXT_DELETE");
    }

    @ParameterizedTest
    @CsvSource({"xx, textLang", "fi, textLang", "en, textLang", "ar-Zzzz, textLang", "arabic, textLang",
            "'', textLang"})
    void unknownLanguageTagsAreRefused(String lang, String field) {
        assertThat(invalid(lang, ARABIC_NAME, null).errors().has(field)).isTrue();
        assertThat(queries.activity(arabic).orElseThrow().texts()).isEmpty();
    }

    @Test
    void limitsAndDuplicatesAreRefused() {
        assertThat(invalid("ar", "ع".repeat(201), null).errors().has("textName")).isTrue();
        assertThat(invalid("ar", "", null).errors().has("textName")).isTrue();
        assertThat(invalid("ar", ARABIC_NAME, "ع".repeat(4001)).errors().has("textDescription")).isTrue();
        assertThat(invalid("ar", ARABIC_NAME + "\u202E", null).errors().has("textName")).isTrue();
        texts.save(staff, arabic, "ar", ARABIC_NAME, null, null);
        assertThat(invalid("ar", "Toinen", null).errors().has("textLang")).isTrue();
        for (String l : java.util.List.of("so", "ru", "uk", "et", "fa", "de", "fr", "es", "tr")) {
            texts.save(staff, arabic, l, "Nimi " + l, null, null);
        }
        assertThat(invalid("it", "Nome", null).errors().has("textLang")).isTrue();
        assertThat(queries.activity(arabic).orElseThrow().texts()).hasSize(ActivityText.MAX_PER_ACTIVITY);
    }

    @Test
    void publicPagesCarryLangAndDir() {
        texts.save(staff, arabic, "ar", ARABIC_NAME, ARABIC_TEXT, null);
        texts.save(staff, arabic, "uk", "Сімейне кафе", "Приходьте з дітьми.", null);
        WebClient web = new WebClient(port);
        for (String lang : java.util.List.of("fi", "sv", "en")) {
            Document page = web.get("/calendar/activities/" + arabic + "?lang=" + lang).html();
            Element ar = page.selectFirst("section.other-lang div[lang=ar]");
            assertThat(ar.attr("dir")).isEqualTo("rtl");
            assertThat(ar.text()).contains(ARABIC_NAME).contains(ARABIC_TEXT);
            assertThat(page.selectFirst("section.other-lang div[lang=uk]").attr("dir")).isEqualTo("ltr");
            assertThat(page.select("section.other-lang h2").first().text())
                    .startsWith(Map.of("fi", "arabia", "sv", "arabiska", "en", "Arabic").get(lang));
        }
        Document occurrence = web.get("/calendar/activities/" + arabic + "/2026-11-25?lang=fi").html();
        assertThat(occurrence.selectFirst("div[lang=ar]").attr("dir")).isEqualTo("rtl");
        Document week = web.get("/calendar?place=" + place + "&date=2026-11-25&lang=sv").html();
        Element card = week.selectFirst("li.occurrence:has(p.other-lang-name)");
        assertThat(card.selectFirst("p.other-lang-name[lang=ar]").attr("dir")).isEqualTo("rtl");
        assertThat(card.selectFirst("p.other-lang-name[lang=uk]").attr("dir")).isEqualTo("ltr");
        Document list = web.get("/calendar?place=" + place + "&view=series&lang=en").html();
        assertThat(list.select("p.other-lang-name[lang=ar][dir=rtl]")).isNotEmpty();
        String widget = web.get("/widget/calendar?place=" + place + "&date=2026-11-25&days=7&lang=en").body();
        assertThat(widget).contains("lang=\"ar\" dir=\"rtl\"").contains(ARABIC_NAME);
        String api = web.get("/api/v1/activities?place=" + place).body();
        assertThat(api).contains("\"otherLanguages\":[{\"lang\":\"ar\",\"dir\":\"rtl\",\"name\":\"" + ARABIC_NAME);
        String occurrences = web.get("/api/v1/occurrences?place=" + place + "&start=2026-11-25&end=2026-11-25").body();
        assertThat(occurrences).contains("\"lang\":\"uk\",\"dir\":\"ltr\"");
        String ics = web.get("/places/" + place + "/calendar.ics?lang=fi").body().replace("\r\n ", "");
        assertThat(ics).contains("arabia: " + ARABIC_NAME);
    }

    @ParameterizedTest
    @CsvSource({"fi, arabia", "sv, arabiska", "en, Arabic"})
    void theLanguageFilterTakesTheValueItsOwnFormOffers(String lang, String arabicLabel) {
        WebClient web = new WebClient(port);
        String base = "/calendar?place=" + place + "&date=2026-11-25&lang=" + lang;
        Document page = web.get(base).html();
        Element option = page.select("select[name=language] option").stream()
                .filter(o -> o.text().equals(arabicLabel)).findFirst().orElseThrow();
        Document filtered = web.get(base + "&language=" + option.attr("value")).html();
        assertThat(filtered.select("li.occurrence h3")).isNotEmpty()
                .allSatisfy(h -> assertThat(h.text()).isEqualTo("Perhekahvila arabiaksi"));
        assertThat(web.get(base).html().select("li.occurrence h3").eachText()).contains("Perhekahvila suomeksi");
    }
}
