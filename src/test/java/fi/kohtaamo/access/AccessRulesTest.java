package fi.kohtaamo.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import fi.kohtaamo.calendar.internal.ActivityForm;
import fi.kohtaamo.calendar.internal.ActivityQueries;
import fi.kohtaamo.calendar.internal.ActivityService;
import fi.kohtaamo.calendar.internal.SchoolHolidayForm;
import fi.kohtaamo.identity.internal.UserForm;
import fi.kohtaamo.identity.internal.UserQueries;
import fi.kohtaamo.identity.internal.UserService;
import fi.kohtaamo.registry.OrganisationType;
import fi.kohtaamo.registry.Registry;
import fi.kohtaamo.registry.internal.AreaForm;
import fi.kohtaamo.registry.internal.MunicipalityForm;
import fi.kohtaamo.registry.internal.OrganisationForm;
import fi.kohtaamo.registry.internal.PlaceForm;
import fi.kohtaamo.registry.internal.RegistryQueries;
import fi.kohtaamo.registry.internal.RegistryService;
import fi.kohtaamo.shared.Actor;
import fi.kohtaamo.shared.KohtaamoException;
import fi.kohtaamo.shared.Role;
import fi.kohtaamo.support.Fixtures;
import fi.kohtaamo.support.IntegrationTest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The rules behind the access matrix ({@link AccessMatrixTest}) at the services: every write action × every role, on a
 * record inside and outside the actor's scope, moves out of and into a scope, all-or-nothing changes: allowed or
 * denied exactly as designed, and a denied write changes nothing. The actors are built the way the
 * application builds them (organisation scope = organisation and its sub-organisations).
 */
@IntegrationTest
class AccessRulesTest {

    @Autowired Fixtures fx;
    @Autowired RegistryService registry;
    @Autowired Registry registryFacade;
    @Autowired RegistryQueries queries;
    @Autowired UserService users;
    @Autowired UserQueries userQueries;
    @Autowired ActivityService activities;
    @Autowired ActivityQueries activityQueries;

    long countyA, countyB, areaA1, areaB1, national, district, association, parish, otherCountyOrg, placeX, placeY;
    String muniA1, muniA2, muniB1;
    Map<String, Actor> actors;

    @BeforeEach
    void world() {
        countyA = fx.county();
        countyB = fx.county();
        muniA1 = fx.municipality(countyA);
        muniA2 = fx.municipality(countyA);
        muniB1 = fx.municipality(countyB);
        areaA1 = fx.area(countyA, muniA1);
        fx.area(countyA, muniA2);
        areaB1 = fx.area(countyB, muniB1);
        national = fx.organisation(OrganisationType.NATIONAL_ORGANISATION, null, null);
        district = fx.organisation(OrganisationType.MLL_DISTRICT, national, countyA);
        association = fx.organisation(OrganisationType.MLL_ASSOCIATION, district, countyA);
        parish = fx.organisation(OrganisationType.PARISH, null, countyA);
        otherCountyOrg = fx.organisation(OrganisationType.OTHER_NGO, null, countyB);
        placeX = fx.openPlace(areaA1, muniA1, association);
        placeY = fx.openPlace(areaB1, muniB1, otherCountyOrg);

        actors = new LinkedHashMap<>();
        actors.put("admin", actor(Role.ADMIN, null, null, null, null));
        actors.put("countyCoordinator", actor(Role.COUNTY_COORDINATOR, null, countyA, null, null));
        actors.put("areaCoordinator", actor(Role.AREA_COORDINATOR, null, countyA, areaA1, null));
        actors.put("associationStaff", actor(Role.PROVIDER_STAFF, association, countyA, null, null));
        actors.put("districtStaff", actor(Role.PROVIDER_STAFF, district, countyA, null, null));
        actors.put("parishStaff", actor(Role.PROVIDER_STAFF, parish, countyA, null, null));
        actors.put("partner", actor(Role.PARTNER, parish, countyA, null, null));
        actors.put("volunteer", actor(Role.VOLUNTEER, null, countyA, areaA1, placeX));
        actors.put("nationalReporter", actor(Role.NATIONAL_REPORTER, national, null, null, null));
    }

    private Actor actor(Role role, Long org, Long county, Long area, Long place) {
        return new Actor(9_000_000L + role.ordinal(), "Test " + role, role, org,
                registryFacade.organisationWithDescendants(org), county, area, place);
    }

