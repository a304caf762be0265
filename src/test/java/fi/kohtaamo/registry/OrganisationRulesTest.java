package fi.kohtaamo.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import fi.kohtaamo.registry.internal.OrganisationForm;
import fi.kohtaamo.registry.internal.RegistryQueries;
import fi.kohtaamo.registry.internal.RegistryService;
import fi.kohtaamo.shared.Actor;
import fi.kohtaamo.shared.KohtaamoException;
import fi.kohtaamo.shared.Lang;
import fi.kohtaamo.shared.Role;
import fi.kohtaamo.support.Fixtures;
import fi.kohtaamo.support.IntegrationTest;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** An organisation's parent and municipality must fit its county, so that scopes cannot leak across counties. */
@IntegrationTest
class OrganisationRulesTest {

    @Autowired Fixtures fx;
    @Autowired RegistryService service;
    @Autowired RegistryQueries queries;

    @Test
    void parentMustBeNationalOrInTheSameCounty() {
        long countyA = fx.county();
        long countyB = fx.county();
        long otherCountyParent = fx.organisation(OrganisationType.PARISH_UNION, null, countyB);
        long national = fx.organisation(OrganisationType.NATIONAL_ORGANISATION, null, null);
        Actor coordinator = new Actor(1, "Koordinaattori", Role.COUNTY_COORDINATOR, null, Set.of(), countyA, null, null);
        int before = queries.organisations(countyA, Lang.FI).size();

        OrganisationForm f = new OrganisationForm();
        f.type = "PARISH";
        f.nameFi = Fixtures.unique("Seurakunta");
        f.countyId = String.valueOf(countyA);
        f.parentId = String.valueOf(otherCountyParent);
        var e = catchThrowableOfType(KohtaamoException.Invalid.class, () -> service.createOrganisation(coordinator, f));
        assertThat(e.errors().all()).extracting(x -> x.field() + ":" + x.messageKey())
                .containsExactly("parentId:validation.parentOtherCounty");
        assertThat(queries.organisations(countyA, Lang.FI)).hasSize(before);

        f.parentId = String.valueOf(national);
        long id = service.createOrganisation(coordinator, f);
        assertThat(queries.organisation(id).orElseThrow().parentId()).isEqualTo(national);
    }

    @Test
    void municipalityMustBeInTheOrganisationsCounty() {
        long countyA = fx.county();
        long countyB = fx.county();
        String muniB = fx.municipality(countyB);
        Actor admin = new Actor(1, "Admin", Role.ADMIN, null, Set.of(), null, null, null);
        OrganisationForm f = new OrganisationForm();
        f.type = "MUNICIPALITY";
        f.nameFi = Fixtures.unique("Kunta");
        f.countyId = String.valueOf(countyA);
        f.municipalityCode = muniB;
        var e = catchThrowableOfType(KohtaamoException.Invalid.class, () -> service.createOrganisation(admin, f));
        assertThat(e.errors().all()).extracting(x -> x.field() + ":" + x.messageKey())
                .containsExactly("municipalityCode:validation.municipalityOtherCounty");
    }
}
