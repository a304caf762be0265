package fi.kohtaamo.participation.internal.surveys;

import fi.kohtaamo.participation.internal.surveys.SurveyModel.Answers;
import fi.kohtaamo.participation.internal.surveys.SurveyModel.Kind;
import fi.kohtaamo.participation.internal.surveys.SurveyModel.Question;
import fi.kohtaamo.participation.internal.surveys.SurveyModel.Survey;
import fi.kohtaamo.registry.Registry;
import fi.kohtaamo.shared.FieldErrors;
import fi.kohtaamo.shared.KohtaamoException;
import fi.kohtaamo.shared.Lang;
import fi.kohtaamo.shared.LocalizedText;
import fi.kohtaamo.shared.Option;
import fi.kohtaamo.shared.PathIds;
import fi.kohtaamo.shared.RateLimits;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The anonymous answering page {@code /surveys/{id}?place={placeId}} (the place is part of the address, so the
 * poster's or the place page's link says where the family answers). Conditional questions work without
 * JavaScript: the form shows every question whose condition holds for the answers so far; "Continue" sends the
 * answers back and the page comes again with the follow-ups they open, and "Send" stores the answers only when the
 * family has seen every question that is shown for them. With JavaScript ({@code survey.js}) the follow-ups open
 * and close at once. Either way the server decides again what counts: answers to questions not shown are
 * discarded.
 */
@Controller
class PublicSurveyController {

    private final AnswerService answers;
    private final SurveyLabels labels;
    private final Registry registry;
    private final MessageSource messages;

    PublicSurveyController(AnswerService answers, SurveyLabels labels, Registry registry, MessageSource messages) {
        this.answers = answers;
        this.labels = labels;
        this.registry = registry;
        this.messages = messages;
    }

    private static long place(String raw) {
        if (raw == null || !raw.strip().matches("^[0-9]{1,18}$")) {
            throw new KohtaamoException.NotFound("place");
        }
        return Long.parseLong(raw.strip());
    }

    /** A question as the form shows it. */
    record QuestionView(long id, String field, Kind kind, String text, String textLang, boolean required,
            List<Option> options, List<String> chosen, String textValue, boolean hidden, String condField,
            String condOp, String condValue, String error, String face) {

        public boolean isChosen(String code) {
            return chosen.contains(code);
        }
    }

    @GetMapping("/surveys/{id}")
    String form(@PathVariable String id, @RequestParam(required = false) String place, Lang lang, Model model) {
        long placeId = place(place);
        Survey s = answers.open(PathIds.orNotFound(id), placeId);
        List<Question> questions = answers.questions(s.id());
        Answers none = new Answers(Map.of());
        return page(model, lang, s, placeId, questions, none, SurveyRules.visible(questions, none), Map.of(),
                answers.newToken(), false);
    }

    @PostMapping("/surveys/{id}")
    String answer(@PathVariable String id, @RequestParam MultiValueMap<String, String> p, Lang lang, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        long placeId = place(p.getFirst("place"));
        Survey s = answers.open(PathIds.orNotFound(id), placeId);
        List<Question> questions = answers.questions(s.id());
        FieldErrors errors = new FieldErrors();
        Answers given = answers.read(questions, p, errors);
        Answers kept = SurveyRules.kept(questions, given);
        Set<Long> visible = SurveyRules.visible(questions, kept);
        String token = p.getFirst("token");
        if (token == null || !token.matches("^[0-9a-f]{32}$")) {
            token = answers.newToken();
        }
        Set<Long> seen = Arrays.stream(String.valueOf(p.getFirst("shown")).split(","))
                .filter(x -> x.matches("^[0-9]{1,18}$")).map(Long::valueOf).collect(Collectors.toSet());
        boolean script = "1".equals(p.getFirst("js"));
        boolean opened = !script && !seen.containsAll(visible);
        if (!"send".equals(p.getFirst("action")) || opened) {
            // a step: the page again with the follow-ups the answers open (nothing stored)
            return page(model, lang, s, placeId, questions, kept, visible, messagesOf(errors, lang), token, opened);
        }
        AnswerService.requireAnswers(questions, kept, errors);
        if (!errors.isEmpty()) {
            response.setStatus(400);
            return page(model, lang, s, placeId, questions, kept, visible, messagesOf(errors, lang), token, false);
        }
        boolean stored = answers.store(s.id(), placeId, questions, kept, lang, token, RateLimits.sender(request));
        return "redirect:/surveys/" + s.id() + "/thanks?place=" + placeId + "&lang=" + lang.code()
                + (stored ? "" : "&again");
    }

    @GetMapping("/surveys/{id}/thanks")
    String thanks(@PathVariable String id, @RequestParam(required = false) String place,
            @RequestParam(required = false) String again, Lang lang, Model model) {
        long placeId = place(place);
        Survey s = answers.open(PathIds.orNotFound(id), placeId);
        model.addAttribute("title", s.title().get(lang));
        model.addAttribute("titleLang", s.title().shownLanguage(lang).code());
        model.addAttribute("again", again != null);
        model.addAttribute("placeId", placeId);
        return "participation/surveys/thanks";
    }

    private Map<String, String> messagesOf(FieldErrors errors, Lang lang) {
        Map<String, String> out = new LinkedHashMap<>();
        errors.all().forEach(e -> out.putIfAbsent(e.field(), messages.getMessage(e.messageKey(), e.args(),
                lang.locale())));
        return out;
    }

    private String page(Model model, Lang lang, Survey s, long placeId, List<Question> questions, Answers kept,
            Set<Long> visible, Map<String, String> errors, String token, boolean opened) {
        Map<Long, Question> byId = SurveyRules.byId(questions);
        List<QuestionView> views = new ArrayList<>();
        for (Question q : questions) {
            List<String> chosen = q.kind() == Kind.TEXT ? List.of() : kept.of(q.id());
            String text = q.kind() == Kind.TEXT && !kept.of(q.id()).isEmpty() ? kept.of(q.id()).get(0) : "";
            Question cond = q.condQuestionId() == null ? null : byId.get(q.condQuestionId());
            views.add(new QuestionView(q.id(), "q" + q.id(), q.kind(), q.text().get(lang),
                    q.text().shownLanguage(lang).code(), q.required(), labels.options(q, lang), chosen, text,
                    !visible.contains(q.id()), cond == null ? null : "q" + cond.id(),
                    q.condOp() == null ? null : q.condOp().name(), q.condValue(), errors.get("q" + q.id()), null));
        }
        LocalizedText placeName = registry.place(placeId).map(Registry.Ref::name).orElse(LocalizedText.EMPTY);
        model.addAttribute("survey", s);
        model.addAttribute("title", s.title().get(lang));
        model.addAttribute("titleLang", s.title().shownLanguage(lang).code());
        model.addAttribute("intro", s.intro().get(lang));
        model.addAttribute("introLang", s.intro().shownLanguage(lang).code());
        model.addAttribute("placeName", placeName.get(lang));
        model.addAttribute("placeLang", placeName.shownLanguage(lang).code());
        model.addAttribute("placeId", placeId);
        model.addAttribute("questions", views);
        model.addAttribute("faces", SurveyLabels.FACES);
        model.addAttribute("errors", errors);
        model.addAttribute("token", token);
        model.addAttribute("shown", visible.stream().map(String::valueOf).collect(Collectors.joining(",")));
        model.addAttribute("opened", opened);
        model.addAttribute("minutes", SurveyRules.minutes(SurveyRules.expectedSeconds(questions)));
        model.addAttribute("maxText", AnswerService.MAX_TEXT);
        return "participation/surveys/answer";
    }
}
