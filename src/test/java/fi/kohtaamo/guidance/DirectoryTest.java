package fi.kohtaamo.guidance;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kohtaamo.guidance.internal.directory.CheckReminders;
import fi.kohtaamo.identity.internal.UserQueries;
import fi.kohtaamo.registry.OrganisationType;
import fi.kohtaamo.shared.Role;
import fi.kohtaamo.support.Fixtures;
import fi.kohtaamo.support.IntegrationTest;
import fi.kohtaamo.support.TestClock;
import fi.kohtaamo.support.WebClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The directory's staff side over HTTP: a coordinator creates a service with channels and hours (over midnight,
 * exceptional and closed dates), hostile and incomplete input is refused with a message and stores nothing, a service
 * with no way to reach it is refused, another county's service is unreachable by id, an owner edits only their own
 * service (and cannot give it away), a stale form changes nothing, and a PTV service edited here is marked so. The test
 * clock stands at Wednesday 25.11.2026.
 */
@IntegrationTest
class DirectoryTest {

    static final String PASSWORD = "palveluiden-salasana-1";

    @LocalServerPort int port;
    @Autowired Fixtures fx;
    @Autowired JdbcClient jdbc;
    @Autowired UserQueries users;
    @Autowired PasswordEncoder encoder;
    @Autowired CheckReminders reminders;
    @Autowired TestClock clock;

    long county, otherCounty, org, otherOrg, ownerId, otherStaffId;
    String municipality;
    WebClient coordinator, owner, otherStaff, otherCoordinator;

    @BeforeEach
    void world() {
        county = fx.county();
        otherCounty = fx.county();
        municipality = fx.municipality(county);
        fx.area(county, municipality);
        org = fx.organisation(OrganisationType.MUNICIPALITY, null, county);
        otherOrg = fx.organisation(OrganisationType.MUNICIPALITY, null, otherCounty);
        coordinator = login(Role.COUNTY_COORDINATOR, null, county, "koordinaattori");
        otherCoordinator = login(Role.COUNTY_COORDINATOR, null, otherCounty, "toinen");
        owner = login(Role.PROVIDER_STAFF, org, null, "omistaja");
        ownerId = lastUser();
        otherStaff = login(Role.PROVIDER_STAFF, org, null, "kollega");
        otherStaffId = lastUser();
    }

    long lastUser() {
        return jdbc.sql("select max(id) from app_user").query(Long.class).single();
    }

    WebClient login(Role role, Long orgId, Long countyId, String who) {
        String email = Fixtures.unique("palvelu-" + who).replace(' ', '-') + "@example.fi";
        users.insert(email, "Palvelu " + who, encoder.encode(PASSWORD), role, orgId, countyId, null, null, "fi", true,
                false, Instant.now());
        WebClient web = new WebClient(port);
        assertThat(web.login(email, PASSWORD).header("Location")).endsWith("/admin");
        assertThat(web.get("/admin/account").status()).isEqualTo(200);
        return web;
    }

