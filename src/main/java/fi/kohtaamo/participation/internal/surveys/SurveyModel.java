package fi.kohtaamo.participation.internal.surveys;

import fi.kohtaamo.shared.LocalizedText;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** What a survey is made of, as read from the database (never bound to a form). */
final class SurveyModel {

    private SurveyModel() {
    }

    /** The question types. Scale (1–5 with faces) and yes/no have fixed choices; free text has none. */
    enum Kind {
        SINGLE, MULTIPLE, SCALE, YES_NO, TEXT;

        boolean choice() {
            return this != TEXT;
        }

        /** The fixed choices' codes of scale and yes/no (their labels are messages {@code surveys.choice.<code>}). */
        List<String> fixedCodes() {
            return switch (this) {
                case SCALE -> List.of("1", "2", "3", "4", "5");
                case YES_NO -> List.of("yes", "no");
                default -> List.of();
            };
        }
    }

    /** How a condition compares the earlier answer: the chosen value is / is not the given one; it includes it. */
    enum Op {
        EQUALS, NOT_EQUALS, INCLUDES
    }

    record Survey(long id, long countyId, LocalizedText title, LocalizedText intro, LocalDate opensOn,
            LocalDate closesOn, Long previousId, String templateKey, int version, List<Long> placeIds) {

        boolean openOn(LocalDate day) {
            return !day.isBefore(opensOn) && !day.isAfter(closesOn);
        }
    }

    /** A choice of a single- or multiple-choice question; {@code text} is null for the fixed ones. */
    record Choice(String code, LocalizedText text) {
    }

    record Question(long id, int position, String code, Kind kind, LocalizedText text, boolean required,
            Long condQuestionId, Op condOp, String condValue, boolean retired, List<Choice> options) {

        /** The codes a family may choose (the stored options, or the fixed ones). */
        List<String> codes() {
            return kind == Kind.SINGLE || kind == Kind.MULTIPLE ? options.stream().map(Choice::code).toList()
                    : kind.fixedCodes();
        }

        boolean conditional() {
            return condQuestionId != null;
        }
    }

    /**
     * A family's answers by question id: the chosen codes, or for a free-text question the one text. Absent or
     * empty means not answered.
     */
    record Answers(Map<Long, List<String>> byQuestion) {

        List<String> of(long questionId) {
            return byQuestion.getOrDefault(questionId, List.of());
        }
    }
}
