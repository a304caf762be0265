package fi.kohtaamo.guidance;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kohtaamo.calendar.internal.ActivityForm;
import fi.kohtaamo.calendar.internal.ActivityService;
import fi.kohtaamo.identity.internal.UserQueries;
import fi.kohtaamo.registry.OrganisationType;
import fi.kohtaamo.shared.Actor;
import fi.kohtaamo.shared.Role;
import fi.kohtaamo.support.Fixtures;
import fi.kohtaamo.support.IntegrationTest;
import fi.kohtaamo.support.WebClient;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The exports over HTTP on the real database: the directory as HSDS 3.0, read back and checked against the HSDS
 * field definitions, public; the meeting places as PTV service locations with hours from the calendar, for the
 * county's coordinators, read back by the PTV import's own mapping.
 */
@IntegrationTest
class ExchangeExportTest {

    static final String PASSWORD = "vientien-salasana-1";
    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort int port;
    @Autowired Fixtures fx;
    @Autowired JdbcClient jdbc;
    @Autowired UserQueries users;
    @Autowired PasswordEncoder encoder;
    @Autowired ActivityService activities;

    long county, org;
    WebClient coordinator;

    @BeforeEach
    void world() throws IOException {
        county = fx.county();
        org = fx.organisation(OrganisationType.MUNICIPALITY, null, county);
        coordinator = login(Role.COUNTY_COORDINATOR, null, county);
        WebClient.Response p = preview(coordinator, fixture("services.json"));
        assertThat(p.status()).as(p.body()).isEqualTo(200);
        String token = p.html().select("input[name=token]").val();
        assertThat(coordinator.post("/admin/services/import/confirm", Map.of("token", token)).status()).isEqualTo(302);
    }

    WebClient login(Role role, Long orgId, Long countyId) {
        String email = Fixtures.unique("vienti-" + role.name().toLowerCase(Locale.ROOT)).replace(' ', '-')
                + "@example.fi";
        users.insert(email, "Vienti " + role, encoder.encode(PASSWORD), role, orgId, countyId, null, null, "fi", true,
                false, Instant.now());
        WebClient web = new WebClient(port);
        assertThat(web.login(email, PASSWORD).header("Location")).endsWith("/admin");
        return web;
    }

    static byte[] fixture(String name) throws IOException {
        try (InputStream in = ExchangeExportTest.class.getResourceAsStream("/fi/kohtaamo/guidance/ptv/" + name)) {
            return in.readAllBytes();
        }
    }

    WebClient.Response preview(WebClient web, byte[] file) {
        web.get("/admin/services/import?county=" + county);
        return web.postMultipart("/admin/services/import/preview", List.of(Map.entry("county", String.valueOf(county)),
                Map.entry("ptvOrganisation", String.valueOf(org)), Map.entry("ptvServiceType", "FAMILY_COUNSELLING")),
                List.of(new WebClient.FilePart("ptvFile", "ptv.json", "application/json", file)));
    }

