package fi.kohtaamo.participation.internal.surveys;

import fi.kohtaamo.participation.SurveyAction;
import fi.kohtaamo.participation.internal.surveys.SurveyModel.Kind;
import fi.kohtaamo.participation.internal.surveys.SurveyModel.Question;
import fi.kohtaamo.participation.internal.surveys.SurveyModel.Survey;
import fi.kohtaamo.registry.Registry;
import fi.kohtaamo.shared.AccessControl;
import fi.kohtaamo.shared.Actor;
import fi.kohtaamo.shared.KohtaamoException;
import fi.kohtaamo.shared.Lang;
import fi.kohtaamo.shared.LocalizedText;
import fi.kohtaamo.shared.Option;
import fi.kohtaamo.shared.PathIds;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The survey builder's staff pages under {@code /admin/participation/surveys}. */
@Controller
class SurveyPageController {

    static final String BASE = "/admin/participation/surveys";

    private final SurveyService service;
    private final QuestionService questionService;
    private final SurveyLabels labels;
    private final Registry registry;
    private final MessageSource messages;
    private final Clock clock;

    SurveyPageController(SurveyService service, QuestionService questionService, SurveyLabels labels, Registry registry, MessageSource messages,
            Clock clock) {
        this.service = service;
        this.questionService = questionService;
        this.labels = labels;
        this.registry = registry;
        this.messages = messages;
        this.clock = clock;
    }

    // ---- list -----------------------------------------------------------------------------------

    /** A survey in the list: its state today and where it is open. */
    record Row(Survey survey, String state, int places) {
    }

    String state(Survey s) {
        LocalDate today = LocalDate.now(clock);
        return today.isBefore(s.opensOn()) ? "coming" : today.isAfter(s.closesOn()) ? "closed" : "open";
    }

    @GetMapping(BASE)
    String list(Actor actor, Model model) {
        if (!AccessControl.mayEver(actor, SurveyAction.RESULTS)) {
            throw new KohtaamoException.Forbidden(SurveyAction.RESULTS.name());
        }
        model.addAttribute("rows", service.surveys(actor).stream()
                .map(s -> new Row(s, state(s), s.placeIds().size())).toList());
        model.addAttribute("mayBuild", AccessControl.mayEver(actor, SurveyAction.BUILD));
        return "participation/surveys/list";
    }

    // ---- details --------------------------------------------------------------------------------

    @GetMapping(BASE + "/new")
    String newForm(@RequestParam(required = false) String template, Actor actor, Lang lang, Model model) {
        if (!AccessControl.mayEver(actor, SurveyAction.BUILD)) {
            throw new KohtaamoException.Forbidden(SurveyAction.BUILD.name());
        }
        boolean fromTemplate = SurveyTemplate.KEY.equals(template);
        Map<String, String> values = new HashMap<>();
        LocalDate today = LocalDate.now(clock);
        values.put("surveyOpensOn", today.plusDays(7).toString());
        values.put("surveyClosesOn", today.plusDays(7 + 28).toString());
        if (fromTemplate) {
            values.put("surveyTitleFi", SurveyTemplate.TITLE.fi());
            values.put("surveyTitleSv", SurveyTemplate.TITLE.sv());
            values.put("surveyTitleEn", SurveyTemplate.TITLE.en());
            values.put("surveyIntroFi", SurveyTemplate.INTRO.fi());
            values.put("surveyIntroSv", SurveyTemplate.INTRO.sv());
            values.put("surveyIntroEn", SurveyTemplate.INTRO.en());
        }
        return detailsForm(actor, lang, model, null, values, List.of(), Map.of(), fromTemplate);
    }

