package fi.kohtaamo.coordination.internal;

import fi.kohtaamo.coordination.internal.criteria.CriteriaQueries;
import fi.kohtaamo.coordination.internal.signals.SignalQueries;
import fi.kohtaamo.coordination.internal.signals.SignalQueries.State;
import fi.kohtaamo.identity.StaffDirectory;
import fi.kohtaamo.registry.Registry;
import fi.kohtaamo.shared.Actor;
import fi.kohtaamo.shared.DemoData;
import fi.kohtaamo.shared.Lang;
import fi.kohtaamo.shared.Role;
import fi.kohtaamo.shared.Scope;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo weak signals and criteria assessments for Länsi-Uusimaa, after the registry, accounts and outreach: the
 * seeded themes, a dozen signals of the past year in every state of handling (with their history), last year's
 * self-assessments for most places (every fifth has none), this year's for some, a few peer assessments by
 * another organisation's staff, and the rule "every criterion at least 3". Loaded once (when the county has no
 * signal yet); deterministic.
 */
@Component
@Order(140)
class CoordinationSignalsDemoData implements DemoData {

    private final SignalQueries signalQueries;
    private final CriteriaQueries criteria;
    private final Registry registry;
    private final StaffDirectory staff;
    private final Clock clock;
    private final TransactionTemplate tx;

    private final GroupQueries groups;
    private final MeetingQueries meetings;
    private final AgendaLinks agendaLinks;

    CoordinationSignalsDemoData(SignalQueries signalQueries, CriteriaQueries criteria, GroupQueries groups,
            MeetingQueries meetings, AgendaLinks agendaLinks, Registry registry, StaffDirectory staff, Clock clock,
            TransactionTemplate tx) {
        this.groups = groups;
        this.meetings = meetings;
        this.agendaLinks = agendaLinks;
        this.signalQueries = signalQueries;
        this.criteria = criteria;
        this.registry = registry;
        this.staff = staff;
        this.clock = clock;
        this.tx = tx;
    }

    /** A demo signal: text, themes by code, how many days ago it was noticed, the states it went through. */
    private record Demo(String text, List<String> themes, int daysAgo, List<State> states, String service) {
    }

    private static final List<Demo> SIGNALS = List.of(
            new Demo("Perhekahvilaan on syksyn aikana tullut useita ukrainankielisiä perheitä, jotka eivät löydä "
                    + "tietoa kerhoista omalla kielellään.", List.of("new_language_groups"), 20, List.of(), null),
            new Demo("Neuvolan terveydenhoitajalle pääsee nyt 4–6 viikon odotuksella; vanhemmat kysyvät apua "
                    + "kohtaamispaikasta.", List.of("waiting_times", "service_gap"), 35,
                    List.of(State.ON_AGENDA, State.DISCUSSED, State.FORWARDED_COUNTY), null),
            new Demo("Isät tulevat avoimeen päiväkotiin yhä useammin yksin vauvan kanssa, mutta heille ei ole "
                    + "omaa vertaisryhmää.", List.of("loneliness"), 50, List.of(State.ON_AGENDA), null),
            new Demo("Ruokakustannukset näkyvät: perheet kysyvät, saako kerhossa eväät, ja osa jättää tulematta "
                    + "maksullisiin retkiin.", List.of("livelihood"), 70,
                    List.of(State.ON_AGENDA, State.DISCUSSED, State.FORWARDED_SERVICE), "Perhesosiaalityö"),
            new Demo("Somalinkielisiä äitejä tulee puistoon aamupäivisin; he toivovat suomen kielen keskusteluryhmää.",
                    List.of("new_language_groups"), 95, List.of(State.ON_AGENDA, State.DISCUSSED), null),
            new Demo("Vanhemmat kertovat uupumuksesta ja unipulmista; moni ei tiedä, mistä saa perheneuvontaa.",
                    List.of("wellbeing", "service_gap"), 120, List.of(State.ON_AGENDA, State.DISCUSSED,
                            State.FORWARDED_COUNTY), null),
            new Demo("Päiväkotipaikan odottajat tulevat kerhoon päivittäin; kerhotila ei riitä aamuisin.",
                    List.of("premises", "waiting_times"), 140, List.of(), null),
            new Demo("Ajanvaraus sähköisesti on monelle vaikeaa: vanhemmat pyytävät apua digiasiointiin kerhossa.",
                    List.of("digital"), 170, List.of(State.ON_AGENDA, State.DISCUSSED, State.CLOSED), null),
            new Demo("Familjer med svenska som hemspråk saknar öppen verksamhet på eftermiddagar i området.",
                    List.of("service_gap"), 200, List.of(State.ON_AGENDA), null),
            new Demo("Puheterapeutin käyntiä kohtaamispaikassa toivotaan: 2–3-vuotiaiden puheen kehitys huolettaa.",
                    List.of("children"), 240, List.of(), null),
            new Demo("Koululaisten vanhemmat kysyvät iltapäivätoimintaa myös 7–12-vuotiaille sisaruksille.",
                    List.of("service_gap", "children"), 300, List.of(State.ON_AGENDA, State.DISCUSSED,
                            State.FORWARDED_COUNTY), null),
            new Demo("Kerhon esteetön sisäänkäynti on ollut remontin takia suljettu kuukausia; vaunujen kanssa ei "
                    + "pääse sisään.", List.of("premises"), 330, List.of(State.ON_AGENDA, State.CLOSED), null));

