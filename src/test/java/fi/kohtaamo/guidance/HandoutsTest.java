package fi.kohtaamo.guidance;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kohtaamo.calendar.internal.ActivityForm;
import fi.kohtaamo.calendar.internal.ActivityService;
import fi.kohtaamo.identity.internal.UserQueries;
import fi.kohtaamo.registry.OrganisationType;
import fi.kohtaamo.shared.Actor;
import fi.kohtaamo.shared.PublicUrls;
import fi.kohtaamo.shared.Role;
import fi.kohtaamo.support.Fixtures;
import fi.kohtaamo.support.IntegrationTest;
import fi.kohtaamo.support.QrCodes;
import fi.kohtaamo.support.TestClock;
import fi.kohtaamo.support.WebClient;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Handouts over HTTP: a partner professional finds the meeting places of a municipality for a child's age, a
 * language and days as the public calendar plans them (Independence Day cancels a Sunday session), prints the A5
 * handout in the family's language with a readable QR code of each place's calendar, and each handout is tallied
 * once, at its first place, by the professional's service type; the tallies reach the report beside the onward
 * referrals. Bad input changes nothing. The test clock stands at Wednesday 25.11.2026 10.00.
 */
@IntegrationTest
class HandoutsTest {

    static final String PASSWORD = "esitteiden-salasana-1";

    @LocalServerPort int port;
    @Autowired Fixtures fx;
    @Autowired JdbcClient jdbc;
    @Autowired UserQueries users;
    @Autowired PasswordEncoder encoder;
    @Autowired ActivityService activities;
    @Autowired PublicUrls urls;
    @Autowired TestClock clock;

    long county, otherCounty, placeA, placeB, farPlace, otherPlace;
    String municipality, otherMunicipality, foreignMunicipality;
    String nameA, nameB;
    WebClient partner, coordinator, foreignPartner, volunteer;

    @BeforeEach
    void world() {
        county = fx.county();
        otherCounty = fx.county();
        municipality = fx.municipality(county);
        otherMunicipality = fx.municipality(county);
        foreignMunicipality = fx.municipality(otherCounty);
        long area = fx.area(county, municipality, otherMunicipality);
        long foreignArea = fx.area(otherCounty, foreignMunicipality);
        long mll = fx.organisation(OrganisationType.MLL_ASSOCIATION, null, county);
        long wellbeing = fx.organisation(OrganisationType.WELLBEING_COUNTY, null, county);
        long foreignWellbeing = fx.organisation(OrganisationType.WELLBEING_COUNTY, null, otherCounty);
        placeA = fx.place(area, municipality, mll);
        placeB = fx.place(area, municipality, mll);
        farPlace = fx.place(area, otherMunicipality, mll);
        otherPlace = fx.place(foreignArea, foreignMunicipality, foreignWellbeing);
        nameA = jdbc.sql("select name_fi from place where id = :id").param("id", placeA).query(String.class).single();
        nameB = jdbc.sql("select name_fi from place where id = :id").param("id", placeB).query(String.class).single();
        // A: babies and toddlers on Thursdays, in Finnish and Arabic; B: under school age on Sundays
        activity(placeA, "THURSDAY", "0", "3", List.of("fi", "ar"));
        activity(placeB, "SUNDAY", "0", "6", List.of("fi"));
        activity(farPlace, "THURSDAY", "0", "6", List.of("fi"));
        activity(otherPlace, "THURSDAY", "0", "6", List.of("fi"));
        partner = login(Role.PARTNER, wellbeing, null);
        foreignPartner = login(Role.PARTNER, foreignWellbeing, null);
        coordinator = login(Role.COUNTY_COORDINATOR, null, county);
        volunteer = login(Role.VOLUNTEER, null, county);
    }

    void activity(long place, String weekday, String ageMin, String ageMax, List<String> languages) {
        ActivityForm f = new ActivityForm();
        f.placeId = String.valueOf(place);
        f.kind = "FAMILY_CAFE";
        f.nameFi = Fixtures.unique("Perhekahvila");
        f.nameSv = "Familjecafé";
        f.nameEn = "Family café";
        f.weekdays.add(weekday);
        f.ageMinYears = ageMin;
        f.ageMaxYears = ageMax;
        f.languages.addAll(languages);
        f.seasonStart = "2026-08-01";
        f.seasonEnd = "2027-05-31";
        f.startTime = "09:30";
        f.endTime = "11:00";
        activities.create(new Actor(1, "Testi", Role.ADMIN, null, Set.of(), null, null, null), f);
    }

