package fi.kohtaamo.registry;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kohtaamo.identity.internal.UserQueries;
import fi.kohtaamo.registry.internal.Model.Area;
import fi.kohtaamo.registry.internal.Model.Municipality;
import fi.kohtaamo.registry.internal.Model.Organisation;
import fi.kohtaamo.registry.internal.RegistryQueries;
import fi.kohtaamo.shared.Lang;
import fi.kohtaamo.shared.Role;
import fi.kohtaamo.support.Fixtures;
import fi.kohtaamo.support.IntegrationTest;
import fi.kohtaamo.support.WebClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The coordinators' pages for organisations, coordination areas and municipalities over real HTTP:
 * creating and editing within the county, field errors in the user's language, hostile input, and
 * access refused outside the actor's scope with nothing changed.
 */
@IntegrationTest
class OrganisationAdminPagesTest {

    private static final String PASSWORD = "pitkä-salasana-123";

    @LocalServerPort
    int port;

    @Autowired Fixtures fx;
    @Autowired RegistryQueries queries;
    @Autowired UserQueries users;
    @Autowired PasswordEncoder encoder;
    @Autowired MessageSource messages;

    long countyA, countyB, areaA, areaB, national, parishA, orgB, placeA;
    String muniA1, muniA2, muniB1;
    String coordinatorA, coordinatorB, staffA, admin;

    @BeforeEach
    void world() {
        countyA = fx.county();
        countyB = fx.county();
        muniA1 = fx.municipality(countyA);
        muniA2 = fx.municipality(countyA);
        muniB1 = fx.municipality(countyB);
        areaA = fx.area(countyA, muniA1);
        areaB = fx.area(countyB, muniB1);
        national = fx.organisation(OrganisationType.NATIONAL_ORGANISATION, null, null);
        parishA = fx.organisation(OrganisationType.PARISH, null, countyA);
        orgB = fx.organisation(OrganisationType.OTHER_NGO, null, countyB);
        placeA = fx.place(areaA, muniA1, parishA);
        coordinatorA = account(Role.COUNTY_COORDINATOR, null, countyA);
        coordinatorB = account(Role.COUNTY_COORDINATOR, null, countyB);
        staffA = account(Role.PROVIDER_STAFF, parishA, countyA);
        admin = account(Role.ADMIN, null, null);
    }

    private String account(Role role, Long organisation, Long county) {
        String email = Fixtures.unique("orgpages-" + role.name().toLowerCase(Locale.ROOT)).replace(' ', '-')
                + "@example.fi";
        users.insert(email, "Test " + role, encoder.encode(PASSWORD), role, organisation, county, null, null, "fi", true,
                false, Instant.now());
        return email;
    }

    private WebClient signIn(String email) {
        WebClient web = new WebClient(port);
        var r = web.login(email, PASSWORD);
        assertThat(r.status()).isEqualTo(302);
        assertThat(r.header("Location")).endsWith("/admin");
        return web;
    }

    private static long idFromRedirect(WebClient.Response r, String prefix) {
        assertThat(r.status()).as(r.body()).isEqualTo(302);
        Matcher m = Pattern.compile(Pattern.quote(prefix) + "([0-9]+)\\?saved$").matcher(r.header("Location"));
        assertThat(m.find()).as(r.header("Location")).isTrue();
        return Long.parseLong(m.group(1));
    }