    @Override
    public void load() {
        tx.executeWithoutResult(status -> {
            Optional<Long> county = registry.countyIdByCode("LU");
            if (county.isEmpty() || signalQueries.anySignal(county.get())) {
                return;
            }
            long c = county.get();
            loadSignals(c);
            loadAssessments(c);
            onTheNetworksAgenda(c);
        });
    }

    private void loadSignals(long county) {
        Map<String, Long> themes = new HashMap<>();
        signalQueries.themes(county).forEach(t -> themes.put(t.code(), t.id()));
        List<Registry.Ref> areas = registry.areas(county);
        List<Long> orgs = registry.organisations(county).stream().map(Registry.Ref::id).toList();
        List<StaffDirectory.Person> writers = new ArrayList<>(staff.withRoleIn(Role.PROVIDER_STAFF, orgs));
        writers.addAll(staff.withRoleIn(Role.PARTNER, orgs));
        LocalDate today = LocalDate.now(clock);
        Instant now = clock.instant();
        int i = 0;
        for (Demo d : SIGNALS) {
            Registry.Ref area = areas.get(i % areas.size());
            StaffDirectory.Person author = writers.isEmpty() ? null : writers.get(i % writers.size());
            LocalDate noticed = today.minusDays(d.daysAgo());
            Instant recorded = noticed.plusDays(2).atStartOfDay(fi.kohtaamo.shared.ClockConfig.ZONE).toInstant();
            long id = signalQueries.insertSignal(county, d.text(), noticed, author == null ? 0 : author.id(),
                    author == null ? "Demo" : author.name(), author == null ? null : author.organisationId(),
                    d.themes().stream().map(themes::get).toList(), List.of(area.id()),
                    recorded.isAfter(now) ? now : recorded);
            int version = 0;
            int step = 0;
            for (State s : d.states()) {
                step++;
                Instant at = recorded.plusSeconds(86_400L * 14 * step);
                String note = switch (s) {
                    case ON_AGENDA -> "Verkoston seuraavan kokouksen asialistalle.";
                    case DISCUSSED -> "Käsitelty verkostossa; ilmiö tunnistettiin myös muissa paikoissa.";
                    case FORWARDED_COUNTY -> "Viedään koordinaatioryhmään koko hyvinvointialueen tarkasteluun.";
                    case FORWARDED_SERVICE -> "Välitetty palvelun esihenkilölle.";
                    case CLOSED -> "Asia on hoidettu.";
                    default -> null;
                };
                signalQueries.handle(id, version++, s, note, s == State.FORWARDED_SERVICE ? d.service() : null,
                        area.id(), 0, "Aluekoordinaattori (demo)", at.isAfter(now) ? now : at);
            }
            i++;
        }
    }