    /** A neuvola with a phone open Mon–Fri, an evening line over midnight, a closed Christmas Eve and a location. */
    List<Map.Entry<String, String>> form(String name) {
        List<Map.Entry<String, String>> f = new ArrayList<>(List.of(
                Map.entry("county", "" + county), Map.entry("nameFi", name), Map.entry("nameSv", name + " sv"),
                Map.entry("summaryFi", "Raskausajan ja alle kouluikäisten neuvola"),
                Map.entry("serviceType", "CHILD_HEALTH_CLINIC"), Map.entry("organisationId", "" + org),
                Map.entry("ownerUserId", "" + ownerId), Map.entry("serviceStatus", "ACTIVE"),
                Map.entry("needs", "pregnancy"), Map.entry("needs", "sleep"), Map.entry("ageMin", "0"),
                Map.entry("ageMinUnit", "YEARS"), Map.entry("ageMax", "6"), Map.entry("ageMaxUnit", "YEARS"),
                Map.entry("forExpecting", "true"), Map.entry("municipalities", municipality),
                Map.entry("serviceLanguages", "fi"), Map.entry("serviceLanguages", "sv"),
                Map.entry("otherLanguages", "ar, so"), Map.entry("accessMode", "SELF_REFERRAL"), Map.entry("cost", "FREE"),
                Map.entry("website", "https://example.fi/neuvola"),
                Map.entry("channels[0].kind", "PHONE"), Map.entry("channels[0].phone", "09 816 00000"),
                Map.entry("channels[0].phoneCharge", "LOCAL_RATE"),
                Map.entry("channels[0].hours[0].kind", "REGULAR"), Map.entry("channels[0].hours[0].weekday", "1-5"),
                Map.entry("channels[0].hours[0].opens", "8.00"), Map.entry("channels[0].hours[0].closes", "15:30"),
                Map.entry("channels[0].hours[1].kind", "CLOSED"), Map.entry("channels[0].hours[1].from", "2026-12-24"),
                Map.entry("channels[1].kind", "PHONE"), Map.entry("channels[1].phone", "+358 9 816 00001"),
                Map.entry("channels[1].hours[0].kind", "REGULAR"), Map.entry("channels[1].hours[0].weekday", "5"),
                Map.entry("channels[1].hours[0].opens", "22:00"), Map.entry("channels[1].hours[0].closes", "02:00"),
                Map.entry("channels[2].kind", "LOCATION"), Map.entry("channels[2].street", "Testikatu 1"),
                Map.entry("channels[2].postalCode", "02100"), Map.entry("channels[2].municipality", municipality),
                Map.entry("channels[2].accessibilityFi", "Sisäänkäynti ilman portaita."),
                Map.entry("texts[0].lang", "ar"), Map.entry("texts[0].name", "عيادة الأطفال"),
                Map.entry("texts[0].summary", "عيادة للأطفال والعائلات")));
        return f;
    }

    static List<Map.Entry<String, String>> with(List<Map.Entry<String, String>> f, String key, String value) {
        List<Map.Entry<String, String>> out = new ArrayList<>(f.stream().filter(e -> !e.getKey().equals(key)).toList());
        out.add(Map.entry(key, value));
        return out;
    }

    static List<Map.Entry<String, String>> without(List<Map.Entry<String, String>> f, String prefix) {
        return new ArrayList<>(f.stream().filter(e -> !e.getKey().startsWith(prefix)).toList());
    }

    long services() {
        return jdbc.sql("select count(*) from guidance_service where county_id = :c").param("c", county)
                .query(Long.class).single();
    }

    long create(String name) {
        var r = coordinator.post("/admin/services", form(name));
        assertThat(r.status()).as(r.body()).isEqualTo(302);
        return Long.parseLong(r.header("Location").replaceAll("^.*/admin/services/([0-9]+).*$", "$1"));
    }

    int version(long id) {
        return jdbc.sql("select version from guidance_service where id = :id").param("id", id).query(Integer.class).single();
    }

