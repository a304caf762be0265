package fi.kohtaamo.participation.internal.accessibility;

import fi.kohtaamo.audit.AuditLog;
import fi.kohtaamo.participation.AccessibilityFeedbackAction;
import fi.kohtaamo.participation.internal.accessibility.AccessibilityQueries.Feedback;
import fi.kohtaamo.registry.Registry;
import fi.kohtaamo.shared.AccessControl;
import fi.kohtaamo.shared.Actor;
import fi.kohtaamo.shared.AnonymousPosts;
import fi.kohtaamo.shared.AnonymousPosts.Take;
import fi.kohtaamo.shared.ClockConfig;
import fi.kohtaamo.shared.FieldErrors;
import fi.kohtaamo.shared.Input;
import fi.kohtaamo.shared.KohtaamoException;
import fi.kohtaamo.shared.Mail;
import fi.kohtaamo.shared.PublicDataCache;
import fi.kohtaamo.shared.RateLimits;
import fi.kohtaamo.shared.Scope;
import fi.kohtaamo.shared.Target;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Feedback on accessibility (Act 306/2019): anyone sends it from the accessibility statement for a county
 * (rate-limited); that county's coordinators are told by mail and answer within 14 days, by mail when the sender left an address (which
 * is then erased). Everything is audited without moving the public data version.
 */
@Service
public class AccessibilityService {

    /** The answer is due this many days after receipt (Act 306/2019, section 16). */
    public static final int ANSWER_DAYS = 14;
    static final int MAX_BODY = 4000;

    static final RateLimits.Limit PER_SENDER = new RateLimits.Limit("accessibility-sender", 5, Duration.ofHours(1));
    static final RateLimits.Limit PER_COUNTY = new RateLimits.Limit("accessibility-county", 100, Duration.ofHours(1));

    private static final Pattern STRIPPED = Pattern.compile(
            "[\\p{Cc}&&[^\\n\\r\\t]]|[\\uFFFE\\uFFFF\\u061C\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069]");

    private final AccessibilityQueries queries;
    private final Registry registry;
    private final Mail mail;
    private final MessageSource messages;
    private final AnonymousPosts posts;
    private final PublicDataCache cache;
    private final AuditLog audit;
    private final Clock clock;
    private final fi.kohtaamo.identity.StaffDirectory staff;
    private final fi.kohtaamo.shared.PublicUrls urls;

    AccessibilityService(AccessibilityQueries queries, Registry registry, Mail mail, MessageSource messages,
            AnonymousPosts posts, PublicDataCache cache, AuditLog audit, Clock clock, fi.kohtaamo.identity.StaffDirectory staff,
            fi.kohtaamo.shared.PublicUrls urls) {
        this.staff = staff;
        this.urls = urls;
        this.queries = queries;
        this.registry = registry;
        this.mail = mail;
        this.messages = messages;
        this.posts = posts;
        this.cache = cache;
        this.audit = audit;
        this.clock = clock;
    }

    private static String strip(String raw) {
        return raw == null ? null : STRIPPED.matcher(raw).replaceAll("");
    }

    /** The counties a feedback may be about, from the public data cache. */
    public List<Registry.Ref> counties() {
        return cache.get(List.of("accessibilityCounties"), registry::counties);
    }

    /** What a sender's feedback holds once checked. */
    private record NewFeedback(long county, String page, String body, String replyTo) {
    }

    /**
     * Stores feedback, the one way of anonymous posts ({@link AnonymousPosts}): the sender's and the county's limits
     * first; then the checks (a county of the list, read from the public data cache; what was hard, required; the
     * page; an optional address to answer to); then the row, its audit entry and the coordinators' mail in one
     * transaction.
     */
    public long submit(Map<String, String> form, String sender) {
        String rawCounty = form.get("feedbackCounty");
        String countyKey = rawCounty != null && rawCounty.strip().matches("^[0-9]{1,18}$") ? rawCounty.strip() : "?";
        return posts.post(List.of(new Take(PER_SENDER, sender), new Take(PER_COUNTY, "county:" + countyKey)),
                () -> checked(form), this::store);
    }

