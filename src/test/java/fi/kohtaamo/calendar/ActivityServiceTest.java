package fi.kohtaamo.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import fi.kohtaamo.calendar.internal.ActivityForm;
import fi.kohtaamo.calendar.internal.ActivityQueries;
import fi.kohtaamo.calendar.internal.ActivityService;
import fi.kohtaamo.calendar.internal.CalendarFilter;
import fi.kohtaamo.calendar.internal.CalendarService;
import fi.kohtaamo.calendar.internal.rules.Occurrence;
import fi.kohtaamo.registry.OrganisationType;
import fi.kohtaamo.registry.Registry;
import fi.kohtaamo.shared.Actor;
import fi.kohtaamo.shared.KohtaamoException;
import fi.kohtaamo.shared.LocalizedText;
import fi.kohtaamo.shared.Role;
import fi.kohtaamo.support.Fixtures;
import fi.kohtaamo.support.IntegrationTest;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Activities stored as rules on the real database, and planned into occurrences with holidays and changes. */
@IntegrationTest
class ActivityServiceTest {

    @Autowired Fixtures fx;
    @Autowired ActivityService activities;
    @Autowired ActivityQueries queries;
    @Autowired CalendarService calendar;
    @Autowired Registry registry;

    long county, area, org, otherOrg, place;
    String muni;
    Actor staff, otherStaff;

    @BeforeEach
    void world() {
        county = fx.county();
        muni = fx.municipality(county);
        area = fx.area(county, muni);
        org = fx.organisation(OrganisationType.MLL_ASSOCIATION, null, county);
        otherOrg = fx.organisation(OrganisationType.PARISH, null, county);
        place = fx.place(area, muni, org);
        staff = new Actor(1, "Staff", Role.PROVIDER_STAFF, org, registry.organisationWithDescendants(org), county, null, null);
        otherStaff = new Actor(2, "Other", Role.PROVIDER_STAFF, otherOrg, registry.organisationWithDescendants(otherOrg),
                county, null, null);
    }

    ActivityForm tuesdays() {
        ActivityForm f = new ActivityForm();
        f.placeId = String.valueOf(place);
        f.kind = "FAMILY_CAFE";
        f.nameFi = Fixtures.unique("Perhekahvila");
        f.scheduleKind = "WEEKLY";
        f.weekdays.add("TUESDAY");
        f.seasonStart = "2027-01-01";
        f.seasonEnd = "2027-05-31";
        f.startTime = "9.30";
        f.endTime = "11:30";
        f.languages.add("fi");
        return f;
    }

    @Test
    void aWeeklyActivityIsStoredAsARuleAndPlannedWithHolidays() {
        long id = activities.create(staff, tuesdays());
        ActivityQueries.Activity a = queries.activity(id).orElseThrow();
        assertThat(a.schedule().durationMinutes()).isEqualTo(120);
        List<CalendarService.Entry> entries = calendar.occurrences(CalendarFilter.ALL.withPlace(place),
                LocalDate.of(2027, 1, 1), LocalDate.of(2027, 5, 31));
        // 21 Tuesdays from 5.1. to 25.5.2027
        assertThat(entries).hasSize(21);
        assertThat(entries.get(0).occurrence().start().toString()).isEqualTo("2027-01-05T09:30+02:00[Europe/Helsinki]");
        // Tuesdays after the DST change keep 9.30 local time
        assertThat(entries.get(20).occurrence().start().toString()).isEqualTo("2027-05-25T09:30+03:00[Europe/Helsinki]");
    }

