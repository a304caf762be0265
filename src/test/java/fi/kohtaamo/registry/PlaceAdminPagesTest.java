package fi.kohtaamo.registry;

import static fi.kohtaamo.support.Forms.formFields;
import static fi.kohtaamo.support.Forms.with;
import static org.assertj.core.api.Assertions.assertThat;

import fi.kohtaamo.identity.internal.UserQueries;
import fi.kohtaamo.registry.internal.RegistryQueries;
import fi.kohtaamo.shared.Role;
import fi.kohtaamo.support.Fixtures;
import fi.kohtaamo.support.IntegrationTest;
import fi.kohtaamo.support.WebClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Staff editing places through the real pages: saving, field errors in the user's language, hostile input, other organisations. */
@IntegrationTest
class PlaceAdminPagesTest {

    static final String PASSWORD = "oikein-pitkä-salasana";

    @LocalServerPort int port;
    @Autowired Fixtures fx;
    @Autowired RegistryQueries queries;
    @Autowired UserQueries users;
    @Autowired PasswordEncoder encoder;

    long county, area, ownOrg, otherOrg, ownPlace, otherPlace;
    String muni, staffEmail;

    @BeforeEach
    void world() {
        county = fx.county();
        muni = fx.municipality(county);
        area = fx.area(county, muni);
        ownOrg = fx.organisation(OrganisationType.MLL_ASSOCIATION, null, county);
        otherOrg = fx.organisation(OrganisationType.PARISH, null, county);
        ownPlace = fx.place(area, muni, ownOrg);
        otherPlace = fx.place(area, muni, otherOrg);
        staffEmail = Fixtures.unique("staff").replace(' ', '-') + "@example.fi";
        users.insert(staffEmail, "Testi Työntekijä", encoder.encode(PASSWORD), Role.PROVIDER_STAFF, ownOrg, county, null,
                null, "fi", true, false, Instant.now());
    }

    WebClient signedIn() {
        WebClient web = new WebClient(port);
        var r = web.login(staffEmail, PASSWORD);
        assertThat(r.status()).isEqualTo(302);
        assertThat(r.header("Location")).endsWith("/admin");
        return web;
    }

