package fi.kohtaamo.coordination;

import static org.assertj.core.api.Assertions.assertThat;

import biweekly.Biweekly;
import biweekly.ICalendar;
import fi.kohtaamo.coordination.internal.GroupQueries;
import fi.kohtaamo.coordination.internal.materials.MaterialQueries;
import fi.kohtaamo.coordination.internal.materials.MaterialService;
import fi.kohtaamo.coordination.internal.MeetingQueries;
import fi.kohtaamo.coordination.internal.MeetingService;
import fi.kohtaamo.coordination.internal.signals.SignalQueries;
import fi.kohtaamo.support.IntegrationTest;
import fi.kohtaamo.support.WebClient;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A secretary's housekeeping over real HTTP on the real database: agenda items moved and removed (the order stays
 * 1, 2, 3…, a removed signal's item puts the signal back), a coming meeting deleted (an invited one withdrawn with
 * iCalendar CANCEL read back by biweekly), a held one refused, a seat's role changed, a material removed with its
 * versions; each audited, bad input answered with a translated message and nothing changed. Test clock 25.11.2026.
 */
@IntegrationTest
class MeetingHousekeepingTest {

    @Autowired ApplicationContext context;
    @Autowired JdbcClient jdbc;
    @Autowired MeetingQueries meetings;
    @Autowired GroupQueries groups;
    @Autowired MeetingService meetingService;
    @Autowired MaterialService materialService;
    @Autowired MaterialQueries materials;
    @Autowired SignalQueries signals;
    @LocalServerPort int port;

    CoordinationWorld w;
    WebClient secretary;

    @BeforeEach
    void world() {
        w = new CoordinationWorld(context, port);
        secretary = w.secretary.web(port);
    }

    long meeting(String date) {
        return meetingService.create(w.secretary.actor(), w.network, CoordinationTest.form(date, "13:00", "15:00"));
    }

    List<String> titles(long m) {
        return meetings.agenda(m).stream().map(MeetingQueries.AgendaItem::title).toList();
    }

    List<Integer> positions(long m) {
        return meetings.agenda(m).stream().map(MeetingQueries.AgendaItem::position).toList();
    }

    long audits(String action) {
        return jdbc.sql("select count(*) from audit_log where action = :a").param("a", action).query(Long.class).single();
    }

    long item(long m, String title) {
        return meetings.agenda(m).stream().filter(i -> i.title().equals(title)).findFirst().orElseThrow().id();
    }

