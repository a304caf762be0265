package fi.kohtaamo.outreach.internal;

import fi.kohtaamo.audit.AuditLog;
import fi.kohtaamo.outreach.OutreachAction;
import fi.kohtaamo.outreach.internal.OutreachQueries.Catalogue;
import fi.kohtaamo.outreach.internal.OutreachQueries.Partner;
import fi.kohtaamo.registry.Registry;
import fi.kohtaamo.shared.AccessControl;
import fi.kohtaamo.shared.Actor;
import fi.kohtaamo.shared.CountyCatalogue;
import fi.kohtaamo.shared.CountyCatalogue.Item;
import fi.kohtaamo.shared.FieldErrors;
import fi.kohtaamo.shared.Input;
import fi.kohtaamo.shared.KohtaamoException;
import fi.kohtaamo.shared.LocalizedText;
import fi.kohtaamo.shared.Target;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a county's coordinators set up for outreach, and what partners read before booking: the catalogue of
 * professions and topics, the partner organisations, the settings, and the orientation text with its
 * acknowledgements. Every write checks {@link OutreachAction#CATALOGUE_MANAGE} on the county, validates, writes and
 * audits in one transaction.
 */
@Service
public class OutreachSetup {

    static final Set<String> PARTNER_KINDS = Set.of("WELLBEING_SERVICES", "PARISH_DIACONIA", "NGO", "OTHER");

    private final OutreachQueries queries;
    private final Registry registry;
    private final AuditLog audit;
    private final OutreachService outreach;
    private final Clock clock;

    public OutreachSetup(OutreachQueries queries, Registry registry, AuditLog audit, OutreachService outreach,
            Clock clock) {
        this.queries = queries;
        this.registry = registry;
        this.audit = audit;
        this.outreach = outreach;
        this.clock = clock;
    }

    /** The county a coordinator works in, checked. */
    long requireCatalogue(Actor actor, Long countyId) {
        if (countyId == null || registry.county(countyId).isEmpty()) {
            throw new KohtaamoException.NotFound("county " + countyId);
        }
        AccessControl.require(actor, OutreachAction.CATALOGUE_MANAGE, Target.county(countyId));
        return countyId;
    }

    // ---- catalogue --------------------------------------------------------------------------------

    public List<Item> items(Catalogue c, long countyId) {
        return queries.items(c, countyId);
    }

    public List<Item> activeItems(Catalogue c, long countyId) {
        return queries.items(c, countyId).stream().filter(Item::active).toList();
    }

    /** The editor's values of an entry ({@code ?edit=}); none for none, another county's is not found. */
    public Map<String, String> itemValues(Catalogue c, long countyId, String edit) {
        return queries.catalogue(c).editValues(countyId, edit);
    }

    @Transactional
    public long saveItem(Actor actor, Catalogue c, long countyId, Long id, Map<String, String> form) {
        requireCatalogue(actor, countyId);
        CountyCatalogue.Saved saved = queries.catalogue(c).save(countyId, id, form);
        audit.record(actor, "OUTREACH_" + c.name() + (saved.created() ? "_CREATE" : "_UPDATE"), c.table,
                saved.after().id(), Target.county(countyId), saved.before(), saved.after());
        return saved.after().id();
    }

    /** Moves an entry up, down or to a number in the county's list, audited when it moved. */
    @Transactional
    public void moveItem(Actor actor, Catalogue c, long countyId, long id, Map<String, String> form) {
        requireCatalogue(actor, countyId);
        queries.catalogue(c).move(countyId, id, form).ifPresent(m -> audit.record(actor, "OUTREACH_" + c.name()
                + "_MOVE", c.table, id, Target.county(countyId), m.before(), m.after()));
    }

    /** Deletes an entry no visit, proposal or slot names; one in use can only be taken out of use. */
    @Transactional
    public void deleteItem(Actor actor, Catalogue c, long countyId, long id, Map<String, String> form) {
        requireCatalogue(actor, countyId);
        Item deleted = queries.catalogue(c).delete(countyId, id, form);
        audit.record(actor, "OUTREACH_" + c.name() + "_DELETE", c.table, id, Target.county(countyId), deleted, null);
    }

    // ---- partners and settings ------------------------------------------------------------------

    @Transactional
    public void savePartner(Actor actor, long countyId, Map<String, String> form) {
        requireCatalogue(actor, countyId);
        FieldErrors errors = new FieldErrors();
        Input in = new Input(errors);
        Long org = in.id("organisationId", form.get("organisationId"), true);
        String kind = in.requiredLine("kind", form.get("kind"), 30);
        String email = in.email("contactEmail", form.get("contactEmail"), false);
        if (org != null && registry.organisation(org).isEmpty()) {
            errors.add("organisationId", "validation.choice");
        }
        if (kind != null && !PARTNER_KINDS.contains(kind)) {
            errors.add("kind", "validation.choice");
        }
        errors.throwIfAny();
        Optional<Partner> before = queries.partner(org, countyId);
        queries.savePartner(org, countyId, kind, email, clock.instant());
        audit.record(actor, before.isEmpty() ? "OUTREACH_PARTNER_CREATE" : "OUTREACH_PARTNER_UPDATE", "outreach_partner",
                org + "/" + countyId, Target.county(countyId), before.orElse(null), queries.partner(org, countyId).orElseThrow());
    }

    @Transactional
    public void removePartner(Actor actor, long countyId, long organisationId) {
        requireCatalogue(actor, countyId);
        Partner before = queries.partner(organisationId, countyId)
                .orElseThrow(() -> new KohtaamoException.NotFound("partner " + organisationId));
        queries.deletePartner(organisationId, countyId);
        audit.record(actor, "OUTREACH_PARTNER_DELETE", "outreach_partner", organisationId + "/" + countyId,
                Target.county(countyId), before, null);
    }

    public List<Partner> partnersOf(long countyId) {
        return queries.partners(countyId);
    }

    public int topicRepeatWeeks(long countyId) {
        return queries.topicRepeatWeeks(countyId);
    }

    @Transactional
    public void saveSettings(Actor actor, long countyId, Map<String, String> form) {
        requireCatalogue(actor, countyId);
        FieldErrors errors = new FieldErrors();
        Integer weeks = new Input(errors).integer("topicRepeatWeeks", form.get("topicRepeatWeeks"), 0, 104, null);
        if (weeks == null && !errors.has("topicRepeatWeeks")) {
            errors.add("topicRepeatWeeks", "validation.required");
        }
        errors.throwIfAny();
        int before = queries.topicRepeatWeeks(countyId);
        queries.saveTopicRepeatWeeks(countyId, weeks, clock.instant());
        audit.record(actor, "OUTREACH_SETTINGS_UPDATE", "outreach_setting", countyId, Target.county(countyId),
                Map.of("topicRepeatWeeks", before), Map.of("topicRepeatWeeks", weeks));
    }

    // ---- orientation ----------------------------------------------------------------------------

    public Optional<OutreachQueries.Orientation> orientation(long countyId) {
        return queries.orientation(countyId);
    }

    @Transactional
    public void saveOrientation(Actor actor, long countyId, Map<String, String> form) {
        requireCatalogue(actor, countyId);
        FieldErrors errors = new FieldErrors();
        Input in = new Input(errors);
        LocalizedText title = new LocalizedText(in.requiredLine("titleFi", form.get("titleFi"), 200),
                in.line("titleSv", form.get("titleSv"), 200), in.line("titleEn", form.get("titleEn"), 200));
        LocalizedText body = new LocalizedText(in.paragraph("bodyFi", form.get("bodyFi"), 20000),
                in.paragraph("bodySv", form.get("bodySv"), 20000), in.paragraph("bodyEn", form.get("bodyEn"), 20000));
        if (body.fi() == null && !errors.has("bodyFi")) {
            errors.add("bodyFi", "validation.required");
        }
        Optional<OutreachQueries.Orientation> before = queries.orientation(countyId);
        Integer version = before.isEmpty() ? null : in.integer("version", form.get("version"), 0, Integer.MAX_VALUE, 0);
        errors.throwIfAny();
        if (!queries.saveOrientation(countyId, version, title, body, clock.instant())) {
            throw new KohtaamoException.Conflict("stale", "orientation " + countyId);
        }
        audit.record(actor, "OUTREACH_ORIENTATION_SAVE", "outreach_orientation", countyId, Target.county(countyId),
                before.orElse(null), queries.orientation(countyId).orElseThrow());
    }

    /** Whether the actor's partner organisation has acknowledged the county's orientation (any version). */
    public Optional<OutreachQueries.Acknowledgement> acknowledgement(Actor actor, long countyId) {
        return outreach.partnership(actor, countyId).flatMap(p -> queries.acknowledgement(p.organisationId(), countyId));
    }

    @Transactional
    public void acknowledge(Actor actor, long countyId, String version) {
        Partner p = outreach.partnership(actor, countyId).orElseThrow(() -> new KohtaamoException.Forbidden("VISIT_BOOK"));
        AccessControl.require(actor, OutreachAction.VISIT_BOOK,
                new Target(countyId, null, Set.of(actor.organisationId()), null));
        OutreachQueries.Orientation o = queries.orientation(countyId)
                .orElseThrow(() -> new KohtaamoException.NotFound("orientation " + countyId));
        if (!String.valueOf(o.version()).equals(version)) {
            // the text changed while the partner was reading it
            throw new KohtaamoException.Conflict("stale", "orientation " + countyId);
        }
        queries.acknowledge(p.organisationId(), countyId, o.version(), actor.id(), actor.name(), clock.instant());
        audit.record(actor, "OUTREACH_ORIENTATION_ACKNOWLEDGE", "outreach_acknowledgement", p.organisationId() + "/" + countyId,
                Target.county(countyId), null, Map.of("orientationVersion", o.version()));
    }
}
