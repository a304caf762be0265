package fi.kohtaamo.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kohtaamo.identity.internal.UserQueries;
import fi.kohtaamo.mapping.internal.MappingReminders;
import fi.kohtaamo.registry.OrganisationType;
import fi.kohtaamo.registry.internal.PlaceForm;
import fi.kohtaamo.registry.internal.RegistryQueries;
import fi.kohtaamo.registry.internal.RegistryService;
import fi.kohtaamo.shared.Actor;
import fi.kohtaamo.shared.Role;
import fi.kohtaamo.support.Fixtures;
import fi.kohtaamo.support.IntegrationTest;
import fi.kohtaamo.support.WebClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static fi.kohtaamo.support.Forms.formFields;
import static fi.kohtaamo.support.Forms.with;

/**
 * A county's round over HTTP: the questionnaire is prefilled from the registry; a correction updates the registry
 * (audited, with the place's version checked) and the answer is audited; the round's figures stay as answered after
 * the registry is edited; a provider reaches only its own places' questionnaires (another organisation's is not
 * found); hostile input is refused with messages and changes nothing; reminders go once however often the job runs.
 * The test clock stands at Wednesday 25.11.2026.
 */
@IntegrationTest
class MappingTest {

    @LocalServerPort int port;
    @Autowired Fixtures fx;
    @Autowired JdbcClient jdbc;
    @Autowired UserQueries users;
    @Autowired PasswordEncoder encoder;
    @Autowired RegistryService registry;
    @Autowired RegistryQueries places;
    @Autowired MappingReminders reminders;

    long county, org, otherOrg, place, otherPlace;
    WebClient coordinator, provider, otherProvider;

    @BeforeEach
    void world() {
        county = fx.county();
        String m = fx.municipality(county);
        long area = fx.area(county, m);
        org = fx.organisation(OrganisationType.MLL_ASSOCIATION, null, county);
        otherOrg = fx.organisation(OrganisationType.PARISH, null, county);
        place = fx.place(area, m, org);
        otherPlace = fx.place(area, m, otherOrg);
        coordinator = MappingSupport.login(port, users, encoder, Role.COUNTY_COORDINATOR, null, county, null);
        provider = MappingSupport.login(port, users, encoder, Role.PROVIDER_STAFF, org, null, null);
        otherProvider = MappingSupport.login(port, users, encoder, Role.PROVIDER_STAFF, otherOrg, null, null);
    }

    long open(String title) {
        var r = coordinator.post("/admin/mapping/rounds", Map.of("scope", "COUNTY", "countyId", "" + county, "title", title,
                "deadline", "2026-12-01"));
        assertThat(r.status()).as(r.body()).isEqualTo(302);
        return Long.parseLong(r.header("Location").replaceAll(".*/rounds/", ""));
    }

    long answerOf(long round, long placeId) {
        return jdbc.sql("select id from mapping_answer where round_id = :r and place_id = :p").param("r", round)
                .param("p", placeId).query(Long.class).single();
    }

    @Test
    void theChartsDrawThePreviousRoundBesideThisOneWithATextLegend() {
        // the demo data: Länsi-Uusimaa's round of last year and this year's, open now
        long lu = jdbc.sql("select id from county where code = 'LU'").query(Long.class).single();
        long round = jdbc.sql("select id from mapping_round where county_id = :c order by opens_on desc fetch first 1 rows only")
                .param("c", lu).query(Long.class).single();
        WebClient lucoordinator = MappingSupport.login(port, users, encoder, Role.COUNTY_COORDINATOR, null, lu, null);
        for (String lang : List.of("fi", "sv", "en")) {
            var doc = lucoordinator.get("/admin/mapping/rounds/" + round + "/summary?lang=" + lang).html();
            var previous = MappingSupport.previousFigures(doc);
            assertThat(previous.values()).as(lang).anyMatch(v -> v != null && !v.equals("–") && !v.isEmpty());
            var charts = doc.select("figure.chart");
            assertThat(charts).as(lang).isNotEmpty();
            for (var chart : charts) {
                // still hidden from screen readers: the table beside carries the figures
                assertThat(chart.selectFirst("svg.mapping-chart").attr("aria-hidden")).isEqualTo("true");
                int rows = chart.select("svg.mapping-chart rect.bar:not(.previous)").size();
                int pairs = chart.select("svg.mapping-chart rect.bar.previous").size();
                assertThat(pairs).isPositive().isLessThanOrEqualTo(rows);
                // the legend is words, with a key of the bar's shape (thin for the previous round)
                var keys = chart.select("figcaption .chart-key");
                assertThat(keys).hasSize(2);
                assertThat(keys.get(1).selectFirst("rect.bar.previous").attr("height")).isEqualTo("4");
                assertThat(keys.get(1).text()).contains(jdbc.sql("select title from mapping_round where county_id = :c "
                        + "and id <> :r order by opens_on desc fetch first 1 rows only").param("c", lu).param("r", round)
                        .query(String.class).single());
            }
            assertThat(charts.first().select("figcaption").text()).contains(switch (lang) {
                case "fi" -> "Edellinen kierros";
                case "sv" -> "Föregående omgång";
                default -> "Previous round";
            });
        }
        // a round with none before it draws single bars and no legend
        long first = open(Fixtures.unique("Ensimmäinen kartoitus"));
        var alone = coordinator.get("/admin/mapping/rounds/" + first + "/summary").html();
        assertThat(alone.select("rect.bar.previous")).isEmpty();
        assertThat(alone.select(".chart-legend")).isEmpty();
    }

