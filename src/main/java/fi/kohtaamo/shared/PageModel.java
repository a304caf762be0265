package fi.kohtaamo.shared;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** What every page's layout needs: the language, links to this page in each language, the signed-in actor. */
@ControllerAdvice(annotations = Controller.class)
public class PageModel {

    private final ActorProvider actors;
    private final KohtaamoProperties properties;
    private final java.util.List<StaffNavigation> navigation;

    PageModel(@org.springframework.context.annotation.Lazy ActorProvider actors, KohtaamoProperties properties,
            @org.springframework.context.annotation.Lazy java.util.List<StaffNavigation> navigation) {
        this.actors = actors;
        this.properties = properties;
        this.navigation = navigation;
    }

    @ModelAttribute("staffNav")
    java.util.List<StaffNavigation.Item> staffNav() {
        Actor actor = actor();
        if (actor == null) {
            return java.util.List.of();
        }
        return navigation.stream().flatMap(n -> n.items(actor).stream())
                .sorted(java.util.Comparator.comparingInt(StaffNavigation.Item::order)).toList();
    }

    @ModelAttribute("lang")
    Lang lang(HttpServletRequest request) {
        return LanguageResolver.resolve(request);
    }

    @ModelAttribute("langUrls")
    Map<String, String> langUrls(HttpServletRequest request) {
        Map<String, String> urls = new LinkedHashMap<>();
        for (Lang l : Lang.values()) {
            urls.put(l.code(), ServletUriComponentsBuilder.fromRequest(request).replaceQueryParam("lang", l.code())
                    .replacePath(request.getRequestURI()).build().toUriString()
                    .replaceFirst("^[a-z]+://[^/]+", ""));
        }
        return urls;
    }

    @ModelAttribute("currentActor")
    Actor actor() {
        Optional<Actor> a = actors.current();
        return a.orElse(null);
    }

    @ModelAttribute("demoMode")
    boolean demoMode() {
        return properties.demoEnabled();
    }

    /** The same attributes, for views rendered outside the normal handler flow (error pages). */
    public Map<String, Object> attributes(HttpServletRequest request) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("lang", lang(request));
        m.put("langUrls", langUrls(request));
        m.put("currentActor", actor());
        m.put("demoMode", demoMode());
        m.put("staffNav", staffNav());
        return m;
    }
}
