package fi.kohtaamo.participation.internal.surveys;

import fi.kohtaamo.participation.internal.surveys.SurveyModel.Answers;
import fi.kohtaamo.participation.internal.surveys.SurveyModel.Kind;
import fi.kohtaamo.participation.internal.surveys.SurveyModel.Question;
import fi.kohtaamo.registry.Registry;
import fi.kohtaamo.shared.DemoData;
import fi.kohtaamo.shared.LocalizedText;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo visitor surveys for Länsi-Uusimaa: the template survey as two rounds, last spring (March–April) and this
 * autumn (October to the week before Christmas, the second comparing itself with the first), open at the first
 * ten places, answered by families: most places with enough answers to show, some with fewer than 5 (hidden in
 * the results), one with none. Answers follow the seeds' experience (influencing the programme the weakest) and
 * the conditional question's rule. Loaded once (when the county has no survey yet); deterministic.
 */
@Component
@Order(140)
class SurveyDemoData implements DemoData {

    /** Answerings per place, spring and autumn, in the order of the places. */
    static final int[] SPRING = {14, 3, 9, 0, 22, 6, 2, 11, 7, 4};
    static final int[] AUTUMN = {18, 4, 12, 6, 25, 2, 8, 13, 5, 9};

    private static final List<String> WISHES = List.of("Lisää ulkoilua ja retkiä lähimetsään.",
            "Vauvoille oma aamu, jolloin on rauhallisempaa.", "Isä–lapsi-iltoja myös arkisin.",
            "Enemmän laulua ja loruja.", "Mer sång och lek på svenska.", "More activities in English, please.",
            "Kahvia vanhemmille ja yhteinen hetki alussa.", "Pidemmät aukioloajat iltapäivällä.");
    private static final List<String> MEET_HELP = List.of("Nimilaput ja esittäytymiskierros alussa.",
            "Ohjaaja voisi esitellä perheitä toisilleen.", "Pienempi ryhmä, jossa on helpompi jutella.",
            "En jaksanut tänään jutella, ja se on ihan ok.");

    private final SurveyQueries queries;
    private final Registry registry;
    private final Clock clock;
    private final TransactionTemplate tx;

    SurveyDemoData(SurveyQueries queries, Registry registry, Clock clock, TransactionTemplate tx) {
        this.queries = queries;
        this.registry = registry;
        this.clock = clock;
        this.tx = tx;
    }

    @Override
    public void load() {
        tx.executeWithoutResult(status -> {
            Optional<Long> county = registry.countyIdByCode("LU");
            if (county.isEmpty()) {
                return;
            }
            List<Long> places = registry.places(county.get(), null).stream().map(Registry.Ref::id).limit(10).toList();
            if (places.isEmpty() || !queries.surveysAt(places).isEmpty()) {
                return;
            }
            LocalDate today = LocalDate.now(clock);
            int year = today.getMonthValue() >= 10 ? today.getYear() : today.getYear() - 1;
            long spring = round(county.get(), places, LocalDate.of(year, 3, 2), LocalDate.of(year, 4, 30), null,
                    LocalizedText.of("Kävijäkysely, kevät " + year, "Besöksenkät, våren " + year,
                            "Visitor survey, spring " + year));
            long autumn = round(county.get(), places, LocalDate.of(year, 10, 1), LocalDate.of(year, 12, 18), spring,
                    LocalizedText.of("Kävijäkysely, syksy " + year, "Besöksenkät, hösten " + year,
                            "Visitor survey, autumn " + year));
            answer(spring, places, SPRING, LocalDate.of(year, 3, 2), LocalDate.of(year, 4, 30), today, 1);
            answer(autumn, places, AUTUMN, LocalDate.of(year, 10, 1), LocalDate.of(year, 12, 18), today, 2);
        });
    }

    private long round(long county, List<Long> places, LocalDate opens, LocalDate closes, Long previous,
            LocalizedText title) {
        long id = queries.insertSurvey(county, title, SurveyTemplate.INTRO, opens, closes, previous,
                SurveyTemplate.KEY, 0, clock.instant());
        queries.setPlaces(id, places);
        Map<String, Long> ids = new HashMap<>();
        int pos = 0;
        for (SurveyTemplate.Item item : SurveyTemplate.ITEMS) {
            long q = queries.insertQuestion(id, pos++, item.code(), item.kind(), item.text(), false,
                    item.condOn() == null ? null : ids.get(item.condOn()), item.condOp(), item.condValue());
            queries.replaceOptions(q, item.options());
            ids.put(item.code(), q);
        }
        return id;
    }

    private void answer(long survey, List<Long> places, int[] counts, LocalDate opens, LocalDate closes,
            LocalDate today, int seed) {
        List<Question> questions = queries.questions(survey);
        LocalDate last = closes.isBefore(today) ? closes : today;
        if (last.isBefore(opens)) {
            return;
        }
        long days = last.toEpochDay() - opens.toEpochDay() + 1;
        Random random = new Random(1000L * seed + survey % 7);
        for (int i = 0; i < places.size() && i < counts.length; i++) {
            for (int n = 0; n < counts[i]; n++) {
                Map<Long, List<String>> given = new LinkedHashMap<>();
                for (Question q : questions) {
                    List<String> a = answerTo(q, random);
                    if (!a.isEmpty()) {
                        given.put(q.id(), a);
                    }
                }
                Answers kept = SurveyRules.kept(questions, new Answers(given));
                byte[] token = new byte[16];
                random.nextBytes(token);
                long r = queries.insertResponse(survey, places.get(i), opens.plusDays(random.nextLong(days)),
                        random.nextInt(10) == 0 ? "sv" : "fi", java.util.HexFormat.of().formatHex(token));
                kept.byQuestion().forEach((qid, values) -> {
                    Question q = questions.stream().filter(x -> x.id() == qid).findFirst().orElseThrow();
                    values.forEach(v -> queries.insertAnswer(r, qid, q.kind() == Kind.TEXT ? null : v,
                            q.kind() == Kind.TEXT ? v : null));
                });
            }
        }
    }

    /** A plausible answer: welcome and pleasant high, influence the weakest, some texts left empty. */
    private static List<String> answerTo(Question q, Random random) {
        return switch (q.code()) {
            case "welcome", "pleasant" -> List.of(String.valueOf(random.nextInt(10) < 7 ? 5 : 3 + random.nextInt(2)));
            case "children_considered" -> List.of(String.valueOf(3 + random.nextInt(3)));
            case "influence" -> random.nextInt(6) == 0 ? List.of() : List.of(String.valueOf(2 + random.nextInt(3)));
            case "met_people" -> List.of(random.nextInt(10) < 6 ? "yes" : "no");
            case "children_friends" -> List.of(random.nextInt(10) < 7 ? "yes" : "no");
            case "meet_help" -> random.nextInt(3) == 0 ? List.of(MEET_HELP.get(random.nextInt(MEET_HELP.size())))
                    : List.of();
            case "wish" -> random.nextInt(3) == 0 ? List.of(WISHES.get(random.nextInt(WISHES.size()))) : List.of();
            case "heard_from" -> {
                List<String> codes = new ArrayList<>(q.codes());
                String first = codes.get(random.nextInt(codes.size()));
                String second = codes.get(random.nextInt(codes.size()));
                yield first.equals(second) || random.nextBoolean() ? List.of(first) : List.of(first, second);
            }
            default -> List.of();
        };
    }
}
