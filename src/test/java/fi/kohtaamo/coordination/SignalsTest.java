package fi.kohtaamo.coordination;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kohtaamo.coordination.internal.signals.SignalService;
import fi.kohtaamo.identity.internal.UserQueries;
import fi.kohtaamo.registry.OrganisationType;
import fi.kohtaamo.shared.Role;
import fi.kohtaamo.support.Fixtures;
import fi.kohtaamo.support.IntegrationTest;
import fi.kohtaamo.support.WebClient;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Weak signals over HTTP on the real database: staff record a signal about an area of their county; personal
 * data of each kind, an unknown theme, a date to come and another county's area are refused with a translated
 * message and store nothing; coordinators handle it (the county sees what was forwarded to it); who reads what;
 * the summary by theme × area × quarter as a page, CSV and Excel. The test clock stands at 25.11.2026.
 */
@IntegrationTest
class SignalsTest {

    static final String PASSWORD = "signaalien-salasana-1";

    @LocalServerPort int port;
    @Autowired Fixtures fx;
    @Autowired JdbcClient jdbc;
    @Autowired UserQueries users;
    @Autowired PasswordEncoder encoder;
    @Autowired SignalService service;

    long county, otherCounty, area, area2, otherArea, org, org2, otherOrg, theme, theme2, otherTheme;
    WebClient staff, staff2, areaCoordinator, countyCoordinator, otherCoordinator, volunteer;

    @BeforeEach
    void world() {
        county = fx.county();
        otherCounty = fx.county();
        String m = fx.municipality(county);
        String m2 = fx.municipality(county);
        String om = fx.municipality(otherCounty);
        area = fx.area(county, m);
        area2 = fx.area(county, m2);
        otherArea = fx.area(otherCounty, om);
        org = fx.organisation(OrganisationType.MLL_ASSOCIATION, null, county);
        org2 = fx.organisation(OrganisationType.PARISH, null, county);
        otherOrg = fx.organisation(OrganisationType.OTHER_NGO, null, otherCounty);
        long place = fx.openPlace(area, m, org);
        theme = themeId(county, "waiting_times");
        theme2 = themeId(county, "new_language_groups");
        otherTheme = themeId(otherCounty, "waiting_times");
        staff = login(Role.PROVIDER_STAFF, org, county, null, null);
        staff2 = login(Role.PROVIDER_STAFF, org2, county, null, null);
        areaCoordinator = login(Role.AREA_COORDINATOR, null, county, area, null);
        countyCoordinator = login(Role.COUNTY_COORDINATOR, null, county, null, null);
        otherCoordinator = login(Role.COUNTY_COORDINATOR, null, otherCounty, null, null);
        volunteer = login(Role.VOLUNTEER, null, county, area, place);
    }

    long themeId(long c, String code) {
        return jdbc.sql("select id from signal_theme where county_id = :c and code = :code").param("c", c)
                .param("code", code).query(Long.class).single();
    }

    WebClient login(Role role, Long orgId, Long countyId, Long areaId, Long placeId) {
        String email = Fixtures.unique("signaali-" + role.name().toLowerCase()).replace(' ', '-') + "@example.fi";
        users.insert(email, "Signaali " + role, encoder.encode(PASSWORD), role, orgId, countyId, areaId, placeId, "fi",
                true, false, Instant.now());
        WebClient web = new WebClient(port);
        assertThat(web.login(email, PASSWORD).header("Location")).endsWith("/admin");
        assertThat(web.get("/admin/account").status()).isEqualTo(200);
        return web;
    }

    List<Map.Entry<String, String>> form(String body, String noticed, long... areasThenThemes) {
        List<Map.Entry<String, String>> f = new ArrayList<>();
        f.add(Map.entry("body", body));
        f.add(Map.entry("noticedOn", noticed));
        f.add(Map.entry("areaIds", "" + areasThenThemes[0]));
        for (int i = 1; i < areasThenThemes.length; i++) {
            f.add(Map.entry("themeIds", "" + areasThenThemes[i]));
        }
        return f;
    }

