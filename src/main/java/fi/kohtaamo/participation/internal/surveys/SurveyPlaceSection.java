package fi.kohtaamo.participation.internal.surveys;

import fi.kohtaamo.registry.PlacePageSection;
import fi.kohtaamo.shared.Lang;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The surveys open today at a place, as links on its public page (through the registry's {@link PlacePageSection}). */
@Component
class SurveyPlaceSection implements PlacePageSection {

    /** A link to answer: the survey, its title in the reader's language and that title's language. */
    record Link(long surveyId, long placeId, String title, String lang) {
    }

    private final SurveyQueries queries;
    private final AnswerService answers;

    SurveyPlaceSection(SurveyQueries queries, AnswerService answers) {
        this.queries = queries;
        this.answers = answers;
    }

    @Override
    public Optional<Section> section(long placeId, Lang lang) {
        List<Link> links = queries.openAt(placeId, answers.today()).stream()
                .map(s -> new Link(s.id(), placeId, s.title().get(lang), s.title().shownLanguage(lang).code()))
                .toList();
        return links.isEmpty() ? Optional.empty()
                : Optional.of(new Section("participation/surveys/parts", "placeSurveys", links));
    }
}