    private String detailsForm(Actor actor, Lang lang, Model model, Survey survey, Map<String, String> values,
            List<String> placeIds, Map<String, String> errors, boolean fromTemplate) {
        model.addAttribute("survey", survey);
        model.addAttribute("values", values);
        model.addAttribute("placeIds", placeIds);
        model.addAttribute("errors", errors);
        model.addAttribute("fromTemplate", fromTemplate);
        model.addAttribute("places", service.buildablePlaces(actor).stream()
                .map(p -> Option.of(String.valueOf(p.id()), p.name(), lang)).toList());
        model.addAttribute("previous", service.surveys(actor).stream()
                .filter(s -> survey == null || s.id() != survey.id())
                .map(s -> new Option(String.valueOf(s.id()), s.title().get(lang) + " (" + s.opensOn() + "–"
                        + s.closesOn() + ")", s.title().shownLanguage(lang).code())).toList());
        return "participation/surveys/details";
    }

    @PostMapping(BASE)
    String create(@RequestParam MultiValueMap<String, String> p, Actor actor, Lang lang, Model model,
            HttpServletResponse response) {
        boolean fromTemplate = SurveyTemplate.KEY.equals(p.getFirst("template"));
        try {
            long id = service.create(actor, p, fromTemplate);
            return "redirect:" + BASE + "/" + id + "?saved";
        } catch (KohtaamoException.Invalid e) {
            response.setStatus(400);
            return detailsForm(actor, lang, model, null, p.toSingleValueMap(), nonNull(p.get("surveyPlaceIds")),
                    e.errors().messages(messages, lang.locale()), fromTemplate);
        }
    }

    private static List<String> nonNull(List<String> v) {
        return v == null ? List.of() : v;
    }

    static Map<String, String> values(Survey s) {
        Map<String, String> v = new HashMap<>();
        v.put("surveyTitleFi", s.title().fi());
        v.put("surveyTitleSv", s.title().sv());
        v.put("surveyTitleEn", s.title().en());
        v.put("surveyIntroFi", s.intro().fi());
        v.put("surveyIntroSv", s.intro().sv());
        v.put("surveyIntroEn", s.intro().en());
        v.put("surveyOpensOn", s.opensOn().toString());
        v.put("surveyClosesOn", s.closesOn().toString());
        v.put("surveyPreviousId", s.previousId() == null ? "" : s.previousId().toString());
        v.put("version", String.valueOf(s.version()));
        return v;
    }

    @PostMapping(BASE + "/{id}")
    String update(@PathVariable String id, @RequestParam MultiValueMap<String, String> p, Actor actor, Lang lang,
            Model model, HttpServletResponse response) {
        long surveyId = PathIds.orNotFound(id);
        try {
            service.update(actor, surveyId, p);
            return "redirect:" + BASE + "/" + surveyId + "?saved";
        } catch (KohtaamoException.Invalid e) {
            response.setStatus(400);
            Survey s = service.buildable(actor, surveyId);
            Map<String, String> values = new HashMap<>(p.toSingleValueMap());
            values.put("version", String.valueOf(s.version()));
            return detailsForm(actor, lang, model, s, values, nonNull(p.get("surveyPlaceIds")),
                    e.errors().messages(messages, lang.locale()), false);
        }
    }

    @GetMapping(BASE + "/{id}/edit")
    String edit(@PathVariable String id, Actor actor, Lang lang, Model model) {
        Survey s = service.buildable(actor, PathIds.orNotFound(id));
        return detailsForm(actor, lang, model, s, values(s),
                s.placeIds().stream().map(String::valueOf).toList(), Map.of(), false);
    }

    // ---- the builder ----------------------------------------------------------------------------

    /** A question as the builder lists it. */
    record QuestionRow(Question question, String text, String textLang, List<Option> options, String condition,
            int seconds) {
    }

    @GetMapping(BASE + "/{id}")
    String survey(@PathVariable String id, Actor actor, Lang lang, Model model) {
        Survey s = service.readable(actor, PathIds.orNotFound(id));
        return builder(actor, lang, model, s, new HashMap<>(), Map.of());
    }

