package fi.kohtaamo.outreach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import fi.kohtaamo.calendar.internal.ActivityForm;
import fi.kohtaamo.calendar.internal.ActivityService;
import fi.kohtaamo.calendar.internal.CalendarFilter;
import fi.kohtaamo.calendar.internal.CalendarService;
import fi.kohtaamo.outreach.internal.OutreachQueries;
import fi.kohtaamo.outreach.internal.OutreachService;
import fi.kohtaamo.registry.OrganisationType;
import fi.kohtaamo.registry.Registry;
import fi.kohtaamo.shared.Actor;
import fi.kohtaamo.shared.KohtaamoException;
import fi.kohtaamo.shared.LocalizedText;
import fi.kohtaamo.shared.Role;
import fi.kohtaamo.support.Fixtures;
import fi.kohtaamo.support.IntegrationTest;
import fi.kohtaamo.support.WebClient;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Outreach on the real database: opening slots on occurrences, booking with the checks and
 * warnings, never more visitors than a slot allows (also when partners book at the same moment),
 * confirmed visits in the public calendar and its feed, mail to both sides, and who sees what.
 * The test clock is 2026-11-25T08:00Z (a Wednesday).
 */
@IntegrationTest
class OutreachTest {

    @Autowired Fixtures fx;
    @Autowired ActivityService activities;
    @Autowired OutreachService outreach;
    @Autowired fi.kohtaamo.outreach.internal.OutreachSetup outreachSetup;
    @Autowired fi.kohtaamo.outreach.internal.VisitService visits;
    @Autowired OutreachQueries queries;
    @Autowired CalendarService calendar;
    @Autowired Registry registry;
    @Autowired JdbcClient jdbc;
    @Autowired fi.kohtaamo.outreach.OutreachFigures outreachFigures;
    @Autowired fi.kohtaamo.monitoring.internal.ReportService reports;
    @LocalServerPort int port;

    long county, area, host, partnerOrg, otherPartnerOrg, place, activity, profession, topic, otherTopic;
    String muni;
    Actor staff, otherStaff, partner, otherPartner, unregistered, coordinator;

    static final LocalDate MONDAY = LocalDate.of(2026, 11, 30);
    /** Actor ids of their own per test, so that one test's professional is not busy in another's visits. */
    static final java.util.concurrent.atomic.AtomicLong IDS = new java.util.concurrent.atomic.AtomicLong(1_000_000);

    @BeforeEach
    void world() {
        county = fx.county();
        muni = fx.municipality(county);
        area = fx.area(county, muni);
        host = fx.organisation(OrganisationType.MLL_ASSOCIATION, null, county);
        long otherHost = fx.organisation(OrganisationType.PARISH, null, county);
        partnerOrg = fx.organisation(OrganisationType.WELLBEING_COUNTY, null, county);
        otherPartnerOrg = fx.organisation(OrganisationType.OTHER_NGO, null, county);
        long stranger = fx.organisation(OrganisationType.OTHER_NGO, null, county);
        place = fx.place(area, muni, host);
        staff = new Actor(IDS.incrementAndGet(), "Staff", Role.PROVIDER_STAFF, host, registry.organisationWithDescendants(host), null, null, null);
        otherStaff = new Actor(IDS.incrementAndGet(), "Other", Role.PROVIDER_STAFF, otherHost, registry.organisationWithDescendants(otherHost),
                null, null, null);
        partner = new Actor(IDS.incrementAndGet(), "Nelli", Role.PARTNER, partnerOrg, registry.organisationWithDescendants(partnerOrg), null, null, null);
        otherPartner = new Actor(IDS.incrementAndGet(), "Jonna", Role.PARTNER, otherPartnerOrg,
                registry.organisationWithDescendants(otherPartnerOrg), null, null, null);
        unregistered = new Actor(IDS.incrementAndGet(), "Ulla", Role.PARTNER, stranger, registry.organisationWithDescendants(stranger), null, null, null);
        coordinator = new Actor(IDS.incrementAndGet(), "Kaisa", Role.COUNTY_COORDINATOR, null, java.util.Set.of(), county, null, null);
        outreachSetup.savePartner(coordinator, county, Map.of("organisationId", "" + partnerOrg, "kind", "WELLBEING_SERVICES"));
        outreachSetup.savePartner(coordinator, county, Map.of("organisationId", "" + otherPartnerOrg, "kind", "NGO"));
        profession = outreachSetup.saveItem(coordinator, OutreachQueries.Catalogue.PROFESSION, county, null,
                Map.of("code", "public_health_nurse", "nameFi", "Neuvolan terveydenhoitaja", "nameSv", "Hälsovårdare",
                        "nameEn", "Public health nurse", "active", "true"));
        topic = outreachSetup.saveItem(coordinator, OutreachQueries.Catalogue.TOPIC, county, null,
                Map.of("code", "sleep", "nameFi", "unipulmat", "nameSv", "sömnproblem", "nameEn", "sleep problems",
                        "active", "true"));
        otherTopic = outreachSetup.saveItem(coordinator, OutreachQueries.Catalogue.TOPIC, county, null,
                Map.of("code", "teeth", "nameFi", "lasten hampaat", "active", "true"));
        outreachSetup.saveOrientation(coordinator, county, Map.of("titleFi", "Perehdytys", "bodyFi", "Tervetuloa."));
        outreachSetup.acknowledge(partner, county, "0");
        outreachSetup.acknowledge(otherPartner, county, "0");
        ActivityForm f = new ActivityForm();
        f.placeId = String.valueOf(place);
        f.kind = "FAMILY_CAFE";
        f.nameFi = Fixtures.unique("Perhekahvila");
        f.scheduleKind = "WEEKLY";
        f.weekdays.add("MONDAY");
        f.weekdays.add("TUESDAY");
        f.seasonStart = "2026-08-10";
        f.seasonEnd = "2027-05-31";
        f.startTime = "9.30";
        f.endTime = "11:30";
        f.languages.add("fi");
        activity = activities.create(staff, f);
    }

