package fi.kohtaamo.participation.internal;

import fi.kohtaamo.participation.AccessibilityFeedbackAction;
import fi.kohtaamo.participation.FeedbackAction;
import fi.kohtaamo.participation.ObservationAction;
import fi.kohtaamo.participation.PlanningDayAction;
import fi.kohtaamo.participation.SurveyAction;
import fi.kohtaamo.participation.WishAction;
import fi.kohtaamo.participation.internal.accessibility.AccessibilityQueries.Feedback;
import fi.kohtaamo.participation.internal.accessibility.AccessibilityService;
import fi.kohtaamo.participation.internal.feedback.FeedbackService;
import fi.kohtaamo.participation.internal.surveys.SurveyService;
import fi.kohtaamo.participation.internal.wishes.WishQueries.Status;
import fi.kohtaamo.participation.internal.wishes.WishService;
import fi.kohtaamo.shared.AccessControl;
import fi.kohtaamo.shared.Action;
import fi.kohtaamo.shared.Actor;
import fi.kohtaamo.shared.KohtaamoException;
import fi.kohtaamo.shared.StaffNavigation;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The participation landing page {@code /admin/participation}: what needs attention in the actor's scope (wishes
 * waiting for moderation, free feedback texts not yet seen, surveys open now, accessibility feedback not answered),
 * and links to the parts the actor's role may use. It needs no action of its own: each figure comes from its part's
 * service, which applies that part's action and scope, and a figure is shown only when the actor holds that action.
 * It is the one staff-navigation item of the module.
 */
@Controller
class ParticipationPageController {

    static final String BASE = "/admin/participation";

    /** A part of the module: its link and the action that lets a role use it. */
    record Part(String labelKey, String path, Action action) {
    }

    static final List<Part> PARTS = List.of(
            new Part("wishes.nav", BASE + "/wishes", WishAction.MODERATE),
            new Part("feedback.nav", BASE + "/feedback", FeedbackAction.VIEW),
            new Part("surveys.nav", BASE + "/surveys", SurveyAction.RESULTS),
            new Part("observations.nav", BASE + "/observations", ObservationAction.RECORD),
            new Part("planning.nav", BASE + "/planning", PlanningDayAction.READ),
            new Part("a11y.nav", BASE + "/accessibility", AccessibilityFeedbackAction.ANSWER));

    static List<Part> parts(Actor actor) {
        return PARTS.stream().filter(p -> AccessControl.mayEver(actor, p.action())).toList();
    }

    @Component
    static class Navigation implements StaffNavigation {
        @Override
        public List<Item> items(Actor actor) {
            return parts(actor).isEmpty() ? List.of() : List.of(new Item("participation.nav", BASE, 70));
        }
    }

    /** Unanswered accessibility feedback: how many, how many late, and the nearest due day. */
    record Accessibility(int open, long overdue, LocalDate nearestDue) {
    }

    private final WishService wishes;
    private final FeedbackService feedback;
    private final SurveyService surveys;
    private final AccessibilityService accessibility;
    private final Clock clock;

    ParticipationPageController(WishService wishes, FeedbackService feedback, SurveyService surveys,
            AccessibilityService accessibility, Clock clock) {
        this.wishes = wishes;
        this.feedback = feedback;
        this.surveys = surveys;
        this.accessibility = accessibility;
        this.clock = clock;
    }

    @GetMapping(BASE)
    String index(Actor actor, Model model) {
        List<Part> parts = parts(actor);
        if (parts.isEmpty()) {
            throw new KohtaamoException.Forbidden("participation");
        }
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("parts", parts);
        model.addAttribute("pendingWishes", AccessControl.mayEver(actor, WishAction.MODERATE)
                ? wishes.list(actor, Status.PENDING).size() : null);
        model.addAttribute("unseenTexts", AccessControl.mayEver(actor, FeedbackAction.MARK_SEEN)
                ? feedback.unseenTexts(actor) : null);
        model.addAttribute("openSurveys", AccessControl.mayEver(actor, SurveyAction.RESULTS)
                ? surveys.openNow(actor) : null);
        Accessibility a11y = null;
        if (AccessControl.mayEver(actor, AccessibilityFeedbackAction.ANSWER)) {
            List<Feedback> open = accessibility.list(actor).stream().filter(f -> !f.answered()).toList();
            a11y = new Accessibility(open.size(), open.stream().filter(f -> f.overdue(today)).count(),
                    open.stream().map(Feedback::dueOn).min(Comparator.naturalOrder()).orElse(null));
        }
        model.addAttribute("accessibility", a11y);
        model.addAttribute("today", today);
        return "participation/index";
    }
}
