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
 * survey's details and places; its questions are {@link QuestionService}'s. Every write is checked, validated, then
 * audited.
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

    Target placeTarget(long placeId) {
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
        audit.record(actor, "SURVEY_CREATE", "survey", id, placeTarget(d.places().get(0)), null, s);
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
        audit.record(actor, "SURVEY_UPDATE", "survey", id, placeTarget(d.places().get(0)), before,
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
        audit.record(actor, "SURVEY_CREATE", "survey", copy, placeTarget(from.placeIds().get(0)), from,
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
        audit.record(actor, "SURVEY_DELETE", "survey", id, placeTarget(s.placeIds().get(0)), s, null);
    }
}
