package fi.kohtaamo.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kohtaamo.identity.internal.UserQueries;
import fi.kohtaamo.registry.OrganisationType;
import fi.kohtaamo.shared.Role;
import fi.kohtaamo.shared.SeededCatalogue;
import fi.kohtaamo.support.Fixtures;
import fi.kohtaamo.support.IntegrationTest;
import fi.kohtaamo.support.WebClient;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The county's service types over HTTP: a new county starts with the seeded list (the codes stored counts use), its
 * coordinator adds, renames, reorders (up, down, to a number), deactivates and deletes types nobody uses (every write
 * audited, stale forms refused, another county's coordinator and provider staff refused; a type a count or guidance
 * stores is refused deletion with a message), and the counter, the count import and the report read the catalogue: a
 * deactivated type is offered for no new tally but its figures keep their (new) name, and an import's unknown code is
 * a row error. The test clock stands at Wednesday 25.11.2026.
 */
@IntegrationTest
class ServiceTypesTest {

    static final String PASSWORD = "palvelutyyppien-salasana-1";

    @LocalServerPort int port;
    @Autowired Fixtures fx;
    @Autowired JdbcClient jdbc;
    @Autowired UserQueries users;
    @Autowired PasswordEncoder encoder;
    @Autowired ServiceTypes types;

    long county, otherCounty, place;
    WebClient coordinator, otherCoordinator, staff;

    @BeforeEach
    void world() {
        county = fx.county();
        otherCounty = fx.county();
        String m = fx.municipality(county);
        long area = fx.area(county, m);
        long org = fx.organisation(OrganisationType.MLL_ASSOCIATION, null, county);
        place = fx.openPlace(area, m, org);
        coordinator = login(Role.COUNTY_COORDINATOR, null, county);
        otherCoordinator = login(Role.COUNTY_COORDINATOR, null, otherCounty);
        staff = login(Role.PROVIDER_STAFF, org, county);
    }

    WebClient login(Role role, Long orgId, Long countyId) {
        String email = Fixtures.unique("tyyppi-" + role.name().toLowerCase()).replace(' ', '-') + "@example.fi";
        users.insert(email, "Tyyppi " + role, encoder.encode(PASSWORD), role, orgId, countyId, null, null, "fi", true,
                false, Instant.now());
        WebClient web = new WebClient(port);
        assertThat(web.login(email, PASSWORD).header("Location")).endsWith("/admin");
        return web;
    }

    long typeId(String code) {
        return jdbc.sql("select id from service_type where county_id = :c and code = :code").param("c", county)
                .param("code", code).query(Long.class).single();
    }

    int version(String code) {
        return jdbc.sql("select version from service_type where id = :id").param("id", typeId(code)).query(Integer.class)
                .single();
    }

    List<String> codes() {
        return types.all(county).stream().map(ServiceTypes.ServiceType::code).toList();
    }

    WebClient.Response save(WebClient web, Map<String, String> form) {
        web.get("/admin/service-types?county=" + county);
        Map<String, String> f = new HashMap<>(form);
        f.put("county", "" + county);
        return web.post("/admin/service-types", f);
    }

    @Test
    void aNewCountyStartsWithTheSeededTypesInTheFilesOrder() {
        List<String> seeded = SeededCatalogue.read("/fi/kohtaamo/monitoring/service-types.txt").stream()
                .map(SeededCatalogue.Entry::code).toList();
        assertThat(seeded).contains("CHILD_HEALTH_CLINIC", "OTHER", "HELPLINE");
        assertThat(codes()).isEqualTo(seeded);
        assertThat(types.all(otherCounty).stream().map(ServiceTypes.ServiceType::code).toList()).isEqualTo(seeded);
        assertThat(types.name(county, "CHILD_HEALTH_CLINIC").sv()).isEqualTo("Rådgivning");
        // the demo county, created before the listener's first test, has them too
        long demo = jdbc.sql("select id from county where code = 'LU'").query(Long.class).single();
        assertThat(types.active(demo)).hasSize(seeded.size());
    }