    WebClient login(Role role, Long orgId, Long countyId) {
        String email = Fixtures.unique("esite-" + role.name().toLowerCase()).replace(' ', '-') + "@example.fi";
        users.insert(email, "Esite " + role, encoder.encode(PASSWORD), role, orgId, countyId, null,
                role == Role.VOLUNTEER ? placeA : null, "fi", true, false, Instant.now());
        WebClient web = new WebClient(port);
        assertThat(web.login(email, PASSWORD).header("Location")).endsWith("/admin");
        return web;
    }

    String found(WebClient web, String query) {
        var r = web.get("/admin/handouts?municipality=" + municipality + query);
        assertThat(r.status()).as(query).isEqualTo(200);
        return r.html().select("#f-place").text();
    }

    List<Map.Entry<String, String>> printForm(String type, String lang, long... places) {
        List<Map.Entry<String, String>> f = new ArrayList<>();
        f.add(Map.entry("municipality", municipality));
        f.add(Map.entry("age", "1"));
        f.add(Map.entry("serviceType", type));
        f.add(Map.entry("handoutLang", lang));
        for (long p : places) {
            f.add(Map.entry("place", "" + p));
        }
        return f;
    }

    long handouts() {
        return jdbc.sql("select count(*) from guidance_handout where county_id = :c").param("c", county)
                .query(Long.class).single();
    }

