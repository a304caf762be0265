package fi.kohtaamo.mapping.internal;

import fi.kohtaamo.audit.AuditLog;
import fi.kohtaamo.calendar.ActivityCalendar;
import fi.kohtaamo.calendar.ActivityKind;
import fi.kohtaamo.mapping.MappingAction;
import fi.kohtaamo.mapping.internal.MappingModel.Activity;
import fi.kohtaamo.mapping.internal.MappingModel.Answer;
import fi.kohtaamo.mapping.internal.MappingModel.NameType;
import fi.kohtaamo.mapping.internal.MappingModel.Round;
import fi.kohtaamo.mapping.internal.MappingModel.RoundRow;
import fi.kohtaamo.mapping.internal.MappingModel.Values;
import fi.kohtaamo.monitoring.PlaceVisits;
import fi.kohtaamo.registry.PlaceDeleted;
import fi.kohtaamo.registry.PlaceKind;
import fi.kohtaamo.registry.PlaceProfile;
import fi.kohtaamo.registry.Registry;
import fi.kohtaamo.shared.AccessControl;
import fi.kohtaamo.shared.Actor;
import fi.kohtaamo.shared.FieldErrors;
import fi.kohtaamo.shared.Input;
import fi.kohtaamo.shared.KohtaamoException;
import fi.kohtaamo.shared.Role;
import fi.kohtaamo.shared.Scope;
import fi.kohtaamo.shared.Target;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Mapping's checks, writes and audit: opening and closing rounds, the questionnaire prefilled from the registry,
 * monitoring and the calendar, and its answer (a snapshot; the registry's part corrected through
 * {@link Registry#correctProfile}, which checks and audits it as the place form does).
 */
@Service
public class MappingService {

    static final ZoneId HELSINKI = ZoneId.of("Europe/Helsinki");

    private final MappingQueries queries;
    private final Registry registry;
    private final PlaceVisits visits;
    private final ActivityCalendar calendar;
    private final AuditLog audit;
    private final Clock clock;

    MappingService(MappingQueries queries, Registry registry, PlaceVisits visits, ActivityCalendar calendar,
            AuditLog audit, Clock clock) {
        this.queries = queries;
        this.registry = registry;
        this.visits = visits;
        this.calendar = calendar;
        this.audit = audit;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(HELSINKI));
    }

    // ---- rounds ---------------------------------------------------------------------------------

    /** The rounds an actor may read or manage. */
    List<RoundRow> rounds(Actor actor) {
        boolean manage = AccessControl.mayEver(actor, MappingAction.ROUND_MANAGE);
        if (!manage && !AccessControl.mayEver(actor, MappingAction.ROUND_READ)) {
            return List.of();
        }
        if (actor.role() == Role.ADMIN) {
            return queries.rounds(true, -1, List.of());
        }
        long county = actor.role() == Role.COUNTY_COORDINATOR && actor.countyId() != null ? actor.countyId() : -1;
        return queries.rounds(false, county, actor.role() == Role.COUNTY_COORDINATOR ? List.of() : actor.organisations());
    }

    /** A round the actor may do this with; another's is not found. */
    Round round(Actor actor, long id, MappingAction action) {
        Round r = queries.round(id).orElseThrow(() -> new KohtaamoException.NotFound("mapping round " + id));
        if (!AccessControl.allows(actor, action, r.target())
                && !(action == MappingAction.ROUND_READ && AccessControl.allows(actor, MappingAction.ROUND_MANAGE, r.target()))) {
            throw new KohtaamoException.NotFound("mapping round " + id);
        }
        return r;
    }

    /** The round of a questionnaire already checked by {@link #questionnaire} (its title and deadline show on it). */
    Round roundOf(Answer a) {
        return queries.round(a.roundId()).orElseThrow();
    }

    Optional<Round> previous(Round r) {
        return queries.previous(r);
    }

    List<Answer> answers(Round r) {
        return queries.answers(r.id());
    }

    @Transactional
    public long openRound(Actor actor, String scopeRaw, String countyRaw, String organisationRaw, String titleRaw,
            String deadlineRaw) {
        if (!AccessControl.mayEver(actor, MappingAction.ROUND_MANAGE)) {
            throw new KohtaamoException.Forbidden(MappingAction.ROUND_MANAGE.name());
        }
        FieldErrors errors = new FieldErrors();
        Input in = new Input(errors);
        String title = in.requiredLine("title", titleRaw, 200);
        LocalDate deadline = in.date("deadline", deadlineRaw, true);
        LocalDate today = today();
        if (deadline != null && (deadline.isBefore(today) || deadline.isAfter(today.plusYears(1)))) {
            errors.add("deadline", "mapping.validation.deadline");
        }
        String scope = scopeRaw == null ? "" : scopeRaw.strip();
        Long county = null;
        Long org = null;
        switch (scope) {
            case "COUNTY" -> {
                county = in.id("countyId", countyRaw, true);
                if (county != null && registry.county(county).isEmpty()) {
                    errors.add("countyId", "validation.choice");
                }
            }
            case "ORGANISATION" -> {
                org = in.id("organisationId", organisationRaw, true);
                if (org != null && registry.organisation(org).isEmpty()) {
                    errors.add("organisationId", "validation.choice");
                }
            }
            case "NATIONAL" -> {
            }
            default -> errors.add("scope", "validation.choice");
        }
        errors.throwIfAny();
        Target target = county != null ? Target.county(county)
                : new Target(null, null, org == null ? Set.of() : Set.of(org), null);
        if (!AccessControl.allows(actor, MappingAction.ROUND_MANAGE, target)) {
            errors.add(county != null ? "countyId" : org != null ? "organisationId" : "scope", "validation.outOfScope")
                    .throwIfAny();
        }
        return open(actor, county, org, title, today, deadline, false);
    }

    /** Opens a round and gives every published place in its scope a questionnaire (demo data uses it too). */
    long open(Actor actor, Long county, Long org, String title, LocalDate opensOn, LocalDate deadline, boolean demo) {
        long id = create(county, org, title, opensOn, deadline, demo);
        Round r = queries.round(id).orElseThrow();
        audit.record(actor, "MAPPING_ROUND_OPEN", "mapping_round", id, r.target(), null, r);
        return id;
    }

    /** The round and its questionnaires, unaudited: for {@link #open} and the demo data. */
    long create(Long county, Long org, String title, LocalDate opensOn, LocalDate deadline, boolean demo) {
        long id = queries.insertRound(county, org, title, opensOn, deadline, false, demo, clock.instant());
        Scope scope = county != null ? new Scope(false, county, -1, List.of(-1L), -1)
                : org != null ? new Scope(false, -1, -1, List.copyOf(registry.organisationWithDescendants(org)), -1)
                : Scope.ALL;
        var tree = registry.organisationTree();
        Map<Long, String> countyNames = new java.util.HashMap<>();
        for (var p : registry.reportPlaces(scope)) {
            if (!p.published()) {
                continue;
            }
            Long main = p.organiserIds().stream().sorted().findFirst().orElse(null);
            List<Registry.OrganisationNode> up = main == null ? List.of() : Registry.upwards(tree, main);
            String type = up.isEmpty() ? null : up.get(0).type().name();
            // a national organisation's "district" is the level right below the top, its "association" the one below
            String district = up.size() >= 2 ? up.get(up.size() - 2).name().fi() : up.isEmpty() ? null : up.get(0).name().fi();
            String association = up.size() >= 3 ? up.get(0).name().fi() : null;
            String countyName = countyNames.computeIfAbsent(p.countyId(),
                    c -> registry.county(c).map(r -> r.name().fi()).orElse("" + c));
            queries.insertAnswer(id, p.id(), p.name().fi(), p.countyId(), countyName, p.areaId(), p.organiserIds(), type,
                    district, association);
        }
        return id;
    }

    @Transactional
    public void closeRound(Actor actor, long id, String versionRaw) {
        Round r = round(actor, id, MappingAction.ROUND_MANAGE);
        if (!AccessControl.allows(actor, MappingAction.ROUND_MANAGE, r.target())) {
            throw new KohtaamoException.NotFound("mapping round " + id);
        }
        FieldErrors errors = new FieldErrors();
        Integer version = new Input(errors).integer("version", versionRaw, 0, Integer.MAX_VALUE, 0);
        errors.throwIfAny();
        if (r.closed() || !queries.closeRound(id, version)) {
            throw new KohtaamoException.Conflict("stale", "mapping round " + id);
        }
        audit.record(actor, "MAPPING_ROUND_CLOSE", "mapping_round", id, r.target(), r, queries.round(id).orElseThrow());
    }

    // ---- questionnaires -------------------------------------------------------------------------

    /** Open questionnaires of the places the actor may answer for. */
    List<Answer> myQuestionnaires(Actor actor) {
        if (!AccessControl.mayEver(actor, MappingAction.ANSWER)) {
            return List.of();
        }
        var places = registry.placesInScope(AccessControl.scope(actor, MappingAction.ANSWER)).stream()
                .map(Registry.StaffPlace::id).toList();
        return queries.openFor(places);
    }

    /** A questionnaire the actor may answer: where its place sits now, as the registry says; another's is not found. */
    Answer questionnaire(Actor actor, long id) {
        Answer a = queries.answer(id).orElseThrow(() -> new KohtaamoException.NotFound("questionnaire " + id));
        Target target = registry.placeTarget(a.placeId())
                .orElse(new Target(a.countyId(), a.areaId(), a.organiserIds(), a.placeId()));
        if (!AccessControl.allows(actor, MappingAction.ANSWER, target)) {
            throw new KohtaamoException.NotFound("questionnaire " + id);
        }
        return a;
    }

    /** What the registry says of the place now (empty when the place is gone). */
    Optional<PlaceProfile> profile(Answer a) {
        return registry.placeProfile(a.placeId(), today());
    }

    /** The counted visits per month over the year before the round opened (empty: not counted, to be asked). */
    java.util.OptionalLong countedVisits(Round r, long placeId) {
        YearMonth to = YearMonth.from(r.opensOn()).minusMonths(1);
        return visits.averageMonthlyVisits(placeId, to.minusMonths(11), to);
    }

    /** The values a questionnaire shows: the answer once given, else the registry's, monitoring's and calendar's. */
    Values prefill(Round r, Answer a, Optional<PlaceProfile> profile) {
        if (a.answered()) {
            return a.values();
        }
        var counted = countedVisits(r, a.placeId());
        Set<Activity> activities = EnumSet.noneOf(Activity.class);
        for (var act : calendar.activitiesOfPlace(a.placeId())) {
            activities.add(activity(act.kind()));
        }
        if (profile.isEmpty()) {
            return new Values(null, Set.of(), counted.isPresent() ? (int) counted.getAsLong() : null, counted.isPresent(),
                    null, null, null, null, activities, null, null, null, null, null, null, List.of(), null, Set.of());
        }
        PlaceProfile p = profile.get();
        boolean full = p.accessibility().containsAll(Set.of(fi.kohtaamo.registry.AccessibilityFeature.STEP_FREE_ENTRANCE,
                fi.kohtaamo.registry.AccessibilityFeature.ACCESSIBLE_TOILET));
        return new Values(nameType(p.kind()), p.targetGroups(), counted.isPresent() ? (int) counted.getAsLong() : null,
                counted.isPresent(), p.employees(), p.wageSubsidyStaff(), p.interns(), p.volunteers(), activities,
                p.openingWeekdays(), p.evenings(), p.weekends(), p.premisesType(), p.premisesOwnership(), full, List.of(),
                p.cooperationPartners(), p.funding());
    }

    /**
     * Confirms or corrects a questionnaire: the registry's part (target groups, staff, volunteers, premises,
     * accessibility features, partners in words, funding) goes to the registry through its own checks and audit; the
     * whole answer is stored as the round's snapshot and audited. A stale questionnaire changes nothing.
     */
    @Transactional
    public void answer(Actor actor, long id, org.springframework.util.MultiValueMap<String, String> form) {
        Answer a = questionnaire(actor, id);
        Round r = queries.round(a.roundId()).orElseThrow();
        if (r.closed()) {
            throw new KohtaamoException.Conflict("mapping-closed", "mapping round " + r.id());
        }
        var counted = countedVisits(r, a.placeId());
        var checked = QuestionnaireForm.check(form, counted.isPresent(),
                counted.isPresent() ? (int) counted.getAsLong() : null);
        Values v = checked.values();
        for (Long partner : v.partnerIds()) {
            if (registry.organisation(partner).isEmpty()) {
                new FieldErrors().add("partnerIds", "validation.choice").throwIfAny();
            }
        }
        if (a.version() != checked.version()) {
            throw new KohtaamoException.Conflict("stale", "questionnaire " + id);
        }
        var profile = profile(a);
        if (profile.isPresent()) {
            registry.correctProfile(actor, a.placeId(), new PlaceProfile.Correction(checked.placeVersion(),
                    v.targetGroups(), v.employees(), v.wageSubsidyStaff(), v.interns(), v.volunteers(), v.premisesType(),
                    v.premisesOwnership(), checked.features(), v.partnersText(), v.funding()));
        }
        if (!queries.saveAnswer(id, checked.version(), v, actor.id(), clock.instant())) {
            throw new KohtaamoException.Conflict("stale", "questionnaire " + id);
        }
        Target target = registry.placeTarget(a.placeId()).orElse(new Target(a.countyId(), a.areaId(), a.organiserIds(),
                a.placeId()));
        audit.record(actor, "MAPPING_ANSWER", "mapping_answer", id, target, a, queries.answer(id).orElseThrow());
    }

    @EventListener
    void placeDeleted(PlaceDeleted event) {
        queries.deleteUnanswered(event.placeId());
    }

    static NameType nameType(PlaceKind kind) {
        return switch (kind) {
            case FAMILY_HOUSE -> NameType.FAMILY_HOUSE;
            case FAMILY_CENTRE -> NameType.FAMILY_CENTRE;
            default -> null;
        };
    }

    static Activity activity(ActivityKind kind) {
        return switch (kind) {
            case BABY_CAFE -> Activity.BABY_CAFE;
            case LANGUAGE_GROUP -> Activity.LANGUAGE_GROUP;
            case PARENT_PEER_GROUP -> Activity.PARENT_PEER_GROUP;
            case HOBBY, OUTDOOR -> Activity.HOBBIES;
            case HOMEWORK_CLUB -> Activity.HOMEWORK_CLUB;
            case YOUTH_EVENING -> Activity.YOUTH_EVENINGS;
            case EVENT -> Activity.EVENTS;
            default -> Activity.DROP_IN;
        };
    }
}