    long signals() {
        return jdbc.sql("select count(*) from weak_signal").query(Long.class).single();
    }

    long record(WebClient web, String body, String noticed, long areaId, long... themes) {
        long[] args = new long[themes.length + 1];
        args[0] = areaId;
        System.arraycopy(themes, 0, args, 1, themes.length);
        var r = web.post("/admin/signals", form(body, noticed, args));
        assertThat(r.status()).as(r.body()).isEqualTo(302);
        return Long.parseLong(r.header("Location").replaceAll(".*/admin/signals/([0-9]+).*", "$1"));
    }

    @Test
    void staffRecordASignalAndCoordinatorsHandleIt() {
        assertThat(staff.get("/admin/signals/new").html().select("input[name=areaIds]")).hasSize(2);
        long id = record(staff, "Ukrainankielisiä perheitä on tullut alueelle paljon syksyllä, ja neuvolan jonot ovat "
                + "kasvaneet 3–4 viikkoon. Perhekahvila klo 9.30–11.00 on täynnä.", "2026-11-20", area, theme, theme2);
        var page = staff.get("/admin/signals/" + id);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Ukrainankielisiä perheitä").contains("Uusi");
        assertThat(page.html().select("form[action$=/handle]")).isEmpty(); // staff do not handle

        // the area coordinator takes it onto the network's agenda, the county coordinator forwards it to the county
        var handle = areaCoordinator.get("/admin/signals/" + id);
        assertThat(handle.html().select("form[action$=/handle]")).hasSize(1);
        assertThat(areaCoordinator.post("/admin/signals/" + id + "/handle", Map.of("state", "ON_AGENDA", "version", "0",
                "note", "Verkoston kokoukseen 12.1.2027")).status()).isEqualTo(302);
        // a stale version changes nothing
        assertThat(areaCoordinator.post("/admin/signals/" + id + "/handle", Map.of("state", "CLOSED", "version", "0"))
                .status()).isEqualTo(409);
        assertThat(countyCoordinator.post("/admin/signals/" + id + "/handle", Map.of("state", "FORWARDED_COUNTY",
                "version", "1", "note", "Koordinaatioryhmään")).status()).isEqualTo(302);
        // personal data in a note is refused as in the text
        var bad = countyCoordinator.post("/admin/signals/" + id + "/handle", Map.of("state", "FORWARDED_SERVICE",
                "version", "2", "forwardedTo", "Neuvola", "note", "Soita 040 123 4567"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.html().select(".field-error").text()).contains("puhelinnumero");
        var forwardedList = countyCoordinator.get("/admin/signals?state=FORWARDED_COUNTY&year=2026");
        assertThat(forwardedList.body()).contains("Ukrainankielisiä perheitä");
        var history = countyCoordinator.get("/admin/signals/" + id).body();
        assertThat(history).contains("Otettu verkoston asialistalle").contains("Viety koordinaatioryhmälle")
                .contains("Verkoston kokoukseen 12.1.2027");
        assertThat(jdbc.sql("select state from weak_signal where id = :id").param("id", id).query(String.class).single())
                .isEqualTo("FORWARDED_COUNTY");
        assertThat(jdbc.sql("select count(*) from audit_log where entity_type = 'weak_signal' and entity_id = :id")
                .param("id", "" + id).query(Long.class).single()).isEqualTo(3);
    }

    @Test
    void whoReadsWhat() {
        long id = record(staff, "Iltapäivisin ei ole avointa toimintaa koululaisille.", "2026-10-01", area, theme);
        assertThat(staff.get("/admin/signals/" + id).status()).isEqualTo(200); // the author's organisation
        assertThat(staff2.get("/admin/signals/" + id).status()).isEqualTo(403); // another organisation
        assertThat(areaCoordinator.get("/admin/signals/" + id).status()).isEqualTo(200);
        assertThat(countyCoordinator.get("/admin/signals/" + id).status()).isEqualTo(200);
        assertThat(otherCoordinator.get("/admin/signals/" + id).status()).isEqualTo(403);
        assertThat(volunteer.get("/admin/signals/" + id).status()).isEqualTo(403);
        assertThat(volunteer.get("/admin/signals").status()).isEqualTo(403);
        assertThat(staff2.get("/admin/signals?year=2026").body()).doesNotContain("Iltapäivisin ei ole");
        assertThat(otherCoordinator.get("/admin/signals?year=2026").body()).doesNotContain("Iltapäivisin ei ole");
        assertThat(staff.get("/admin/signals?year=2026").body()).contains("Iltapäivisin ei ole");
        // a signal about an area of another county, or an area coordinator's other area, is refused and not stored
        long before = signals();
        assertThat(staff.post("/admin/signals", form("Jonot", "2026-11-01", otherArea, otherTheme)).status())
                .isEqualTo(403);
        assertThat(areaCoordinator.post("/admin/signals", form("Jonot", "2026-11-01", area2, theme)).status())
                .isEqualTo(403);
        assertThat(staff.post("/admin/signals/" + id + "/handle", Map.of("state", "CLOSED", "version", "0")).status())
                .isEqualTo(403);
        assertThat(signals()).isEqualTo(before);
    }

    @Test
    void theGroupsSearchFindsTheSignalsEachReaderMayRead() {
        long id = record(staff, "Iltapäivisin koululaisille ei ole avointa toimintaa.", "2026-10-02", area, theme);
        String hit = "a[href$=/admin/signals/" + id + "]";
        // PostgreSQL: the Finnish configuration finds the word's other form; H2: a substring
        for (WebClient reader : List.of(staff, areaCoordinator, countyCoordinator)) {
            var page = reader.get("/admin/groups/search?q=koululaisille");
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.html().select(hit)).as("a reader of the signal").hasSize(1);
        }
        for (WebClient other : List.of(staff2, otherCoordinator)) {
            var page = other.get("/admin/groups/search?q=koululaisille");
            assertThat(page.html().select(hit)).as("another organisation or county").isEmpty();
        }
        assertThat(countyCoordinator.get("/admin/groups/search?q=%25").html().select(hit))
                .as("a LIKE wildcard is a character").isEmpty();
    }

