package fi.kohtaamo.shared;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Optional;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Chooses the language of a request: the {@code lang} URL parameter first (so that every page can
 * be linked in a language), then the {@code lang} cookie (set when the user picks a language),
 * then Accept-Language, then Finnish. Never the session, so pages stay linkable and cacheable.
 */
public class LanguageResolver implements LocaleResolver {

    public static final String PARAM = "lang";
    public static final String COOKIE = "lang";

    private final boolean secureCookie;

    /** @param secureCookie whether the cookie carries {@code Secure} (KOHTAAMO_SECURE_COOKIES, as the session's) */
    public LanguageResolver(boolean secureCookie) {
        this.secureCookie = secureCookie;
    }

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        return resolve(request).locale();
    }

    public static Lang resolve(HttpServletRequest request) {
        Optional<Lang> fromParam = Lang.parse(request.getParameter(PARAM));
        if (fromParam.isPresent()) {
            return fromParam.get();
        }
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie c : cookies) {
                if (COOKIE.equals(c.getName())) {
                    Optional<Lang> fromCookie = Lang.parse(c.getValue());
                    if (fromCookie.isPresent()) {
                        return fromCookie.get();
                    }
                }
            }
        }
        if (request.getHeader("Accept-Language") != null) {
            Enumeration<Locale> locales = request.getLocales();
            while (locales.hasMoreElements()) {
                Optional<Lang> l = Lang.parse(locales.nextElement().getLanguage());
                if (l.isPresent()) {
                    return l.get();
                }
            }
        }
        return Lang.FI;
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        Cookie cookie = new Cookie(COOKIE, Lang.of(locale).code());
        cookie.setPath("/");
        cookie.setMaxAge(365 * 24 * 3600);
        cookie.setHttpOnly(true);
        cookie.setSecure(secureCookie);
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
    }
}
