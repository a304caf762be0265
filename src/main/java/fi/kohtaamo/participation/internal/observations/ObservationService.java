package fi.kohtaamo.participation.internal.observations;

import fi.kohtaamo.audit.AuditLog;
import fi.kohtaamo.calendar.ActivityCalendar;
import fi.kohtaamo.participation.ObservationAction;
import fi.kohtaamo.participation.internal.observations.ObservationQueries.AgeBand;
import fi.kohtaamo.participation.internal.observations.ObservationQueries.Observation;
import fi.kohtaamo.participation.internal.observations.ObservationQueries.Observer;
import fi.kohtaamo.participation.internal.observations.ObservationQueries.Texts;
import fi.kohtaamo.registry.Registry;
import fi.kohtaamo.shared.AccessControl;
import fi.kohtaamo.shared.Actor;
import fi.kohtaamo.shared.CountyCatalogue;
import fi.kohtaamo.shared.CountyCatalogue.Item;
import fi.kohtaamo.shared.FieldErrors;
import fi.kohtaamo.shared.Input;
import fi.kohtaamo.shared.KohtaamoException;
import fi.kohtaamo.shared.LocalizedText;
import fi.kohtaamo.shared.PersonalData;
import fi.kohtaamo.shared.SmallNumbers;
import fi.kohtaamo.shared.Target;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * <i>Huomaa minut!</i> observations: recording at a session of a place (no name, no personal data in the texts),
 * coding their themes from the county's catalogue, and the summary per place and period. Every method checks its
 * action on the place of the record first (from the registry, never from a form field alone).
 */
@Service
public class ObservationService {

    static final int MAX_TEXT = 1000;
    static final List<String> TEXTS = List.of("withChildren", "withAdults", "enjoyed", "frustrated", "wished");

    private final ObservationQueries queries;
    private final Registry registry;
    private final ActivityCalendar calendar;
    private final AuditLog audit;
    private final Clock clock;

    ObservationService(ObservationQueries queries, Registry registry, ActivityCalendar calendar, AuditLog audit,
            Clock clock) {
        this.queries = queries;
        this.registry = registry;
        this.calendar = calendar;
        this.audit = audit;
        this.clock = clock;
    }

    /** Where a place is (404 when there is no such place). */
    public Target placeTarget(long placeId) {
        return registry.placeTarget(placeId).orElseThrow(() -> new KohtaamoException.NotFound("place " + placeId));
    }

    /** The places the actor may do the action at, for pick lists. */
    public List<Registry.StaffPlace> places(Actor actor, ObservationAction action) {
        return registry.placesInScope(AccessControl.scope(actor, action));
    }

    public List<ActivityCalendar.ActivityRef> activities(long placeId) {
        return calendar.activitiesOfPlace(placeId);
    }

    // ---- themes ---------------------------------------------------------------------------------

    /**
     * A new county starts with the seeded themes ({@code registry.CountyCreated}, in the transaction that inserts
     * it); counties older than this rule got them from migration V19. Pages only read the catalogue.
     */
    @org.springframework.context.event.EventListener
    void countyCreated(fi.kohtaamo.registry.CountyCreated event) {
        queries.themeCatalogue().seedIfEmpty(event.countyId());
    }

    public List<Item> themes(long countyId) {
        return queries.themes(countyId);
    }

    public void requireThemes(Actor actor, long countyId) {
        if (registry.county(countyId).isEmpty()) {
            throw new KohtaamoException.NotFound("county " + countyId);
        }
        AccessControl.require(actor, ObservationAction.THEME_MANAGE, Target.county(countyId));
    }

    /** The editor's values for {@code ?edit=}, after the access check. */
    public Map<String, String> themeValues(Actor actor, long countyId, String edit) {
        requireThemes(actor, countyId);
        return queries.themeCatalogue().editValues(countyId, edit);
    }

