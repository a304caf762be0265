package fi.kohtaamo.calendar;

import static fi.kohtaamo.support.Forms.formFields;
import static fi.kohtaamo.support.Forms.with;
import static org.assertj.core.api.Assertions.assertThat;

import fi.kohtaamo.calendar.internal.ActivityForm;
import fi.kohtaamo.calendar.internal.ActivityService;
import fi.kohtaamo.identity.internal.UserQueries;
import fi.kohtaamo.registry.OrganisationType;
import fi.kohtaamo.registry.internal.RegistryQueries;
import fi.kohtaamo.shared.Actor;
import fi.kohtaamo.shared.Role;
import fi.kohtaamo.support.Fixtures;
import fi.kohtaamo.support.IntegrationTest;
import fi.kohtaamo.support.WebClient;
import java.time.Instant;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The place page as a timetable over real HTTP (H2, and PostgreSQL when configured): a season stated once, the autumn
 * and spring copies of an activity one row, no repeated place name, hours from the programme; and the staff's warning
 * when the typed hours disagree with the programme, the save still going through.
 */
@IntegrationTest
class PlaceTimetablePagesTest {

    static final String PASSWORD = "oikein-pitkä-salasana";
    static final Actor ADMIN = new Actor(1, "Admin", Role.ADMIN, null, Set.of(), null, null, null);

    @LocalServerPort int port;
    @Autowired Fixtures fx;
    @Autowired ActivityService activities;
    @Autowired RegistryQueries places;
    @Autowired UserQueries users;
    @Autowired PasswordEncoder encoder;

    long place, autumn, spring;
    String placeName, staffEmail;

    @BeforeEach
    void world() {
        long county = fx.county();
        String muni = fx.municipality(county);
        long area = fx.area(county, muni);
        long org = fx.organisation(OrganisationType.MLL_ASSOCIATION, null, county);
        place = fx.place(area, muni, org);
        placeName = places.place(place).orElseThrow().name().fi();
        autumn = activities.create(ADMIN, cafe("2026-08-17", "2026-12-18"));
        spring = activities.create(ADMIN, cafe("2027-01-11", "2027-05-28"));
        staffEmail = Fixtures.unique("staff").replace(' ', '-') + "@example.fi";
        users.insert(staffEmail, "Testi Työntekijä", encoder.encode(PASSWORD), Role.PROVIDER_STAFF, org, county, null,
                null, "fi", true, false, Instant.now());
    }

    ActivityForm cafe(String from, String to) {
        ActivityForm f = new ActivityForm();
        f.placeId = String.valueOf(place);
        f.kind = "FAMILY_CAFE";
        f.nameFi = "Perhekahvila";
        f.nameSv = "Familjecafé";
        f.nameEn = "Family café";
        f.scheduleKind = "WEEKLY";
        f.weekdays.add("TUESDAY");
        f.weekdays.add("THURSDAY");
        f.seasonStart = from;
        f.seasonEnd = to;
        f.startTime = "9:00";
        f.endTime = "12:00";
        f.ageMaxYears = "6";
        f.languages.add("fi");
        return f;
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "fi|Syyskausi 17.8.–18.12. ja kevätkausi 11.1.–28.5.2027|Tiistai|Maksuton|Auki toiminnan aikaan: Ti 9–12, To 9–12",
            "sv|Hösttermin 17.8.–18.12. och vårtermin 11.1.–28.5.2027|Tisdag|Avgiftsfri|Öppet när det finns verksamhet: Tis 9–12, Tors 9–12",
            "en|Autumn term 17.8.–18.12. and spring term 11.1.–28.5.2027|Tuesday|Free of charge|Open during activities: Tue 9–12, Thu 9–12"})
    void thePlacePageIsATimetableWithItsSeasonStatedOnce(String lang, String seasons, String tuesday, String free,
            String hours) {
        Document page = new WebClient(port).get("/places/" + place + "?lang=" + lang).html();
        var tables = page.select("table.timetable");
        assertThat(tables).hasSize(1);
        assertThat(page.select("h3.season").text()).isEqualTo(seasons);
        assertThat(tables.select("caption").text()).endsWith(seasons);
        assertThat(tables.select("th[scope=col]")).hasSize(5);
        assertThat(tables.select("th[scope=rowgroup]")).hasSize(2);
        assertThat(tables.select("th[scope=rowgroup]").first().text()).isEqualTo(tuesday);
        // one row per weekday: the autumn and spring copies are one activity shown once
        var rows = tables.select("tbody tr:has(th[scope=row])");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).select("th[scope=row]").text()).isEqualTo("9.00–12.00");
        assertThat(rows.get(0).select("td.tt-name a").attr("href")).endsWith("/calendar/activities/" + autumn);
        assertThat(rows.get(0).select("td.tt-price").text()).isEqualTo(free);
        // the place's name is the page's heading, not repeated on every row
        assertThat(page.select("main").text().split(java.util.regex.Pattern.quote(placeName), -1)).hasSize(2);
        // no typed hours: the hours come from the programme
        assertThat(page.select("p.derived-hours").text()).isEqualTo(hours);
    }

    WebClient signedIn() {
        WebClient web = new WebClient(port);
        assertThat(web.login(staffEmail, PASSWORD).status()).isEqualTo(302);
        return web;
    }

    @Test
    void staffAreWarnedWhenTheirHoursDisagreeWithTheProgrammeAndTheSaveGoesThrough() {
        WebClient web = signedIn();
        Document form = web.get("/admin/places/" + place).html();
        assertThat(form.select("#hours-check")).isEmpty();
        // open on Tuesdays 9–11 and Wednesdays: the cafés run 9–12 on Tuesdays and Thursdays
        var fields = with(formFields(form), "periods[0].validFrom", "2026-08-01");
        fields = with(fields, "periods[0].opens[1]", "09:00");
        fields = with(fields, "periods[0].closes[1]", "11:00");
        fields = with(fields, "periods[0].opens[2]", "09:00");
        fields = with(fields, "periods[0].closes[2]", "12:00");
        var r = web.post("/admin/places/" + place, fields);
        assertThat(r.status()).as(r.body()).isEqualTo(302);
        assertThat(places.place(place).orElseThrow().openingPeriods()).singleElement()
                .satisfies(p -> assertThat(p.hours()).hasSize(2));
        Document saved = web.get("/admin/places/" + place + "?saved").html();
        assertThat(saved.select("p.notice[role=status]")).isNotEmpty();
        assertThat(saved.select("#hours-check h2").text()).isEqualTo("Aukioloajat ja viikko-ohjelma eivät sovi yhteen");
        assertThat(saved.select("#hours-check li").eachText()).containsExactly(
                "Tiistai klo 9–12: ohjelmassa on toimintaa, mutta paikka ei ole auki (aukioloajat 1.8.2026–).",
                "Torstai klo 9–12: ohjelmassa on toimintaa, mutta paikka ei ole auki (aukioloajat 1.8.2026–).",
                "Keskiviikko klo 9–12: paikka on auki, mutta ohjelmassa ei ole toimintaa (aukioloajat 1.8.2026–).");
        // typed hours: the public page shows them, not hours from the programme
        Document pub = new WebClient(port).get("/places/" + place + "?lang=fi").html();
        assertThat(pub.select("p.derived-hours")).isEmpty();
        assertThat(pub.select("table:not(.timetable) td").eachText()).contains("9.00–11.00");
    }
}