    @Test
    void theDirectoryAsHsdsFollowsTheFieldDefinitions() {
        long family = jdbc.sql("select id from guidance_service where county_id = :c and name_fi = 'Perheneuvola'")
                .param("c", county).query(Long.class).single();
        jdbc.sql("update guidance_service set age_min_months = 0, age_max_months = 84, last_checked_on = :d, "
                + "last_checked_by = 'Testi Tarkastaja' where id = :id")
                .param("d", java.time.LocalDate.of(2026, 11, 2)).param("id", family).update();
        jdbc.sql("update guidance_service set status = 'TEMPORARILY_CLOSED' where county_id = :c and id <> :id")
                .param("c", county).param("id", family).update();

        WebClient.Response r = new WebClient(port).get("/api/v1/hsds/services?county=" + county + "&lang=sv");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("application/json");
        assertThat(r.body()).as("who checked is personal data, not open data").doesNotContain("Tarkastaja");
        JsonNode page = JSON.readTree(r.body());
        assertThat(page.get("total_items").asInt()).isEqualTo(2);
        for (JsonNode service : page.get("contents").values()) {
            assertThat(HsdsSchema.check(service, "service.json")).as(service.toString()).isEmpty();
        }
        JsonNode s = find(page.get("contents"), "name", "Familjerådgivning");
        assertThat(s.get("status").asString()).isEqualTo("active");
        assertThat(s.get("minimum_age").asInt()).isZero();
        assertThat(s.get("maximum_age").asInt()).isEqualTo(7);
        assertThat(s.get("assured_date").asString()).isEqualTo("2026-11-02");
        assertThat(s.get("fees_description").asString()).isEqualTo("Avgiftsfri");
        assertThat(s.get("url").asString()).isEqualTo("https://perheneuvola.example.fi/");
        assertThat(s.get("languages").values()).extracting(l -> l.get("code").asString()).containsExactly("fi", "sv");
        assertThat(s.get("phones").values()).extracting(p -> p.get("number").asString())
                .containsExactly("+358 9 816 12345", "+358 9 816 23456");
        List<String> rules = new ArrayList<>();
        for (JsonNode x : s.get("schedules").values()) {
            rules.add(x.path("freq").asString("-") + " " + x.path("byday").asString("-") + " "
                    + x.path("opens_at").asString("-") + "-" + x.path("closes_at").asString("-") + " "
                    + x.path("valid_from").asString("-"));
        }
        assertThat(rules).contains("WEEKLY MO 09:00-12:00 -", "WEEKLY FR 09:00-11:00 -", "- - --- 2026-12-24",
                "WEEKLY FR 20:00-02:00 -");
        JsonNode closed = find(s.get("schedules"), "valid_from", "2026-12-24");
        assertThat(closed.get("valid_to").asString()).isEqualTo("2026-12-26");
        assertThat(closed.get("description").asString()).contains("Stängt dessa dagar");
        JsonNode sal = s.get("service_at_locations").get(0);
        JsonNode location = sal.get("location");
        assertThat(location.get("location_type").asString()).isEqualTo("physical");
        assertThat(location.get("latitude").asDouble()).isEqualTo(60.17569);
        JsonNode address = location.get("addresss").get(0);
        assertThat(address.get("address_1").asString()).isEqualTo("Kauppamiehentie 6");
        assertThat(address.get("postal_code").asString()).isEqualTo("02100");
        assertThat(location.get("accessibilitys").get(0).get("description").asString())
                .isEqualTo("Ingången är tillgänglig.");
        assertThat(sal.get("schedules").values()).extracting(x -> x.path("byday").asString("-"))
                .contains("TU", "WE");
        assertThat(find(sal.get("schedules"), "byday", "TU").get("description").asString())
                .contains("Endast med tidsbokning");
        JsonNode crisis = find(page.get("contents"), "name", "Perheiden kriisipuhelin");
        assertThat(crisis.get("status").asString()).isEqualTo("temporarily closed");

        assertThat(new WebClient(port).get("/api/v1/hsds/services?county=999999").status()).isEqualTo(404);
        assertThat(new WebClient(port).get("/api/v1/hsds/services").status()).isEqualTo(400);
    }

    @Test
    void theCheckerCatchesWhatBreaksTheDefinitions() {
        ObjectNode bad = JSON.createObjectNode();
        bad.put("id", "x");
        bad.put("status", "open");
        bad.put("minimum_age", "three");
        bad.put("colour", "red");
        bad.putArray("schedules").addObject().put("id", "s").put("freq", "DAILY").put("opens_at", "9 am");
        bad.putArray("contacts").addObject().put("id", "c");
        List<String> problems = HsdsSchema.check(bad, "service.json");
        assertThat(String.join("\n", problems)).contains("required field name missing", "'open' is not one of",
                "minimum_age: not a number", "colour: not a field", "'DAILY' is not one of", "'9 am' is not a time",
                "refers to contact.json");
    }

