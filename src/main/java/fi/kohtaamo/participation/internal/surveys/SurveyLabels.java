package fi.kohtaamo.participation.internal.surveys;

import fi.kohtaamo.participation.internal.surveys.SurveyModel.Choice;
import fi.kohtaamo.participation.internal.surveys.SurveyModel.Question;
import fi.kohtaamo.shared.Lang;
import fi.kohtaamo.shared.Option;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The labels of a question's choices in a language: the stored texts, or the fixed scale and yes/no messages. */
@Component
class SurveyLabels {

    /** The faces of the 1–5 scale, shown beside the text (which screen readers read; the face is hidden). */
    static final List<String> FACES = List.of("\uD83D\uDE1E", "\uD83D\uDE41", "\uD83D\uDE10", "\uD83D\uDE42",
            "\uD83D\uDE04");

    private final MessageSource messages;

    SurveyLabels(MessageSource messages) {
        this.messages = messages;
    }

    /** The choices as options (value = code, label, language of the label). */
    List<Option> options(Question q, Lang lang) {
        if (q.kind() == SurveyModel.Kind.SINGLE || q.kind() == SurveyModel.Kind.MULTIPLE) {
            return q.options().stream().map(c -> Option.of(c.code(), c.text(), lang)).toList();
        }
        return q.kind().fixedCodes().stream()
                .map(code -> new Option(code, messages.getMessage("surveys.choice." + code, null, lang.locale()),
                        lang.code()))
                .toList();
    }

    String label(Question q, String code, Lang lang) {
        for (Choice c : q.options()) {
            if (c.code().equals(code)) {
                return c.text().get(lang);
            }
        }
        return messages.getMessage("surveys.choice." + code, null, code, lang.locale());
    }

    String message(String key, Lang lang, Object... args) {
        return messages.getMessage(key, args, lang.locale());
    }
}
