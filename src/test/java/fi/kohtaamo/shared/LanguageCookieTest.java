package fi.kohtaamo.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The lang cookie set by ?lang= is Secure exactly when the session cookie is (KOHTAAMO_SECURE_COOKIES). */
@Tag("nodb")
class LanguageCookieTest {

    private static jakarta.servlet.http.Cookie chosen(boolean secureCookies) throws Exception {
        WebConfig config = new WebConfig(null, null, secureCookies);
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/calendar");
        request.setParameter("lang", "sv");
        MockHttpServletResponse response = new MockHttpServletResponse();
        config.localeResolver().setLocale(request, response, Lang.SV.locale());
        return response.getCookie(LanguageResolver.COOKIE);
    }

    @Test
    void secureWhenSecureCookiesAreOn() throws Exception {
        var cookie = chosen(true);
        assertThat(cookie.getValue()).isEqualTo("sv");
        assertThat(cookie.getSecure()).isTrue();
        assertThat(cookie.isHttpOnly()).isTrue();
    }

    @Test
    void plainOverHttpInDevelopment() throws Exception {
        assertThat(chosen(false).getSecure()).isFalse();
    }
}
