package fi.kohtaamo.calendar.internal.poster;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kohtaamo.shared.PublicDataCache;
import fi.kohtaamo.support.IntegrationTest;
import fi.kohtaamo.support.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Anyone may ask for a poster, and a large city's week keeps a core busy for seconds: one is drawn at a time
 * (another waits a moment, then gets 503 with Retry-After and nothing drawn), and a drawn one is kept until the data
 * changes. The test holds the gate itself while it asks.
 */
@IntegrationTest
class PosterGateTest {

    static final String LOHJA = "/calendar/poster.pdf?municipality=444&week=2026-W50&lang=";

    @LocalServerPort int port;
    @Autowired PosterRenders renders;
    @Autowired PublicDataCache cache;

    @Test
    void onePosterIsDrawnAtATimeAndADrawnOneIsKeptUntilTheDataChanges() {
        WebClient web = new WebClient(port);
        cache.changed();
        WebClient.Response busy = renders.run(() -> web.get(LOHJA + "sv"));
        assertThat(busy.status()).as("asked while another poster is drawn").isEqualTo(503);
        assertThat(busy.header("Retry-After")).isNotBlank();
        assertThat(busy.body()).doesNotStartWith("%PDF");

        WebClient.Response drawn = web.get(LOHJA + "sv");
        assertThat(drawn.status()).isEqualTo(200);
        assertThat(drawn.header("Content-Type")).startsWith("application/pdf");
        // kept: the same poster needs no drawing, so it is served while the gate is held
        byte[] first = web.getBytes(LOHJA + "sv");
        byte[] kept = renders.run(() -> web.getBytes(LOHJA + "sv"));
        assertThat(java.util.Arrays.equals(kept, first)).as("the kept poster served while the gate is held").isTrue();
        // another language is another poster
        assertThat(renders.run(() -> web.get(LOHJA + "en")).status()).isEqualTo(503);
        // after a change the public can see, it is drawn again
        cache.changed();
        assertThat(renders.run(() -> web.get(LOHJA + "sv")).status()).isEqualTo(503);
        assertThat(web.get(LOHJA + "sv").status()).isEqualTo(200);
    }
}
