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
 * The survey builder: who may build and read which survey (from the survey's places, never a form field), the
 * survey's details and places, and its questions. Every write is checked, validated, then audited.
 *
 * <p><b>Not destructive once answered.</b> A survey is <i>locked</i> from its first day or its first answer,
 * whichever comes first. Before that, questions can be reordered, changed in every way and removed. Once locked,
 * a question's texts (and its choices' texts) can be corrected, a question can be added at the end, and a question
 * can be <i>retired</i>: it leaves the form, its answers stay in the results. Its type, choices, condition and
 * place in the order no longer change, so every stored answer keeps the meaning it was given.
 */
@Service
public class SurveyService {

    static final int MAX_TITLE = 200;
    static final int MAX_INTRO = 1000;
    static final int MAX_QUESTION = 300;
    static final int MAX_OPTION = 200;
    static final int MAX_OPTIONS = 12;
    static final int MAX_QUESTIONS = 30;

    private final SurveyQueries queries;
    private final Registry registry;
    private final AuditLog audit;
    private final Clock clock;

    SurveyService(SurveyQueries queries, Registry registry, AuditLog audit, Clock clock) {
        this.queries = queries;
        this.registry = registry;
        this.audit = audit;
        this.clock = clock;
    }

    // ---- access ---------------------------------------------------------------------------------

    private Target placeTarget(long placeId) {
        return registry.placeTarget(placeId).orElse(new Target(null, null, Set.of(), placeId));
    }

    /** Whether the actor may build the survey: every one of its places lies in the actor's scope. */
    boolean mayBuild(Actor actor, Survey s) {
        return !s.placeIds().isEmpty()
                && s.placeIds().stream().allMatch(p -> AccessControl.allows(actor, SurveyAction.BUILD, placeTarget(p)));
    }

    /** The survey's places (and those where it was answered) whose results the actor may read. */
    List<Long> readablePlaces(Actor actor, Survey s) {
        Set<Long> all = new LinkedHashSet<>(s.placeIds());
        all.addAll(queries.responsesPerPlace(s.id()).keySet());
        return all.stream().filter(p -> AccessControl.allows(actor, SurveyAction.RESULTS, placeTarget(p))).toList();
    }

    Survey readable(Actor actor, long id) {
        Survey s = queries.survey(id).orElseThrow(() -> new KohtaamoException.NotFound("survey"));
        if (readablePlaces(actor, s).isEmpty()) {
            throw new KohtaamoException.Forbidden(SurveyAction.RESULTS.name());
        }
        return s;
    }

    Survey buildable(Actor actor, long id) {
        Survey s = queries.survey(id).orElseThrow(() -> new KohtaamoException.NotFound("survey"));
        if (!mayBuild(actor, s)) {
            throw new KohtaamoException.Forbidden(SurveyAction.BUILD.name());
        }
        return s;
    }

    /** Surveys with a place in the actor's scope, newest first. */
    List<Survey> surveys(Actor actor) {
        return queries.surveysAt(registry.placesInScope(AccessControl.scope(actor, SurveyAction.RESULTS)).stream()
                .map(Registry.StaffPlace::id).toList());
    }

    /** A survey open today, for the participation landing page. */
    public record OpenSurvey(long id, fi.kohtaamo.shared.LocalizedText title, LocalDate closesOn) {
    }

    /** Surveys open today with a place in the actor's scope (none without {@link SurveyAction#RESULTS}). */
    public List<OpenSurvey> openNow(Actor actor) {
        if (!AccessControl.mayEver(actor, SurveyAction.RESULTS)) {
            return List.of();
        }
        LocalDate today = LocalDate.now(clock);
        return surveys(actor).stream().filter(s -> !today.isBefore(s.opensOn()) && !today.isAfter(s.closesOn()))
                .map(s -> new OpenSurvey(s.id(), s.title(), s.closesOn())).toList();
    }

    /** Places the actor may open a survey at. */
    List<Registry.StaffPlace> buildablePlaces(Actor actor) {
        return registry.placesInScope(AccessControl.scope(actor, SurveyAction.BUILD)).stream()
                .filter(p -> AccessControl.allows(actor, SurveyAction.BUILD, placeTarget(p.id()))).toList();
    }

    boolean locked(Survey s) {
        return !LocalDate.now(clock).isBefore(s.opensOn()) || queries.responses(s.id()) > 0;
    }

    List<Question> questions(long surveyId) {
        return queries.questions(surveyId);
    }

    // ---- details --------------------------------------------------------------------------------

    /** The checked details of a survey form. */
    private record Details(LocalizedText title, LocalizedText intro, LocalDate opens, LocalDate closes,
            List<Long> places, Long previousId, long countyId) {
    }