    private NewFeedback checked(Map<String, String> form) {
        FieldErrors errors = new FieldErrors();
        Input in = new Input(errors);
        Long county = in.id("feedbackCounty", form.get("feedbackCounty"), true);
        if (county != null && counties().stream().noneMatch(c -> c.id() == county)) {
            errors.add("feedbackCounty", "validation.choice");
        }
        String page = in.line("pageAddress", strip(form.get("pageAddress")), 500);
        String body = in.paragraph("feedback", strip(form.get("feedback")), MAX_BODY);
        if (body == null && !errors.has("feedback")) {
            errors.add("feedback", "validation.required");
        }
        String replyTo = in.email("replyTo", form.get("replyTo"), false);
        errors.throwIfAny();
        return new NewFeedback(county, page, body, replyTo);
    }

    private long store(NewFeedback f) {
        long county = f.county();
        Instant now = clock.instant();
        LocalDate due = LocalDate.ofInstant(now, ClockConfig.ZONE).plusDays(ANSWER_DAYS);
        long id = queries.insert(county, f.page(), f.body(), f.replyTo(), now, due);
        audit.recordNonPublic(null, "ACCESSIBILITY_FEEDBACK_CREATE", "accessibility_feedback", id,
                Target.county(county), null, Map.of("county", county, "due", due.toString()));
        // the county's coordinators are told (a link and the due day, not the text)
        for (var p : staff.coordinatorsOf(county)) {
            var locale = (p.language() == null ? fi.kohtaamo.shared.Lang.FI : p.language()).locale();
            mail.queue(new Mail.Message(p.email(), p.id(), messages.getMessage("a11y.mail.newSubject", null, locale),
                    messages.getMessage("a11y.mail.newBody", new Object[] {due.getDayOfMonth() + "." + due.getMonthValue()
                            + "." + due.getYear(), urls.of("/admin/participation/accessibility/" + id)}, locale),
                    null, null, county));
        }
        return id;
    }

    public List<Feedback> list(Actor actor) {
        if (!AccessControl.mayEver(actor, AccessibilityFeedbackAction.ANSWER)) {
            throw new KohtaamoException.Forbidden(AccessibilityFeedbackAction.ANSWER.name());
        }
        Scope scope = AccessControl.scope(actor, AccessibilityFeedbackAction.ANSWER);
        return queries.list(scope.all(), scope.countyId());
    }

    public Feedback readable(Actor actor, long id) {
        Feedback f = queries.feedback(id).orElseThrow(() -> new KohtaamoException.NotFound("feedback " + id));
        AccessControl.require(actor, AccessibilityFeedbackAction.ANSWER, Target.county(f.countyId()));
        return f;
    }

    /** Answers the feedback: mailed to the sender's address when there is one (then erased), recorded either way. */
    @Transactional
    public void answer(Actor actor, long id, Map<String, String> form, fi.kohtaamo.shared.Lang lang) {
        Feedback before = readable(actor, id);
        FieldErrors errors = new FieldErrors();
        Input in = new Input(errors);
        String answer = in.paragraph("answer", form.get("answer"), MAX_BODY);
        if (answer == null && !errors.has("answer")) {
            errors.add("answer", "validation.required");
        }
        Integer version = in.integer("version", form.get("version"), 0, Integer.MAX_VALUE, null);
        if (version == null && !errors.has("version")) {
            errors.add("version", "validation.required");
        }
        errors.throwIfAny();
        boolean mailed = before.replyTo() != null;
        if (!queries.answer(id, version, answer, actor.name(), mailed, clock.instant())) {
            throw new KohtaamoException.Conflict("stale", "feedback " + id);
        }
        if (mailed) {
            var locale = lang.locale();
            String subject = messages.getMessage("a11y.mail.subject", null, locale);
            String body = messages.getMessage("a11y.mail.body", new Object[] {answer, before.body()}, locale);
            mail.queue(new Mail.Message(before.replyTo(), null, subject, body, null, null, before.countyId()));
        }
        audit.recordNonPublic(actor, "ACCESSIBILITY_FEEDBACK_ANSWER", "accessibility_feedback", id,
                Target.county(before.countyId()), Map.of("due", before.dueOn().toString()),
                Map.of("answeredBy", actor.name(), "mailed", mailed));
    }
}
