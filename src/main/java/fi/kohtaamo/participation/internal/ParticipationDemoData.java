package fi.kohtaamo.participation.internal;

import fi.kohtaamo.calendar.ActivityCalendar;
import fi.kohtaamo.participation.internal.accessibility.AccessibilityQueries;
import fi.kohtaamo.participation.internal.observations.ObservationQueries;
import fi.kohtaamo.participation.internal.observations.ObservationQueries.AgeBand;
import fi.kohtaamo.participation.internal.observations.ObservationQueries.Observer;
import fi.kohtaamo.participation.internal.observations.ObservationQueries.Texts;
import fi.kohtaamo.participation.internal.wishes.WishQueries;
import fi.kohtaamo.participation.internal.wishes.WishQueries.State;
import fi.kohtaamo.registry.Registry;
import fi.kohtaamo.shared.DemoData;
import fi.kohtaamo.shared.Scope;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo participation data for Länsi-Uusimaa, after the calendar and the accounts: wishes in every state (published
 * and answered, one linked to the activity that answers it, one merged into a similar wish, one declined, two
 * waiting for moderation, one for the whole area), Huomaa minut! observations at past sessions of two places (one
 * with enough to show its summary, one below five), and one accessibility feedback. Loaded once (when the county
 * has no wish yet); deterministic.
 */
@Component
@Order(150)
class ParticipationDemoData implements DemoData {

    private final WishQueries wishes;
    private final ObservationQueries observations;
    private final AccessibilityQueries feedback;
    private final Registry registry;
    private final ActivityCalendar calendar;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final TransactionTemplate tx;

    ParticipationDemoData(WishQueries wishes, ObservationQueries observations,
            AccessibilityQueries feedback, Registry registry, ActivityCalendar calendar, JdbcClient jdbc, Clock clock,
            TransactionTemplate tx) {
        this.wishes = wishes;
        this.observations = observations;
        this.feedback = feedback;
        this.registry = registry;
        this.calendar = calendar;
        this.jdbc = jdbc;
        this.clock = clock;
        this.tx = tx;
    }

    @Override
    public void load() {
        tx.executeWithoutResult(status -> {
            Optional<Long> county = registry.countyIdByCode("LU");
            if (county.isEmpty() || jdbc.sql("select count(*) from wish where county_id = :c").param("c", county.get())
                    .query(Long.class).single() > 0) {
                return;
            }
            List<Registry.ReportPlace> places = registry.reportPlaces(new Scope(false, county.get(), -1, List.of(-1L), -1))
                    .stream().filter(Registry.ReportPlace::published).toList();
            if (places.size() < 2) {
                return;
            }
            wishes(county.get(), places);
            observations(county.get(), places);
            feedback.insert(county.get(), "/calendar", "Viikkonäkymän päivämäärät luetaan ruudunlukijalla väärin: "
                    + "päivä ja kuukausi vaihtavat paikkaa.", "palaute@example.fi", clock.instant().minus(Duration.ofDays(3)),
                    LocalDate.now(clock).minusDays(3).plusDays(14));
        });
    }

    private Instant daysAgo(int days) {
        return clock.instant().minus(Duration.ofDays(days));
    }

    private void wishes(long county, List<Registry.ReportPlace> places) {
        Registry.ReportPlace a = places.get(0);
        Registry.ReportPlace b = places.get(1);
        String by = "Demo";
        // published and answered, linked to an activity of the place
        long evening = published(a, "Toivoisimme iltaperhekahvilaa, kun vanhemmat ovat päivisin töissä.", 40);
        Long activity = calendar.activitiesOfPlace(a.id()).stream().filter(ActivityCalendar.ActivityRef::published)
                .map(ActivityCalendar.ActivityRef::id).findFirst().orElse(null);
        wishes.answer(evening, 1, State.PLANNED, "Kiitos toiveesta! Kokeilemme kevätkaudella iltakahvilaa tiistaisin.",
                activity, by, daysAgo(30));
        support(evening, 7);
        long dads = published(a, "Isä–lapsi-ryhmä lauantaiaamuisin olisi kiva.", 35);
        wishes.answer(dads, 1, State.CONSIDERING, "Selvitämme vapaaehtoisten kanssa, onnistuuko lauantairyhmä.", null,
                by, daysAgo(20));
        support(dads, 4);
        long sing = published(b, "Mer sångstunder på svenska för de minsta!", 60);
        wishes.answer(sing, 1, State.DONE, "Sångstunden på svenska hålls nu varje torsdag kl. 10.", null, by, daysAgo(45));
        support(sing, 5);
        long outdoors = published(b, "More outdoor play in the yard, also in winter.", 15);
        support(outdoors, 2);
        long parking = published(b, "Lastenvaunuille katettu säilytyspaikka.", 25);
        wishes.answer(parking, 1, State.NOT_POSSIBLE, "Kiinteistö ei salli katosta, mutta eteisessä on nyt vaunutila.",
                null, by, daysAgo(10));
        // a similar wish merged into the evening café
        long similar = published(a, "Iltaisin avoin kohtaamispaikka työssäkäyville.", 12);
        support(similar, 1);
        wishes.merge(similar, 1, evening, by, daysAgo(11));
        // declined
        long declined = wishes.insert(county, a.areaId(), a.id(), "Ilmaiset vaipat kaikille perheille.", daysAgo(9));
        wishes.decline(declined, 0, "Kohtaamispaikka ei voi jakaa hygieniatarvikkeita; neuvola auttaa vaippa-asioissa.",
                by, daysAgo(8));
        // for the whole area, published
        long area = wishes.insert(county, a.areaId(), null, "Yhteinen kesäretki alueen kohtaamispaikoille.", daysAgo(28));
        wishes.publish(area, 0, by, daysAgo(27));
        support(area, 3);
        // waiting for moderation
        wishes.insert(county, a.areaId(), a.id(), "Vauvojen värikylpy tai sensorinen leikki kerran kuussa.", daysAgo(2));
        wishes.insert(county, b.areaId(), b.id(), "Kahvia myös kaurajuomalla, kiitos!", daysAgo(1));
    }