    @Test
    void aPartnerFindsThePlacesAsThePublicCalendarPlansThem() {
        String all = found(partner, "&age=1");
        assertThat(all).contains(nameA, nameB).doesNotContain("6.12.");
        assertThat(all.indexOf(nameA)).isLessThan(all.indexOf(nameB));
        // Sunday 6.12. is Independence Day: B's next sessions are 29.11., 13.12. and 20.12.
        assertThat(all).contains("sunnuntai 29.11. klo 9.30–11.00", "sunnuntai 13.12.", "sunnuntai 20.12.");
        assertThat(all).contains("Toiminnan kielet: arabia, suomi");
        // another municipality's place and another county's are never offered
        assertThat(all).doesNotContain(jdbc.sql("select name_fi from place where id = :id").param("id", farPlace)
                .query(String.class).single());
        assertThat(found(partner, "&age=1&language=ar")).contains(nameA).doesNotContain(nameB);
        assertThat(found(partner, "&weekday=SUNDAY")).contains(nameB).doesNotContain(nameA);
        assertThat(found(partner, "&age=5")).contains(nameB).doesNotContain(nameA);
        assertThat(found(partner, "&age=9")).isEmpty();
        // a municipality of another county, a bad age, an unknown language: 400 with a message
        var bad = partner.get("/admin/handouts?municipality=" + foreignMunicipality + "&age=99&language=xx");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.html().select(".error-summary li")).hasSize(3);
    }

    @Test
    void eachHandoutIsTalliedOnceByTheProfessionalsServiceType() {
        partner.get("/admin/handouts?municipality=" + municipality + "&age=1");
        var r = partner.post("/admin/handouts/print", printForm("CHILD_HEALTH_CLINIC", "sv", placeA, placeB));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("application/pdf");
        // one handout, counted at its first place, by the professional's service type; nothing about the family
        assertThat(jdbc.sql("select place_id, service_type, places from guidance_handout where county_id = :c")
                .param("c", county).query((rs, n) -> List.of(rs.getLong(1), rs.getString(2), rs.getInt(3))).list())
                .containsExactly(List.of(placeA, "CHILD_HEALTH_CLINIC", 2));
        // the service type is remembered for the session
        assertThat(partner.get("/admin/handouts?municipality=" + municipality + "&age=1").html()
                .select("#f-serviceType option[selected]").attr("value")).isEqualTo("CHILD_HEALTH_CLINIC");
    }

    byte[] print(WebClient web, List<Map.Entry<String, String>> form) {
        web.get("/admin/handouts");
        return web.postBytes("/admin/handouts/print", form);
    }

    @Test
    void theHandoutsQrCodesLeadToEachPlacesCalendar() throws Exception {
        byte[] pdf = print(partner, printForm("SPEECH_THERAPY", "sv", placeA, placeB));
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
            assertThat(doc.getPage(0).getMediaBox().getWidth()).isEqualTo(420f, org.assertj.core.data.Offset.offset(1f));
            assertThat(doc.getDocumentCatalog().getLanguage()).isEqualTo("sv");
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("Välkommen till mötesplatsen", nameA, nameB, "söndag 29.11. kl. 9.30–11.00",
                    "Familjecafé").doesNotContain("6.12.");
            List<String> codes = QrCodes.read(doc, 0, c -> c.size() == 2);
            assertThat(codes).containsExactlyInAnyOrder(urls.of("/calendar?place=" + placeA),
                    urls.of("/calendar?place=" + placeB));
        }
    }

    @Test
    void badInputAndOtherCountiesChangeNothing() {
        long before = handouts();
        partner.get("/admin/handouts");
        // more places than a handout holds, none, an unknown or a deactivated service type, another county's place
        assertThat(partner.post("/admin/handouts/print", printForm("CHILD_HEALTH_CLINIC", "fi", placeA, placeB,
                farPlace, otherPlace, placeA + 1000)).status()).isEqualTo(400);
        assertThat(partner.post("/admin/handouts/print", printForm("CHILD_HEALTH_CLINIC", "fi")).status())
                .isEqualTo(400);
        assertThat(partner.post("/admin/handouts/print", printForm("NO_SUCH_TYPE", "fi", placeA)).status())
                .isEqualTo(400);
        jdbc.sql("update service_type set active = false where county_id = :c and code = 'OTHER'").param("c", county)
                .update();
        assertThat(partner.post("/admin/handouts/print", printForm("OTHER", "fi", placeA)).status()).isEqualTo(400);
        var foreign = partner.post("/admin/handouts/print", printForm("CHILD_HEALTH_CLINIC", "fi", otherPlace));
        assertThat(foreign.status()).isEqualTo(400);
        assertThat(foreign.html().select("#f-place-error, .error-summary").text()).contains("ei ole hakutuloksissa");
        assertThat(partner.post("/admin/handouts/print", printForm("CHILD_HEALTH_CLINIC", "xx", placeA)).status())
                .isEqualTo(400);
        // a partner of another county may not print this county's handouts; a volunteer none at all
        List<Map.Entry<String, String>> asked = new ArrayList<>(printForm("CHILD_HEALTH_CLINIC", "fi", placeA));
        asked.add(Map.entry("county", "" + county));
        foreignPartner.get("/admin/handouts");
        assertThat(foreignPartner.post("/admin/handouts/print", asked).status()).isEqualTo(403);
        assertThat(foreignPartner.get("/admin/handouts?county=" + county).status()).isEqualTo(403);
        assertThat(volunteer.get("/admin/handouts").status()).isEqualTo(403);
        assertThat(handouts()).isEqualTo(before);
    }

    @Test
    void theTalliesReachTheReportBesideTheOnwardReferrals() {
        // five families guided by the clinic (each handout listing both places), two by family work
        for (int i = 0; i < 5; i++) {
            print(partner, printForm("CHILD_HEALTH_CLINIC", "fi", placeA, placeB));
        }
        for (int i = 0; i < 2; i++) {
            print(coordinator, printForm("FAMILY_WORK", "en", placeA));
        }
        assertThat(handouts()).isEqualTo(7);
        try {
            clock.set(Instant.parse("2026-12-02T08:00:00Z"));
            var page = coordinator.get("/admin/reports?from=2026-11&to=2026-11&breakdown=PLACE&lang=en");
            assertThat(page.status()).isEqualTo(200);
            String referrals = page.html().select("table:has(#t-referrals) tbody").text();
            assertThat(referrals).contains("Child health clinic 0 5", "Family work and home help 0 <5");
            String csv = new String(coordinator.getBytes("/admin/reports.csv?from=2026-11&to=2026-11&breakdown=PLACE"
                    + "&lang=en"), StandardCharsets.UTF_8);
            assertThat(csv).contains("Families guided here by services (handouts)");
            // each handout counted once, at its first place: A has all seven, B none, the total seven (not twelve)
            List<String> header = List.of(csv.lines().filter(l -> l.contains("(handouts)")).findFirst().orElseThrow()
                    .split(";"));
            int column = header.indexOf("Families guided here by services (handouts)");
            String[] rowA = csv.lines().filter(l -> l.startsWith(nameA + ";")).findFirst().orElseThrow().split(";");
            String[] rowB = csv.lines().filter(l -> l.startsWith(nameB + ";")).findFirst().orElseThrow().split(";");
            assertThat(rowA[column]).isEqualTo("7");
            assertThat(rowB[column]).isEqualTo("0");
        } finally {
            clock.set(TestClock.START);
        }
    }
}