    @Test
    void badInputIsRefusedWithAMessageAndStoresNothing() {
        long before = signals();
        Map<String, String> cases = new java.util.LinkedHashMap<>();
        cases.put("Äidin henkilötunnus on 131052-308T.", "henkilötunnus");
        cases.put("Lapsen hetu 010594Y9021 jäi lomakkeelle.", "henkilötunnus");
        cases.put("Vauvan tunnus 010101A123N.", "henkilötunnus");
        cases.put("Soittakaa numeroon 040 123 4567.", "puhelinnumero");
        cases.put("Yhteys +358 40 123 4567 tai (09) 123 4567.", "puhelinnumero");
        cases.put("Lisätietoja maija.meikalainen@example.fi", "sähköpostiosoite");
        for (var c : cases.entrySet()) {
            var r = staff.post("/admin/signals", form(c.getKey(), "2026-11-01", area, theme));
            assertThat(r.status()).as(c.getKey()).isEqualTo(400);
            assertThat(r.html().select("#f-body-error").text()).as(c.getKey()).contains(c.getValue());
            // the text comes back to be corrected
            assertThat(r.html().select("#f-body").text()).isEqualTo(c.getKey());
        }
        var unknownTheme = staff.post("/admin/signals", form("Jonot kasvaneet", "2026-11-01", area, otherTheme));
        assertThat(unknownTheme.status()).isEqualTo(400);
        assertThat(unknownTheme.html().select("#f-themeIds-error").text()).contains("teemaluettelosta");
        var future = staff.post("/admin/signals", form("Jonot kasvaneet", "2026-12-24", area, theme));
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.html().select("#f-noticedOn-error").text()).contains("tulevaisuudessa");
        for (String hostile : List.of("x", "abc", "-1", "99999999999999999999")) {
            var r = staff.post("/admin/signals", List.of(Map.entry("body", "Jonot"), Map.entry("noticedOn", hostile),
                    Map.entry("areaIds", hostile), Map.entry("themeIds", hostile)));
            assertThat(r.status()).as(hostile).isIn(400, 403);
        }
        assertThat(staff.post("/admin/signals", List.of()).status()).isEqualTo(400);
        assertThat(staff.get("/admin/signals/abc").status()).isEqualTo(404);
        assertThat(staff.get("/admin/signals?state=NOPE").status()).isEqualTo(400);
        assertThat(staff.get("/admin/signals/summary?year=20x6").status()).isEqualTo(400);
        assertThat(signals()).isEqualTo(before);
        // in Swedish and English too
        var sv = staff.post("/admin/signals?lang=sv", form("Ring 0401234567", "2026-11-01", area, theme));
        assertThat(sv.html().select("#f-body-error").text()).contains("telefonnummer");
        var en = staff.post("/admin/signals?lang=en", form("Mail a@b.fi", "2026-11-01", area, theme));
        assertThat(en.html().select("#f-body-error").text()).contains("e-mail address");
    }

    @Test
    void summaryByThemeAreaAndQuarterWithExports() throws Exception {
        record(staff, "Jonot neuvolaan kasvaneet.", "2026-02-10", area, theme);
        record(staff, "Uusia kieliryhmiä ja jonoja.", "2026-05-05", area, theme, theme2);
        record(areaCoordinator, "Jonot jatkuvat.", "2026-05-20", area, theme);
        var page = countyCoordinator.get("/admin/signals/summary?year=2026");
        assertThat(page.status()).isEqualTo(200);
        var rows = page.html().select("#summary-caption").parents().first().select("tbody tr");
        assertThat(rows.eachText()).anySatisfy(t -> assertThat(t).contains("Jonot ja odotusajat").endsWith("1 2 0 0 3"));
        assertThat(rows.eachText()).anySatisfy(t -> assertThat(t).contains("Uudet kieliryhmät").endsWith("0 1 0 0 1"));
        String csv = new String(countyCoordinator.getBytes("/admin/signals/summary.csv?year=2026"),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(csv).contains("Jonot ja odotusajat").contains("Signaaleja yhteensä");
        byte[] xlsx = countyCoordinator.getBytes("/admin/signals/summary.xlsx?year=2026&lang=en");
        try (var wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var sheet = wb.getSheetAt(0);
            StringBuilder all = new StringBuilder();
            sheet.forEach(r -> r.forEach(c -> all.append(c.toString()).append('|')));
            assertThat(all.toString()).contains("Queues and waiting times").contains("Signals in all");
        }
        // another county's coordinator sees none of it
        assertThat(otherCoordinator.get("/admin/signals/summary?year=2026").body()).doesNotContain("Jonot ja odotusajat");
    }

    /** An administrator chooses the county on the form; the signal's county still comes from the areas chosen. */
    @Test
    void anAdministratorChoosesTheCounty() {
        WebClient admin = new WebClient(port);
        admin.login("admin@demo.kohtaamo.fi", "demo-password-for-tests");
        var form = admin.get("/admin/signals/new?county=" + otherCounty).html();
        assertThat(form.select("#f-county option[selected]").val()).isEqualTo("" + otherCounty);
        assertThat(form.select("input[name=areaIds]")).extracting(e -> e.val()).containsExactly("" + otherArea);
        assertThat(form.select("input[name=themeIds]")).extracting(e -> e.val()).contains("" + otherTheme);
        var r = admin.post("/admin/signals", List.of(Map.entry("county", "" + county), Map.entry("body",
                "Perheitä tulee naapurikunnasta."), Map.entry("noticedOn", "2026-11-20"), Map.entry("areaIds",
                "" + otherArea), Map.entry("themeIds", "" + otherTheme)));
        assertThat(r.status()).isEqualTo(302);
        long id = Long.parseLong(r.header("Location").replaceAll(".*/admin/signals/([0-9]+).*", "$1"));
        assertThat(jdbc.sql("select county_id from weak_signal where id = :id").param("id", id).query(Long.class)
                .single()).as("the county of the areas, not of the form").isEqualTo(otherCounty);
        assertThat(admin.get("/admin/signals/new?county=abc").status()).isEqualTo(400);
        assertThat(admin.get("/admin/signals/new?county=999999999").status()).isEqualTo(404);
        // one county's staff have no choice to make
        assertThat(staff.get("/admin/signals/new").html().select("#f-county")).isEmpty();
    }

    /** A new county has the seeded themes from its creation; opening the signal pages writes nothing. */
    @Test
    void aNewCountyHasItsThemesAndTheSignalPagesNeverWrite() {
        long fresh = fx.county();
        assertThat(jdbc.sql("select count(*) from signal_theme where county_id = :c and active").param("c", fresh)
                .query(Long.class).single()).isGreaterThanOrEqualTo(5);
        String before = snapshot();
        for (WebClient c : List.of(staff, countyCoordinator, areaCoordinator)) {
            for (String path : List.of("/admin/signals", "/admin/signals/new", "/admin/signals/themes",
                    "/admin/signals/themes?county=" + county, "/admin/signals/summary?year=2026")) {
                c.get(path);
            }
        }
        assertThat(snapshot()).isEqualTo(before);
    }

    /** What the signal pages could write: themes, signals and their handling, the audit log. */
    String snapshot() {
        return jdbc.sql("select (select count(*) from signal_theme) || '/' || (select coalesce(max(version), 0) "
                + "from signal_theme) || '/' || (select count(*) from weak_signal) || '/' || (select count(*) "
                + "from weak_signal_handling) || '/' || (select count(*) from audit_log)").query(String.class).single();
    }

    @Test
    void themesAreKeptByTheCountysCoordinators() {
        var r = countyCoordinator.post("/admin/signals/themes", Map.of("county", "" + county, "code", "sleep",
                "nameFi", "Unipulmat", "active", "true"));
        assertThat(r.status()).isEqualTo(302);
        assertThat(countyCoordinator.get("/admin/signals/themes").body()).contains("Unipulmat");
        var dup = countyCoordinator.post("/admin/signals/themes", Map.of("county", "" + county, "code", "sleep",
                "nameFi", "Uni"));
        assertThat(dup.status()).isEqualTo(400);
        assertThat(otherCoordinator.post("/admin/signals/themes", Map.of("county", "" + county, "code", "x2",
                "nameFi", "X")).status()).isEqualTo(403);
        assertThat(areaCoordinator.get("/admin/signals/themes").status()).isEqualTo(403);
    }

    @Test
    void theDemoHasSignalsInSeveralStatesAndLastYearsAssessments() {
        long lu = jdbc.sql("select id from county where code = 'LU'").query(Long.class).single();
        assertThat(jdbc.sql("select count(distinct state) from weak_signal where county_id = :c").param("c", lu)
                .query(Long.class).single()).isGreaterThanOrEqualTo(5);
        long places = jdbc.sql("select count(*) from place p join area a on a.id = p.area_id where a.county_id = :c")
                .param("c", lu).query(Long.class).single();
        long assessed = jdbc.sql("select count(*) from criteria_assessment x join place p on p.id = x.place_id "
                + "join area a on a.id = p.area_id where a.county_id = :c and x.kind = 'SELF' and x.assess_year = 2025")
                .param("c", lu).query(Long.class).single();
        assertThat(assessed).isGreaterThan(places / 2).isLessThan(places);
        assertThat(jdbc.sql("select count(*) from criteria_assessment where kind = 'PEER'").query(Long.class).single())
                .isPositive();
        assertThat(jdbc.sql("select min_score from criteria_rule where county_id = :c").param("c", lu)
                .query(Integer.class).single()).isEqualTo(3);
    }
}
