package fi.kohtaamo.coordination;

import fi.kohtaamo.coordination.internal.GroupService;
import fi.kohtaamo.identity.internal.UserQueries;
import fi.kohtaamo.registry.OrganisationType;
import fi.kohtaamo.registry.Registry;
import fi.kohtaamo.shared.Actor;
import fi.kohtaamo.shared.Role;
import fi.kohtaamo.support.Fixtures;
import fi.kohtaamo.support.WebClient;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.context.ApplicationContext;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A county of its own for a coordination test: an area, a municipality's and an MLL association's organisations
 * with a place each, a partner organisation, accounts (a county coordinator, the association's staff member who is
 * the network's secretary, the municipality's staff member who is a member, a partner who is a member, and a
 * partner who is not), and the area's network with those seats.
 */
final class CoordinationWorld {

    static final String PASSWORD = "verkoston-salasana-7";

    final ApplicationContext context;
    final int port;
    final Fixtures fx;
    final long county;
    final long area;
    final String municipality;
    final long mll;
    final long city;
    final long partnerOrg;
    final long strangerOrg;
    final long mllPlace;
    final long cityPlace;
    final Account coordinator;
    final Account secretary;
    final Account member;
    final Account partner;
    final Account stranger;
    final long network;

    record Account(long id, String email, Actor actor) {
        WebClient web(int port) {
            WebClient w = new WebClient(port);
            w.login(email, PASSWORD);
            w.get("/admin/account"); // reads the session's CSRF token
            return w;
        }
    }

    CoordinationWorld(ApplicationContext context, int port) {
        this.context = context;
        this.port = port;
        fx = context.getBean(Fixtures.class);
        county = fx.county();
        municipality = fx.municipality(county);
        area = fx.area(county, municipality);
        mll = fx.organisation(OrganisationType.MLL_ASSOCIATION, null, county);
        city = fx.organisation(OrganisationType.MUNICIPALITY, null, county);
        partnerOrg = fx.organisation(OrganisationType.WELLBEING_COUNTY, null, county);
        strangerOrg = fx.organisation(OrganisationType.OTHER_NGO, null, county);
        mllPlace = fx.openPlace(area, municipality, mll);
        cityPlace = fx.openPlace(area, municipality, city);
        coordinator = account("koordinaattori", Role.COUNTY_COORDINATOR, null, county);
        secretary = account("sihteeri", Role.PROVIDER_STAFF, mll, null);
        member = account("jasen", Role.PROVIDER_STAFF, city, null);
        partner = account("kumppani", Role.PARTNER, partnerOrg, null);
        stranger = account("ulkopuolinen", Role.PARTNER, strangerOrg, null);
        GroupService groups = context.getBean(GroupService.class);
        network = groups.saveGroup(coordinator.actor(), null, new GroupService.GroupForm("" + county, "NETWORK",
                Fixtures.unique("Verkosto"), "Alueen verkosto", "fi", false, List.of("" + area), null));
        seat(groups, "SECRETARY", mll, secretary);
        seat(groups, "MEMBER", city, member);
        seat(groups, "MEMBER", partnerOrg, partner);
    }

    void seat(GroupService groups, String role, long org, Account a) {
        groups.saveSeat(coordinator.actor(), network, null, new GroupService.SeatForm(role, "" + org, a.email(), null,
                null, null));
    }

    Account account(String prefix, Role role, Long org, Long countyId) {
        String email = Fixtures.unique(prefix).replace(' ', '-') + "@example.fi";
        long id = context.getBean(UserQueries.class).insert(email, "Henkilö " + prefix, context.getBean(
                PasswordEncoder.class).encode(PASSWORD), role, org, countyId, null, null, "fi", true, false, Instant.now());
        Set<Long> orgs = org == null ? Set.of() : context.getBean(Registry.class).organisationWithDescendants(org);
        return new Account(id, email, new Actor(id, "Henkilö " + prefix, role, org, orgs, countyId, null, null));
    }
}