    private String builder(Actor actor, Lang lang, Model model, Survey s, Map<String, String> questionValues,
            Map<String, String> errors) {
        List<Question> questions = service.questions(s.id());
        Map<Long, Question> byId = SurveyRules.byId(questions);
        List<QuestionRow> rows = new ArrayList<>();
        for (Question q : questions) {
            String condition = null;
            if (q.condQuestionId() != null) {
                Question c = byId.get(q.condQuestionId());
                condition = messages.getMessage("surveys.condition." + q.condOp().name(), new Object[] {
                        c.position() + 1, c.text().get(lang), labels.label(c, q.condValue(), lang) }, lang.locale());
            }
            rows.add(new QuestionRow(q, q.text().get(lang), q.text().shownLanguage(lang).code(),
                    labels.options(q, lang), condition, SurveyRules.seconds(q.kind(), q.options().size())));
        }
        int seconds = SurveyRules.expectedSeconds(questions);
        model.addAttribute("survey", s);
        model.addAttribute("title", s.title().get(lang));
        model.addAttribute("titleLang", s.title().shownLanguage(lang).code());
        model.addAttribute("state", state(s));
        model.addAttribute("rows", rows);
        model.addAttribute("seconds", seconds);
        model.addAttribute("minutes", SurveyRules.minutes(seconds));
        model.addAttribute("maxMinutes", SurveyRules.MAX_SECONDS / 60);
        model.addAttribute("locked", service.locked(s));
        model.addAttribute("mayBuild", service.mayBuild(actor, s));
        model.addAttribute("places", s.placeIds().stream().map(p -> registry.place(p).map(Registry.Ref::name)
                .orElse(LocalizedText.of("?", null, null))).map(n -> new Option("", n.get(lang),
                        n.shownLanguage(lang).code())).toList());
        model.addAttribute("kinds", java.util.Arrays.stream(Kind.values()).map(k -> new Option(k.name(),
                messages.getMessage("surveys.kind." + k.name(), null, lang.locale()), lang.code())).toList());
        model.addAttribute("conditions", conditionOptions(questions, Integer.MAX_VALUE, lang));
        model.addAttribute("ops", java.util.Arrays.stream(SurveyModel.Op.values()).map(o -> new Option(o.name(),
                messages.getMessage("surveys.op." + o.name(), null, lang.locale()), lang.code())).toList());
        model.addAttribute("values", questionValues);
        model.addAttribute("errors", errors);
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("roundOpens", (s.closesOn().isBefore(today) ? today : s.closesOn()).plusDays(1).toString());
        return "participation/surveys/survey";
    }

    /** The answers a new or edited question can depend on: the choices of the earlier questions. */
    List<Option> conditionOptions(List<Question> questions, int beforePosition, Lang lang) {
        List<Option> out = new ArrayList<>();
        for (Question q : questions) {
            if (q.retired() || !q.kind().choice() || q.position() >= beforePosition) {
                continue;
            }
            for (Option o : labels.options(q, lang)) {
                out.add(new Option(q.id() + ":" + o.value(), (q.position() + 1) + ". " + q.text().get(lang) + " → "
                        + o.label(), lang.code()));
            }
        }
        return out;
    }

    @PostMapping(BASE + "/{id}/questions")
    String addQuestion(@PathVariable String id, @RequestParam MultiValueMap<String, String> p, Actor actor,
            Lang lang, Model model, HttpServletResponse response) {
        long surveyId = PathIds.orNotFound(id);
        try {
            questionService.addQuestion(actor, surveyId, p);
            return "redirect:" + BASE + "/" + surveyId + "?added#questions";
        } catch (KohtaamoException.Invalid e) {
            response.setStatus(400);
            return builder(actor, lang, model, service.buildable(actor, surveyId), new HashMap<>(p.toSingleValueMap()),
                    e.errors().messages(messages, lang.locale()));
        }
    }

