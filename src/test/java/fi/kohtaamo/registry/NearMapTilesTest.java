package fi.kohtaamo.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.kohtaamo.shared.MapTiles;
import fi.kohtaamo.support.IntegrationTest;
import fi.kohtaamo.support.WebClient;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * The place list's map with a tile server configured (KOHTAAMO_MAP_TILES_URL): Leaflet from the webjar over the
 * configured tiles, the tile server's origin in the CSP's img-src (and nowhere else), the attribution passed as
 * text. Without one (every other test's context) see NearMeTest: an SVG plot and the CSP unchanged.
 */
@IntegrationTest
@TestPropertySource(properties = {"kohtaamo.map.tiles-url=https://{s}.tiles.example.org/{z}/{x}/{y}.png",
        "kohtaamo.map.attribution=© Example <b>maps</b>"})
class NearMapTilesTest {

    @LocalServerPort int port;

    @Test
    void leafletOverTheConfiguredTilesWithTheirOriginInTheCsp() {
        WebClient web = new WebClient(port);
        var r = web.get("/places?municipality=049&view=map&near=municipality:049");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Security-Policy"))
                .contains("img-src 'self' data: https://*.tiles.example.org;")
                .contains("script-src 'self';").contains("connect-src 'self';").contains("style-src 'self';");
        Document doc = r.html();
        var map = doc.selectFirst("#near-map");
        assertThat(map).isNotNull();
        assertThat(map.attr("data-tiles")).isEqualTo("https://{s}.tiles.example.org/{z}/{x}/{y}.png");
        assertThat(map.attr("data-attribution")).isEqualTo("© Example <b>maps</b>");
        assertThat(map.attr("data-origin-lat")).isNotBlank();
        assertThat(doc.select("figure.near-plot")).isEmpty();
        String leaflet = doc.selectFirst("script[src*=leaflet]").attr("src");
        assertThat(leaflet).startsWith("/webjars/leaflet/");
        assertThat(web.get(leaflet).status()).isEqualTo(200);
        assertThat(web.get(doc.selectFirst("link[href*=leaflet]").attr("href")).status()).isEqualTo(200);
        assertThat(doc.select("ul[data-near-list] > li[data-lat]")).isNotEmpty();
        // the list view loads no map
        assertThat(web.get("/places?municipality=049").html().select("script[src*=leaflet]")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://tiles.example.org/{z}/{x}/{y}.png", "https://tiles.example.org/tiles.png",
            "https://tiles.example.org/{z}/{x}/{y}.png; script-src *", "javascript:alert(1)//{z}{x}{y}",
            "https://tiles example.org/{z}/{x}/{y}.png"})
    void aTileAddressThatIsNotATemplateRefusesToStart(String url) {
        assertThatThrownBy(() -> new MapTiles(url, "")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void originsOfTemplates() {
        assertThat(new MapTiles("https://tile.example.fi:8443/{z}/{x}/{y}.png", "").cspSource())
                .isEqualTo("https://tile.example.fi:8443");
        assertThat(new MapTiles("https://{s}.tile.example.fi/{z}/{x}/{y}.png", "").cspSource())
                .isEqualTo("https://*.tile.example.fi");
        assertThat(new MapTiles("", "").configured()).isFalse();
    }
}