    @Test
    void aCoordinatorCreatesAServiceWithChannelsAndHours() {
        long id = create("Espoon neuvola");
        assertThat(jdbc.sql("select age_min_months || '-' || age_max_months || '-' || for_expecting from guidance_service "
                + "where id = :id").param("id", id).query(String.class).single()).isIn("0-72-true", "0-72-TRUE");
        assertThat(jdbc.sql("select h.kind || ' ' || h.weekday || ' ' || h.opens || '-' || h.closes from guidance_hours h "
                        + "join guidance_channel c on c.id = h.channel_id where c.service_id = :id and h.kind = 'REGULAR' "
                        + "order by c.position, h.weekday").param("id", id).query(String.class).list())
                .hasSize(6).last().asString().contains("22:00").contains("02:00");
        assertThat(jdbc.sql("select lang from guidance_service_language where service_id = :id order by lang")
                .param("id", id).query(String.class).list()).containsExactly("ar", "fi", "so", "sv");
        assertThat(jdbc.sql("select count(*) from guidance_hours h join guidance_channel c on c.id = h.channel_id "
                + "where c.service_id = :id and h.kind = 'CLOSED'").param("id", id).query(Long.class).single()).isEqualTo(1);
        var page = coordinator.get("/admin/services/" + id);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.html().select("#f-nameFi").attr("value")).isEqualTo("Espoon neuvola");
        assertThat(page.html().select("select[name='channels[1].hours[0].weekday'] option[selected]").attr("value"))
                .isEqualTo("5");
        var list = coordinator.get("/admin/services?type=CHILD_HEALTH_CLINIC&municipality=" + municipality);
        assertThat(list.body()).contains("Espoon neuvola");
        assertThat(coordinator.get("/admin/services?type=ECEC").body()).doesNotContain("Espoon neuvola");
        assertThat(jdbc.sql("select count(*) from audit_log where entity_type = 'guidance_service' and entity_id = :id")
                .param("id", "" + id).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void badInputIsRefusedWithAMessageAndNothingStored() {
        long before = services();
        var cases = Map.of(
                "script url", with(form("A"), "website", "javascript:alert(1)"),
                "phone", with(form("B"), "channels[0].phone", "<script>"),
                "too long", with(form("x".repeat(201)), "nameFi", "x".repeat(201)),
                "bidi", with(form("C"), "nameFi", "Neuvola\u202Egnp.exe"),
                "age order", with(with(form("D"), "ageMin", "7"), "ageMax", "3"),
                "language", with(form("E"), "otherLanguages", "xx, klingon"),
                "hours", with(form("F"), "channels[0].hours[0].closes", "08:00"),
                "need", with(form("G"), "needs", "not_a_need"),
                "org of another county", with(form("H"), "organisationId", "" + otherOrg),
                "too many rows", with(form("I"), "channels[25].kind", "PHONE"));
        cases.forEach((what, f) -> {
            var r = coordinator.post("/admin/services", f);
            assertThat(r.status()).as(what).isEqualTo(400);
            assertThat(r.html().select(".error-summary li")).as(what).isNotEmpty();
        });
        // a service without any way to reach it
        var none = without(form("Ei tavoitettavissa"), "channels[");
        var r = coordinator.post("/admin/services", none);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.html().select(".error-summary").text()).contains("Palveluun ei pääse");
        // ... but a professional-only service that says how is fine
        var professional = with(with(none, "accessMode", "PROFESSIONAL_ONLY"), "referralFi",
                "Neuvolan terveydenhoitaja tekee lähetteen.");
        assertThat(coordinator.post("/admin/services", professional).status()).isEqualTo(302);
        assertThat(services()).isEqualTo(before + 1);
    }