    /** Runs the write; true when it went through, false when refused as forbidden or out of scope. */
    private static boolean attempt(Runnable write) {
        Throwable t = catchThrowable(write::run);
        if (t == null) {
            return true;
        }
        if (t instanceof KohtaamoException.Forbidden) {
            return false;
        }
        // outreach answers "not found" where even the existence of the record is not the actor's to know
        if (t instanceof KohtaamoException.NotFound) {
            return false;
        }
        if (t instanceof KohtaamoException.Invalid invalid && invalid.errors().all().stream()
                .anyMatch(e -> e.messageKey().equals("validation.outOfScope") || e.messageKey().equals("validation.roleNotAllowed"))) {
            return false;
        }
        throw new AssertionError("unexpected failure", t);
    }

    private void check(String action, Set<String> allowed, Consumer<Actor> write, Supplier<Object> state) {
        List<String> wrong = new ArrayList<>();
        for (var e : actors.entrySet()) {
            Object before = state.get();
            boolean went = attempt(() -> write.accept(e.getValue()));
            Object after = state.get();
            boolean expected = allowed.contains(e.getKey());
            if (went != expected) {
                wrong.add(action + " by " + e.getKey() + ": " + (went ? "allowed" : "denied"));
            }
            if (!went && !before.equals(after)) {
                wrong.add(action + " by " + e.getKey() + " was denied but changed data");
            }
        }
        assertThat(wrong).isEmpty();
    }

    private PlaceForm placeForm(long placeId, String name) {
        PlaceForm f = PlaceForm.of(queries.place(placeId).orElseThrow());
        f.nameFi = name;
        return f;
    }

    private PlaceForm newPlaceForm(long area, String muni, long organiser) {
        PlaceForm f = PlaceForm.empty();
        f.kind = "FAMILY_CAFE";
        f.nameFi = Fixtures.unique("Uusi paikka");
        f.areaId = String.valueOf(area);
        f.municipalityCode = muni;
        f.organiserIds.add(String.valueOf(organiser));
        return f;
    }

    @Test
    void placeUpdateInScope() {
        check("PLACE_UPDATE own", Set.of("admin", "countyCoordinator", "areaCoordinator", "associationStaff", "districtStaff"),
                a -> registry.updatePlace(a, placeX, placeForm(placeX, Fixtures.unique("Nimi"))),
                () -> queries.place(placeX).orElseThrow().name());
    }

    @Test
    void placeUpdateOutOfScope() {
        check("PLACE_UPDATE other county", Set.of("admin"),
                a -> registry.updatePlace(a, placeY, placeForm(placeY, Fixtures.unique("Nimi"))),
                () -> queries.place(placeY).orElseThrow().name());
    }

    @Test
    void placeCannotBeMovedOutOfScope() {
        // staff of the association may edit its place, but may not hand it to an organisation outside their scope
        Actor staff = actors.get("associationStaff");
        PlaceForm f = placeForm(placeX, "Siirto");
        f.organiserIds = new ArrayList<>(List.of(String.valueOf(parish)));
        assertThat(attempt(() -> registry.updatePlace(staff, placeX, f))).isFalse();
        assertThat(queries.place(placeX).orElseThrow().organiserIds()).containsExactly(association);
    }

    @Test
    void placeCreate() {
        check("PLACE_CREATE", Set.of("admin", "countyCoordinator", "areaCoordinator", "associationStaff", "districtStaff"),
                a -> registry.createPlace(a, newPlaceForm(areaA1, muniA1, association)),
                () -> queries.placesOfOrganisations(List.of(association), fi.kohtaamo.shared.Lang.FI).size());
    }

