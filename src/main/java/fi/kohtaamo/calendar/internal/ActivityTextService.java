package fi.kohtaamo.calendar.internal;

import fi.kohtaamo.audit.AuditLog;
import fi.kohtaamo.calendar.CalendarAction;
import fi.kohtaamo.shared.Actor;
import fi.kohtaamo.shared.FieldErrors;
import fi.kohtaamo.shared.Input;
import fi.kohtaamo.shared.KohtaamoException;
import java.time.Clock;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes of an activity's texts in other languages: checked as an edit of the activity (ACTIVITY_UPDATE where it is),
 * the input, the text's own version (optimistic locking), audit. A change touches the activity, so its feeds change.
 */
@Service
public class ActivityTextService {

    private final ActivityService activities;
    private final ActivityTextQueries queries;
    private final AuditLog audit;
    private final Clock clock;

    public ActivityTextService(ActivityService activities, ActivityTextQueries queries, AuditLog audit, Clock clock) {
        this.activities = activities;
        this.queries = queries;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Adds a text ({@code version} blank) or changes the one in {@code lang} that the form read at {@code version}.
     * Returns the stored language tag.
     */
    @Transactional
    public String save(Actor actor, long activityId, String lang, String name, String description, String version) {
        ActivityQueries.Activity a = activities.activityForStaff(actor, activityId);
        FieldErrors errors = new FieldErrors();
        boolean adding = version == null || version.isBlank();
        Integer v = adding ? null : new Input(errors).integer("version", version, 0, Integer.MAX_VALUE, null);
        ActivityText t = ActivityText.check(lang, name, description, errors);
        ActivityText before = t == null ? null : find(a, t.lang());
        if (t != null && adding) {
            if (before != null) {
                errors.add("textLang", "activityText.validation.twice", t.lang());
            } else if (a.texts().size() >= ActivityText.MAX_PER_ACTIVITY) {
                errors.add("textLang", "activityText.validation.tooMany", ActivityText.MAX_PER_ACTIVITY);
            }
        }
        errors.throwIfAny();
        var target = activities.target(a.placeId(), a.organiserIds());
        if (adding) {
            queries.insert(a.id(), t, clock.instant());
        } else if (before == null || !queries.update(a.id(), t, v, clock.instant())) {
            throw new KohtaamoException.Conflict("stale", "activity text " + activityId + "/" + t.lang());
        }
        audit.record(actor, adding ? "ACTIVITY_TEXT_ADD" : "ACTIVITY_TEXT_UPDATE", "activity", a.id(), target,
                before == null ? null : Map.of("text", before), Map.of("text", t));
        return t.lang();
    }

    /** Removes the text in {@code lang} as the form read it at {@code version}. */
    @Transactional
    public void delete(Actor actor, long activityId, String lang, String version) {
        ActivityQueries.Activity a = activities.activityForStaff(actor, activityId);
        String tag = ActivityText.normalise(lang);
        ActivityText before = tag == null ? null : find(a, tag);
        if (before == null) {
            throw new KohtaamoException.NotFound("activity text " + activityId + "/" + lang);
        }
        Integer v = new Input(new FieldErrors()).integer("version", version, 0, Integer.MAX_VALUE, null);
        if (v == null || !queries.delete(a.id(), tag, v, clock.instant())) {
            throw new KohtaamoException.Conflict("stale", "activity text " + activityId + "/" + tag);
        }
        audit.record(actor, "ACTIVITY_TEXT_DELETE", "activity", a.id(), activities.target(a.placeId(), a.organiserIds()),
                Map.of("text", before), null);
    }

    static ActivityText find(ActivityQueries.Activity a, String lang) {
        return a.texts().stream().filter(t -> t.lang().equals(lang)).findFirst().orElse(null);
    }
}
