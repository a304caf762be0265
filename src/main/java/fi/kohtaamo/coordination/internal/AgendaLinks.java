package fi.kohtaamo.coordination.internal;

import static fi.kohtaamo.coordination.internal.MeetingService.where;

import fi.kohtaamo.audit.AuditLog;
import fi.kohtaamo.coordination.SignalAction;
import fi.kohtaamo.coordination.internal.GroupQueries.Group;
import fi.kohtaamo.coordination.internal.MeetingQueries.AgendaItem;
import fi.kohtaamo.coordination.internal.MeetingQueries.Meeting;
import fi.kohtaamo.coordination.internal.criteria.CriteriaService;
import fi.kohtaamo.coordination.internal.signals.SignalQueries;
import fi.kohtaamo.coordination.internal.signals.SignalQueries.Signal;
import fi.kohtaamo.coordination.internal.signals.SignalQueries.State;
import fi.kohtaamo.coordination.internal.signals.SignalService;
import fi.kohtaamo.shared.AccessControl;
import fi.kohtaamo.shared.Actor;
import fi.kohtaamo.shared.FieldErrors;
import fi.kohtaamo.shared.Input;
import fi.kohtaamo.shared.KohtaamoException;
import fi.kohtaamo.shared.Lang;
import fi.kohtaamo.shared.PersonalData;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What links a meeting's agenda to weak signals and to THL criteria results. A writer of the meeting (as
 * {@link MeetingService#requireWrite} decides) takes onto the agenda the open signals they may read about the group's
 * areas (the county group: those forwarded to it), and records a signal's outcome from its item once the item's
 * minutes are written; a network's writer adds the places of its areas whose self-assessment falls below the
 * county's rule. Every check reads the records (the meeting's group, the signal, the assessment), never a form
 * field alone; every write is audited.
 */
@Service
public class AgendaLinks {

    /** The agenda item's link type of a weak signal (linked_id: weak_signal.id). */
    static final String LINK_SIGNAL = "SIGNAL";
    /** The agenda item's link type of a place below the criteria rule (linked_id: criteria_assessment.id). */
    static final String LINK_CRITERIA = "CRITERIA";
    /** The outcomes recorded from a signal's agenda item. */
    static final Set<State> OUTCOMES = Set.of(State.DISCUSSED, State.FORWARDED_COUNTY, State.FORWARDED_SERVICE,
            State.CLOSED);

    private final MeetingService meetings;
    private final MeetingQueries queries;
    private final GroupQueries groups;
    private final SignalService signals;
    private final SignalQueries signalQueries;
    private final CriteriaService criteria;
    private final MessageSource messages;
    private final AuditLog audit;
    private final Clock clock;

    AgendaLinks(MeetingService meetings, MeetingQueries queries, GroupQueries groups, SignalService signals,
            SignalQueries signalQueries, CriteriaService criteria, MessageSource messages, AuditLog audit, Clock clock) {
        this.meetings = meetings;
        this.queries = queries;
        this.groups = groups;
        this.signals = signals;
        this.signalQueries = signalQueries;
        this.criteria = criteria;
        this.messages = messages;
        this.audit = audit;
        this.clock = clock;
    }

    private static boolean countyGroup(Group g) {
        return Kinds.GroupKind.COUNTY_GROUP.name().equals(g.kind());
    }

    private String text(Group g, String key, Object... args) {
        String t = messages.getMessage(key, args, Locale.forLanguageTag(g.language()));
        return t.length() > 200 ? t.substring(0, 199) + "…" : t;
    }

    // ---- weak signals -----------------------------------------------------------------------------

    /**
     * The signals the actor may take onto the meeting's agenda: readable by them, of the group's county, not on this
     * agenda yet; about one of the group's areas and new or discussed, or for the county group forwarded to it.
     */
    public List<Signal> signalChoices(Actor actor, Group g, Meeting m) {
        boolean county = countyGroup(g);
        List<Long> areas = groups.areas(g.id());
        if (!county && areas.isEmpty()) {
            return List.of();
        }
        List<String> states = county ? List.of(State.FORWARDED_COUNTY.name())
                : List.of(State.NEW.name(), State.DISCUSSED.name());
        return signalQueries.agendaChoices(AccessControl.scope(actor, SignalAction.READ), g.countyId(),
                county ? List.of() : areas, states).stream()
                .filter(s -> !queries.linked(m.id(), LINK_SIGNAL, s.id())).toList();
    }

