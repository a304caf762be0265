package fi.kohtaamo.participation.internal.feedback;

import fi.kohtaamo.audit.AuditLog;
import fi.kohtaamo.calendar.ActivityCalendar;
import fi.kohtaamo.calendar.ActivityCalendar.ActivityRef;
import fi.kohtaamo.calendar.ActivityCalendar.OccurrenceRef;
import fi.kohtaamo.participation.FeedbackAction;
import fi.kohtaamo.participation.internal.feedback.FeedbackQueries.NewFeedback;
import fi.kohtaamo.participation.internal.feedback.FeedbackQueries.Text;
import fi.kohtaamo.registry.PlaceDeleted;
import fi.kohtaamo.registry.Registry;
import fi.kohtaamo.shared.AccessControl;
import fi.kohtaamo.shared.AnonymousPosts;
import fi.kohtaamo.shared.Actor;
import fi.kohtaamo.shared.ClockConfig;
import fi.kohtaamo.shared.FieldErrors;
import fi.kohtaamo.shared.Input;
import fi.kohtaamo.shared.KohtaamoException;
import fi.kohtaamo.shared.PersonalData;
import fi.kohtaamo.shared.RateLimits;
import fi.kohtaamo.shared.Target;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Quick feedback: the anonymous answer (rate-limited per sender and per place, texts cleaned and limited, personal
 * data refused, tied to the place, the day and the session on at the time, never to a person) and what staff read.
 */
@Service
public class FeedbackService {

    /** At most this many characters in each free text (the page's maxlength says the same). */
    public static final int MAX_TEXT = 500;
    /**
     * Per sender address: a burst of 60, then one a minute. A kiosk at a door sends every family's answer from one
     * address, and a busy place has at most about 100 visits a day, so this is far above any honest use.
     */
    public static final RateLimits.Limit PER_ADDRESS = new RateLimits.Limit("feedback-address", 60, Duration.ofHours(1));
    /** Per place: 600 a day (a busy place has 1 500 visits a month), so a flood at one place stops there. */
    public static final RateLimits.Limit PER_PLACE = new RateLimits.Limit("feedback-place", 600, Duration.ofDays(1));

    /** Controls other than newline and tab, non-characters, and bidirectional controls: stripped from free text. */
    private static final Pattern STRIP = Pattern.compile(
            "[\\p{Cc}&&[^\\n\\t]]|[\\uFFFE\\uFFFF]|[\\u061C\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069]");
    private static final Pattern LANG = Pattern.compile("^[a-z]{2,3}$");

    private final FeedbackQueries queries;
    private final Registry registry;
    private final ActivityCalendar calendar;
    private final AnonymousPosts posts;
    private final AuditLog audit;
    private final Clock clock;
    private final fi.kohtaamo.shared.PublicDataCache cache;

    FeedbackService(FeedbackQueries queries, Registry registry, ActivityCalendar calendar, AnonymousPosts posts,
            AuditLog audit, Clock clock, fi.kohtaamo.shared.PublicDataCache cache) {
        this.cache = cache;
        this.queries = queries;
        this.registry = registry;
        this.calendar = calendar;
        this.posts = posts;
        this.audit = audit;
        this.clock = clock;
    }

    /** A published place (the feedback page exists only for them), else not found. */
    public Registry.StaffPlace publishedPlace(long placeId) {
        return registry.staffPlace(placeId).filter(Registry.StaffPlace::published)
                .orElseThrow(() -> new KohtaamoException.NotFound("place"));
    }

    /**
     * The place's languages of activity other than fi, sv and en (codes such as {@code ar}, {@code so}), from its
     * published activities, sorted.
     */
    public List<String> otherLanguages(long placeId) {
        TreeSet<String> out = new TreeSet<>();
        for (ActivityRef a : calendar.activitiesOfPlace(placeId)) {
            if (a.published() && a.languages() != null) {
                for (String l : a.languages()) {
                    if (l != null && LANG.matcher(l).matches() && !l.equals("fi") && !l.equals("sv") && !l.equals("en")) {
                        out.add(l);
                    }
                }
            }
        }
        return List.copyOf(out);
    }

    /** A language's name in itself ("العربية" for ar), for a picture-first choice that needs no Finnish. */
    public static String nativeName(String code) {
        Locale l = Locale.forLanguageTag(code);
        String name = l.getDisplayLanguage(l);
        return name == null || name.isBlank() || name.equals(code) ? code : name;
    }

    /** What the family sent, as text. */
    public record Answer(String face, String best, String wish, String answerLang, boolean childMode, boolean kiosk) {
    }

    /**
     * Stores an answer, the one way of anonymous posts ({@link AnonymousPosts}): the limits first (a refused answer
     * costs no query at all), then the place's day from the public data cache and the checks (a personal identity
     * code, phone number or e-mail address in a text is refused with a message asking to leave it out), then the
     * insert alone in its transaction. Outside a transaction the cache serves the place's day, so a flood of answers
     * reads nothing the calendar reads.
     *
     * @return the new answer's id
     */
    public long answer(long placeId, String sender, Answer a) {
        return posts.post(List.of(new AnonymousPosts.Take(PER_ADDRESS, sender),
                new AnonymousPosts.Take(PER_PLACE, String.valueOf(placeId))), () -> checked(placeId, a),
                queries::insert);
    }

