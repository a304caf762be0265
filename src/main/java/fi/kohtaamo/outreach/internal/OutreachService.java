package fi.kohtaamo.outreach.internal;

import fi.kohtaamo.audit.AuditLog;
import fi.kohtaamo.calendar.ActivityCalendar;
import fi.kohtaamo.outreach.OutreachAction;
import fi.kohtaamo.outreach.internal.OutreachQueries.Catalogue;
import fi.kohtaamo.outreach.internal.OutreachQueries.Partner;
import fi.kohtaamo.outreach.internal.OutreachQueries.Slot;
import fi.kohtaamo.outreach.internal.OutreachQueries.Visit;
import fi.kohtaamo.registry.Registry;
import fi.kohtaamo.shared.AccessControl;
import fi.kohtaamo.shared.Actor;
import fi.kohtaamo.shared.CountyCatalogue;
import fi.kohtaamo.shared.CountyCatalogue.Item;
import fi.kohtaamo.shared.FieldErrors;
import fi.kohtaamo.shared.Input;
import fi.kohtaamo.shared.KohtaamoException;
import fi.kohtaamo.shared.Target;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Outreach's slots and bookings, with the reads that need access checks: where a slot or visit sits, a partner's
 * registration, opening and cancelling slots on a place's occurrences, finding and booking them. The county's set-up is
 * {@link OutreachSetup}, a booked visit's life {@link VisitService}, proposals {@link ProposalService}. Every write checks the action where the record is, the input, the state
 * (a cancelled slot cannot be booked, a cancelled visit not cancelled again), writes, audits (which
 * moves the public data version: confirmed visits show in the public calendar) and queues mail in
 * the same transaction.
 */
@Service
public class OutreachService {

    static final ZoneId HELSINKI = ZoneId.of("Europe/Helsinki");
    /** How far ahead slots can be opened and booked. */
    static final int MAX_WEEKS_AHEAD = 52;
    static final Set<String> FORMATS = Set.of("TALK", "PRESENCE");
    static final List<String> LANGUAGES = List.of("fi", "sv", "en", "ru", "ar", "so", "et", "uk", "fa", "ku");

    private final OutreachQueries queries;
    private final Registry registry;
    private final ActivityCalendar calendar;
    private final AuditLog audit;
    private final VisitMails mails;
    private final Clock clock;

    public OutreachService(OutreachQueries queries, Registry registry, ActivityCalendar calendar, AuditLog audit,
            VisitMails mails, Clock clock) {
        this.queries = queries;
        this.registry = registry;
        this.calendar = calendar;
        this.audit = audit;
        this.mails = mails;
        this.clock = clock;
    }

    // ---- where things are -----------------------------------------------------------------------

    /** Where a slot at a place sits: the place's target with the activity's organisers. */
    Target slotTarget(long placeId, long activityId) {
        Target place = registry.placeTarget(placeId).orElseThrow(() -> new KohtaamoException.NotFound("place " + placeId));
        Set<Long> orgs = new HashSet<>(place.organisationIds());
        calendar.activity(activityId).ifPresent(a -> orgs.addAll(a.organiserIds()));
        return new Target(place.countyId(), place.areaId(), orgs, placeId);
    }

    long countyOfPlace(long placeId) {
        return registry.placeTarget(placeId).map(Target::countyId)
                .orElseThrow(() -> new KohtaamoException.NotFound("place " + placeId));
    }

    /** Where a visit sits for its partner: the partner organisation in the slot's county. */
    Target partnerTarget(Visit v) {
        Target place = registry.placeTarget(v.placeId()).orElseThrow(() -> new KohtaamoException.NotFound("visit"));
        return new Target(place.countyId(), place.areaId(), Set.of(v.partnerOrgId()), null);
    }

