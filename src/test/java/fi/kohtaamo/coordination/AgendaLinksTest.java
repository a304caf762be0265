package fi.kohtaamo.coordination;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kohtaamo.coordination.internal.GroupService;
import fi.kohtaamo.coordination.internal.MeetingQueries;
import fi.kohtaamo.coordination.internal.signals.SignalQueries;
import fi.kohtaamo.coordination.internal.signals.SignalService;
import fi.kohtaamo.registry.OrganisationType;
import fi.kohtaamo.shared.Role;
import fi.kohtaamo.support.Fixtures;
import fi.kohtaamo.support.IntegrationTest;
import fi.kohtaamo.support.WebClient;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The agenda's links over real HTTP on the real database: a network's secretary takes a weak signal onto a
 * meeting's agenda (the signal is "on agenda" in its history and links the meeting; the item shows the signal)
 * and records its outcome from the item once the minutes are written; the county group then sees it forwarded to
 * it; a signal the secretary may not read, or of another county, is refused and changes nothing; the places of the
 * network's area below the criteria rule become one agenda item each, never twice. The test clock is 25.11.2026.
 */
@IntegrationTest
class AgendaLinksTest {

    @Autowired ApplicationContext context;
    @Autowired JdbcClient jdbc;
    @Autowired MeetingQueries meetings;
    @Autowired SignalQueries signals;
    @Autowired SignalService signalService;
    @LocalServerPort int port;

    CoordinationWorld w;
    long meeting;
    long theme;
    WebClient secretary;

    @BeforeEach
    void world() {
        w = new CoordinationWorld(context, port);
        meeting = meetings.insertMeeting(w.network, "MEETING", "Verkoston kokous", Instant.parse("2026-12-10T11:00:00Z"),
                Instant.parse("2026-12-10T13:00:00Z"), "Perhekeskus", null, null, Instant.now());
        theme = signals.themes(w.county).get(0).id();
        secretary = w.secretary.web(port);
    }

    long signal(long county, long area, long authorOrg, String body) {
        long t = signals.themes(county).get(0).id();
        return signals.insertSignal(county, body, LocalDate.of(2026, 11, 2), w.secretary.id(), "Kirjaaja", authorOrg,
                List.of(t), List.of(area), Instant.now());
    }

    long count(String sql, Object p) {
        return jdbc.sql(sql).param("p", p).query(Long.class).single();
    }

    String state(long signal) {
        return signals.signal(signal).orElseThrow().state().name();
    }

