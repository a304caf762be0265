package fi.kohtaamo.participation.internal.surveys;

import fi.kohtaamo.audit.AuditLog;
import fi.kohtaamo.participation.SurveyAction;
import fi.kohtaamo.participation.internal.surveys.SurveyModel.Choice;
import fi.kohtaamo.participation.internal.surveys.SurveyModel.Kind;
import fi.kohtaamo.participation.internal.surveys.SurveyModel.Op;
import fi.kohtaamo.participation.internal.surveys.SurveyModel.Question;
import fi.kohtaamo.participation.internal.surveys.SurveyModel.Survey;
import fi.kohtaamo.registry.Registry;
import fi.kohtaamo.shared.AccessControl;
import fi.kohtaamo.shared.Actor;
import fi.kohtaamo.shared.FieldErrors;
import fi.kohtaamo.shared.Input;
import fi.kohtaamo.shared.KohtaamoException;
import fi.kohtaamo.shared.LocalizedText;
import fi.kohtaamo.shared.Target;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.MultiValueMap;

/**
 * A survey's questions: the checked question form (types, choices "fi | sv | en", a condition on an earlier choice
 * question), the five-minute limit, and adding, changing, moving and removing questions under the rule that a survey
 * is not changed destructively once locked (see {@link SurveyService}). Every write checked against the survey's
 * places, then audited.
 */
@Service
public class QuestionService {

    private final SurveyQueries queries;
    private final SurveyService surveys;
    private final AuditLog audit;
    private final Clock clock;

    QuestionService(SurveyQueries queries, SurveyService surveys, AuditLog audit, Clock clock) {
        this.queries = queries;
        this.surveys = surveys;
        this.audit = audit;
        this.clock = clock;
    }

    // ---- questions ------------------------------------------------------------------------------

    /** The checked question form. */
    record QuestionInput(Kind kind, LocalizedText text, boolean required, List<Choice> options, Long condQuestionId,
            Op condOp, String condValue) {
    }

    QuestionInput questionInput(MultiValueMap<String, String> p, List<Question> earlier) {
        FieldErrors errors = new FieldErrors();
        Input in = new Input(errors);
        Kind kind = in.choice("questionKind", p.getFirst("questionKind"), Kind.class, true);
        LocalizedText text = LocalizedText.of(in.requiredLine("questionTextFi", p.getFirst("questionTextFi"),
                SurveyService.MAX_QUESTION), in.line("questionTextSv", p.getFirst("questionTextSv"), SurveyService.MAX_QUESTION),
                in.line("questionTextEn", p.getFirst("questionTextEn"), SurveyService.MAX_QUESTION));
        boolean required = "true".equals(p.getFirst("questionRequired"));
        List<Choice> options = new ArrayList<>();
        String rawOptions = in.paragraph("questionOptions", p.getFirst("questionOptions"), 4000);
        if (kind == Kind.SINGLE || kind == Kind.MULTIPLE) {
            int n = 0;
            for (String line : rawOptions == null ? new String[0] : rawOptions.split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                String[] parts = line.split("\\|", -1);
                String fi = parts[0].strip();
                String sv = parts.length > 1 ? parts[1].strip() : "";
                String en = parts.length > 2 ? parts[2].strip() : "";
                if (parts.length > 3 || fi.isEmpty() || fi.length() > SurveyService.MAX_OPTION || sv.length() > SurveyService.MAX_OPTION
                        || en.length() > SurveyService.MAX_OPTION) {
                    errors.add("questionOptions", "surveys.error.optionLine", SurveyService.MAX_OPTION);
                    break;
                }
                options.add(new Choice("o" + (++n), LocalizedText.of(fi, sv.isEmpty() ? null : sv,
                        en.isEmpty() ? null : en)));
            }
            if (!errors.has("questionOptions") && (options.size() < 2 || options.size() > SurveyService.MAX_OPTIONS)) {
                errors.add("questionOptions", "surveys.error.optionCount", SurveyService.MAX_OPTIONS);
            }
        }
        Long condQuestion = null;
        Op op = null;
        String value = null;
        String cond = p.getFirst("questionCondition");
        if (cond != null && !cond.isBlank()) {
            String[] parts = cond.strip().split(":", 2);
            Question target = parts.length == 2 && parts[0].matches("^[0-9]{1,18}$") ? earlier.stream()
                    .filter(q -> q.id() == Long.parseLong(parts[0])).findFirst().orElse(null) : null;
            if (target == null || !target.kind().choice() || !target.codes().contains(parts[1])) {
                errors.add("questionCondition", "surveys.error.conditionEarlier");
            } else {
                op = in.choice("questionCondOp", p.getFirst("questionCondOp"), Op.class, true);
                if (op != null && !SurveyRules.opsFor(target.kind()).contains(op)) {
                    errors.add("questionCondOp", "surveys.error.conditionOp");
                }
                condQuestion = target.id();
                value = parts[1];
            }
        }
        errors.throwIfAny();
        return new QuestionInput(kind, text, required, options, condQuestion, op, value);
    }