    private String message(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    private static List<Map.Entry<String, String>> fields(String... pairs) {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        for (int i = 0; i < pairs.length; i += 2) {
            out.add(Map.entry(pairs[i], pairs[i + 1]));
        }
        return out;
    }

    private List<Map.Entry<String, String>> organisationFields(String name) {
        return fields("version", "0", "type", "OTHER_NGO", "nameFi", name, "nameSv", "", "nameEn", "", "parentId", "",
                "businessId", "", "website", "", "email", "", "phone", "", "countyId", String.valueOf(countyA),
                "municipalityCode", "");
    }

    private static List<Map.Entry<String, String>> with(List<Map.Entry<String, String>> base, String name,
            String value) {
        List<Map.Entry<String, String>> out = new ArrayList<>(base.stream().filter(e -> !e.getKey().equals(name)).toList());
        out.add(Map.entry(name, value));
        return out;
    }

    private int organisationsOfCountyA() {
        return queries.organisations(countyA, Lang.FI).size();
    }

    // ---- organisations ------------------------------------------------------------------------

    @Test
    void countyCoordinatorCreatesAndEditsAnOrganisation() {
        WebClient web = signIn(coordinatorA);
        Organisation parish = queries.organisation(parishA).orElseThrow();
        Organisation nat = queries.organisation(national).orElseThrow();
        Organisation other = queries.organisation(orgB).orElseThrow();

        var list = web.get("/admin/organisations");
        assertThat(list.status()).isEqualTo(200);
        Document doc = list.html();
        assertThat(doc.select("table caption")).isNotEmpty();
        assertThat(doc.select("a[href=/admin/organisations/" + parishA + "]").text()).isEqualTo(parish.name().fi());
        // national organisations are listed read-only; another county's are not listed at all
        assertThat(doc.text()).contains(nat.name().fi()).doesNotContain(other.name().fi());
        assertThat(doc.select("a[href=/admin/organisations/" + national + "]")).isEmpty();
        assertThat(doc.select("a[href=/admin/organisations/new]")).hasSize(1);

        var form = web.get("/admin/organisations/new");
        assertThat(form.status()).isEqualTo(200);
        Document f = form.html();
        for (Element input : f.select("form[method=post] input:not([type=hidden]), form[method=post] select")) {
            assertThat(f.select("label[for=" + input.id() + "]")).as("label for " + input.id()).hasSize(1);
        }
        assertThat(f.select("#f-countyId option").eachAttr("value")).containsExactly(String.valueOf(countyA));
        assertThat(f.select("#f-municipalityCode option").eachAttr("value")).contains(muniA1, muniA2).doesNotContain(muniB1);
        assertThat(f.select("#f-parentId option").eachAttr("value"))
                .contains(String.valueOf(parishA), String.valueOf(national)).doesNotContain(String.valueOf(orgB));

        String name = Fixtures.unique("Perhetalo ry");
        var created = web.post("/admin/organisations", fields("version", "0", "type", "OTHER_NGO", "nameFi", name,
                "nameSv", "Familjehuset rf", "nameEn", "", "parentId", String.valueOf(parishA), "businessId", "1234567-8",
                "website", "https://perhetalo.example.fi", "email", "info@perhetalo.example.fi", "phone", "09 123 4567",
                "countyId", String.valueOf(countyA), "municipalityCode", muniA1));
        long id = idFromRedirect(created, "/admin/organisations/");
        Organisation stored = queries.organisation(id).orElseThrow();
        assertThat(stored.name().fi()).isEqualTo(name);
        assertThat(stored.name().sv()).isEqualTo("Familjehuset rf");
        assertThat(stored.parentId()).isEqualTo(parishA);
        assertThat(stored.countyId()).isEqualTo(countyA);
        assertThat(stored.municipalityCode()).isEqualTo(muniA1);
        assertThat(stored.businessId()).isEqualTo("1234567-8");

        Document edit = web.get("/admin/organisations/" + id + "?saved").html();
        assertThat(edit.select(".notice[role=status]")).hasSize(1);
        assertThat(edit.selectFirst("#f-nameFi").attr("value")).isEqualTo(name);
        assertThat(edit.selectFirst("#f-parentId option[selected]").attr("value")).isEqualTo(String.valueOf(parishA));
        assertThat(edit.selectFirst("#f-type option[selected]").attr("value")).isEqualTo("OTHER_NGO");
        // an organisation cannot be its own parent: it is not offered
        assertThat(edit.select("#f-parentId option").eachAttr("value")).doesNotContain(String.valueOf(id));

        // the parent shows its new sub-organisation and the place it organises
        Document parentPage = web.get("/admin/organisations/" + parishA).html();
        assertThat(parentPage.select("#sub-organisations a").eachText()).containsExactly(name);
        assertThat(parentPage.select("#organised-places a[href=/admin/places/" + placeA + "]")).hasSize(1);

        String renamed = Fixtures.unique("Perhetalo ry (uusi nimi)");
        var updated = web.post("/admin/organisations/" + id, with(with(with(organisationFields(renamed), "version",
                String.valueOf(stored.version())), "parentId", String.valueOf(parishA)), "type", "OTHER"));
        assertThat(idFromRedirect(updated, "/admin/organisations/")).isEqualTo(id);
        Organisation after = queries.organisation(id).orElseThrow();
        assertThat(after.name().fi()).isEqualTo(renamed);
        assertThat(after.type()).isEqualTo(OrganisationType.OTHER);
        assertThat(after.version()).isEqualTo(stored.version() + 1);
        assertThat(web.get("/admin/organisations").html().select("a[href=/admin/organisations/" + id + "]").text())
                .isEqualTo(renamed);

        // a save based on an old version is refused, not lost silently
        web.get("/admin/organisations/" + id);
        var stale = web.post("/admin/organisations/" + id, with(organisationFields(Fixtures.unique("Vanha")), "version",
                String.valueOf(stored.version())));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.html().select(".error-summary[role=alert]")).isNotEmpty();
        assertThat(queries.organisation(id).orElseThrow().name().fi()).isEqualTo(renamed);
    }

