package fi.kohtaamo.participation.internal.surveys;

import fi.kohtaamo.participation.internal.surveys.SurveyModel.Answers;
import fi.kohtaamo.participation.internal.surveys.SurveyModel.Kind;
import fi.kohtaamo.participation.internal.surveys.SurveyModel.Op;
import fi.kohtaamo.participation.internal.surveys.SurveyModel.Question;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules of a survey, plain Java: which questions a family sees after its answers (a condition only on an
 * earlier question, so one pass in order decides), the answers that count (those to questions not shown are
 * discarded), and the expected time of the survey.
 */
final class SurveyRules {

    /** A survey must stay under five minutes. */
    static final int MAX_SECONDS = 300;

    private SurveyRules() {
    }

    /**
     * Seconds a family needs for a question, from the time the usual surveys take: reading and tapping a choice,
     * a little more per choice to read, a free text the longest. A conditional question counts fully (a family
     * may see it).
     */
    static int seconds(Kind kind, int options) {
        return switch (kind) {
            case SINGLE -> 8 + 2 * options;
            case MULTIPLE -> 10 + 3 * options;
            case SCALE -> 8;
            case YES_NO -> 6;
            case TEXT -> 40;
        };
    }

    /** Reading the introduction and sending. */
    static final int BASE_SECONDS = 20;

    static int expectedSeconds(List<Question> questions) {
        int s = BASE_SECONDS;
        for (Question q : questions) {
            if (!q.retired()) {
                s += seconds(q.kind(), q.options().size());
            }
        }
        return s;
    }

    /** The expected time in whole minutes, rounded up (at least 1). */
    static int minutes(int seconds) {
        return Math.max(1, (seconds + 59) / 60);
    }

    /** Whether the condition holds for the given answer to the earlier question. */
    static boolean holds(Op op, String value, List<String> earlier) {
        if (earlier.isEmpty()) {
            return false;
        }
        return switch (op) {
            case EQUALS -> earlier.size() == 1 && earlier.get(0).equals(value);
            case NOT_EQUALS -> !earlier.contains(value);
            case INCLUDES -> earlier.contains(value);
        };
    }

    /** The operators a condition on a question of this kind may use. */
    static List<Op> opsFor(Kind kind) {
        return switch (kind) {
            case MULTIPLE -> List.of(Op.INCLUDES, Op.NOT_EQUALS);
            case SINGLE, SCALE, YES_NO -> List.of(Op.EQUALS, Op.NOT_EQUALS);
            case TEXT -> List.of();
        };
    }

    /**
     * The questions shown for these answers, in order: a question without a condition always (unless retired),
     * a conditional one when the question it depends on is shown and the condition holds on its answer.
     */
    static Set<Long> visible(List<Question> questions, Answers answers) {
        Set<Long> shown = new LinkedHashSet<>();
        for (Question q : questions) {
            if (q.retired()) {
                continue;
            }
            if (!q.conditional() || (shown.contains(q.condQuestionId())
                    && holds(q.condOp(), q.condValue(), answers.of(q.condQuestionId())))) {
                shown.add(q.id());
            }
        }
        return shown;
    }

    /**
     * The answers that count: only those to questions shown for the answers themselves. An answer to a follow-up
     * whose condition no longer holds (the earlier answer was changed) is discarded, and so are the answers of
     * follow-ups depending on it.
     */
    static Answers kept(List<Question> questions, Answers answers) {
        Set<Long> shown = visible(questions, answers);
        Map<Long, List<String>> out = new LinkedHashMap<>();
        for (Question q : questions) {
            List<String> a = answers.of(q.id());
            if (shown.contains(q.id()) && !a.isEmpty()) {
                out.put(q.id(), List.copyOf(a));
            }
        }
        return new Answers(out);
    }

    /** Questions by id. */
    static Map<Long, Question> byId(List<Question> questions) {
        Map<Long, Question> m = new HashMap<>();
        questions.forEach(q -> m.put(q.id(), q));
        return m;
    }
}