    private static void requireTime(List<Question> questions, Kind kind, int options, Long replacing) {
        int s = SurveyRules.BASE_SECONDS + SurveyRules.seconds(kind, options);
        for (Question q : questions) {
            if (!q.retired() && (replacing == null || q.id() != replacing)) {
                s += SurveyRules.seconds(q.kind(), q.options().size());
            }
        }
        if (s > SurveyRules.MAX_SECONDS) {
            throw new KohtaamoException.Invalid(new FieldErrors().add("questionKind", "surveys.error.tooLong",
                    SurveyRules.minutes(s), SurveyRules.MAX_SECONDS / 60));
        }
    }

    @Transactional
    public long addQuestion(Actor actor, long surveyId, MultiValueMap<String, String> p) {
        Survey s = surveys.buildable(actor, surveyId);
        List<Question> questions = queries.questions(surveyId);
        QuestionInput q = questionInput(p, questions.stream().filter(x -> !x.retired()).toList());
        if (questions.size() >= SurveyService.MAX_QUESTIONS) {
            throw new KohtaamoException.Invalid(new FieldErrors().add("questionKind", "surveys.error.tooMany",
                    SurveyService.MAX_QUESTIONS));
        }
        requireTime(questions, q.kind(), q.options().size(), null);
        int position = questions.stream().mapToInt(Question::position).max().orElse(-1) + 1;
        String code = "q" + (questions.size() + 1);
        while (true) {
            String c = code;
            if (questions.stream().noneMatch(x -> x.code().equals(c))) {
                break;
            }
            code = code + "x";
        }
        long id = queries.insertQuestion(surveyId, position, code, q.kind(), q.text(), q.required(),
                q.condQuestionId(), q.condOp(), q.condValue());
        queries.replaceOptions(id, q.options());
        queries.touch(surveyId, clock.instant());
        audit.record(actor, "SURVEY_QUESTION_CREATE", "survey_question", id, surveys.placeTarget(s.placeIds().get(0)),
                null, q);
        return id;
    }

    Question question(long surveyId, long questionId) {
        return queries.questions(surveyId).stream().filter(q -> q.id() == questionId).findFirst()
                .orElseThrow(() -> new KohtaamoException.NotFound("question"));
    }

