package fi.kohtaamo.shared;

import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * Renders one Thymeleaf fragment to a string, in the request's context (links, language), so that a
 * heavy, public part of a page (a calendar's day lists) can be kept in the {@link PublicDataCache} and
 * put into the page with {@code th:utext}. The fragment sees {@code lang} and the given variables.
 */
@Component
public class FragmentRenderer {

    private final SpringTemplateEngine engine;
    private final JakartaServletWebApplication application;

    FragmentRenderer(SpringTemplateEngine engine, ServletContext servletContext) {
        this.engine = engine;
        this.application = JakartaServletWebApplication.buildApplication(servletContext);
    }

    public String render(String template, String fragment, Lang lang, Map<String, Object> variables,
            HttpServletRequest request, HttpServletResponse response) {
        Map<String, Object> all = new HashMap<>(variables);
        all.put("lang", lang);
        WebContext context = new WebContext(application.buildExchange(request, response), lang.locale(), all);
        return engine.process(template, Set.of(fragment), context);
    }
}
