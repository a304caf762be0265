package fi.kohtaamo.participation;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kohtaamo.identity.internal.UserQueries;
import fi.kohtaamo.registry.OrganisationType;
import fi.kohtaamo.shared.Role;
import fi.kohtaamo.support.Fixtures;
import fi.kohtaamo.support.IntegrationTest;
import fi.kohtaamo.support.WebClient;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The participation landing page {@code /admin/participation} over HTTP on the real database: each role sees the
 * figures of its own scope only (a place's staff their organisation's places, an area coordinator the area, a county
 * coordinator the county; a place of another county is never counted), only the figures its role's actions allow,
 * links only to the parts it may use, and the module's one staff-navigation item. Test clock: 25.11.2026.
 */
@IntegrationTest
class ParticipationLandingTest {

    static final String PASSWORD = "osallisuuden-salasana-1";
    static final String PAGE = "/admin/participation";
    static final List<String> PARTS = List.of("/admin/participation/wishes", "/admin/participation/feedback",
            "/admin/participation/surveys", "/admin/participation/observations", "/admin/participation/planning",
            "/admin/participation/accessibility");

    @LocalServerPort int port;
    @Autowired Fixtures fx;
    @Autowired JdbcClient jdbc;
    @Autowired UserQueries users;
    @Autowired PasswordEncoder encoder;

    long county, otherCounty, areaA, areaB, otherArea, org1, org2, otherOrg, placeA1, placeA2, placeB, otherPlace;

    @BeforeEach
    void world() {
        county = fx.county();
        otherCounty = fx.county();
        String m1 = fx.municipality(county);
        String m2 = fx.municipality(county);
        String om = fx.municipality(otherCounty);
        areaA = fx.area(county, m1);
        areaB = fx.area(county, m2);
        otherArea = fx.area(otherCounty, om);
        org1 = fx.organisation(OrganisationType.MLL_ASSOCIATION, null, county);
        org2 = fx.organisation(OrganisationType.PARISH, null, county);
        otherOrg = fx.organisation(OrganisationType.OTHER_NGO, null, otherCounty);
        placeA1 = fx.openPlace(areaA, m1, org1);
        placeA2 = fx.openPlace(areaA, m1, org2);
        placeB = fx.openPlace(areaB, m2, org2);
        otherPlace = fx.openPlace(otherArea, om, otherOrg);

        // wishes waiting: A1 1, A2 2, B 3, the other county's place 4, area A itself 1; published ones never count
        wishes(county, areaA, placeA1, 1, "PENDING");
        wishes(county, areaA, placeA1, 2, "PUBLISHED");
        wishes(county, areaA, placeA2, 2, "PENDING");
        wishes(county, areaB, placeB, 3, "PENDING");
        wishes(otherCounty, otherArea, otherPlace, 4, "PENDING");
        wishes(county, areaA, null, 1, "PENDING");
        // free texts not seen: A1 1 (plus a seen one and one without text), A2 2, B 3, the other county's 4
        feedback(placeA1, 1, "Parasta oli laulu", null);
        feedback(placeA1, 1, "Nähty jo", Instant.parse("2026-11-20T10:00:00Z"));
        feedback(placeA1, 1, null, null);
        feedback(placeA2, 2, "Toivon lisää lauluja", null);
        feedback(placeB, 3, "Mukava aamu", null);
        feedback(otherPlace, 4, "Muualla", null);
        // surveys: open at A1 and at B and in the other county; closed at A1; coming at A2
        survey(county, "Avoin A1", "2026-11-01", "2026-12-15", placeA1);
        survey(county, "Avoin B", "2026-11-20", "2026-11-30", placeB);
        survey(otherCounty, "Avoin muualla", "2026-11-01", "2026-12-15", otherPlace);
        survey(county, "Suljettu A1", "2026-10-01", "2026-10-31", placeA1);
        survey(county, "Tuleva A2", "2026-12-01", "2026-12-31", placeA2);
        // accessibility feedback: county 2 unanswered (one late) and 1 answered; the other county 5 unanswered
        accessibility(county, "2026-11-20", false);
        accessibility(county, "2026-12-05", false);
        accessibility(county, "2026-11-10", true);
        for (int i = 0; i < 5; i++) {
            accessibility(otherCounty, "2026-11-01", false);
        }
    }

