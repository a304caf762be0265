package fi.kohtaamo.participation.internal.planning;

import fi.kohtaamo.participation.FeedbackAction;
import fi.kohtaamo.participation.ObservationAction;
import fi.kohtaamo.participation.internal.feedback.FeedbackFigures;
import fi.kohtaamo.participation.internal.observations.ObservationService;
import fi.kohtaamo.participation.internal.planning.PlanningQueries.Day;
import fi.kohtaamo.participation.internal.planning.PlanningService.Period;
import fi.kohtaamo.participation.internal.surveys.SurveyRounds;
import fi.kohtaamo.participation.internal.wishes.WishQueries.State;
import fi.kohtaamo.participation.internal.wishes.WishQueries.Wish;
import fi.kohtaamo.registry.Registry;
import fi.kohtaamo.shared.AccessControl;
import fi.kohtaamo.shared.Actor;
import fi.kohtaamo.shared.LocalizedText;
import fi.kohtaamo.shared.SmallNumbers;
import fi.kohtaamo.shared.Target;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * What a planning day's page gathers for its period from the other parts of the module, each exactly as that part's
 * own page shows it and only where that part's action lets the reader see it: the area's published wishes (open
 * ones, and those published or answered in the period), feedback per place and month under {@code SmallNumbers}
 * (the area's row a sum of the places' shares, as the monitoring reports sum them), the survey rounds of the period
 * with the area's answerings as the results page shows them, and the observations' summary per place (never summed
 * over the area: the observations page counts per place). Free texts are not gathered.
 */
@Component
class PlanningGathering {

    private final PlanningService service;
    private final FeedbackFigures feedback;
    private final SurveyRounds surveys;
    private final ObservationService observations;

    PlanningGathering(PlanningService service, FeedbackFigures feedback, SurveyRounds surveys,
            ObservationService observations) {
        this.service = service;
        this.feedback = feedback;
        this.surveys = surveys;
        this.observations = observations;
    }

    /** A wish on the page, with where it is. */
    record WishRow(Wish wish, LocalizedText place) {
    }

    /** A place's feedback: each face (5 to 1) and all answers, protected. */
    record FeedbackRow(LocalizedText place, FeedbackFigures.PlaceFaces figures) {
    }

    /** A place's observations summary (only places with observations in the period). */
    record ObservationRow(LocalizedText place, ObservationService.Summary summary) {
    }

    record Gathered(Period period, List<WishRow> wishes, List<FeedbackRow> feedback, Map<Integer, SmallNumbers.Sum> faces,
            SmallNumbers.Sum feedbackTotal, List<SurveyRounds.AreaRound> surveys, List<ObservationRow> observations) {
    }

    static Target placeTarget(Registry.ReportPlace p) {
        return new Target(p.countyId(), p.areaId(), p.organiserIds(), p.id());
    }

    Gathered gather(Actor actor, Day d, Period period) {
        List<Registry.ReportPlace> places = service.placesOfArea(d.areaId());
        Map<Long, LocalizedText> names = new LinkedHashMap<>();
        places.forEach(p -> names.put(p.id(), p.name()));

        Instant from = period.firstDay().atStartOfDay(fi.kohtaamo.shared.ClockConfig.ZONE).toInstant();
        Instant to = period.lastDay().plusDays(1).atStartOfDay(fi.kohtaamo.shared.ClockConfig.ZONE).toInstant();
        List<WishRow> wishes = new ArrayList<>();
        for (Wish w : service.linkable(d)) {
            boolean open = w.state() == State.NEW || w.state() == State.CONSIDERING || w.state() == State.PLANNED;
            if (open || within(w.publishedAt(), from, to) || within(w.answeredAt(), from, to)) {
                wishes.add(new WishRow(w, w.placeId() == null ? null
                        : names.getOrDefault(w.placeId(), LocalizedText.EMPTY)));
            }
        }

        List<Registry.ReportPlace> feedbackPlaces = places.stream()
                .filter(p -> AccessControl.allows(actor, FeedbackAction.VIEW, placeTarget(p))).toList();
        var faces = feedback.faces(feedbackPlaces.stream().map(Registry.ReportPlace::id).toList(), period.from(),
                period.to());
        List<FeedbackRow> feedbackRows = new ArrayList<>();
        Map<Integer, SmallNumbers.Sum> faceTotals = new LinkedHashMap<>();
        for (int face = 5; face >= 1; face--) {
            faceTotals.put(face, new SmallNumbers.Sum());
        }
        SmallNumbers.Sum total = new SmallNumbers.Sum();
        for (Registry.ReportPlace p : feedbackPlaces) {
            FeedbackFigures.PlaceFaces f = faces.get(p.id());
            feedbackRows.add(new FeedbackRow(p.name(), f));
            f.faces().forEach((face, sum) -> faceTotals.get(face).add(sum));
            total.add(f.total());
        }

        List<SurveyRounds.AreaRound> rounds = surveys.ofArea(actor, List.copyOf(names.keySet()), period.firstDay(),
                period.lastDay());

        List<ObservationRow> observationRows = new ArrayList<>();
        for (Registry.ReportPlace p : places) {
            if (AccessControl.allows(actor, ObservationAction.READ, observations.placeTarget(p.id()))) {
                ObservationService.Summary s = observations.summary(actor, p.id(), period.firstDay(), period.lastDay());
                if (s.observations() > 0) {
                    observationRows.add(new ObservationRow(p.name(), s));
                }
            }
        }
        return new Gathered(period, wishes, feedbackRows, faceTotals, total, rounds, observationRows);
    }

    private static boolean within(Instant t, Instant from, Instant to) {
        return t != null && !t.isBefore(from) && t.isBefore(to);
    }
}