    @Test
    void agendaItemsMoveAndGoAndTheOrderStays() {
        long m = meeting("2026-12-15");
        for (String t : List.of("Avaus", "Kävijäkysely", "Muut asiat")) {
            assertThat(secretary.post("/admin/meetings/" + m + "/agenda", Map.of("title", t)).status()).isEqualTo(302);
        }
        long moves = audits("COORDINATION_AGENDA_MOVE");
        var r = secretary.post("/admin/meetings/agenda/" + item(m, "Muut asiat") + "/move", Map.of("direction", "UP"));
        assertThat(r.status()).isEqualTo(302);
        assertThat(titles(m)).containsExactly("Avaus", "Muut asiat", "Kävijäkysely");
        assertThat(positions(m)).containsExactly(1, 2, 3);
        // at the end nothing moves; a bad direction is a translated 400 and nothing moves
        secretary.post("/admin/meetings/agenda/" + item(m, "Avaus") + "/move", Map.of("direction", "UP"));
        var bad = secretary.post("/admin/meetings/agenda/" + item(m, "Avaus") + "/move", Map.of("direction", "SIDEWAYS"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.html().select("html").attr("lang")).isEqualTo("fi");
        assertThat(bad.body()).doesNotContain("SIDEWAYS").doesNotContain("Exception");
        assertThat(titles(m)).containsExactly("Avaus", "Muut asiat", "Kävijäkysely");
        assertThat(audits("COORDINATION_AGENDA_MOVE")).isEqualTo(moves + 1);

        // a member without the secretary's seat changes nothing
        WebClient member = w.member.web(port);
        assertThat(member.post("/admin/meetings/agenda/" + item(m, "Avaus") + "/move", Map.of("direction", "DOWN"))
                .status()).isEqualTo(403);
        var avaus = meetings.agendaItem(item(m, "Avaus")).orElseThrow();
        assertThat(member.post("/admin/meetings/agenda/" + avaus.id() + "/delete", Map.of("version",
                "" + avaus.version())).status()).isEqualTo(403);
        // a stale version is a translated 409
        var stale = secretary.post("/admin/meetings/agenda/" + avaus.id() + "/delete", Map.of("version", "99"));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(titles(m)).hasSize(3);

        long deletes = audits("COORDINATION_AGENDA_DELETE");
        var muut = meetings.agendaItem(item(m, "Muut asiat")).orElseThrow();
        assertThat(secretary.post("/admin/meetings/agenda/" + muut.id() + "/delete", Map.of("version",
                "" + muut.version())).status()).isEqualTo(302);
        assertThat(titles(m)).containsExactly("Avaus", "Kävijäkysely");
        assertThat(positions(m)).containsExactly(1, 2);
        assertThat(audits("COORDINATION_AGENDA_DELETE")).isEqualTo(deletes + 1);
        // the page offers the buttons: no "up" on the first item, no "down" on the last
        var page = secretary.get("/admin/meetings/" + m).html();
        assertThat(page.select("#item-" + avaus.id() + " form[action$=/move] input[value=UP]")).isEmpty();
        assertThat(page.select("#item-" + avaus.id() + " form[action$=/move] input[value=DOWN]")).hasSize(1);
        assertThat(page.select("#item-" + avaus.id() + " form[action$=/delete]")).hasSize(1);
    }

    @Test
    void aSignalsItemRemovedPutsTheSignalBack() {
        long m = meeting("2026-12-16");
        long theme = jdbc.sql("select min(id) from signal_theme where county_id = :c").param("c", w.county)
                .query(Long.class).single();
        long signal = signals.insertSignal(w.county, "Uusia perheitä tulee aamupäivisin.", LocalDate.of(2026, 11, 20),
                w.secretary.id(), "Henkilö sihteeri", w.mll, List.of(theme), List.of(w.area), Instant.now());
        WebClient coordinator = w.coordinator.web(port);
        assertThat(coordinator.post("/admin/meetings/" + m + "/signals", Map.of("signalId", "" + signal)).status())
                .isEqualTo(302);
        var s = signals.signal(signal).orElseThrow();
        assertThat(s.state()).isEqualTo(SignalQueries.State.ON_AGENDA);
        var item = meetings.agendaItem(s.agendaItemId()).orElseThrow();
        assertThat(coordinator.post("/admin/meetings/agenda/" + item.id() + "/delete", Map.of("version",
                "" + item.version())).status()).isEqualTo(302);
        var after = signals.signal(signal).orElseThrow();
        assertThat(after.state()).isEqualTo(SignalQueries.State.NEW);
        assertThat(after.agendaItemId()).isNull();
        assertThat(signals.handlings(signal)).extracting(SignalQueries.Handling::state)
                .containsExactly(SignalQueries.State.ON_AGENDA, SignalQueries.State.NEW);
    }

    @Test
    void aComingMeetingIsDeletedAnInvitedOneWithdrawnAndAHeldOneRefused() {
        long plain = meeting("2026-12-17");
        var p = meetings.meeting(plain).orElseThrow();
        assertThat(secretary.get("/admin/meetings/" + plain).html().select("form[action$=/delete] button")).isNotEmpty();
        assertThat(w.member.web(port).post("/admin/meetings/" + plain + "/delete", Map.of("version", "" + p.version()))
                .status()).isEqualTo(403);
        var r = secretary.post("/admin/meetings/" + plain + "/delete", Map.of("version", "" + p.version()));
        assertThat(r.status()).isEqualTo(302);
        assertThat(r.header("Location")).contains("/admin/groups/" + w.network);
        assertThat(meetings.meeting(plain)).isEmpty();

        long invited = meeting("2026-12-18");
        meetingService.invite(w.secretary.actor(), invited);
        long mark = jdbc.sql("select coalesce(max(id), 0) from mail_message").query(Long.class).single();
        var i = meetings.meeting(invited).orElseThrow();
        assertThat(secretary.post("/admin/meetings/" + invited + "/delete", Map.of("version", "" + i.version()))
                .status()).isEqualTo(302);
        assertThat(meetings.meeting(invited)).isEmpty();
        List<String> ics = jdbc.sql("select ics from mail_message where id > :m and ics is not null").param("m", mark)
                .query(String.class).list();
        assertThat(ics).hasSize(3);
        for (String text : ics) {
            ICalendar cal = Biweekly.parse(text).first();
            assertThat(cal.getMethod().getValue()).isEqualTo("CANCEL");
            assertThat(cal.getEvents().get(0).getUid().getValue()).startsWith("meeting-" + invited + "@");
            assertThat(cal.getEvents().get(0).getSequence().getValue()).isEqualTo(i.icsSequence() + 1);
        }
        assertThat(audits("COORDINATION_MEETING_DELETE")).isPositive();

        // a meeting that has begun (held) cannot be deleted: a translated 409, nothing gone
        long held = meetings.insertMeeting(w.network, "MEETING", "Pidetty kokous", Instant.parse("2026-11-20T11:00:00Z"),
                Instant.parse("2026-11-20T13:00:00Z"), null, null, null, Instant.now());
        var refused = secretary.post("/admin/meetings/" + held + "/delete", Map.of("version", "0"));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body()).contains("Kokous on pidetty");
        assertThat(meetings.meeting(held)).isPresent();
    }

