package fi.kohtaamo.guidance.internal.directory;

import fi.kohtaamo.shared.LocalizedText;
import fi.kohtaamo.shared.SeededCatalogue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The service types a service may have. For now the codes of monitoring's seed file
 * ({@code fi/kohtaamo/monitoring/service-types.txt}); the one class to point at monitoring's county catalogue of
 * service types when it lands (then per county: every method already takes the county).
 */
@Component
public class ServiceTypes {

    private final Map<String, LocalizedText> types = new LinkedHashMap<>();

    ServiceTypes() {
        for (SeededCatalogue.Entry e : SeededCatalogue.read("/fi/kohtaamo/monitoring/service-types.txt")) {
            types.put(e.code(), e.name());
        }
    }

    /** The county's types in their order. */
    public List<SeededCatalogue.Entry> of(long countyId) {
        return types.entrySet().stream().map(e -> new SeededCatalogue.Entry(e.getKey(), e.getValue())).toList();
    }

    public boolean known(long countyId, String code) {
        return types.containsKey(code);
    }

    public LocalizedText name(long countyId, String code) {
        return types.getOrDefault(code, LocalizedText.of(code, null, null));
    }
}
