package fi.kohtaamo.coordination;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kohtaamo.coordination.internal.criteria.CriteriaService;
import fi.kohtaamo.identity.internal.UserQueries;
import fi.kohtaamo.registry.OrganisationType;
import fi.kohtaamo.shared.Role;
import fi.kohtaamo.support.Fixtures;
import fi.kohtaamo.support.IntegrationTest;
import fi.kohtaamo.support.WebClient;
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
 * THL's criteria over HTTP on the real database: a place's staff self-assess (eight scores 1–4 with evidence and
 * targets), another organisation's staff assess it as peers (shown beside), the county's rule gives "meets the
 * criteria" on the staff's and the public place page, coordinators see places × criteria with the change from the
 * previous year and who has not assessed, and the query of places below the rule by area; bad input (a score
 * outside 1–4, a missing score, a year to come, another county's place) is refused and stores nothing. The test
 * clock stands at 25.11.2026.
 */
@IntegrationTest
class CriteriaTest {

    static final String PASSWORD = "kriteerien-salasana-1";

    @LocalServerPort int port;
    @Autowired Fixtures fx;
    @Autowired JdbcClient jdbc;
    @Autowired UserQueries users;
    @Autowired PasswordEncoder encoder;
    @Autowired CriteriaService service;

    long county, otherCounty, area, area2, org, org2, otherOrg, place, place2, place3, otherPlace;
    WebClient staff, staff2, areaCoordinator, countyCoordinator, otherCoordinator, anonymous;

    @BeforeEach
    void world() {
        county = fx.county();
        otherCounty = fx.county();
        String m = fx.municipality(county);
        String m2 = fx.municipality(county);
        String om = fx.municipality(otherCounty);
        area = fx.area(county, m);
        area2 = fx.area(county, m2);
        long otherArea = fx.area(otherCounty, om);
        org = fx.organisation(OrganisationType.MLL_ASSOCIATION, null, county);
        org2 = fx.organisation(OrganisationType.PARISH, null, county);
        otherOrg = fx.organisation(OrganisationType.OTHER_NGO, null, otherCounty);
        place = fx.openPlace(area, m, org);
        place2 = fx.openPlace(area2, m2, org2);
        place3 = fx.openPlace(area, m, org2);
        otherPlace = fx.openPlace(otherArea, om, otherOrg);
        staff = login(Role.PROVIDER_STAFF, org, county, null);
        staff2 = login(Role.PROVIDER_STAFF, org2, county, null);
        areaCoordinator = login(Role.AREA_COORDINATOR, null, county, area);
        countyCoordinator = login(Role.COUNTY_COORDINATOR, null, county, null);
        otherCoordinator = login(Role.COUNTY_COORDINATOR, null, otherCounty, null);
        anonymous = new WebClient(port);
    }

    WebClient login(Role role, Long orgId, Long countyId, Long areaId) {
        String email = Fixtures.unique("kriteeri-" + role.name().toLowerCase()).replace(' ', '-') + "@example.fi";
        users.insert(email, "Kriteeri " + role, encoder.encode(PASSWORD), role, orgId, countyId, areaId, null, "fi",
                true, false, Instant.now());
        WebClient web = new WebClient(port);
        assertThat(web.login(email, PASSWORD).header("Location")).endsWith("/admin");
        assertThat(web.get("/admin/account").status()).isEqualTo(200);
        return web;
    }

    static Map<String, String> scores(int year, int... s) {
        Map<String, String> f = new HashMap<>();
        f.put("year", "" + year);
        for (int n = 1; n <= 8; n++) {
            f.put("score" + n, "" + s[n - 1]);
            f.put("evidence" + n, "Perustelu " + n);
            f.put("target" + n, "Kehitetään " + n);
        }
        return f;
    }

    long assessments() {
        return jdbc.sql("select count(*) from criteria_assessment").query(Long.class).single();
    }

    @Test
    void selfAndPeerAssessmentAndTheRuleGiveTheStatus() {
        // last year 2, this year 3 on the first criterion
        assertThat(staff.post("/admin/criteria/places/" + place + "/self", scores(2025, 2, 3, 3, 3, 3, 3, 3, 3)).status())
                .isEqualTo(302);
        var r = staff.post("/admin/criteria/places/" + place + "/self", scores(2026, 3, 3, 4, 3, 3, 3, 4, 3));
        assertThat(r.status()).isEqualTo(302);
        // the form shows the saved scores; a second save needs the version read
        var page = staff.get("/admin/criteria/places/" + place + "?year=2026");
        assertThat(page.html().select("form[action$=/self] input[name=score3][checked]").attr("value")).isEqualTo("4");
        assertThat(staff.post("/admin/criteria/places/" + place + "/self", scores(2026, 3, 3, 3, 3, 3, 3, 3, 3)).status())
                .isEqualTo(409);
        // peers: another organisation's staff, not the place's own
        assertThat(staff.get("/admin/criteria/places/" + place).html().select("form[action$=/peer]")).isEmpty();
        assertThat(staff.post("/admin/criteria/places/" + place + "/peer", scores(2026, 4, 4, 4, 4, 4, 4, 4, 4)).status())
                .isEqualTo(403);
        assertThat(staff2.get("/admin/criteria/places/" + place).html().select("form[action$=/peer]")).hasSize(1);
        assertThat(staff2.get("/admin/criteria/places/" + place).html().select("form[action$=/self]")).isEmpty();
        assertThat(staff2.post("/admin/criteria/places/" + place + "/peer", scores(2026, 2, 3, 3, 3, 3, 3, 3, 3))
                .status()).isEqualTo(302);
        var compare = staff.get("/admin/criteria/places/" + place + "?year=2026").html();
        assertThat(compare.select("#compare-caption").parents().first().select("thead th").eachText())
                .anySatisfy(t -> assertThat(t).startsWith("Vertaisarvio: Kriteeri"));
        assertThat(compare.select("#compare-caption").parents().first().select("tbody tr").first().text())
                .endsWith("3 2");
        // another county's staff or coordinator reach nothing
        assertThat(otherCoordinator.get("/admin/criteria/places/" + place).status()).isEqualTo(403);

        // no rule: no status anywhere
        assertThat(anonymous.get("/places/" + place).body()).doesNotContain("Täyttää THL:n");
        assertThat(countyCoordinator.post("/admin/criteria/rule", Map.of("county", "" + county, "minScore", "3"))
                .status()).isEqualTo(302);
        assertThat(anonymous.get("/places/" + place).body()).contains("Täyttää THL:n kohtaamispaikkakriteerit")
                .contains("(itsearviointi 2026)");
        assertThat(staff.get("/admin/places/" + place).body()).contains("Täyttää THL:n kohtaamispaikkakriteerit");
        // place3 scored below the rule, place2 not at all
        assertThat(staff2.post("/admin/criteria/places/" + place3 + "/self", scores(2025, 3, 1, 3, 3, 2, 3, 3, 3))
                .status()).isEqualTo(302);
        assertThat(anonymous.get("/places/" + place3).body()).doesNotContain("Täyttää THL:n");
        assertThat(staff2.get("/admin/places/" + place3).body()).contains("Alle säännön: kriteerit 2, 5.");
        assertThat(staff2.get("/admin/places/" + place2).body()).contains("ei ole tehnyt itsearviointia");
        Map<Long, List<CriteriaService.Below>> below = service.belowRuleByArea(county, 2026);
        assertThat(below).containsOnlyKeys(area);
        assertThat(below.get(area)).singleElement().satisfies(b -> {
            assertThat(b.placeId()).isEqualTo(place3);
            assertThat(b.criteria()).containsExactly(2, 5);
            assertThat(b.year()).isEqualTo(2025);
        });
        // the rule raised to 4: the place no longer meets it
        int version = jdbc.sql("select version from criteria_rule where county_id = :c").param("c", county)
                .query(Integer.class).single();
        assertThat(countyCoordinator.post("/admin/criteria/rule", Map.of("county", "" + county, "minScore", "4",
                "version", "" + version)).status()).isEqualTo(302);
        assertThat(anonymous.get("/places/" + place).body()).doesNotContain("Täyttää THL:n");
        assertThat(jdbc.sql("select count(*) from audit_log where entity_type in ('criteria_assessment', 'criteria_rule') "
                + "and county_id = :c").param("c", county).query(Long.class).single()).isEqualTo(6);
    }

    @Test
    void coordinatorsSeePlacesTimesCriteriaWithChangeAndWhoHasNotAssessed() {
        staff.post("/admin/criteria/places/" + place + "/self", scores(2025, 2, 3, 3, 3, 3, 3, 3, 1));
        staff.post("/admin/criteria/places/" + place + "/self", scores(2026, 3, 3, 3, 3, 3, 3, 3, 4));
        var page = countyCoordinator.get("/admin/criteria?year=2026").html();
        var rows = page.select("#overview-caption").parents().first().select("tbody tr");
        assertThat(rows.eachText()).anySatisfy(t -> assertThat(t).contains("3 (+1)").contains("4 (+3)"));
        String missing = page.select("h2:containsOwn(Arvioimatta) + ul").text();
        assertThat(missing).contains(name(place2)).contains(name(place3)).doesNotContain(name(place));
        // an area coordinator sees the area's places only; another county's coordinator none of these
        String areaPage = areaCoordinator.get("/admin/criteria?year=2026").body();
        assertThat(areaPage).contains(name(place)).contains(name(place3)).doesNotContain(name(place2));
        assertThat(areaCoordinator.get("/admin/criteria?year=2026&area=" + area2).body()).doesNotContain(name(place2));
        assertThat(otherCoordinator.get("/admin/criteria?county=" + county + "&year=2026").body())
                .doesNotContain(name(place));
        // staff get their places, not the overview
        var staffPage = staff.get("/admin/criteria").html();
        assertThat(staffPage.select("a[href^=/admin/criteria/places/]").eachText()).containsExactly(name(place));
        assertThat(countyCoordinator.get("/admin/criteria?year=2027").status()).isEqualTo(400);
        assertThat(countyCoordinator.get("/admin/criteria?area=x").status()).isEqualTo(400);
    }

    String name(long placeId) {
        return jdbc.sql("select name_fi from place where id = :p").param("p", placeId).query(String.class).single();
    }

    @Test
    void badInputIsRefusedWithAMessageAndStoresNothing() {
        long before = assessments();
        for (String bad : List.of("0", "5", "-1", "3.5", "x", "", "99999999999")) {
            Map<String, String> f = scores(2026, 3, 3, 3, 3, 3, 3, 3, 3);
            f.put("score4", bad);
            var r = staff.post("/admin/criteria/places/" + place + "/self", f);
            assertThat(r.status()).as(bad).isEqualTo(400);
            assertThat(r.html().select(".field-error").text()).as(bad).containsAnyOf("1–4", "kokonaisluku", "numero");
            assertThat(r.html().select("#error-summary").text()).as(bad).contains("Kriteeri 4");
        }
        Map<String, String> missing = scores(2026, 3, 3, 3, 3, 3, 3, 3, 3);
        missing.remove("score8");
        assertThat(staff.post("/admin/criteria/places/" + place + "/self", missing).status()).isEqualTo(400);
        assertThat(staff.post("/admin/criteria/places/" + place + "/self", scores(2027, 3, 3, 3, 3, 3, 3, 3, 3))
                .status()).isEqualTo(400);
        Map<String, String> hostile = scores(2026, 3, 3, 3, 3, 3, 3, 3, 3);
        hostile.put("evidence1", "x".repeat(2001));
        hostile.put("target2", "a\u0000b");
        assertThat(staff.post("/admin/criteria/places/" + place + "/self", hostile).status()).isEqualTo(400);
        // another county's place
        assertThat(staff.post("/admin/criteria/places/" + otherPlace + "/self", scores(2026, 3, 3, 3, 3, 3, 3, 3, 3))
                .status()).isEqualTo(403);
        assertThat(staff.post("/admin/criteria/places/" + otherPlace + "/peer", scores(2026, 3, 3, 3, 3, 3, 3, 3, 3))
                .status()).isEqualTo(403);
        assertThat(staff.post("/admin/criteria/places/999999999/self", scores(2026, 3, 3, 3, 3, 3, 3, 3, 3)).status())
                .isEqualTo(404);
        assertThat(staff.get("/admin/criteria/places/abc").status()).isEqualTo(404);
        assertThat(assessments()).isEqualTo(before);
        // the rule: 1–4 only
        for (String bad : List.of("0", "5", "x")) {
            assertThat(countyCoordinator.post("/admin/criteria/rule", Map.of("county", "" + county, "minScore", bad))
                    .status()).isEqualTo(400);
        }
        assertThat(staff.post("/admin/criteria/rule", Map.of("county", "" + county, "minScore", "3")).status())
                .isEqualTo(403);
        assertThat(otherCoordinator.post("/admin/criteria/rule", Map.of("county", "" + county, "minScore", "3"))
                .status()).isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from criteria_rule where county_id = :c").param("c", county)
                .query(Long.class).single()).isZero();
        // English message
        Map<String, String> f = scores(2026, 3, 3, 3, 3, 3, 3, 3, 3);
        f.put("score1", "7");
        assertThat(staff.post("/admin/criteria/places/" + place + "/self?lang=en", f).html().select(".field-error")
                .text()).contains("between 1 and 4");
    }

    @Test
    void coordinatorsKeepTheTexts() {
        var form = countyCoordinator.get("/admin/criteria/settings").html();
        assertThat(form.select("input[name=name1Fi]").attr("value")).isEqualTo("Yhteys perhekeskuksen palveluihin");
        var fields = fi.kohtaamo.support.Forms.formFields(form, "form[action$=/texts]");
        fields = fi.kohtaamo.support.Forms.with(fields, "name4Fi", "Saavutettavuus ja esteettömyys");
        assertThat(countyCoordinator.post("/admin/criteria/texts", fields).status()).isEqualTo(302);
        assertThat(countyCoordinator.get("/admin/criteria").body()).contains("Saavutettavuus ja esteettömyys");
        var empty = fi.kohtaamo.support.Forms.with(fields, "name4Fi", "");
        assertThat(countyCoordinator.post("/admin/criteria/texts", empty).status()).isEqualTo(400);
        assertThat(areaCoordinator.get("/admin/criteria/settings").status()).isEqualTo(403);
    }
}
