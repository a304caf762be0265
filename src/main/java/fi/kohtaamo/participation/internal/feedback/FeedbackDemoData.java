package fi.kohtaamo.participation.internal.feedback;

import fi.kohtaamo.participation.internal.feedback.FeedbackQueries.NewFeedback;
import fi.kohtaamo.registry.Registry;
import fi.kohtaamo.shared.ClockConfig;
import fi.kohtaamo.shared.DemoData;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo feedback for the demo places over the past six months and this one: most places get 5–30 answers a month,
 * leaning to the happy faces; every fourth place only 1–4 a month (so the staff page and the reports show "&lt;5");
 * every sixth answer has a free text, seen by the place's staff except this month's. Loaded once (when there is no
 * feedback yet); deterministic.
 */
@Component
@Order(140)
class FeedbackDemoData implements DemoData {

    private static final List<String> BEST = List.of("Lauluhetki ja uudet tutut", "Vauvojen värikylpy oli ihana",
            "Sain jutella muiden vanhempien kanssa", "Leikkihuoneen rauhallisuus", "Kahvi ja ystävällinen ohjaaja",
            "Sagostunden och att barnen fick leka", "Skapande verkstad", "Meeting other parents in English",
            "Ulkoilu pihalla yhdessä", "Lapset löysivät kavereita");
    private static final List<String> WISH = List.of("Enemmän iltapäiväaikoja", "Isä-lapsi-ryhmä lauantaisin",
            "Tilaa vaunuille eteiseen", "Mer verksamhet på svenska", "Retki luontoon keväällä",
            "Puheterapeutti käymään", "A group for families who speak Arabic", "Pidemmät aukioloajat",
            "Musiikkia useammin", "Hiljainen nurkka imettämiseen");

    private final FeedbackQueries queries;
    private final Registry registry;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

    FeedbackDemoData(FeedbackQueries queries, Registry registry, Clock clock, TransactionTemplate tx,
            org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        this.queries = queries;
        this.registry = registry;
        this.clock = clock;
        this.tx = tx;
        this.jdbc = jdbc;
    }

    @Override
    public void load() {
        tx.executeWithoutResult(status -> {
            if (jdbc.sql("select count(*) from feedback").query(Long.class).single() > 0) {
                return;
            }
            LocalDate today = LocalDate.now(clock.withZone(ClockConfig.ZONE));
            YearMonth thisMonth = YearMonth.from(today);
            List<Registry.Ref> places = registry.places(null, null);
            int p = 0;
            int texts = 0;
            for (Registry.Ref ref : places) {
                boolean published = registry.staffPlace(ref.id()).map(Registry.StaffPlace::published).orElse(false);
                if (!published) {
                    continue;
                }
                p++;
                boolean few = p % 4 == 0;
                for (int back = 6; back >= 0; back--) {
                    YearMonth month = thisMonth.minusMonths(back);
                    int answers = few ? 1 + (p + back) % 4 : 5 + (p * 7 + back * 3) % 26;
                    int lastDay = back == 0 ? today.getDayOfMonth() : month.lengthOfMonth();
                    for (int a = 0; a < answers; a++) {
                        int seed = p * 31 + back * 17 + a * 7;
                        // happy faces most often: 5, 5, 4, 5, 4, 3, 5, 2, 4, 1
                        int face = new int[] {5, 5, 4, 5, 4, 3, 5, 2, 4, 1}[seed % 10];
                        LocalDate day = month.atDay(1 + (seed % lastDay));
                        boolean text = (a + p) % 6 == 0;
                        queries.insert(new NewFeedback(ref.id(), day, null, null, face, null, seed % 5 == 0,
                                seed % 3 == 0, text ? BEST.get(texts % BEST.size()) : null,
                                text && texts % 2 == 0 ? WISH.get(texts % WISH.size()) : null));
                        texts += text ? 1 : 0;
                    }
                }
                // the staff have seen the texts of the months before this one
                queries.markSeen(ref.id(), thisMonth.minusMonths(6).atDay(1), thisMonth.minusMonths(1).atEndOfMonth(), 0,
                        clock.instant());
            }
        });
    }
}
