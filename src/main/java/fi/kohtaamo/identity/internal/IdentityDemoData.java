package fi.kohtaamo.identity.internal;

import fi.kohtaamo.registry.OrganisationType;
import fi.kohtaamo.registry.Registry;
import fi.kohtaamo.shared.DemoData;
import fi.kohtaamo.shared.KohtaamoProperties;
import fi.kohtaamo.shared.Role;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * One demo account per role. The accounts are created once; their common password is set on every
 * start (KOHTAAMO_DEMO_PASSWORD, or a new random one) and printed, so no password is in the repository.
 */
@Component
@Order(100)
class IdentityDemoData implements DemoData {

    private static final Logger log = LoggerFactory.getLogger(IdentityDemoData.class);
    static final String DOMAIN = "@demo.kohtaamo.fi";

    private final UserService service;
    private final UserQueries users;
    private final Registry registry;
    private final KohtaamoProperties properties;

    IdentityDemoData(UserService service, UserQueries users, Registry registry, KohtaamoProperties properties) {
        this.service = service;
        this.users = users;
        this.registry = registry;
        this.properties = properties;
    }

    record Account(String local, String name, Role role, Long org, Long county, Long area, Long place) {
    }

    @Override
    @Transactional
    public void load() {
        if (!users.demoUsers().isEmpty()) {
            return;
        }
        Optional<Long> county = registry.countyIdByCode("LU");
        if (county.isEmpty()) {
            return;
        }
        Long area = registry.areas(county.get()).stream().findFirst().map(Registry.Ref::id).orElse(null);
        Long mll = first(OrganisationType.MLL_ASSOCIATION);
        Long parish = first(OrganisationType.PARISH);
        Long municipality = first(OrganisationType.MUNICIPALITY);
        Long wellbeing = first(OrganisationType.WELLBEING_COUNTY);
        Long national = first(OrganisationType.NATIONAL_ORGANISATION);
        Long volunteerPlace = mll == null ? null
                : registry.placesOfOrganisation(mll).stream().findFirst().map(Registry.Ref::id).orElse(null);
        List<Account> accounts = new ArrayList<>(List.of(
                new Account("admin", "Demo Admin", Role.ADMIN, null, null, null, null),
                new Account("koordinaattori", "Kaisa Koordinaattori (demo)", Role.COUNTY_COORDINATOR, null, county.get(),
                        null, null)));
        if (area != null) {
            accounts.add(new Account("alue", "Aino Aluekoordinaattori (demo)", Role.AREA_COORDINATOR, null, null, area,
                    null));
        }
        if (mll != null) {
            accounts.add(new Account("mll", "Maija MLL (demo)", Role.PROVIDER_STAFF, mll, null, null, null));
        }
        if (parish != null) {
            accounts.add(new Account("seurakunta", "Sanna Seurakunta (demo)", Role.PROVIDER_STAFF, parish, null, null,
                    null));
        }
        if (municipality != null) {
            accounts.add(new Account("kunta", "Kalle Kunta (demo)", Role.PROVIDER_STAFF, municipality, null, null,
                    null));
        }
        if (wellbeing != null) {
            accounts.add(new Account("neuvola", "Nelli Neuvola (demo)", Role.PARTNER, wellbeing, null, null, null));
        }
        if (volunteerPlace != null) {
            accounts.add(new Account("vapaaehtoinen", "Veera Vapaaehtoinen (demo)", Role.VOLUNTEER, null, null, null,
                    volunteerPlace));
        }
        if (national != null) {
            accounts.add(new Account("mll-keskus", "Matti MLL-keskusjärjestö (demo)", Role.NATIONAL_REPORTER, national,
                    null, null, null));
        }
        accounts.addAll(groupMembers(county.get()));
        String placeholder = randomPassword();
        for (Account a : accounts) {
            service.createDemo(a.local() + DOMAIN, a.name(), a.role(), a.org(), a.county(), a.area(), a.place(), "fi",
                    placeholder);
        }
    }

    /** Names of the demo's people in the other areas' coordination groups (two per area). */
    private static final String[] MEMBERS = {"Anna Aaltonen", "Pekka Heikkinen", "Liisa Mäkinen", "Jari Nieminen",
        "Sari Laine", "Timo Koskinen", "Hanna Järvinen", "Mikko Lehtonen", "Tuula Saarinen", "Ville Salminen",
        "Elina Virtanen", "Antti Heinonen", "Minna Rantanen", "Juha Lindqvist", "Paula Karjalainen", "Marko Tuominen",
        "Kirsi Hämäläinen", "Janne Laaksonen", "Riikka Ahonen", "Oskar Holmberg"};

    /**
     * Staff of the providers in every coordination area after the first (whose groups have the accounts above): two
     * people of the area's organisers, {@code tyoryhmaN@} (chair of the area's working group, the network's
     * representative in the county group) and {@code verkostoN@} (secretary), N counting areas from 1, so every area's
     * working group and network has members (coordination's demo data seats them).
     */
    private List<Account> groupMembers(long county) {
        List<Account> out = new ArrayList<>();
        List<Registry.Ref> areas = registry.areas(county);
        for (int i = 1; i < areas.size() && 2 * i - 1 < MEMBERS.length; i++) {
            List<Long> organisers = registry.reportPlaces(new fi.kohtaamo.shared.Scope(false, -1, areas.get(i).id(),
                    List.of(-1L), -1)).stream().flatMap(p -> p.organiserIds().stream()).distinct().toList();
            if (organisers.isEmpty()) {
                continue;
            }
            Long second = organisers.size() > 1 ? organisers.get(1) : organisers.get(0);
            out.add(new Account("tyoryhma" + (i + 1), MEMBERS[2 * i - 2] + " (demo)", Role.PROVIDER_STAFF,
                    organisers.get(0), null, null, null));
            out.add(new Account("verkosto" + (i + 1), MEMBERS[2 * i - 1] + " (demo)", Role.PROVIDER_STAFF, second, null,
                    null, null));
        }
        return out;
    }

    private Long first(OrganisationType type) {
        return registry.organisationsOfType(type).stream().findFirst().map(Registry.Ref::id).orElse(null);
    }

    @Override
    @Transactional
    public void afterLoad() {
        List<UserQueries.User> demo = users.demoUsers();
        if (demo.isEmpty()) {
            return;
        }
        String configured = properties.demo().password();
        String password = configured == null || configured.isBlank() ? randomPassword() : configured;
        demo.forEach(u -> service.setDemoPassword(u.id(), password));
        StringBuilder sb = new StringBuilder("\n\n==== Kohtaamo demo accounts (password for all: ").append(password)
                .append(") ====\n");
        demo.forEach(u -> sb.append(String.format("  %-36s %s%n", u.email(), u.role())));
        sb.append("==== Demo mode only. Set KOHTAAMO_DEMO_PASSWORD to choose the password. ====\n");
        log.info(sb.toString());
    }

    static String randomPassword() {
        String alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            if (i > 0 && i % 4 == 0) {
                sb.append('-');
            }
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
