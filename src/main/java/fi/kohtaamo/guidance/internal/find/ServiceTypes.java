package fi.kohtaamo.guidance.internal.find;

import fi.kohtaamo.shared.LocalizedText;
import fi.kohtaamo.shared.SeededCatalogue;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The names of service types (a service's {@code service_type} code). Monitoring is turning its
 * {@code ReferralService} enum into a county catalogue of service types with an API; until that API lands, the
 * names come from its seed file, {@code fi/kohtaamo/monitoring/service-types.txt}, and this is the one class to
 * point at that API (a county's renamed type then shows under its new name). An unknown code shows as itself.
 */
@Component
class ServiceTypes {

    private final Map<String, LocalizedText> names = new LinkedHashMap<>();

    ServiceTypes() {
        for (SeededCatalogue.Entry e : SeededCatalogue.read("/fi/kohtaamo/monitoring/service-types.txt")) {
            names.put(e.code(), e.name());
        }
    }

    /** The type's name (for the service's county, once the catalogue is per county). */
    LocalizedText name(long countyId, String code) {
        LocalizedText n = names.get(code);
        return n != null ? n : LocalizedText.of(code, null, null);
    }
}