    long openSlot(LocalDate date, int capacity, boolean auto) {
        OutreachService.Opened o = outreach.openSlots(staff, place, new OutreachService.SlotForm("" + activity,
                List.of(date.toString()), false, "TALK", "" + capacity, List.of("" + topic), "fi", "Tilaa 15 hengelle",
                auto));
        assertThat(o.opened()).isEqualTo(1);
        return queries.slotIdOf(activity, date).orElseThrow();
    }

    OutreachService.BookingForm booking(long topicId) {
        return new OutreachService.BookingForm("" + profession, "" + topicId, null, "nelli@example.fi", "Tulen mielelläni", false);
    }

    long mailCount() {
        return jdbc.sql("select count(*) from mail_message").query(Long.class).single();
    }

    @Test
    void aPartnerBooksThePlaceConfirmsAndTheVisitShowsInTheCalendarFeedAndMail() throws Exception {
        long slot = openSlot(MONDAY, 1, false);
        long mailsBefore = mailCount();
        OutreachService.Outcome booked = outreach.book(partner, slot, booking(topic));
        assertThat(booked.warnings()).isEmpty();
        OutreachQueries.Visit v = queries.visit(booked.visitId()).orElseThrow();
        assertThat(v.status()).isEqualTo("REQUESTED");
        assertThat(v.professionalName()).isEqualTo("Nelli");
        assertThat(v.professionalEmail()).isEqualTo("nelli@example.fi");
        // a requested visit is not public yet
        assertThat(notesOn(MONDAY)).isEmpty();

        visits.confirm(staff, v.id(), "0", false);
        assertThat(queries.visit(v.id()).orElseThrow().status()).isEqualTo("CONFIRMED");
        assertThat(notesOn(MONDAY)).extracting(LocalizedText::fi).containsExactly("Neuvolan terveydenhoitaja paikalla: unipulmat");
        assertThat(notesOn(MONDAY)).extracting(LocalizedText::en).containsExactly("Public health nurse visiting: sleep problems");
        assertThat(notesOn(MONDAY.plusDays(1))).isEmpty();

        WebClient web = new WebClient(port);
        String feed = web.get("/places/" + place + "/calendar.ics").body().replace("\r\n ", "");
        assertThat(feed).contains("SUMMARY:" + "Perhekahvila").contains("Neuvolan terveydenhoitaja paikalla: unipulmat")
                .contains("UID:activity-" + activity + "-20261130@");
        String json = web.get("/api/v1/occurrences?place=" + place + "&start=2026-11-30&end=2026-11-30").body();
        assertThat(json).contains("Neuvolan terveydenhoitaja paikalla: unipulmat");
        String page = web.get("/calendar?place=" + place + "&date=2026-11-30&lang=en").body();
        assertThat(org.jsoup.Jsoup.parse(page).select("li.occurrence .occ-note").text())
                .isEqualTo("Public health nurse visiting: sleep problems");
        String widget = web.get("/widget/calendar?place=" + place + "&date=2026-11-30&days=1&lang=sv").body();
        assertThat(org.jsoup.Jsoup.parse(widget).select(".kw-note").text()).isEqualTo("Hälsovårdare på plats: sömnproblem");
        byte[] poster = web.getBytes("/calendar/poster.pdf?place=" + place + "&week=2026-W49&lang=fi");
        try (var doc = org.apache.pdfbox.Loader.loadPDF(poster)) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(doc).replaceAll("\\s+", " "))
                    .contains("Neuvolan terveydenhoitaja paikalla: unipulmat");
        }

        // in the outreach figures that the monitoring reports show (once the month has ended): one visit by a public
        // health nurse on sleep
        var figures = outreachFigures.visits(List.of(place), MONDAY, MONDAY);
        assertThat(figures.total()).isEqualTo(1);
        assertThat(figures.byProfession()).extracting(t -> t.name().fi()).containsExactly("Neuvolan terveydenhoitaja");
        assertThat(figures.byTopic()).extracting(t -> t.name().en()).containsExactly("sleep problems");

        // requested and confirmed: both told, with an invitation carrying the visit's UID
        List<Map<String, Object>> mails = jdbc.sql("select subject, ics, ics_method from mail_message "
                + "where to_address = 'nelli@example.fi' and ics like :uid order by id")
                .param("uid", "%UID:visit-" + v.id() + "@%").query().listOfRows();
        assertThat(mails).hasSize(2);
        assertThat(mails.get(0).get("subject").toString()).startsWith("Vierailupyyntö:");
        assertThat(mailCount()).isGreaterThan(mailsBefore);
        assertThat(mails.get(mails.size() - 1).get("ics").toString()).contains("UID:visit-" + v.id() + "@")
                .contains("METHOD:REQUEST").contains("STATUS:CONFIRMED");
    }

    List<LocalizedText> notesOn(LocalDate d) {
        return calendar.occurrences(CalendarFilter.ALL.withPlace(place), d, d).stream()
                .flatMap(e -> e.notes().stream()).toList();
    }

    @Test
    void conflictingActionsGiveAClearMessageAndChangeNothing() {
        long slot = openSlot(MONDAY, 1, true);
        // without orientation
        outreachSetup.savePartner(coordinator, county, Map.of("organisationId", "" + unregistered.organisationId(),
                "kind", "NGO"));
        assertThat(errorOf(() -> outreach.book(unregistered, slot, booking(topic)))).isEqualTo("outreach.error.orientationFirst");
        // a talk needs a topic; an unknown profession is refused
        assertThat(catchThrowableOfType(KohtaamoException.Invalid.class, () -> outreach.book(partner, slot,
                new OutreachService.BookingForm("999999", "", null, "not-an-email", null, false))).errors().all())
                .extracting(e -> e.field()).contains("professionId", "topicId", "professionalEmail");
        long visit = outreach.book(partner, slot, booking(topic)).visitId();
        assertThat(queries.visit(visit).orElseThrow().status()).isEqualTo("CONFIRMED");
        // full
        assertThat(errorOf(() -> outreach.book(otherPartner, slot, booking(topic)))).isEqualTo("outreach.error.full");
        // cancel twice
        visits.cancel(partner, visit, "0", "Sairastuin");
        assertThat(errorOf(() -> visits.cancel(partner, visit, "1", "Uudestaan"))).isEqualTo("outreach.error.notActive");
        // a cancelled slot cannot be booked
        outreach.cancelSlot(staff, slot, "0", "Tila remontissa");
        assertThat(errorOf(() -> outreach.book(otherPartner, slot, booking(topic)))).isEqualTo("outreach.error.slotCancelled");
        assertThat(queries.visitsOfSlot(slot)).hasSize(1);
        // the past: a slot on an occurrence that has begun
        long past = queries.insertSlot(activity, place, LocalDate.of(2026, 11, 24),
                Instant.parse("2026-11-24T07:30:00Z"), Instant.parse("2026-11-24T09:30:00Z"), "TALK", 1, "fi", null,
                false, List.of(), false, Instant.now());
        assertThat(errorOf(() -> outreach.book(partner, past, booking(topic)))).isEqualTo("outreach.error.past");
        // opening a slot on a date the activity does not run
        assertThat(catchThrowableOfType(KohtaamoException.Invalid.class, () -> outreach.openSlots(staff, place,
                new OutreachService.SlotForm("" + activity, List.of("2026-12-02"), false, "TALK", "1", List.of(), "fi",
                        null, false))).errors().all()).extracting(e -> e.messageKey())
                .contains("outreach.validation.notAComingOccurrence");
        assertThat(queries.visitsOfSlot(past)).isEmpty();
    }

    String errorOf(Runnable r) {
        return catchThrowableOfType(KohtaamoException.Invalid.class, r::run).errors().all().get(0).messageKey();
    }

    @Test
    void warningsComeBeforeBookingAndNothingIsStoredUntilAccepted() {
        long first = openSlot(MONDAY, 1, true);
        long second = openSlot(MONDAY.plusDays(1), 1, true);
        outreach.book(otherPartner, first, booking(topic));
        OutreachService.Outcome o = outreach.book(partner, second, booking(topic));
        assertThat(o.visitId()).isNull();
        assertThat(o.warnings()).extracting(w -> w.key()).containsExactly("outreach.warning.sameTopic");
        assertThat(queries.visitsOfSlot(second)).isEmpty();
        OutreachService.Outcome other = outreach.book(partner, second, booking(otherTopic));
        assertThat(other.visitId()).isNotNull();
        assertThat(queries.visit(other.visitId()).orElseThrow().status()).isEqualTo("CONFIRMED");
        // accepted warnings: stored
        long third = openSlot(MONDAY.plusDays(7), 1, true);
        OutreachService.BookingForm anyway = new OutreachService.BookingForm("" + profession, "" + topic, null, null, null, true);
        assertThat(outreach.book(partner, third, anyway).visitId()).isNotNull();
    }

    @Test
    void partnersSeeOnlyTheirOwnVisitsAndPlacesOnlyTheirs() {
        long slot = openSlot(MONDAY, 2, false);
        long mine = outreach.book(partner, slot, booking(topic)).visitId();
        assertThat(visits.visitFor(partner, mine).side()).isEqualTo(fi.kohtaamo.outreach.internal.VisitService.Side.PARTNER);
        assertThat(visits.visitFor(staff, mine).side()).isEqualTo(fi.kohtaamo.outreach.internal.VisitService.Side.HOST);
        assertThat(visits.visitFor(coordinator, mine).side()).isEqualTo(fi.kohtaamo.outreach.internal.VisitService.Side.HOST);
        catchThrowableOfType(KohtaamoException.NotFound.class, () -> visits.visitFor(otherPartner, mine));
        catchThrowableOfType(KohtaamoException.NotFound.class, () -> visits.visitFor(otherStaff, mine));
        catchThrowableOfType(KohtaamoException.NotFound.class, () -> visits.confirm(otherStaff, mine, "0", true));
        catchThrowableOfType(KohtaamoException.Forbidden.class, () -> visits.confirm(partner, mine, "0", true));
        catchThrowableOfType(KohtaamoException.Forbidden.class, () -> outreach.openSlots(otherStaff, place,
                new OutreachService.SlotForm("" + activity, List.of(MONDAY.plusDays(1).toString()), false, "TALK", "1",
                        List.of(), "fi", null, false)));
        // an organisation that is not a partner in the county does not even see the slot
        catchThrowableOfType(KohtaamoException.NotFound.class, () -> outreach.slotForPartner(unregistered, slot));
        assertThat(visits.visitsFor(otherPartner, Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2028-01-01T00:00:00Z")))
                .extracting(OutreachQueries.Visit::id).doesNotContain(mine);
        assertThat(queries.visit(mine).orElseThrow().status()).isEqualTo("REQUESTED");
        // the slot still has room, but its booker is not offered it again; the other partner is
        var search = new OutreachService.SlotSearch(null, null, null, null, null, null);
        assertThat(outreach.findSlots(partner, search, new java.util.HashMap<>())).extracting(OutreachQueries.Slot::id)
                .doesNotContain(slot);
        assertThat(outreach.findSlots(otherPartner, search, new java.util.HashMap<>())).extracting(OutreachQueries.Slot::id)
                .contains(slot);
    }

    @Test
    void aSlotNeverTakesMoreVisitorsThanItAllowsEvenWhenPartnersBookAtOnce() throws Exception {
        long slot = openSlot(MONDAY, 1, true);
        List<Actor> partners = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            long org = fx.organisation(OrganisationType.OTHER_NGO, null, county);
            outreachSetup.savePartner(coordinator, county, Map.of("organisationId", "" + org, "kind", "NGO"));
            Actor a = new Actor(IDS.incrementAndGet(), "P" + i, Role.PARTNER, org, registry.organisationWithDescendants(org), null, null, null);
            outreachSetup.acknowledge(a, county, "0");
            partners.add(a);
        }
        ExecutorService pool = Executors.newFixedThreadPool(partners.size());
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        for (Actor a : partners) {
            results.add(pool.submit(() -> {
                start.await();
                try {
                    return outreach.book(a, slot, booking(topic)).visitId() != null;
                } catch (KohtaamoException.Invalid e) {
                    return false;
                }
            }));
        }
        start.countDown();
        int booked = 0;
        for (Future<Boolean> r : results) {
            if (r.get()) {
                booked++;
            }
        }
        pool.shutdown();
        assertThat(booked).isEqualTo(1);
        assertThat(queries.visitsOfSlot(slot)).hasSize(1);
    }

    @Autowired fi.kohtaamo.outreach.internal.ProposalService proposals;
    @Autowired fi.kohtaamo.outreach.internal.VisitReminders reminders;

    @Test
    void aProposalToTheAreaIsAcceptedOnceByAPlaceThere() {
        Map<String, String> form = new java.util.HashMap<>(Map.of("areaId", "" + area, "professionId", "" + profession,
                "topicId", "" + topic, "format", "TALK", "language", "fi", "fromDate", "2026-11-30", "toDate", "2026-12-08",
                "professionalEmail", "nelli@example.fi"));
        // the past, a reversed period and a foreign area are refused
        Map<String, String> bad = new java.util.HashMap<>(form);
        bad.put("fromDate", "2026-11-01");
        bad.put("toDate", "2026-10-01");
        assertThat(catchThrowableOfType(KohtaamoException.Invalid.class, () -> proposals.propose(partner, bad)).errors().all())
                .extracting(e -> e.messageKey()).contains("outreach.validation.notPast", "outreach.validation.toBeforeFrom");
        long id = proposals.propose(partner, form);
        assertThat(proposals.proposalsFor(staff)).extracting(OutreachQueries.Proposal::id).contains(id);
        assertThat(proposals.proposalsFor(otherPartner)).extracting(OutreachQueries.Proposal::id).doesNotContain(id);
        var choices = proposals.choices(staff, proposals.proposalFor(staff, id));
        // Mondays and Tuesdays from 30.11. to 8.12.: four occurrences
        assertThat(choices).extracting(c -> c.occurrence().originalDate().toString())
                .containsExactly("2026-11-30", "2026-12-01", "2026-12-07", "2026-12-08");
        long visit = proposals.accept(staff, id, activity + ":2026-12-01", false).visitId();
        OutreachQueries.Visit v = queries.visit(visit).orElseThrow();
        assertThat(v.status()).isEqualTo("CONFIRMED");
        assertThat(v.partnerOrgId()).isEqualTo(partnerOrg);
        assertThat(queries.proposal(id).orElseThrow().status()).isEqualTo("ACCEPTED");
        assertThat(notesOn(LocalDate.of(2026, 12, 1))).extracting(LocalizedText::fi)
                .containsExactly("Neuvolan terveydenhoitaja paikalla: unipulmat");
        assertThat(errorOf(() -> proposals.accept(staff, id, activity + ":2026-12-07", true))).isEqualTo("outreach.error.proposalClosed");
        catchThrowableOfType(KohtaamoException.NotFound.class, () -> proposals.accept(otherStaff, id, activity + ":2026-12-07", true));
        assertThat(queries.visitsOfSlot(queries.slotIdOf(activity, LocalDate.of(2026, 12, 7)).orElse(-1L))).isEmpty();
    }

    @Test
    void visitsFollowTheCalendarWhenAnOccurrenceMovesOrIsCancelled() {
        long moved = openSlot(MONDAY, 1, true);
        long movedVisit = outreach.book(partner, moved, booking(topic)).visitId();
        long cancelled = openSlot(MONDAY.plusDays(7), 1, true);
        long cancelledVisit = outreach.book(partner, cancelled, booking(otherTopic)).visitId();

        activities.moveOccurrence(staff, activity, MONDAY.toString(), "2026-12-02", "10.00", "12.00",
                new ActivityService.LocalizedTextForm("Tila varattu maanantaina", null, null));
        OutreachQueries.Slot slot = queries.slot(moved).orElseThrow();
        assertThat(slot.startsAt()).isEqualTo(Instant.parse("2026-12-02T08:00:00Z"));
        OutreachQueries.Visit v = queries.visit(movedVisit).orElseThrow();
        assertThat(v.status()).isEqualTo("CONFIRMED");
        assertThat(v.version()).isEqualTo(1);
        String changed = jdbc.sql("select ics from mail_message where to_address = 'nelli@example.fi' and subject like 'Vierailun aika muuttui%' "
                + "and ics like :uid").param("uid", "%UID:visit-" + movedVisit + "@%").query(String.class).single();
        assertThat(changed).contains("SEQUENCE:1").contains("DTSTART:20261202T080000Z");
        // the public note moved with it
        assertThat(notesOn(LocalDate.of(2026, 12, 2))).extracting(LocalizedText::fi)
                .containsExactly("Neuvolan terveydenhoitaja paikalla: unipulmat");

        activities.cancelOccurrence(staff, activity, MONDAY.plusDays(7).toString(),
                new ActivityService.LocalizedTextForm("Ohjaaja sairas", null, null));
        assertThat(queries.slot(cancelled).orElseThrow().status()).isEqualTo("CANCELLED");
        OutreachQueries.Visit c = queries.visit(cancelledVisit).orElseThrow();
        assertThat(c.status()).isEqualTo("CANCELLED");
        assertThat(c.cancelledBy()).isEqualTo("PLACE");
        assertThat(jdbc.sql("select ics from mail_message where ics like :uid and ics_method = 'CANCEL'")
                .param("uid", "%UID:visit-" + cancelledVisit + "@%").query(String.class).list()).isNotEmpty();
    }

    @Test
    void bothSidesAreRemindedTheDayBeforeOnce() {
        long slot = queries.insertSlot(activity, place, LocalDate.of(2026, 11, 26), Instant.parse("2026-11-26T07:30:00Z"),
                Instant.parse("2026-11-26T09:30:00Z"), "TALK", 1, "fi", null, true, List.of(), false, Instant.now());
        long visit = queries.insertVisit(slot, partnerOrg, profession, topic, null, "Nelli", "nelli@example.fi", null, null,
                "CONFIRMED", false, Instant.now());
        reminders.run();
        reminders.run();
        List<String> subjects = jdbc.sql("select subject from mail_message where to_address = 'nelli@example.fi' "
                + "and ics like :uid").param("uid", "%UID:visit-" + visit + "@%").query(String.class).list();
        assertThat(subjects).hasSize(1);
        assertThat(subjects.get(0)).startsWith("Muistutus huomisesta vierailusta:");
    }

    @Autowired fi.kohtaamo.identity.internal.UserService users;

    @Test
    void aCoordinatorGivesAPartnerAnAccountThatCanBook() {
        fi.kohtaamo.identity.internal.UserForm f = new fi.kohtaamo.identity.internal.UserForm();
        f.email = Fixtures.unique("terveydenhoitaja").replace(' ', '.') + "@example.fi";
        f.displayName = "Terhi Terveydenhoitaja";
        f.role = "PARTNER";
        f.organisationId = String.valueOf(partnerOrg);
        f.password = "pitkä-salasana-123";
        long id = users.create(coordinator, f);
        Actor account = new Actor(id, "Terhi Terveydenhoitaja", Role.PARTNER, partnerOrg,
                registry.organisationWithDescendants(partnerOrg), null, null, null);
        long slot = openSlot(MONDAY, 1, true);
        OutreachService.Outcome o = outreach.book(account, slot, booking(topic));
        assertThat(queries.visit(o.visitId()).orElseThrow().professionalUserId()).isEqualTo(id);
        // the account's own mail: the confirmation with its invitation, readable in Kohtaamo
        assertThat(jdbc.sql("select count(*) from mail_message where to_user_id = :u and ics_method = 'REQUEST'")
                .param("u", id).query(Long.class).single()).isPositive();
    }

    /** Links in mail come from the configured public address (or localhost in dev), never from the request's Host. */
    @Test
    void aBookingSentWithAHostileHostHeaderQueuesMailWithoutItsAddress() {
        fi.kohtaamo.identity.internal.UserForm f = new fi.kohtaamo.identity.internal.UserForm();
        f.email = Fixtures.unique("isanta").replace(' ', '.') + "@example.fi";
        f.displayName = "Hilja Hyökkäys";
        f.role = "PARTNER";
        f.organisationId = String.valueOf(partnerOrg);
        f.password = "Vahva-Salasana-Kevat-2026";
        long id = users.create(coordinator, f);
        outreachSetup.acknowledge(new Actor(id, "Hilja Hyökkäys", Role.PARTNER, partnerOrg,
                registry.organisationWithDescendants(partnerOrg), null, null, null), county, "0");
        long slot = openSlot(MONDAY, 1, true);
        long lastMail = jdbc.sql("select coalesce(max(id), 0) from mail_message").query(Long.class).single();

        WebClient web = new WebClient(port).withHeader("Host", "evil.example").withHeader("X-Forwarded-Host", "evil.example");
        assertThat(web.login(f.email, f.password).status()).isEqualTo(302);
        assertThat(web.get("/admin/outreach/slots/" + slot).status()).isEqualTo(200);
        WebClient.Response r = web.post("/admin/outreach/slots/" + slot + "/book", Map.of("professionId", "" + profession,
                "topicId", "" + topic, "professionalEmail", "hilja@example.fi", "message", "Tulen"));
        assertThat(r.status()).isEqualTo(302);

        List<String> bodies = jdbc.sql("select body || coalesce(ics, '') from mail_message where id > :id").param("id", lastMail)
                .query(String.class).list();
        assertThat(bodies).isNotEmpty();
        assertThat(bodies).allSatisfy(b -> assertThat(b).doesNotContain("evil.example")
                .contains("http://localhost:" + port + "/admin/outreach/visits/"));
    }

    @Test
    void pagesAnswerForEachSideAndRefuseBadInputPolitely() {
        WebClient web = new WebClient(port);
        assertThat(web.login("neuvola@demo.kohtaamo.fi", "demo-password-for-tests").header("Location")).endsWith("/admin");
        assertThat(web.get("/admin/outreach").status()).isEqualTo(200);
        WebClient.Response find = web.get("/admin/outreach/slots");
        assertThat(find.status()).isEqualTo(200);
        assertThat(find.html().select("h1").text()).isEqualTo("Etsi vierailuaikoja");
        assertThat(web.get("/admin/outreach/slots?weekday=FUNDAY").status()).isEqualTo(400);
        assertThat(web.get("/admin/outreach/slots?area=x'%20or%201=1").status()).isEqualTo(400);
        assertThat(web.get("/admin/outreach/visits/abc").status()).isEqualTo(404);
        assertThat(web.get("/admin/outreach/orientation").status()).isEqualTo(200);
        assertThat(web.get("/admin/outreach/catalogue").status()).isEqualTo(403);
        assertThat(web.get("/admin/mail").status()).isEqualTo(200);

        WebClient coord = new WebClient(port);
        assertThat(coord.login("koordinaattori@demo.kohtaamo.fi", "demo-password-for-tests").header("Location"))
                .endsWith("/admin");
        WebClient.Response cat = coord.get("/admin/outreach/catalogue?lang=sv");
        assertThat(cat.status()).isEqualTo(200);
        assertThat(cat.html().select("h1").text()).isEqualTo("Yrkesgrupper, teman och partner");
        // a bad code is refused with a message and nothing is stored
        long before = jdbc.sql("select count(*) from outreach_topic").query(Long.class).single();
        WebClient.Response bad = coord.post("/admin/outreach/catalogue/topics", Map.of("code", "<script>", "nameFi", ""));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.html().select(".error-summary").text()).contains("Kod");
        assertThat(jdbc.sql("select count(*) from outreach_topic").query(Long.class).single()).isEqualTo(before);
        // both lists use the one catalogue editor: a new topic goes last, moves to the top, and goes (nothing uses it)
        long countyId = Long.parseLong(cat.html().select("input[name=county]").first().attr("value"));
        assertThat(coord.post("/admin/outreach/catalogue/topics", Map.of("county", "" + countyId, "code", "uusi_aihe",
                "nameFi", "Uusi aihe", "active", "true")).status()).isEqualTo(302);
        long topic = jdbc.sql("select id from outreach_topic where county_id = :c and code = 'uusi_aihe'")
                .param("c", countyId).query(Long.class).single();
        var editor = coord.get("/admin/outreach/catalogue/topics?county=" + countyId + "&edit=" + topic);
        assertThat(editor.status()).isEqualTo(200);
        assertThat(editor.html().select("#cat-admin-outreach-catalogue-topics-nameFi").attr("value")).isEqualTo("Uusi aihe");
        assertThat(editor.html().select("form[action=/admin/outreach/catalogue/professions/" + topic + "/delete]")).isEmpty();
        assertThat(coord.post("/admin/outreach/catalogue/topics/" + topic + "/move", Map.of("county", "" + countyId,
                "position", "1", "version", "0")).status()).isEqualTo(302);
        assertThat(jdbc.sql("select code from outreach_topic where county_id = :c order by position").param("c", countyId)
                .query(String.class).list().get(0)).isEqualTo("uusi_aihe");
        assertThat(coord.post("/admin/outreach/catalogue/topics/" + topic + "/delete", Map.of("county", "" + countyId,
                "version", "1")).status()).isEqualTo(302);
        assertThat(jdbc.sql("select count(*) from outreach_topic where id = :id").param("id", topic).query(Long.class)
                .single()).isZero();
        // a profession a visit names: only taken out of use
        Long used = jdbc.sql("select max(v.profession_id) from visit v join outreach_profession p on p.id = v.profession_id "
                + "where p.county_id = :c").param("c", countyId).query(Long.class).single();
        assertThat(used).as("the demo county has visits").isNotNull();
        {
            int version = jdbc.sql("select version from outreach_profession where id = :id").param("id", used)
                    .query(Integer.class).single();
            var refused = coord.post("/admin/outreach/catalogue/professions/" + used + "/delete", Map.of("county",
                    "" + countyId, "version", "" + version));
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.html().select(".error-summary").text()).contains("används");
        }

        WebClient mll = new WebClient(port);
        assertThat(mll.login("mll@demo.kohtaamo.fi", "demo-password-for-tests").header("Location")).endsWith("/admin");
        WebClient.Response overview = mll.get("/admin/outreach?lang=en");
        assertThat(overview.status()).isEqualTo(200);
        String placeLink = overview.html().select("a[href^=/admin/outreach/places/]").first().attr("href");
        assertThat(mll.get(placeLink).status()).isEqualTo(200);

        // a refused slot form keeps the occurrences chosen, in every language (they were compared with the date
        // formatted in the page's locale, which only the Swedish page's format matched)
        String activity = mll.get(placeLink).html().select("#f-activity option[value~=^[0-9]+$]").stream()
                .map(o -> o.attr("value")).filter(a -> !mll.get(placeLink + "?activity=" + a).html()
                        .select("input[name=dates]").isEmpty()).findFirst().orElseThrow();
        for (String lang : List.of("fi", "sv", "en")) {
            WebClient.Response slots = mll.get(placeLink + "?activity=" + activity + "&lang=" + lang);
            String date = slots.html().select("input[name=dates]").first().attr("value");
            long slotsBefore = jdbc.sql("select count(*) from visit_slot").query(Long.class).single();
            WebClient.Response refused = mll.post(placeLink + "/slots?lang=" + lang, List.of(Map.entry("activityId", activity),
                    Map.entry("dates", date), Map.entry("format", "TALK"), Map.entry("capacity", "lots"),
                    Map.entry("language", "fi")));
            assertThat(refused.status()).as(lang).isEqualTo(400);
            assertThat(refused.html().select("input[name=dates][value=" + date + "]").attr("checked")).as(lang)
                    .isEqualTo("checked");
            assertThat(jdbc.sql("select count(*) from visit_slot").query(Long.class).single()).isEqualTo(slotsBefore);
        }
    }
}
