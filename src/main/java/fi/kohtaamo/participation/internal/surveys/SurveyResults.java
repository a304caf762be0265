package fi.kohtaamo.participation.internal.surveys;

import fi.kohtaamo.participation.internal.surveys.SurveyModel.Kind;
import fi.kohtaamo.participation.internal.surveys.SurveyModel.Question;
import fi.kohtaamo.shared.SmallNumbers;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * A survey round's results over a set of places, protected by the small-number rule
 * (docs/privacy-of-reports.md, {@link SmallNumbers#THRESHOLD}).
 *
 * <p><b>The unit</b> is a place's answers to one question in one round (and, for the number of answers, a place's
 * answerings in the round). A unit with fewer than 5 answers is not shown, and it is <i>left out of every sum</i>:
 * a total, an area's figure and the previous round's column are sums of the units that are shown on their own.
 * So whatever a user adds and subtracts across places, areas, rounds and downloads, the most that can come out is
 * a shown unit; a hidden place's answers are in no figure at all. Rounds are fixed periods (no date filter), so
 * periods cannot be differenced either. The cost: the answers of places with fewer than 5 are not in the totals
 * (the page says how many places that is, never how many answers). Free texts follow the same units.
 */
@Component
class SurveyResults {

    private final SurveyQueries queries;

    SurveyResults(SurveyQueries queries) {
        this.queries = queries;
    }

    /** The raw figures of a round, by unit. */
    record Raw(Map<Long, Long> responses, Map<Long, Map<Long, Long>> answered,
            Map<Long, Map<Long, Map<String, Long>>> counts, List<SurveyQueries.Text> texts) {

        long answered(long place, long question) {
            return answered.getOrDefault(place, Map.of()).getOrDefault(question, 0L);
        }

        long count(long place, long question, String code) {
            return counts.getOrDefault(place, Map.of()).getOrDefault(question, Map.of()).getOrDefault(code, 0L);
        }
    }

    Raw raw(long surveyId) {
        Map<Long, Map<Long, Long>> answered = new HashMap<>();
        Map<Long, Map<Long, Map<String, Long>>> counts = new HashMap<>();
        for (SurveyQueries.Tally t : queries.tallies(surveyId)) {
            if (t.code() == null) {
                answered.computeIfAbsent(t.placeId(), k -> new HashMap<>()).put(t.questionId(), t.count());
            } else {
                counts.computeIfAbsent(t.placeId(), k -> new HashMap<>())
                        .computeIfAbsent(t.questionId(), k -> new HashMap<>()).put(t.code(), t.count());
            }
        }
        return new Raw(queries.responsesPerPlace(surveyId), answered, counts, queries.texts(surveyId));
    }

    /** Whether a unit is shown on its own (and so counted in sums). */
    static boolean shown(long value) {
        return value >= SmallNumbers.THRESHOLD;
    }

    /** One question's figures over a set of places: answered, per code, free texts; {@code shown} false: hidden. */
    record Figures(boolean shown, long answered, Map<String, Long> counts, List<String> texts) {

        static final Figures HIDDEN = new Figures(false, 0, Map.of(), List.of());

        long count(String code) {
            return counts.getOrDefault(code, 0L);
        }
    }

    /** The answerings over a set of places: the sum of the places shown, and how many places were left out. */
    record Responses(long count, boolean shown, int placesLeftOut) {
    }

    static Responses responses(Raw raw, Collection<Long> places) {
        long sum = 0;
        int out = 0;
        for (long p : places) {
            long n = raw.responses().getOrDefault(p, 0L);
            if (shown(n)) {
                sum += n;
            } else if (n > 0) {
                out++;
            }
        }
        return new Responses(sum, shown(sum), out);
    }

    /** A question's figures over the places: the sum of the place units shown. */
    static Figures figures(Raw raw, Question q, Collection<Long> places) {
        long answered = 0;
        Map<String, Long> counts = new LinkedHashMap<>();
        List<Long> included = new ArrayList<>();
        for (long p : places) {
            long a = raw.answered(p, q.id());
            if (!shown(a)) {
                continue;
            }
            included.add(p);
            answered += a;
            for (String code : q.codes()) {
                counts.merge(code, raw.count(p, q.id(), code), Long::sum);
            }
        }
        if (!shown(answered)) {
            return Figures.HIDDEN;
        }
        List<String> texts = q.kind() == Kind.TEXT ? raw.texts().stream()
                .filter(t -> t.questionId() == q.id() && included.contains(t.placeId()))
                .map(SurveyQueries.Text::text).sorted().toList() : List.of();
        return new Figures(true, answered, counts, texts);
    }
}
