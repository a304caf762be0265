package fi.kohtaamo.registry;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kohtaamo.calendar.internal.ActivityForm;
import fi.kohtaamo.calendar.internal.ActivityService;
import fi.kohtaamo.shared.Actor;
import fi.kohtaamo.shared.GeoDistance;
import fi.kohtaamo.shared.Lang;
import fi.kohtaamo.shared.PublicDataCache;
import fi.kohtaamo.shared.Role;
import fi.kohtaamo.support.Fixtures;
import fi.kohtaamo.support.IntegrationTest;
import fi.kohtaamo.support.WebClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * "Near me" (issue 16 part 5) over real HTTP: the place list, its JSON API, the calendar page and the calendar API
 * ordered by the same {@code near} parameter (a place, a municipality centre, degrees), distances in the family's
 * language, the SVG plot without a tile server, and hostile values answered with a clear 400, never a 500.
 */
@IntegrationTest
class NearMeTest {

    static final Actor ADMIN = new Actor(1, "Admin", Role.ADMIN, null, Set.of(), null, null, null);

    @LocalServerPort int port;
    @Autowired Fixtures fx;
    @Autowired javax.sql.DataSource dataSource;
    @Autowired PublicDataCache cache;
    @Autowired ActivityService activities;
    @Autowired JsonMapper json;

    WebClient web;
    String muni;
    long close, mid, far, unknown;

    @BeforeEach
    void world() {
        web = new WebClient(port);
        long county = fx.county();
        muni = fx.municipality(county);
        long area = fx.area(county, muni);
        long org = fx.organisation(OrganisationType.PARISH, null, county);
        // in name order (the list's usual order) the far one comes first and the close one last
        far = fx.place(area, muni, org);
        mid = fx.place(area, muni, org);
        close = fx.place(area, muni, org);
        unknown = fx.place(area, muni, org);
        JdbcClient jdbc = JdbcClient.create(dataSource);
        at(jdbc, far, 60.40, 24.90);
        at(jdbc, mid, 60.25, 24.70);
        at(jdbc, close, 60.2056, 24.6560);
        jdbc.sql("update municipality set centre_latitude = 60.41, centre_longitude = 24.91 where code = :c")
                .param("c", muni).update();
        cache.changed();
        // Thursday sessions: in time order far, mid, close
        activity(far, "09:00");
        activity(mid, "10:00");
        activity(close, "11:00");
        activity(unknown, "12:00");
    }

    static void at(JdbcClient jdbc, long place, double lat, double lon) {
        jdbc.sql("update place set latitude = :lat, longitude = :lon where id = :id").param("lat", lat)
                .param("lon", lon).param("id", place).update();
    }

    void activity(long place, String start) {
        ActivityForm f = new ActivityForm();
        f.placeId = String.valueOf(place);
        f.kind = "PARISH_FAMILY_CLUB";
        f.nameFi = "Kerho " + start;
        f.scheduleKind = "WEEKLY";
        f.weekdays.add("THURSDAY");
        f.seasonStart = "2026-08-01";
        f.seasonEnd = "2027-05-31";
        f.startTime = start;
        f.endTime = "12:30".compareTo(start) > 0 ? "12:30" : "13:30";
        f.languages.add("fi");
        activities.create(ADMIN, f);
    }

    Document page(String path) {
        var r = web.get(path);
        assertThat(r.status()).as(path + " " + r.body()).isEqualTo(200);
        return r.html();
    }

    JsonNode api(String path) {
        var r = web.get(path);
        assertThat(r.status()).as(path + " " + r.body()).isEqualTo(200);
        return json.readTree(r.body());
    }

    List<Long> listedPlaces(Document doc) {
        List<Long> ids = new ArrayList<>();
        for (Element li : doc.select("ul[data-near-list] > li")) {
            ids.add(Long.parseLong(li.attr("data-href").replaceAll(".*/", "")));
        }
        return ids;
    }

    @Test
    void placeListIsOrderedByDistanceFromAPlaceAMunicipalityCentreOrDegrees() {
        assertThat(listedPlaces(page("/places?municipality=" + muni))).containsExactly(far, mid, close, unknown);
        Document fromClose = page("/places?municipality=" + muni + "&near=place:" + close);
        // the place without coordinates comes last
        assertThat(listedPlaces(fromClose)).containsExactly(close, mid, far, unknown);
        assertThat(fromClose.select("#f-near option[selected]").attr("value")).isEqualTo("place:" + close);
        assertThat(listedPlaces(page("/places?municipality=" + muni + "&near=municipality:" + muni)))
                .containsExactly(far, mid, close, unknown);
        assertThat(listedPlaces(page("/places?municipality=" + muni + "&near=60.25,24.70")))
                .containsExactly(mid, close, far, unknown);
        // the municipality is offered as a centre to order by
        assertThat(page("/places").select("#f-near option[value=municipality:" + muni + "]")).hasSize(1);
    }

