package fi.kohtaamo.guidance.internal.directory;

import fi.kohtaamo.monitoring.ServiceTypeUsers;
import org.springframework.stereotype.Component;

/**
 * Tells monitoring whether guidance stores a service type code of the county (a directory service's type, a handout's
 * sending service), so that a type in use is only deactivated, never deleted.
 */
@Component
class ServiceTypeUse implements ServiceTypeUsers {

    private final ServiceEditQueries queries;

    ServiceTypeUse(ServiceEditQueries queries) {
        this.queries = queries;
    }

    @Override
    public boolean uses(long countyId, String code) {
        return queries.serviceTypeInUse(countyId, code);
    }
}
