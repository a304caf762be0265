package fi.kohtaamo.guidance.internal.find;

import fi.kohtaamo.guidance.internal.find.FindModel.Detail;
import fi.kohtaamo.guidance.internal.find.FindModel.Page;
import fi.kohtaamo.registry.Registry;
import fi.kohtaamo.shared.KohtaamoException;
import fi.kohtaamo.shared.Lang;
import fi.kohtaamo.shared.PublicDataCache;
import fi.kohtaamo.shared.PublicResponses;
import fi.kohtaamo.shared.PublicUrls;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public directory of family services: {@code /services} (search by need or words, filtered by municipality,
 * language and age; a GET form that works without JavaScript), {@code /services/{id}} (the service's page, how to
 * get there first) and {@code /services/{id}/card.pdf} (the printable service card). Staff reach the same pages from
 * their menu. Only ACTIVE and TEMPORARILY_CLOSED services are public; the rest are not found. What is read is kept
 * in the public data cache, so a write to the directory (audited, which moves the data version) is in the next answer.
 */
@Controller
class ServicePageController {

    private final SearchQueries search;
    private final ServiceQueries services;
    private final ServiceViews views;
    private final ServiceCards cards;
    private final Registry registry;
    private final PublicDataCache cache;
    private final PublicUrls urls;

    ServicePageController(SearchQueries search, ServiceQueries services, ServiceViews views, ServiceCards cards,
            Registry registry, PublicDataCache cache, PublicUrls urls) {
        this.search = search;
        this.services = services;
        this.views = views;
        this.cards = cards;
        this.registry = registry;
        this.cache = cache;
        this.urls = urls;
    }

    @GetMapping("/services")
    String list(HttpServletRequest request, Lang lang, Model model) {
        SearchCriteria c = SearchCriteria.parse(request.getParameterMap());
        if (c.municipality() != null && !cache.get(List.of("guidance-municipality-exists", c.municipality()),
                () -> registry.municipalityExists(c.municipality()))) {
            throw new KohtaamoException.BadParameter("municipality");
        }
        Page result = cache.get(List.of("guidance-search", c, lang), () -> search.search(c, lang));
        model.addAttribute("criteria", c);
        model.addAttribute("result", result);
        model.addAttribute("items", views.views(result.items(), lang));
        model.addAttribute("needs", cache.get(List.of("guidance-needs"), search::needs));
        Map<String, String> languages = new LinkedHashMap<>();
        cache.get(List.of("guidance-languages"), search::languagesInUse)
                .forEach(code -> languages.put(code, views.languageName(code, lang)));
        model.addAttribute("languages", languages);
        model.addAttribute("municipalities", municipalityOptions(lang));
        model.addAttribute("ages", java.util.stream.IntStream.rangeClosed(0, 17).boxed().toList());
        return "guidance/services";
    }

    @GetMapping("/services/{id}")
    String service(@PathVariable String id, Lang lang, Model model) {
        Detail d = detail(id);
        model.addAttribute("detail", d);
        model.addAttribute("view", views.view(d.summary(), lang));
        Map<String, String> languages = new LinkedHashMap<>();
        d.languages().forEach(code -> languages.put(code, views.languageName(code, lang)));
        model.addAttribute("languages", languages);
        var names = views.municipalityNames();
        model.addAttribute("municipalities", d.municipalities().stream()
                .map(code -> names.containsKey(code) ? names.get(code).get(lang) : code).sorted().toList());
        Map<String, String> familyLanguages = new LinkedHashMap<>();
        // only the texts the card can print (ServiceCards.printable); the page shows them all
        d.texts().values().stream().filter(ServiceCards::printable).map(FindModel.OtherText::lang).sorted()
                .forEach(code -> familyLanguages.put(code, views.languageName(code, lang)));
        model.addAttribute("familyLanguages", familyLanguages);
        model.addAttribute("pageUrl", urls.of("/services/" + d.id()));
        return "guidance/service";
    }

    /**
     * The service card: {@code size} A6 (default) or A5, {@code language} fi/sv/en (default the page's), and
     * {@code family} a language the service has its own text in (printed beside it). Anything else is a 400.
     */
    @GetMapping("/services/{id}/card.pdf")
    ResponseEntity<byte[]> card(@PathVariable String id, @RequestParam(required = false) String size,
            @RequestParam(required = false) String language, @RequestParam(required = false) String family,
            Lang lang) {
        Detail d = detail(id);
        ServiceCards.Size s = ServiceCards.Size.parse(size);
        Lang cardLang = language == null || language.isBlank() ? lang
                : Lang.parse(language).orElseThrow(() -> new KohtaamoException.BadParameter("language"));
        String familyLang = family == null || family.isBlank() ? null : family.strip().toLowerCase(java.util.Locale.ROOT);
        if (familyLang != null && !d.texts().containsKey(familyLang)) {
            throw new KohtaamoException.BadParameter("family");
        }
        byte[] pdf = cache.get(List.of("guidance-card", d.id(), s, cardLang, familyLang == null ? "" : familyLang),
                () -> cards.render(d, s, cardLang, familyLang));
        PublicResponses.keep();
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename("service-" + d.id() + "-" + s.name() + ".pdf").build().toString())
                .body(pdf);
    }

    private Detail detail(String id) {
        if (id == null || !id.matches("^[0-9]{1,18}$") || Long.parseLong(id) <= 0) {
            throw new KohtaamoException.NotFound("service " + id);
        }
        long serviceId = Long.parseLong(id);
        return cache.get(List.of("guidance-service", serviceId), () -> services.publicService(serviceId))
                .orElseThrow(() -> new KohtaamoException.NotFound("service " + id));
    }

    /** The municipalities some public service serves, by name in the language. */
    private Map<String, String> municipalityOptions(Lang lang) {
        var names = views.municipalityNames();
        Map<String, String> out = new LinkedHashMap<>();
        cache.get(List.of("guidance-municipalities"), search::municipalitiesServed).stream()
                .map(code -> Map.entry(code, names.containsKey(code) ? names.get(code).get(lang) : code))
                .sorted(Map.Entry.comparingByValue(Comparator.comparing(String::toLowerCase)))
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }
}
