package fi.kohtaamo.calendar.internal.pages;

import fi.kohtaamo.calendar.ActivityKind;
import fi.kohtaamo.calendar.internal.ActivityForm;
import fi.kohtaamo.calendar.internal.CalendarFilter;
import fi.kohtaamo.calendar.internal.CalendarViews;
import fi.kohtaamo.registry.AccessibilityFeature;
import fi.kohtaamo.registry.NearPlaces;
import fi.kohtaamo.registry.Registry;
import fi.kohtaamo.shared.Lang;
import fi.kohtaamo.shared.Option;
import fi.kohtaamo.shared.PublicDataCache;
import java.time.DayOfWeek;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The choices of the calendar's filter form. The three long ones (every municipality centre to order by distance,
 * every area, every municipality: about 600 options nationally) are written here as option HTML from lists kept
 * per language and data version, with the chosen one marked: the form is then rendered with each calendar page
 * without writing 600 options through the template engine, which cost a new address more than its days did
 * (issue 17). The short ones stay in the template.
 */
@Component
class FilterChoices {

    private final Registry registry;
    private final NearPlaces nearPlaces;
    private final PublicDataCache cache;

    FilterChoices(Registry registry, NearPlaces nearPlaces, PublicDataCache cache) {
        this.registry = registry;
        this.nearPlaces = nearPlaces;
        this.cache = cache;
    }

    private record Lists(List<Option> centres, List<Option> areas, List<Option> municipalities) {
    }

    /** The form's variables for the filter, in the language. */
    Map<String, Object> of(CalendarFilter filter, Lang lang) {
        Lists lists = cache.get(List.of("calendar-filter-choices", lang), () -> new Lists(
                nearPlaces.municipalityCentres().stream().map(c -> Option.of(c.param(), c.label(), lang)).toList(),
                registry.areas(null).stream().map(a -> Option.of(String.valueOf(a.id()), a.name(), lang)).toList(),
                CalendarViews.municipalities(registry).stream().map(m -> Option.of(m.code(), m.name(), lang)).toList()));
        Map<String, Object> out = new HashMap<>();
        out.put("centreOptions", html(lists.centres(), filter.near() == null ? null : filter.near().param(), lang));
        out.put("areaOptions", html(lists.areas(), filter.areaId() == null ? null : String.valueOf(filter.areaId()), lang));
        out.put("municipalityOptions", html(lists.municipalities(), filter.municipalityCode(), lang));
        out.put("kinds", ActivityKind.values());
        out.put("weekdays", DayOfWeek.values());
        out.put("times", CalendarFilter.TimeOfDay.values());
        out.put("features", AccessibilityFeature.values());
        out.put("languages", ActivityForm.LANGUAGES);
        out.put("ages", IntStream.rangeClosed(0, 17).boxed().toList());
        return out;
    }

    /** The options, escaped, the one of the chosen value selected; a label in another language says so. */
    static String html(List<Option> options, String selected, Lang lang) {
        StringBuilder b = new StringBuilder(options.size() * 48);
        for (Option o : options) {
            b.append("<option value=\"").append(HtmlUtils.htmlEscape(o.value(), "UTF-8")).append('"');
            if (o.value().equals(selected)) {
                b.append(" selected=\"selected\"");
            }
            if (!o.lang().equals(lang.code())) {
                b.append(" lang=\"").append(o.lang()).append('"');
            }
            b.append('>').append(HtmlUtils.htmlEscape(o.label(), "UTF-8")).append("</option>");
        }
        return b.toString();
    }
}