    /**
     * The first area's network's coming meeting (groups' demo data, before this) takes up a new signal of its area and
     * a place below the criteria rule, as its coordinator would on the meeting page (through {@link AgendaLinks}).
     */
    private void onTheNetworksAgenda(long county) {
        var coordinator = staff.byEmail("koordinaattori@demo.kohtaamo.fi");
        List<Registry.Ref> areas = registry.areas(county);
        if (coordinator.isEmpty() || areas.isEmpty()) {
            return;
        }
        Actor actor = new Actor(coordinator.get().id(), coordinator.get().name(), Role.COUNTY_COORDINATOR, null, Set.of(),
                county, null, null);
        long area = areas.get(0).id();
        var network = groups.groupsOfCounty(county).stream().filter(g -> "NETWORK".equals(g.kind())
                && Objects.equals(g.scopeAreaId(), area)).findFirst();
        if (network.isEmpty()) {
            return;
        }
        var meeting = meetings.nextMeeting(network.get().id(), clock.instant());
        if (meeting.isEmpty()) {
            return;
        }
        var m = meeting.get();
        agendaLinks.signalChoices(actor, network.get(), m).stream().findFirst()
                .ifPresent(s -> agendaLinks.takeSignal(actor, m.id(), String.valueOf(s.id())));
        agendaLinks.belowRule(network.get(), m, Lang.FI).stream().findFirst()
                .ifPresent(b -> agendaLinks.takeCriteria(actor, m.id(), String.valueOf(b.below().placeId())));
    }

    private void loadAssessments(long county) {
        var places = registry.reportPlaces(new Scope(false, county, -1, List.of(-1L), -1));
        int year = LocalDate.now(clock).getYear();
        Instant now = clock.instant();
        Random random = new Random(2026);
        int peers = 0;
        for (int i = 0; i < places.size(); i++) {
            var p = places.get(i);
            if (i % 5 == 4) {
                continue; // every fifth place has not assessed
            }
            Map<Integer, CriteriaQueries.Score> last = scores(random, i % 3 == 0 ? 2 : 3);
            criteria.saveAssessment(p.id(), year - 1, CriteriaQueries.Kind.SELF, 0, 0, "Kohtaamispaikan tiimi (demo)",
                    null, last, now);
            if (i % 3 == 1) {
                criteria.saveAssessment(p.id(), year, CriteriaQueries.Kind.SELF, 0, 0, "Kohtaamispaikan tiimi (demo)",
                        null, scores(random, 3), now);
            }
            if (peers < 4 && i % 7 == 2) {
                var other = places.get((i + 1) % places.size());
                var otherOrg = other.organiserIds().stream().filter(o -> !p.organiserIds().contains(o)).findFirst();
                if (otherOrg.isPresent()) {
                    criteria.saveAssessment(p.id(), year - 1, CriteriaQueries.Kind.PEER, otherOrg.get(), 0,
                            "Vertaisarvioija: " + other.name().fi(), null, scores(random, 3), now);
                    peers++;
                }
            }
        }
        if (criteria.rule(county).isEmpty()) {
            criteria.saveRule(county, 3, null, now);
        }
    }

    /** Eight scores around a level (1–4), with evidence and targets. */
    private static Map<Integer, CriteriaQueries.Score> scores(Random random, int level) {
        Map<Integer, CriteriaQueries.Score> out = new HashMap<>();
        for (int n = 1; n <= 8; n++) {
            int s = Math.max(1, Math.min(4, level + (random.nextInt(4) == 0 ? 1 : 0) - (random.nextInt(6) == 0 ? 1 : 0)));
            out.put(n, new CriteriaQueries.Score(s, "Arvioitu tiimin kehittämispäivässä.",
                    s < 3 ? "Kehitetään seuraavalla kaudella yhdessä verkoston kanssa." : null));
        }
        return out;
    }
}
