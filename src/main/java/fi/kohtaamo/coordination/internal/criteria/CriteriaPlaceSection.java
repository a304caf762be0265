package fi.kohtaamo.coordination.internal.criteria;

import fi.kohtaamo.registry.PlacePageSection;
import fi.kohtaamo.shared.Lang;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The "meets THL's criteria" status on place pages, through the registry's {@link PlacePageSection} (coordination
 * depends on the registry, never the reverse): on the public page only when the place meets its county's rule; on
 * the staff's page of the place always when the county has a rule (meets, does not meet and why, not assessed).
 */
@Component
class CriteriaPlaceSection implements PlacePageSection {

    private final CriteriaService service;

    CriteriaPlaceSection(CriteriaService service) {
        this.service = service;
    }

    @Override
    public Optional<Section> section(long placeId, Lang lang) {
        return service.status(placeId).filter(CriteriaService.Status::meets)
                .map(s -> new Section("coordination/criteria-parts", "publicStatus", s));
    }

    @Override
    public Optional<Section> staffSection(long placeId, Lang lang) {
        return service.status(placeId).filter(CriteriaService.Status::ruleSet)
                .map(s -> new Section("coordination/criteria-parts", "staffStatus", s));
    }
}
