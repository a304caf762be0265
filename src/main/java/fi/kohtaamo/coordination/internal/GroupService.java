package fi.kohtaamo.coordination.internal;

import fi.kohtaamo.audit.AuditLog;
import fi.kohtaamo.coordination.CoordinationAction;
import fi.kohtaamo.coordination.internal.GroupQueries.Group;
import fi.kohtaamo.coordination.internal.GroupQueries.Seat;
import fi.kohtaamo.identity.StaffDirectory;
import fi.kohtaamo.registry.Registry;
import fi.kohtaamo.shared.AccessControl;
import fi.kohtaamo.shared.Actor;
import fi.kohtaamo.shared.FieldErrors;
import fi.kohtaamo.shared.Input;
import fi.kohtaamo.shared.KohtaamoException;
import fi.kohtaamo.shared.Target;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The groups, their seats and the providers' commitment: where a group sits for access checks (its county, its one
 * area, and the actor's organisation when the actor holds a seat), writes with checks and audit, and the vacating
 * of a seat whose holder left.
 */
@Service
public class GroupService {

    /** The seat roles that write a group's meetings. */
    static final Set<String> WRITERS = Set.of("CHAIR", "SECRETARY");

    private final GroupQueries queries;
    private final Registry registry;
    private final StaffDirectory staff;
    private final AuditLog audit;
    private final SeatMails seatMails;
    private final Clock clock;

    GroupService(GroupQueries queries, Registry registry, StaffDirectory staff, AuditLog audit, SeatMails seatMails,
            Clock clock) {
        this.queries = queries;
        this.registry = registry;
        this.staff = staff;
        this.audit = audit;
        this.seatMails = seatMails;
        this.clock = clock;
    }

    // ---- where a group sits -----------------------------------------------------------------------

    public Group group(long id) {
        return queries.group(id).orElseThrow(() -> new KohtaamoException.NotFound("group " + id));
    }

    /**
     * The group as a target for the actor: its county and single area, and the actor's organisation if the actor
     * holds a seat of the group (for writing: a chair's or secretary's seat). Membership is read from the seats.
     */
    Target target(Actor actor, Group g, boolean writing) {
        Set<Long> orgs = Set.of();
        if (actor != null && actor.organisationId() != null) {
            List<String> roles = queries.rolesOf(g.id(), actor.id());
            boolean holds = writing ? roles.stream().anyMatch(WRITERS::contains) : !roles.isEmpty();
            if (holds) {
                orgs = Set.of(actor.organisationId());
            }
        }
        return new Target(g.countyId(), g.scopeAreaId(), orgs, null);
    }

    /** The group, checked for reading (any seat, or a coordinator's scope). */
    public Group requireRead(Actor actor, long groupId) {
        Group g = group(groupId);
        AccessControl.require(actor, CoordinationAction.GROUP_READ, target(actor, g, false));
        return g;
    }

    /** The group, checked for writing its meetings, plan and materials (chair, secretary, coordinators). */
    public Group requireMeetings(Actor actor, long groupId) {
        Group g = group(groupId);
        AccessControl.require(actor, CoordinationAction.MEETING_MANAGE, target(actor, g, true));
        return g;
    }

    public boolean mayWrite(Actor actor, Group g) {
        return AccessControl.allows(actor, CoordinationAction.MEETING_MANAGE, target(actor, g, true));
    }

    public boolean mayManage(Actor actor, Group g) {
        return AccessControl.allows(actor, CoordinationAction.GROUP_MANAGE, target(actor, g, false));
    }

    public Group requireManage(Actor actor, long groupId) {
        Group g = group(groupId);
        AccessControl.require(actor, CoordinationAction.GROUP_MANAGE, target(actor, g, false));
        return g;
    }

    // ---- groups -----------------------------------------------------------------------------------

    /** What the group form sends, all text. */
    public record GroupForm(String countyId, String kind, String name, String description, String language,
            boolean publicMinutes, List<String> areaIds, String version) {
    }

