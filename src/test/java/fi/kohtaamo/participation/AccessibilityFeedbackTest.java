package fi.kohtaamo.participation;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kohtaamo.identity.internal.UserQueries;
import fi.kohtaamo.shared.RateLimits;
import fi.kohtaamo.shared.Role;
import fi.kohtaamo.support.Fixtures;
import fi.kohtaamo.support.IntegrationTest;
import fi.kohtaamo.support.WebClient;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Feedback on accessibility (Act 306/2019): anyone sends it from the statement; it is due 14 days after receipt;
 * the county's coordinators see it with overdue ones highlighted and answer by mail, after which the address is
 * erased; another county's coordinator does not see it; the sender's limit holds. Test clock: 25.11.2026.
 */
@IntegrationTest
class AccessibilityFeedbackTest {

    static final String PASSWORD = "saavutettavuus-salasana-1";

    @LocalServerPort int port;
    @Autowired Fixtures fx;
    @Autowired JdbcClient jdbc;
    @Autowired UserQueries users;
    @Autowired PasswordEncoder encoder;
    @Autowired RateLimits limits;

    long county, otherCounty;
    WebClient coordinator, otherCoordinator, staff;

    @BeforeEach
    void world() {
        limits.clear();
        county = fx.county();
        otherCounty = fx.county();
        coordinator = login(Role.COUNTY_COORDINATOR, null, county);
        otherCoordinator = login(Role.COUNTY_COORDINATOR, null, otherCounty);
        staff = login(Role.PROVIDER_STAFF, fx.organisation(fi.kohtaamo.registry.OrganisationType.PARISH, null, county),
                county);
    }

    WebClient login(Role role, Long orgId, Long countyId) {
        String email = Fixtures.unique("saavutettavuus-" + role.name().toLowerCase()).replace(' ', '-') + "@example.fi";
        users.insert(email, "Saavutettavuus " + role, encoder.encode(PASSWORD), role, orgId, countyId, null, null, "fi",
                true, false, Instant.now());
        WebClient web = new WebClient(port);
        assertThat(web.login(email, PASSWORD).header("Location")).endsWith("/admin");
        return web;
    }

    @Test
    void feedbackIsDueIn14DaysAndAnsweredByMail() {
        WebClient sender = new WebClient(port).withHeader("X-Forwarded-For", "203.0.113.7");
        var page = sender.get("/accessibility?lang=sv");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("1.12.2026").contains("14 dagar");
        String text = Fixtures.unique("Kalenterin suodattimet eivät toimi ruudunlukijalla");
        var r = sender.post("/accessibility/feedback", Map.of("feedbackCounty", "" + county, "pageAddress", "/calendar",
                "feedback", text, "replyTo", "palaute@example.fi"));
        assertThat(r.status()).as(r.body()).isEqualTo(302);
        var row = jdbc.sql("select id, due_on from accessibility_feedback where body = :b").param("b", text).query()
                .singleRow();
        long id = ((Number) row.get("id")).longValue();
        assertThat(row.get("due_on").toString()).isEqualTo("2026-12-09");
        // the county's coordinator is told, with the due day and a link but not the text
        assertThat(jdbc.sql("select body from mail_message where body like :l").param("l",
                "%/admin/participation/accessibility/" + id + "%").query(String.class).list()).isNotEmpty()
                .allSatisfy(b -> assertThat(b).contains("9.12.2026").doesNotContain(text));
        // an old unanswered one of the county is overdue
        jdbc.sql("""
                insert into accessibility_feedback (county_id, body, received_at, due_on, updated_at)
                values (:c, 'Vanha palaute', :at, :due, :at)""").param("c", county)
                .param("at", Instant.parse("2026-11-01T10:00:00Z").atOffset(java.time.ZoneOffset.UTC))
                .param("due", LocalDate.of(2026, 11, 15)).update();
        var list = coordinator.get("/admin/participation/accessibility");
        assertThat(list.body()).contains(text);
        assertThat(list.html().select("tr.overdue").text()).contains("Vanha palaute").contains("Myöhässä")
                .doesNotContain(text);
        assertThat(otherCoordinator.get("/admin/participation/accessibility").body()).doesNotContain(text);
        assertThat(otherCoordinator.get("/admin/participation/accessibility/" + id).status()).isEqualTo(403);
        assertThat(staff.get("/admin/participation/accessibility").status()).isEqualTo(403);
        // the answer goes by mail, and the address is erased
        coordinator.get("/admin/participation/accessibility/" + id);
        assertThat(coordinator.post("/admin/participation/accessibility/" + id + "/answer",
                Map.of("version", "0", "answer", "")).status()).isEqualTo(400);
        r = coordinator.post("/admin/participation/accessibility/" + id + "/answer",
                Map.of("version", "0", "answer", "Korjasimme suodattimien nimet."));
        assertThat(r.status()).isEqualTo(302);
        assertThat(jdbc.sql("select count(*) from mail_message where to_address = 'palaute@example.fi' and body like "
                + "'%Korjasimme suodattimien nimet.%'").query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select reply_to from accessibility_feedback where id = :id").param("id", id)
                .query(String.class).optional()).isEmpty();
        assertThat(jdbc.sql("select count(*) from audit_log where entity_type = 'accessibility_feedback' and entity_id = :id")
                .param("id", "" + id).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void theFormChecksItsInputAndTheSendersLimit() {
        WebClient sender = new WebClient(port).withHeader("X-Forwarded-For", "203.0.113.8");
        sender.get("/accessibility");
        var r = sender.post("/accessibility/feedback", Map.of("feedbackCounty", "999999999", "feedback", ""));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.html().select(".error-summary li")).hasSize(2);
        assertThat(sender.post("/accessibility/feedback", Map.of("feedbackCounty", "" + county, "feedback", "x",
                "replyTo", "ei osoite")).status()).isEqualTo(400);
        // the limit comes first: the two refused posts counted, three more are taken, the sixth is refused unread
        for (int i = 0; i < 3; i++) {
            assertThat(sender.post("/accessibility/feedback", Map.of("feedbackCounty", "" + county, "feedback",
                    "Palaute " + i)).status()).isEqualTo(302);
        }
        assertThat(sender.post("/accessibility/feedback", Map.of("feedbackCounty", "" + county, "feedback",
                "Kuudes")).status()).isEqualTo(429);
        assertThat(sender.post("/accessibility/feedback", Map.of("feedbackCounty", "999999999", "feedback",
                "")).status()).isEqualTo(429);
        // another sender is not held up
        WebClient other = new WebClient(port).withHeader("X-Forwarded-For", "203.0.113.9");
        assertThat(other.post("/accessibility/feedback", Map.of("feedbackCounty", "" + county, "feedback",
                "Toinen lähettäjä")).status()).isEqualTo(302);
    }
}