    @Test
    void holidaysCancelByDefaultAndStaffCanCancelOrMoveOne() {
        ActivityForm f = tuesdays();
        f.weekdays.set(0, "MONDAY");
        long id = activities.create(staff, f);
        // Easter Monday 2027 is 29.3.
        var easter = calendar.occurrences(CalendarFilter.ALL.withPlace(place), LocalDate.of(2027, 3, 29),
                LocalDate.of(2027, 3, 29));
        assertThat(easter).singleElement().satisfies(e -> {
            assertThat(e.occurrence().status()).isEqualTo(Occurrence.Status.CANCELLED);
            assertThat(e.occurrence().reason().text().en()).isEqualTo("Easter Monday");
        });
        activities.cancelOccurrence(staff, id, "2027-02-15",
                new ActivityService.LocalizedTextForm("Ohjaaja sairastui", "Ledaren är sjuk", null));
        var cancelled = calendar.occurrences(CalendarFilter.ALL.withPlace(place), LocalDate.of(2027, 2, 15),
                LocalDate.of(2027, 2, 15));
        assertThat(cancelled).singleElement().satisfies(e -> {
            assertThat(e.occurrence().status()).isEqualTo(Occurrence.Status.CANCELLED);
            assertThat(e.occurrence().reason().text()).isEqualTo(LocalizedText.of("Ohjaaja sairastui", "Ledaren är sjuk", null));
        });
        activities.moveOccurrence(staff, id, "2027-02-22", "2027-02-24", "17:00", "18:30",
                new ActivityService.LocalizedTextForm("Iltakerta", null, null));
        var moved = calendar.occurrences(CalendarFilter.ALL.withPlace(place), LocalDate.of(2027, 2, 22),
                LocalDate.of(2027, 2, 28));
        assertThat(moved).singleElement().satisfies(e -> {
            assertThat(e.occurrence().status()).isEqualTo(Occurrence.Status.MOVED);
            assertThat(e.occurrence().start().toLocalDateTime().toString()).isEqualTo("2027-02-24T17:00");
        });
        // a date that is not an occurrence cannot be cancelled
        var e = catchThrowableOfType(KohtaamoException.Invalid.class, () -> activities.cancelOccurrence(staff, id,
                "2027-02-16", new ActivityService.LocalizedTextForm("x", null, null)));
        assertThat(e.errors().all()).extracting(x -> x.messageKey()).containsExactly("validation.notAnOccurrence");
    }

    @Test
    void staffOfAnotherOrganisationCannotTouchTheActivity() {
        long id = activities.create(staff, tuesdays());
        var before = queries.activity(id).orElseThrow();
        ActivityForm change = ActivityForm.of(before);
        change.nameFi = "Kaapattu";
        assertThat(catchThrowableOfType(KohtaamoException.Forbidden.class,
                () -> activities.update(otherStaff, id, change))).isNotNull();
        assertThat(catchThrowableOfType(KohtaamoException.Forbidden.class, () -> activities.cancelOccurrence(otherStaff,
                id, "2027-01-05", new ActivityService.LocalizedTextForm("x", null, null)))).isNotNull();
        assertThat(catchThrowableOfType(KohtaamoException.Forbidden.class, () -> activities.delete(otherStaff, id)))
                .isNotNull();
        assertThat(queries.activity(id).orElseThrow()).isEqualTo(before);
        // creating at a place of another organisation is refused too
        ActivityForm elsewhere = tuesdays();
        assertThat(catchThrowableOfType(KohtaamoException.Invalid.class, () -> activities.create(otherStaff, elsewhere))
                .errors().all()).extracting(x -> x.messageKey()).containsExactly("validation.outOfScope");
    }

    @Test
    void badSchedulesGetMessagesAndStoreNothing() {
        long before = queries.countActivities();
        ActivityForm f = tuesdays();
        f.weekdays.clear();
        f.seasonEnd = "2026-12-01";
        f.endTime = "08:00";
        var e = catchThrowableOfType(KohtaamoException.Invalid.class, () -> activities.create(staff, f));
        assertThat(e.errors().all()).extracting(x -> x.field() + ":" + x.messageKey())
                .contains("weekdays:schedule.weekdaysRequired", "endTime:validation.closesBeforeOpens");
        assertThat(queries.countActivities()).isEqualTo(before);
    }
}
