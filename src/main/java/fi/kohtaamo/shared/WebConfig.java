package fi.kohtaamo.shared;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Language choice, the {@link Actor} and {@link Lang} handler arguments. */
@Configuration(proxyBeanMethods = false)
public class WebConfig implements WebMvcConfigurer {

    private final ActorArgumentResolver actorArgumentResolver;
    private final LanguageResolver languages;

    /** The lang cookie is Secure when the session cookie is (KOHTAAMO_SECURE_COOKIES). */
    private final AnonymousForms anonymous;

    WebConfig(ActorArgumentResolver actorArgumentResolver, AnonymousForms anonymous,
            @org.springframework.beans.factory.annotation.Value("${server.servlet.session.cookie.secure:false}") boolean secureCookies) {
        this.actorArgumentResolver = actorArgumentResolver;
        this.anonymous = anonymous;
        this.languages = new LanguageResolver(secureCookies);
    }

    /**
     * Socket writes of up to this many bytes (application.yml: 64 KB; Tomcat's default of 8 KB wrote a 110 KB
     * calendar week in 14 calls, and at 64 connections served it at a third of the rate). A buffer of this
     * size is held per open connection, which is why server.tomcat.max-connections is bounded too.
     */
    @Bean
    org.springframework.boot.tomcat.TomcatConnectorCustomizer socketWriteBuffer(
            @org.springframework.beans.factory.annotation.Value("${kohtaamo.http.write-buffer-bytes:8192}") int bytes) {
        return connector -> connector.setProperty("socket.appWriteBufSize", String.valueOf(bytes));
    }

    @Bean
    LocaleResolver localeResolver() {
        return languages;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        // Remember an explicit choice of language in a cookie (for pages reached without ?lang=). Not on the API
        // and the iCalendar feeds: their addresses carry the language, and an answer that sets a cookie can be
        // neither kept (PublicResponses) nor shared by an HTTP cache. Not on families' anonymous forms either
        // (AnonymousForms): they set no cookie, and their addresses carry the language.
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                if (anonymous.isAnonymous(request)) {
                    return true;
                }
                Optional<Lang> chosen = Lang.parse(request.getParameter(LanguageResolver.PARAM));
                chosen.ifPresent(l -> languages.setLocale(request, response, l.locale()));
                return true;
            }
        }).excludePathPatterns("/api/**", "/calendar.ics", "/places/*/calendar.ics", "/organisations/*/calendar.ics");
        // the one check of anonymous posts: a browser's cross-site post is refused (a translated 403 page)
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                anonymous.refuseCrossSite(request);
                return true;
            }
        });
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(actorArgumentResolver);
        resolvers.add(new LangArgumentResolver());
    }
}
