package fi.kohtaamo.monitoring.internal.types;

import fi.kohtaamo.monitoring.ServiceTypeUsers;
import fi.kohtaamo.registry.Registry;
import fi.kohtaamo.shared.CountyCatalogue;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The service types catalogue ({@code service_type}, migration V22), kept the one way ({@code shared.CountyCatalogue}):
 * codes upper case, given once (the tallies store them), at most 60 a county; a type is in use while a count of a place
 * of the county has a referral of it or another module stores it ({@link ServiceTypeUsers}).
 */
@Repository
class ServiceTypeQueries {

    /** A county's list stays a list one can read at the door. */
    static final int MAX_TYPES = 60;

    private final JdbcClient jdbc;
    private final Registry registry;
    private final ObjectProvider<ServiceTypeUsers> users;
    private final CountyCatalogue catalogue;

    ServiceTypeQueries(JdbcClient jdbc, Clock clock, Registry registry, ObjectProvider<ServiceTypeUsers> users) {
        this.jdbc = jdbc;
        this.registry = registry;
        this.users = users;
        this.catalogue = new CountyCatalogue(jdbc, clock, "service_type", ServiceTypeService.SEED).fixedCodes()
                .codes(new CountyCatalogue.Codes(ServiceTypeQueries::code, Pattern.compile("^[A-Z][A-Z0-9_]{1,39}$"),
                        "monitoring.types.validation.code"))
                .limit(MAX_TYPES).usedBy(t -> counted(t.countyId(), t.code())
                        || users.orderedStream().anyMatch(u -> u.uses(t.countyId(), t.code())));
    }

    /** A code as coordinators type it: upper case, letters A–Z, digits and underscores. */
    static String code(String raw) {
        return raw.strip().toUpperCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
    }

    CountyCatalogue catalogue() {
        return catalogue;
    }

    List<CountyCatalogue.Item> all(long countyId) {
        return catalogue.list(countyId);
    }

    /** Whether a count of a place of the county has families guided onward to the type. */
    private boolean counted(long countyId, String code) {
        List<Long> places = registry.places(countyId, null).stream().map(Registry.Ref::id).toList();
        return !places.isEmpty() && jdbc.sql("""
                select count(*) from visit_count_referral r join visit_count v on v.id = r.count_id
                where r.service = :code and v.place_id in (:places)""")
                .param("code", code).param("places", places).query(Long.class).single() > 0;
    }
}