    @Test
    void theSecretaryTakesASignalOntoTheAgendaAndRecordsItsOutcomeFromTheMinutes() {
        long own = signal(w.county, w.area, w.mll, "Neuvolan jonot ovat kasvaneet neljään viikkoon.");
        var page = secretary.get("/admin/meetings/" + meeting);
        assertThat(page.html().select("select[name=signalId] option").eachAttr("value")).contains("" + own);

        var r = secretary.post("/admin/meetings/" + meeting + "/signals", Map.of("signalId", "" + own));
        assertThat(r.status()).as(r.body()).isEqualTo(302);
        long item = Long.parseLong(r.header("Location").replaceAll(".*#item-([0-9]+)$", "$1"));
        var linked = meetings.agendaItem(item).orElseThrow();
        assertThat(linked.linkedType()).isEqualTo("SIGNAL");
        assertThat(linked.linkedId()).isEqualTo(own);
        assertThat(linked.title()).isEqualTo("Heikko signaali: " + signals.themes(w.county).get(0).name().fi());
        var s = signals.signal(own).orElseThrow();
        assertThat(s.state().name()).isEqualTo("ON_AGENDA");
        assertThat(s.agendaItemId()).isEqualTo(item);
        assertThat(signals.handlings(own)).singleElement().satisfies(h -> {
            assertThat(h.state().name()).isEqualTo("ON_AGENDA");
            assertThat(h.actorName()).isEqualTo("Henkilö sihteeri");
            assertThat(h.at()).isNotNull();
        });
        assertThat(count("select count(*) from audit_log where entity_type = 'weak_signal' and entity_id = :p", "" + own))
                .isEqualTo(1);

        // the item shows the signal and links to it; the signal links the meeting; not offered again
        page = secretary.get("/admin/meetings/" + meeting);
        var li = page.html().select("#item-" + item);
        assertThat(li.text()).contains("Neuvolan jonot ovat kasvaneet").contains("Teemat:")
                .contains("Otettu verkoston asialistalle");
        assertThat(li.select("a[href=/admin/signals/" + own + "]")).hasSize(1);
        assertThat(page.html().select("select[name=signalId] option").eachAttr("value")).doesNotContain("" + own);
        assertThat(secretary.get("/admin/signals/" + own).html().select("a[href=/admin/meetings/" + meeting + "]"))
                .hasSize(1);

        // the outcome waits for the item's minutes
        int version = signals.signal(own).orElseThrow().version();
        r = secretary.post("/admin/meetings/agenda/" + item + "/signal", Map.of("state", "FORWARDED_COUNTY",
                "version", "" + version));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("Kirjaa ensin asian pöytäkirja");
        assertThat(state(own)).isEqualTo("ON_AGENDA");
        assertThat(secretary.post("/admin/meetings/agenda/" + item, Map.of("title", linked.title(), "minutes",
                "Keskusteltiin; viedään koordinaatioryhmälle.", "version", "" + linked.version())).status())
                .isEqualTo(302);
        r = secretary.post("/admin/meetings/agenda/" + item + "/signal", Map.of("state", "FORWARDED_COUNTY",
                "note", "Koskee koko maakuntaa", "version", "" + version));
        assertThat(r.status()).as(r.body()).isEqualTo(302);
        assertThat(state(own)).isEqualTo("FORWARDED_COUNTY");
        assertThat(signals.handlings(own)).extracting(h -> h.state().name())
                .containsExactly("ON_AGENDA", "FORWARDED_COUNTY");
        assertThat(signals.handlings(own).get(1).note()).isEqualTo("Koskee koko maakuntaa");
        // a stale version changes nothing
        assertThat(secretary.post("/admin/meetings/agenda/" + item + "/signal", Map.of("state", "CLOSED",
                "version", "" + version)).status()).isEqualTo(409);
        assertThat(state(own)).isEqualTo("FORWARDED_COUNTY");

        // the county group sees what was forwarded to it, and takes it up
        long countyGroup = context.getBean(GroupService.class).saveGroup(w.coordinator.actor(), null,
                new GroupService.GroupForm("" + w.county, "COUNTY_GROUP", Fixtures.unique("Koordinaatioryhmä"), null,
                        "fi", false, List.of(), null));
        long countyMeeting = meetings.insertMeeting(countyGroup, "MEETING", "Koordinaatioryhmän kokous",
                Instant.parse("2026-12-15T11:00:00Z"), Instant.parse("2026-12-15T13:00:00Z"), null, null, null,
                Instant.now());
        WebClient coordinator = w.coordinator.web(port);
        assertThat(coordinator.get("/admin/meetings/" + countyMeeting).html().select("select[name=signalId] option")
                .eachAttr("value")).containsExactly("" + own);
        assertThat(coordinator.post("/admin/meetings/" + countyMeeting + "/signals", Map.of("signalId", "" + own))
                .status()).isEqualTo(302);
        assertThat(state(own)).isEqualTo("ON_AGENDA");
        // the network's item no longer records the outcome (the signal moved on to the county group's agenda)
        assertThat(secretary.get("/admin/meetings/" + meeting).html().select("form[action$=/agenda/" + item + "/signal]"))
                .isEmpty();
    }

    @Test
    void aSignalTheSecretaryMayNotReadOrOfAnotherCountyIsRefusedAndChangesNothing() {
        long others = signal(w.county, w.area, w.city, "Toisen järjestön signaali");
        long otherCounty = w.fx.county();
        String om = w.fx.municipality(otherCounty);
        long otherArea = w.fx.area(otherCounty, om);
        long foreign = signal(otherCounty, otherArea, w.mll, "Toisen maakunnan signaali");
        long closed = signal(w.county, w.area, w.mll, "Suljettu signaali");
        jdbc.sql("update weak_signal set state = 'CLOSED' where id = :p").param("p", closed).update();
        var choices = secretary.get("/admin/meetings/" + meeting).html().select("select[name=signalId] option")
                .eachAttr("value");
        assertThat(choices).doesNotContain("" + others, "" + foreign, "" + closed);
        int agenda = meetings.agenda(meeting).size();
        for (long id : List.of(others, foreign)) {
            var r = secretary.post("/admin/meetings/" + meeting + "/signals", Map.of("signalId", "" + id));
            assertThat(r.status()).isEqualTo(403);
            assertThat(r.body()).contains("Sinulla ei ole oikeutta tähän toimintoon tai tietoon.");
            assertThat(state(id)).isEqualTo("NEW");
            assertThat(signals.signal(id).orElseThrow().agendaItemId()).isNull();
            assertThat(signals.handlings(id)).isEmpty();
        }
        // readable but not open: a translated field error on the page
        var r = secretary.post("/admin/meetings/" + meeting + "/signals", Map.of("signalId", "" + closed));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("Tätä signaalia ei voi ottaa tämän ryhmän esityslistalle.");
        assertThat(state(closed)).isEqualTo("CLOSED");
        // a member (not a writer) of the group cannot take even a readable one
        long own = signal(w.county, w.area, w.city, "Jäsenen oma signaali");
        assertThat(w.member.web(port).post("/admin/meetings/" + meeting + "/signals", Map.of("signalId", "" + own))
                .status()).isEqualTo(403);
        assertThat(state(own)).isEqualTo("NEW");
        assertThat(meetings.agenda(meeting)).hasSize(agenda);
    }

