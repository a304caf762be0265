package fi.kohtaamo.guidance.internal.find;

import fi.kohtaamo.monitoring.ServiceDirectory;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The directory for monitoring's count form: each service type with public services serving the place's municipality
 * links to the public search filtered by the type and the municipality ({@code /services?type=&municipality=}), whose
 * results lead to each service's page and card.
 */
@Component
class CountFormDirectory implements ServiceDirectory {

    private final SearchQueries search;

    CountFormDirectory(SearchQueries search) {
        this.search = search;
    }

    @Override
    public Map<String, Services> byServiceType(long countyId, String municipalityCode) {
        Map<String, Services> out = new LinkedHashMap<>();
        if (municipalityCode == null || !municipalityCode.matches("^[0-9]{3}$")) {
            return out;
        }
        search.publicByType(countyId, municipalityCode).forEach((type, n) -> out.put(type, new Services(
                UriComponentsBuilder.fromPath("/services").queryParam("type", type)
                        .queryParam("municipality", municipalityCode).build().toUriString(), n)));
        return out;
    }
}
