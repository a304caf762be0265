package fi.kohtaamo.guidance.internal.handouts;

import fi.kohtaamo.audit.AuditLog;
import fi.kohtaamo.calendar.ActivityCalendar;
import fi.kohtaamo.calendar.ActivityCalendar.PublicSession;
import fi.kohtaamo.guidance.HandoutAction;
import fi.kohtaamo.monitoring.ServiceTypes;
import fi.kohtaamo.registry.PlaceInfo;
import fi.kohtaamo.registry.Registry;
import fi.kohtaamo.shared.AccessControl;
import fi.kohtaamo.shared.Actor;
import fi.kohtaamo.shared.FieldErrors;
import fi.kohtaamo.shared.Input;
import fi.kohtaamo.shared.KohtaamoException;
import fi.kohtaamo.shared.Lang;
import fi.kohtaamo.shared.Role;
import fi.kohtaamo.shared.Target;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Handouts: the meeting places for a family (the child's age, a language of activity, the municipality, preferred
 * weekdays), found in the public calendar exactly as families find them there, and the printed handout, tallied
 * anonymously by the professional's service type. The county comes from the actor's records (or, for an
 * administrator, the request) and is checked with {@link HandoutAction#PRINT}; the places of a handout must be among
 * the places found for the same search, so a form cannot name another county's place.
 */
@Service
public class HandoutService {

    static final ZoneId HELSINKI = ZoneId.of("Europe/Helsinki");
    /** How far ahead sessions are looked for, and how many are printed per place. */
    static final int WEEKS = 4;
    static final int SESSIONS_PER_PLACE = 3;
    /** At most this many places are offered, and at most {@link #MAX_PLACES} go on one A5 handout. */
    static final int MAX_FOUND = 12;
    static final int MAX_PLACES = 4;
    static final int MAX_AGE_YEARS = 17;
    /** The languages of activity one can ask for (the calendar's language names, {@code language.<code>}). */
    static final List<String> LANGUAGES = List.of("fi", "sv", "en", "ar", "so", "ru", "uk", "fa", "ku", "et", "zh",
            "es", "fr", "de", "tr", "vi", "th", "sq", "se");

    /** A checked search. */
    record Search(long countyId, String municipality, Integer ageYears, String language, Set<DayOfWeek> weekdays) {
    }

    /** A place found, with its next sessions (cancelled ones left out) and the languages of its activities. */
    record Found(PlaceInfo place, List<PublicSession> sessions, Set<String> languages) {
    }

    private final ActivityCalendar calendar;
    private final Registry registry;
    private final ServiceTypes types;
    private final HandoutQueries queries;
    private final AuditLog audit;
    private final Clock clock;

    HandoutService(ActivityCalendar calendar, Registry registry, ServiceTypes types, HandoutQueries queries,
            AuditLog audit, Clock clock) {
        this.calendar = calendar;
        this.registry = registry;
        this.types = types;
        this.queries = queries;
        this.audit = audit;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(HELSINKI));
    }

    /** The county a handout is for: the one asked for, else the actor's own (by its stored records). */
    long county(Actor actor, String requested) {
        if (!AccessControl.mayEver(actor, HandoutAction.PRINT)) {
            throw new KohtaamoException.Forbidden(HandoutAction.PRINT.name());
        }
        if (requested != null && !requested.isBlank()) {
            return fi.kohtaamo.shared.PathIds.orNotFound(requested);
        }
        Long own = switch (actor.role()) {
            case COUNTY_COORDINATOR -> actor.countyId();
            case AREA_COORDINATOR -> actor.areaId() == null ? null : registry.countyOfArea(actor.areaId()).orElse(null);
            case PROVIDER_STAFF, PARTNER -> actor.organisationId() == null ? null
                    : registry.countyOfOrganisation(actor.organisationId()).orElse(null);
            default -> null;
        };
        if (own != null) {
            return own;
        }
        return registry.counties().stream().map(Registry.Ref::id).findFirst()
                .orElseThrow(() -> new KohtaamoException.NotFound("county"));
    }

    /**
     * Checks the actor against the county: the target is the county with the actor's area and organisations that the
     * registry places in it (so staff and partners reach the counties their organisations belong to).
     */
    void require(Actor actor, long countyId) {
        if (registry.county(countyId).isEmpty()) {
            throw new KohtaamoException.NotFound("county " + countyId);
        }
        Long area = actor.role() == Role.AREA_COORDINATOR && actor.areaId() != null
                && registry.countyOfArea(actor.areaId()).filter(c -> c == countyId).isPresent() ? actor.areaId() : null;
        Set<Long> orgs = new LinkedHashSet<>();
        for (long o : actor.organisations()) {
            if (registry.countyOfOrganisation(o).filter(c -> c == countyId).isPresent()) {
                orgs.add(o);
            }
        }
        AccessControl.require(actor, HandoutAction.PRINT, new Target(countyId, area, orgs, null));
    }

    List<ServiceTypes.ServiceType> serviceTypes(long countyId) {
        return types.active(countyId);
    }

    List<Registry.MunicipalityRef> municipalities(long countyId) {
        return registry.municipalities(countyId);
    }

    /** Reads a search from request parameters; every part is checked, bad ones are field errors. */
    Search search(long countyId, Map<String, List<String>> params, FieldErrors errors) {
        Input in = new Input(errors);
        String municipality = first(params, "municipality");
        if (municipality == null || municipality.isBlank()) {
            errors.add("municipality", "handouts.validation.municipality");
            municipality = null;
        } else if (registry.municipalities(countyId).stream().noneMatch(m -> m.code().equals(first(params, "municipality")))) {
            errors.add("municipality", "handouts.validation.municipality");
            municipality = null;
        }
        Integer age = in.integer("age", first(params, "age"), 0, MAX_AGE_YEARS, null);
        String language = first(params, "language");
        if (language != null && language.isBlank()) {
            language = null;
        }
        if (language != null && !LANGUAGES.contains(language)) {
            errors.add("language", "handouts.validation.language");
            language = null;
        }
        Set<DayOfWeek> weekdays = EnumSet.noneOf(DayOfWeek.class);
        List<String> days = params.getOrDefault("weekday", List.of());
        if (days.size() > 7) {
            errors.add("weekday", "handouts.validation.weekday");
        } else {
            for (String d : days) {
                try {
                    weekdays.add(DayOfWeek.valueOf(d));
                } catch (IllegalArgumentException e) {
                    errors.add("weekday", "handouts.validation.weekday");
                }
            }
        }
        return new Search(countyId, municipality, age, language, weekdays);
    }

    static String first(Map<String, List<String>> params, String name) {
        List<String> v = params.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    /**
     * The places of the search in the order of their next session, each with its next sessions in the coming
     * {@link #WEEKS} weeks as the public calendar shows them (cancelled ones left out); at most {@link #MAX_FOUND}.
     */
    List<Found> find(Search s) {
        LocalDate from = today();
        List<PublicSession> sessions = calendar.publicSessions(new ActivityCalendar.SessionQuery(s.municipality(),
                s.ageYears() == null ? null : s.ageYears() * 12, s.language(), s.weekdays()), from,
                from.plusWeeks(WEEKS).minusDays(1));
        Map<Long, List<PublicSession>> byPlace = new LinkedHashMap<>();
        Map<Long, PlaceInfo> places = new LinkedHashMap<>();
        for (PublicSession session : sessions) {
            if (session.cancelled() || session.place().countyId() != s.countyId()
                    || !session.start().isAfter(java.time.ZonedDateTime.now(clock.withZone(HELSINKI)))) {
                continue;
            }
            places.putIfAbsent(session.place().id(), session.place());
            List<PublicSession> own = byPlace.computeIfAbsent(session.place().id(), k -> new ArrayList<>());
            if (own.size() < SESSIONS_PER_PLACE) {
                own.add(session);
            }
        }
        List<Found> out = new ArrayList<>();
        for (Map.Entry<Long, PlaceInfo> p : places.entrySet()) {
            if (out.size() == MAX_FOUND) {
                break;
            }
            Set<String> langs = new LinkedHashSet<>();
            sessions.stream().filter(x -> x.place().id() == p.getKey()).forEach(x -> langs.addAll(x.languages()));
            out.add(new Found(p.getValue(), List.copyOf(byPlace.get(p.getKey())), langs));
        }
        return out;
    }

    /** What is printed: the places chosen (in the order found), the language and the service type. */
    record Print(Search search, List<Found> places, Lang lang, String serviceType) {
    }

    /** Checks a print request against the same search: 1–4 of the places found, an active service type. */
    Print checkPrint(Actor actor, long countyId, Map<String, List<String>> params) {
        require(actor, countyId);
        FieldErrors errors = new FieldErrors();
        Search s = search(countyId, params, errors);
        String type = first(params, "serviceType");
        if (type == null || serviceTypes(countyId).stream().noneMatch(t -> t.code().equals(first(params, "serviceType")))) {
            errors.add("serviceType", "handouts.validation.serviceType");
        }
        Lang lang = Lang.parse(first(params, "handoutLang")).orElse(null);
        if (lang == null) {
            errors.add("handoutLang", "handouts.validation.handoutLang");
        }
        List<String> chosen = params.getOrDefault("place", List.of());
        if (chosen.isEmpty() || chosen.size() > MAX_PLACES) {
            errors.add("place", "handouts.validation.places", MAX_PLACES);
        }
        errors.throwIfAny();
        List<Found> found = find(s);
        List<Found> picked = found.stream().filter(f -> chosen.contains(String.valueOf(f.place().id()))).toList();
        if (picked.size() != new LinkedHashSet<>(chosen).size()) {
            errors.add("place", "handouts.validation.notFound").throwIfAny();
        }
        return new Print(s, picked, lang, type);
    }

    /**
     * Tallies a printed handout: one family, counted once, at the handout's first place (the one whose session comes
     * first), by the professional's service type; audited without anything about the family.
     */
    @Transactional
    long tally(Actor actor, Print p) {
        long id = queries.insert(p.search().countyId(), p.serviceType(), p.places().get(0).place().id(),
                p.places().size(), today());
        audit.recordNonPublic(actor, "HANDOUT_PRINT", "guidance_handout", id, Target.county(p.search().countyId()), null,
                queries.handout(id));
        return id;
    }
}