    private NewFeedback checked(long placeId, Answer a) {
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(ClockConfig.ZONE));
        PlaceDay placeDay = placeDay(placeId, now.toLocalDate());
        if (!placeDay.published()) {
            throw new KohtaamoException.NotFound("place");
        }
        FieldErrors errors = new FieldErrors();
        Input in = new Input(errors);
        Integer face = in.integer("face", a.face(), 1, 5, null);
        if (face == null && !errors.has("face")) {
            errors.add("face", "validation.required");
        }
        String best = in.paragraph("best", strip(a.best()), MAX_TEXT);
        String wish = in.paragraph("wish", strip(a.wish()), MAX_TEXT);
        PersonalData.find(best).ifPresent(k -> errors.add("best", "feedback.personalData." + k.name()));
        PersonalData.find(wish).ifPresent(k -> errors.add("wish", "feedback.personalData." + k.name()));
        String lang = a.answerLang() == null || a.answerLang().isBlank() ? null : a.answerLang().strip();
        if (lang != null && !LANG.matcher(lang).matches()) {
            errors.add("answerLang", "validation.choice");
        }
        if (!errors.isEmpty()) {
            throw new KohtaamoException.Invalid(errors);
        }
        OccurrenceRef on = sessionOn(placeDay.occurrences(), now);
        return new NewFeedback(placeId, now.toLocalDate(), on == null ? null : on.activityId(),
                on == null ? null : on.originalDate(), face, lang, a.childMode(), a.kiosk(), best, wish);
    }

    /** Whether a place is published, and its sessions around a day (cancelled ones too), as answers need them. */
    record PlaceDay(boolean published, List<OccurrenceRef> occurrences) implements fi.kohtaamo.shared.PublicDataCache.Sized {
        @Override
        public int bytes() {
            return 64 + occurrences.size() * 200;
        }
    }

    /**
     * A place's day, kept in the public data cache (any registry or calendar write moves its version): an answer
     * then costs its insert and nothing else, so a flood of answers reads nothing the calendar reads.
     */
    PlaceDay placeDay(long placeId, LocalDate day) {
        return cache.get(List.of("feedbackDay", placeId, day), () -> {
            boolean published = registry.staffPlace(placeId).map(Registry.StaffPlace::published).orElse(false);
            List<OccurrenceRef> out = new java.util.ArrayList<>();
            if (published) {
                for (ActivityRef a : calendar.activitiesOfPlace(placeId)) {
                    if (a.published()) {
                        out.addAll(calendar.occurrences(a.id(), day.minusDays(1), day.plusDays(1)));
                    }
                }
            }
            return new PlaceDay(published, List.copyOf(out));
        });
    }

    /**
     * The session that is on now (from a quarter of an hour before its start to an hour after its end; the one
     * starting latest when several are), or null: feedback is tied to it, never to a person.
     */
    static OccurrenceRef sessionOn(List<OccurrenceRef> occurrences, ZonedDateTime now) {
        OccurrenceRef best = null;
        for (OccurrenceRef o : occurrences) {
            if (!o.cancelled() && !now.isBefore(o.start().minusMinutes(15)) && !now.isAfter(o.end().plusHours(1))
                    && (best == null || o.start().isAfter(best.start()))) {
                best = o;
            }
        }
        return best;
    }

    static String strip(String raw) {
        return raw == null ? null : STRIP.matcher(raw.replace("\r\n", "\n").replace('\r', '\n')).replaceAll("");
    }

    // ---- staff ------------------------------------------------------------------------------------

    /** The place's target after checking the action on it (not found when there is no such place). */
    public Target require(Actor actor, FeedbackAction action, long placeId) {
        Target t = registry.placeTarget(placeId).orElseThrow(() -> new KohtaamoException.NotFound("place"));
        AccessControl.require(actor, action, t);
        return t;
    }

    /** The free texts the actor may read: all of them for the place's staff, else only those the staff have seen. */
    public List<Text> texts(Actor actor, long placeId, LocalDate from, LocalDate to) {
        Target t = require(actor, FeedbackAction.READ_TEXTS, placeId);
        boolean all = AccessControl.allows(actor, FeedbackAction.MARK_SEEN, t);
        return queries.texts(placeId, from, to, !all, 500);
    }

    /**
     * How many free texts wait to be seen at the places where the actor may mark them seen (their own places' staff
     * only: others get 0, as they never see unseen texts).
     */
    public long unseenTexts(Actor actor) {
        if (!AccessControl.mayEver(actor, FeedbackAction.MARK_SEEN)) {
            return 0;
        }
        List<Long> places = registry.placesInScope(AccessControl.scope(actor, FeedbackAction.MARK_SEEN)).stream()
                .map(Registry.StaffPlace::id)
                .filter(id -> registry.placeTarget(id)
                        .map(t -> AccessControl.allows(actor, FeedbackAction.MARK_SEEN, t)).orElse(false))
                .toList();
        return places.isEmpty() ? 0 : queries.unseenTexts(places);
    }

    /** The place's staff mark the period's texts seen, which shows them to coordinators. */
    @Transactional
    public int markSeen(Actor actor, long placeId, LocalDate from, LocalDate to) {
        Target t = require(actor, FeedbackAction.MARK_SEEN, placeId);
        int n = queries.markSeen(placeId, from, to, actor.id(), clock.instant());
        audit.recordNonPublic(actor, "FEEDBACK_SEEN", "place", placeId, t, null,
                Map.of("from", from.toString(), "to", to.toString(), "texts", n));
        return n;
    }

    @EventListener
    void placeDeleted(PlaceDeleted e) {
        queries.deletePlace(e.placeId());
    }
}