    @Transactional
    public void updateQuestion(Actor actor, long surveyId, long questionId, MultiValueMap<String, String> p) {
        Survey s = surveys.buildable(actor, surveyId);
        List<Question> questions = queries.questions(surveyId);
        Question before = question(surveyId, questionId);
        List<Question> earlier = questions.stream().filter(x -> !x.retired() && x.position() < before.position())
                .toList();
        QuestionInput q = questionInput(p, earlier);
        if (surveys.locked(s)) {
            // only texts: the type, the choices, the condition and the required flag keep their meaning
            boolean sameShape = q.kind() == before.kind() && q.options().size() == before.options().size()
                    && java.util.Objects.equals(q.condQuestionId(), before.condQuestionId())
                    && q.condOp() == before.condOp() && java.util.Objects.equals(q.condValue(), before.condValue())
                    && q.required() == before.required();
            if (!sameShape) {
                throw new KohtaamoException.Invalid(new FieldErrors().add("questionKind", "surveys.error.locked"));
            }
            queries.updateQuestion(questionId, before.kind(), q.text(), before.required(), before.condQuestionId(),
                    before.condOp(), before.condValue());
            for (int i = 0; i < q.options().size(); i++) {
                queries.updateOptionText(questionId, before.options().get(i).code(), q.options().get(i).text());
            }
        } else {
            requireTime(questions, q.kind(), q.options().size(), questionId);
            // a question others depend on keeps what they depend on
            for (Question dep : questions) {
                if (Long.valueOf(questionId).equals(dep.condQuestionId())) {
                    List<String> codes = q.kind() == Kind.SINGLE || q.kind() == Kind.MULTIPLE
                            ? q.options().stream().map(Choice::code).toList() : q.kind().fixedCodes();
                    if (!codes.contains(dep.condValue()) || !SurveyRules.opsFor(q.kind()).contains(dep.condOp())) {
                        throw new KohtaamoException.Invalid(new FieldErrors().add("questionKind",
                                "surveys.error.dependedOn"));
                    }
                }
            }
            queries.updateQuestion(questionId, q.kind(), q.text(), q.required(), q.condQuestionId(), q.condOp(),
                    q.condValue());
            queries.replaceOptions(questionId, q.options());
        }
        queries.touch(surveyId, clock.instant());
        audit.record(actor, "SURVEY_QUESTION_UPDATE", "survey_question", questionId,
                surveys.placeTarget(s.placeIds().get(0)), before, q);
    }

    /** Moves a question up or down, before the survey is locked; a follow-up never goes before its question. */
    @Transactional
    public void move(Actor actor, long surveyId, long questionId, boolean up) {
        Survey s = surveys.buildable(actor, surveyId);
        if (surveys.locked(s)) {
            throw new KohtaamoException.Conflict("survey-locked", "survey");
        }
        List<Question> questions = new ArrayList<>(queries.questions(surveyId));
        int i = questions.indexOf(question(surveyId, questionId));
        int j = up ? i - 1 : i + 1;
        if (j < 0 || j >= questions.size()) {
            return;
        }
        Question a = questions.get(Math.min(i, j));
        Question b = questions.get(Math.max(i, j));
        if (Long.valueOf(a.id()).equals(b.condQuestionId())) {
            throw new KohtaamoException.Conflict("survey-condition-order", "survey");
        }
        questions.set(Math.min(i, j), b);
        questions.set(Math.max(i, j), a);
        for (int k = 0; k < questions.size(); k++) {
            queries.setPosition(questions.get(k).id(), k);
        }
        queries.touch(surveyId, clock.instant());
        audit.record(actor, "SURVEY_QUESTION_MOVE", "survey_question", questionId,
                surveys.placeTarget(s.placeIds().get(0)), i, j);
    }

    /**
     * Removes a question before the survey is locked (with the follow-ups that depend on it: their condition
     * could never hold); once locked it is retired instead, its answers kept.
     */
    @Transactional
    public void remove(Actor actor, long surveyId, long questionId) {
        Survey s = surveys.buildable(actor, surveyId);
        Question q = question(surveyId, questionId);
        List<Question> questions = queries.questions(surveyId);
        boolean locked = surveys.locked(s);
        List<Long> gone = new ArrayList<>(List.of(questionId));
        for (Question x : questions) {
            if (x.condQuestionId() != null && gone.contains(x.condQuestionId())) {
                gone.add(x.id());
            }
        }
        for (int k = gone.size() - 1; k >= 0; k--) {
            if (locked) {
                queries.retire(gone.get(k));
            } else {
                queries.deleteQuestion(gone.get(k));
            }
        }
        queries.touch(surveyId, clock.instant());
        audit.record(actor, locked ? "SURVEY_QUESTION_RETIRE" : "SURVEY_QUESTION_DELETE", "survey_question",
                questionId, surveys.placeTarget(s.placeIds().get(0)), q, gone);
    }
}
