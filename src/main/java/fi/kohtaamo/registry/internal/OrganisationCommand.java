package fi.kohtaamo.registry.internal;

import fi.kohtaamo.registry.OrganisationType;
import fi.kohtaamo.shared.LocalizedText;

/** A checked organisation, ready to be stored. */
public record OrganisationCommand(Long parentId, OrganisationType type, LocalizedText name, String businessId,
        String website, String email, String phone, Long countyId, String municipalityCode) {
}
