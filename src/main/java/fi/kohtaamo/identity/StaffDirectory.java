package fi.kohtaamo.identity;

import fi.kohtaamo.shared.Lang;
import fi.kohtaamo.shared.Role;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** What other modules may ask about staff accounts: who to tell about something, and in which language. */
public interface StaffDirectory {

    /** An enabled account as a recipient of mail. */
    record Person(long id, String name, String email, Role role, Long organisationId, Lang language) {
    }

    Optional<Person> person(long userId);

    /** Enabled accounts with the role whose organisation is one of these (e.g. a place's organisers' staff). */
    List<Person> withRoleIn(Role role, Collection<Long> organisationIds);

    /** The enabled county coordinators of a county (who to tell about the county's coordination). */
    List<Person> coordinatorsOf(long countyId);

    /** The enabled area coordinators of an area (who to tell about something of the whole area). */
    List<Person> areaCoordinatorsOf(long areaId);

    /**
     * The enabled staff accounts of a county: placed in the county or one of its areas (coordinators) or working for
     * one of its organisations; not volunteers or national reporters (e.g. who may own a service of the county).
     */
    List<Person> staffOf(long countyId);

    /** The enabled account with this e-mail address (case-insensitive), if any. */
    Optional<Person> byEmail(String email);
}