    /** A signal of the meeting's county the actor may read; another county's or an unreadable one is refused. */
    private Signal readableOf(Actor actor, Group g, long signalId) {
        Signal s = signalQueries.signal(signalId).orElseThrow(() -> new KohtaamoException.NotFound("signal " + signalId));
        if (s.countyId() != g.countyId()) {
            throw new KohtaamoException.Forbidden("signal of another county");
        }
        return signals.readable(actor, signalId);
    }

    /** Takes a signal onto the agenda: a linked item, the signal's link to it, and "on agenda" in its history. */
    @Transactional
    public long takeSignal(Actor actor, long meetingId, String rawSignalId) {
        Meeting m = meetings.meeting(meetingId);
        Group g = meetings.requireWrite(actor, m);
        FieldErrors errors = new FieldErrors();
        Long signalId = new Input(errors).id("signalId", rawSignalId, true);
        errors.throwIfAny();
        Signal before = readableOf(actor, g, signalId);
        if (m.approved() || m.cancelled()) {
            throw new KohtaamoException.Conflict("minutes-approved", "meeting " + meetingId);
        }
        if (signalChoices(actor, g, m).stream().noneMatch(s -> s.id() == before.id())) {
            errors.add("signalId", "coordination.signal.notOpen");
            errors.throwIfAny();
        }
        List<Long> areas = groups.areas(g.id());
        Long area = countyGroup(g) ? null : before.areaIds().stream().filter(areas::contains).findFirst().orElse(null);
        Instant now = clock.instant();
        // the title names the themes only: the text is shown on the item to those who may read the signal, and the
        // title also goes into the minutes (mailed, a PDF, perhaps public)
        String themes = themeNames(before, Lang.of(Locale.forLanguageTag(g.language())));
        long item = queries.insertAgendaItem(m.id(), text(g, "coordination.signal.agendaTitle", themes), null, null,
                LINK_SIGNAL, before.id(), now);
        if (!signalQueries.handle(before.id(), before.version(), State.ON_AGENDA, null, null, area, actor.id(),
                actor.name(), now)) {
            throw new KohtaamoException.Conflict("stale", "signal " + before.id());
        }
        signalQueries.setAgendaItem(before.id(), item);
        audit.recordNonPublic(actor, "COORDINATION_AGENDA_SIGNAL", "coord_agenda_item", item, where(g), null,
                queries.agendaItem(item).orElseThrow());
        audit.recordNonPublic(actor, "SIGNAL_ON_AGENDA", "weak_signal", before.id(), where(g), before,
                signalQueries.signal(before.id()).orElseThrow());
        return item;
    }

    /** The signal an agenda item links, when the item is a signal's; checked for reading. */
    public Signal signalOf(Actor actor, Group g, AgendaItem item) {
        if (!LINK_SIGNAL.equals(item.linkedType()) || item.linkedId() == null) {
            return null;
        }
        return readableOf(actor, g, item.linkedId());
    }

    /** The names of the signal's themes in the language. */
    public String themeNames(Signal s, Lang lang) {
        return s.themeIds().stream().map(t -> signals.theme(t).map(x -> x.name().get(lang)).orElse("?"))
                .collect(Collectors.joining(", "));
    }

    /**
     * Records the signal's outcome from its agenda item once the item's minutes are written: discussed, forwarded to
     * the county group or to a service (named), or closed; with a note (no personal data). Goes into the signal's
     * handling history.
     */
    @Transactional
    public void recordOutcome(Actor actor, long itemId, Map<String, String> form) {
        AgendaItem item = queries.agendaItem(itemId).orElseThrow(() -> new KohtaamoException.NotFound("item " + itemId));
        Meeting m = meetings.meeting(item.meetingId());
        Group g = meetings.requireWrite(actor, m);
        Signal before = signalOf(actor, g, item);
        if (before == null) {
            throw new KohtaamoException.NotFound("signal of item " + itemId);
        }
        if (!Objects.equals(before.agendaItemId(), item.id())) {
            throw new KohtaamoException.Conflict("stale", "signal " + before.id() + " taken up elsewhere");
        }
        FieldErrors errors = new FieldErrors();
        Input in = new Input(errors);
        State state = in.choice("state", form.get("state"), State.class, true);
        if (state != null && !OUTCOMES.contains(state)) {
            errors.add("state", "validation.choice");
        }
        if (item.minutes() == null && !errors.has("state")) {
            errors.add("state", "coordination.signal.minutesFirst");
        }
        String note = in.paragraph("note", form.get("note"), 2000);
        PersonalData.check(errors, "note", note);
        String forwardedTo = in.line("forwardedTo", form.get("forwardedTo"), 200);
        PersonalData.check(errors, "forwardedTo", forwardedTo);
        if (state == State.FORWARDED_SERVICE && forwardedTo == null && !errors.has("forwardedTo")) {
            errors.add("forwardedTo", "signals.validation.service");
        }
        Integer version = in.integer("version", form.get("version"), 0, Integer.MAX_VALUE, null);
        if (version == null && !errors.has("version")) {
            errors.add("version", "validation.required");
        }
        errors.throwIfAny();
        if (!signalQueries.handle(before.id(), version, state, note,
                state == State.FORWARDED_SERVICE ? forwardedTo : null, before.handlingAreaId(), actor.id(), actor.name(),
                clock.instant())) {
            throw new KohtaamoException.Conflict("stale", "signal " + before.id());
        }
        audit.recordNonPublic(actor, "SIGNAL_OUTCOME", "weak_signal", before.id(), where(g), before,
                signalQueries.signal(before.id()).orElseThrow());
    }

