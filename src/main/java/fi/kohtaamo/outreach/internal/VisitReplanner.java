package fi.kohtaamo.outreach.internal;

import fi.kohtaamo.audit.AuditLog;
import fi.kohtaamo.calendar.ActivityCalendar;
import fi.kohtaamo.calendar.ScheduleChanged;
import fi.kohtaamo.registry.Registry;
import fi.kohtaamo.shared.Lang;
import fi.kohtaamo.shared.Scope;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps coming visits in step with the calendar. When occurrences may have changed (an activity edited,
 * paused, deleted, an occurrence cancelled or moved, school holidays changed), every coming open slot
 * of the activities concerned is planned again, in the same transaction: a slot whose occurrence no
 * longer takes place is cancelled with its visits, and both sides are told; a slot whose occurrence
 * moved takes the new time, and its visitors get an updated invitation.
 */
@Component
class VisitReplanner {

    private final OutreachQueries queries;
    private final ActivityCalendar calendar;
    private final Registry registry;
    private final AuditLog audit;
    private final VisitMails mails;
    private final MessageSource messages;
    private final Clock clock;

    VisitReplanner(OutreachQueries queries, ActivityCalendar calendar, Registry registry, AuditLog audit,
            VisitMails mails, MessageSource messages, Clock clock) {
        this.queries = queries;
        this.calendar = calendar;
        this.registry = registry;
        this.audit = audit;
        this.mails = mails;
        this.messages = messages;
        this.clock = clock;
    }

    @EventListener
    void scheduleChanged(ScheduleChanged event) {
        Instant now = clock.instant();
        Set<Long> activities = new LinkedHashSet<>(event.activityIds());
        if (event.municipalityCode() != null) {
            List<Long> places = registry.placesInScope(Scope.ALL).stream()
                    .filter(p -> event.municipalityCode().equals(p.municipalityCode())).map(Registry.StaffPlace::id).toList();
            queries.slotsOfPlaces(places, now, now.plus(Duration.ofDays(7L * OutreachService.MAX_WEEKS_AHEAD)))
                    .forEach(s -> activities.add(s.activityId()));
        }
        for (long activity : activities) {
            for (OutreachQueries.Slot slot : queries.slotsOfActivity(activity, now)) {
                if (slot.open()) {
                    replan(slot, event.deleted(), now);
                }
            }
        }
    }

    private void replan(OutreachQueries.Slot slot, boolean deleted, Instant now) {
        Optional<ActivityCalendar.OccurrenceRef> o = deleted ? Optional.empty()
                : calendar.occurrence(slot.activityId(), slot.originalDate());
        if (o.isEmpty() || o.get().cancelled()) {
            String reason = messages.getMessage("outreach.reason.occurrenceCancelled", null, Lang.FI.locale());
            if (queries.cancelSlot(slot.id(), slot.version(), reason, now)) {
                for (OutreachQueries.Visit v : queries.visitsOfSlot(slot.id())) {
                    if (v.active() && queries.changeStatus(v.id(), v.version(), v.status(), "CANCELLED", reason, "PLACE", now)) {
                        mails.tell(VisitMails.Event.CANCELLED_BY_PLACE, queries.visit(v.id()).orElseThrow());
                    }
                }
                audit.record(null, "OUTREACH_SLOT_CANCEL", "visit_slot", slot.id(), null, slot,
                        queries.slot(slot.id()).orElse(null));
            }
            return;
        }
        Instant start = o.get().start().toInstant();
        Instant end = o.get().end().toInstant();
        if (!start.equals(slot.startsAt()) || !end.equals(slot.endsAt())) {
            queries.retimeSlot(slot.id(), start, end, now);
            for (OutreachQueries.Visit v : queries.visitsOfSlot(slot.id())) {
                if (v.active() && queries.touchVisit(v.id(), now)) {
                    mails.tell(VisitMails.Event.CHANGED, queries.visit(v.id()).orElseThrow());
                }
            }
            audit.record(null, "OUTREACH_SLOT_RETIME", "visit_slot", slot.id(), null, slot,
                    queries.slot(slot.id()).orElse(null));
        }
    }
}