    @Test
    void distancesAreShownInTheFamilysLanguage() {
        double metres = GeoDistance.metres(60.2056, 24.6560, 60.25, 24.70);
        assertThat(metres).isBetween(5000.0, 6000.0);
        String fi = distanceOf(page("/places?lang=fi&municipality=" + muni + "&near=place:" + close), mid);
        String en = distanceOf(page("/places?lang=en&municipality=" + muni + "&near=place:" + close), mid);
        assertThat(fi).matches("^5,[0-9]\u00a0km$");
        assertThat(en).matches("^5\\.[0-9]\u00a0km$");
        assertThat(distanceOf(page("/places?lang=fi&municipality=" + muni + "&near=place:" + close), close))
                .isEqualTo("0\u00a0m");
        assertThat(distanceOf(page("/places?lang=sv&municipality=" + muni + "&near=place:" + close), far))
                .matches("^2[0-9]\u00a0km$");
        // without a point no distance is shown
        assertThat(page("/places?municipality=" + muni).select("[data-near-distance]:not([hidden])")).isEmpty();
    }

    static String distanceOf(Document doc, long place) {
        // the whole text: jsoup's text() would turn the no-break space into a plain one
        return doc.select("ul[data-near-list] > li[data-href$=/" + place + "] [data-near-distance]").first().wholeText();
    }

    @Test
    void theApiTakesTheSameParameterAndGivesDistances() {
        JsonNode body = api("/api/v1/places?municipality=" + muni + "&near=place:" + close);
        List<Long> ids = new ArrayList<>();
        body.get("items").forEach(i -> ids.add(i.get("id").asLong()));
        assertThat(ids).containsExactly(close, mid, far, unknown);
        assertThat(body.get("items").get(0).get("distanceMetres").asLong()).isZero();
        assertThat(body.get("items").get(1).get("distanceMetres").asLong())
                .isEqualTo(Math.round(GeoDistance.metres(60.2056, 24.6560, 60.25, 24.70)));
        assertThat(body.get("items").get(3).has("distanceMetres")).isFalse();
        assertThat(api("/api/v1/places?municipality=" + muni).get("items").get(0).has("distanceMetres")).isFalse();
    }

    @Test
    void theCalendarOrdersEachDayByDistanceWithTheSameParameter() {
        String week = "/calendar?municipality=" + muni + "&date=2026-11-26&view=DAY";
        assertThat(occurrencePlaces(page(week))).containsExactly(far, mid, close, unknown);
        Document near = page(week + "&near=place:" + close);
        assertThat(occurrencePlaces(near)).containsExactly(close, mid, far, unknown);
        assertThat(near.select("#c-near option[selected]").attr("value")).isEqualTo("place:" + close);
        assertThat(near.select("[data-near-distance]:not([hidden])").eachText()).hasSize(3);
        // the feed link keeps the choice (the same parameter everywhere)
        assertThat(near.select("link[rel=alternate][type=text/calendar]").attr("href")).contains("near=place");
        JsonNode api = api("/api/v1/occurrences?municipality=" + muni + "&start=2026-11-26&end=2026-11-26&near=place:"
                + close);
        List<Long> ids = new ArrayList<>();
        api.get("items").forEach(i -> ids.add(i.get("place").get("id").asLong()));
        assertThat(ids).containsExactly(close, mid, far, unknown);
        assertThat(api.get("items").get(0).get("distanceMetres").asLong()).isZero();
        assertThat(api.get("items").get(3).has("distanceMetres")).isFalse();
        // the series list too
        assertThat(page("/calendar?municipality=" + muni + "&view=SERIES&near=municipality:" + muni)
                .select(".card-list > li a[href^=/places/]").eachAttr("href").get(0)).endsWith("/" + far);
    }

    static List<Long> occurrencePlaces(Document doc) {
        List<Long> ids = new ArrayList<>();
        for (Element a : doc.select("ul.occurrences > li a[href^=/places/]")) {
            ids.add(Long.parseLong(a.attr("href").replaceAll(".*/", "")));
        }
        return ids;
    }