    @GetMapping(BASE + "/{id}/questions/{qid}")
    String questionForm(@PathVariable String id, @PathVariable String qid, Actor actor, Lang lang, Model model) {
        Survey s = service.buildable(actor, PathIds.orNotFound(id));
        Question q = questionService.question(s.id(), PathIds.orNotFound(qid));
        Map<String, String> v = new HashMap<>();
        v.put("questionKind", q.kind().name());
        v.put("questionTextFi", q.text().fi());
        v.put("questionTextSv", q.text().sv());
        v.put("questionTextEn", q.text().en());
        v.put("questionRequired", String.valueOf(q.required()));
        v.put("questionOptions", q.options().stream().map(c -> nz(c.text().fi()) + " | " + nz(c.text().sv()) + " | "
                + nz(c.text().en())).collect(Collectors.joining("\n")));
        v.put("questionCondition", q.condQuestionId() == null ? "" : q.condQuestionId() + ":" + q.condValue());
        v.put("questionCondOp", q.condOp() == null ? "" : q.condOp().name());
        return questionPage(actor, lang, model, s, q, v, Map.of());
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private String questionPage(Actor actor, Lang lang, Model model, Survey s, Question q, Map<String, String> values,
            Map<String, String> errors) {
        model.addAttribute("survey", s);
        model.addAttribute("question", q);
        model.addAttribute("title", s.title().get(lang));
        model.addAttribute("titleLang", s.title().shownLanguage(lang).code());
        model.addAttribute("locked", service.locked(s));
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("kinds", java.util.Arrays.stream(Kind.values()).map(k -> new Option(k.name(),
                messages.getMessage("surveys.kind." + k.name(), null, lang.locale()), lang.code())).toList());
        model.addAttribute("conditions", conditionOptions(service.questions(s.id()), q.position(), lang));
        model.addAttribute("ops", java.util.Arrays.stream(SurveyModel.Op.values()).map(o -> new Option(o.name(),
                messages.getMessage("surveys.op." + o.name(), null, lang.locale()), lang.code())).toList());
        return "participation/surveys/question";
    }

    @PostMapping(BASE + "/{id}/questions/{qid}")
    String updateQuestion(@PathVariable String id, @PathVariable String qid,
            @RequestParam MultiValueMap<String, String> p, Actor actor, Lang lang, Model model,
            HttpServletResponse response) {
        long surveyId = PathIds.orNotFound(id);
        long questionId = PathIds.orNotFound(qid);
        try {
            questionService.updateQuestion(actor, surveyId, questionId, p);
            return "redirect:" + BASE + "/" + surveyId + "?saved#questions";
        } catch (KohtaamoException.Invalid e) {
            response.setStatus(400);
            Survey s = service.buildable(actor, surveyId);
            return questionPage(actor, lang, model, s, questionService.question(surveyId, questionId),
                    new HashMap<>(p.toSingleValueMap()), e.errors().messages(messages, lang.locale()));
        }
    }

    @PostMapping(BASE + "/{id}/questions/{qid}/move")
    String move(@PathVariable String id, @PathVariable String qid, @RequestParam(required = false) String dir,
            Actor actor) {
        long surveyId = PathIds.orNotFound(id);
        questionService.move(actor, surveyId, PathIds.orNotFound(qid), "up".equals(dir));
        return "redirect:" + BASE + "/" + surveyId + "?moved#questions";
    }

    @PostMapping(BASE + "/{id}/questions/{qid}/remove")
    String remove(@PathVariable String id, @PathVariable String qid, Actor actor) {
        long surveyId = PathIds.orNotFound(id);
        questionService.remove(actor, surveyId, PathIds.orNotFound(qid));
        return "redirect:" + BASE + "/" + surveyId + "?removed#questions";
    }

    @PostMapping(BASE + "/{id}/rounds")
    String newRound(@PathVariable String id, @RequestParam MultiValueMap<String, String> p, Actor actor, Lang lang,
            Model model, HttpServletResponse response) {
        long surveyId = PathIds.orNotFound(id);
        try {
            long copy = service.newRound(actor, surveyId, p);
            return "redirect:" + BASE + "/" + copy + "?saved";
        } catch (KohtaamoException.Invalid e) {
            response.setStatus(400);
            return builder(actor, lang, model, service.buildable(actor, surveyId), new HashMap<>(),
                    e.errors().messages(messages, lang.locale()));
        }
    }

    @PostMapping(BASE + "/{id}/delete")
    String delete(@PathVariable String id, Actor actor) {
        service.delete(actor, PathIds.orNotFound(id));
        return "redirect:" + BASE + "?deleted";
    }
}
