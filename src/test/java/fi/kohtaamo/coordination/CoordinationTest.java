package fi.kohtaamo.coordination;

import static fi.kohtaamo.support.Forms.formFields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import fi.kohtaamo.coordination.internal.ActionItemQueries;
import fi.kohtaamo.coordination.internal.GroupQueries;
import fi.kohtaamo.coordination.internal.MeetingQueries;
import fi.kohtaamo.coordination.internal.MeetingService;
import fi.kohtaamo.coordination.internal.MinutesService;
import fi.kohtaamo.shared.KohtaamoException;
import fi.kohtaamo.support.IntegrationTest;
import fi.kohtaamo.support.WebClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Groups and meetings on the real database over real HTTP: a seat that becomes vacant when its holder's account is
 * disabled (and who is told), invitations whose iCalendar an independent parser (biweekly) reads back as a request,
 * a change and a cancellation of one event, answers by link, an open action item carried to the next meeting's
 * agenda until it is done, and bad input that stores nothing. The test clock is 2026-11-25T08:00Z.
 */
@IntegrationTest
class CoordinationTest {

    @Autowired ApplicationContext context;
    @Autowired JdbcClient jdbc;
    @Autowired GroupQueries groups;
    @Autowired MeetingQueries meetings;
    @Autowired ActionItemQueries actions;
    @Autowired MeetingService meetingService;
    @Autowired MinutesService minutes;
    @LocalServerPort int port;

    CoordinationWorld w;

    @BeforeEach
    void world() {
        w = new CoordinationWorld(context, port);
    }

    long count(String sql, Object p) {
        return jdbc.sql(sql).param("p", p).query(Long.class).single();
    }

    static MeetingService.MeetingForm form(String date, String start, String end) {
        return new MeetingService.MeetingForm("MEETING", "Verkoston kokous", date, start, null, end, "Perhekeskus",
                null, null, null);
    }

    // ---- seats ------------------------------------------------------------------------------------

