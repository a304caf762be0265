package fi.kohtaamo.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import fi.kohtaamo.support.Browser;
import fi.kohtaamo.support.BrowserPageTest;
import fi.kohtaamo.support.IntegrationTest;
import fi.kohtaamo.support.WebClient;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The place list's map drawing real tiles in Chromium: KOHTAAMO_MAP_TILES_URL (kohtaamo.map.tiles-url) points at a
 * tile server this test starts (the JDK's HttpServer answering every /{z}/{x}/{y}.png with one generated 256×256
 * PNG and keeping the paths asked), so Leaflet's tile requests, the CSP's img-src allowing that origin and the
 * tiles actually loading are all seen in the page. The map page stays axe-core clean and fits 360 px.
 */
@IntegrationTest
@Tag("browser")
class NearMapTilesBrowserTest extends BrowserPageTest {

    static final HttpServer TILES;
    static final List<String> ASKED = new java.util.concurrent.CopyOnWriteArrayList<>();
    static final ConcurrentLinkedQueue<String> REFUSED = new ConcurrentLinkedQueue<>();

    static {
        try {
            byte[] png = png();
            TILES = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            TILES.createContext("/", exchange -> {
                String path = exchange.getRequestURI().getPath();
                if (path.matches("^/[0-9]{1,2}/[0-9]{1,7}/[0-9]{1,7}\\.png$")) {
                    ASKED.add(path);
                    exchange.getResponseHeaders().set("Content-Type", "image/png");
                    exchange.sendResponseHeaders(200, png.length);
                    exchange.getResponseBody().write(png);
                } else {
                    REFUSED.add(path);
                    exchange.sendResponseHeaders(404, -1);
                }
                exchange.close();
            });
            TILES.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] png() throws IOException {
        BufferedImage img = new BufferedImage(256, 256, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(0xe8, 0xf0, 0xe0));
        g.fillRect(0, 0, 256, 256);
        g.setColor(new Color(0x9a, 0xb0, 0x90));
        g.drawRect(0, 0, 255, 255);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    static String origin() {
        return "http://127.0.0.1:" + TILES.getAddress().getPort();
    }

    @DynamicPropertySource
    static void tiles(DynamicPropertyRegistry registry) {
        registry.add("kohtaamo.map.tiles-url", () -> origin() + "/{z}/{x}/{y}.png");
        registry.add("kohtaamo.map.attribution", () -> "© Testikartta");
    }

    @AfterAll
    void stopTiles() {
        TILES.stop(0);
    }

    static final String MAP = "/places?municipality=049&view=map&near=municipality:049";

    @SuppressWarnings("unchecked")
    @Test
    void leafletDrawsTheConfiguredTilesAndThePageStaysAccessible() {
        // the CSP names the tile server's origin for images, and nothing else changes
        var r = new WebClient(port).get(MAP);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Security-Policy")).contains("img-src 'self' data: " + origin() + ";")
                .contains("script-src 'self';").contains("connect-src 'self';");
        for (String lang : LANGS) {
            int before = ASKED.size();
            driver.get(url(MAP, lang));
            JavascriptExecutor js = (JavascriptExecutor) driver;
            long loaded = Browser.await(driver, d -> {
                Number n = (Number) js.executeScript("return Array.from(document.querySelectorAll("
                        + "'#near-map img.leaflet-tile')).filter(i => i.complete && i.naturalWidth === 256"
                        + " && i.naturalHeight === 256).length;");
                return n.longValue() > 0 ? n.longValue() : null;
            });
            assertThat(loaded).as(lang).isPositive();
            assertThat(ASKED.size() - before).as("tiles Leaflet asked for (" + lang + ")").isPositive();
            // the tile images are the tile server's, and every request went to this site or to it
            List<String> srcs = (List<String>) js.executeScript("return Array.from(document.querySelectorAll("
                    + "'#near-map img.leaflet-tile')).map(i => i.src);");
            assertThat(srcs).as(lang).allMatch(s -> s.startsWith(origin() + "/") && s.endsWith(".png"));
            List<String> requested = (List<String>) js.executeScript(
                    "return performance.getEntriesByType('resource').map(e => e.name);");
            assertThat(requested).as(lang).allMatch(u -> u.startsWith("http://localhost:" + port + "/")
                    || u.startsWith(origin() + "/"));
            assertThat(driver.findElements(org.openqa.selenium.By.cssSelector("#near-map .leaflet-marker-icon")))
                    .as(lang).isNotEmpty();
            Browser.assertAccessible(driver, "map over tiles (" + lang + ")");
            Browser.assertFitsWidth(driver, 360, "map over tiles (" + lang + ")");
        }
        assertThat(REFUSED).as("only tile addresses were asked").isEmpty();
    }
}
