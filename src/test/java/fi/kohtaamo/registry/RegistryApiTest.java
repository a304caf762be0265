package fi.kohtaamo.registry;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kohtaamo.support.Fixtures;
import fi.kohtaamo.support.IntegrationTest;
import fi.kohtaamo.support.WebClient;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The public JSON API over real HTTP: filters, paging, multilingual fields, problem details, OpenAPI. */
@IntegrationTest
class RegistryApiTest {

    @LocalServerPort int port;
    @Autowired Fixtures fx;
    @Autowired JsonMapper json;

    WebClient web;
    long county, area, ngo, place, hiddenPlace;
    String muni;

    @BeforeEach
    void world() {
        web = new WebClient(port);
        county = fx.county();
        muni = fx.municipality(county);
        area = fx.area(county, muni);
        ngo = fx.organisation(OrganisationType.OTHER_NGO, null, county);
        place = fx.place(area, muni, ngo);
        hiddenPlace = fx.place(area, muni, ngo);
        org.springframework.jdbc.core.simple.JdbcClient.create(dataSource)
                .sql("update place set published = false where id = :id").param("id", hiddenPlace).update();
    }

    @Autowired javax.sql.DataSource dataSource;

    JsonNode get(String path) {
        var r = web.get(path);
        assertThat(r.status()).as(path + " " + r.body()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("application/json");
        return json.readTree(r.body());
    }

    @Test
    void placesByOfficialMunicipalityCodeWithMultilingualFields() {
        JsonNode body = get("/api/v1/places?municipality=" + muni);
        assertThat(body.get("total").asLong()).isEqualTo(1);
        JsonNode p = body.get("items").get(0);
        assertThat(p.get("id").asLong()).isEqualTo(place);
        assertThat(p.get("municipality").get("code").asText()).isEqualTo(muni);
        assertThat(p.get("name").get("fi").asText()).startsWith("Testipaikka");
        assertThat(p.get("kind").asText()).isEqualTo("FAMILY_CAFE");
        assertThat(p.get("targetGroups").get(0).asText()).isEqualTo("UNDER_SCHOOL_AGE");
        // internal fields never appear
        assertThat(p.has("staffing")).isFalse();
        assertThat(body.toString()).doesNotContain("volunteers").doesNotContain("funding");
    }

    @Test
    void demoCountyIsListedWithItsMunicipalities() {
        JsonNode munis = get("/api/v1/municipalities");
        assertThat(munis.findValuesAsString("code")).contains("049", "927", "235");
        JsonNode areas = get("/api/v1/areas");
        assertThat(areas.size()).isGreaterThan(5);
        JsonNode orgs = get("/api/v1/organisations");
        assertThat(orgs.findValuesAsString("type")).contains("MLL_ASSOCIATION", "PARISH", "MUNICIPALITY");
        JsonNode espoo = get("/api/v1/places?municipality=049&size=500");
        assertThat(espoo.get("total").asLong()).isGreaterThan(30);
    }

    @Test
    void onePlaceWithOpeningPeriodsAndUnpublishedPlacesAreNotFound() {
        JsonNode p = get("/api/v1/places/" + place);
        assertThat(p.get("address").get("street").asText()).isEqualTo("Testikatu 1");
        assertThat(p.has("openingPeriods")).isTrue();
        var hidden = web.get("/api/v1/places/" + hiddenPlace);
        assertThat(hidden.status()).isEqualTo(404);
        assertThat(hidden.header("Content-Type")).startsWith("application/problem+json");
        assertThat(get("/api/v1/places?municipality=" + muni).get("total").asLong()).isEqualTo(1);
    }

    @Test
    void pagingIsStable() {
        JsonNode first = get("/api/v1/places?size=7&page=0");
        JsonNode second = get("/api/v1/places?size=7&page=1");
        assertThat(first.get("items").size()).isEqualTo(7);
        java.util.List<Long> firstIds = new java.util.ArrayList<>();
        first.get("items").forEach(i -> firstIds.add(i.get("id").asLong()));
        java.util.List<Long> secondIds = new java.util.ArrayList<>();
        second.get("items").forEach(i -> secondIds.add(i.get("id").asLong()));
        assertThat(firstIds).doesNotHaveDuplicates().doesNotContainAnyElementsOf(secondIds);
        assertThat(first.get("total").asLong()).isEqualTo(second.get("total").asLong());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/api/v1/places?municipality=999|municipality",
            "/api/v1/places?municipality=Espoo|municipality",
            "/api/v1/places?municipality=049%27--|municipality",
            "/api/v1/places?kind=nope|kind",
            "/api/v1/places?area=-1|area",
            "/api/v1/places?size=0|size",
            "/api/v1/places?size=100000|size",
            "/api/v1/places?page=x|page",
            "/api/v1/places?targetGroup=%3Cb%3E|targetGroup",
            "/api/v1/places?q=Perhe%E2%80%AEkahvila|q",
            "/api/v1/places?q=%E2%81%A6kahvila%E2%81%A9|q",
            "/api/v1/places?q=kahvila%00|q"})
    void badParametersAreProblemDetailsNamingTheParameter(String url, String parameter) {
        var r = web.get(url, Map.of("Accept-Language", "en"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = json.readTree(r.body());
        assertThat(problem.get("code").asText()).isEqualTo("invalid-parameter");
        assertThat(problem.get("parameter").asText()).isEqualTo(parameter);
        assertThat(problem.get("type").asText()).isEqualTo("https://kohtaamo.fi/problems/invalid-parameter");
        assertThat(problem.get("title").asText()).isEqualTo("Invalid parameter");
        assertThat(r.body()).doesNotContain("Exception").doesNotContain("at fi.kohtaamo");
    }

    @Test
    void problemTitlesFollowTheLanguage() {
        var r = web.get("/api/v1/places/abc", Map.of("Accept-Language", "sv"));
        assertThat(r.status()).isEqualTo(404);
        assertThat(json.readTree(r.body()).get("title").asText()).isEqualTo("Sidan hittades inte");
        var unknown = web.get("/api/v1/nothing-here");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(json.readTree(unknown.body()).get("code").asText()).isEqualTo("not-found");
    }

    @Test
    void writesAreNotPartOfThePublicApi() {
        var r = web.post("/api/v1/places", Map.of("name", "x"));
        assertThat(r.status()).isEqualTo(405);
        assertThat(json.readTree(r.body()).get("code").asText()).isEqualTo("method-not-allowed");
    }

    @Test
    void openApiDocumentDescribesTheApi() {
        JsonNode doc = get("/v3/api-docs");
        assertThat(doc.get("openapi").asText()).startsWith("3.");
        assertThat(doc.get("paths").propertyNames()).contains("/api/v1/places", "/api/v1/places/{id}",
                "/api/v1/organisations", "/api/v1/areas", "/api/v1/municipalities");
    }
}