    private Details details(Actor actor, MultiValueMap<String, String> p, Long selfId) {
        FieldErrors errors = new FieldErrors();
        Input in = new Input(errors);
        LocalizedText title = LocalizedText.of(in.requiredLine("surveyTitleFi", p.getFirst("surveyTitleFi"), MAX_TITLE),
                in.line("surveyTitleSv", p.getFirst("surveyTitleSv"), MAX_TITLE),
                in.line("surveyTitleEn", p.getFirst("surveyTitleEn"), MAX_TITLE));
        LocalizedText intro = LocalizedText.of(in.paragraph("surveyIntroFi", p.getFirst("surveyIntroFi"), MAX_INTRO),
                in.paragraph("surveyIntroSv", p.getFirst("surveyIntroSv"), MAX_INTRO),
                in.paragraph("surveyIntroEn", p.getFirst("surveyIntroEn"), MAX_INTRO));
        LocalDate opens = in.date("surveyOpensOn", p.getFirst("surveyOpensOn"), true);
        LocalDate closes = in.date("surveyClosesOn", p.getFirst("surveyClosesOn"), true);
        if (opens != null && closes != null && closes.isBefore(opens)) {
            errors.add("surveyClosesOn", "surveys.error.closesBeforeOpens");
        }
        List<Long> places = new ArrayList<>();
        Long county = null;
        List<String> raw = p.get("surveyPlaceIds");
        if (raw == null || raw.isEmpty()) {
            errors.add("surveyPlaceIds", "validation.required");
        } else if (raw.size() > 500) {
            errors.add("surveyPlaceIds", "validation.choice");
        } else {
            for (String r : new LinkedHashSet<>(raw)) {
                Long id = in.id("surveyPlaceIds", r, true);
                if (id == null) {
                    continue;
                }
                var t = registry.placeTarget(id);
                if (t.isEmpty()) {
                    errors.add("surveyPlaceIds", "validation.choice");
                } else if (!AccessControl.allows(actor, SurveyAction.BUILD, t.get())) {
                    errors.add("surveyPlaceIds", "validation.outOfScope");
                } else if (county != null && !county.equals(t.get().countyId())) {
                    errors.add("surveyPlaceIds", "surveys.error.oneCounty");
                } else {
                    county = t.get().countyId();
                    places.add(id);
                }
            }
        }
        Long previous = in.id("surveyPreviousId", p.getFirst("surveyPreviousId"), false);
        if (previous != null) {
            var prev = queries.survey(previous);
            if (prev.isEmpty() || previous.equals(selfId) || readablePlaces(actor, prev.get()).isEmpty()) {
                errors.add("surveyPreviousId", "validation.choice");
            }
        }
        errors.throwIfAny();
        return new Details(title, intro, opens, closes, places, previous, county);
    }

    @Transactional
    public long create(Actor actor, MultiValueMap<String, String> p, boolean fromTemplate) {
        if (!AccessControl.mayEver(actor, SurveyAction.BUILD)) {
            throw new KohtaamoException.Forbidden(SurveyAction.BUILD.name());
        }
        Details d = details(actor, p, null);
        long id = queries.insertSurvey(d.countyId(), d.title(), d.intro(), d.opens(), d.closes(), d.previousId(),
                fromTemplate ? SurveyTemplate.KEY : null, actor.id(), clock.instant());
        queries.setPlaces(id, d.places());
        if (fromTemplate) {
            Map<String, Long> ids = new HashMap<>();
            int pos = 0;
            for (SurveyTemplate.Item item : SurveyTemplate.ITEMS) {
                long q = queries.insertQuestion(id, pos++, item.code(), item.kind(), item.text(), false,
                        item.condOn() == null ? null : ids.get(item.condOn()), item.condOp(), item.condValue());
                queries.replaceOptions(q, item.options());
                ids.put(item.code(), q);
            }
        }
        Survey s = queries.survey(id).orElseThrow();
        audit.recordNonPublic(actor, "SURVEY_CREATE", "survey", id, placeTarget(d.places().get(0)), null, s);
        return id;
    }

    @Transactional
    public void update(Actor actor, long id, MultiValueMap<String, String> p) {
        Survey before = buildable(actor, id);
        Details d = details(actor, p, id);
        int version = parseVersion(p.getFirst("version"));
        if (d.countyId() != before.countyId()) {
            throw new KohtaamoException.Invalid(new FieldErrors().add("surveyPlaceIds", "surveys.error.oneCounty"));
        }
        if (!queries.updateSurvey(id, version, d.title(), d.intro(), d.opens(), d.closes(), d.previousId(),
                clock.instant())) {
            throw new KohtaamoException.Conflict("stale", "survey");
        }
        queries.setPlaces(id, d.places());
        audit.recordNonPublic(actor, "SURVEY_UPDATE", "survey", id, placeTarget(d.places().get(0)), before,
                queries.survey(id).orElseThrow());
    }

    static int parseVersion(String raw) {
        if (raw == null || !raw.strip().matches("^[0-9]{1,9}$")) {
            throw new KohtaamoException.Conflict("stale", "survey");
        }
        return Integer.parseInt(raw.strip());
    }