    @Test
    void fieldErrorsAreShownNextToTheFieldInTheUsersLanguage() {
        WebClient web = signIn(coordinatorA);
        assertThat(web.get("/admin/organisations/new?lang=sv").html().selectFirst("html").attr("lang")).isEqualTo("sv");
        int before = organisationsOfCountyA();

        var r = web.post("/admin/organisations", organisationFields(""));
        assertThat(r.status()).isEqualTo(400);
        Document doc = r.html();
        assertThat(doc.selectFirst("html").attr("lang")).isEqualTo("sv");
        assertThat(doc.selectFirst("#f-nameFi-error").text()).isEqualTo("Uppgiften är obligatorisk.");
        assertThat(doc.selectFirst("#f-nameFi").attr("aria-invalid")).isEqualTo("true");
        assertThat(doc.selectFirst("#f-nameFi").attr("aria-describedby")).contains("f-nameFi-error");
        assertThat(doc.select("#error-summary a[href=\"#f-nameFi\"]").text()).startsWith("Namn på finska");
        assertThat(organisationsOfCountyA()).isEqualTo(before);

        // the same for an area: no municipality chosen
        int areas = queries.areas(countyA).size();
        var area = web.post("/admin/areas", fields("version", "0", "countyId", String.valueOf(countyA), "nameFi",
                Fixtures.unique("Alue")));
        assertThat(area.status()).isEqualTo(400);
        assertThat(area.html().selectFirst("#f-municipalities-error").text())
                .isEqualTo(message("validation.municipalityRequired", Locale.forLanguageTag("sv")))
                .isEqualTo("Välj minst en kommun.");
        assertThat(queries.areas(countyA)).hasSize(areas);

        // and in Finnish when the user switches back
        web.get("/admin/organisations/new?lang=fi");
        assertThat(web.post("/admin/organisations", organisationFields("")).html().selectFirst("#f-nameFi-error").text())
                .isEqualTo("Tämä tieto on pakollinen.");
    }

    @Test
    void hostileNamesAreStoredAsTextAndShownEscaped() {
        WebClient web = signIn(coordinatorA);
        web.get("/admin/organisations/new");
        String script = "<script>alert(1)</script>";
        long id = idFromRedirect(web.post("/admin/organisations", organisationFields(script)), "/admin/organisations/");
        assertThat(queries.organisation(id).orElseThrow().name().fi()).isEqualTo(script);

        var list = web.get("/admin/organisations");
        assertThat(list.body()).doesNotContain(script).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(list.html().select("a[href=/admin/organisations/" + id + "]").text()).isEqualTo(script);
        var edit = web.get("/admin/organisations/" + id);
        assertThat(edit.body()).doesNotContain(script);
        assertThat(edit.html().selectFirst("#f-nameFi").attr("value")).isEqualTo(script);
        assertThat(edit.html().selectFirst("h1").text()).contains(script);

        String sql = "x'); drop table organisation; --";
        long sqlId = idFromRedirect(web.post("/admin/organisations", organisationFields(sql)), "/admin/organisations/");
        assertThat(queries.organisation(sqlId).orElseThrow().name().fi()).isEqualTo(sql);

        // the same for an area's name
        web.get("/admin/areas/new");
        long areaId = idFromRedirect(web.post("/admin/areas", fields("version", "0", "countyId", String.valueOf(countyA),
                "nameFi", script, "municipalities", muniA2)), "/admin/areas/");
        assertThat(queries.area(areaId).orElseThrow().name().fi()).isEqualTo(script);
        var areas = web.get("/admin/areas");
        assertThat(areas.body()).doesNotContain(script);
        assertThat(areas.html().select("a[href=/admin/areas/" + areaId + "]").text()).isEqualTo(script);
    }