    void wishes(long countyId, long areaId, Long placeId, int n, String status) {
        for (int i = 0; i < n; i++) {
            jdbc.sql("""
                    insert into wish (county_id, area_id, place_id, body, status, state, created_at, updated_at)
                    values (:c, :a, :p, :b, :s, 'NEW', :at, :at)""").param("c", countyId).param("a", areaId)
                    .param("p", placeId).param("b", Fixtures.unique("Toive")).param("s", status)
                    .param("at", Instant.parse("2026-11-24T10:00:00Z").atOffset(ZoneOffset.UTC)).update();
        }
    }

    void feedback(long placeId, int n, String text, Instant seenAt) {
        for (int i = 0; i < n; i++) {
            jdbc.sql("""
                    insert into feedback (place_id, answered_on, face, best_text, seen_at)
                    values (:p, :d, 4, :t, :seen)""").param("p", placeId).param("d", LocalDate.of(2026, 11, 24))
                    .param("t", text).param("seen", seenAt == null ? null : seenAt.atOffset(ZoneOffset.UTC)).update();
        }
    }

    void survey(long countyId, String title, String opens, String closes, long placeId) {
        jdbc.sql("""
                insert into survey (county_id, title_fi, opens_on, closes_on, created_by, updated_at)
                values (:c, :t, :o, :cl, 1, :at)""").param("c", countyId).param("t", title)
                .param("o", LocalDate.parse(opens)).param("cl", LocalDate.parse(closes))
                .param("at", Instant.parse("2026-10-01T10:00:00Z").atOffset(ZoneOffset.UTC)).update();
        long id = jdbc.sql("select max(id) from survey").query(Long.class).single();
        jdbc.sql("insert into survey_place (survey_id, place_id) values (:s, :p)").param("s", id).param("p", placeId)
                .update();
    }

    void accessibility(long countyId, String due, boolean answered) {
        var at = Instant.parse("2026-11-01T10:00:00Z").atOffset(ZoneOffset.UTC);
        jdbc.sql("""
                insert into accessibility_feedback (county_id, body, received_at, due_on, updated_at, answered_at)
                values (:c, 'Palaute', :at, :due, :at, :ans)""").param("c", countyId).param("at", at)
                .param("due", LocalDate.parse(due)).param("ans", answered ? at : null).update();
    }

    WebClient login(Role role, Long orgId, Long countyId, Long areaId, Long placeId) {
        String email = Fixtures.unique("osallisuus-" + role.name().toLowerCase()).replace(' ', '-') + "@example.fi";
        users.insert(email, "Osallisuus " + role, encoder.encode(PASSWORD), role, orgId, countyId, areaId, placeId, "fi",
                true, false, Instant.now());
        WebClient web = new WebClient(port);
        assertThat(web.login(email, PASSWORD).header("Location")).endsWith("/admin");
        return web;
    }

    static Document page(WebClient web) {
        var r = web.get(PAGE);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.html();
    }

    static String figure(Document d, String id) {
        return d.select("#" + id + " > a").text();
    }

    static List<String> links(Document d) {
        return d.select(".participation-parts a").eachAttr("href");
    }