    @Transactional
    public long saveGroup(Actor actor, Long id, GroupForm form) {
        Group before = id == null ? null : requireManage(actor, id);
        FieldErrors errors = new FieldErrors();
        Input in = new Input(errors);
        Long county = before != null ? Long.valueOf(before.countyId()) : in.id("countyId", form.countyId(), true);
        if (county != null && registry.county(county).isEmpty()) {
            errors.add("countyId", "validation.choice");
            county = null;
        }
        Kinds.GroupKind kind = in.choice("kind", form.kind(), Kinds.GroupKind.class, true);
        String name = in.requiredLine("name", form.name(), 200);
        String description = in.paragraph("description", form.description(), 2000);
        String language = form.language() == null || form.language().isBlank() ? "fi" : form.language().strip();
        if (!List.of("fi", "sv", "en").contains(language)) {
            errors.add("language", "validation.choice");
        }
        List<Long> areas = new ArrayList<>();
        for (String raw : form.areaIds() == null ? List.<String>of() : form.areaIds()) {
            Long a = in.id("areaIds", raw, false);
            if (a != null && !areas.contains(a)) {
                if (county != null && !registry.countyOfArea(a).map(county::equals).orElse(false)) {
                    errors.add("areaIds", "validation.choice");
                } else {
                    areas.add(a);
                }
            }
        }
        if (kind != null && kind != Kinds.GroupKind.COUNTY_GROUP && kind != Kinds.GroupKind.OTHER && areas.isEmpty()) {
            errors.add("areaIds", "coordination.validation.areaRequired");
        }
        Integer version = before == null ? null : in.integer("version", form.version(), 0, Integer.MAX_VALUE, 0);
        errors.throwIfAny();
        // checked where the group will be, too: nobody moves a group into a scope they do not have
        AccessControl.require(actor, CoordinationAction.GROUP_MANAGE,
                new Target(county, areas.size() == 1 ? areas.get(0) : null, Set.of(), null));
        Instant now = clock.instant();
        long saved;
        if (before == null) {
            saved = queries.insertGroup(county, kind.name(), name, description, language, form.publicMinutes(), areas, now);
        } else {
            if (!queries.updateGroup(id, version, kind.name(), name, description, language, form.publicMinutes(), areas,
                    now)) {
                throw new KohtaamoException.Conflict("stale", "group " + id);
            }
            saved = id;
        }
        Group after = queries.group(saved).orElseThrow();
        audit.record(actor, before == null ? "COORDINATION_GROUP_CREATE" : "COORDINATION_GROUP_UPDATE", "coord_group",
                saved, new Target(after.countyId(), after.scopeAreaId(), Set.of(), null), before, after);
        return saved;
    }

    // ---- seats ------------------------------------------------------------------------------------

    /** What the seat form sends: the holder by e-mail (empty: a vacant seat of the organisation). */
    public record SeatForm(String role, String organisationId, String email, String representsGroupId, String note,
            String version) {
    }

    @Transactional
    public long saveSeat(Actor actor, long groupId, Long seatId, SeatForm form) {
        Group g = requireManage(actor, groupId);
        Seat before = null;
        if (seatId != null) {
            before = queries.seat(seatId).filter(s -> s.groupId() == groupId)
                    .orElseThrow(() -> new KohtaamoException.NotFound("seat " + seatId));
        }
        FieldErrors errors = new FieldErrors();
        Input in = new Input(errors);
        Kinds.SeatRole role = in.choice("role", form.role(), Kinds.SeatRole.class, true);
        Long org = before != null ? before.organisationId() : in.id("organisationId", form.organisationId(), false);
        if (before == null && org != null
                && !registry.countyOfOrganisation(org).map(c -> c == g.countyId()).orElse(false)) {
            errors.add("organisationId", "validation.choice");
        }
        String email = in.email("email", form.email(), false);
        StaffDirectory.Person holder = null;
        if (email != null) {
            holder = staff.byEmail(email).orElse(null);
            if (holder == null) {
                errors.add("email", "coordination.validation.noAccount");
            } else if (org != null && !registry.organisationWithDescendants(org).contains(holder.organisationId())) {
                errors.add("email", "coordination.validation.notInOrganisation");
            }
        }
        if (email == null && org == null) {
            errors.add("email", "coordination.validation.seatHolder");
        }
        Long represents = in.id("representsGroupId", form.representsGroupId(), false);
        if (represents != null && queries.group(represents).filter(r -> r.countyId() == g.countyId()).isEmpty()) {
            errors.add("representsGroupId", "validation.choice");
        }
        String note = in.line("note", form.note(), 200);
        Integer version = before == null ? null : in.integer("version", form.version(), 0, Integer.MAX_VALUE, 0);
        errors.throwIfAny();
        Instant now = clock.instant();
        Long userId = holder == null ? null : holder.id();
        String holderName = holder == null ? null : holder.name();
        long saved;
        if (before == null) {
            saved = queries.insertSeat(groupId, role.name(), org, userId, holderName, represents, note, now);
        } else {
            if (!queries.updateSeat(seatId, version, role.name(), userId, holderName, represents, note, now)) {
                throw new KohtaamoException.Conflict("stale", "seat " + seatId);
            }
            saved = seatId;
        }
        audit.record(actor, before == null ? "COORDINATION_SEAT_CREATE" : "COORDINATION_SEAT_UPDATE", "coord_seat",
                saved, new Target(g.countyId(), g.scopeAreaId(), Set.of(), null), before, queries.seat(saved).orElseThrow());
        return saved;
    }

    /** Changes only a seat's role (chair, secretary, member); the holder, organisation and note stay. */
    @Transactional
    public void changeSeatRole(Actor actor, long groupId, long seatId, String rawRole, String rawVersion) {
        Group g = requireManage(actor, groupId);
        Seat before = queries.seat(seatId).filter(s -> s.groupId() == groupId)
                .orElseThrow(() -> new KohtaamoException.NotFound("seat " + seatId));
        FieldErrors errors = new FieldErrors();
        Input in = new Input(errors);
        Kinds.SeatRole role = in.choice("role", rawRole, Kinds.SeatRole.class, true);
        Integer version = in.integer("version", rawVersion, 0, Integer.MAX_VALUE, null);
        errors.throwIfAny();
        if (version == null || !queries.updateSeat(seatId, version, role.name(), before.userId(), before.holderName(),
                before.representsGroupId(), before.note(), clock.instant())) {
            throw new KohtaamoException.Conflict("stale", "seat " + seatId);
        }
        audit.record(actor, "COORDINATION_SEAT_ROLE", "coord_seat", seatId,
                new Target(g.countyId(), g.scopeAreaId(), Set.of(), null), before, queries.seat(seatId).orElseThrow());
    }