    @Test
    void prefillCorrectionAndSnapshot() {
        long round = open(Fixtures.unique("Kartoitus"));
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'MAPPING_ROUND_OPEN' and entity_id = :id")
                .param("id", "" + round).query(Long.class).single()).isEqualTo(1);
        long answer = answerOf(round, place);
        var page = provider.get("/admin/mapping/answers/" + answer);
        assertThat(page.status()).isEqualTo(200);
        // prefilled from the registry: the fixture's 1 employee and 2 volunteers, under school age
        var doc = page.html();
        assertThat(doc.selectFirst("#f-employees").val()).isEqualTo("1");
        assertThat(doc.selectFirst("#f-volunteers").val()).isEqualTo("2");
        assertThat(doc.selectFirst("input[name=targetGroups][value=UNDER_SCHOOL_AGE]").hasAttr("checked")).isTrue();
        // the provider sees it among its questionnaires, and not the other organisation's
        String mine = provider.get("/admin/mapping").body();
        assertThat(mine).contains("/admin/mapping/answers/" + answer)
                .doesNotContain("/admin/mapping/answers/" + answerOf(round, otherPlace));

        var form = formFields(doc);
        form = with(form, "nameType", "FAMILY_HOUSE");
        form = with(form, "monthlyVisits", "300");
        form = with(form, "employees", "3");
        form = with(form, "openingDays", "4");
        form = with(form, "premisesOwnership", "CITY_PROVIDED");
        form = with(form, "fullyAccessible", "false");
        form = new ArrayList<>(form);
        form.add(Map.entry("funding", "STEA"));
        var saved = provider.post("/admin/mapping/answers/" + answer, form);
        assertThat(saved.status()).as(saved.status() == 400 ? saved.html().select(".field-error").text() : "").isEqualTo(302);