    @Test
    void theMeetingPlacesAsPtvServiceLocationsWithTheirSessions() throws IOException {
        String m = fx.municipality(county);
        long area = fx.area(county, m);
        long placeOrg = fx.organisation(OrganisationType.MLL_ASSOCIATION, null, county);
        long place = fx.openPlace(area, m, placeOrg);
        ActivityForm f = new ActivityForm();
        f.placeId = String.valueOf(place);
        f.kind = "FAMILY_CAFE";
        f.nameFi = Fixtures.unique("Vauvakahvila");
        f.weekdays.add("TUESDAY");
        f.seasonStart = "2026-08-01";
        f.seasonEnd = "2027-05-31";
        f.startTime = "10:00";
        f.endTime = "12:00";
        f.published = "true";
        activities.create(new Actor(1, "Testi", Role.ADMIN, null, Set.of(), null, null, null), f);

        WebClient.Response r = coordinator.get("/admin/services/ptv-places.json?county=" + county);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode root = JSON.readTree(r.body());
        JsonNode channel = find(root.get("serviceChannels"), "sourceId", "kohtaamo-place-" + place);
        assertThat(channel.get("serviceChannelType").asString()).isEqualTo("ServiceLocation");
        assertThat(channel.get("serviceChannelNames").get(0).get("type").asString()).isEqualTo("Name");
        JsonNode street = channel.get("addresses").get(0).get("streetAddress");
        assertThat(street.get("postalCode").asString()).isEqualTo("02100");
        assertThat(street.get("municipality").get("code").asString()).isEqualTo(m);
        List<String> hours = new ArrayList<>();
        for (JsonNode h : channel.get("serviceHours").values()) {
            for (JsonNode o : h.get("openingHour").values()) {
                hours.add(h.get("serviceHourType").asString() + " " + o.path("dayFrom").asString("-") + " "
                        + o.get("from").asString() + "-" + o.get("to").asString() + " "
                        + h.path("additionalInformation").path(0).path("value").asString("-"));
            }
        }
        assertThat(hours).contains("DaysOfTheWeek Monday 09:00:00-15:00:00 -",
                "DaysOfTheWeek Sunday 09:00:00-15:00:00 -",
                "DaysOfTheWeek Tuesday 10:00:00-12:00:00 " + f.nameFi);

        // the PTV import reads the exported channel back as a service location with its hours
        ObjectNode bundle = JSON.createObjectNode();
        ObjectNode exported = ((ObjectNode) channel).put("id", "d0000000-0000-4000-8000-00000000000" + 1);
        bundle.putArray("serviceChannels").add(exported);
        ObjectNode service = bundle.putArray("services").addObject().put("id", "d0000000-0000-4000-8000-0000000000aa");
        service.putArray("serviceNames").addObject().put("language", "fi").put("value", "Paikka PTV:ssä")
                .put("type", "Name");
        service.putArray("serviceChannels").addObject().putObject("serviceChannel")
                .put("id", "d0000000-0000-4000-8000-000000000001");
        WebClient.Response back = preview(coordinator, JSON.writeValueAsString(bundle).getBytes(StandardCharsets.UTF_8));
        assertThat(back.status()).as(back.body()).isEqualTo(200);
        assertThat(back.html().select("tr.ptv-new").text()).contains("Paikka PTV:ssä");
    }

    @Test
    void onlyTheCountysCoordinatorsExportThePlaces() {
        WebClient other = login(Role.COUNTY_COORDINATOR, null, fx.county());
        assertThat(other.get("/admin/services/ptv-places.json?county=" + county).status()).isEqualTo(403);
        WebClient staff = login(Role.PROVIDER_STAFF, org, county);
        assertThat(staff.get("/admin/services/ptv-places.json?county=" + county).status()).isEqualTo(403);
        assertThat(new WebClient(port).get("/admin/services/ptv-places.json?county=" + county).status())
                .isIn(302, 401, 403);
    }

    static JsonNode find(JsonNode list, String field, String value) {
        for (JsonNode n : list.values()) {
            if (value.equals(n.path(field).asString(null))) {
                return n;
            }
        }
        throw new AssertionError("no " + field + " = " + value + " in " + list);
    }
}
