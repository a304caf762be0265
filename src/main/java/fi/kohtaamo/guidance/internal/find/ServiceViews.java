package fi.kohtaamo.guidance.internal.find;

import fi.kohtaamo.guidance.internal.find.FindModel.Channel;
import fi.kohtaamo.guidance.internal.find.FindModel.Summary;
import fi.kohtaamo.guidance.internal.find.HoursText.Now;
import fi.kohtaamo.monitoring.ServiceTypes;
import fi.kohtaamo.registry.Registry;
import fi.kohtaamo.shared.ClockConfig;
import fi.kohtaamo.shared.Lang;
import fi.kohtaamo.shared.LocalizedText;
import fi.kohtaamo.shared.PublicDataCache;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * What the pages and the card show of a service, computed per request from the cached read model: its ways in
 * ("how does this family get there") with hours in words and open-now at the app's clock, the type's name, the
 * municipalities' and languages' names.
 */
@Component
class ServiceViews {

    /** A way in: one channel as a family uses it. */
    record Way(String kind, String label, String phone, String phoneCharge, String url, String email, String address,
            String accessibility, List<String> hours, List<String> exceptions, Now now, String nowText,
            boolean walkIn) {
    }

    /** A service as a result or a page shows it. */
    record ServiceView(Summary service, String type, boolean professionalOnly, String referral, List<Way> ways,
            String ages) {
    }

    private final HoursText hours;
    private final ServiceTypes types;
    private final Registry registry;
    private final PublicDataCache cache;
    private final MessageSource messages;
    private final Clock clock;

    ServiceViews(HoursText hours, ServiceTypes types, Registry registry, PublicDataCache cache,
            MessageSource messages, Clock clock) {
        this.hours = hours;
        this.types = types;
        this.registry = registry;
        this.cache = cache;
        this.messages = messages;
        this.clock = clock;
    }

    List<ServiceView> views(List<Summary> services, Lang lang) {
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(ClockConfig.ZONE));
        Map<String, LocalizedText> municipalities = municipalityNames();
        return services.stream().map(s -> view(s, lang, now, municipalities)).toList();
    }

    ServiceView view(Summary s, Lang lang) {
        return views(List.of(s), lang).get(0);
    }

    private ServiceView view(Summary s, Lang lang, ZonedDateTime now, Map<String, LocalizedText> municipalities) {
        LocalDate today = now.toLocalDate();
        List<Way> ways = s.channels().stream().map(c -> way(s, c, lang, now, today, municipalities)).toList();
        return new ServiceView(s, types.name(s.countyId(), s.serviceType()).get(lang),
                "PROFESSIONAL_ONLY".equals(s.accessMode()), s.referral().get(lang), ways, ages(s, lang));
    }

    private Way way(Summary s, Channel c, Lang lang, ZonedDateTime now, LocalDate today,
            Map<String, LocalizedText> municipalities) {
        String address = null;
        if (c.location()) {
            LocalizedText m = municipalities.get(c.municipalityCode());
            address = c.streetAddress() + ", " + (c.postalCode() == null ? "" : c.postalCode() + " ")
                    + (m == null ? c.municipalityCode() : m.get(lang));
        }
        Now n = hours.now(s.status(), c.hours(), now);
        boolean walkIn = c.location() && c.hours().stream().anyMatch(h -> h.regular() && !h.byReservation());
        return new Way(c.kind(), c.label().isEmpty() ? null : c.label().get(lang), c.phone(), c.phoneCharge(), c.url(),
                c.email(), address, c.accessibility().isEmpty() ? null : c.accessibility().get(lang),
                hours.weekly(c.hours(), lang, today), hours.exceptions(c.hours(), lang, today), n,
                n == Now.UNKNOWN ? null : hours.nowText(n, lang), walkIn);
    }

    /** "0–6 years", "from 3 years", "expecting families and 0–1 years", or null for everyone. */
    String ages(Summary s, Lang lang) {
        Integer min = s.ageMinMonths();
        Integer max = s.ageMaxMonths();
        String range = null;
        if (max != null && max < 24) {
            range = message("find.ages.months", lang, min == null ? 0 : min, max);
        } else if (min != null && max != null) {
            range = message("find.ages.range", lang, min / 12, max / 12);
        } else if (min != null) {
            range = message("find.ages.from", lang, min / 12);
        } else if (max != null) {
            range = message("find.ages.upTo", lang, max / 12);
        }
        if (s.forExpecting()) {
            return range == null ? message("find.ages.expecting", lang)
                    : message("find.ages.expectingAnd", lang, range);
        }
        return range;
    }

    /** Every municipality's name by its code (the registry's, kept in the public cache). */
    Map<String, LocalizedText> municipalityNames() {
        return cache.get(List.of("guidance-municipality-names"), () -> {
            Map<String, LocalizedText> out = new LinkedHashMap<>();
            registry.municipalities(null).forEach(m -> out.put(m.code(), m.name()));
            return java.util.Collections.unmodifiableMap(out);
        });
    }

    /** A language's name in the page's language (the shared {@code language.<code>} texts), else its code. */
    String languageName(String code, Lang lang) {
        return messages.getMessage("language." + code, null, code, lang.locale());
    }

    String message(String key, Lang lang, Object... args) {
        return messages.getMessage(key, args, lang.locale());
    }
}