    @Test
    void withoutATileServerTheMapIsAPlainSvgPlotAndNothingIsFetchedFromOthers() {
        var r = web.get("/places?municipality=" + muni + "&view=map&near=place:" + close);
        assertThat(r.status()).isEqualTo(200);
        Document doc = r.html();
        Element svg = doc.selectFirst("figure.near-plot svg[role=img]");
        assertThat(svg).isNotNull();
        assertThat(svg.select("circle.near-plot-dot")).hasSize(3);
        assertThat(svg.select("rect.near-plot-origin")).hasSize(1);
        assertThat(svg.select("text").eachText()).containsExactly("1", "2", "3");
        assertThat(doc.selectFirst("#" + svg.attr("aria-labelledby")).text()).contains("1");
        // the closest place is drawn where the chosen point is, the far one up and to the right
        Element first = svg.select("circle.near-plot-dot").get(0);
        Element last = svg.select("circle.near-plot-dot").get(2);
        assertThat(Double.parseDouble(last.attr("cx"))).isGreaterThan(Double.parseDouble(first.attr("cx")));
        assertThat(Double.parseDouble(last.attr("cy"))).isLessThan(Double.parseDouble(first.attr("cy")));
        assertThat(doc.select("#near-map")).isEmpty();
        assertThat(doc.select("script[src*=leaflet]")).isEmpty();
        assertThat(r.body()).doesNotContain("tile.");
        assertThat(r.header("Content-Security-Policy")).contains("img-src 'self' data:;")
                .contains("script-src 'self';");
        // the list view has no plot
        assertThat(page("/places?municipality=" + muni).select("figure.near-plot")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"91,24", "60,181", "1e999,2", "99999999999999999999,1", "place:999999999",
            "place:0", "municipality:999", "municipality:abc", "<script>", "60.1;24.2", "NaN,NaN",
            "place:99999999999999999999999"})
    void hostileStartingPointsAreAClearBadRequestNeverAServerError(String value) {
        String q = "near=" + java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
        for (String path : List.of("/places?" + q, "/api/v1/places?" + q, "/calendar?" + q,
                "/api/v1/occurrences?" + q, "/api/v1/activities?" + q)) {
            var r = web.get(path);
            assertThat(r.status()).as(path).isEqualTo(400);
            if (path.startsWith("/places") || path.startsWith("/calendar")) {
                assertThat(r.body()).as(path).contains("Lähtöpistettä ei tunnistettu");
            } else {
                assertThat(r.body()).as(path).contains("near");
            }
        }
        var longValue = web.get("/places?near=" + "9".repeat(5000));
        assertThat(longValue.status()).isIn(400, 414, 431);
        assertThat(web.get("/places?view=satellite").status()).isEqualTo(400);
    }

    @Test
    void aCoordinatorSetsAMunicipalityCentreThroughItsForm() {
        WebClient staff = new WebClient(port);
        assertThat(staff.login("admin@demo.kohtaamo.fi", "demo-password-for-tests").status()).isEqualTo(302);
        Document form = staff.get("/admin/municipalities/" + muni).html();
        assertThat(form.selectFirst("#f-centreLatitude").attr("value")).isEqualTo("60.410000");
        String version = form.selectFirst("input[name=version]").attr("value");
        String name = form.selectFirst("#f-nameFi").attr("value");
        // a centre beside the "mid" place: it now comes first
        var saved = staff.post("/admin/municipalities/" + muni, List.of(java.util.Map.entry("version", version),
                java.util.Map.entry("nameFi", name), java.util.Map.entry("languageStatus", "FI_SV"),
                java.util.Map.entry("centreLatitude", "60,2501"), java.util.Map.entry("centreLongitude", "24.7001")));
        assertThat(saved.status()).as(saved.body()).isEqualTo(302);
        assertThat(listedPlaces(page("/places?municipality=" + muni + "&near=municipality:" + muni)))
                .containsExactly(mid, close, far, unknown);
        // half a pair, or a point outside Finland, is a field error and nothing changes
        Document now = staff.get("/admin/municipalities/" + muni).html();
        var bad = staff.post("/admin/municipalities/" + muni, List.of(
                java.util.Map.entry("version", now.selectFirst("input[name=version]").attr("value")),
                java.util.Map.entry("nameFi", name), java.util.Map.entry("languageStatus", "FI_SV"),
                java.util.Map.entry("centreLatitude", "1e308"), java.util.Map.entry("centreLongitude", "")));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.html().select("#f-centreLatitude-error")).hasSize(1);
        assertThat(staff.get("/admin/municipalities/" + muni).html().selectFirst("#f-centreLatitude").attr("value"))
                .isEqualTo("60.250100");
        // blank: the centre falls back to the mean of the municipality's places
        staff.post("/admin/municipalities/" + muni, List.of(
                java.util.Map.entry("version", now.selectFirst("input[name=version]").attr("value")),
                java.util.Map.entry("nameFi", name), java.util.Map.entry("languageStatus", "FI_SV"),
                java.util.Map.entry("centreLatitude", ""), java.util.Map.entry("centreLongitude", "")));
        assertThat(page("/places?near=municipality:" + muni).select("#f-near option[selected]").attr("value"))
                .isEqualTo("municipality:" + muni);
    }

    @Test
    void unpublishedPlacesAreNoStartingPoint() {
        JdbcClient.create(dataSource).sql("update place set published = false where id = :id").param("id", mid).update();
        cache.changed();
        assertThat(web.get("/places?near=place:" + mid).status()).isEqualTo(400);
        assertThat(NearPoint.distanceText(1234.5, Lang.FI)).isEqualTo("1,2\u00a0km");
        assertThat(NearPoint.distanceText(1234.5, Lang.EN)).isEqualTo("1.2\u00a0km");
        assertThat(NearPoint.distanceText(12_345, Lang.SV)).isEqualTo("12\u00a0km");
        assertThat(NearPoint.distanceText(849, Lang.SV)).isEqualTo("850\u00a0m");
    }
}
