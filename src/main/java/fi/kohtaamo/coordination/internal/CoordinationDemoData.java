package fi.kohtaamo.coordination.internal;

import fi.kohtaamo.coordination.internal.GroupQueries.Group;
import fi.kohtaamo.identity.StaffDirectory;
import fi.kohtaamo.registry.OrganisationType;
import fi.kohtaamo.registry.Registry;
import fi.kohtaamo.shared.DemoData;
import fi.kohtaamo.shared.Scope;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo coordination for Länsi-Uusimaa, after the accounts: each coordination area's providers' working group and
 * meeting-place network, each with members (the area's providers' staff; the county's family centre in every
 * network), the county coordination group with one representative per network plus an invited parish and NGO
 * representative (the NGO's seat the one vacant seat: its holder left), a year of past meetings with minutes,
 * decisions and action items (some still open and overdue), a training with attendance per place, coming meetings
 * with the open action items on their agendas, the county group's goals, and every provider's commitment but one.
 */
@Component
@Order(130)
class CoordinationDemoData implements DemoData {

    private final GroupQueries groups;
    private final MeetingQueries meetings;
    private final ActionItemQueries actions;
    private final MeetingService meetingService;
    private final Registry registry;
    private final StaffDirectory staff;
    private final Clock clock;
    private final TransactionTemplate tx;

    CoordinationDemoData(GroupQueries groups, MeetingQueries meetings, ActionItemQueries actions,
            MeetingService meetingService, Registry registry, StaffDirectory staff, Clock clock, TransactionTemplate tx) {
        this.groups = groups;
        this.meetings = meetings;
        this.actions = actions;
        this.meetingService = meetingService;
        this.registry = registry;
        this.staff = staff;
        this.clock = clock;
        this.tx = tx;
    }

    @Override
    public void load() {
        tx.executeWithoutResult(status -> {
            Optional<Long> county = registry.countyIdByCode("LU");
            if (county.isEmpty() || !groups.groupsOfCounty(county.get()).isEmpty()) {
                return;
            }
            new Loader(county.get()).run();
        });
    }

    private final class Loader {
        final long county;
        final Instant now = clock.instant();
        final LocalDate today = LocalDate.ofInstant(now, MeetingService.HELSINKI);
        final Optional<StaffDirectory.Person> mll = staff.byEmail("mll@demo.kohtaamo.fi");
        final Optional<StaffDirectory.Person> parish = staff.byEmail("seurakunta@demo.kohtaamo.fi");
        final Optional<StaffDirectory.Person> municipality = staff.byEmail("kunta@demo.kohtaamo.fi");
        final Optional<StaffDirectory.Person> nurse = staff.byEmail("neuvola@demo.kohtaamo.fi");
        int seq;

        Loader(long county) {
            this.county = county;
        }

        void seat(long group, String role, Optional<StaffDirectory.Person> p, Long org, Long represents, String note) {
            if (p.isPresent()) {
                groups.insertSeat(group, role, org != null ? org : p.get().organisationId(), p.get().id(), p.get().name(),
                        represents, note, now);
            } else if (org != null) {
                groups.insertSeat(group, role, org, null, null, represents, note, now);
            }
        }

        void run() {
            List<Registry.Ref> areas = registry.areas(county);
            List<Long> networks = new ArrayList<>();
            List<Optional<StaffDirectory.Person>> representatives = new ArrayList<>();
            Long firstGroup = null;
            Long firstNetwork = null;
            for (int i = 0; i < areas.size(); i++) {
                Registry.Ref a = areas.get(i);
                String name = a.name().get(fi.kohtaamo.shared.Lang.FI);
                long wg = groups.insertGroup(county, "WORKING_GROUP", "Kohtaamispaikkatoimijoiden työryhmä: " + name,
                        "Yhteensovittava suunnittelu, yhteinen tiedotus, osallisuus, seuranta ja arviointi.", "fi",
                        false, List.of(a.id()), now);
                long nw = groups.insertGroup(county, "NETWORK", "Kohtaamispaikkaverkosto: " + name,
                        "Jalkautumisen koordinointi, sisäinen viestintä, asiakasohjaus ja hiljaiset signaalit.", "fi",
                        false, List.of(a.id()), now);
                networks.add(nw);
                if (i == 0) {
                    firstGroup = wg;
                    firstNetwork = nw;
                    seat(wg, "CHAIR", municipality, null, null, null);
                    seat(wg, "SECRETARY", mll, null, null, null);
                    seat(wg, "MEMBER", parish, null, null, null);
                    seat(nw, "CHAIR", mll, null, null, null);
                    seat(nw, "SECRETARY", municipality, null, null, null);
                    seat(nw, "MEMBER", parish, null, null, null);
                    seat(nw, "MEMBER", nurse, null, null, null);
                    representatives.add(municipality);
                } else {
                    // the area's providers (identity's demo accounts tyoryhmaN@ and verkostoN@, N from 1)
                    var chair = staff.byEmail("tyoryhma" + (i + 1) + "@demo.kohtaamo.fi");
                    var secretary = staff.byEmail("verkosto" + (i + 1) + "@demo.kohtaamo.fi");
                    seat(wg, "CHAIR", chair, null, null, null);
                    seat(wg, "SECRETARY", secretary, null, null, null);
                    seat(nw, "CHAIR", chair, null, null, null);
                    seat(nw, "SECRETARY", secretary, null, null, null);
                    seat(nw, "MEMBER", nurse, null, null, null); // the county's family centre is in every network
                    representatives.add(chair);
                }
            }
            long countyGroup = groups.insertGroup(county, "COUNTY_GROUP", "Länsi-Uudenmaan kohtaamispaikkatoiminnan koordinaatioryhmä",
                    "Kehittää kohtaamispaikkatoimintaa koko hyvinvointialueella ja levittää hyviä käytäntöjä.", "fi", true,
                    List.of(), now);
            Long wellbeing = first(OrganisationType.WELLBEING_COUNTY);
            seat(countyGroup, "CHAIR", nurse, null, null, null);
            for (int i = 0; i < networks.size(); i++) {
                // one representative per network
                seat(countyGroup, "MEMBER", representatives.get(i), null, networks.get(i), null);
            }
            seat(countyGroup, "MEMBER", parish, null, null, "Kutsuttu seurakuntien edustaja");
            Long ngo = first(OrganisationType.OTHER_NGO);
            if (ngo != null) {
                long s = groups.insertSeat(countyGroup, "MEMBER", ngo, null, null, null, "Kutsuttu järjestöjen edustaja", now);
                groups.markLeft(s, "Niina Järjestö", now.minus(java.time.Duration.ofDays(20))); // the holder left
            }
            seat(countyGroup, "SECRETARY", mll, null, null, null);
            if (wellbeing != null && nurse.isEmpty()) {
                groups.insertSeat(countyGroup, "CHAIR", wellbeing, null, null, null, null, now);
            }
            if (firstNetwork != null) {
                year(groups.group(firstNetwork).orElseThrow(), DayOfWeek.TUESDAY);
                year(groups.group(firstGroup).orElseThrow(), DayOfWeek.THURSDAY);
            }
            Group cg = groups.group(countyGroup).orElseThrow();
            year(cg, DayOfWeek.WEDNESDAY);
            training(cg);
            actions.insertGoal(countyGroup, today.getYear(), "Jokainen kohtaamispaikkatoimija sitoutuu yhteiseen malliin",
                    "Sitoumukset kirjattu lähes kaikilta järjestäjiltä; yksi puuttuu.", now);
            actions.insertGoal(countyGroup, today.getYear(), "Kaikki verkostot valitsevat edustajansa koordinaatioryhmään",
                    null, now);
            actions.insertGoal(countyGroup, today.getYear(), "Osallisuuskoulutus kaikille alueille",
                    "Koulutus pidetty keväällä; Huomaa minut -työkalu käytössä kolmella alueella.", now);
            commitments();
        }

        Long first(OrganisationType type) {
            return registry.organisationsOfType(type).stream().findFirst().map(Registry.Ref::id).orElse(null);
        }

        Long providerOf(long area) {
            return registry.reportPlaces(new Scope(false, -1, area, List.of(-1L), -1)).stream()
                    .flatMap(p -> p.organiserIds().stream()).findFirst().orElse(null);
        }

        Instant at(LocalDate d, int hour) {
            return d.atTime(LocalTime.of(hour, 0)).atZone(MeetingService.HELSINKI).toInstant();
        }

        /** Meetings every six weeks over the past year, approved with minutes, and two coming ones. */
        void year(Group g, DayOfWeek day) {
            List<long[]> openItems = new ArrayList<>();
            LocalDate d = today.minusWeeks(52).with(TemporalAdjusters.nextOrSame(day));
            String[][] topics = {
                {"Syksyn perhekalenteri", "Yhteinen perhekalenteri julkaistaan kuntien sivuilla ja somessa.",
                        "Perhekalenteri julkaistaan kuukausittain; jokainen toimija tarkistaa omat tietonsa."},
                {"Jalkautumisen vuorot", "Neuvolan ja hammashoidon käynnit kohtaamispaikoissa.",
                        "Hammashoitaja käy kerran kuukaudessa; vuorot sovitaan verkostossa."},
                {"Kävijäkysely", "Kevään kävijäkyselyn tulokset ja jatkotoimet.",
                        "Tulokset esitellään koordinaatioryhmälle; vauvaperheet toivovat iltapäivätoimintaa."},
                {"Uudet kieliryhmät", "Alueelle on muuttanut ukrainan- ja arabiankielisiä perheitä.",
                        "Kokeillaan selkosuomen ryhmää ja kysytään tulkkia maahanmuuttajapalveluista."}};
            int n = 0;
            while (d.isBefore(today.minusDays(3))) {
                long m = meetings.insertMeeting(g.id(), "MEETING", "Kokous " + (++n) + "/" + d.getYear(), at(d, 13),
                        at(d, 15), "Perhekeskus, kokoushuone", null, null, now);
                meetings.invited(m, at(d.minusWeeks(2), 9));
                String[] t = topics[n % topics.length];
                for (long[] open : new ArrayList<>(openItems)) {
                    meetings.insertAgendaItem(m, "Tehtävän tilanne", null, null, MeetingService.LINK_ACTION_ITEM,
                            open[0], now);
                }
                long item = meetings.insertAgendaItem(m, t[0], t[1], "Koordinaattori", null, null, now);
                meetings.updateAgendaItem(item, 0, t[0], t[1], "Koordinaattori", t[1] + " Keskusteltiin.", now);
                meetings.insertDecision(item, m, t[2], now);
                attend(g, m);
                // an action item per meeting: the older ones done, the last ones still open (one overdue)
                LocalDate due = d.plusWeeks(4);
                long a = actions.insert(g.id(), county, m, "Selvitetään: " + t[0].toLowerCase(), null,
                        "Koordinaattori", first(OrganisationType.MUNICIPALITY), due, now);
                openItems.add(new long[] {a});
                if (d.isBefore(today.minusWeeks(12))) {
                    for (long[] open : openItems) {
                        actions.updateStatus(open[0], actions.item(open[0]).orElseThrow().version(), "DONE", now);
                    }
                    openItems.clear();
                }
                Integer v = meetings.meeting(m).orElseThrow().version();
                meetings.setMinutesStatus(m, v, "APPROVED", at(d.plusDays(7), 10), now);
                d = d.plusWeeks(6);
            }
            for (int i = 0; i < 2; i++) {
                LocalDate c = today.plusWeeks(2 + 6L * i).with(TemporalAdjusters.nextOrSame(day));
                long m = meetings.insertMeeting(g.id(), i == 0 ? "MEETING" : "PLANNING_DAY",
                        i == 0 ? "Kokous " + (++n) + "/" + c.getYear() : "Yhteinen suunnittelupäivä", at(c, 13),
                        at(c, i == 0 ? 15 : 16), "Perhekeskus, kokoushuone", "https://meet.example.fi/kohtaamo", null, now);
                meetings.insertAgendaItem(m, "Kokouksen avaus ja läsnäolijat", null, "Puheenjohtaja", null, null, now);
                if (i == 0) {
                    meetingService.carryForward(null, g, meetings.meeting(m).orElseThrow());
                }
            }
        }

        void attend(Group g, long meeting) {
            for (GroupQueries.Seat s : groups.seats(g.id())) {
                if (s.userId() != null) {
                    meetings.insertParticipant(meeting, s.userId(), s.holderName(), null, s.organisationId(), null,
                            MeetingService.token(), (seq++ % 5) != 0, now);
                }
            }
        }

        /** A participation training last spring, attendance counted per organisation and place. */
        void training(Group g) {
            LocalDate d = today.minusMonths(7).with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
            long m = meetings.insertMeeting(g.id(), "TRAINING", "Osallisuuskoulutus: Huomaa minut -työkalu", at(d, 9),
                    at(d, 12), "Perhekeskus, sali", null, "PARTICIPATION", now);
            meetings.insertAgendaItem(m, "Huomaa minut -työkalun käyttö", "Havainnointi vauvojen palautteen keräämisessä.",
                    "Kouluttaja", null, null, now);
            int i = 0;
            for (Registry.ReportPlace p : registry.reportPlaces(new Scope(false, county, -1, List.of(-1L), -1))) {
                if (i++ >= 8) {
                    break;
                }
                Long org = p.organiserIds().stream().findFirst().orElse(null);
                meetings.insertParticipant(m, null, "Osallistuja " + i, null, org, p.id(), MeetingService.token(), true,
                        now);
            }
            meetings.setMinutesStatus(m, meetings.meeting(m).orElseThrow().version(), "APPROVED", now, now);
        }

        void commitments() {
            Set<Long> providers = new LinkedHashSet<>();
            registry.reportPlaces(new Scope(false, county, -1, List.of(-1L), -1))
                    .forEach(p -> providers.addAll(p.organiserIds()));
            List<Long> list = new ArrayList<>(providers);
            long recorder = staff.byEmail("koordinaattori@demo.kohtaamo.fi").map(StaffDirectory.Person::id).orElse(0L);
            for (int i = 0; i < list.size() - 1; i++) {
                groups.saveCommitment(list.get(i), county, LocalDate.of(2022, 9, 1).plusDays(i * 3L), "2022", recorder,
                        "Kaisa Koordinaattori (demo)", null, now.minus(java.time.Duration.ofDays(1000)));
            }
            if (list.size() > 1) {
                // the first provider renewed its commitment to the model's 2025 version: both stay in its history
                groups.saveCommitment(list.get(0), county, LocalDate.of(2025, 9, 15), "2025", recorder,
                        "Kaisa Koordinaattori (demo)", 0, now.minus(java.time.Duration.ofDays(400)));
            }
        }
    }
}
