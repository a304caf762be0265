package fi.kohtaamo.guidance.internal.exchange;

import fi.kohtaamo.audit.AuditLog;
import fi.kohtaamo.guidance.GuidanceExchangeAction;
import fi.kohtaamo.guidance.internal.exchange.PtvImportQueries.Existing;
import fi.kohtaamo.guidance.internal.exchange.PtvModel.Row;
import fi.kohtaamo.monitoring.ServiceTypes;
import fi.kohtaamo.registry.Registry;
import fi.kohtaamo.shared.AccessControl;
import fi.kohtaamo.shared.Actor;
import fi.kohtaamo.shared.KohtaamoException;
import fi.kohtaamo.shared.SeededCatalogue;
import fi.kohtaamo.shared.Target;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * Imports a county's services from a PTV file: {@link #preview} reads and maps the file and compares each service
 * with what the county imported before (by PTV id), storing nothing; {@link #apply} stores it in one transaction.
 * New services are created; changed ones (another fingerprint) get their PTV content replaced, keeping what the
 * county chose (type, organisation, needs, owner, ages, status); unchanged ones are left alone; a service changed
 * locally since its import is a conflict, kept as it is unless the user chose to take PTV's version.
 */
@Service
public class PtvImport {

    /** What a re-import does to one service of the file. */
    public enum Outcome { NEW, CHANGED, UNCHANGED, CONFLICT, INVALID, DUPLICATE }

    /** One service of the file with what confirming would do to it. */
    record Planned(Row row, Outcome outcome, Existing existing) {
    }

    record Preview(List<Planned> rows) {

        long count(Outcome o) {
            return rows.stream().filter(r -> r.outcome() == o).count();
        }

        boolean usable() {
            return rows.stream().anyMatch(r -> r.outcome() == Outcome.NEW || r.outcome() == Outcome.CHANGED
                    || r.outcome() == Outcome.CONFLICT);
        }
    }

    /** The user's choices: the organisation and service type of new services. */
    record Options(long organisationId, String serviceType) {
    }

    /** What was stored. */
    record Applied(int created, int updated, int kept) {
    }

    private final PtvImportQueries queries;
    private final Registry registry;
    private final AuditLog audit;
    private final Clock clock;
    private final ServiceTypes types;

    PtvImport(PtvImportQueries queries, Registry registry, AuditLog audit, Clock clock, ServiceTypes types) {
        this.types = types;
        this.queries = queries;
        this.registry = registry;
        this.audit = audit;
        this.clock = clock;
    }

    /** The county itself is the target: its coordinators and the administrators. */
    public Target requireMayImport(Actor actor, long countyId) {
        if (registry.county(countyId).isEmpty()) {
            throw new KohtaamoException.NotFound("county");
        }
        Target target = Target.county(countyId);
        AccessControl.require(actor, GuidanceExchangeAction.IMPORT_PTV, target);
        return target;
    }

    /** The service types a new service can get: the county's active types (monitoring's catalogue). */
    List<ServiceTypes.ServiceType> serviceTypes(long countyId) {
        return types.active(countyId);
    }

    Preview preview(long countyId, byte[] bytes) throws PtvFile.Refused {
        PtvFile.Bundle bundle = PtvFile.read(bytes);
        PtvMapper mapper = new PtvMapper(registry::municipalityExists);
        List<Row> rows = new ArrayList<>();
        int n = 0;
        for (JsonNode s : bundle.services()) {
            rows.add(mapper.map(++n, s, bundle.channels()));
        }
        Set<String> ids = new LinkedHashSet<>();
        rows.stream().filter(Row::valid).forEach(r -> ids.add(r.ptvId()));
        Map<String, Existing> existing = queries.existing(countyId, ids);
        Set<String> seen = new HashSet<>();
        List<Planned> planned = new ArrayList<>();
        for (Row r : rows) {
            if (!r.valid()) {
                planned.add(new Planned(r, Outcome.INVALID, null));
                continue;
            }
            if (!seen.add(r.ptvId())) {
                planned.add(new Planned(r, Outcome.DUPLICATE, null));
                continue;
            }
            Existing e = existing.get(r.ptvId());
            Outcome o = e == null ? Outcome.NEW
                    : r.service().fingerprint().equals(e.fingerprint()) ? Outcome.UNCHANGED
                    : e.locallyEdited() ? Outcome.CONFLICT : Outcome.CHANGED;
            planned.add(new Planned(r, o, e));
        }
        return new Preview(planned);
    }

    /** Whether an organisation may own the county's new services, and a service type is in the catalogue. */
    boolean organisationInCounty(long organisationId, long countyId) {
        return registry.countyOfOrganisation(organisationId).map(c -> c == countyId).orElse(false);
    }

    boolean serviceTypeExists(long countyId, String code) {
        return code != null && types.type(countyId, code).filter(ServiceTypes.ServiceType::active).isPresent();
    }

    /**
     * Stores the preview: {@code takePtv} holds the PTV ids of conflicts whose local edits the user chose to replace.
     * Throws a 409 when a service changed between the preview and this (nothing is stored then).
     */
    @Transactional
    Applied apply(Actor actor, long countyId, Preview preview, Options options, Set<String> takePtv) {
        Target target = requireMayImport(actor, countyId);
        Instant now = clock.instant();
        Map<String, String> needs = queries.needsByName(countyId);
        int created = 0;
        int updated = 0;
        int kept = 0;
        for (Planned p : preview.rows()) {
            PtvModel.Service s = p.row().service();
            switch (p.outcome()) {
                case NEW -> {
                    long id = queries.insert(countyId, options.organisationId(), options.serviceType(), s, now);
                    Set<String> codes = new LinkedHashSet<>();
                    s.keywords().forEach(k -> {
                        String code = needs.get(k.toLowerCase(Locale.ROOT));
                        if (code != null) {
                            codes.add(code);
                        }
                    });
                    queries.addNeeds(id, codes);
                    audit.record(actor, "GUIDANCE_PTV_CREATE", "guidance_service", id, target, null, summary(s));
                    created++;
                }
                case CHANGED, CONFLICT -> {
                    if (p.outcome() == Outcome.CONFLICT && !takePtv.contains(s.ptvId())) {
                        kept++;
                        continue;
                    }
                    if (!queries.update(p.existing(), s, now)) {
                        throw new KohtaamoException.Conflict("stale", "guidance_service");
                    }
                    audit.record(actor, "GUIDANCE_PTV_UPDATE", "guidance_service", p.existing().id(), target,
                            Map.of("fingerprint", String.valueOf(p.existing().fingerprint()),
                                    "locallyEdited", p.existing().locallyEdited()), summary(s));
                    updated++;
                }
                default -> {
                }
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("created", created);
        result.put("updated", updated);
        result.put("keptLocal", kept);
        result.put("unchanged", preview.count(Outcome.UNCHANGED));
        result.put("invalid", preview.count(Outcome.INVALID));
        audit.record(actor, "GUIDANCE_PTV_IMPORT", "county", countyId, target, null, result);
        return new Applied(created, updated, kept);
    }

    private static Map<String, Object> summary(PtvModel.Service s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ptvId", s.ptvId());
        m.put("nameFi", s.nameFi());
        m.put("fingerprint", s.fingerprint());
        m.put("channels", s.channels().size());
        return m;
    }
}
