package fi.kohtaamo.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Absolute addresses: the configured public address wins over the request's; a bad setting stops the start. */
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

    @Test
    void theRequestsAddressWhenNothingIsConfigured() {
        request("http", "10.0.0.7", 8080);
        PublicUrls urls = new PublicUrls(new KohtaamoProperties("production", null, null));
        assertThat(urls.base()).isEqualTo("http://10.0.0.7:8080");
        assertThat(urls.of("/calendar.ics?municipality=049")).isEqualTo("http://10.0.0.7:8080/calendar.ics?municipality=049");
    }

    @Test
    void theConfiguredAddressWinsWithoutItsTrailingSlash() {
        request("http", "10.0.0.7", 8080);
        PublicUrls urls = new PublicUrls(new KohtaamoProperties("production", null, "https://perhekalenteri.example.fi/"));
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