    @Test
    void aSeatBecomesVacantWhenItsHoldersAccountIsDisabledAndTheOrganisationAndCoordinatorsAreTold() {
        var colleague = w.account("kollega", fi.kohtaamo.shared.Role.PROVIDER_STAFF, w.mll, null);
        long mailsToColleague = count("select count(*) from mail_message where to_user_id = :p", colleague.id());
        long mailsToCoordinator = count("select count(*) from mail_message where to_user_id = :p", w.coordinator.id());
        GroupQueries.Seat before = groups.seatsOfUser(w.secretary.id()).get(0);
        assertThat(before.vacant()).isFalse();

        // an administrator disables the account on its page, as a browser would
        WebClient admin = new WebClient(port);
        admin.login("admin@demo.kohtaamo.fi", "demo-password-for-tests");
        var fields = new ArrayList<>(formFields(admin.get("/admin/users/" + w.secretary.id()).html()));
        fields.removeIf(e -> e.getKey().equals("enabled"));
        assertThat(admin.post("/admin/users/" + w.secretary.id(), fields).status()).isEqualTo(302);

        GroupQueries.Seat after = groups.seat(before.id()).orElseThrow();
        assertThat(after.vacant()).isTrue();
        assertThat(after.organisationId()).isEqualTo(w.mll);
        assertThat(after.vacatedName()).isEqualTo("Henkilö sihteeri");
        assertThat(groups.seatsOfUser(w.secretary.id())).isEmpty();
        assertThat(count("select count(*) from mail_message where to_user_id = :p", colleague.id()))
                .isEqualTo(mailsToColleague + 1);
        assertThat(count("select count(*) from mail_message where to_user_id = :p", w.coordinator.id()))
                .isEqualTo(mailsToCoordinator + 1);
        // the coordinator sees it among the vacant seats and on the group's page
        WebClient coordinator = w.coordinator.web(port);
        assertThat(coordinator.get("/admin/groups").html().select("#vacant + ul").text()).contains("Henkilö sihteeri");
        assertThat(coordinator.get("/admin/groups/" + w.network).body()).contains("Avoin paikka");
        // a new holder of the organisation takes the seat; one of another organisation cannot
        var bad = coordinator.post("/admin/groups/" + w.network + "/seats/" + before.id(), Map.of("version",
                "" + after.version(), "role", "SECRETARY", "email", w.stranger.email()));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.html().select("#f-email-error").text()).contains("organisaatioon");
        assertThat(coordinator.post("/admin/groups/" + w.network + "/seats/" + before.id(), Map.of("version",
                "" + after.version(), "role", "SECRETARY", "email", colleague.email())).status()).isEqualTo(302);
        assertThat(groups.seat(before.id()).orElseThrow().userId()).isEqualTo(colleague.id());
    }

    @Test
    void aHolderMovedToAnotherOrganisationLeavesTheSeatButAPersonalSeatFollowsThePerson() {
        GroupQueries.Seat seat = groups.seatsOfUser(w.member.id()).get(0);
        jdbc.sql("update app_user set organisation_id = :o where id = :id").param("o", w.strangerOrg)
                .param("id", w.member.id()).update();
        context.getBean(fi.kohtaamo.coordination.internal.GroupService.class).checkSeatsOf(w.member.id());
        assertThat(groups.seat(seat.id()).orElseThrow().vacant()).isTrue();
    }

    // ---- invitations ------------------------------------------------------------------------------

    record Sent(String method, VEvent event, String body, String to) {
    }

    List<Sent> invitationsSince(long mailId, long meetingId) {
        List<Sent> out = new ArrayList<>();
        for (var row : jdbc.sql("select ics, ics_method, body, to_address from mail_message where id > :p and ics is not null "
                + "order by id").param("p", mailId).query().listOfRows()) {
            ICalendar cal = Biweekly.parse((String) row.get("ics")).first();
            VEvent e = cal.getEvents().get(0);
            if (e.getUid().getValue().startsWith("meeting-" + meetingId + "@")) {
                assertThat(cal.getMethod().getValue()).isEqualTo(row.get("ics_method"));
                out.add(new Sent(cal.getMethod().getValue(), e, (String) row.get("body"), (String) row.get("to_address")));
            }
        }
        return out;
    }

    long lastMail() {
        return jdbc.sql("select coalesce(max(id), 0) from mail_message").query(Long.class).single();
    }

    @Test
    void invitationsAreRequestsAChangeIsSentWithAHigherSequenceACancellationAsCancelAndAnswersComeByLink() {
        long m = meetingService.create(w.secretary.actor(), w.network, form("2026-12-15", "13:00", "15:00"));
        long mark = lastMail();
        assertThat(meetingService.invite(w.secretary.actor(), m)).isEqualTo(3);
        List<Sent> first = invitationsSince(mark, m);
        assertThat(first).hasSize(3);
        Sent one = first.get(0);
        assertThat(one.method()).isEqualTo("REQUEST");
        assertThat(one.event().getSequence().getValue()).isZero();
        assertThat(one.event().getDateStart().getValue().toInstant())
                .isEqualTo(Instant.parse("2026-12-15T11:00:00Z"));
        assertThat(one.event().getDateEnd().getValue().toInstant()).isEqualTo(Instant.parse("2026-12-15T13:00:00Z"));
        assertThat(one.event().getLocation().getValue()).isEqualTo("Perhekeskus");
        assertThat(first.stream().map(Sent::to)).contains(w.secretary.email(), w.member.email(), w.partner.email());

        // moved an hour later: sent again, same UID, SEQUENCE 1
        mark = lastMail();
        var current = meetings.meeting(m).orElseThrow();
        meetingService.update(w.secretary.actor(), m, new MeetingService.MeetingForm("MEETING", "Verkoston kokous",
                "2026-12-15", "14:00", null, "16:00", "Perhekeskus", null, null, "" + current.version()));
        List<Sent> changed = invitationsSince(mark, m);
        assertThat(changed).hasSize(3);
        assertThat(changed.get(0).method()).isEqualTo("REQUEST");
        assertThat(changed.get(0).event().getUid().getValue()).isEqualTo(one.event().getUid().getValue());
        assertThat(changed.get(0).event().getSequence().getValue()).isEqualTo(1);
        assertThat(changed.get(0).event().getDateStart().getValue().toInstant())
                .isEqualTo(Instant.parse("2026-12-15T12:00:00Z"));

        // the member answers by the link in the mail, without signing in
        String body = changed.stream().filter(s -> s.to().equals(w.member.email())).findFirst().orElseThrow().body();
        String path = body.lines().filter(l -> l.contains("/meetings/answer/")).findFirst().orElseThrow()
                .replaceAll("^.*(/meetings/answer/[A-Za-z0-9_-]+).*$", "$1");
        WebClient anonymous = new WebClient(port);
        assertThat(anonymous.get(path).status()).isEqualTo(200);
        assertThat(anonymous.post(path, Map.of("answer", "YES")).status()).isEqualTo(302);
        assertThat(meetings.participant(m, w.member.id()).orElseThrow().answer()).isEqualTo("YES");
        assertThat(anonymous.post(path, Map.of("answer", "MAYBE")).status()).isEqualTo(400);
        assertThat(anonymous.get("/meetings/answer/" + "x".repeat(32)).status()).isEqualTo(404);
        assertThat(anonymous.get("/meetings/answer/'%3Cscript%3E").status()).isEqualTo(404);

        // the partner answers on the meeting's page, signed in
        WebClient partner = w.partner.web(port);
        // (a member who is not a writer sees the participants' table too: it once failed here)
        var page = partner.get("/admin/meetings/" + m);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.html().select("#attendance ~ form table tbody tr")).hasSize(3);
        String own = page.html().select("#own-answer").attr("action");
        assertThat(own).startsWith("/meetings/answer/");
        assertThat(partner.post(own, Map.of("answer", "NO")).status()).isEqualTo(302);
        assertThat(meetings.participant(m, w.partner.id()).orElseThrow().answer()).isEqualTo("NO");

        // cancelled: METHOD:CANCEL with the next SEQUENCE
        mark = lastMail();
        meetingService.cancel(w.secretary.actor(), m, "" + meetings.meeting(m).orElseThrow().version());
        List<Sent> cancelled = invitationsSince(mark, m);
        assertThat(cancelled).hasSize(3);
        assertThat(cancelled.get(0).method()).isEqualTo("CANCEL");
        assertThat(cancelled.get(0).event().getStatus().getValue()).isEqualTo("CANCELLED");
        assertThat(cancelled.get(0).event().getSequence().getValue()).isEqualTo(2);
        assertThat(anonymous.post(path, Map.of("answer", "NO")).status()).isEqualTo(409);
    }

    // ---- the cycle --------------------------------------------------------------------------------

    @Test
    void anOpenActionItemIsCarriedToTheNextMeetingsAgendaUntilItIsDone() throws Exception {
        long held = meetingService.create(w.secretary.actor(), w.network, form("2026-11-10", "13:00", "15:00"));
        long next = meetingService.create(w.secretary.actor(), w.network, form("2026-12-08", "13:00", "15:00"));
        long item = meetingService.addAgendaItem(w.secretary.actor(), held, new MeetingService.AgendaForm(
                "Perhekalenteri", "Syksyn kalenteri", "Sihteeri", null, null));
        minutes.saveAgendaItem(w.secretary.actor(), item, new MeetingService.AgendaForm("Perhekalenteri",
                "Syksyn kalenteri", "Sihteeri", "Käytiin läpi syksyn kalenteri.", "0"));
        minutes.addDecision(w.secretary.actor(), item, "Kalenteri julkaistaan kuukausittain.");
        long action = minutes.addActionItem(w.secretary.actor(), held, new MinutesService.ActionForm(
                "Tarkistetaan kaikkien paikkojen tiedot", null, "" + w.city, "2026-11-20"));
        assertThat(linked(next, action)).isFalse();
        minutes.approve(w.secretary.actor(), held, "" + meetings.meeting(held).orElseThrow().version());
        assertThat(meetings.meeting(held).orElseThrow().approved()).isTrue();
        assertThat(linked(next, action)).isTrue();
        // a meeting planned later also gets it, while it is open; once done, no new meeting does
        long later = meetingService.create(w.secretary.actor(), w.network, form("2027-01-12", "13:00", "15:00"));
        assertThat(linked(later, action)).isTrue();
        minutes.setActionStatus(w.secretary.actor(), action, "DONE", "0");
        long afterDone = meetingService.create(w.secretary.actor(), w.network, form("2027-02-09", "13:00", "15:00"));
        assertThat(linked(afterDone, action)).isFalse();
        // overdue in the register while it was open; approved minutes cannot change
        assertThatThrownBy(() -> minutes.addDecision(w.secretary.actor(), item, "Myöhäinen"))
                .isInstanceOf(KohtaamoException.Conflict.class);
        // the minutes as a PDF, read back
        WebClient member = w.member.web(port);
        var pdf = member.get("/admin/meetings/" + held + "/minutes.pdf");
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.header("Content-Type")).startsWith("application/pdf");
        assertThat(pdf.header("Content-Disposition")).startsWith("attachment");
        byte[] minutesPdf = member.getBytes("/admin/meetings/" + held + "/minutes.pdf");
        try (var doc = org.apache.pdfbox.Loader.loadPDF(minutesPdf)) {
            fi.kohtaamo.support.PdfTagging.check(doc);
        }
        assertThat(fi.kohtaamo.support.PdfUa.failures(minutesPdf)).isEmpty();
        assertThat(member.get("/admin/groups/search?q=kuukausittain").body()).contains("Kalenteri julkaistaan");
        assertThat(w.stranger.web(port).get("/admin/groups/search?q=kuukausittain").body())
                .doesNotContain("Kalenteri julkaistaan");
        // PostgreSQL searches Finnish words by their stem ("kalenterit" finds "Kalenteri"); H2 by a plain match
        assertThat(member.get("/admin/groups/search?q=kalenterit").body().contains("Kalenteri julkaistaan"))
                .isEqualTo(fi.kohtaamo.support.TestDatabase.postgres());
        assertThat(member.get("/admin/groups/search?q=" + "%25_%27").status()).isEqualTo(200);
    }

    boolean linked(long meetingId, long actionId) {
        return meetings.agenda(meetingId).stream().anyMatch(i -> "ACTION_ITEM".equals(i.linkedType())
                && Long.valueOf(actionId).equals(i.linkedId()));
    }

    // ---- bad input --------------------------------------------------------------------------------

    @Test
    void badInputGetsAClearMessageAndStoresNothing() {
        WebClient web = w.secretary.web(port);
        long before = count("select count(*) from coord_meeting where group_id = :p", w.network);
        var r = web.post("/admin/groups/" + w.network + "/meetings", Map.of("kind", "MEETING", "title", "Kokous",
                "date", "2026-12-01", "startTime", "15:00", "endTime", "13:00"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.html().select("#f-endTime-error").text()).isEqualTo("Kokous ei voi päättyä ennen kuin se alkaa.");
        var en = web.post("/admin/groups/" + w.network + "/meetings?lang=en", Map.of("kind", "MEETING", "title", "K",
                "date", "2026-12-01", "startTime", "15:00", "endTime", "13:00"));
        assertThat(en.html().select("#f-endTime-error").text()).isEqualTo("The meeting cannot end before it starts.");
        for (Map<String, String> hostile : List.of(
                Map.of("kind", "MEETING", "title", "A\u0007B", "date", "2026-12-01", "startTime", "13:00", "endTime", "14:00"),
                Map.of("kind", "'; drop table coord_meeting; --", "title", "K", "date", "2026-12-01", "startTime", "13:00",
                        "endTime", "14:00"),
                Map.of("kind", "MEETING", "title", "K", "date", "2026-02-30", "startTime", "25:00", "endTime", "14:00"),
                Map.of("kind", "MEETING", "title", "K".repeat(201), "date", "2026-12-01", "startTime", "13:00",
                        "endTime", "14:00", "onlineUrl", "javascript:alert(1)"),
                Map.of("kind", "TRAINING", "title", "K", "date", "2026-12-01", "startTime", "13:00", "endTime", "14:00"))) {
            assertThat(web.post("/admin/groups/" + w.network + "/meetings", hostile).status()).as(hostile.toString())
                    .isEqualTo(400);
        }
        assertThat(count("select count(*) from coord_meeting where group_id = :p", w.network)).isEqualTo(before);

        long m = meetingService.create(w.secretary.actor(), w.network, form("2026-11-18", "13:00", "15:00"));
        long actionsBefore = count("select count(*) from coord_action_item where group_id = :p", w.network);
        var noOwner = web.post("/admin/meetings/" + m + "/actions?lang=fi", Map.of("what", "Tehtävä", "dueOn", "2026-12-01"));
        assertThat(noOwner.status()).isEqualTo(400);
        assertThat(noOwner.html().select("#f-ownerName-error").text())
                .isEqualTo("Anna tehtävälle vastuuhenkilö tai vastuuorganisaatio.");
        assertThat(count("select count(*) from coord_action_item where group_id = :p", w.network)).isEqualTo(actionsBefore);
        assertThat(web.get("/admin/meetings/nonsense").status()).isEqualTo(404);
        assertThat(web.get("/admin/groups/actions?show=%3Cb%3E").status()).isEqualTo(400);
    }

    @Test
    void materialsAreCheckedByContentStoredWithVersionsAndServedOnlyAsDownloads() throws Exception {
        WebClient web = w.secretary.web(port);
        String path = "/admin/groups/" + w.network + "/materials";
        long before = count("select count(*) from coord_material where group_id = :p", w.network);
        // a web page named as a PDF is refused, and so is a file over 20 MB (the server's translated 413 page)
        byte[] html = "<html><script>alert(1)</script></html>".getBytes();
        var disguised = web.postMultipart(path, List.of(Map.entry("title", "Ohje")),
                List.of(new WebClient.FilePart("file", "ohje.pdf", "application/pdf", html)));
        assertThat(disguised.status()).isEqualTo(400);
        assertThat(disguised.html().select("#f-file-error").text()).contains("ei ole PDF");
        byte[] zipNotOffice = zip("hello.txt", "moi");
        assertThat(web.postMultipart(path, List.of(Map.entry("title", "Ohje")), List.of(new WebClient.FilePart("file",
                "ohje.docx", "application/octet-stream", zipNotOffice))).status()).isEqualTo(400);
        byte[] huge = new byte[21 * 1024 * 1024];
        huge[0] = '%';
        var tooLarge = web.postMultipart(path, List.of(Map.entry("title", "Iso")),
                List.of(new WebClient.FilePart("file", "iso.pdf", "application/pdf", huge)));
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.body()).contains("20");
        assertThat(count("select count(*) from coord_material where group_id = :p", w.network)).isEqualTo(before);

        // a real PDF and a DOCX are taken, whatever their names say
        byte[] pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF".getBytes();
        assertThat(web.postMultipart(path, List.of(Map.entry("title", "Toimintamalli")), List.of(new WebClient.FilePart(
                "file", "malli.txt", "text/plain", pdf))).status()).isEqualTo(302);
        long id = jdbc.sql("select max(id) from coord_material where group_id = :p").param("p", w.network)
                .query(Long.class).single();
        byte[] docx = zip("[Content_Types].xml", "<Types/>", "word/document.xml", "<w:document/>");
        assertThat(web.postMultipart("/admin/materials/" + id + "/versions", List.of(), List.of(new WebClient.FilePart(
                "file", "malli.docx", "application/pdf", docx))).status()).isEqualTo(302);
        var v1 = web.get("/admin/materials/" + id + "/download?v=1");
        assertThat(v1.header("Content-Type")).startsWith("application/pdf");
        assertThat(v1.header("Content-Disposition")).startsWith("attachment").contains("malli.pdf");
        assertThat(v1.header("X-Content-Type-Options")).isEqualTo("nosniff");
        var latest = web.get("/admin/materials/" + id + "/download");
        assertThat(latest.header("Content-Type")).startsWith("application/vnd.openxmlformats-officedocument.wordprocessingml");
        assertThat(latest.header("Content-Disposition")).contains("malli.docx");
        // a file attached to an agenda item shows on the meeting's page
        long m = meetingService.create(w.secretary.actor(), w.network, form("2026-12-15", "13:00", "15:00"));
        long item = meetingService.addAgendaItem(w.secretary.actor(), m, new MeetingService.AgendaForm("Malli", null,
                null, null, null));
        var attached = web.postMultipart(path, List.of(Map.entry("title", "Liite asiaan"), Map.entry("agendaItemId",
                "" + item)), List.of(new WebClient.FilePart("file", "liite.pdf", "application/pdf", pdf)));
        assertThat(attached.header("Location")).contains("/admin/meetings/" + m + "#item-" + item);
        assertThat(web.get("/admin/meetings/" + m).html().select("#item-" + item + " a").text()).contains("Liite asiaan");
        // members read, non-members do not; only writers add
        assertThat(w.partner.web(port).get("/admin/materials/" + id + "/download").status()).isEqualTo(200);
        assertThat(w.stranger.web(port).get("/admin/materials/" + id + "/download").status()).isEqualTo(403);
        assertThat(w.partner.web(port).postMultipart(path, List.of(Map.entry("title", "X")), List.of(
                new WebClient.FilePart("file", "x.pdf", "application/pdf", pdf))).status()).isEqualTo(403);
    }

    static byte[] zip(String... namesAndTexts) throws java.io.IOException {
        var out = new java.io.ByteArrayOutputStream();
        try (var z = new java.util.zip.ZipOutputStream(out)) {
            for (int i = 0; i < namesAndTexts.length; i += 2) {
                z.putNextEntry(new java.util.zip.ZipEntry(namesAndTexts[i]));
                z.write(namesAndTexts[i + 1].getBytes());
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }

    // ---- access -----------------------------------------------------------------------------------

    @Test
    void accessFollowsMembership() {
        long m = meetingService.create(w.secretary.actor(), w.network, form("2026-12-15", "13:00", "15:00"));
        // members read the group and its meetings; a partner outside it sees neither, nor the group in its list
        for (var a : List.of(w.secretary, w.member, w.partner, w.coordinator)) {
            WebClient web = a.web(port);
            assertThat(web.get("/admin/groups/" + w.network).status()).as(a.email()).isEqualTo(200);
            assertThat(web.get("/admin/meetings/" + m).status()).as(a.email()).isEqualTo(200);
        }
        WebClient stranger = w.stranger.web(port);
        assertThat(stranger.get("/admin/groups/" + w.network).status()).isEqualTo(403);
        assertThat(stranger.get("/admin/meetings/" + m).status()).isEqualTo(403);
        assertThat(stranger.get("/admin/groups").body()).doesNotContain(groups.group(w.network).orElseThrow().name());
        // members who are not chair or secretary do not write
        WebClient member = w.member.web(port);
        long items = meetings.agenda(m).size();
        assertThat(member.post("/admin/meetings/" + m + "/agenda", Map.of("title", "Minun asiani")).status())
                .isEqualTo(403);
        assertThat(w.secretary.web(port).post("/admin/meetings/" + m + "/agenda", Map.of("title", "Sihteerin asia"))
                .status()).isEqualTo(302);
        assertThat(meetings.agenda(m)).hasSize((int) items + 1);
        // a coordinator of another county does not reach the group
        var other = w.account("toinen", fi.kohtaamo.shared.Role.COUNTY_COORDINATOR, null, context.getBean(
                fi.kohtaamo.support.Fixtures.class).county());
        assertThat(other.web(port).get("/admin/groups/" + w.network).status()).isEqualTo(403);
        // only coordinators keep seats
        assertThat(w.secretary.web(port).post("/admin/groups/" + w.network + "/seats", Map.of("role", "MEMBER",
                "email", w.stranger.email())).status()).isEqualTo(403);
    }

    // ---- the demo data's pages --------------------------------------------------------------------

    @Test
    void theDemoStructureShowsOnEveryPageInEveryLanguage() {
        WebClient web = new WebClient(port);
        web.login("koordinaattori@demo.kohtaamo.fi", "demo-password-for-tests");
        long county = jdbc.sql("select id from county where code = 'LU'").query(Long.class).single();
        List<Long> groupIds = jdbc.sql("select id from coord_group where county_id = :p order by id").param("p", county)
                .query(Long.class).list();
        assertThat(groupIds).hasSizeGreaterThan(3);
        long countyGroup = jdbc.sql("select id from coord_group where county_id = :p and kind = 'COUNTY_GROUP'")
                .param("p", county).query(Long.class).single();
        long pastMeeting = jdbc.sql("select min(id) from coord_meeting where group_id = :p and minutes_status = 'APPROVED'")
                .param("p", countyGroup).query(Long.class).single();
        long comingMeeting = jdbc.sql("select id from coord_meeting where group_id = :p and kind = 'MEETING' "
                + "and minutes_status = 'NONE' order by starts_at fetch first 1 rows only").param("p", countyGroup)
                .query(Long.class).single();
        long training = jdbc.sql("select id from coord_meeting where kind = 'TRAINING' and group_id = :p")
                .param("p", countyGroup).query(Long.class).single();
        for (String lang : List.of("fi", "sv", "en")) {
            for (String path : List.of("/admin/groups", "/admin/groups/" + countyGroup, "/admin/groups/" + groupIds.get(0),
                    "/admin/meetings", "/admin/meetings/" + pastMeeting, "/admin/meetings/" + comingMeeting,
                    "/admin/meetings/" + training, "/admin/groups/actions", "/admin/groups/actions?show=overdue",
                    "/admin/groups/actions?show=all", "/admin/groups/search?q=kalenteri", "/admin/groups/commitments",
                    "/admin/groups/" + countyGroup + "/plan", "/admin/groups/training?year=2026", "/admin/groups/new",
                    "/admin/groups/" + countyGroup + "/edit", "/admin/groups/" + countyGroup + "/meetings/new",
                    "/admin/meetings/" + comingMeeting + "/edit", "/groups/" + countyGroup + "/minutes",
                    "/groups/" + countyGroup + "/minutes/" + pastMeeting)) {
                var r = web.get(path + (path.contains("?") ? "&" : "?") + "lang=" + lang);
                assertThat(r.status()).as(path + " " + lang).isEqualTo(200);
                assertThat(r.html().select("html").attr("lang")).isEqualTo(lang);
            }
        }
        // the register shows overdue items, the county group a vacant seat, commitments the one missing organiser
        assertThat(web.get("/admin/groups/actions?show=overdue&lang=fi").html().select("tbody tr")).isNotEmpty();
        assertThat(web.get("/admin/groups?lang=fi").html().select("#vacant + ul li")).isNotEmpty();
        var commitments = web.get("/admin/groups/commitments?lang=fi").html();
        assertThat(commitments.select("table").first().select("tbody .badge")).hasSize(1);
        // the history keeps every recorded version: one provider renewed its commitment, the latest is current
        var history = commitments.select("#history + .table-wrap tbody tr");
        assertThat(history.stream().filter(r -> r.text().contains("2025")).findFirst().orElseThrow().select(".badge"))
                .hasSize(1);
        assertThat(history.stream().filter(r -> r.select(".badge").isEmpty()).map(r -> r.text())).isNotEmpty()
                .allMatch(t -> t.contains("2022"));
        // the coming meeting carries the group's open action items
        assertThat(meetings.agenda(comingMeeting).stream().anyMatch(i -> "ACTION_ITEM".equals(i.linkedType()))).isTrue();
        // an administrator's county-wide pages default to a county; an area coordinator creates a group of their area
        WebClient admin = new WebClient(port);
        admin.login("admin@demo.kohtaamo.fi", "demo-password-for-tests");
        assertThat(admin.get("/admin/groups/commitments").status()).isEqualTo(200);
        assertThat(admin.get("/admin/groups/training").status()).isEqualTo(200);
        WebClient area = new WebClient(port);
        area.login("alue@demo.kohtaamo.fi", "demo-password-for-tests");
        var form = area.get("/admin/groups/new?lang=fi").html();
        assertThat(form.select("input[name=areaIds]")).isNotEmpty();
        var created = area.post("/admin/groups", List.of(Map.entry("countyId", form.select("input[name=countyId]").val()),
                Map.entry("kind", "WORKING_GROUP"), Map.entry("name", fi.kohtaamo.support.Fixtures.unique("Työryhmä")),
                Map.entry("language", "sv"), Map.entry("areaIds", form.select("input[name=areaIds]").first().val())));
        assertThat(created.status()).as(created.body()).isEqualTo(302);
        // a group without public minutes has no public page
        long closed = jdbc.sql("select min(id) from coord_group where county_id = :p and public_minutes = false")
                .param("p", county).query(Long.class).single();
        assertThat(new WebClient(port).get("/groups/" + closed + "/minutes").status()).isEqualTo(404);
    }
}
