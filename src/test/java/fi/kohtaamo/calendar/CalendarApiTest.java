package fi.kohtaamo.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kohtaamo.calendar.internal.ActivityForm;
import fi.kohtaamo.calendar.internal.ActivityService;
import fi.kohtaamo.registry.OrganisationType;
import fi.kohtaamo.shared.Actor;
import fi.kohtaamo.shared.GeoDistance;
import fi.kohtaamo.shared.PublicDataCache;
import fi.kohtaamo.shared.Role;
import fi.kohtaamo.support.Fixtures;
import fi.kohtaamo.support.IntegrationTest;
import fi.kohtaamo.support.TestClock;
import fi.kohtaamo.support.WebClient;
import java.time.Duration;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
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
    @Autowired DataSource dataSource;
    @Autowired PublicDataCache cache;

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

    long activityAt(long at, String name, String startTime) {
        ActivityForm f = new ActivityForm();
        f.placeId = String.valueOf(at);
        f.kind = "PARISH_FAMILY_CLUB";
        f.nameFi = name;
        f.scheduleKind = "WEEKLY";
        f.weekdays.add("MONDAY");
        f.seasonStart = "2026-08-01";
        f.seasonEnd = "2027-05-31";
        f.startTime = startTime;
        f.endTime = "13:00";
        f.languages.add("fi");
        return activities.create(ADMIN, f);
    }

    @Test
    void activitiesNearAPointComeNearestFirstWithTheirDistance() {
        long county = fx.county();
        String m = fx.municipality(county);
        long area = fx.area(county, m);
        long org = fx.organisation(OrganisationType.PARISH, null, county);
        long far = fx.place(area, m, org);
        long close = fx.place(area, m, org);
        long unknown = fx.place(area, m, org);
        JdbcClient jdbc = JdbcClient.create(dataSource);
        for (Object[] p : new Object[][] {{far, 60.40, 24.90}, {close, 60.2056, 24.6560}}) {
            jdbc.sql("update place set latitude = :lat, longitude = :lon where id = :id").param("lat", p[1])
                    .param("lon", p[2]).param("id", p[0]).update();
        }
        cache.changed();
        // created in an order that neither id nor name would put right
        long atUnknown = activityAt(unknown, "A", "08:00");
        long atFar = activityAt(far, "B", "08:30");
        long closeLate = activityAt(close, "C", "11:00");
        long closeEarly = activityAt(close, "D", "09:00");
        String q = "/api/v1/activities?municipality=" + m + "&start=2026-12-01&end=2027-01-31";

        JsonNode near = get(q + "&near=place:" + close);
        assertThat(near.get("items").valueStream().map(i -> i.get("id").asText()).toList()).containsExactly(String.valueOf(closeEarly),
                String.valueOf(closeLate), String.valueOf(atFar), String.valueOf(atUnknown));
        assertThat(near.get("items").get(0).get("distanceMetres").asLong()).isZero();
        assertThat(near.get("items").get(1).get("distanceMetres").asLong()).isZero();
        assertThat(near.get("items").get(2).get("distanceMetres").asLong())
                .isEqualTo(Math.round(GeoDistance.metres(60.2056, 24.6560, 60.40, 24.90)));
        assertThat(near.get("items").get(3).has("distanceMetres")).isFalse();
        // paging keeps the order
        assertThat(get(q + "&near=place:" + close + "&size=1&page=2").get("items").get(0).get("id").asLong())
                .isEqualTo(atFar);
        // degrees work the same; from the far place the order turns
        JsonNode fromFar = get(q + "&near=60.40,24.90");
        assertThat(fromFar.get("items").valueStream().map(i -> i.get("id").asText()).toList()).containsExactly(String.valueOf(atFar),
                String.valueOf(closeEarly), String.valueOf(closeLate), String.valueOf(atUnknown));
        // without near: by id, no distances
        JsonNode plain = get(q);
        assertThat(plain.get("items").valueStream().map(i -> i.get("id").asText()).toList()).containsExactly(String.valueOf(atUnknown),
                String.valueOf(atFar), String.valueOf(closeLate), String.valueOf(closeEarly));
        assertThat(plain.get("items").get(0).has("distanceMetres")).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/api/v1/activities?near=91,24|near",
            "/api/v1/activities?near=place:999999999|near",
            "/api/v1/activities?near=municipality:abc|near",
            "/api/v1/activities?near=NaN,NaN|near",
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
        // near has its own code, whose detail says what is accepted (the same 400 as the place API's)
        assertThat(problem.get("code").asText()).isEqualTo(parameter.equals("near") ? "near-point" : "invalid-parameter");
        assertThat(problem.get("parameter").asText()).isEqualTo(parameter);
    }
}