    private long published(Registry.ReportPlace p, String text, int daysAgo) {
        long id = wishes.insert(p.countyId(), p.areaId(), p.id(), text, daysAgo(daysAgo));
        wishes.publish(id, 0, "Demo", daysAgo(daysAgo - 1));
        return id;
    }

    private void support(long id, int times) {
        for (int i = 0; i < times; i++) {
            wishes.support(id);
        }
    }

    private static final String[][] TEXTS = {
        {"Leikki vierekkäin muiden kanssa, katsoi paljon isompia lapsia.", "Haki äidin syliä aina uudessa tilanteessa.",
            "Rumpujen ja laulun aikana nauroi ja taputti.", "Kun lelu otettiin, itki pitkään.", "Lisää musiikkia."},
        {"Otti itse kontaktia ja tarjosi palikoita toisille.", "Näytti ohjaajalle rakennelmiaan.",
            "Palikkatorni ja sen kaataminen.", "Odottaminen välipalalla.", "Että joku aikuinen leikkisi mukana."},
        {null, "Pysytteli isän lähellä koko ajan.", "Kirjat ja lorut sylissä.", "Melu leikkihuoneessa.",
            "Rauhallisempi nurkka."},
        {"Leikki kahden tytön kanssa kotileikkiä.", null, "Ulkoilu ja hiekkalaatikko.", "Sisään tuleminen ulkoa.",
            "Pidempää ulkoilua."},
        {"Seurasi muita sivusta, liittyi lopuksi piiriin.", "Hymyili vieraalle aikuiselle.", "Saippuakuplat.",
            null, "Kuplia uudestaan!"},
        {"Jakoi vuoron liukumäessä.", "Pyysi apua pukemisessa.", "Askartelu ja liimaus.",
            "Kun askartelu loppui kesken.", "Enemmän aikaa askarteluun."},
    };

    private void observations(long county, List<Registry.ReportPlace> places) {
        var themes = observations.themes(county);
        LocalDate today = LocalDate.now(clock);
        for (int pi = 0; pi < 2; pi++) {
            Registry.ReportPlace p = places.get(pi);
            List<ActivityCalendar.OccurrenceRef> sessions = new ArrayList<>();
            for (var a : calendar.activitiesOfPlace(p.id())) {
                calendar.occurrences(a.id(), today.minusDays(60), today.minusDays(1)).stream()
                        .filter(o -> !o.cancelled()).forEach(sessions::add);
            }
            if (sessions.isEmpty()) {
                continue;
            }
            int n = pi == 0 ? 6 : 3;
            for (int i = 0; i < n; i++) {
                var s = sessions.get((i * 3) % sessions.size());
                String[] t = TEXTS[(i + pi) % TEXTS.length];
                long id = observations.insert(county, p.areaId(), p.id(), s.activityId(), s.originalDate(),
                        AgeBand.values()[(i + pi) % AgeBand.values().length], i % 3 == 2 ? Observer.PARENT : Observer.STAFF,
                        new Texts(t[0], t[1], t[2], t[3], t[4]), 0, clock.instant());
                if (i < n - 1 && !themes.isEmpty()) {
                    List<Long> coded = List.of(themes.get(i % themes.size()).id(), themes.get((i * 5 + 2) % themes.size()).id());
                    observations.code(id, 0, coded.stream().distinct().toList(), "Demo", clock.instant());
                }
            }
        }
    }
}
