package fi.kohtaamo.participation.internal.planning;

import fi.kohtaamo.identity.StaffDirectory;
import fi.kohtaamo.participation.internal.wishes.WishQueries.Wish;
import fi.kohtaamo.registry.Registry;
import fi.kohtaamo.shared.Actor;
import fi.kohtaamo.shared.DemoData;
import fi.kohtaamo.shared.Role;
import fi.kohtaamo.shared.Scope;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo planning days for Länsi-Uusimaa, after the wishes and the working groups: in the first demo place's area, one
 * held two weeks ago whose decisions answer two of the demo wishes (one of the place, the area's own), and one
 * coming in three weeks. Arranged by the county's demo coordinator through the service, as on the page (so the
 * calendar events, the working group's meetings and the audit are the real ones), marked as demo. Loaded once.
 */
@Component
@Order(160)
class PlanningDemoData implements DemoData {

    private final PlanningService service;
    private final PlanningDecisionService decisions;
    private final Registry registry;
    private final StaffDirectory staff;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final TransactionTemplate tx;

    PlanningDemoData(PlanningService service, PlanningDecisionService decisions, Registry registry,
            StaffDirectory staff, JdbcClient jdbc, Clock clock, TransactionTemplate tx) {
        this.service = service;
        this.decisions = decisions;
        this.registry = registry;
        this.staff = staff;
        this.jdbc = jdbc;
        this.clock = clock;
        this.tx = tx;
    }

    @Override
    public void load() {
        tx.executeWithoutResult(status -> {
            Optional<Long> county = registry.countyIdByCode("LU");
            var coordinator = staff.byEmail("koordinaattori@demo.kohtaamo.fi");
            if (county.isEmpty() || coordinator.isEmpty() || jdbc.sql(
                    "select count(*) from planning_day where county_id = :c").param("c", county.get())
                    .query(Long.class).single() > 0) {
                return;
            }
            List<Registry.ReportPlace> places = registry.reportPlaces(new Scope(false, county.get(), -1,
                    List.of(-1L), -1)).stream().filter(Registry.ReportPlace::published).toList();
            if (places.isEmpty()) {
                return;
            }
            Actor actor = new Actor(coordinator.get().id(), coordinator.get().name(), Role.COUNTY_COORDINATOR, null,
                    Set.of(), county.get(), null, null);
            load(actor, places.get(0));
        });
    }

    private void load(Actor actor, Registry.ReportPlace place) {
        LocalDate today = LocalDate.now(clock);
        LocalDate past = today.minusWeeks(2).with(TemporalAdjusters.previousOrSame(DayOfWeek.TUESDAY));
        long held = service.create(actor, form(place, past, "Kokosimme syksyn toiveet, kävijäkyselyn ja palautteen "
                + "ja sovimme kevään ohjelmasta yhdessä perheiden kanssa. Lapsille oli omaa ohjelmaa.",
                "Vi samlade höstens önskemål, enkäten och responsen och planerade vårens program tillsammans med "
                        + "familjerna.", null), true);
        List<Wish> wishes = service.linkable(service.readable(actor, held));
        List<String> dads = ids(wishes, w -> w.placeId() != null && w.body().startsWith("Isä"));
        List<String> area = ids(wishes, w -> w.placeId() == null);
        decisions.decide(actor, held, Map.of("decision", "Isä–lapsi-aamu aloitetaan lauantaisin kerran kuussa "
                + "vapaaehtoisten isien kanssa; ensimmäinen kerta maaliskuussa.", "wishState", "PLANNED"), dads);
        decisions.decide(actor, held, Map.of("decision", "Alueen kohtaamispaikat tekevät yhteisen kesäretken "
                + "kesäkuussa; MLL ja seurakunta hoitavat kuljetuksen.", "wishState", "PLANNED"), area);
        decisions.decide(actor, held, Map.of("decision", "Kävijäkysely toistetaan keväällä samoilla kysymyksillä, "
                + "jotta tuloksia voi verrata.", "wishState", "CONSIDERING"), List.of());
        LocalDate coming = today.plusWeeks(3).with(TemporalAdjusters.nextOrSame(DayOfWeek.TUESDAY));
        service.create(actor, form(place, coming, "Tule suunnittelemaan alueen kohtaamispaikkojen kesää ja syksyä! "
                + "Käymme läpi toiveet ja palautteen. Lapsille on leikkiä ja välipala.",
                "Kom och planera sommaren och hösten vid områdets mötesplatser! Barnen har lek och mellanmål.",
                "Come and plan the summer and autumn of the area's meeting places! Play and a snack for the "
                        + "children."), true);
    }

    private static Map<String, String> form(Registry.ReportPlace place, LocalDate day, String fi, String sv,
            String en) {
        Map<String, String> f = new HashMap<>();
        f.put("placeId", String.valueOf(place.id()));
        f.put("planningDate", day.toString());
        f.put("planningStart", "17:00");
        f.put("planningEnd", "19:30");
        f.put("descriptionFi", fi);
        f.put("descriptionSv", sv);
        if (en != null) {
            f.put("descriptionEn", en);
        }
        return f;
    }

    private static List<String> ids(List<Wish> wishes, java.util.function.Predicate<Wish> which) {
        return wishes.stream().filter(which).map(w -> String.valueOf(w.id())).toList();
    }
}
