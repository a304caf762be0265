package fi.kohtaamo.monitoring;

import java.util.Map;

/**
 * The directory of family services, as the count form needs it (issue 15, part 3): for each service type, where the
 * services of that type serving the place's municipality are listed, so that staff tallying a family guided onward can
 * open a service's page and hand its card. Guidance implements it; monitoring does not depend on guidance. Without an
 * implementation (or without services of a type) the form shows no link.
 */
public interface ServiceDirectory {

    /** The page listing the public services of a type serving the municipality (a local address), and how many. */
    record Services(String href, int count) {
    }

    /** By service type code: the types of the county that have public services serving the municipality. */
    Map<String, Services> byServiceType(long countyId, String municipalityCode);
}
