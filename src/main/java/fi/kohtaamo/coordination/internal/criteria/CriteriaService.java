package fi.kohtaamo.coordination.internal.criteria;

import fi.kohtaamo.audit.AuditLog;
import fi.kohtaamo.coordination.CriteriaAction;
import fi.kohtaamo.coordination.internal.CountyMembership;
import fi.kohtaamo.coordination.internal.criteria.CriteriaQueries.Assessment;
import fi.kohtaamo.coordination.internal.criteria.CriteriaQueries.Criterion;
import fi.kohtaamo.coordination.internal.criteria.CriteriaQueries.Kind;
import fi.kohtaamo.coordination.internal.criteria.CriteriaQueries.Rule;
import fi.kohtaamo.coordination.internal.criteria.CriteriaQueries.Score;
import fi.kohtaamo.registry.PlaceDeleted;
import fi.kohtaamo.registry.Registry;
import fi.kohtaamo.shared.AccessControl;
import fi.kohtaamo.shared.Actor;
import fi.kohtaamo.shared.FieldErrors;
import fi.kohtaamo.shared.Input;
import fi.kohtaamo.shared.KohtaamoException;
import fi.kohtaamo.shared.LocalizedText;
import fi.kohtaamo.shared.Target;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * THL's criteria: a place's self-assessment and peers' assessments per year (eight criteria, each a score 1–4
 * with evidence and a development target), the county's wording of the criteria and its rule, the "meets the
 * criteria" status, and the coordinators' overview. Every method checks its action on the record first; writes
 * are audited (moving the public data version: the status shows on the public place page).
 */
@Service
public class CriteriaService {

    public static final int CRITERIA = 8;
    static final int MAX_TEXT = 2000;

    private final CriteriaQueries queries;
    private final Registry registry;
    private final CountyMembership membership;
    private final AuditLog audit;
    private final Clock clock;
    private final List<Criterion> seeded;

    public CriteriaService(CriteriaQueries queries, Registry registry, CountyMembership membership, AuditLog audit,
            Clock clock) {
        this.queries = queries;
        this.registry = registry;
        this.membership = membership;
        this.audit = audit;
        this.clock = clock;
        this.seeded = seededTexts();
    }