    @Transactional
    public void deleteSeat(Actor actor, long groupId, long seatId) {
        Group g = requireManage(actor, groupId);
        Seat before = queries.seat(seatId).filter(s -> s.groupId() == groupId)
                .orElseThrow(() -> new KohtaamoException.NotFound("seat " + seatId));
        queries.deleteSeat(seatId);
        audit.record(actor, "COORDINATION_SEAT_DELETE", "coord_seat", seatId,
                new Target(g.countyId(), g.scopeAreaId(), Set.of(), null), before, null);
    }

    /**
     * Checks the seats of an account against the account as it is now: a seat whose holder is disabled, or no longer
     * in the seat's organisation, becomes vacant, and the organisation's staff and the county's coordinators are told.
     * Runs in the transaction of the account's change.
     */
    @Transactional
    public void checkSeatsOf(long userId) {
        StaffDirectory.Person person = staff.person(userId).orElse(null);
        for (Seat s : queries.seatsOfUser(userId)) {
            boolean stays = person != null && (s.organisationId() == null
                    || registry.organisationWithDescendants(s.organisationId()).contains(person.organisationId()));
            if (!stays && queries.vacate(s.id(), clock.instant())) {
                Group g = group(s.groupId());
                Seat after = queries.seat(s.id()).orElseThrow();
                audit.record(null, "COORDINATION_SEAT_VACATED", "coord_seat", s.id(),
                        new Target(g.countyId(), g.scopeAreaId(), Set.of(), null), s, after);
                seatMails.vacated(g, after);
            }
        }
    }

    // ---- commitment -------------------------------------------------------------------------------

    public long requireCommitments(Actor actor, Long countyId) {
        if (countyId == null || registry.county(countyId).isEmpty()) {
            throw new KohtaamoException.NotFound("county " + countyId);
        }
        AccessControl.require(actor, CoordinationAction.COMMITMENT_MANAGE, Target.county(countyId));
        return countyId;
    }

    /** The provider organisations of a county: those that run a place there, with their commitment if any. */
    public record Provider(long organisationId, GroupQueries.Commitment commitment, List<Registry.ReportPlace> places) {
    }

    public List<Provider> providers(long countyId) {
        Map<Long, List<Registry.ReportPlace>> byOrg = new java.util.TreeMap<>();
        for (Registry.ReportPlace p : registry.reportPlaces(new fi.kohtaamo.shared.Scope(false, countyId, -1,
                List.of(-1L), -1))) {
            for (Long o : p.organiserIds()) {
                byOrg.computeIfAbsent(o, k -> new ArrayList<>()).add(p);
            }
        }
        Map<Long, GroupQueries.Commitment> commitments = new java.util.HashMap<>();
        queries.commitments(countyId).forEach(c -> commitments.put(c.organisationId(), c));
        List<Provider> out = new ArrayList<>();
        byOrg.forEach((org, places) -> out.add(new Provider(org, commitments.get(org), places)));
        return out;
    }

    public List<GroupQueries.CommitmentVersion> commitmentHistory(long countyId) {
        return queries.commitmentHistory(countyId);
    }

    @Transactional
    public void recordCommitment(Actor actor, long countyId, Map<String, String> form) {
        requireCommitments(actor, countyId);
        FieldErrors errors = new FieldErrors();
        Input in = new Input(errors);
        Long org = in.id("organisationId", form.get("organisationId"), true);
        Set<Long> providers = new LinkedHashSet<>();
        providers(countyId).forEach(p -> providers.add(p.organisationId()));
        if (org != null && !providers.contains(org)) {
            errors.add("organisationId", "validation.choice");
        }
        LocalDate on = in.date("committedOn", form.get("committedOn"), true);
        if (on != null && on.isAfter(LocalDate.now(clock.withZone(MeetingService.HELSINKI)))) {
            errors.add("committedOn", "coordination.validation.future");
        }
        String modelVersion = in.requiredLine("modelVersion", form.get("modelVersion"), 50);
        errors.throwIfAny();
        var before = queries.commitment(org).orElse(null);
        Integer version = before == null ? null : before.version();
        if (!queries.saveCommitment(org, countyId, on, modelVersion, actor.id(), actor.name(), version, clock.instant())) {
            throw new KohtaamoException.Conflict("stale", "commitment " + org);
        }
        audit.record(actor, "COORDINATION_COMMITMENT_RECORD", "coord_commitment", org, new Target(countyId, null,
                Set.of(org), null), before, queries.commitment(org).orElseThrow());
    }
}
