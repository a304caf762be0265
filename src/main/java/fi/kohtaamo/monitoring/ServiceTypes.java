package fi.kohtaamo.monitoring;

import fi.kohtaamo.shared.Lang;
import fi.kohtaamo.shared.LocalizedText;
import java.util.List;
import java.util.Optional;

/**
 * A county's service types: the family services that the meeting places guide families onward to (the referral
 * tallies of the visit counts) and that send families to the places (guidance's handouts). One list per county,
 * kept by its coordinators ({@link MonitoringAction#SERVICE_TYPE_MANAGE}), seeded when the county is created; a code
 * once used is never deleted, only deactivated: a deactivated type is offered for no new tally, but the figures
 * stored under it keep its name.
 */
public interface ServiceTypes {

    /** A type: its code (unique in the county, stored with the tallies), its name, its place in the list. */
    record ServiceType(String code, LocalizedText name, int position, boolean active) {

        /** The name in a language, falling back as {@link LocalizedText#get} does. */
        public String name(Lang lang) {
            return name.get(lang);
        }
    }

    /** Every type of the county, active or not, in the coordinators' order. */
    List<ServiceType> all(long countyId);

    /** The types offered for new tallies, in the coordinators' order. */
    default List<ServiceType> active(long countyId) {
        return all(countyId).stream().filter(ServiceType::active).toList();
    }

    /** A type of the county by its code, active or not; empty for a code the county does not have. */
    default Optional<ServiceType> type(long countyId, String code) {
        return all(countyId).stream().filter(t -> t.code().equals(code)).findFirst();
    }

    /** The name of a code in the county (the code itself for a code the county does not have). */
    default LocalizedText name(long countyId, String code) {
        return type(countyId, code).map(ServiceType::name).orElse(LocalizedText.of(code, null, null));
    }
}