    @Test
    void staffEditTheirPlaceAndTheChangeIsPublic() {
        WebClient web = signedIn();
        Document form = web.get("/admin/places/" + ownPlace).html();
        var fields = with(formFields(form), "nameSv", "Familjecafé Test");
        fields = with(fields, "descriptionFi", "Tervetuloa!\nJoka tiistai.");
        fields = with(fields, "periods[0].validFrom", "2026-08-10");
        fields = with(fields, "periods[0].opens[1]", "9.30");
        fields = with(fields, "periods[0].closes[1]", "11:30");
        var r = web.post("/admin/places/" + ownPlace, fields);
        assertThat(r.status()).as(r.body()).isEqualTo(302);
        var place = queries.place(ownPlace).orElseThrow();
        assertThat(place.name().sv()).isEqualTo("Familjecafé Test");
        assertThat(place.openingPeriods()).hasSize(1);
        assertThat(place.openingPeriods().get(0).hours()).singleElement()
                .satisfies(h -> assertThat(h.opens().toString()).isEqualTo("09:30"));
        Document pub = new WebClient(port).get("/places/" + ownPlace + "?lang=sv").html();
        assertThat(pub.selectFirst("h1").text()).isEqualTo("Familjecafé Test");
        assertThat(pub.select("table td").eachText()).contains("9.30–11.30");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "fi|nameFi||Tämä tieto on pakollinen.",
            "sv|nameFi||Uppgiften är obligatorisk.",
            "en|contactEmail|not-an-email|Give an email address like name@example.fi.",
            "en|website|javascript:alert(1)|Give a web address starting with http:// or https://.",
            "en|postalCode|0210|Give 5 digits.",
            "en|latitude|91|The value must be between 59 and 71.",
            "en|employees|-1|The value must be between 0 and 1000.",
            "en|employees|99999999999|Give a whole number.",
            "en|municipalityCode|999|Unknown municipality code. Use the three-digit Statistics Finland code, e.g. 049 Espoo.",
            "en|municipalityCode|49|Give 3 digits.",
            "en|kind|CASTLE|Choose one of the options given.",
            "en|periods[0].validFrom|31.2.2026|Give the date as yyyy-mm-dd.",
            "en|periods[0].opens[0]|25:00|Give the time as hh:mm, e.g. 09:30."})
    void badInputGetsAMessageNextToTheFieldAndChangesNothing(String lang, String field, String value, String message) {
        WebClient web = signedIn();
        Document form = web.get("/admin/places/" + ownPlace + "?lang=" + lang).html();
        var before = queries.place(ownPlace).orElseThrow();
        var fields = with(formFields(form), field, value == null ? "" : value);
        if (field.startsWith("periods[0].opens")) {
            fields = with(fields, "periods[0].validFrom", "2026-08-10");
            fields = with(fields, "periods[0].closes[0]", "12:00");
        }
        var r = web.post("/admin/places/" + ownPlace + "?lang=" + lang, fields);
        Document page = r.html();
        assertThat(r.status()).isEqualTo(400);
        assertThat(page.select(".field-error").eachText()).contains(message);
        assertThat(page.selectFirst("#error-summary")).isNotNull();
        assertThat(queries.place(ownPlace).orElseThrow()).isEqualTo(before);
    }

    @Test
    void hostileTextIsStoredAsTextAndShownEscaped() {
        WebClient web = signedIn();
        var fields = with(formFields(web.get("/admin/places/" + ownPlace).html()), "nameEn",
                "<script>alert('x')</script> ' OR 1=1; DROP TABLE place; --");
        assertThat(web.post("/admin/places/" + ownPlace, fields).status()).isEqualTo(302);
        var pub = new WebClient(port).get("/places/" + ownPlace + "?lang=en");
        assertThat(pub.body()).doesNotContain("<script>alert('x')</script>");
        assertThat(pub.html().selectFirst("h1").text()).isEqualTo("<script>alert('x')</script> ' OR 1=1; DROP TABLE place; --");
        assertThat(queries.countPlaces()).isPositive();
    }

    @Test
    void controlCharactersAndOversizedTextAreRefused() {
        WebClient web = signedIn();
        var before = queries.place(ownPlace).orElseThrow();
        var base = formFields(web.get("/admin/places/" + ownPlace + "?lang=en").html());
        var r1 = web.post("/admin/places/" + ownPlace + "?lang=en", with(base, "nameFi", "Nimi\u0000\u0007"));
        assertThat(r1.status()).isEqualTo(400);
        assertThat(r1.html().select(".field-error").eachText()).contains("The text contains control characters that are not allowed.");
        var r2 = web.post("/admin/places/" + ownPlace + "?lang=en", with(base, "descriptionFi", "x".repeat(5000)));
        assertThat(r2.status()).isEqualTo(400);
        assertThat(r2.html().select(".field-error").eachText()).contains("At most 4000 characters.");
        assertThat(queries.place(ownPlace).orElseThrow()).isEqualTo(before);
    }

    /** A right-to-left override would show "Perhekahvila \u202Eexe.txt" as "Perhekahvila txt.exe": every bidi control is refused. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "fi|nameFi|Tekstissä on tekstin suuntaa vaihtavia ohjausmerkkejä, joita ei sallita.",
            "sv|nameSv|Texten innehåller styrtecken som ändrar textens riktning, och de tillåts inte.",
            "en|descriptionFi|The text contains characters that change the direction of text, which are not allowed."})
    void bidirectionalControlsAreRefusedInTheUsersLanguage(String lang, String field, String message) {
        WebClient web = signedIn();
        var before = queries.place(ownPlace).orElseThrow();
        var base = formFields(web.get("/admin/places/" + ownPlace + "?lang=" + lang).html());
        for (String c : new String[] {"\u202E", "\u200E", "\u200F", "\u202A", "\u202B", "\u202C", "\u202D", "\u2066",
                "\u2067", "\u2068", "\u2069", "\u061C"}) {
            var r = web.post("/admin/places/" + ownPlace + "?lang=" + lang, with(base, field, "Perhekahvila " + c + "exe.txt"));
            assertThat(r.status()).as("U+%04X", (int) c.charAt(0)).isEqualTo(400);
            assertThat(r.html().select(".field-error").eachText()).contains(message);
        }
        assertThat(queries.place(ownPlace).orElseThrow()).isEqualTo(before);
    }

    @Test
    void deletingAPlaceIsConfirmedOnAPageOfItsOwn() {
        String coordinator = Fixtures.unique("area").replace(' ', '-') + "@example.fi";
        users.insert(coordinator, "Alue Koordinaattori", encoder.encode(PASSWORD), Role.AREA_COORDINATOR, null, county,
                area, null, "fi", true, false, Instant.now());
        WebClient web = new WebClient(port);
        assertThat(web.login(coordinator, PASSWORD).status()).isEqualTo(302);
        String link = web.get("/admin/places/" + ownPlace + "?lang=en").html()
                .selectFirst("main a[href$=/delete]").attr("href");
        assertThat(link).isEqualTo("/admin/places/" + ownPlace + "/delete");
        var confirm = web.get(link + "?lang=en");
        assertThat(confirm.status()).isEqualTo(200);
        assertThat(confirm.html().select("h1").text()).isEqualTo("Delete the meeting place?");
        assertThat(queries.place(ownPlace)).as("showing the confirmation deletes nothing").isPresent();
        var form = confirm.html().selectFirst("main form[method=post]");
        assertThat(web.post(form.attr("action"), List.of()).status()).isEqualTo(302);
        assertThat(queries.place(ownPlace)).isEmpty();
        // staff of the organisation may edit but not delete: no link, and the confirmation is refused
        WebClient staff = signedIn();
        assertThat(staff.get("/admin/places/" + otherPlace + "/delete").status()).isEqualTo(403);
    }

    @Test
    void staffCannotReadOrChangeAnotherOrganisationsPlace() {
        WebClient web = signedIn();
        var before = queries.place(otherPlace).orElseThrow();
        assertThat(web.get("/admin/places/" + otherPlace).status()).isEqualTo(403);
        var fields = with(formFields(web.get("/admin/places/" + ownPlace).html()), "nameFi", "Kaapattu");
        var r = web.post("/admin/places/" + otherPlace, fields);
        assertThat(r.status()).isEqualTo(403);
        assertThat(web.post("/admin/places/" + otherPlace + "/delete", List.of()).status()).isEqualTo(403);
        assertThat(queries.place(otherPlace).orElseThrow()).isEqualTo(before);
        // and their list shows only their own organisation's places
        Document home = web.get("/admin").html();
        assertThat(home.select("main table a").eachAttr("href")).contains("/admin/places/" + ownPlace)
                .doesNotContain("/admin/places/" + otherPlace);
    }

    @Test
    void aStaleFormIsRefusedAndChangesNothing() {
        WebClient web = signedIn();
        var fields = formFields(web.get("/admin/places/" + ownPlace).html());
        assertThat(web.post("/admin/places/" + ownPlace, with(fields, "nameFi", "Ensimmäinen")).status()).isEqualTo(302);
        var r = web.post("/admin/places/" + ownPlace, with(fields, "nameFi", "Toinen"));
        assertThat(r.status()).isEqualTo(409);
        assertThat(queries.place(ownPlace).orElseThrow().name().fi()).isEqualTo("Ensimmäinen");
    }

    @Test
    void formsWithoutTheCsrfTokenAreRefused() {
        // a signed-in session, so that only the missing token can refuse the form (not the sign-in page)
        WebClient web = signedIn();
        var fields = formFields(web.get("/admin/places/" + ownPlace).html());
        var before = queries.place(ownPlace).orElseThrow();
        web.forgetCsrfToken();
        assertThat(web.post("/admin/places/" + ownPlace, with(fields, "nameFi", "CSRF")).status()).isEqualTo(403);
        assertThat(queries.place(ownPlace).orElseThrow()).isEqualTo(before);
        // with the token read again the same form goes through: the token was all that was missing
        web.get("/admin/places/" + ownPlace);
        assertThat(web.post("/admin/places/" + ownPlace, with(fields, "nameFi", "Tunnisteen kanssa")).status())
                .isEqualTo(302);
        assertThat(queries.place(ownPlace).orElseThrow().name().fi()).isEqualTo("Tunnisteen kanssa");
    }

    @Test
    void staffCannotPutTheirPlaceInAnotherCountysArea() {
        long otherCounty = fx.county();
        String otherMuni = fx.municipality(otherCounty);
        long otherArea = fx.area(otherCounty, otherMuni);
        String secondMuni = fx.municipality(county);
        long secondArea = fx.area(county, secondMuni);
        WebClient web = signedIn();
        var fields = formFields(web.get("/admin/places/" + ownPlace + "?lang=en").html());
        var before = queries.place(ownPlace).orElseThrow();
        var moved = web.post("/admin/places/" + ownPlace + "?lang=en",
                with(with(fields, "areaId", String.valueOf(otherArea)), "municipalityCode", otherMuni));
        assertThat(moved.status()).isEqualTo(400);
        assertThat(moved.html().select("#f-areaId-error").text())
                .isEqualTo("Choose an area in the wellbeing services county where the organiser of the place works.");
        assertThat(queries.place(ownPlace).orElseThrow()).isEqualTo(before);
        // nor can a new place be made there
        int places = queries.placesOfOrganisations(List.of(ownOrg), fi.kohtaamo.shared.Lang.FI).size();
        var newPlace = with(formFields(web.get("/admin/places/new").html()), "nameFi", "Vieras paikka");
        newPlace = with(with(newPlace, "kind", "FAMILY_CAFE"), "organiserIds", String.valueOf(ownOrg));
        var created = web.post("/admin/places?lang=en",
                with(with(newPlace, "areaId", String.valueOf(otherArea)), "municipalityCode", otherMuni));
        assertThat(created.status()).isEqualTo(400);
        assertThat(created.html().select("#f-areaId-error").text())
                .isEqualTo("Choose an area in the wellbeing services county where the organiser of the place works.");
        assertThat(queries.placesOfOrganisations(List.of(ownOrg), fi.kohtaamo.shared.Lang.FI)).hasSize(places);
        // another area of the organisation's own county is fine
        fields = formFields(web.get("/admin/places/" + ownPlace).html());
        var inCounty = web.post("/admin/places/" + ownPlace,
                with(with(fields, "areaId", String.valueOf(secondArea)), "municipalityCode", secondMuni));
        assertThat(inCounty.status()).as(inCounty.body()).isEqualTo(302);
        assertThat(queries.place(ownPlace).orElseThrow().areaId()).isEqualTo(secondArea);
    }

    @Test
    void writesAreAuditLogged() {
        WebClient web = signedIn();
        var fields = with(formFields(web.get("/admin/places/" + ownPlace).html()), "nameFi", "Auditoitu nimi");
        assertThat(web.post("/admin/places/" + ownPlace, fields).status()).isEqualTo(302);
        var jdbc = org.springframework.jdbc.core.simple.JdbcClient.create(dataSource);
        var row = jdbc.sql("select actor_name, action, before_json, after_json from audit_log where entity_type = 'place' "
                + "and entity_id = :id order by id desc").param("id", String.valueOf(ownPlace)).query().listOfRows().get(0);
        assertThat(row.get("actor_name")).isEqualTo("Testi Työntekijä");
        assertThat(row.get("action")).isEqualTo("PLACE_UPDATE");
        assertThat(String.valueOf(row.get("after_json"))).contains("Auditoitu nimi");
        assertThat(String.valueOf(row.get("before_json"))).doesNotContain("Auditoitu nimi");
    }

    @Autowired javax.sql.DataSource dataSource;
}