        // the registry took the correction, audited as a place update; the answer is audited too
        var p = places.place(place).orElseThrow();
        assertThat(p.staffing().employees()).isEqualTo(3);
        assertThat(p.premisesOwnership()).hasToString("CITY_PROVIDED");
        assertThat(p.funding()).extracting(Enum::name).contains("STEA");
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'PLACE_UPDATE' and entity_id = :id")
                .param("id", "" + place).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'MAPPING_ANSWER' and entity_id = :id")
                .param("id", "" + answer).query(Long.class).single()).isEqualTo(1);

        // the round's figures before and after the registry changes: the same
        String summary = "/admin/mapping/rounds/" + round + "/summary";
        var before = MappingSupport.figures(coordinator.get(summary).html());
        var edit = PlaceForm.of(places.place(place).orElseThrow());
        edit.employees = "9";
        edit.premisesOwnership = "OWN";
        registry.updatePlace(new Actor(0, "Testi", Role.ADMIN, null, Set.of(), null, null, null), place, edit);
        assertThat(places.place(place).orElseThrow().staffing().employees()).isEqualTo(9);
        var after = MappingSupport.figures(coordinator.get(summary).html());
        assertThat(after).isEqualTo(before).containsValue("3,0");

        // a stale questionnaire (the version it was shown with) changes nothing
        var stale = provider.post("/admin/mapping/answers/" + answer, with(form, "employees", "5"));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(places.place(place).orElseThrow().staffing().employees()).isEqualTo(9);
    }

    @Test
    void providersReachOnlyTheirOwnPlaces() {
        long round = open(Fixtures.unique("Kartoitus"));
        long others = answerOf(round, otherPlace);
        assertThat(provider.get("/admin/mapping/answers/" + others).status()).isEqualTo(404);
        var form = new ArrayList<>(SeedAnswers.valid());
        assertThat(provider.post("/admin/mapping/answers/" + others, form).status()).isEqualTo(404);
        assertThat(jdbc.sql("select answered from mapping_answer where id = :id").param("id", others)
                .query(Boolean.class).single()).isFalse();
        // a county's round and its summary are the coordinators'; a provider of the county does not find them
        assertThat(provider.get("/admin/mapping/rounds/" + round).status()).isEqualTo(404);
        assertThat(provider.get("/admin/mapping/rounds/" + round + "/summary").status()).isEqualTo(404);
        assertThat(provider.get("/admin/mapping/rounds/" + round + "/summary.xlsx").status()).isEqualTo(404);
        // nor may a provider open a round for a county
        var opened = provider.post("/admin/mapping/rounds", Map.of("scope", "COUNTY", "countyId", "" + county, "title", "X",
                "deadline", "2026-12-01"));
        assertThat(opened.status()).isIn(400, 403);
        // another county's coordinator finds nothing of it
        long otherCounty = fx.county();
        WebClient stranger = MappingSupport.login(port, users, encoder, Role.COUNTY_COORDINATOR, null, otherCounty, null);
        assertThat(stranger.get("/admin/mapping/rounds/" + round).status()).isEqualTo(404);
        assertThat(stranger.get("/admin/mapping/answers/" + others).status()).isEqualTo(404);
    }

    @Test
    void hostileInputIsRefusedAndChangesNothing() {
        long round = open(Fixtures.unique("Kartoitus"));
        long answer = answerOf(round, place);
        provider.get("/admin/mapping/answers/" + answer);
        for (var bad : List.of(
                with(SeedAnswers.valid(), "nameType", "<script>alert(1)</script>"),
                with(SeedAnswers.valid(), "employees", "-1"),
                with(SeedAnswers.valid(), "employees", "99999999999999999999"),
                with(SeedAnswers.valid(), "openingDays", "8"),
                with(SeedAnswers.valid(), "evenings", "maybe"),
                with(SeedAnswers.valid(), "premisesOwnership", "CASTLE"),
                with(SeedAnswers.valid(), "partnerIds", "999999999"),
                with(SeedAnswers.valid(), "partnerIds", "1; drop table place"),
                with(SeedAnswers.valid(), "partnersText", "x".repeat(5000)),
                with(SeedAnswers.valid(), "partnersText", "bad\u0000text"),
                with(SeedAnswers.valid(), "version", "abc"))) {
            var r = provider.post("/admin/mapping/answers/" + answer, bad);
            assertThat(r.status()).as(bad.toString()).isEqualTo(400);
            assertThat(r.html().select(".field-error, .error-summary").text()).isNotBlank();
        }
        assertThat(jdbc.sql("select answered from mapping_answer where id = :id").param("id", answer)
                .query(Boolean.class).single()).isFalse();
        assertThat(places.place(place).orElseThrow().staffing().employees()).isEqualTo(1);
        // hostile addresses: not found, never 500
        for (String path : List.of("/admin/mapping/answers/abc", "/admin/mapping/answers/-1", "/admin/mapping/rounds/0",
                "/admin/mapping/rounds/99999999999999999999/summary", "/admin/mapping/rounds/" + round + "/summary?county=x",
                "/admin/mapping/rounds/" + round + "/summary?district=%3Cscript%3E")) {
            assertThat(coordinator.get(path).status()).as(path).isEqualTo(404);
        }
        // a round without a title, a past deadline or an unknown county is refused with messages
        coordinator.get("/admin/mapping");
        for (var bad : List.of(Map.of("scope", "COUNTY", "countyId", "" + county, "title", "", "deadline", "2026-12-01"),
                Map.of("scope", "COUNTY", "countyId", "" + county, "title", "T", "deadline", "2020-01-01"),
                Map.of("scope", "COUNTY", "countyId", "abc", "title", "T", "deadline", "2026-12-01"),
                Map.of("scope", "PLANET", "title", "T", "deadline", "2026-12-01"))) {
            long rounds = jdbc.sql("select count(*) from mapping_round").query(Long.class).single();
            var r = coordinator.post("/admin/mapping/rounds", bad);
            assertThat(r.status()).as(bad.toString()).isEqualTo(400);
            assertThat(jdbc.sql("select count(*) from mapping_round").query(Long.class).single()).isEqualTo(rounds);
        }
    }

    @Test
    void remindersGoOnceBeforeTheDeadline() {
        long staffId = jdbc.sql("select max(id) from app_user where role = 'PROVIDER_STAFF' and organisation_id = :o")
                .param("o", org).query(Long.class).single();
        long round = open(Fixtures.unique("Kartoitus"));   // deadline 1.12., six days ahead: the week-before reminder
        reminders.run();
        reminders.run();
        assertThat(jdbc.sql("select count(*) from mail_message where to_user_id = :u").param("u", staffId)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from mapping_reminder where round_id = :r").param("r", round)
                .query(Long.class).single()).isEqualTo(1);
    }

    /** A valid answer as a browser would send it. */
    static final class SeedAnswers {
        static List<Map.Entry<String, String>> valid() {
            return MappingSeedTest.answer(3);
        }
    }
}