    static Map<String, String> scores(int year, int... s) {
        Map<String, String> f = new HashMap<>();
        f.put("year", "" + year);
        for (int n = 1; n <= 8; n++) {
            f.put("score" + n, "" + s[n - 1]);
        }
        return f;
    }

    @Test
    void placesOfTheNetworksAreaBelowTheCriteriaRuleBecomeOneAgendaItemEach() {
        WebClient coordinator = w.coordinator.web(port);
        assertThat(coordinator.post("/admin/criteria/rule", Map.of("county", "" + w.county, "minScore", "3")).status())
                .isEqualTo(302);
        WebClient member = w.member.web(port);
        assertThat(member.post("/admin/criteria/places/" + w.cityPlace + "/self", scores(2026, 3, 2, 3, 3, 1, 3, 3, 3))
                .status()).isEqualTo(302);
        assertThat(secretary.post("/admin/criteria/places/" + w.mllPlace + "/self", scores(2026, 3, 3, 3, 3, 3, 3, 3, 4))
                .status()).isEqualTo(302);
        String name = jdbc.sql("select name_fi from place where id = :p").param("p", w.cityPlace).query(String.class)
                .single();
        long assessment = jdbc.sql("select id from criteria_assessment where place_id = :p and kind = 'SELF'")
                .param("p", w.cityPlace).query(Long.class).single();

        var block = secretary.get("/admin/meetings/" + meeting).html().select("#criteria-below");
        assertThat(block.text()).contains(name).contains("itsearviointi 2026: 2 ");
        assertThat(block.select("option").eachAttr("value")).containsExactly("" + w.cityPlace);

        var r = secretary.post("/admin/meetings/" + meeting + "/criteria", Map.of("placeId", "" + w.cityPlace));
        assertThat(r.status()).as(r.body()).isEqualTo(302);
        var items = meetings.agenda(meeting).stream().filter(i -> "CRITERIA".equals(i.linkedType())).toList();
        assertThat(items).singleElement().satisfies(i -> {
            assertThat(i.linkedId()).isEqualTo(assessment);
            assertThat(i.title()).startsWith("THL-kriteerit: " + name + " alle säännön kriteereissä 2 ")
                    .contains(", 5 ");
        });
        var page = secretary.get("/admin/meetings/" + meeting).html();
        assertThat(page.select("#item-" + items.get(0).id() + " a[href^=/admin/criteria/places/" + w.cityPlace + "]"))
                .hasSize(1);
        assertThat(page.select("#criteria-below").text()).contains("esityslistalla");
        assertThat(page.select("#criteria-below option")).isEmpty();
        // never twice for the same assessment and meeting
        assertThat(secretary.post("/admin/meetings/" + meeting + "/criteria", Map.of("placeId", "" + w.cityPlace))
                .status()).isEqualTo(302);
        // a place that meets the rule is not offered
        r = secretary.post("/admin/meetings/" + meeting + "/criteria", Map.of("placeId", "" + w.mllPlace));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("Paikka ei ole tämän verkoston alueella kriteerisäännön alle jäävä.");
        assertThat(meetings.agenda(meeting).stream().filter(i -> "CRITERIA".equals(i.linkedType()))).hasSize(1);
        // a member who does not write the meeting sees no block and is refused
        assertThat(member.get("/admin/meetings/" + meeting).html().select("#criteria-below")).isEmpty();
        assertThat(member.post("/admin/meetings/" + meeting + "/criteria", Map.of("placeId", "" + w.cityPlace))
                .status()).isEqualTo(403);
        assertThat(count("select count(*) from audit_log where entity_type = 'coord_agenda_item' and action = "
                + "'COORDINATION_AGENDA_CRITERIA' and entity_id = :p", "" + items.get(0).id())).isEqualTo(1);
    }
}