    @Test
    void providerStaffSeeTheirOrganisationsPlacesOnly() {
        Document d = page(login(Role.PROVIDER_STAFF, org1, county, null, null));
        assertThat(figure(d, "attention-wishes")).endsWith(": 1");
        assertThat(figure(d, "attention-feedback")).endsWith(": 1");
        assertThat(figure(d, "attention-surveys")).endsWith(": 1");
        assertThat(d.select("#attention-surveys li").text()).contains("Avoin A1").doesNotContain("Avoin B")
                .doesNotContain("Suljettu").doesNotContain("Tuleva").doesNotContain("muualla");
        assertThat(d.select("#attention-accessibility")).isEmpty();
        assertThat(links(d)).containsExactly(PARTS.get(0), PARTS.get(1), PARTS.get(2), PARTS.get(3), PARTS.get(4));
        // the other organiser's staff: A2 and B
        Document d2 = page(login(Role.PROVIDER_STAFF, org2, county, null, null));
        assertThat(figure(d2, "attention-wishes")).endsWith(": 5");
        assertThat(figure(d2, "attention-feedback")).endsWith(": 5");
        assertThat(figure(d2, "attention-surveys")).endsWith(": 1");
        assertThat(d2.select("#attention-surveys li").text()).contains("Avoin B");
    }

    @Test
    void anAreaCoordinatorSeesTheArea() {
        Document d = page(login(Role.AREA_COORDINATOR, null, county, areaA, null));
        assertThat(figure(d, "attention-wishes")).endsWith(": 4");
        // coordinators never see texts before the place's staff, so the unseen count is not theirs
        assertThat(d.select("#attention-feedback")).isEmpty();
        assertThat(figure(d, "attention-surveys")).endsWith(": 1");
        assertThat(d.select("#attention-accessibility")).isEmpty();
        assertThat(links(d)).containsExactly(PARTS.get(0), PARTS.get(1), PARTS.get(2), PARTS.get(3), PARTS.get(4));
    }

    @Test
    void aCountyCoordinatorSeesTheCountyAndNoOtherCounty() {
        Document d = page(login(Role.COUNTY_COORDINATOR, null, county, null, null));
        assertThat(figure(d, "attention-wishes")).endsWith(": 7");
        assertThat(d.select("#attention-feedback")).isEmpty();
        assertThat(figure(d, "attention-surveys")).endsWith(": 2");
        assertThat(d.select("#attention-surveys li").text()).contains("Avoin A1").contains("Avoin B")
                .doesNotContain("muualla");
        assertThat(figure(d, "attention-accessibility")).endsWith(": 2");
        assertThat(d.select("#attention-accessibility").text()).contains("20.11.2026");
        assertThat(d.select("#attention-accessibility .overdue-label").text()).endsWith(": 1");
        assertThat(links(d)).containsExactlyElementsOf(PARTS);
        // the other county's coordinator: its own figures only
        Document o = page(login(Role.COUNTY_COORDINATOR, null, otherCounty, null, null));
        assertThat(figure(o, "attention-wishes")).endsWith(": 4");
        assertThat(figure(o, "attention-surveys")).endsWith(": 1");
        assertThat(figure(o, "attention-accessibility")).endsWith(": 5");
    }

    @Test
    void aVolunteerGetsTheLandingPageWithObservationsOnlyAndAPartnerNone() {
        WebClient volunteer = login(Role.VOLUNTEER, null, county, areaA, placeA1);
        Document d = page(volunteer);
        assertThat(d.select(".attention > li")).isEmpty();
        assertThat(links(d)).containsExactly("/admin/participation/observations");
        assertThat(volunteer.get("/admin").html().select("nav.staff-nav a").eachAttr("href")).contains(PAGE)
                .doesNotContainAnyElementsOf(PARTS);
        WebClient partner = login(Role.PARTNER, org1, county, null, null);
        assertThat(partner.get(PAGE).status()).isEqualTo(403);
        assertThat(partner.get("/admin").html().select("nav.staff-nav a").eachAttr("href")).doesNotContain(PAGE);
    }

    @Test
    void theStaffNavigationHasOneParticipationItem() {
        var nav = login(Role.COUNTY_COORDINATOR, null, county, null, null).get("/admin").html()
                .select("nav.staff-nav a").eachAttr("href");
        assertThat(nav).containsOnlyOnce(PAGE).doesNotContainAnyElementsOf(PARTS);
    }
}