    /** A new round: the same questions (same codes, so results compare), places and texts, for new dates. */
    @Transactional
    public long newRound(Actor actor, long id, MultiValueMap<String, String> p) {
        Survey from = buildable(actor, id);
        FieldErrors errors = new FieldErrors();
        Input in = new Input(errors);
        LocalDate opens = in.date("surveyOpensOn", p.getFirst("surveyOpensOn"), true);
        LocalDate closes = in.date("surveyClosesOn", p.getFirst("surveyClosesOn"), true);
        if (opens != null && closes != null && closes.isBefore(opens)) {
            errors.add("surveyClosesOn", "surveys.error.closesBeforeOpens");
        }
        errors.throwIfAny();
        long copy = queries.insertSurvey(from.countyId(), from.title(), from.intro(), opens, closes, from.id(),
                from.templateKey(), actor.id(), clock.instant());
        queries.setPlaces(copy, from.placeIds());
        Map<Long, Long> ids = new HashMap<>();
        int pos = 0;
        for (Question q : queries.questions(id)) {
            if (q.retired()) {
                continue;
            }
            Long cond = q.condQuestionId() == null ? null : ids.get(q.condQuestionId());
            long nq = queries.insertQuestion(copy, pos++, q.code(), q.kind(), q.text(), q.required(), cond,
                    cond == null ? null : q.condOp(), cond == null ? null : q.condValue());
            queries.replaceOptions(nq, q.options());
            ids.put(q.id(), nq);
        }
        audit.recordNonPublic(actor, "SURVEY_CREATE", "survey", copy, placeTarget(from.placeIds().get(0)), from,
                queries.survey(copy).orElseThrow());
        return copy;
    }

    @Transactional
    public void delete(Actor actor, long id) {
        Survey s = buildable(actor, id);
        if (queries.responses(id) > 0) {
            throw new KohtaamoException.Conflict("survey-has-answers", "survey");
        }
        queries.deleteSurvey(id);
        audit.recordNonPublic(actor, "SURVEY_DELETE", "survey", id, placeTarget(s.placeIds().get(0)), s, null);
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
                MAX_QUESTION), in.line("questionTextSv", p.getFirst("questionTextSv"), MAX_QUESTION),
                in.line("questionTextEn", p.getFirst("questionTextEn"), MAX_QUESTION));
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
                if (parts.length > 3 || fi.isEmpty() || fi.length() > MAX_OPTION || sv.length() > MAX_OPTION
                        || en.length() > MAX_OPTION) {
                    errors.add("questionOptions", "surveys.error.optionLine", MAX_OPTION);
                    break;
                }
                options.add(new Choice("o" + (++n), LocalizedText.of(fi, sv.isEmpty() ? null : sv,
                        en.isEmpty() ? null : en)));
            }
            if (!errors.has("questionOptions") && (options.size() < 2 || options.size() > MAX_OPTIONS)) {
                errors.add("questionOptions", "surveys.error.optionCount", MAX_OPTIONS);
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
        Survey s = buildable(actor, surveyId);
        List<Question> questions = queries.questions(surveyId);
        QuestionInput q = questionInput(p, questions.stream().filter(x -> !x.retired()).toList());
        if (questions.size() >= MAX_QUESTIONS) {
            throw new KohtaamoException.Invalid(new FieldErrors().add("questionKind", "surveys.error.tooMany",
                    MAX_QUESTIONS));
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
        audit.recordNonPublic(actor, "SURVEY_QUESTION_CREATE", "survey_question", id, placeTarget(s.placeIds().get(0)),
                null, q);
        return id;
    }

    Question question(long surveyId, long questionId) {
        return queries.questions(surveyId).stream().filter(q -> q.id() == questionId).findFirst()
                .orElseThrow(() -> new KohtaamoException.NotFound("question"));
    }

    @Transactional
    public void updateQuestion(Actor actor, long surveyId, long questionId, MultiValueMap<String, String> p) {
        Survey s = buildable(actor, surveyId);
        List<Question> questions = queries.questions(surveyId);
        Question before = question(surveyId, questionId);
        List<Question> earlier = questions.stream().filter(x -> !x.retired() && x.position() < before.position())
                .toList();
        QuestionInput q = questionInput(p, earlier);
        if (locked(s)) {
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
        audit.recordNonPublic(actor, "SURVEY_QUESTION_UPDATE", "survey_question", questionId,
                placeTarget(s.placeIds().get(0)), before, q);
    }

    /** Moves a question up or down, before the survey is locked; a follow-up never goes before its question. */
    @Transactional
    public void move(Actor actor, long surveyId, long questionId, boolean up) {
        Survey s = buildable(actor, surveyId);
        if (locked(s)) {
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
        audit.recordNonPublic(actor, "SURVEY_QUESTION_MOVE", "survey_question", questionId,
                placeTarget(s.placeIds().get(0)), i, j);
    }

    /**
     * Removes a question before the survey is locked (with the follow-ups that depend on it: their condition
     * could never hold); once locked it is retired instead, its answers kept.
     */
    @Transactional
    public void remove(Actor actor, long surveyId, long questionId) {
        Survey s = buildable(actor, surveyId);
        Question q = question(surveyId, questionId);
        List<Question> questions = queries.questions(surveyId);
        boolean locked = locked(s);
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
        audit.recordNonPublic(actor, locked ? "SURVEY_QUESTION_RETIRE" : "SURVEY_QUESTION_DELETE", "survey_question",
                questionId, placeTarget(s.placeIds().get(0)), q, gone);
    }
}