    @Test
    void aSeatsRoleChangesAndAMaterialGoesWithItsVersions() {
        WebClient coordinator = w.coordinator.web(port);
        GroupQueries.Seat seat = groups.seatsOfUser(w.member.id()).get(0);
        assertThat(seat.role()).isEqualTo("MEMBER");
        assertThat(secretary.post("/admin/groups/" + w.network + "/seats/" + seat.id() + "/role", Map.of("role",
                "CHAIR", "version", "" + seat.version())).status()).isEqualTo(403);
        var bad = coordinator.post("/admin/groups/" + w.network + "/seats/" + seat.id() + "/role", Map.of("role",
                "KING", "version", "" + seat.version()));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(groups.seat(seat.id()).orElseThrow().role()).isEqualTo("MEMBER");
        long roles = audits("COORDINATION_SEAT_ROLE");
        assertThat(coordinator.post("/admin/groups/" + w.network + "/seats/" + seat.id() + "/role", Map.of("role",
                "CHAIR", "version", "" + seat.version())).status()).isEqualTo(302);
        var after = groups.seat(seat.id()).orElseThrow();
        assertThat(after.role()).isEqualTo("CHAIR");
        assertThat(after.userId()).isEqualTo(w.member.id());
        assertThat(audits("COORDINATION_SEAT_ROLE")).isEqualTo(roles + 1);
        assertThat(coordinator.get("/admin/groups/" + w.network).html().select("select#role-" + seat.id()
                + " option[selected]").val()).isEqualTo("CHAIR");
        // a vacant seat's role changes too and it stays vacant (on PostgreSQL the empty holder needs its type)
        long vacant = groups.insertSeat(w.network, "MEMBER", w.city, null, null, null, null, Instant.now());
        assertThat(coordinator.post("/admin/groups/" + w.network + "/seats/" + vacant + "/role", Map.of("role",
                "SECRETARY", "version", "0")).status()).isEqualTo(302);
        assertThat(groups.seat(vacant).orElseThrow().role()).isEqualTo("SECRETARY");
        assertThat(groups.seat(vacant).orElseThrow().vacant()).isTrue();

        byte[] pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF".getBytes();
        long material = materialService.add(w.secretary.actor(), w.network, "Toimintasuunnitelma", null, null,
                "suunnitelma.pdf", pdf);
        materialService.addVersion(w.secretary.actor(), material, "suunnitelma2.pdf", pdf);
        var m = materials.material(material).orElseThrow();
        assertThat(w.partner.web(port).post("/admin/materials/" + material + "/delete", Map.of("version",
                "" + m.version())).status()).isEqualTo(403);
        assertThat(secretary.post("/admin/materials/" + material + "/delete", Map.of("version", "0")).status())
                .isEqualTo(m.version() == 0 ? 302 : 409);
        if (m.version() != 0) {
            assertThat(materials.material(material)).isPresent();
            assertThat(secretary.post("/admin/materials/" + material + "/delete", Map.of("version", "" + m.version()))
                    .status()).isEqualTo(302);
        }
        assertThat(materials.material(material)).isEmpty();
        assertThat(jdbc.sql("select count(*) from coord_material_file where material_id = :m").param("m", material)
                .query(Long.class).single()).isZero();
        assertThat(audits("COORDINATION_MATERIAL_DELETE")).isPositive();
    }

    @Test
    void everyRecordedCommitmentIsKeptAndTheLatestIsCurrent() {
        WebClient coordinator = w.coordinator.web(port);
        for (String[] v : List.of(new String[] {"2026-01-15", "2022"}, new String[] {"2026-06-01", "2026"})) {
            assertThat(coordinator.post("/admin/groups/commitments", Map.of("county", "" + w.county, "organisationId",
                    "" + w.mll, "committedOn", v[0], "modelVersion", v[1])).status()).isEqualTo(302);
        }
        assertThat(jdbc.sql("select model_version from coord_commitment_version where organisation_id = :o order by id")
                .param("o", w.mll).query(String.class).list()).containsExactly("2022", "2026");
        assertThat(jdbc.sql("select model_version from coord_commitment where organisation_id = :o").param("o", w.mll)
                .query(String.class).single()).isEqualTo("2026");
        var rows = coordinator.get("/admin/groups/commitments?county=" + w.county).html()
                .select("#history + .table-wrap tbody tr");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).text()).contains("2026").contains("1.6.2026").contains("Henkilö koordinaattori");
        assertThat(rows.get(0).select(".badge")).hasSize(1);
        assertThat(rows.get(1).text()).contains("2022");
        assertThat(rows.get(1).select(".badge")).isEmpty();
        // a refused one (a day to come) adds nothing to the history
        assertThat(coordinator.post("/admin/groups/commitments", Map.of("county", "" + w.county, "organisationId",
                "" + w.mll, "committedOn", "2027-01-01", "modelVersion", "2027")).status()).isEqualTo(400);
        assertThat(jdbc.sql("select count(*) from coord_commitment_version where organisation_id = :o")
                .param("o", w.mll).query(Long.class).single()).isEqualTo(2L);
    }
}