    // ---- THL criteria -----------------------------------------------------------------------------

    /** A place of the group's areas below the rule, and whether this meeting's agenda has it already. */
    public record BelowRow(CriteriaService.Below below, String place, String criteria, boolean onAgenda) {
    }

    /** The places of a network's areas whose latest self-assessment is below the county's rule (other groups: none). */
    public List<BelowRow> belowRule(Group g, Meeting m, Lang lang) {
        if (!Kinds.GroupKind.NETWORK.name().equals(g.kind())) {
            return List.of();
        }
        var byArea = criteria.belowRuleByArea(g.countyId(), LocalDate.now(clock).getYear());
        var names = criteria.texts(g.countyId()).stream()
                .collect(Collectors.toMap(c -> c.number(), c -> c.name()));
        List<BelowRow> out = new ArrayList<>();
        for (long area : groups.areas(g.id())) {
            for (var b : byArea.getOrDefault(area, List.of())) {
                String list = b.criteria().stream().map(n -> names.containsKey(n)
                        ? n + " " + names.get(n).get(lang) : String.valueOf(n)).collect(Collectors.joining(", "));
                out.add(new BelowRow(b, b.place().get(lang), list, queries.linked(m.id(), LINK_CRITERIA, b.assessmentId())));
            }
        }
        return out;
    }

    /**
     * Adds "THL criteria: place below the rule in …" to a network's meeting, linked to the place's assessment; the
     * place must be one of {@link #belowRule}. Once per assessment and meeting: a second time adds nothing.
     */
    @Transactional
    public long takeCriteria(Actor actor, long meetingId, String rawPlaceId) {
        Meeting m = meetings.meeting(meetingId);
        Group g = meetings.requireWrite(actor, m);
        FieldErrors errors = new FieldErrors();
        Long placeId = new Input(errors).id("placeId", rawPlaceId, true);
        errors.throwIfAny();
        if (m.approved() || m.cancelled()) {
            throw new KohtaamoException.Conflict("minutes-approved", "meeting " + meetingId);
        }
        Lang lang = Lang.of(Locale.forLanguageTag(g.language()));
        BelowRow row = belowRule(g, m, lang).stream().filter(r -> r.below().placeId() == placeId).findFirst()
                .orElse(null);
        if (row == null) {
            errors.add("placeId", "coordination.criteria.notBelow");
            errors.throwIfAny();
        }
        long assessment = row.below().assessmentId();
        if (row.onAgenda()) {
            return queries.agenda(m.id()).stream().filter(i -> LINK_CRITERIA.equals(i.linkedType())
                    && Objects.equals(i.linkedId(), assessment)).findFirst().orElseThrow().id();
        }
        long item = queries.insertAgendaItem(m.id(), text(g, "coordination.criteria.agendaTitle",
                row.place(), row.criteria()), null, null, LINK_CRITERIA, assessment, clock.instant());
        audit.recordNonPublic(actor, "COORDINATION_AGENDA_CRITERIA", "coord_agenda_item", item, where(g), null,
                queries.agendaItem(item).orElseThrow());
        return item;
    }

    /** The place and year of a criteria item's assessment, for its link to the place's criteria page. */
    public CriteriaService.Below criteriaOf(AgendaItem item) {
        if (!LINK_CRITERIA.equals(item.linkedType()) || item.linkedId() == null) {
            return null;
        }
        return criteria.assessment(item.linkedId())
                .map(a -> new CriteriaService.Below(a.placeId(), null, a.year(), List.of(), a.id())).orElse(null);
    }
}