    @ParameterizedTest
    @ValueSource(strings = {"control", "long", "parent", "municipality", "businessId", "website", "county"})
    void badOrganisationInputIsRefusedWithAMessageAndNothingIsStored(String kind) {
        WebClient web = signIn(coordinatorA);
        web.get("/admin/organisations/new?lang=fi");
        String name = Fixtures.unique("Hylätty");
        var base = organisationFields(name);
        var fields = switch (kind) {
            case "control" -> with(base, "nameFi", "Nimi\u0007\u0000" + name);
            case "long" -> with(base, "nameFi", "a".repeat(5000));
            case "parent" -> with(base, "parentId", "999999999");
            case "municipality" -> with(base, "municipalityCode", "999");
            case "businessId" -> with(base, "businessId", "<b>1</b>");
            case "website" -> with(base, "website", "javascript:alert(1)");
            default -> with(base, "countyId", String.valueOf(countyB));
        };
        String field = switch (kind) {
            case "control", "long" -> "nameFi";
            case "parent" -> "parentId";
            case "municipality" -> "municipalityCode";
            case "businessId" -> "businessId";
            case "website" -> "website";
            default -> "countyId";
        };
        String expected = switch (kind) {
            case "control" -> "Tekstissä on kiellettyjä ohjausmerkkejä.";
            case "long" -> "Enintään 200 merkkiä.";
            case "parent" -> message("validation.choice", Locale.forLanguageTag("fi"));
            case "municipality" -> message("validation.unknownMunicipality", Locale.forLanguageTag("fi"));
            case "businessId" -> message("validation.businessId", Locale.forLanguageTag("fi"));
            case "website" -> message("validation.url", Locale.forLanguageTag("fi"));
            default -> message("validation.outOfScope", Locale.forLanguageTag("fi"));
        };
        int before = organisationsOfCountyA();
        int beforeB = queries.organisations(countyB, Lang.FI).size();

        var r = web.post("/admin/organisations", fields);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.html().selectFirst("#f-" + field + "-error").text()).isEqualTo(expected);
        assertThat(r.body()).doesNotContain("<script").doesNotContain("<b>1</b>");
        assertThat(organisationsOfCountyA()).isEqualTo(before);
        assertThat(queries.organisations(countyB, Lang.FI)).hasSize(beforeB);
        assertThat(queries.organisationIdByName(name)).isEmpty();

