package fi.kohtaamo.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Absolute addresses: the configured public address, else localhost in dev, never the request's; a bad setting stops the start. */
@Tag("nodb")
class PublicUrlsTest {

    @AfterEach
    void noRequest() {
        RequestContextHolder.resetRequestAttributes();
    }

    private static void request(String scheme, String host, int port) {
        MockHttpServletRequest r = new MockHttpServletRequest("GET", "/calendar");
        r.setScheme(scheme);
        r.setServerName(host);
        r.setServerPort(port);
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(r));
    }

    private static org.springframework.mock.env.MockEnvironment port(int port) {
        return new org.springframework.mock.env.MockEnvironment().withProperty("local.server.port", String.valueOf(port));
    }

    @Test
    void localhostInDevWhenNothingIsConfiguredNeverTheRequestsHost() {
        request("http", "evil.example", 80);
        PublicUrls urls = new PublicUrls(new KohtaamoProperties("dev", null, null), port(8123));
        assertThat(urls.base()).isEqualTo("http://localhost:8123");
        assertThat(urls.of("/calendar.ics?municipality=049")).isEqualTo("http://localhost:8123/calendar.ics?municipality=049");
    }

    @Test
    void theConfiguredAddressWinsWithoutItsTrailingSlash() {
        request("http", "evil.example", 8080);
        PublicUrls urls = new PublicUrls(new KohtaamoProperties("production", null, "https://perhekalenteri.example.fi/"),
                port(8123));
        assertThat(urls.base()).isEqualTo("https://perhekalenteri.example.fi");
    }

    @Test
    void aConfiguredAddressMustBeHttpWithoutQuery() {
        assertThatThrownBy(() -> new KohtaamoProperties("dev", null, "javascript:alert(1)"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new KohtaamoProperties("dev", null, "https://x.example.fi/?a=b"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