    /** The partner registration that lets the actor's organisation work in the county, if any. */
    public Optional<Partner> partnership(Actor actor, long countyId) {
        if (actor == null || actor.organisationId() == null || !AccessControl.mayEver(actor, OutreachAction.VISIT_BOOK)) {
            return Optional.empty();
        }
        for (Partner p : queries.partners(countyId)) {
            if (registry.organisationWithDescendants(p.organisationId()).contains(actor.organisationId())) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** The organisations whose visits the actor books ({@link OutreachAction#VISIT_BOOK}): none for others. */
    static Set<Long> bookingOrganisations(Actor actor) {
        return AccessControl.mayEver(actor, OutreachAction.VISIT_BOOK) ? actor.organisations() : Set.of();
    }

    /** Whether the actor books visits for the organisation ({@link OutreachAction#VISIT_BOOK} on it). */
    static boolean booksFor(Actor actor, long organisationId) {
        return AccessControl.allows(actor, OutreachAction.VISIT_BOOK, new Target(null, null, Set.of(organisationId), null));
    }

    /** The counties where the actor's organisation is a partner. */
    public List<Partner> partnerships(Actor actor) {
        if (actor == null || actor.organisationId() == null || !AccessControl.mayEver(actor, OutreachAction.VISIT_BOOK)) {
            return List.of();
        }
        List<Partner> out = new ArrayList<>();
        for (Partner p : queries.partners(null)) {
            if (registry.organisationWithDescendants(p.organisationId()).contains(actor.organisationId())) {
                out.add(p);
            }
        }
        return out;
    }

    // ---- slots ----------------------------------------------------------------------------------

    /** The place's activities with their coming occurrences and slots, for the slot form; checks access. */
    public void requireSlots(Actor actor, long placeId) {
        AccessControl.require(actor, OutreachAction.SLOT_MANAGE, slotTarget(placeId, -1));
    }

    public Slot slotForHost(Actor actor, long slotId) {
        Slot s = queries.slot(slotId).orElseThrow(() -> new KohtaamoException.NotFound("slot " + slotId));
        AccessControl.require(actor, OutreachAction.SLOT_MANAGE, slotTarget(s.placeId(), s.activityId()));
        return s;
    }

    /** What a slot form sends, as text. */
    public record SlotForm(String activityId, List<String> dates, boolean wholeSeason, String format, String capacity,
            List<String> topicIds, String language, String notes, boolean autoConfirm) {
    }

    /** Result of opening slots: how many were opened and the dates that already had one. */
    public record Opened(int opened, List<LocalDate> skipped) {
    }

    @Transactional
    public Opened openSlots(Actor actor, long placeId, SlotForm form) {
        FieldErrors errors = new FieldErrors();
        Input in = new Input(errors);
        Long activityId = in.id("activityId", form.activityId(), true);
        ActivityCalendar.ActivityRef activity = activityId == null ? null : calendar.activity(activityId)
                .filter(a -> a.placeId() == placeId).orElse(null);
        if (activityId != null && activity == null) {
            errors.add("activityId", "validation.choice");
        }
        AccessControl.require(actor, OutreachAction.SLOT_MANAGE, slotTarget(placeId, activity == null ? -1 : activity.id()));
        String format = in.requiredLine("format", form.format(), 10);
        if (format != null && !FORMATS.contains(format)) {
            errors.add("format", "validation.choice");
        }
        Integer capacity = in.integer("capacity", form.capacity(), 1, 10, null);
        if (capacity == null && !errors.has("capacity")) {
            errors.add("capacity", "validation.required");
        }
        String language = in.requiredLine("language", form.language(), 3);
        if (language != null && !LANGUAGES.contains(language)) {
            errors.add("language", "validation.choice");
        }
        String notes = in.paragraph("notes", form.notes(), 1000);
        long county = countyOfPlace(placeId);
        List<Long> topics = topicIds(in, form.topicIds(), county, "topicIds");
        LocalDate today = LocalDate.now(clock.withZone(HELSINKI));
        Instant now = clock.instant();
        List<ActivityCalendar.OccurrenceRef> chosen = new ArrayList<>();
        if (activity != null) {
            LocalDate last = today.plusWeeks(MAX_WEEKS_AHEAD);
            List<ActivityCalendar.OccurrenceRef> coming = calendar.occurrences(activity.id(), today, last).stream()
                    .filter(o -> !o.cancelled() && o.start().toInstant().isAfter(now)).toList();
            if (form.wholeSeason()) {
                chosen.addAll(coming);
            } else {
                Set<LocalDate> wanted = new LinkedHashSet<>();
                for (String raw : form.dates() == null ? List.<String>of() : form.dates()) {
                    LocalDate d = in.date("dates", raw, false);
                    if (d != null) {
                        wanted.add(d);
                    }
                }
                for (LocalDate d : wanted) {
                    coming.stream().filter(o -> o.originalDate().equals(d)).findFirst().ifPresentOrElse(chosen::add,
                            () -> errors.add("dates", "outreach.validation.notAComingOccurrence", d.toString()));
                }
            }
            if (chosen.isEmpty() && !errors.has("dates")) {
                errors.add("dates", "outreach.validation.noOccurrences");
            }
        }
        errors.throwIfAny();
        int opened = 0;
        List<LocalDate> skipped = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        for (ActivityCalendar.OccurrenceRef o : chosen) {
            if (queries.slotIdOf(activity.id(), o.originalDate()).isPresent()) {
                skipped.add(o.originalDate());
                continue;
            }
            ids.add(queries.insertSlot(activity.id(), placeId, o.originalDate(), o.start().toInstant(), o.end().toInstant(),
                    format, capacity, language, notes, form.autoConfirm(), topics, false, now));
            opened++;
        }
        if (opened > 0) {
            audit.record(actor, "OUTREACH_SLOTS_OPEN", "visit_slot", ids.get(0), slotTarget(placeId, activity.id()), null,
                    Map.of("activityId", activity.id(), "slots", ids, "format", format, "capacity", capacity));
        }
        return new Opened(opened, skipped);
    }

    private List<Long> topicIds(Input in, List<String> raw, long countyId, String field) {
        List<Long> out = new ArrayList<>();
        Set<Long> allowed = new HashSet<>();
        queries.items(Catalogue.TOPIC, countyId).stream().filter(Item::active).forEach(i -> allowed.add(i.id()));
        for (String r : raw == null ? List.<String>of() : raw) {
            Long id = in.id(field, r, false);
            if (id != null) {
                if (!allowed.contains(id)) {
                    in.errors().add(field, "validation.choice");
                } else if (!out.contains(id)) {
                    out.add(id);
                }
            }
        }
        return out;
    }

    /** Cancels a slot and every active visit on it, telling the visitors. */
    @Transactional
    public void cancelSlot(Actor actor, long slotId, String version, String reason) {
        Slot s = slotForHost(actor, slotId);
        FieldErrors errors = new FieldErrors();
        Input in = new Input(errors);
        String why = in.requiredLine("reason", reason, 500);
        Integer v = in.integer("version", version, 0, Integer.MAX_VALUE, 0);
        if (!s.open()) {
            errors.add("reason", "outreach.error.slotCancelled");
        }
        errors.throwIfAny();
        queries.lockSlot(slotId);
        if (!queries.cancelSlot(slotId, v, why, clock.instant())) {
            throw new KohtaamoException.Conflict("stale", "slot " + slotId);
        }
        for (Visit visit : queries.visitsOfSlot(slotId)) {
            if (visit.active() && queries.changeStatus(visit.id(), visit.version(), visit.status(), "CANCELLED", why, "PLACE",
                    clock.instant())) {
                mails.tell(VisitMails.Event.CANCELLED_BY_PLACE, queries.visit(visit.id()).orElseThrow());
            }
        }
        audit.record(actor, "OUTREACH_SLOT_CANCEL", "visit_slot", slotId, slotTarget(s.placeId(), s.activityId()), s,
                queries.slot(slotId).orElseThrow());
    }

    /** Slots of the places the actor hosts (in scope), starting in [from, to). */
    public List<Slot> slotsForHost(Actor actor, Collection<Long> placeIds, Instant from, Instant to) {
        return queries.slotsOfPlaces(placeIds, from, to);
    }

    // ---- finding and booking --------------------------------------------------------------------

    /** Search criteria for open slots; nulls mean any. */
    public record SlotSearch(Long areaId, String municipalityCode, java.time.DayOfWeek weekday, String language,
            String format, Long topicId) {
    }

    /**
     * Open slots with room, starting from now up to {@link #MAX_WEEKS_AHEAD} weeks, at places of the
     * counties where the actor's organisation is a partner (coordinators: their scope), matching the search.
     */
    public List<Slot> findSlots(Actor actor, SlotSearch search, Map<Long, Registry.StaffPlace> placesOut) {
        List<Registry.StaffPlace> places = new ArrayList<>();
        if (AccessControl.mayEver(actor, OutreachAction.VISIT_BOOK)) {
            for (Partner p : partnerships(actor)) {
                places.addAll(registry.placesInScope(new fi.kohtaamo.shared.Scope(false, p.countyId(), -1, List.of(-1L), -1)));
            }
        } else if (AccessControl.mayEver(actor, OutreachAction.COORDINATION_VIEW)) {
            places.addAll(registry.placesInScope(AccessControl.scope(actor, OutreachAction.COORDINATION_VIEW)));
        } else {
            throw new KohtaamoException.Forbidden("VISIT_BOOK");
        }
        if (search.areaId() != null) {
            Set<Long> inArea = new HashSet<>();
            registry.placesInScope(new fi.kohtaamo.shared.Scope(false, -1, search.areaId(), List.of(-1L), -1))
                    .forEach(p -> inArea.add(p.id()));
            places.removeIf(p -> !inArea.contains(p.id()));
        }
        if (search.municipalityCode() != null) {
            places.removeIf(p -> !search.municipalityCode().equals(p.municipalityCode()));
        }
        places.removeIf(p -> !p.published());
        places.forEach(p -> placesOut.put(p.id(), p));
        Instant now = clock.instant();
        Instant until = now.plus(Duration.ofDays(7L * MAX_WEEKS_AHEAD));
        // a partner is not offered the slots its organisation has already booked
        Set<Long> booked = new HashSet<>();
        if (AccessControl.mayEver(actor, OutreachAction.VISIT_BOOK)) {
            queries.visits(List.of(), bookingOrganisations(actor), now, until).stream().filter(Visit::active)
                    .forEach(v -> booked.add(v.slotId()));
        }
        return queries.slotsOfPlaces(placesOut.keySet(), now, until).stream()
                .filter(s -> s.open() && s.free() > 0 && s.startsAt().isAfter(now) && !booked.contains(s.id()))
                .filter(s -> search.weekday() == null || s.startsAt().atZone(HELSINKI).getDayOfWeek() == search.weekday())
                .filter(s -> search.language() == null || search.language().equals(s.language()))
                .filter(s -> search.format() == null || search.format().equals(s.format()))
                .filter(s -> search.topicId() == null || s.topicIds().isEmpty() || s.topicIds().contains(search.topicId()))
                .toList();
    }

    /** A slot as a partner may see it (public slot information); checks the partner works in its county. */
    public Slot slotForPartner(Actor actor, long slotId) {
        Slot s = queries.slot(slotId).orElseThrow(() -> new KohtaamoException.NotFound("slot " + slotId));
        if (partnership(actor, countyOfPlace(s.placeId())).isEmpty()) {
            throw new KohtaamoException.NotFound("slot " + slotId);
        }
        return s;
    }

    /** The organisation's own active visit on the slot, if it has one (a slot is booked once by an organisation). */
    public Optional<Visit> ownVisit(Actor actor, long slotId) {
        return queries.visitsOfSlot(slotId).stream()
                .filter(v -> v.active() && actor.organisations().contains(v.partnerOrgId())).findFirst();
    }

    /** What a booking form sends. */
    public record BookingForm(String professionId, String topicId, String professionalName, String professionalEmail,
            String message, boolean acceptWarnings) {
    }

    /** The outcome of a booking or confirmation: stored (id), or warnings to accept first (nothing stored). */
    public record Outcome(Long visitId, List<Warnings.Warning> warnings) {
    }

    @Transactional
    public Outcome book(Actor actor, long slotId, BookingForm form) {
        Slot s = queries.slot(slotId).orElseThrow(() -> new KohtaamoException.NotFound("slot " + slotId));
        long county = countyOfPlace(s.placeId());
        Partner partner = partnership(actor, county).orElseThrow(() -> new KohtaamoException.NotFound("slot " + slotId));
        Target where = new Target(county, null, Set.of(actor.organisationId()), null);
        AccessControl.require(actor, OutreachAction.VISIT_BOOK, where);
        FieldErrors errors = new FieldErrors();
        Input in = new Input(errors);
        Long professionId = in.id("professionId", form.professionId(), true);
        Long topicId = in.id("topicId", form.topicId(), "TALK".equals(s.format()));
        String name = in.line("professionalName", form.professionalName(), 200);
        String email = in.email("professionalEmail", form.professionalEmail(), false);
        String message = in.paragraph("message", form.message(), 1000);
        checkItem(errors, Catalogue.PROFESSION, professionId, county, "professionId");
        checkItem(errors, Catalogue.TOPIC, topicId, county, "topicId");
        if (queries.acknowledgement(partner.organisationId(), county).isEmpty()) {
            errors.add("slot", "outreach.error.orientationFirst");
        }
        errors.throwIfAny();
        // bookings of one slot queue on its row: the count below is then exact, on every database
        queries.lockSlot(slotId);
        s = queries.slot(slotId).orElseThrow();
        checkBookable(s, errors);
        if (errors.isEmpty() && queries.visitsOfSlot(slotId).stream()
                .anyMatch(v -> v.active() && v.partnerOrgId() == actor.organisationId())) {
            errors.add("slot", "outreach.error.alreadyBooked");
        }
        errors.throwIfAny();
        String professional = name == null ? actor.name() : name;
        Long professionalUser = name == null ? actor.id() : null;
        List<Warnings.Warning> warnings = Warnings.of(queries, s, topicId, professionalUser, actor.organisationId(),
                queries.topicRepeatWeeks(county), null, true);
        if (!warnings.isEmpty() && !form.acceptWarnings()) {
            return new Outcome(null, warnings);
        }
        String status = s.autoConfirm() ? "CONFIRMED" : "REQUESTED";
        long id = queries.insertVisit(slotId, actor.organisationId(), professionId, topicId, professionalUser, professional,
                email, actor.id(), message, status, false, clock.instant());
        Visit v = queries.visit(id).orElseThrow();
        audit.record(actor, "OUTREACH_VISIT_BOOK", "visit", id, slotTarget(s.placeId(), s.activityId()), null, v);
        mails.tell(s.autoConfirm() ? VisitMails.Event.CONFIRMED : VisitMails.Event.REQUESTED, v);
        return new Outcome(id, warnings);
    }

    private void checkBookable(Slot s, FieldErrors errors) {
        Instant now = clock.instant();
        if (!s.open()) {
            errors.add("slot", "outreach.error.slotCancelled");
        } else if (!s.startsAt().isAfter(now)) {
            errors.add("slot", "outreach.error.past");
        } else if (s.free() <= 0) {
            errors.add("slot", "outreach.error.full");
        } else {
            Optional<ActivityCalendar.OccurrenceRef> o = calendar.occurrence(s.activityId(), s.originalDate());
            if (o.isEmpty() || o.get().cancelled()) {
                errors.add("slot", "outreach.error.occurrenceCancelled");
            } else if (!o.get().start().toInstant().equals(s.startsAt()) || !o.get().end().toInstant().equals(s.endsAt())) {
                // the occurrence was moved after the slot was opened: the slot follows it
                queries.retimeSlot(s.id(), o.get().start().toInstant(), o.get().end().toInstant(), now);
            }
        }
    }

    private void checkItem(FieldErrors errors, Catalogue c, Long id, long county, String field) {
        if (id != null && queries.item(c, id).filter(i -> i.countyId() == county && i.active()).isEmpty()) {
            errors.add(field, "validation.choice");
        }
    }
}