    @Test
    void placeDelete() {
        List<String> wrong = new ArrayList<>();
        Set<String> allowed = Set.of("admin", "countyCoordinator", "areaCoordinator");
        for (var e : actors.entrySet()) {
            long id = fx.place(areaA1, muniA1, association);
            boolean went = attempt(() -> registry.deletePlace(e.getValue(), id));
            if (went != allowed.contains(e.getKey())) {
                wrong.add("PLACE_DELETE by " + e.getKey());
            }
            assertThat(queries.place(id).isPresent()).isEqualTo(!went);
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void organisationCreateAndUpdate() {
        check("ORGANISATION_CREATE in county A", Set.of("admin", "countyCoordinator"), a -> {
            OrganisationForm f = new OrganisationForm();
            f.type = "OTHER_NGO";
            f.nameFi = Fixtures.unique("Järjestö");
            f.countyId = String.valueOf(countyA);
            registry.createOrganisation(a, f);
        }, () -> queries.organisations(countyA, fi.kohtaamo.shared.Lang.FI).size());
        check("ORGANISATION_UPDATE in county A", Set.of("admin", "countyCoordinator"), a -> {
            OrganisationForm f = OrganisationForm.of(queries.organisation(parish).orElseThrow());
            f.nameFi = Fixtures.unique("Seurakunta");
            registry.updateOrganisation(a, parish, f);
        }, () -> queries.organisation(parish).orElseThrow().name());
        check("ORGANISATION_UPDATE in county B", Set.of("admin"), a -> {
            OrganisationForm f = OrganisationForm.of(queries.organisation(otherCountyOrg).orElseThrow());
            f.nameFi = Fixtures.unique("Muu");
            registry.updateOrganisation(a, otherCountyOrg, f);
        }, () -> queries.organisation(otherCountyOrg).orElseThrow().name());
    }

    @Test
    void areasAndMunicipalities() {
        check("AREA_CREATE in county A", Set.of("admin", "countyCoordinator"), a -> {
            AreaForm f = new AreaForm();
            f.countyId = String.valueOf(countyA);
            f.nameFi = Fixtures.unique("Alue");
            f.municipalities.add(muniA2);
            registry.createArea(a, f);
        }, () -> queries.areas(countyA).size());
        check("AREA_UPDATE in county B", Set.of("admin"), a -> {
            AreaForm f = AreaForm.of(queries.area(areaB1).orElseThrow());
            f.nameFi = Fixtures.unique("Alue");
            registry.updateArea(a, areaB1, f);
        }, () -> queries.area(areaB1).orElseThrow().name());
        check("MUNICIPALITY_UPDATE in county A", Set.of("admin", "countyCoordinator"), a -> {
            MunicipalityForm f = MunicipalityForm.of(queries.municipality(muniA1).orElseThrow());
            f.nameSv = Fixtures.unique("Kommun");
            registry.updateMunicipality(a, muniA1, f);
        }, () -> queries.municipality(muniA1).orElseThrow().name());
    }

    @Test
    void accountCreation() {
        check("USER_CREATE volunteer at place X", Set.of("admin", "countyCoordinator", "areaCoordinator"), a -> {
            UserForm f = new UserForm();
            f.email = Fixtures.unique("vapaaehtoinen").replace(' ', '.') + "@example.fi";
            f.displayName = "Vapaaehtoinen";
            f.role = "VOLUNTEER";
            f.placeId = String.valueOf(placeX);
            f.password = "pitkä-salasana-123";
            users.create(a, f);
        }, () -> userQueries.inScope(fi.kohtaamo.shared.Scope.ALL).size());
        check("USER_CREATE county coordinator of county B", Set.of("admin"), a -> {
            UserForm f = new UserForm();
            f.email = Fixtures.unique("koordinaattori").replace(' ', '.') + "@example.fi";
            f.displayName = "Koordinaattori";
            f.role = "COUNTY_COORDINATOR";
            f.countyId = String.valueOf(countyB);
            f.password = "pitkä-salasana-123";
            users.create(a, f);
        }, () -> userQueries.inScope(fi.kohtaamo.shared.Scope.ALL).size());
        check("USER_CREATE administrator", Set.of("admin"), a -> {
            UserForm f = new UserForm();
            f.email = Fixtures.unique("admin").replace(' ', '.') + "@example.fi";
            f.displayName = "Admin";
            f.role = "ADMIN";
            f.password = "pitkä-salasana-123";
            users.create(a, f);
        }, () -> userQueries.inScope(fi.kohtaamo.shared.Scope.ALL).size());
    }

    // ---- calendar -------------------------------------------------------------------------------

    static final Set<String> PLACE_X_STAFF = Set.of("admin", "countyCoordinator", "areaCoordinator", "associationStaff",
            "districtStaff");

    private static final Actor SYSTEM = new Actor(9_100_000L, "System", Role.ADMIN, null, Set.of(), null, null, null);

    private ActivityForm activityForm(long place) {
        ActivityForm f = new ActivityForm();
        f.placeId = String.valueOf(place);
        f.kind = "FAMILY_CAFE";
        f.nameFi = Fixtures.unique("Toiminto");
        f.weekdays.add("TUESDAY");
        f.seasonStart = "2027-01-01";
        f.seasonEnd = "2027-05-31";
        f.startTime = "09:30";
        f.endTime = "11:00";
        return f;
    }

    private long activity(long place) {
        return activities.create(SYSTEM, activityForm(place));
    }

    @Test
    void activityCreateUpdateDelete() {
        check("ACTIVITY_CREATE at place X", PLACE_X_STAFF, a -> activities.create(a, activityForm(placeX)),
                () -> activityQueries.activitiesOfPlace(placeX).size());
        check("ACTIVITY_CREATE at place Y (county B)", Set.of("admin"), a -> activities.create(a, activityForm(placeY)),
                () -> activityQueries.activitiesOfPlace(placeY).size());
        long x = activity(placeX);
        check("ACTIVITY_UPDATE at place X", PLACE_X_STAFF, a -> {
            ActivityForm f = ActivityForm.of(activityQueries.activity(x).orElseThrow());
            f.nameFi = Fixtures.unique("Nimi");
            activities.update(a, x, f);
        }, () -> activityQueries.activity(x).orElseThrow().name());
        long y = activity(placeY);
        check("ACTIVITY_UPDATE at place Y (county B)", Set.of("admin"), a -> {
            ActivityForm f = ActivityForm.of(activityQueries.activity(y).orElseThrow());
            f.nameFi = Fixtures.unique("Nimi");
            activities.update(a, y, f);
        }, () -> activityQueries.activity(y).orElseThrow().name());
        List<String> wrong = new ArrayList<>();
        for (var e : actors.entrySet()) {
            long id = activity(placeX);
            boolean went = attempt(() -> activities.delete(e.getValue(), id));
            if (went != PLACE_X_STAFF.contains(e.getKey())) {
                wrong.add("ACTIVITY_DELETE by " + e.getKey());
            }
            assertThat(activityQueries.activity(id).isPresent()).isEqualTo(!went);
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void activityCannotBeMovedOutOfScope() {
        long x = activity(placeX);
        Actor staff = actors.get("associationStaff");
        ActivityForm f = ActivityForm.of(activityQueries.activity(x).orElseThrow());
        f.placeId = String.valueOf(placeY);
        assertThat(attempt(() -> activities.update(staff, x, f))).isFalse();
        assertThat(activityQueries.activity(x).orElseThrow().placeId()).isEqualTo(placeX);
        // naming one's own organisation as the activity's organiser gives no access to another county's place
        Actor parishStaff = actors.get("parishStaff");
        int atY = activityQueries.activitiesOfPlace(placeY).size();
        ActivityForm run = activityForm(placeY);
        run.organiserIds.add(String.valueOf(parish));
        assertThat(attempt(() -> activities.create(parishStaff, run))).isFalse();
        assertThat(activityQueries.activitiesOfPlace(placeY)).hasSize(atY);
        // nor does running an activity let its staff move it to another county's place
        ActivityForm runX = activityForm(placeX);
        runX.organiserIds.add(String.valueOf(parish));
        long ran = activities.create(SYSTEM, runX);
        ActivityForm moved = ActivityForm.of(activityQueries.activity(ran).orElseThrow());
        moved.placeId = String.valueOf(placeY);
        assertThat(attempt(() -> activities.update(parishStaff, ran, moved))).isFalse();
        assertThat(activityQueries.activity(ran).orElseThrow().placeId()).isEqualTo(placeX);
        // but they keep it up to date where it is
        ActivityForm renamed = ActivityForm.of(activityQueries.activity(ran).orElseThrow());
        renamed.nameFi = "Seurakunnan kerho";
        assertThat(attempt(() -> activities.update(parishStaff, ran, renamed))).isTrue();
    }

    @Test
    void occurrenceChangesPausesAndSeasons() {
        long x = activity(placeX);
        check("OCCURRENCE_CHANGE cancel at place X", PLACE_X_STAFF,
                a -> activities.cancelOccurrence(a, x, "2027-01-05",
                        new ActivityService.LocalizedTextForm(Fixtures.unique("Syy"), null, null)),
                () -> activityQueries.changes(List.of(x), java.time.LocalDate.of(2027, 1, 1),
                        java.time.LocalDate.of(2027, 1, 31)).toString());
        check("OCCURRENCE_CHANGE move at place X", PLACE_X_STAFF,
                a -> activities.moveOccurrence(a, x, "2027-01-12", "2027-01-13", null, null,
                        new ActivityService.LocalizedTextForm(Fixtures.unique("Syy"), null, null)),
                () -> activityQueries.changes(List.of(x), java.time.LocalDate.of(2027, 1, 1),
                        java.time.LocalDate.of(2027, 1, 31)).toString());
        check("OCCURRENCE_CHANGE pause at place X", PLACE_X_STAFF,
                a -> activities.pause(a, x, "2027-02-01", "2027-02-14", new ActivityService.LocalizedTextForm(null, null, null)),
                () -> activityQueries.pauses(List.of(x), java.time.LocalDate.of(2027, 1, 1),
                        java.time.LocalDate.of(2027, 12, 31)).toString());
        long y = activity(placeY);
        check("OCCURRENCE_CHANGE cancel at place Y (county B)", Set.of("admin"),
                a -> activities.cancelOccurrence(a, y, "2027-01-05",
                        new ActivityService.LocalizedTextForm(Fixtures.unique("Syy"), null, null)),
                () -> activityQueries.changes(List.of(y), java.time.LocalDate.of(2027, 1, 1),
                        java.time.LocalDate.of(2027, 1, 31)).toString());
        int[] day = {1};
        check("ACTIVITY_UPDATE season of an activity at place X", PLACE_X_STAFF,
                a -> activities.changeSeason(a, List.of(String.valueOf(x)), "2027-08-" + String.format("%02d", day[0]++),
                        "2027-12-20"),
                () -> activityQueries.activity(x).orElseThrow().schedule());
        // all or nothing: one activity outside the scope refuses the whole change
        check("ACTIVITY_UPDATE season at places X and Y", Set.of("admin"),
                a -> activities.changeSeason(a, List.of(String.valueOf(x), String.valueOf(y)),
                        "2027-09-" + String.format("%02d", day[0]++), "2027-12-20"),
                () -> List.of(activityQueries.activity(x).orElseThrow().schedule(),
                        activityQueries.activity(y).orElseThrow().schedule()));
    }

    @Test
    void schoolHolidays() {
        java.util.function.Function<String, SchoolHolidayForm> form = muni -> {
            SchoolHolidayForm f = new SchoolHolidayForm();
            f.municipalityCode = muni;
            f.schoolLanguage = "fi";
            f.start = "2027-02-15";
            f.end = "2027-02-26";
            f.nameFi = Fixtures.unique("Talviloma");
            return f;
        };
        check("SCHOOL_HOLIDAY_MANAGE create in county A", Set.of("admin", "countyCoordinator"),
                a -> activities.createSchoolHoliday(a, form.apply(muniA1)),
                () -> activityQueries.schoolHolidaysOf(List.of(muniA1)).size());
        check("SCHOOL_HOLIDAY_MANAGE create in county B", Set.of("admin"),
                a -> activities.createSchoolHoliday(a, form.apply(muniB1)),
                () -> activityQueries.schoolHolidaysOf(List.of(muniB1)).size());
        long a1 = activities.createSchoolHoliday(SYSTEM, form.apply(muniA1));
        check("SCHOOL_HOLIDAY_MANAGE update in county A", Set.of("admin", "countyCoordinator"),
                a -> activities.updateSchoolHoliday(a, a1, form.apply(muniA1)),
                () -> activityQueries.schoolHoliday(a1).orElseThrow());
        // a coordinator may not move a holiday of their county to another county
        assertThat(attempt(() -> activities.updateSchoolHoliday(actors.get("countyCoordinator"), a1, form.apply(muniB1))))
                .isFalse();
        assertThat(activityQueries.schoolHoliday(a1).orElseThrow().municipalityCode()).isEqualTo(muniA1);
        List<String> wrong = new ArrayList<>();
        for (var e : actors.entrySet()) {
            long id = activities.createSchoolHoliday(SYSTEM, form.apply(muniA1));
            boolean went = attempt(() -> activities.deleteSchoolHoliday(e.getValue(), id));
            if (went != Set.of("admin", "countyCoordinator").contains(e.getKey())) {
                wrong.add("SCHOOL_HOLIDAY delete by " + e.getKey());
            }
            assertThat(activityQueries.schoolHoliday(id).isPresent()).isEqualTo(!went);
        }
        assertThat(wrong).isEmpty();
    }

    // ---- outreach -------------------------------------------------------------------------------

    @Autowired fi.kohtaamo.outreach.internal.OutreachService outreach;
    @Autowired fi.kohtaamo.outreach.internal.OutreachSetup outreachSetup;
    @Autowired fi.kohtaamo.outreach.internal.VisitService visits;
    @Autowired fi.kohtaamo.outreach.internal.OutreachQueries outreachQueries;

    private long outreachSlot(long place, long activity, int day) {
        java.time.LocalDate date = java.time.LocalDate.of(2027, 1, 5).plusWeeks(day);
        java.time.Instant start = date.atTime(9, 30).atZone(java.time.ZoneId.of("Europe/Helsinki")).toInstant();
        return outreachQueries.insertSlot(activity, place, date, start, start.plusSeconds(5400), "PRESENCE", 10, "fi", null,
                false, List.of(), false, java.time.Instant.now());
    }

    @Test
    void outreachCatalogueSlotsBookingAndHosting() {
        Map<String, String> topic = Map.of("code", "t" + System.nanoTime() % 100000, "nameFi", "Aihe", "active", "true");
        check("CATALOGUE_MANAGE in county A", Set.of("admin", "countyCoordinator"),
                a -> outreachSetup.saveItem(a, fi.kohtaamo.outreach.internal.OutreachQueries.Catalogue.TOPIC, countyA, null,
                        Map.of("code", "t" + System.nanoTime(), "nameFi", "Aihe", "active", "true")),
                () -> outreachQueries.items(fi.kohtaamo.outreach.internal.OutreachQueries.Catalogue.TOPIC, countyA).size());
        check("CATALOGUE_MANAGE in county B", Set.of("admin"),
                a -> outreachSetup.saveItem(a, fi.kohtaamo.outreach.internal.OutreachQueries.Catalogue.TOPIC, countyB, null, topic),
                () -> outreachQueries.items(fi.kohtaamo.outreach.internal.OutreachQueries.Catalogue.TOPIC, countyB).size());
        check("CATALOGUE_MANAGE partner in county A", Set.of("admin", "countyCoordinator"),
                a -> outreachSetup.savePartner(a, countyA, Map.of("organisationId", "" + otherCountyOrg, "kind", "NGO")),
                () -> outreachQueries.partners(countyA).toString());

        long x = activity(placeX);
        long y = activity(placeY);
        int[] week = {0};
        check("SLOT_MANAGE open at place X", PLACE_X_STAFF, a -> outreach.openSlots(a, placeX,
                new fi.kohtaamo.outreach.internal.OutreachService.SlotForm("" + x,
                        List.of(java.time.LocalDate.of(2027, 1, 5).plusWeeks(week[0]++).toString()), false, "PRESENCE", "1",
                        List.of(), "fi", null, false)),
                () -> outreachQueries.slotsOfActivity(x, java.time.Instant.EPOCH).size());
        check("SLOT_MANAGE open at place Y (county B)", Set.of("admin"), a -> outreach.openSlots(a, placeY,
                new fi.kohtaamo.outreach.internal.OutreachService.SlotForm("" + y,
                        List.of(java.time.LocalDate.of(2027, 1, 5).plusWeeks(week[0]++).toString()), false, "PRESENCE", "1",
                        List.of(), "fi", null, false)),
                () -> outreachQueries.slotsOfActivity(y, java.time.Instant.EPOCH).size());

        // the parish is a partner in county A and has read the orientation
        outreachSetup.savePartner(SYSTEM, countyA, Map.of("organisationId", "" + parish, "kind", "PARISH_DIACONIA"));
        outreachSetup.saveOrientation(SYSTEM, countyA, Map.of("titleFi", "Perehdytys", "bodyFi", "Teksti"));
        outreachSetup.acknowledge(actors.get("partner"), countyA, "0");
        long profession = outreachSetup.saveItem(SYSTEM, fi.kohtaamo.outreach.internal.OutreachQueries.Catalogue.PROFESSION,
                countyA, null, Map.of("code", "p" + System.nanoTime(), "nameFi", "Diakoni", "active", "true"));
        var booking = new fi.kohtaamo.outreach.internal.OutreachService.BookingForm("" + profession, null, null, null, null,
                true);
        List<String> wrong = new ArrayList<>();
        for (var e : actors.entrySet()) {
            long slot = outreachSlot(placeX, activity(placeX), 1);
            boolean went = attempt(() -> outreach.book(e.getValue(), slot, booking));
            if (went != e.getKey().equals("partner")) {
                wrong.add("VISIT_BOOK by " + e.getKey());
            }
            assertThat(outreachQueries.visitsOfSlot(slot).size()).isEqualTo(went ? 1 : 0);
        }
        for (var e : actors.entrySet()) {
            long slot = outreachSlot(placeX, activity(placeX), 1);
            long visit = outreach.book(actors.get("partner"), slot, booking).visitId();
            boolean went = attempt(() -> visits.confirm(e.getValue(), visit, "0", true));
            if (went != PLACE_X_STAFF.contains(e.getKey())) {
                wrong.add("VISIT_HOST confirm by " + e.getKey());
            }
            assertThat(outreachQueries.visit(visit).orElseThrow().status()).isEqualTo(went ? "CONFIRMED" : "REQUESTED");
        }
        assertThat(wrong).isEmpty();
    }

    // ---- monitoring -----------------------------------------------------------------------------

    @Autowired fi.kohtaamo.monitoring.internal.CountService counts;

    @Test
    void countsAtAPlace() {
        Set<String> mayCount = new java.util.HashSet<>(PLACE_X_STAFF);
        mayCount.add("volunteer");
        List<String> wrong = new ArrayList<>();
        java.time.LocalDate day = java.time.LocalDate.of(2026, 11, 1);
        for (var e : actors.entrySet()) {
            java.time.LocalDate d = day;
            day = day.plusDays(1);
            boolean went = attempt(() -> counts.save(e.getValue(), placeX, 0, d, Map.of("adults", "3", "staff", "1")));
            if (went != mayCount.contains(e.getKey())) {
                wrong.add("COUNT_RECORD at place X by " + e.getKey());
            }
            assertThat(jdbcCount(placeX, d)).isEqualTo(went ? 1 : 0);
        }
        for (var e : actors.entrySet()) {
            java.time.LocalDate d = day;
            day = day.plusDays(1);
            boolean went = attempt(() -> counts.save(e.getValue(), placeY, 0, d, Map.of("adults", "3")));
            if (went != e.getKey().equals("admin")) {
                wrong.add("COUNT_RECORD at place Y (county B) by " + e.getKey());
            }
            assertThat(jdbcCount(placeY, d)).isEqualTo(went ? 1 : 0);
        }
        assertThat(wrong).isEmpty();
    }

    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private long jdbcCount(long place, java.time.LocalDate d) {
        return jdbc.sql("select count(*) from visit_count where place_id = :p and on_date = :d").param("p", place)
                .param("d", d).query(Long.class).single();
    }

    // ---- coordination: weak signals and THL's criteria ---------------------------------------------

    @Autowired fi.kohtaamo.coordination.internal.signals.SignalService signals;
    @Autowired fi.kohtaamo.coordination.internal.criteria.CriteriaService criteria;

    private Map<String, List<String>> signalForm(long theme, long... areas) {
        Map<String, List<String>> f = new LinkedHashMap<>();
        f.put("body", List.of("Jonot kasvaneet"));
        f.put("noticedOn", List.of("2026-11-02"));
        f.put("themeIds", List.of("" + theme));
        f.put("areaIds", java.util.Arrays.stream(areas).mapToObj(String::valueOf).toList());
        return f;
    }

    private long signalCount() {
        return jdbc.sql("select count(*) from weak_signal").query(Long.class).single();
    }

    /** Staff, partners and coordinators record signals about their county's areas; a signal never spans two counties. */
    @Test
    void weakSignalsAreRecordedInTheCountyOfTheActorsOrganisation() {
        long theme = signals.themes(countyA).get(0).id();
        check("record a signal in A1", Set.of("admin", "countyCoordinator", "areaCoordinator", "associationStaff",
                "districtStaff", "parishStaff", "partner"), a -> signals.record(a, signalForm(theme, areaA1)),
                this::signalCount);
        check("record a signal in A1 and B1", Set.of(), a -> signals.record(a, signalForm(theme, areaA1, areaB1)),
                this::signalCount);
    }

    private long assessmentCount() {
        return jdbc.sql("select count(*) from criteria_assessment").query(Long.class).single();
    }

    private final java.util.concurrent.atomic.AtomicInteger year = new java.util.concurrent.atomic.AtomicInteger(2000);

    private Map<String, String> scores() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("year", "" + year.incrementAndGet());
        for (int n = 1; n <= 8; n++) {
            f.put("score" + n, "3");
        }
        return f;
    }

    /** A place's own staff (and those above its organiser) self-assess it and never peer-assess it. */
    @Test
    void peersAreAnotherOrganisationsStaffOfTheCounty() {
        check("self-assess X", Set.of("admin", "countyCoordinator", "areaCoordinator", "associationStaff",
                "districtStaff"), a -> criteria.saveSelf(a, placeX, scores()), this::assessmentCount);
        check("peer-assess X", Set.of("admin", "parishStaff"), a -> criteria.savePeer(a, placeX, scores()),
                this::assessmentCount);
        check("peer-assess Y of county B", Set.of("admin"), a -> criteria.savePeer(a, placeY, scores()),
                this::assessmentCount);
    }

    // ---- coordination ---------------------------------------------------------------------------

    @Autowired fi.kohtaamo.coordination.internal.GroupService coordinationGroups;
    @Autowired fi.kohtaamo.coordination.internal.GroupQueries coordinationGroupQueries;
    @Autowired fi.kohtaamo.coordination.internal.MeetingService coordinationMeetings;
    @Autowired fi.kohtaamo.coordination.internal.MeetingQueries coordinationMeetingQueries;

    /**
     * Access to a group follows its seats: the secretary writes its meetings, a member only reads, and a colleague
     * of the secretary's own organisation who holds no seat neither reads nor writes; coordinators manage the
     * groups of their county (an area coordinator those of their one area); nobody moves a group out of their scope.
     */
    @Test
    void coordinationFollowsMembershipAndNoGroupMovesOutOfScope() {
        java.time.Instant now = java.time.Instant.now();
        long g = coordinationGroupQueries.insertGroup(countyA, "NETWORK", Fixtures.unique("Verkosto"), null, "fi", false,
                List.of(areaA1), now);
        long m = coordinationMeetingQueries.insertMeeting(g, "MEETING", "Kokous", java.time.Instant.parse(
                "2027-01-12T11:00:00Z"), java.time.Instant.parse("2027-01-12T13:00:00Z"), null, null, null, now);
        Map<String, Actor> people = new LinkedHashMap<>();
        people.put("admin", actors.get("admin"));
        people.put("countyCoordinator", actors.get("countyCoordinator"));
        people.put("areaCoordinator", actors.get("areaCoordinator"));
        people.put("otherCountyCoordinator", actor(Role.COUNTY_COORDINATOR, null, countyB, null, null));
        people.put("secretary", new Actor(9_100_001L, "Sihteeri", Role.PROVIDER_STAFF, association,
                registryFacade.organisationWithDescendants(association), null, null, null));
        people.put("member", new Actor(9_100_002L, "Jäsen", Role.PARTNER, parish,
                registryFacade.organisationWithDescendants(parish), null, null, null));
        people.put("colleague", new Actor(9_100_003L, "Kollega", Role.PROVIDER_STAFF, association,
                registryFacade.organisationWithDescendants(association), null, null, null));
        people.put("volunteer", actors.get("volunteer"));
        people.put("nationalReporter", actors.get("nationalReporter"));
        coordinationGroupQueries.insertSeat(g, "SECRETARY", association, 9_100_001L, "Sihteeri", null, null, now);
        coordinationGroupQueries.insertSeat(g, "MEMBER", parish, 9_100_002L, "Jäsen", null, null, now);

        List<String> wrong = new ArrayList<>();
        Set<String> readers = Set.of("admin", "countyCoordinator", "areaCoordinator", "secretary", "member");
        Set<String> writers = Set.of("admin", "countyCoordinator", "areaCoordinator", "secretary");
        Set<String> managers = Set.of("admin", "countyCoordinator", "areaCoordinator");
        for (var e : people.entrySet()) {
            Actor a = e.getValue();
            if (attempt(() -> coordinationGroups.requireRead(a, g)) != readers.contains(e.getKey())) {
                wrong.add("read by " + e.getKey());
            }
            int items = coordinationMeetingQueries.agenda(m).size();
            boolean wrote = attempt(() -> coordinationMeetings.addAgendaItem(a, m,
                    new fi.kohtaamo.coordination.internal.MeetingService.AgendaForm("Asia", null, null, null, null)));
            if (wrote != writers.contains(e.getKey())
                    || coordinationMeetingQueries.agenda(m).size() != items + (wrote ? 1 : 0)) {
                wrong.add("agenda by " + e.getKey() + ": " + (wrote ? "allowed" : "denied"));
            }
            int seats = coordinationGroupQueries.seats(g).size();
            boolean seated = attempt(() -> coordinationGroups.saveSeat(a, g, null,
                    new fi.kohtaamo.coordination.internal.GroupService.SeatForm("MEMBER", "" + parish, null, null, null,
                            null)));
            if (seated != managers.contains(e.getKey()) || coordinationGroupQueries.seats(g).size() != seats + (seated ? 1 : 0)) {
                wrong.add("seat by " + e.getKey() + ": " + (seated ? "allowed" : "denied"));
            }
        }
        assertThat(wrong).isEmpty();

        // moves: into another county's area (refused as a choice), to two areas or the whole county by an area
        // coordinator (out of their scope); the group stays as it was
        var before = coordinationGroupQueries.group(g).orElseThrow();
        long areaA2 = registryFacade.areas(countyA).stream().map(Registry.Ref::id).filter(x -> x != areaA1).findFirst()
                .orElseThrow();
        var toOtherCounty = new fi.kohtaamo.coordination.internal.GroupService.GroupForm(null, "NETWORK", before.name(),
                null, "fi", false, List.of("" + areaB1), "" + before.version());
        assertThatThrownBy(() -> coordinationGroups.saveGroup(actors.get("countyCoordinator"), g, toOtherCounty))
                .isInstanceOf(KohtaamoException.Invalid.class);
        var twoAreas = new fi.kohtaamo.coordination.internal.GroupService.GroupForm(null, "NETWORK", before.name(), null,
                "fi", false, List.of("" + areaA1, "" + areaA2), "" + before.version());
        assertThatThrownBy(() -> coordinationGroups.saveGroup(actors.get("areaCoordinator"), g, twoAreas))
                .isInstanceOf(KohtaamoException.Forbidden.class);
        var countyGroup = new fi.kohtaamo.coordination.internal.GroupService.GroupForm("" + countyA, "COUNTY_GROUP",
                "Koordinaatioryhmä", null, "fi", false, List.of(), null);
        assertThatThrownBy(() -> coordinationGroups.saveGroup(actors.get("areaCoordinator"), null, countyGroup))
                .isInstanceOf(KohtaamoException.Forbidden.class);
        assertThat(coordinationGroupQueries.group(g).orElseThrow()).isEqualTo(before);
        assertThat(coordinationGroupQueries.areas(g)).containsExactly(areaA1);
    }
}
