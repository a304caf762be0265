package fi.kohtaamo.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kohtaamo.calendar.internal.ActivityForm;
import fi.kohtaamo.calendar.internal.ActivityService;
import fi.kohtaamo.registry.OrganisationType;
import fi.kohtaamo.shared.Actor;
import fi.kohtaamo.shared.Role;
import fi.kohtaamo.support.Fixtures;
import fi.kohtaamo.support.IntegrationTest;
import fi.kohtaamo.support.TestClock;
import fi.kohtaamo.support.WebClient;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The calendar JSON API over real HTTP: activities with rules, occurrences, paging, syncing, bad input. */
@IntegrationTest
class CalendarApiTest {

    @LocalServerPort int port;
    @Autowired Fixtures fx;
    @Autowired ActivityService activities;
    @Autowired JsonMapper json;
    @Autowired TestClock clock;

    static final Actor ADMIN = new Actor(1, "Admin", Role.ADMIN, null, Set.of(), null, null, null);

    WebClient web;
    String muni;
    long place, weekly;

    @BeforeEach
    void world() {
        web = new WebClient(port);
        long county = fx.county();
        muni = fx.municipality(county);
        long area = fx.area(county, muni);
        long org = fx.organisation(OrganisationType.PARISH, null, county);
        place = fx.place(area, muni, org);
        ActivityForm f = new ActivityForm();
        f.placeId = String.valueOf(place);
        f.kind = "PARISH_FAMILY_CLUB";
        f.nameFi = "Perhekerho";
        f.nameSv = "Familjeklubb";
        f.scheduleKind = "WEEKLY";
        f.weekdays.add("THURSDAY");
        f.parity = "EVEN";
        f.seasonStart = "2026-08-01";
        f.seasonEnd = "2027-05-31";
        f.startTime = "09:30";
        f.endTime = "11:30";
        f.languages.add("sv");
        weekly = activities.create(ADMIN, f);
    }

    JsonNode get(String path) {
        var r = web.get(path);
        assertThat(r.status()).as(path + " " + r.body()).isEqualTo(200);
        return json.readTree(r.body());
    }

    @Test
    void activitiesCarryTheirRuleAsDataAsRruleAndInWords() {
        JsonNode page = get("/api/v1/activities?municipality=" + muni + "&start=2026-12-01&end=2027-01-31");
        assertThat(page.get("total").asLong()).isEqualTo(1);
        JsonNode a = page.get("items").get(0);
        assertThat(a.get("name").get("sv").asText()).isEqualTo("Familjeklubb");
        assertThat(a.get("name").propertyNames()).containsExactlyInAnyOrder("fi", "sv");
        assertThat(a.get("place").get("municipality").asText()).isEqualTo(muni);
        assertThat(a.get("schedule").get("weekParity").asText()).isEqualTo("EVEN");
        assertThat(a.get("schedule").get("rrule").asText()).startsWith("FREQ=YEARLY;BYWEEKNO=2,4,");
        assertThat(a.get("schedule").get("text").get("en").asText()).contains("Thursday").contains("even weeks");
    }

    @Test
    void occurrencesOfEvenWeeksAcrossTheYearBoundary() {
        JsonNode page = get("/api/v1/occurrences?place=" + place + "&start=2026-12-21&end=2027-01-24");
        // Thursdays of even ISO weeks: 24.12.2026 (w52, Christmas Eve: cancelled), 14.1.2027 (w2)
        assertThat(page.get("items").findValuesAsString("originalDate")).containsExactly("2026-12-24", "2027-01-14");
        JsonNode christmas = page.get("items").get(0);
        assertThat(christmas.get("status").asText()).isEqualTo("CANCELLED");
        assertThat(christmas.get("reasonType").asText()).isEqualTo("HOLIDAY");
        assertThat(page.get("items").get(1).get("start").asText()).isEqualTo("2027-01-14T09:30:00+02:00");
    }

    @Test
    void lastModifiedSinceReturnsOnlyWhatChanged() {
        String since = clock.instant().plusSeconds(1).toString();
        clock.advance(Duration.ofMinutes(5));
        activities.cancelOccurrence(ADMIN, weekly, "2027-01-14",
                new ActivityService.LocalizedTextForm("Retki", null, null));
        JsonNode changed = get("/api/v1/activities?municipality=" + muni + "&start=2026-12-01&end=2027-01-31"
                + "&last_modified_since=" + since);
        assertThat(changed.get("total").asLong()).isEqualTo(1);
        String later = clock.instant().plusSeconds(1).toString();
        assertThat(get("/api/v1/activities?municipality=" + muni + "&start=2026-12-01&end=2027-01-31"
                + "&last_modified_since=" + later).get("total").asLong()).isZero();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/api/v1/occurrences?start=2027-01-01&end=2027-12-31|end",
            "/api/v1/occurrences?start=2027-02-01&end=2027-01-01|end",
            "/api/v1/occurrences?start=yesterday|start",
            "/api/v1/occurrences?municipality=49|municipality",
            "/api/v1/occurrences?size=0|size",
            "/api/v1/activities?last_modified_since=never|last_modified_since",
            "/api/v1/activities?weekday=MONDAY&weekday=TUESDAY&weekday=MONDAY&weekday=X|weekday"})
    void badParametersAreProblemDetails(String url, String parameter) {
        var r = web.get(url);
        assertThat(r.status()).isEqualTo(400);
        JsonNode problem = json.readTree(r.body());
        assertThat(problem.get("code").asText()).isEqualTo("invalid-parameter");
        assertThat(problem.get("parameter").asText()).isEqualTo(parameter);
    }
}