    @Test
    void coordinatorsKeepTheListAndEveryWriteIsCheckedAndAudited() {
        var page = coordinator.get("/admin/service-types");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.html().select("table tbody tr")).hasSize(codes().size());
        // add: a bad code, a taken code, then a good one
        var bad = save(coordinator, Map.of("code", "ä ö", "nameFi", "Perhekeskus", "active", "true"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.html().select("#cat-admin-service-types-code-error").text()).contains("isoja kirjaimia");
        var taken = save(coordinator, Map.of("code", "ecec", "nameFi", "Perhekeskus", "active", "true"));
        assertThat(taken.status()).isEqualTo(400);
        assertThat(taken.html().select("#cat-admin-service-types-code-error").text()).contains("on jo kohta");
        assertThat(save(coordinator, Map.of("code", "family centre", "nameFi", "Perhekeskus", "nameSv", "Familjecenter",
                "nameEn", "Family centre", "active", "true")).status()).isEqualTo(302);
        assertThat(codes()).last().isEqualTo("FAMILY_CENTRE");
        // rename in three languages; the code stays whatever the form says
        long id = typeId("FAMILY_CENTRE");
        assertThat(save(coordinator, Map.of("id", "" + id, "version", "0", "code", "HACKED", "nameFi", "Perhekeskus Länsi",
                "nameSv", "Familjecentret Väst", "nameEn", "Family centre West", "active", "true")).status()).isEqualTo(302);
        assertThat(types.name(county, "FAMILY_CENTRE").en()).isEqualTo("Family centre West");
        assertThat(codes()).doesNotContain("HACKED");
        // the same stale form again: 409, nothing changes
        assertThat(save(coordinator, Map.of("id", "" + id, "version", "0", "nameFi", "Vanha", "active", "true")).status())
                .isEqualTo(409);
        assertThat(types.name(county, "FAMILY_CENTRE").fi()).isEqualTo("Perhekeskus Länsi");
        // reorder: up one step, then the top cannot go higher
        assertThat(coordinator.post("/admin/service-types/" + id + "/move", Map.of("county", "" + county, "direction",
                "up", "version", "" + version("FAMILY_CENTRE"))).status()).isEqualTo(302);
        int n = codes().size();
        assertThat(codes().get(n - 2)).isEqualTo("FAMILY_CENTRE");
        assertThat(codes().get(n - 1)).isEqualTo("CULTURE_LEISURE");
        long first = typeId("CHILD_HEALTH_CLINIC");
        coordinator.post("/admin/service-types/" + first + "/move", Map.of("county", "" + county, "direction", "up",
                "version", "" + version("CHILD_HEALTH_CLINIC")));
        assertThat(codes().get(0)).isEqualTo("CHILD_HEALTH_CLINIC");
        assertThat(coordinator.post("/admin/service-types/" + first + "/move", Map.of("county", "" + county, "direction",
                "sideways", "version", "" + version("CHILD_HEALTH_CLINIC"))).status()).isEqualTo(400);
        assertThat(coordinator.post("/admin/service-types/" + id + "/move", Map.of("county", "" + county, "direction",
                "down", "version", "0")).status()).isEqualTo(409);
        // to a number: the editor's row form (a number and "Move"), keyboard-usable without a script
        var row = coordinator.get("/admin/service-types?county=" + county).html()
                .select("form[action=/admin/service-types/" + id + "/move]");
        assertThat(row.select("input[name=position]").attr("type")).isEqualTo("number");
        assertThat(row.select("label[for=" + row.select("input[name=position]").attr("id") + "]").text())
                .contains("Perhekeskus Länsi");
        assertThat(coordinator.post("/admin/service-types/" + id + "/move", Map.of("county", "" + county, "position",
                "2", "version", "" + version("FAMILY_CENTRE"))).status()).isEqualTo(302);
        assertThat(codes().get(1)).isEqualTo("FAMILY_CENTRE");
        assertThat(coordinator.post("/admin/service-types/" + id + "/move", Map.of("county", "" + county, "position",
                "-1", "version", "" + version("FAMILY_CENTRE"))).status()).isEqualTo(400);
        // deactivate: still listed, no longer active
        assertThat(save(coordinator, Map.of("id", "" + id, "version", "" + version("FAMILY_CENTRE"), "nameFi",
                "Perhekeskus Länsi", "nameSv", "Familjecentret Väst", "nameEn", "Family centre West")).status())
                .isEqualTo(302);
        assertThat(types.active(county).stream().map(ServiceTypes.ServiceType::code)).doesNotContain("FAMILY_CENTRE");
        assertThat(codes()).contains("FAMILY_CENTRE");
        assertThat(jdbc.sql("select count(*) from audit_log where entity_type = 'service_type' and entity_id = :id")
                .param("id", "" + id).query(Long.class).single()).isEqualTo(5);
        // another county's coordinator and provider staff: refused, nothing changes
        int before = codes().size();
        assertThat(save(otherCoordinator, Map.of("code", "OTHERS", "nameFi", "Muiden", "active", "true")).status())
                .isEqualTo(403);
        assertThat(save(staff, Map.of("code", "STAFFS", "nameFi", "Henkilöstön", "active", "true")).status())
                .isEqualTo(403);
        assertThat(otherCoordinator.post("/admin/service-types/" + id + "/move", Map.of("county", "" + otherCounty,
                "direction", "up", "version", "" + version("FAMILY_CENTRE"))).status()).isEqualTo(404);
        assertThat(staff.get("/admin/service-types?county=" + county).status()).isEqualTo(403);
        assertThat(otherCoordinator.post("/admin/service-types/" + id + "/delete", Map.of("county", "" + county,
                "version", "" + version("FAMILY_CENTRE"))).status()).isEqualTo(403);
        assertThat(staff.post("/admin/service-types/" + id + "/delete", Map.of("county", "" + county,
                "version", "" + version("FAMILY_CENTRE"))).status()).isEqualTo(403);
        assertThat(codes()).hasSize(before);
        // nothing uses the new type: deleted (audited), the rest renumbered
        assertThat(coordinator.post("/admin/service-types/" + id + "/delete", Map.of("county", "" + county,
                "version", "" + version("FAMILY_CENTRE"))).status()).isEqualTo(302);
        assertThat(codes()).hasSize(before - 1).doesNotContain("FAMILY_CENTRE");
        assertThat(types.all(county).stream().map(ServiceTypes.ServiceType::position).toList())
                .isEqualTo(java.util.stream.IntStream.rangeClosed(1, before - 1).boxed().toList());
        assertThat(jdbc.sql("select count(*) from audit_log where entity_type = 'service_type' and entity_id = :id "
                + "and action = 'SERVICE_TYPE_DELETE'").param("id", "" + id).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aTypeACountOrGuidanceStoresIsOnlyDeactivated() {
        // a count with families guided onward to ECEC: in use
        assertThat(count("2026-10-05", counted(20, Map.of("ref.ECEC", "5"))).status()).isEqualTo(302);
        coordinator.get("/admin/service-types?county=" + county);
        otherCoordinator.get("/admin/service-types?county=" + otherCounty);
        var used = coordinator.post("/admin/service-types/" + typeId("ECEC") + "/delete", Map.of("county", "" + county,
                "version", "" + version("ECEC")));
        assertThat(used.status()).isEqualTo(400);
        assertThat(used.html().select(".error-summary").text()).contains("käytetään", "pois käytöstä");
        assertThat(codes()).contains("ECEC");
        // a handout printed by a professional of the type (guidance, through monitoring.ServiceTypeUsers): in use
        jdbc.sql("insert into guidance_handout (county_id, service_type, place_id, places, printed_on) "
                + "values (:c, 'HELPLINE', :p, 1, date '2026-11-20')").param("c", county).param("p", place).update();
        assertThat(coordinator.post("/admin/service-types/" + typeId("HELPLINE") + "/delete", Map.of("county",
                "" + county, "version", "" + version("HELPLINE"))).status()).isEqualTo(400);
        assertThat(codes()).contains("HELPLINE");
        // the other county's ECEC is not used by this county's count: it may go
        long theirs = jdbc.sql("select id from service_type where county_id = :c and code = 'ECEC'")
                .param("c", otherCounty).query(Long.class).single();
        assertThat(otherCoordinator.post("/admin/service-types/" + theirs + "/delete", Map.of("county",
                "" + otherCounty, "version", "0")).status()).isEqualTo(302);
        // deactivating a type in use is the way
        assertThat(save(coordinator, Map.of("id", "" + typeId("ECEC"), "version", "" + version("ECEC"), "nameFi",
                "Varhaiskasvatus")).status()).isEqualTo(302);
        assertThat(types.active(county).stream().map(ServiceTypes.ServiceType::code)).doesNotContain("ECEC");
    }

    Map<String, String> counted(int adults, Map<String, String> refs) {
        Map<String, String> f = new HashMap<>(refs);
        f.put("adults", "" + adults);
        f.put("childrenUnder1", "" + adults);
        f.put("staff", "1");
        f.put("subject", "0");
        return f;
    }

    WebClient.Response count(String date, Map<String, String> form) {
        staff.get("/admin/counts/places/" + place + "/count?subject=0&date=" + date);
        Map<String, String> f = new HashMap<>(form);
        f.put("date", date);
        return staff.post("/admin/counts/places/" + place + "/count", f);
    }

    Map<String, Long> stored(String date) {
        Map<String, Long> out = new HashMap<>();
        jdbc.sql("""
                select r.service, r.families from visit_count_referral r join visit_count c on c.id = r.count_id
                where c.place_id = :p and c.on_date = cast(:d as date)""").param("p", place).param("d", date)
                .query(rs -> {
                    out.put(rs.getString(1), rs.getLong(2));
                });
        return out;
    }

    @Test
    void countsImportsAndReportsReadTheCatalogue() {
        save(coordinator, Map.of("code", "FAMILY_CENTRE", "nameFi", "Perhekeskus", "nameSv", "Familjecenter", "nameEn",
                "Family centre", "active", "true"));
        // the counter offers the county's active types, the new one among them
        var form = staff.get("/admin/counts/places/" + place + "/count?subject=0&date=2026-10-05");
        assertThat(form.html().select("label[for=f-ref-FAMILY_CENTRE]").text()).isEqualTo("Perhekeskus");
        assertThat(count("2026-10-05", counted(20, Map.of("ref.FAMILY_CENTRE", "7", "ref.ECEC", "5"))).status())
                .isEqualTo(302);
        assertThat(stored("2026-10-05")).isEqualTo(Map.of("FAMILY_CENTRE", 7L, "ECEC", 5L));
        // an import: the new type's column is read; a code the county does not have is a row error
        String header = "date;activity;adults;children_under_1;staff;referral_family_centre;referral_no_such_service\n";
        staff.get("/admin/counts/places/" + place + "/import");
        var refused = staff.postMultipart("/admin/counts/places/" + place + "/import/preview", List.of(), List.of(
                new WebClient.FilePart("file", "c.csv", "text/csv", (header + "2026-10-06;;10;10;1;2;1\n")
                        .getBytes(StandardCharsets.UTF_8))));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.html().select("main").text()).contains("referral_no_such_service", "ei ole maakunnan");
        var fine = staff.postMultipart("/admin/counts/places/" + place + "/import/preview", List.of(), List.of(
                new WebClient.FilePart("file", "c.csv", "text/csv", (header + "2026-10-06;;10;10;1;6;\n")
                        .getBytes(StandardCharsets.UTF_8))));
        assertThat(fine.status()).isEqualTo(200);
        String token = fine.html().select("input[name=token]").attr("value");
        assertThat(staff.post("/admin/counts/places/" + place + "/import/confirm", Map.of("token", token)).status())
                .isEqualTo(302);
        assertThat(stored("2026-10-06")).isEqualTo(Map.of("FAMILY_CENTRE", 6L));
        // the import's template names the county's columns
        assertThat(new String(staff.getBytes("/admin/counts/places/" + place + "/import/template.csv?month=2026-10"),
                StandardCharsets.UTF_8)).contains("referral_family_centre").contains("referral_child_health_clinic");

        // the coordinator renames and deactivates the type
        long id = typeId("FAMILY_CENTRE");
        assertThat(save(coordinator, Map.of("id", "" + id, "version", "" + version("FAMILY_CENTRE"), "nameFi",
                "Perhekeskus (vanha)", "nameSv", "Familjecenter (gammal)", "nameEn", "Family centre (old)")).status())
                .isEqualTo(302);
        // not offered for a new count; a tally of it sent anyway is not stored
        var newForm = staff.get("/admin/counts/places/" + place + "/count?subject=0&date=2026-10-07");
        assertThat(newForm.html().select("#f-ref-FAMILY_CENTRE")).isEmpty();
        assertThat(count("2026-10-07", counted(20, Map.of("ref.FAMILY_CENTRE", "3"))).status()).isEqualTo(302);
        assertThat(stored("2026-10-07")).isEmpty();
        // the count that has it keeps offering it, so a correction keeps its figure
        var correction = staff.get("/admin/counts/places/" + place + "/count?subject=0&date=2026-10-05");
        assertThat(correction.html().select("#f-ref-FAMILY_CENTRE").attr("value")).isEqualTo("7");
        // an import naming it now: a row error
        var stale = staff.postMultipart("/admin/counts/places/" + place + "/import/preview", List.of(), List.of(
                new WebClient.FilePart("file", "c.csv", "text/csv", (header + "2026-10-08;;10;10;1;2;\n")
                        .getBytes(StandardCharsets.UTF_8))));
        assertThat(stale.status()).isEqualTo(400);
        assertThat(stale.html().select("main").text()).contains("referral_family_centre");

        // the report of October: the deactivated type's figures under its new name, in every language and export
        var report = coordinator.get("/admin/reports?from=2026-10&to=2026-10&lang=en");
        assertThat(report.status()).isEqualTo(200);
        var rows = report.html().select("table:has(#t-referrals) tbody tr");
        assertThat(rows.text()).contains("Family centre (old) 13").contains("Early childhood education and care 5");
        // a deactivated type without figures is not listed; an active one is, with 0
        assertThat(rows.text()).contains("Speech therapy 0");
        save(coordinator, Map.of("id", "" + typeId("SPEECH_THERAPY"), "version", "" + version("SPEECH_THERAPY"),
                "nameFi", "Puheterapia", "nameSv", "Talterapi", "nameEn", "Speech therapy"));
        assertThat(coordinator.get("/admin/reports?from=2026-10&to=2026-10&lang=en").html()
                .select("table:has(#t-referrals) tbody tr").text()).doesNotContain("Speech therapy");
        assertThat(coordinator.get("/admin/reports?from=2026-10&to=2026-10&lang=sv").html()
                .select("table:has(#t-referrals) tbody tr").text()).contains("Familjecenter (gammal) 13");
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(
                coordinator.getBytes("/admin/reports.xlsx?from=2026-10&to=2026-10&lang=fi")))) {
            StringBuilder all = new StringBuilder();
            var format = new org.apache.poi.ss.usermodel.DataFormatter();
            book.forEach(sheet -> sheet.forEach(row -> row.forEach(cell -> all.append(format.formatCellValue(cell))
                    .append('|'))));
            assertThat(all.toString()).contains("Perhekeskus (vanha)|13");
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