    @Test
    void anotherCountysServiceIsUnreachableAndOwnersEditOnlyTheirOwn() {
        long id = create("Perheneuvola");
        assertThat(otherCoordinator.get("/admin/services/" + id).status()).isEqualTo(403);
        assertThat(otherCoordinator.post("/admin/services/" + id, with(form("Kaapattu"), "version", "" + version(id)))
                .status()).isEqualTo(403);
        assertThat(otherCoordinator.post("/admin/services/" + id + "/delete?version=" + version(id), Map.of()).status())
                .isEqualTo(403);
        // the owner edits; a colleague of the same organisation only reads
        var mine = with(with(form("Perheneuvola, päivitetty"), "version", "" + version(id)), "nameFi",
                "Perheneuvola, päivitetty");
        assertThat(owner.post("/admin/services/" + id, mine).status()).isEqualTo(302);
        var read = otherStaff.get("/admin/services/" + id);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.html().select("form input[name=nameFi]")).isEmpty();
        assertThat(otherStaff.post("/admin/services/" + id, with(mine, "version", "" + version(id))).status())
                .isEqualTo(403);
        assertThat(otherStaff.post("/admin/services/" + id + "/checked", Map.of("version", "" + version(id))).status())
                .isEqualTo(403);
        // the owner cannot hand the service over (the coordinator can), and cannot delete it
        var handOver = with(with(mine, "version", "" + version(id)), "ownerUserId", "" + otherStaffId);
        var r = owner.post("/admin/services/" + id, handOver);
        assertThat(r.status()).isEqualTo(400);
        assertThat(owner.post("/admin/services/" + id + "/delete?version=" + version(id), Map.of()).status())
                .isEqualTo(403);
        assertThat(coordinator.post("/admin/services/" + id, handOver).status()).isEqualTo(302);
        assertThat(owner.post("/admin/services/" + id, with(mine, "version", "" + version(id))).status()).isEqualTo(403);
        assertThat(jdbc.sql("select name_fi from guidance_service where id = :id").param("id", id).query(String.class)
                .single()).isEqualTo("Perheneuvola, päivitetty");
    }

    @Test
    void aStaleFormChangesNothingAndAPtvServiceEditedHereIsMarked() {
        long id = create("Puheterapia");
        jdbc.sql("update guidance_service set source = 'PTV', ptv_id = 'a1b2' where id = :id").param("id", id).update();
        int v = version(id);
        assertThat(coordinator.post("/admin/services/" + id, with(with(form("Puheterapia 2"), "nameFi", "Puheterapia 2"),
                "version", "" + v)).status()).isEqualTo(302);
        assertThat(coordinator.post("/admin/services/" + id, with(with(form("Puheterapia 3"), "nameFi", "Puheterapia 3"),
                "version", "" + v)).status()).isEqualTo(409);
        assertThat(jdbc.sql("select name_fi || ' ' || locally_edited from guidance_service where id = :id")
                .param("id", id).query(String.class).single()).isIn("Puheterapia 2 true", "Puheterapia 2 TRUE");
    }

    @Test
    void markCheckedAndDelete() {
        long id = create("Varhaiskasvatus");
        assertThat(owner.post("/admin/services/" + id + "/checked", Map.of("version", "" + version(id))).status())
                .isEqualTo(302);
        assertThat(jdbc.sql("select last_checked_on from guidance_service where id = :id").param("id", id)
                .query(java.time.LocalDate.class).single()).isEqualTo(java.time.LocalDate.of(2026, 11, 25));
        assertThat(coordinator.get("/admin/services/" + id + "/delete").status()).isEqualTo(200);
        assertThat(coordinator.post("/admin/services/" + id + "/delete?version=" + version(id), Map.of()).status())
                .isEqualTo(302);
        assertThat(jdbc.sql("select count(*) from guidance_channel where service_id = :id").param("id", id)
                .query(Long.class).single()).isZero();
    }

    @Test
    void ownersAreRemindedOnceAndThenMonthly() {
        long old = create("Vanha palvelu");
        long fresh = create("Tuore palvelu");
        jdbc.sql("update guidance_service set last_checked_on = date '2026-04-30' where id = :id").param("id", old).update();
        jdbc.sql("update guidance_service set last_checked_on = date '2026-10-01' where id = :id").param("id", fresh)
                .update();
        String who = jdbc.sql("select email from app_user where id = :id").param("id", ownerId).query(String.class).single();
        var list = coordinator.get("/admin/services?unchecked=true");
        assertThat(list.body()).contains("Vanha palvelu").doesNotContain("Tuore palvelu");
        assertThat(coordinator.get("/admin/services").body()).contains("ei ole tarkistettu kuuteen kuukauteen");
        Instant start = clock.instant();
        try {
            reminders.run();
            reminders.run();
            assertThat(mails(who)).hasSize(1);
            String body = mails(who).get(0);
            assertThat(body).contains("Vanha palvelu").contains("/admin/services/" + old).contains("30.4.2026")
                    .doesNotContain("Tuore palvelu");
            clock.advance(Duration.ofDays(20));
            reminders.run();
            assertThat(mails(who)).hasSize(1);
            clock.advance(Duration.ofDays(12));
            reminders.run();
            assertThat(mails(who)).hasSize(2);
            // checked: no more reminders
            owner.post("/admin/services/" + old + "/checked", Map.of("version", "" + version(old)));
            clock.advance(Duration.ofDays(40));
            reminders.run();
            assertThat(mails(who)).hasSize(2);
        } finally {
            clock.set(start);
        }
    }

    List<String> mails(String to) {
        return jdbc.sql("select body from mail_message where to_address = :to order by id").param("to", to)
                .query(String.class).list();
    }

    @Test
    void coordinatorsKeepTheNeedsCatalogue() {
        assertThat(jdbc.sql("select code from guidance_need where county_id = :c order by position").param("c", county)
                .query(String.class).list()).startsWith("pregnancy", "baby_care", "sleep");
        var page = coordinator.get("/admin/services/needs");
        assertThat(page.status()).isEqualTo(200);
        assertThat(owner.get("/admin/services/needs").status()).isEqualTo(403);
        assertThat(page.html().select("form[action$=/move] input[name=position]")).isNotEmpty();
        assertThat(coordinator.post("/admin/services/needs", Map.of("code", "Twins", "nameFi", "Kaksoset",
                "nameSv", "Tvillingar", "nameEn", "Twins", "active", "true")).status()).isEqualTo(302);
        assertThat(coordinator.post("/admin/services/needs", Map.of("code", "twins", "nameFi", "Kaksoset"))
                .status()).isEqualTo(400);
        assertThat(coordinator.post("/admin/services/needs", Map.of("code", "Bad Code!", "nameFi", "X"))
                .status()).isEqualTo(400);
        long twins = jdbc.sql("select id from guidance_need where county_id = :c and code = 'twins'").param("c", county)
                .query(Long.class).single();
        assertThat(coordinator.post("/admin/services/needs/" + twins + "/move", Map.of("direction", "up", "version", "0"))
                .status()).isEqualTo(302);
        List<String> order = jdbc.sql("select code from guidance_need where county_id = :c order by position")
                .param("c", county).query(String.class).list();
        assertThat(order.indexOf("twins")).isEqualTo(order.size() - 2);
        // in use: refused; retired instead; then no longer offered on the form
        long sleep = jdbc.sql("select id from guidance_need where county_id = :c and code = 'sleep'").param("c", county)
                .query(Long.class).single();
        create("Unikoulu");
        var r = coordinator.post("/admin/services/needs/" + sleep + "/delete", Map.of("version", "0"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.html().select(".error-summary").text()).contains("käytetään");
        // the code is given once: a changed code in the form is not taken
        assertThat(coordinator.get("/admin/services/needs?edit=" + sleep).html()
                .select("input[name=code][type=text]")).isEmpty();
        assertThat(coordinator.post("/admin/services/needs", Map.of("id", "" + sleep, "version", "0",
                "code", "renamed", "nameFi", "Uni", "active", "false")).status()).isEqualTo(302);
        assertThat(jdbc.sql("select code from guidance_need where id = :id").param("id", sleep).query(String.class)
                .single()).isEqualTo("sleep");
        assertThat(coordinator.get("/admin/services/new").html().select("input[name=needs][value=sleep]")).isEmpty();
        long twinsVersion = jdbc.sql("select version from guidance_need where id = :id").param("id", twins)
                .query(Long.class).single();
        assertThat(coordinator.post("/admin/services/needs/" + twins + "/delete", Map.of("version", "" + twinsVersion))
                .status()).isEqualTo(302);
        assertThat(otherCoordinator.post("/admin/services/needs/" + sleep + "/delete?county=" + county,
                Map.of("version", "1")).status()).isEqualTo(403);
    }

    @Test
    void theCountFormLinksEachTypeToItsServicesInThePlacesMunicipality() {
        long service = create("Linkkineuvola");
        long place = fx.openPlace(fx.area(county, municipality), municipality, org);
        var form = coordinator.get("/admin/counts/places/" + place + "/count?subject=0&date=2026-10-05");
        assertThat(form.status()).isEqualTo(200);
        String href = "/services?type=CHILD_HEALTH_CLINIC&municipality=" + municipality;
        var link = form.html().select("ul.referral-services a[href=" + href + "]");
        assertThat(link.text()).startsWith("Neuvola: palveluja 1");
        // a type without services in the municipality has no link
        assertThat(form.html().select("ul.referral-services a[href*=type=ECEC]")).isEmpty();
        // the link's page lists the type's services serving the municipality, each leading to its page and card
        var list = new WebClient(port).get(href);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.html().select("a[href^=/services/" + service + "]")).isNotEmpty();
        assertThat(new WebClient(port).get("/services?type=ECEC&municipality=" + municipality).html()
                .select("a[href^=/services/" + service + "]")).isEmpty();
        assertThat(new WebClient(port).get("/services?type=x'%20or%201=1").status()).isEqualTo(400);
    }
}