        // and an existing organisation is not changed by the same input
        Organisation parish = queries.organisation(parishA).orElseThrow();
        web.get("/admin/organisations/" + parishA);
        var update = web.post("/admin/organisations/" + parishA, with(fields, "version", String.valueOf(parish.version())));
        assertThat(update.status()).isEqualTo(400);
        assertThat(update.html().selectFirst("#f-" + field + "-error").text()).isEqualTo(expected);
        assertThat(queries.organisation(parishA).orElseThrow()).isEqualTo(parish);
    }

    @Test
    void anOrganisationCannotBeMovedBelowItself() {
        WebClient web = signIn(coordinatorA);
        long child = fx.organisation(OrganisationType.PARISH, parishA, countyA);
        Organisation parish = queries.organisation(parishA).orElseThrow();
        web.get("/admin/organisations/" + parishA);
        var r = web.post("/admin/organisations/" + parishA, with(with(organisationFields(parish.name().fi()), "parentId",
                String.valueOf(child)), "version", String.valueOf(parish.version())));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.html().selectFirst("#f-parentId-error").text())
                .isEqualTo(message("validation.parentCycle", Locale.forLanguageTag("fi")));
        assertThat(queries.organisation(parishA).orElseThrow()).isEqualTo(parish);
    }

    // ---- areas and municipalities -------------------------------------------------------------

    @Test
    void countyCoordinatorCreatesAndEditsAnArea() {
        WebClient web = signIn(coordinatorA);
        Area own = queries.area(areaA).orElseThrow();
        Area other = queries.area(areaB).orElseThrow();

        Document list = web.get("/admin/areas").html();
        assertThat(list.select("#areas a[href=/admin/areas/" + areaA + "]").text()).isEqualTo(own.name().fi());
        assertThat(list.text()).doesNotContain(other.name().fi());
        assertThat(list.select("#municipalities th[scope=row]").eachText()).contains(muniA1, muniA2).doesNotContain(muniB1);
        assertThat(list.select("#municipalities a[href=/admin/municipalities/" + muniA1 + "]")).hasSize(1);
        assertThat(list.select("table caption")).hasSize(2);

        Document form = web.get("/admin/areas/new").html();
        assertThat(form.select("fieldset:has(input[name=municipalities]) > legend")).hasSize(1);
        assertThat(form.select("input[name=municipalities]").eachAttr("value")).containsExactlyInAnyOrder(muniA1, muniA2);
        assertThat(form.selectFirst("input[name=countyId]").attr("value")).isEqualTo(String.valueOf(countyA));

        String name = Fixtures.unique("Pohjoinen alue");
        long id = idFromRedirect(web.post("/admin/areas", fields("version", "0", "countyId", String.valueOf(countyA),
                "nameFi", name, "nameSv", "Norra området", "descriptionFi", "Kaksi kuntaa\nyhdessä",
                "municipalities", muniA2)), "/admin/areas/");
        Area created = queries.area(id).orElseThrow();
        assertThat(created.countyId()).isEqualTo(countyA);
        assertThat(created.name().sv()).isEqualTo("Norra området");
        assertThat(created.description().fi()).isEqualTo("Kaksi kuntaa\nyhdessä");
        assertThat(created.municipalityCodes()).containsExactly(muniA2);

        Document edit = web.get("/admin/areas/" + id + "?saved").html();
        assertThat(edit.select(".notice[role=status]")).hasSize(1);
        assertThat(edit.select("input[name=municipalities][checked]").eachAttr("value")).containsExactly(muniA2);
        assertThat(edit.selectFirst("#f-nameFi").attr("value")).isEqualTo(name);

        String renamed = Fixtures.unique("Pohjoinen alue, laajennettu");
        long same = idFromRedirect(web.post("/admin/areas/" + id, fields("version", String.valueOf(created.version()),
                "nameFi", renamed, "municipalities", muniA1, "municipalities", muniA2)), "/admin/areas/");
        assertThat(same).isEqualTo(id);
        Area updated = queries.area(id).orElseThrow();
        assertThat(updated.name().fi()).isEqualTo(renamed);
        assertThat(updated.municipalityCodes()).containsExactlyInAnyOrder(muniA1, muniA2);
        assertThat(updated.countyId()).isEqualTo(countyA);
        assertThat(web.get("/admin/areas").html().select("#areas a[href=/admin/areas/" + id + "]").text())
                .isEqualTo(renamed);

        // a municipality of another county cannot be put into the area
        web.get("/admin/areas/" + id);
        var foreign = web.post("/admin/areas/" + id, fields("version", String.valueOf(updated.version()), "nameFi",
                renamed, "municipalities", muniA1, "municipalities", muniB1));
        assertThat(foreign.status()).isEqualTo(400);
        assertThat(foreign.html().selectFirst("#f-municipalities-error").text())
                .isEqualTo(message("validation.unknownMunicipality", Locale.forLanguageTag("fi")));
        for (String bad : List.of("999", "abc", "1' or '1'='1")) {
            var r = web.post("/admin/areas/" + id, fields("version", String.valueOf(updated.version()), "nameFi", renamed,
                    "municipalities", bad));
            assertThat(r.status()).as(bad).isEqualTo(400);
            assertThat(r.html().select("#f-municipalities-error")).as(bad).hasSize(1);
        }
        assertThat(queries.area(id).orElseThrow()).isEqualTo(updated);
    }

    @Test
    void countyCoordinatorEditsAMunicipality() {
        WebClient web = signIn(coordinatorA);
        Municipality m = queries.municipality(muniA1).orElseThrow();
        Document form = web.get("/admin/municipalities/" + muniA1).html();
        assertThat(form.selectFirst("#f-code").attr("value")).isEqualTo(muniA1);
        assertThat(form.selectFirst("#f-code").hasAttr("name")).isFalse();
        assertThat(form.select("#f-languageStatus option").eachAttr("value")).containsExactly("FI", "SV", "FI_SV", "SV_FI");

        String sv = Fixtures.unique("Testkommun");
        var r = web.post("/admin/municipalities/" + muniA1, fields("version", String.valueOf(m.version()), "nameFi",
                m.name().fi(), "nameSv", sv, "nameEn", "", "languageStatus", "SV_FI"));
        assertThat(r.status()).isEqualTo(302);
        assertThat(r.header("Location")).endsWith("/admin/municipalities/" + muniA1 + "?saved");
        Municipality after = queries.municipality(muniA1).orElseThrow();
        assertThat(after.name().sv()).isEqualTo(sv);
        assertThat(after.languageStatus()).isEqualTo("SV_FI");
        assertThat(after.code()).isEqualTo(muniA1);

        var bad = web.post("/admin/municipalities/" + muniA1, fields("version", String.valueOf(after.version()),
                "nameFi", "x".repeat(5000), "languageStatus", "XX"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.html().selectFirst("#f-nameFi-error").text()).isEqualTo("Enintään 200 merkkiä.");
        assertThat(bad.html().select("#f-languageStatus-error")).hasSize(1);
        assertThat(queries.municipality(muniA1).orElseThrow()).isEqualTo(after);
    }

    @Test
    void anAdministratorChoosesTheCountyOfANewAreaFirst() {
        WebClient web = signIn(admin);
        Document picker = web.get("/admin/areas/new").html();
        assertThat(picker.select("select#f-countyId option").eachAttr("value"))
                .contains(String.valueOf(countyA), String.valueOf(countyB));
        assertThat(picker.select("input[name=municipalities]")).isEmpty();
        Document form = web.get("/admin/areas/new?countyId=" + countyB).html();
        assertThat(form.select("input[name=municipalities]").eachAttr("value")).containsExactly(muniB1);
        assertThat(web.get("/admin/areas/new?countyId=%3Cscript%3E").status()).isEqualTo(200);

        // the administrator sees and may edit every county's records
        Document orgs = web.get("/admin/organisations").html();
        assertThat(orgs.select("a[href=/admin/organisations/" + orgB + "]")).hasSize(1);
        assertThat(orgs.select("a[href=/admin/organisations/" + national + "]")).hasSize(1);
        assertThat(web.get("/admin/organisations/" + national).status()).isEqualTo(200);
    }

    // ---- access -------------------------------------------------------------------------------

    @Test
    void aCoordinatorOfAnotherCountyIsRefusedAndNothingChanges() {
        WebClient web = signIn(coordinatorB);
        Organisation parish = queries.organisation(parishA).orElseThrow();
        Area area = queries.area(areaA).orElseThrow();
        Municipality muni = queries.municipality(muniA1).orElseThrow();

        Document list = web.get("/admin/organisations").html();
        assertThat(list.text()).doesNotContain(parish.name().fi());
        assertThat(web.get("/admin/areas").html().text()).doesNotContain(area.name().fi());

        assertThat(web.get("/admin/organisations/" + parishA).status()).isEqualTo(403);
        assertThat(web.get("/admin/areas/" + areaA).status()).isEqualTo(403);
        assertThat(web.get("/admin/municipalities/" + muniA1).status()).isEqualTo(403);
        // county coordinators may not edit nationwide organisations either
        assertThat(web.get("/admin/organisations/" + national).status()).isEqualTo(403);

        web.get("/admin/organisations/new");
        var org = web.post("/admin/organisations/" + parishA, with(with(organisationFields("Kaapattu"), "version",
                String.valueOf(parish.version())), "countyId", String.valueOf(countyB)));
        assertThat(org.status()).isEqualTo(403);
        var ar = web.post("/admin/areas/" + areaA, fields("version", String.valueOf(area.version()), "nameFi",
                "Kaapattu", "municipalities", muniA1));
        assertThat(ar.status()).isEqualTo(403);
        var mu = web.post("/admin/municipalities/" + muniA1, fields("version", String.valueOf(muni.version()), "nameFi",
                "Kaapattu", "languageStatus", "FI"));
        assertThat(mu.status()).isEqualTo(403);

        // creating in another county is a field error, not a write
        int areasA = queries.areas(countyA).size();
        web.get("/admin/areas/new");
        var newArea = web.post("/admin/areas", fields("version", "0", "countyId", String.valueOf(countyA), "nameFi",
                "Kaapattu", "municipalities", muniA2));
        assertThat(newArea.status()).isEqualTo(400);
        assertThat(newArea.html().select("#f-countyId-error")).hasSize(1);
        int orgsA = organisationsOfCountyA();
        web.get("/admin/organisations/new");
        assertThat(web.post("/admin/organisations", organisationFields("Kaapattu")).status()).isEqualTo(400);

        assertThat(queries.organisation(parishA).orElseThrow()).isEqualTo(parish);
        assertThat(queries.area(areaA).orElseThrow()).isEqualTo(area);
        assertThat(queries.municipality(muniA1).orElseThrow()).isEqualTo(muni);
        assertThat(queries.areas(countyA)).hasSize(areasA);
        assertThat(organisationsOfCountyA()).isEqualTo(orgsA);
        assertThat(queries.organisationIdByName("Kaapattu")).isEmpty();
    }

    @Test
    void providerStaffCannotUseThesePages() {
        WebClient web = signIn(staffA);
        Document home = web.get("/admin").html();
        assertThat(home.select("a[href=/admin/organisations], a[href=/admin/areas]")).isEmpty();
        for (String path : List.of("/admin/organisations", "/admin/organisations/new", "/admin/organisations/" + parishA,
                "/admin/areas", "/admin/areas/new", "/admin/areas/" + areaA, "/admin/municipalities/" + muniA1)) {
            assertThat(web.get(path).status()).as(path).isEqualTo(403);
        }
        Organisation parish = queries.organisation(parishA).orElseThrow();
        Area area = queries.area(areaA).orElseThrow();
        int orgs = organisationsOfCountyA();
        int areas = queries.areas(countyA).size();
        web.get("/admin");
        assertThat(web.post("/admin/organisations", organisationFields("Henkilöstön järjestö")).status()).isEqualTo(403);
        assertThat(web.post("/admin/organisations/" + parishA, with(organisationFields("Henkilöstön nimi"), "version",
                String.valueOf(parish.version()))).status()).isEqualTo(403);
        assertThat(web.post("/admin/areas", fields("version", "0", "countyId", String.valueOf(countyA), "nameFi", "Alue",
                "municipalities", muniA2)).status()).isEqualTo(403);
        assertThat(web.post("/admin/areas/" + areaA, fields("version", String.valueOf(area.version()), "nameFi", "Alue",
                "municipalities", muniA1)).status()).isEqualTo(403);
        assertThat(queries.organisation(parishA).orElseThrow()).isEqualTo(parish);
        assertThat(queries.area(areaA).orElseThrow()).isEqualTo(area);
        assertThat(organisationsOfCountyA()).isEqualTo(orgs);
        assertThat(queries.areas(countyA)).hasSize(areas);
    }

    @Test
    void signedOutVisitorsAreSentToTheLoginPage() {
        var r = new WebClient(port).get("/admin/organisations");
        assertThat(r.status()).isEqualTo(302);
        assertThat(r.header("Location")).endsWith("/login");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/admin/organisations/abc", "/admin/organisations/0", "/admin/organisations/-1",
            "/admin/organisations/99999999999", "/admin/organisations/1%27", "/admin/areas/abc", "/admin/areas/0",
            "/admin/areas/99999999999", "/admin/municipalities/12", "/admin/municipalities/abc",
            "/admin/municipalities/0491", "/admin/municipalities/999"})
    void unknownOrMalformedIdsAreNotFound(String path) {
        WebClient web = signIn(coordinatorA);
        var r = web.get(path + "?lang=en");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.html().selectFirst("h1").text()).isEqualTo("Page not found");
    }
}
