package fi.kohtaamo.coordination.internal.signals;

import fi.kohtaamo.audit.AuditLog;
import fi.kohtaamo.coordination.SignalAction;
import fi.kohtaamo.coordination.internal.signals.SignalQueries.Signal;
import fi.kohtaamo.coordination.internal.signals.SignalQueries.State;
import fi.kohtaamo.registry.Registry;
import fi.kohtaamo.shared.AccessControl;
import fi.kohtaamo.shared.Actor;
import fi.kohtaamo.shared.CountyCatalogue;
import fi.kohtaamo.shared.CountyCatalogue.Item;
import fi.kohtaamo.shared.FieldErrors;
import fi.kohtaamo.shared.Input;
import fi.kohtaamo.shared.KohtaamoException;
import fi.kohtaamo.shared.PersonalData;
import fi.kohtaamo.shared.Target;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Weak signals: recording (with the personal-data check), reading, handling and the themes catalogue. Every
 * handler comes here; each method checks its action on the record first (where the signal is: its county, its
 * areas and its author's organisation; never a form field alone), then the input, then writes and audits.
 * Signals change nothing the public sees, so they are audited without moving the public data version.
 */
@Service
public class SignalService {

    static final int MAX_BODY = 2000;
    static final int MAX_NOTE = 2000;
    static final int MAX_AREAS = 30;

    private final SignalQueries queries;
    private final Registry registry;
    private final AuditLog audit;
    private final Clock clock;
    private final fi.kohtaamo.coordination.internal.CountyMembership membership;

    public SignalService(SignalQueries queries, Registry registry, AuditLog audit, Clock clock,
            fi.kohtaamo.coordination.internal.CountyMembership membership) {
        this.membership = membership;
        this.queries = queries;
        this.registry = registry;
        this.audit = audit;
        this.clock = clock;
    }

    // ---- where things are -----------------------------------------------------------------------

    /** The actor's organisations that belong to the county (staff and partners record and peer-assess there). */
    Set<Long> organisationsIn(Actor actor, long countyId) {
        return membership.organisationsIn(actor, countyId);
    }

    /** Where recording a signal about an area is checked: the area, its county and the actor's organisations there. */
    Target recordTarget(Actor actor, long countyId, long areaId) {
        return new Target(countyId, areaId, organisationsIn(actor, countyId), null);
    }

    /** Where a signal sits, one target per area (a signal is within a scope when any of them is). */
    static List<Target> targets(Signal s) {
        Set<Long> orgs = s.authorOrgId() == null ? Set.of() : Set.of(s.authorOrgId());
        List<Target> out = new ArrayList<>();
        for (long area : s.areaIds()) {
            out.add(new Target(s.countyId(), area, orgs, null));
        }
        if (out.isEmpty()) {
            out.add(new Target(s.countyId(), null, orgs, null));
        }
        return out;
    }

    static boolean allows(Actor actor, SignalAction action, Signal s) {
        return targets(s).stream().anyMatch(t -> AccessControl.allows(actor, action, t));
    }

    /** The county a request names (digits only, else 400), or the actor's default when it names none. */
    public long county(Actor actor, String raw) {
        if (raw == null || raw.isBlank()) {
            return defaultCounty(actor);
        }
        if (!raw.strip().matches("^[0-9]{1,18}$")) {
            throw new KohtaamoException.BadParameter("county");
        }
        return Long.parseLong(raw.strip());
    }

    /** The county whose pages an actor sees by default: their own, their area's or organisation's, else the first. */
    public long defaultCounty(Actor actor) {
        if (actor.countyId() != null) {
            return actor.countyId();
        }
        if (actor.areaId() != null) {
            var c = registry.countyOfArea(actor.areaId());
            if (c.isPresent()) {
                return c.get();
            }
        }
        if (actor.organisationId() != null) {
            var c = registry.countyOfOrganisation(actor.organisationId());
            if (c.isPresent()) {
                return c.get();
            }
        }
        return registry.counties().stream().map(Registry.Ref::id).findFirst()
                .orElseThrow(() -> new KohtaamoException.NotFound("county"));
    }

    /** The areas of the county the actor may record signals about. */
    public List<Registry.Ref> recordableAreas(Actor actor, long countyId) {
        return registry.areas(countyId).stream()
                .filter(a -> AccessControl.allows(actor, SignalAction.RECORD, recordTarget(actor, countyId, a.id())))
                .toList();
    }

    // ---- themes ---------------------------------------------------------------------------------

    /**
     * A new county starts with the seeded themes ({@code registry.CountyCreated}, in the transaction that inserts
     * it); counties older than this rule got them from migration V15. Pages only read the catalogue.
     */
    @org.springframework.context.event.EventListener
    void countyCreated(fi.kohtaamo.registry.CountyCreated event) {
        queries.themeCatalogue().seedIfEmpty(event.countyId());
    }

    public java.util.Optional<Item> theme(long id) {
        return queries.theme(id);
    }

    public List<Item> themes(long countyId) {
        return queries.themes(countyId);
    }

    /** The editor's values for {@code ?edit=}, after the access check. */
    public Map<String, String> themeValues(Actor actor, long countyId, String edit) {
        requireThemes(actor, countyId);
        return queries.themeCatalogue().editValues(countyId, edit);
    }

    public void requireThemes(Actor actor, long countyId) {
        if (registry.county(countyId).isEmpty()) {
            throw new KohtaamoException.NotFound("county " + countyId);
        }
        AccessControl.require(actor, SignalAction.THEME_MANAGE, Target.county(countyId));
    }

    @Transactional
    public long saveTheme(Actor actor, long countyId, Long id, Map<String, String> form) {
        requireThemes(actor, countyId);
        CountyCatalogue.Saved saved = queries.themeCatalogue().save(countyId, id, form);
        audit.recordNonPublic(actor, saved.created() ? "SIGNAL_THEME_CREATE" : "SIGNAL_THEME_UPDATE", "signal_theme",
                saved.after().id(), Target.county(countyId), saved.before(), saved.after());
        return saved.after().id();
    }

    /** Moves a theme in the county's list (up, down or to a number), audited when it moved. */
    @Transactional
    public void moveTheme(Actor actor, long countyId, long id, Map<String, String> form) {
        requireThemes(actor, countyId);
        queries.themeCatalogue().move(countyId, id, form).ifPresent(m -> audit.recordNonPublic(actor,
                "SIGNAL_THEME_MOVE", "signal_theme", id, Target.county(countyId), m.before(), m.after()));
    }

    /** Deletes a theme no signal is filed under; one in use can only be taken out of use. */
    @Transactional
    public void deleteTheme(Actor actor, long countyId, long id, Map<String, String> form) {
        requireThemes(actor, countyId);
        Item deleted = queries.themeCatalogue().delete(countyId, id, form);
        audit.recordNonPublic(actor, "SIGNAL_THEME_DELETE", "signal_theme", id, Target.county(countyId), deleted, null);
    }

    // ---- signals --------------------------------------------------------------------------------

    /**
     * Records a signal. The areas decide the county; each is checked for {@link SignalAction#RECORD} (an area of
     * another county, or one the actor does not reach, is refused before anything else is read); then the text
     * (required, at most 2 000 characters, no personal data), the date noticed (not in the future, at most five
     * years back) and the themes (at least one, active, of that county).
     */
    @Transactional
    public long record(Actor actor, Map<String, List<String>> form) {
        if (!AccessControl.mayEver(actor, SignalAction.RECORD)) {
            throw new KohtaamoException.Forbidden(SignalAction.RECORD.name());
        }
        FieldErrors errors = new FieldErrors();
        Input in = new Input(errors);
        Set<Long> areas = ids(in, "areaIds", form.get("areaIds"));
        Long county = null;
        for (long area : areas) {
            long c = registry.countyOfArea(area).orElseThrow(() -> new KohtaamoException.Forbidden("area " + area));
            AccessControl.require(actor, SignalAction.RECORD, recordTarget(actor, c, area));
            if (county != null && county != c) {
                throw new KohtaamoException.Forbidden("areas of two counties");
            }
            county = c;
        }
        if (areas.isEmpty() && !errors.has("areaIds")) {
            errors.add("areaIds", "validation.required");
        }
        String body = in.paragraph("body", first(form, "body"), MAX_BODY);
        if (body == null && !errors.has("body")) {
            errors.add("body", "validation.required");
        }
        PersonalData.check(errors, "body", body);
        LocalDate today = LocalDate.now(clock);
        LocalDate noticed = in.date("noticedOn", first(form, "noticedOn"), true);
        if (noticed != null && noticed.isAfter(today)) {
            errors.add("noticedOn", "signals.validation.future");
        } else if (noticed != null && noticed.isBefore(today.minusYears(5))) {
            errors.add("noticedOn", "signals.validation.tooOld");
        }
        Set<Long> themes = ids(in, "themeIds", form.get("themeIds"));
        if (themes.isEmpty() && !errors.has("themeIds")) {
            errors.add("themeIds", "validation.required");
        }
        if (county != null) {
            long c = county;
            Set<Long> known = queries.themes(c).stream().filter(Item::active).map(Item::id).collect(Collectors.toSet());
            if (!known.containsAll(themes)) {
                errors.add("themeIds", "signals.validation.unknownTheme");
            }
        }
        errors.throwIfAny();
        long id = queries.insertSignal(county, body, noticed, actor.id(), actor.name(), actor.organisationId(), themes,
                areas, clock.instant());
        Signal saved = queries.signal(id).orElseThrow();
        audit.recordNonPublic(actor, "SIGNAL_CREATE", "weak_signal", id, targets(saved).get(0), null, saved);
        return id;
    }

    private static String first(Map<String, List<String>> form, String name) {
        List<String> v = form.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    /** Ids of a multi-valued field; a malformed one is a field error. */
    private static Set<Long> ids(Input in, String field, List<String> raw) {
        Set<Long> out = new LinkedHashSet<>();
        if (raw == null) {
            return out;
        }
        if (raw.size() > MAX_AREAS) {
            in.errors().add(field, "validation.choice");
            return out;
        }
        for (String r : raw) {
            if (r == null || r.isBlank()) {
                continue;
            }
            Long id = in.id(field, r, false);
            if (id != null) {
                out.add(id);
            }
        }
        return out;
    }

    /** A signal the actor may read (written for their organisation, or in their county or area). */
    public Signal readable(Actor actor, long id) {
        Signal s = queries.signal(id).orElseThrow(() -> new KohtaamoException.NotFound("signal " + id));
        if (!allows(actor, SignalAction.READ, s)) {
            throw new KohtaamoException.Forbidden(SignalAction.READ.name());
        }
        return s;
    }

    public boolean mayHandle(Actor actor, Signal s) {
        return allows(actor, SignalAction.HANDLE, s);
    }

    /** The signal's areas where the actor may handle it (a network of one of them takes it up). */
    public List<Long> handlingAreas(Actor actor, Signal s) {
        Set<Long> orgs = Set.of();
        return s.areaIds().stream().filter(a -> AccessControl.allows(actor, SignalAction.HANDLE,
                new Target(s.countyId(), a, orgs, null))).toList();
    }

    public List<SignalQueries.Handling> handlings(long id) {
        return queries.handlings(id);
    }

    /** Signals the actor may read whose text or handling note matches (the groups' search shows them too). */
    public List<Signal> search(Actor actor, String query, boolean postgres, int limit) {
        return queries.search(AccessControl.scope(actor, SignalAction.READ), query, postgres, limit);
    }

    public List<Signal> signals(Actor actor, State state, LocalDate from, LocalDate to) {
        return queries.signals(AccessControl.scope(actor, SignalAction.READ), state, from, to);
    }

    /**
     * Records a step of the handling: the state, a note (no personal data), the service it went to (when forwarded
     * to a service) and the area whose network took it up (one of the signal's areas the actor handles).
     */
    @Transactional
    public void handle(Actor actor, long id, Map<String, String> form) {
        Signal before = queries.signal(id).orElseThrow(() -> new KohtaamoException.NotFound("signal " + id));
        if (!mayHandle(actor, before)) {
            throw new KohtaamoException.Forbidden(SignalAction.HANDLE.name());
        }
        FieldErrors errors = new FieldErrors();
        Input in = new Input(errors);
        State state = in.choice("state", form.get("state"), State.class, true);
        if (state == State.NEW) {
            errors.add("state", "validation.choice");
        }
        String note = in.paragraph("note", form.get("note"), MAX_NOTE);
        PersonalData.check(errors, "note", note);
        String forwardedTo = in.line("forwardedTo", form.get("forwardedTo"), 200);
        PersonalData.check(errors, "forwardedTo", forwardedTo);
        if (state == State.FORWARDED_SERVICE && forwardedTo == null && !errors.has("forwardedTo")) {
            errors.add("forwardedTo", "signals.validation.service");
        }
        if (state != State.FORWARDED_SERVICE) {
            forwardedTo = null;
        }
        List<Long> mine = handlingAreas(actor, before);
        Long area = in.id("areaId", form.get("areaId"), false);
        if (area != null && !mine.contains(area)) {
            errors.add("areaId", "validation.choice");
        }
        if (area == null && !mine.isEmpty()) {
            area = mine.get(0);
        }
        Integer version = in.integer("version", form.get("version"), 0, Integer.MAX_VALUE, null);
        if (version == null && !errors.has("version")) {
            errors.add("version", "validation.required");
        }
        errors.throwIfAny();
        if (!queries.handle(id, version, state, note, forwardedTo, area, actor.id(), actor.name(), clock.instant())) {
            throw new KohtaamoException.Conflict("stale", "signal " + id);
        }
        Signal after = queries.signal(id).orElseThrow();
        audit.recordNonPublic(actor, "SIGNAL_HANDLE", "weak_signal", id,
                targets(after).stream().filter(t -> Objects.equals(t.areaId(), after.handlingAreaId())).findFirst()
                        .orElse(targets(after).get(0)), before, after);
    }
}