    static List<Criterion> seededTexts() {
        String text;
        try (InputStream in = CriteriaService.class.getResourceAsStream("/fi/kohtaamo/coordination/criteria.txt")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Criterion> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] p = line.split("\\|");
            out.add(new Criterion(Integer.parseInt(p[0]), LocalizedText.of(p[1], p[2], p[3]),
                    LocalizedText.of(p[4], p[5], p[6]), 0));
        }
        return List.copyOf(out);
    }

    int thisYear() {
        return LocalDate.now(clock).getYear();
    }

    // ---- texts and rule -------------------------------------------------------------------------

    /** The county's wording of the eight criteria, else the seeded short descriptions. */
    public List<Criterion> texts(long countyId) {
        List<Criterion> own = queries.texts(countyId);
        return own.size() == CRITERIA ? own : seeded;
    }

    public Optional<Rule> rule(long countyId) {
        return queries.rule(countyId);
    }

    public long requireManage(Actor actor, long countyId) {
        if (registry.county(countyId).isEmpty()) {
            throw new KohtaamoException.NotFound("county " + countyId);
        }
        AccessControl.require(actor, CriteriaAction.MANAGE, Target.county(countyId));
        return countyId;
    }

    @Transactional
    public void saveRule(Actor actor, long countyId, Map<String, String> form) {
        requireManage(actor, countyId);
        FieldErrors errors = new FieldErrors();
        Input in = new Input(errors);
        Integer min = in.integer("minScore", form.get("minScore"), 1, 4, null);
        if (min == null && !errors.has("minScore")) {
            errors.add("minScore", "validation.required");
        }
        Integer version = in.integer("version", form.get("version"), 0, Integer.MAX_VALUE, null);
        errors.throwIfAny();
        Optional<Rule> before = queries.rule(countyId);
        if (!queries.saveRule(countyId, min, version, clock.instant())) {
            throw new KohtaamoException.Conflict("stale", "rule " + countyId);
        }
        audit.record(actor, before.isEmpty() ? "CRITERIA_RULE_CREATE" : "CRITERIA_RULE_UPDATE", "criteria_rule",
                countyId, Target.county(countyId), before.orElse(null), queries.rule(countyId).orElseThrow());
    }

    @Transactional
    public void saveTexts(Actor actor, long countyId, Map<String, String> form) {
        requireManage(actor, countyId);
        FieldErrors errors = new FieldErrors();
        Input in = new Input(errors);
        List<Criterion> texts = new ArrayList<>();
        for (int n = 1; n <= CRITERIA; n++) {
            LocalizedText name = new LocalizedText(in.requiredLine("name" + n + "Fi", form.get("name" + n + "Fi"), 200),
                    in.line("name" + n + "Sv", form.get("name" + n + "Sv"), 200),
                    in.line("name" + n + "En", form.get("name" + n + "En"), 200));
            LocalizedText description = new LocalizedText(
                    in.paragraph("description" + n + "Fi", form.get("description" + n + "Fi"), MAX_TEXT),
                    in.paragraph("description" + n + "Sv", form.get("description" + n + "Sv"), MAX_TEXT),
                    in.paragraph("description" + n + "En", form.get("description" + n + "En"), MAX_TEXT));
            texts.add(new Criterion(n, name, description, 0));
        }
        errors.throwIfAny();
        List<Criterion> before = texts(countyId);
        queries.saveTexts(countyId, texts, clock.instant());
        audit.record(actor, "CRITERIA_TEXTS_UPDATE", "criteria_text", countyId, Target.county(countyId), before, texts);
    }

    // ---- status ---------------------------------------------------------------------------------

    /**
     * A place's standing against its county's rule: whether it meets the criteria, by its latest self-assessment
     * of this or last year (all eight criteria scored at least the rule's minimum).
     */
    public record Status(long placeId, boolean ruleSet, int minScore, Integer year, boolean meets, List<Integer> below) {

        public boolean assessed() {
            return year != null;
        }
    }

    public Optional<Status> status(long placeId) {
        Optional<Target> where = registry.placeTarget(placeId);
        if (where.isEmpty() || where.get().countyId() == null) {
            return Optional.empty();
        }
        Optional<Rule> rule = queries.rule(where.get().countyId());
        int year = thisYear();
        Optional<Assessment> latest = latestSelf(queries.selfAssessments(List.of(placeId), year - 1, year))
                .values().stream().findFirst();
        return Optional.of(status(placeId, rule, latest));
    }

    private static Status status(long placeId, Optional<Rule> rule, Optional<Assessment> latest) {
        int min = rule.map(Rule::minScore).orElse(0);
        if (latest.isEmpty()) {
            return new Status(placeId, rule.isPresent(), min, null, false, List.of());
        }
        Assessment a = latest.get();
        List<Integer> below = new ArrayList<>();
        for (int n = 1; n <= CRITERIA; n++) {
            Score s = a.scores().get(n);
            if (s == null || s.score() < min) {
                below.add(n);
            }
        }
        return new Status(placeId, rule.isPresent(), min, a.year(), rule.isPresent() && below.isEmpty(), below);
    }

    /** The newest self-assessment of each place among those given. */
    private static Map<Long, Assessment> latestSelf(List<Assessment> list) {
        Map<Long, Assessment> out = new HashMap<>();
        for (Assessment a : list) {
            out.merge(a.placeId(), a, (x, y) -> x.year() >= y.year() ? x : y);
        }
        return out;
    }

    /** A place whose latest assessment falls below the rule, with the criteria below it. */
    public record Below(long placeId, LocalizedText place, int year, List<Integer> criteria, long assessmentId) {
    }

    /**
     * The places of the county whose latest self-assessment (of {@code year} or the year before) is below the
     * county's rule, by area: what a later step turns into agenda items of the network that covers each area.
     * Empty when the county has no rule.
     */
    public Map<Long, List<Below>> belowRuleByArea(long countyId, int year) {
        Optional<Rule> rule = queries.rule(countyId);
        if (rule.isEmpty()) {
            return Map.of();
        }
        var places = registry.reportPlaces(new fi.kohtaamo.shared.Scope(false, countyId, -1, List.of(-1L), -1));
        Map<Long, Assessment> latest = latestSelf(queries.selfAssessments(
                places.stream().map(Registry.ReportPlace::id).toList(), year - 1, year));
        Map<Long, List<Below>> out = new TreeMap<>();
        for (var p : places) {
            Assessment a = latest.get(p.id());
            if (a == null) {
                continue;
            }
            Status s = status(p.id(), rule, Optional.of(a));
            if (!s.meets()) {
                out.computeIfAbsent(p.areaId(), k -> new ArrayList<>()).add(new Below(p.id(), p.name(), a.year(), s.below(), a.id()));
            }
        }
        return out;
    }

    // ---- assessments ----------------------------------------------------------------------------

    public Target requireAssess(Actor actor, long placeId) {
        Target t = registry.placeTarget(placeId).orElseThrow(() -> new KohtaamoException.NotFound("place " + placeId));
        AccessControl.require(actor, CriteriaAction.ASSESS, t);
        return t;
    }

    public boolean mayAssess(Actor actor, long placeId) {
        return registry.placeTarget(placeId).map(t -> AccessControl.allows(actor, CriteriaAction.ASSESS, t)).orElse(false);
    }

    /**
     * Where a peer assessment of the place is checked: its county and area with the actor's organisations of that
     * county; the place's own organisers (and their sub-organisations' staff) never assess it as peers.
     */
    Target peerTarget(Actor actor, long placeId) {
        Target place = registry.placeTarget(placeId).orElseThrow(() -> new KohtaamoException.NotFound("place " + placeId));
        boolean own = place.organisationIds().stream().anyMatch(actor.organisations()::contains);
        Set<Long> orgs = own || place.countyId() == null ? Set.of() : membership.organisationsIn(actor, place.countyId());
        return new Target(place.countyId(), place.areaId(), orgs, placeId);
    }

    public boolean mayPeerAssess(Actor actor, long placeId) {
        return AccessControl.allows(actor, CriteriaAction.PEER_ASSESS, peerTarget(actor, placeId));
    }

    public Optional<Assessment> assessment(long id) {
        return queries.assessment(id);
    }

    public Optional<Assessment> self(long placeId, int year) {
        return queries.assessment(placeId, year, Kind.SELF, CriteriaQueries.SELF_ORG);
    }

    public List<Assessment> peers(long placeId, int year) {
        return queries.peers(placeId, year);
    }

    /** The organisation a peer assessment is stored under: the actor's own (an administrator's: none, -1). */
    static long peerOrganisation(Actor actor) {
        return actor.organisationId() == null ? -1 : actor.organisationId();
    }

    public Optional<Assessment> ownPeer(Actor actor, long placeId, int year) {
        return queries.assessment(placeId, year, Kind.PEER, peerOrganisation(actor));
    }

    /** A year to assess: from 2000 to this year. */
    public int year(Input in, String raw) {
        Integer y = in.integer("year", raw, 2000, thisYear(), null);
        if (y == null && !in.errors().has("year")) {
            in.errors().add("year", "validation.required");
        }
        return y == null ? thisYear() : y;
    }

    @Transactional
    public void saveSelf(Actor actor, long placeId, Map<String, String> form) {
        Target where = requireAssess(actor, placeId);
        save(actor, placeId, where, Kind.SELF, CriteriaQueries.SELF_ORG, form);
    }

    @Transactional
    public void savePeer(Actor actor, long placeId, Map<String, String> form) {
        Target where = peerTarget(actor, placeId);
        AccessControl.require(actor, CriteriaAction.PEER_ASSESS, where);
        save(actor, placeId, where, Kind.PEER, peerOrganisation(actor), form);
    }

    private void save(Actor actor, long placeId, Target where, Kind kind, long org, Map<String, String> form) {
        FieldErrors errors = new FieldErrors();
        Input in = new Input(errors);
        int year = year(in, form.get("year"));
        Map<Integer, Score> scores = new LinkedHashMap<>();
        for (int n = 1; n <= CRITERIA; n++) {
            Integer score = in.integer("score" + n, form.get("score" + n), 1, 4, null);
            if (score == null && !errors.has("score" + n)) {
                errors.add("score" + n, "criteria.validation.score");
            }
            String evidence = in.paragraph("evidence" + n, form.get("evidence" + n), MAX_TEXT);
            String target = in.paragraph("target" + n, form.get("target" + n), MAX_TEXT);
            if (score != null) {
                scores.put(n, new Score(score, evidence, target));
            }
        }
        String rawVersion = form.get("version");
        Integer version = rawVersion == null || rawVersion.isBlank() ? null
                : in.integer("version", rawVersion, 0, Integer.MAX_VALUE, null);
        errors.throwIfAny();
        Optional<Assessment> before = queries.assessment(placeId, year, kind, org);
        if (!queries.saveAssessment(placeId, year, kind, org, actor.id(), actor.name(), version, scores,
                clock.instant())) {
            throw new KohtaamoException.Conflict("stale", "assessment " + placeId + "/" + year);
        }
        Assessment after = queries.assessment(placeId, year, kind, org).orElseThrow();
        audit.record(actor, "CRITERIA_" + kind.name() + (before.isEmpty() ? "_CREATE" : "_UPDATE"),
                "criteria_assessment", after.id(), where, before.orElse(null), after);
    }

    @EventListener
    void placeDeleted(PlaceDeleted event) {
        queries.deleteOfPlace(event.placeId());
    }

    // ---- overview -------------------------------------------------------------------------------

    /** A place's row: this year's and last year's self-assessed scores by criterion, and its status. */
    public record PlaceRow(Registry.ReportPlace place, Map<Integer, Integer> scores, Map<Integer, Integer> previous,
            Status status) {

        public Integer change(int n) {
            Integer now = scores.get(n);
            Integer before = previous.get(n);
            return now == null || before == null ? null : now - before;
        }

        public boolean assessed() {
            return !scores.isEmpty();
        }
    }

    public record Overview(int year, Long countyId, Long areaId, List<PlaceRow> rows, List<PlaceRow> notAssessed,
            List<Criterion> criteria, Optional<Rule> rule) {
    }

    /**
     * Places × criteria of a county (and optionally one area) within the actor's {@link CriteriaAction#OVERVIEW}
     * scope: the year's self-assessed scores, the change from the year before, and the places without one.
     */
    public Overview overview(Actor actor, long countyId, Long areaId, int year) {
        if (!AccessControl.mayEver(actor, CriteriaAction.OVERVIEW)) {
            throw new KohtaamoException.Forbidden(CriteriaAction.OVERVIEW.name());
        }
        var places = registry.reportPlaces(AccessControl.scope(actor, CriteriaAction.OVERVIEW)).stream()
                .filter(p -> p.countyId() == countyId && (areaId == null || p.areaId() == areaId)).toList();
        List<Assessment> all = queries.selfAssessments(places.stream().map(Registry.ReportPlace::id).toList(),
                year - 1, year);
        Map<Long, Assessment> now = new HashMap<>();
        Map<Long, Assessment> before = new HashMap<>();
        for (Assessment a : all) {
            (a.year() == year ? now : before).put(a.placeId(), a);
        }
        Optional<Rule> rule = queries.rule(countyId);
        List<PlaceRow> rows = new ArrayList<>();
        List<PlaceRow> missing = new ArrayList<>();
        for (var p : places) {
            Assessment a = now.get(p.id());
            Assessment b = before.get(p.id());
            Optional<Assessment> latest = Optional.ofNullable(a != null ? a : b);
            PlaceRow row = new PlaceRow(p, scores(a), scores(b), status(p.id(), rule, latest));
            (a == null ? missing : rows).add(row);
        }
        return new Overview(year, countyId, areaId, rows, missing, texts(countyId), rule);
    }

    private static Map<Integer, Integer> scores(Assessment a) {
        if (a == null) {
            return Map.of();
        }
        Map<Integer, Integer> out = new TreeMap<>();
        a.scores().forEach((n, s) -> out.put(n, s.score()));
        return Collections.unmodifiableMap(out);
    }
}