    @Transactional
    public long saveTheme(Actor actor, long countyId, Long id, Map<String, String> form) {
        requireThemes(actor, countyId);
        CountyCatalogue.Saved saved = queries.themeCatalogue().save(countyId, id, form);
        audit.recordNonPublic(actor, saved.created() ? "OBSERVATION_THEME_CREATE" : "OBSERVATION_THEME_UPDATE",
                "observation_theme", saved.after().id(), Target.county(countyId), saved.before(), saved.after());
        return saved.after().id();
    }

    /** Moves a theme in the county's list (up, down or to a number), audited when it moved. */
    @Transactional
    public void moveTheme(Actor actor, long countyId, long id, Map<String, String> form) {
        requireThemes(actor, countyId);
        queries.themeCatalogue().move(countyId, id, form).ifPresent(m -> audit.recordNonPublic(actor,
                "OBSERVATION_THEME_MOVE", "observation_theme", id, Target.county(countyId), m.before(), m.after()));
    }

    /** Deletes a theme no observation is coded with; one in use can only be taken out of use. */
    @Transactional
    public void deleteTheme(Actor actor, long countyId, long id, Map<String, String> form) {
        requireThemes(actor, countyId);
        Item deleted = queries.themeCatalogue().delete(countyId, id, form);
        audit.recordNonPublic(actor, "OBSERVATION_THEME_DELETE", "observation_theme", id, Target.county(countyId),
                deleted, null);
    }

    // ---- observations ---------------------------------------------------------------------------

    /**
     * Records an observation at a place's session: the place is checked for {@link ObservationAction#RECORD} before
     * anything else is read; then the session (an activity of that place with an occurrence on the date, not to
     * come), the age band, who observed, and the texts (at least one; each at most 1 000 characters, without
     * identity codes, phone numbers or e-mail addresses).
     */
    @Transactional
    public long record(Actor actor, long placeId, Map<String, String> form) {
        Target where = placeTarget(placeId);
        AccessControl.require(actor, ObservationAction.RECORD, where);
        FieldErrors errors = new FieldErrors();
        Input in = new Input(errors);
        Long activityId = in.id("activity", form.get("activity"), true);
        LocalDate date = in.date("sessionDate", form.get("sessionDate"), true);
        if (activityId != null) {
            var activity = calendar.activity(activityId).filter(a -> a.placeId() == placeId);
            if (activity.isEmpty()) {
                errors.add("activity", "validation.choice");
            } else if (date != null) {
                if (date.isAfter(LocalDate.now(clock))) {
                    errors.add("sessionDate", "observations.validation.future");
                } else if (calendar.occurrence(activityId, date).filter(o -> !o.cancelled()).isEmpty()) {
                    errors.add("sessionDate", "observations.validation.noSession");
                }
            }
        }
        AgeBand age = in.choice("ageBand", form.get("ageBand"), AgeBand.class, true);
        Observer observer = in.choice("observer", form.get("observer"), Observer.class, true);
        Map<String, String> texts = new LinkedHashMap<>();
        for (String field : TEXTS) {
            String t = in.paragraph(field, form.get(field), MAX_TEXT);
            PersonalData.find(t).ifPresent(k -> errors.add(field, "observations.personalData." + k.name()));
            texts.put(field, t);
        }
        if (texts.values().stream().allMatch(t -> t == null) && TEXTS.stream().noneMatch(errors::has)) {
            errors.add("enjoyed", "observations.validation.someText");
        }
        errors.throwIfAny();
        long id = queries.insert(where.countyId(), where.areaId(), placeId, activityId, date, age, observer,
                new Texts(texts.get("withChildren"), texts.get("withAdults"), texts.get("enjoyed"),
                        texts.get("frustrated"), texts.get("wished")), actor.id(), clock.instant());
        audit.recordNonPublic(actor, "OBSERVATION_CREATE", "observation", id, where, null,
                queries.observation(id).orElseThrow());
        return id;
    }

    /** An observation the actor may read (and code). */
    public Observation readable(Actor actor, long id) {
        Observation o = queries.observation(id).orElseThrow(() -> new KohtaamoException.NotFound("observation " + id));
        AccessControl.require(actor, ObservationAction.READ, placeTarget(o.placeId()));
        return o;
    }

