package fi.kohtaamo.participation.internal.surveys;

import fi.kohtaamo.participation.internal.surveys.SurveyModel.Survey;
import fi.kohtaamo.shared.Actor;
import fi.kohtaamo.shared.LocalizedText;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Survey rounds of an area for a planning day: the rounds open at the area's places during a period, each with the
 * area's answerings exactly as the round's results page shows them for the area ({@code ?area=}): the places of the
 * round in the area whose results the actor may read, a place with fewer than 5 answerings left out of the sum.
 * Rounds are fixed periods, so nothing here is cut finer than the results page.
 */
@Component
public class SurveyRounds {

    /** A round as the planning day shows it; {@code shown} false: fewer than 5 answerings in the sum. */
    public record AreaRound(long surveyId, LocalizedText title, LocalDate opensOn, LocalDate closesOn, long responses,
            boolean shown, int placesLeftOut) {
    }

    private final SurveyQueries queries;
    private final SurveyService service;
    private final SurveyResults results;

    SurveyRounds(SurveyQueries queries, SurveyService service, SurveyResults results) {
        this.queries = queries;
        this.service = service;
        this.results = results;
    }

    /** The rounds open at any of the area's places and overlapping [from, to], oldest first. */
    public List<AreaRound> ofArea(Actor actor, Collection<Long> areaPlaces, LocalDate from, LocalDate to) {
        List<AreaRound> out = new ArrayList<>();
        for (Survey s : queries.surveysAt(areaPlaces)) {
            if (s.closesOn().isBefore(from) || s.opensOn().isAfter(to)) {
                continue;
            }
            List<Long> places = service.readablePlaces(actor, s).stream().filter(areaPlaces::contains).toList();
            if (places.isEmpty()) {
                continue;
            }
            SurveyResults.Responses r = SurveyResults.responses(results.raw(s.id()), places);
            out.add(0, new AreaRound(s.id(), s.title(), s.opensOn(), s.closesOn(), r.count(), r.shown(),
                    r.placesLeftOut()));
        }
        return out;
    }
}