    /** Codes an observation's themes from its county's active catalogue. */
    @Transactional
    public void code(Actor actor, long id, Map<String, List<String>> form) {
        Observation before = readable(actor, id);
        FieldErrors errors = new FieldErrors();
        Input in = new Input(errors);
        Set<Long> themes = new LinkedHashSet<>();
        List<String> raw = form.getOrDefault("themeIds", List.of());
        if (raw.size() > 50) {
            errors.add("themeIds", "validation.choice");
        } else {
            for (String r : raw) {
                Long t = in.id("themeIds", r, false);
                if (t != null) {
                    themes.add(t);
                }
            }
        }
        Set<Long> known = themes(before.countyId()).stream().filter(Item::active).map(Item::id)
                .collect(Collectors.toSet());
        if (!known.containsAll(themes)) {
            errors.add("themeIds", "validation.choice");
        }
        List<String> v = form.get("version");
        Integer version = in.integer("version", v == null || v.isEmpty() ? null : v.get(0), 0, Integer.MAX_VALUE, null);
        if (version == null && !errors.has("version")) {
            errors.add("version", "validation.required");
        }
        errors.throwIfAny();
        if (!queries.code(id, version, themes, actor.name(), clock.instant())) {
            throw new KohtaamoException.Conflict("stale", "observation " + id);
        }
        audit.recordNonPublic(actor, "OBSERVATION_CODE", "observation", id, placeTarget(before.placeId()), before,
                queries.observation(id).orElseThrow());
    }

    // ---- summary --------------------------------------------------------------------------------

    /** A count shown under the small-number rule: null value means "fewer than 5" (or the whole summary hidden). */
    public record Figure(LocalizedText label, String key, Long value) {

        public boolean small() {
            return value == null;
        }
    }

    /**
     * The summary of a place's observations in a period for the working group: how many, by age band and by theme.
     * With fewer than {@link SmallNumbers#THRESHOLD} observations nothing is counted on its own ({@code shown}
     * false); otherwise a band or theme with 1–4 observations shows as "fewer than 5".
     */
    public record Summary(long placeId, LocalDate from, LocalDate to, int observations, boolean shown,
            List<Figure> ageBands, List<Figure> themes, int uncoded, List<Observation> list) {
    }

    public Summary summary(Actor actor, long placeId, LocalDate from, LocalDate to) {
        Target where = placeTarget(placeId);
        AccessControl.require(actor, ObservationAction.READ, where);
        List<Observation> list = queries.ofPlace(placeId, from, to);
        int n = list.size();
        boolean shown = n >= SmallNumbers.THRESHOLD;
        List<Figure> bands = new ArrayList<>();
        List<Figure> themes = new ArrayList<>();
        int uncoded = 0;
        if (shown) {
            Map<AgeBand, Long> byBand = new EnumMap<>(AgeBand.class);
            list.forEach(o -> byBand.merge(o.ageBand(), 1L, Long::sum));
            for (AgeBand b : AgeBand.values()) {
                long c = byBand.getOrDefault(b, 0L);
                bands.add(new Figure(null, b.name(), SmallNumbers.small(c) ? null : c));
            }
            Map<Long, Long> byTheme = new LinkedHashMap<>();
            for (Observation o : list) {
                o.themeIds().forEach(t -> byTheme.merge(t, 1L, Long::sum));
                if (o.themeIds().isEmpty()) {
                    uncoded++;
                }
            }
            for (Item t : themes(where.countyId())) {
                long c = byTheme.getOrDefault(t.id(), 0L);
                if (c > 0) {
                    themes.add(new Figure(t.name(), t.code(), SmallNumbers.small(c) ? null : c));
                }
            }
            themes.sort((a, b) -> Long.compare(b.value() == null ? 0 : b.value(), a.value() == null ? 0 : a.value()));
        }
        return new Summary(placeId, from, to, n, shown, bands, themes, uncoded, list);
    }
}
