package fi.kohtaamo.access;

import static fi.kohtaamo.support.Forms.formFields;
import static fi.kohtaamo.access.AccessAnswers.read;
import static fi.kohtaamo.access.AccessAnswers.write;
import static fi.kohtaamo.support.Forms.with;

import fi.kohtaamo.access.AccessWorld.Where;
import fi.kohtaamo.audit.AuditAction;
import fi.kohtaamo.calendar.CalendarAction;
import fi.kohtaamo.identity.IdentityAction;
import fi.kohtaamo.identity.internal.UserQueries;
import fi.kohtaamo.monitoring.MonitoringAction;
import fi.kohtaamo.outreach.OutreachAction;
import fi.kohtaamo.outreach.internal.OutreachQueries;
import fi.kohtaamo.registry.RegistryAction;
import fi.kohtaamo.shared.Action;
import fi.kohtaamo.shared.MailAction;
import fi.kohtaamo.shared.Role;
import fi.kohtaamo.support.Fixtures;
import fi.kohtaamo.support.WebClient;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

/**
 * The cases of the access matrix, keyed by action: for each, the request a browser would send on a record of
 * each kind ({@link Where}) and a probe of what it would change. Who is expected to get through is the action's
 * roles ({@link Action#roles()}) on the records their scope reaches: everyone with the role reaches their own
 * record, a county coordinator (and an administrator) also the county's other organisations' and areas', only
 * an administrator another county's. Cases that differ say so.
 */
final class AccessCases {

    /** What one request did: whether it went through, whether the data changed, and the answer, for messages. */
    record Result(boolean went, boolean changed, String answer) {
    }

    /** Who may; by default the action's roles on the records their scope reaches. */
    interface Expectation {
        boolean allows(Role role, Where where);
    }

    record Case(String name, Action action, boolean write, BiFunction<WebClient, Where, Result> attempt,
            Expectation expectation) {

        boolean expected(Role role, Where where) {
            return action.roles().contains(role) && expectation.allows(role, where);
        }
    }

    static boolean reaches(Role role, Where where) {
        return switch (where) {
            case OWN -> true;
            case SIBLING -> role == Role.ADMIN || role == Role.COUNTY_COORDINATOR;
            case OTHER_COUNTY -> role == Role.ADMIN;
        };
    }

    private final AccessWorld w;
    private final List<Case> cases = new ArrayList<>();
    private final AtomicInteger next = new AtomicInteger();
    private final Map<Where, Long> account = new EnumMap<>(Where.class);
    private final Map<Where, String> audited = new EnumMap<>(Where.class);

    AccessCases(AccessWorld w) {
        this.w = w;
        UserQueries users = w.bean(UserQueries.class);
        var counts = w.bean(fi.kohtaamo.monitoring.internal.CountService.class);
        var registry = w.bean(fi.kohtaamo.registry.internal.RegistryService.class);
        var places = w.bean(fi.kohtaamo.registry.internal.RegistryQueries.class);
        for (Where where : Where.values()) {
            long place = w.place.get(where);
            account.put(where, users.insert(email("kohde"), "Kohde", "{noop}x", Role.VOLUNTEER, null, w.county.get(where),
                    w.area.get(where), place, "fi", true, false, Instant.now()));
            // a count to report, and a change to read in the audit log
            counts.save(w.system, place, 0, LocalDate.of(2026, 11, 2), Map.of("adults", "20", "staff", "1"));
            var form = fi.kohtaamo.registry.internal.PlaceForm.of(places.place(place).orElseThrow());
            form.nameFi = Fixtures.unique("Matriisin paikka " + where);
            registry.updatePlace(w.system, place, form);
            audited.put(where, form.nameFi);
        }
        audit();
        registry();
        calendar();
        identity();
        monitoring();
        outreach();
        mail();
        signals();
        criteria();
        coordination();
        feedback();
        surveys();
        participation();
        planningDays();
        guidanceExchange();
        guidance();
        mapping();
        planning();
    }

    List<Case> all() {
        return cases;
    }

    // ---- helpers --------------------------------------------------------------------------------

    private static String email(String prefix) {
        return Fixtures.unique(prefix).replace(' ', '-') + "@example.fi";
    }

    private void add(Action action, String name, boolean write, BiFunction<WebClient, Where, Result> attempt) {
        cases.add(new Case(action.name() + " " + name, action, write, attempt, AccessCases::reaches));
    }

    private void add(Action action, String name, boolean write, BiFunction<WebClient, Where, Result> attempt,
            Expectation expectation) {
        cases.add(new Case(action.name() + " " + name, action, write, attempt, expectation));
    }

    private long count(String sql, Object param) {
        return w.jdbc.sql(sql).param("p", param).query(Long.class).single();
    }

    private Object row(String sql, Object param) {
        return w.jdbc.sql(sql).param("p", param).query().listOfRows().toString();
    }

    /** The place's name now (other cases rename it). */
    private String nameOf(Where where) {
        return w.jdbc.sql("select name_fi from place where id = :p").param("p", w.place.get(where)).query(String.class)
                .single();
    }

    private List<Map.Entry<String, String>> adminForm(String path) {
        return formFields(w.admin().get(path).html());
    }

    private static List<Map.Entry<String, String>> with2(List<Map.Entry<String, String>> f, String... pairs) {
        for (int i = 0; i < pairs.length; i += 2) {
            f = with(f, pairs[i], pairs[i + 1]);
        }
        return f;
    }

    // ---- audit and mail -------------------------------------------------------------------------

    private void audit() {
        add(AuditAction.READ, "the log of a place's changes", false,
                (web, where) -> read(web.get("/admin/audit?entityType=place"), audited.get(where)));
    }

    private void mail() {
        var mail = w.bean(fi.kohtaamo.shared.Mail.class);
        Map<Where, Long> message = new EnumMap<>(Where.class);
        for (Where where : Where.values()) {
            String subject = Fixtures.unique("Matriisin viesti");
            mail.queue(new fi.kohtaamo.shared.Mail.Message("joku@example.fi", null, subject, "Teksti", null, null,
                    w.county.get(where)));
            message.put(where, w.jdbc.sql("select id from mail_message where subject = :s").param("s", subject)
                    .query(Long.class).single());
        }
        add(MailAction.READ_OTHERS, "a message about the county", false,
                (web, where) -> read(web.get("/admin/mail/" + message.get(where)), null));
    }

    // ---- registry -------------------------------------------------------------------------------

    private void registry() {
        // the internal fields of a place, and an unpublished place at all, are for PLACE_READ_INTERNAL
        Map<Where, Long> unpublished = new EnumMap<>(Where.class);
        for (Where where : Where.values()) {
            long id = w.fx.place(w.area.get(where), w.municipality.get(where), w.organisation.get(where));
            w.jdbc.sql("update place set published = false where id = :p").param("p", id).update();
            unpublished.put(where, id);
        }
        w.bean(fi.kohtaamo.shared.PublicDataCache.class).changed();
        // (another place than the volunteer's own: a volunteer's scope is their one place)
        add(RegistryAction.PLACE_READ_INTERNAL, "an unpublished place's page", false,
                (web, where) -> read(web.get("/places/" + unpublished.get(where)), null),
                (role, where) -> role != Role.VOLUNTEER && reaches(role, where));
        add(RegistryAction.PLACE_CREATE, "a place of the organisation in the area", true, (web, where) -> write(
                () -> count("select count(*) from place_organiser where organisation_id = :p", w.organisation.get(where)),
                () -> web.post("/admin/places", with2(adminForm("/admin/places/new"), "kind", "FAMILY_CAFE", "nameFi",
                        Fixtures.unique("Uusi paikka"), "areaId", "" + w.area.get(where), "municipalityCode",
                        w.municipality.get(where), "organiserIds", "" + w.organisation.get(where)))));
        add(RegistryAction.PLACE_UPDATE, "the place's name", true, (web, where) -> {
            long id = w.place.get(where);
            return write(() -> row("select name_fi, version from place where id = :p", id), () -> web.post(
                    "/admin/places/" + id, with(adminForm("/admin/places/" + id), "nameFi", Fixtures.unique("Nimi"))));
        });
        add(RegistryAction.PLACE_DELETE, "a place", true, (web, where) -> {
            long id = w.fx.place(w.area.get(where), w.municipality.get(where), w.organisation.get(where));
            return write(() -> count("select count(*) from place where id = :p", id),
                    () -> web.post("/admin/places/" + id + "/delete", List.of()));
        });
        add(RegistryAction.ORGANISATION_CREATE, "an organisation of the county", true, (web, where) -> write(
                () -> count("select count(*) from organisation where county_id = :p", w.county.get(where)),
                () -> web.post("/admin/organisations", with2(adminForm("/admin/organisations/new"), "type", "OTHER_NGO",
                        "nameFi", Fixtures.unique("Järjestö"), "countyId", "" + w.county.get(where)))));
        add(RegistryAction.ORGANISATION_UPDATE, "the organisation's name", true, (web, where) -> {
            long id = w.organisation.get(where);
            return write(() -> row("select name_fi, version from organisation where id = :p", id), () -> web.post(
                    "/admin/organisations/" + id,
                    with(adminForm("/admin/organisations/" + id), "nameFi", Fixtures.unique("Järjestö"))));
        });
        add(RegistryAction.AREA_CREATE, "an area of the county", true, (web, where) -> write(
                () -> count("select count(*) from area where county_id = :p", w.county.get(where)),
                () -> web.post("/admin/areas", with2(adminForm("/admin/areas/new?countyId=" + w.county.get(where)), "countyId", "" + w.county.get(where),
                        "nameFi", Fixtures.unique("Alue"), "municipalities", w.municipality.get(where)))));
        add(RegistryAction.AREA_UPDATE, "the area's name", true, (web, where) -> {
            long id = w.area.get(where);
            return write(() -> row("select name_fi, version from area where id = :p", id), () -> web.post(
                    "/admin/areas/" + id, with(adminForm("/admin/areas/" + id), "nameFi", Fixtures.unique("Alue"))));
        });
        add(RegistryAction.MUNICIPALITY_UPDATE, "the municipality's Swedish name", true, (web, where) -> {
            String code = w.municipality.get(where);
            return write(() -> row("select name_sv, version from municipality where code = :p", code), () -> web.post(
                    "/admin/municipalities/" + code,
                    with(adminForm("/admin/municipalities/" + code), "nameSv", Fixtures.unique("Kommun"))));
        });
    }

    // ---- calendar -------------------------------------------------------------------------------

    private void calendar() {
        add(CalendarAction.ACTIVITY_CREATE, "an activity at the place", true, (web, where) -> {
            long place = w.place.get(where);
            var f = with2(adminForm("/admin/places/" + place + "/activities/new"), "kind", "FAMILY_CAFE", "nameFi",
                    Fixtures.unique("Kerho"), "seasonStart", "2027-01-01", "seasonEnd", "2027-05-31", "startTime",
                    "09:30", "endTime", "11:00");
            f.add(Map.entry("weekdays", "TUESDAY"));
            return write(() -> count("select count(*) from activity where place_id = :p", place),
                    () -> web.post("/admin/places/" + place + "/activities", f));
        });
        add(CalendarAction.ACTIVITY_UPDATE, "the activity's name", true, (web, where) -> {
            long id = w.activity.get(where);
            return write(() -> row("select name_fi, version from activity where id = :p", id), () -> web.post(
                    "/admin/activities/" + id,
                    with(adminForm("/admin/activities/" + id + "/edit"), "nameFi", Fixtures.unique("Kerho"))));
        });
        add(CalendarAction.ACTIVITY_DELETE, "an activity", true, (web, where) -> {
            long id = w.activity(w.place.get(where));
            return write(() -> count("select count(*) from activity where id = :p", id),
                    () -> web.post("/admin/activities/" + id + "/delete", List.of()));
        });
        add(CalendarAction.OCCURRENCE_CHANGE, "cancelling an occurrence", true, (web, where) -> {
            long id = w.activity(w.place.get(where));
            return write(() -> count("select count(*) from occurrence_change where activity_id = :p", id),
                    () -> web.post("/admin/activities/" + id + "/occurrences/2027-01-05/cancel",
                            Map.of("reasonFi", "Peruttu")));
        });
        add(CalendarAction.SCHOOL_HOLIDAY_MANAGE, "a school holiday of the municipality", true, (web, where) -> {
            String code = w.municipality.get(where);
            return write(() -> count("select count(*) from school_holiday where municipality_code = :p", code),
                    () -> web.post("/admin/school-holidays", with2(adminForm("/admin/school-holidays/new"),
                            "municipalityCode", code, "schoolLanguage", "fi", "start", "2027-02-15", "end", "2027-02-19",
                            "nameFi", Fixtures.unique("Talviloma"))));
        });
    }

    // ---- identity -------------------------------------------------------------------------------

    private void identity() {
        add(IdentityAction.USER_READ, "a volunteer's account", false,
                (web, where) -> read(web.get("/admin/users/" + account.get(where)), null));
        add(IdentityAction.USER_CREATE, "a volunteer of the place", true, (web, where) -> write(
                () -> count("select count(*) from app_user where place_id = :p", w.place.get(where)),
                () -> web.post("/admin/users", List.of(Map.entry("displayName", "Uusi"),
                        Map.entry("email", email("uusi")), Map.entry("preferredLanguage", "fi"),
                        Map.entry("enabled", "true"), Map.entry("role", "VOLUNTEER"),
                        Map.entry("placeId", "" + w.place.get(where)), Map.entry("password", "tuulinen-niemi-741")))));
        add(IdentityAction.USER_UPDATE, "a volunteer's name", true, (web, where) -> {
            long id = account.get(where);
            return write(() -> row("select display_name, version from app_user where id = :p", id), () -> web.post(
                    "/admin/users/" + id, with(adminForm("/admin/users/" + id), "displayName", Fixtures.unique("Nimi"))));
        });
        add(IdentityAction.USER_UPDATE, "a volunteer's password reset", true, (web, where) -> {
            long id = account.get(where);
            return write(() -> row("select password_hash from app_user where id = :p", id), () -> web.post(
                    "/admin/users/" + id + "/password", Map.of("newPassword", "nollattu-salasana-" + next.incrementAndGet())));
        });
    }

    // ---- monitoring -----------------------------------------------------------------------------

    private void monitoring() {
        add(MonitoringAction.COUNT_RECORD, "a day's count at the place", true, (web, where) -> {
            long place = w.place.get(where);
            LocalDate day = LocalDate.of(2026, 10, 1).plusDays(next.incrementAndGet() % 50);
            return write(() -> count("select count(*) from visit_count where place_id = :p", place),
                    () -> web.post("/admin/counts/places/" + place + "/count",
                            Map.of("date", day.toString(), "subject", "0", "adults", "3", "staff", "1")));
        });
        add(MonitoringAction.COUNT_RECORD, "a count import confirmed", true, (web, where) -> {
            long place = w.place.get(where);
            String path = "/admin/counts/places/" + place + "/import";
            LocalDate day = LocalDate.of(2026, 9, 1).plusDays(next.incrementAndGet() % 28);
            String csv = "date;activity;adults;children_under_1;children_1_2;children_3_6;children_7_12;children_13_17;"
                    + "first_time_families;volunteers;staff\n" + day + ";;6;1;2;3;0;0;1;1;1\n";
            return write(() -> count("select count(*) from visit_count where place_id = :p", place), () -> {
                WebClient.Response preview = web.postMultipart(path + "/preview", List.of(), List.of(
                        new WebClient.FilePart("file", "counts.csv", "text/csv",
                                csv.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
                if (preview.status() != 200) {
                    return preview;
                }
                return web.post(path + "/confirm", Map.of("token",
                        preview.html().select("input[name=token]").attr("value")));
            });
        });
        add(MonitoringAction.REPORT_VIEW, "the place's row in the report", false, (web, where) -> read(
                web.get("/admin/reports.csv?from=2026-10&to=2026-10&breakdown=PLACE"), nameOf(where)));
        // a handout lists the places of one county: whoever works in the county (its coordinators, the staff and
        // partners of its organisations) finds them, so a sibling's county is the actor's own; another county only
        // an administrator (the print is checked by the same rule, HandoutsTest)
        add(fi.kohtaamo.guidance.HandoutAction.PRINT, "the handout page of the county", false, (web, where) -> read(
                web.get("/admin/handouts?county=" + w.county.get(where)), "Testikunta " + w.municipality.get(where)),
                (role, where) -> where != Where.OTHER_COUNTY || role == Role.ADMIN);
        add(MonitoringAction.SERVICE_TYPE_MANAGE, "a service type of the county", true, (web, where) -> write(
                () -> count("select count(*) from service_type where county_id = :p", w.county.get(where)),
                () -> web.post("/admin/service-types", Map.of("county", "" + w.county.get(where), "code",
                        "MATRIX_" + next.incrementAndGet(), "nameFi", "Matriisin palvelu", "active", "true"))));
        // the one catalogue editor's delete (shared.CountyCatalogue), checked by the owner's action first
        var serviceTypes = w.bean(fi.kohtaamo.monitoring.internal.types.ServiceTypeService.class);
        add(MonitoringAction.SERVICE_TYPE_MANAGE, "a service type nothing uses, deleted", true, (web, where) -> {
            long id = serviceTypes.save(w.system, w.county.get(where), null, Map.of("code",
                    "GONE_" + next.incrementAndGet(), "nameFi", "Poistettava palvelu", "active", "true"));
            return write(() -> count("select count(*) from service_type where id = :p", id),
                    () -> web.post("/admin/service-types/" + id + "/delete", Map.of("county",
                            "" + w.county.get(where), "version", "0")));
        });
    }

    // ---- outreach -------------------------------------------------------------------------------

    private static final ZoneId HELSINKI = ZoneId.of("Europe/Helsinki");

    /** A fresh open slot on a Tuesday of a new activity at the place. */
    private long slot(Where where) {
        LocalDate date = LocalDate.of(2027, 1, 5).plusWeeks(next.incrementAndGet() % 20);
        Instant start = date.atTime(9, 30).atZone(HELSINKI).toInstant();
        return w.bean(OutreachQueries.class).insertSlot(w.activity(w.place.get(where)), w.place.get(where), date, start,
                start.plusSeconds(5400), "PRESENCE", 10, "fi", null, false, List.of(), false, Instant.now());
    }

    private long partnerOf(Where where) {
        return where == Where.OTHER_COUNTY ? w.partnerOrgB : w.partnerOrg;
    }

    private void outreach() {
        OutreachQueries q = w.bean(OutreachQueries.class);
        add(OutreachAction.CATALOGUE_MANAGE, "a topic of the county", true, (web, where) -> write(
                () -> q.items(OutreachQueries.Catalogue.TOPIC, w.county.get(where)).size(),
                () -> web.post("/admin/outreach/catalogue/topics", Map.of("county", "" + w.county.get(where), "code",
                        "t" + next.incrementAndGet(), "nameFi", "Aihe", "active", "true"))));
        add(OutreachAction.SLOT_MANAGE, "a slot at the place", true, (web, where) -> {
            long activity = w.activity.get(where);
            String date = LocalDate.of(2027, 1, 5).plusWeeks(next.incrementAndGet() % 20).toString();
            return write(() -> q.slotsOfActivity(activity, Instant.EPOCH).size(), () -> web.post(
                    "/admin/outreach/places/" + w.place.get(where) + "/slots", Map.of("activityId", "" + activity,
                            "dates", date, "format", "PRESENCE", "capacity", "1", "language", "fi")));
        });
        add(OutreachAction.VISIT_HOST, "confirming a visit", true, (web, where) -> {
            long visit = q.insertVisit(slot(where), partnerOf(where), w.profession.get(where), null, null, "Vierailija",
                    "v@example.fi", null, null, "REQUESTED", false, Instant.now());
            return write(() -> q.visit(visit).orElseThrow().status(),
                    () -> web.post("/admin/outreach/visits/" + visit + "/confirm", Map.of("version", "0")));
        });
        var proposals = w.bean(fi.kohtaamo.outreach.internal.ProposalService.class);
        add(OutreachAction.VISIT_HOST, "accepting a proposal", true, (web, where) -> {
            long proposal = proposals.propose(w.actor(Role.PARTNER, partnerOf(where)), Map.of("areaId",
                    "" + w.area.get(where), "professionId", "" + w.profession.get(where), "format", "PRESENCE",
                    "language", "fi", "fromDate", "2027-01-01", "toDate", "2027-05-31", "professionalEmail",
                    "v@example.fi"));
            String occurrence = w.activity.get(where) + ":"
                    + LocalDate.of(2027, 1, 5).plusWeeks(next.incrementAndGet() % 20);
            return write(() -> q.proposal(proposal).orElseThrow().status(), () -> web.post(
                    "/admin/outreach/proposals/" + proposal + "/accept",
                    Map.of("occurrence", occurrence, "acceptWarnings", "true")));
        });
        // a partner books and proposes in the counties where it is a partner: county A, not B
        Expectation partnerInCountyA = (role, where) -> where != Where.OTHER_COUNTY;
        add(OutreachAction.VISIT_BOOK, "booking a slot", true, (web, where) -> {
            long slot = slot(where);
            return write(() -> q.visitsOfSlot(slot).size(), () -> web.post("/admin/outreach/slots/" + slot + "/book",
                    Map.of("professionId", "" + w.profession.get(where), "professionalEmail", "v@example.fi",
                            "acceptWarnings", "true")));
        }, partnerInCountyA);
        add(OutreachAction.VISIT_BOOK, "a proposal to the area", true, (web, where) -> write(
                () -> count("select count(*) from visit_proposal where area_id = :p", w.area.get(where)),
                () -> web.post("/admin/outreach/proposals", Map.of("areaId", "" + w.area.get(where), "professionId",
                        "" + w.profession.get(where), "format", "PRESENCE", "language", "fi", "fromDate", "2027-01-01",
                        "toDate", "2027-02-28", "professionalEmail", "v@example.fi"))), partnerInCountyA);
        add(OutreachAction.COORDINATION_VIEW, "the place in the county's coordination view", false, (web, where) -> read(
                web.get("/admin/outreach/coordination?county=" + w.county.get(where)), nameOf(where)));
    }

    // ---- coordination: weak signals and THL's criteria ---------------------------------------------

    /** A signal written for the organisation about the area of {@code where}. */
    private long signal(Where where, long authorOrg) {
        var q = w.bean(fi.kohtaamo.coordination.internal.signals.SignalQueries.class);
        long theme = q.themes(w.county.get(where)).get(0).id();
        return q.insertSignal(w.county.get(where), Fixtures.unique("Matriisin signaali"), LocalDate.of(2026, 11, 2),
                w.system.id(), "Matriisi", authorOrg, List.of(theme), List.of(w.area.get(where)), Instant.now());
    }

    private void signals() {
        var q = w.bean(fi.kohtaamo.coordination.internal.signals.SignalQueries.class);
        // staff and partners record about any area of the county their organisation works in; an area coordinator
        // about their area only
        add(fi.kohtaamo.coordination.SignalAction.RECORD, "a signal about the area", true, (web, where) -> {
            long area = w.area.get(where);
            long theme = q.themes(w.county.get(where)).get(0).id();
            return write(() -> count("select count(*) from weak_signal_area where area_id = :p", area),
                    () -> web.post("/admin/signals", List.of(Map.entry("body", "Jonot neuvolaan kasvaneet"),
                            Map.entry("noticedOn", "2026-11-02"), Map.entry("areaIds", "" + area),
                            Map.entry("themeIds", "" + theme))));
        }, (role, where) -> where == Where.OWN || role == Role.ADMIN || (where == Where.SIBLING
                && (role == Role.COUNTY_COORDINATOR || role == Role.PROVIDER_STAFF || role == Role.PARTNER)));
        // a provider's signal: its organisation's staff read it, partners do not
        add(fi.kohtaamo.coordination.SignalAction.READ, "a provider's signal", false, (web, where) -> read(
                web.get("/admin/signals/" + signal(where, w.organisation.get(where))), null),
                (role, where) -> role != Role.PARTNER && reaches(role, where));
        // a partner's signal: the partner reads it in its county, other organisations' staff do not
        add(fi.kohtaamo.coordination.SignalAction.READ, "a partner's signal", false, (web, where) -> read(
                web.get("/admin/signals/" + signal(where, partnerOf(where))), null),
                (role, where) -> role == Role.PARTNER ? where != Where.OTHER_COUNTY
                        : role != Role.PROVIDER_STAFF && reaches(role, where));
        add(fi.kohtaamo.coordination.SignalAction.HANDLE, "a signal taken to the network's agenda", true, (web, where) -> {
            long id = signal(where, w.organisation.get(where));
            return write(() -> q.signal(id).orElseThrow().state(), () -> web.post("/admin/signals/" + id + "/handle",
                    Map.of("state", "ON_AGENDA", "version", "0")));
        });
        add(fi.kohtaamo.coordination.SignalAction.THEME_MANAGE, "a theme of the county", true, (web, where) -> write(
                () -> q.themes(w.county.get(where)).size(),
                () -> web.post("/admin/signals/themes", Map.of("county", "" + w.county.get(where), "code",
                        "t" + next.incrementAndGet(), "nameFi", "Teema", "active", "true"))));
    }

    /** A fresh year to assess (2000–2026), so that every attempt makes a new assessment. */
    private String year() {
        return String.valueOf(2000 + next.incrementAndGet() % 27);
    }

    private static Map<String, String> scores(String year) {
        Map<String, String> f = new java.util.HashMap<>();
        f.put("year", year);
        for (int n = 1; n <= 8; n++) {
            f.put("score" + n, "3");
        }
        return f;
    }

    private void criteria() {
        add(fi.kohtaamo.coordination.CriteriaAction.ASSESS, "the place's self-assessment", true, (web, where) -> {
            long place = w.place.get(where);
            return write(() -> count("select count(*) from criteria_assessment where place_id = :p", place),
                    () -> web.post("/admin/criteria/places/" + place + "/self", scores(year())));
        });
        // a peer is staff of another organisation of the same county: never of the place's own
        add(fi.kohtaamo.coordination.CriteriaAction.PEER_ASSESS, "a peer assessment of the place", true, (web, where) -> {
            long place = w.place.get(where);
            return write(() -> count("select count(*) from criteria_assessment where place_id = :p", place),
                    () -> web.post("/admin/criteria/places/" + place + "/peer", scores(year())));
        }, (role, where) -> role == Role.ADMIN || where == Where.SIBLING);
        // (staff get a list of their own places on the same address, not the overview)
        add(fi.kohtaamo.coordination.CriteriaAction.OVERVIEW, "the place in places x criteria", false, (web, where) -> {
            var r = web.get("/admin/criteria?county=" + w.county.get(where) + "&year=2026");
            boolean went = AccessAnswers.went(r) && r.html().select("#criteria-overview").text().contains(nameOf(where));
            return new Result(went, false, "" + r.status());
        });
        add(fi.kohtaamo.coordination.CriteriaAction.MANAGE, "the county's rule", true, (web, where) -> {
            long county = w.county.get(where);
            return write(() -> row("select min_score, version from criteria_rule where county_id = :p", county), () -> {
                var rule = w.bean(fi.kohtaamo.coordination.internal.criteria.CriteriaQueries.class).rule(county);
                Map<String, String> f = new java.util.HashMap<>();
                f.put("county", "" + county);
                f.put("minScore", rule.map(r -> r.minScore() == 3 ? "2" : "3").orElse("3"));
                f.put("version", rule.map(r -> "" + r.version()).orElse(""));
                return web.post("/admin/criteria/rule", f);
            });
        });
    }

    // ---- coordination ---------------------------------------------------------------------------

    /**
     * A network of each record's area; in the actor's own one the staff member and the partner hold the secretary's
     * seats (access follows membership: staff and partners reach a group only through a seat of theirs).
     */
    private void coordination() {
        var groups = w.bean(fi.kohtaamo.coordination.internal.GroupQueries.class);
        var meetings = w.bean(fi.kohtaamo.coordination.internal.MeetingQueries.class);
        Map<Where, Long> group = new EnumMap<>(Where.class);
        Map<Where, String> groupName = new EnumMap<>(Where.class);
        Map<Where, Long> meeting = new EnumMap<>(Where.class);
        for (Where where : Where.values()) {
            String name = Fixtures.unique("Matriisin verkosto " + where);
            long g = groups.insertGroup(w.county.get(where), "NETWORK", name, null, "fi", false,
                    List.of(w.area.get(where)), Instant.now());
            group.put(where, g);
            groupName.put(where, name);
            meeting.put(where, meetings.insertMeeting(g, "MEETING", "Matriisin kokous", Instant.parse("2027-01-12T11:00:00Z"),
                    Instant.parse("2027-01-12T13:00:00Z"), "Perhekeskus", null, null, Instant.now()));
        }
        long own = group.get(Where.OWN);
        groups.insertSeat(own, "SECRETARY", w.organisation.get(Where.OWN), w.userIds.get(Role.PROVIDER_STAFF),
                "Matriisi PROVIDER_STAFF", null, null, Instant.now());
        groups.insertSeat(own, "SECRETARY", w.partnerOrg, w.userIds.get(Role.PARTNER), "Matriisi PARTNER", null, null,
                Instant.now());
        add(fi.kohtaamo.coordination.CoordinationAction.GROUP_READ, "a group's page", false,
                (web, where) -> read(web.get("/admin/groups/" + group.get(where)), groupName.get(where)));
        add(fi.kohtaamo.coordination.CoordinationAction.GROUP_READ, "a meeting's page", false,
                (web, where) -> read(web.get("/admin/meetings/" + meeting.get(where)), "Matriisin kokous"));
        add(fi.kohtaamo.coordination.CoordinationAction.GROUP_MANAGE, "a seat of the organisation in the group", true,
                (web, where) -> write(() -> groups.seats(group.get(where)).size(), () -> web.post(
                        "/admin/groups/" + group.get(where) + "/seats",
                        Map.of("role", "MEMBER", "organisationId", "" + w.organisation.get(where)))));
        add(fi.kohtaamo.coordination.CoordinationAction.GROUP_MANAGE, "a network of the area", true,
                (web, where) -> write(() -> groups.groupsOfCounty(w.county.get(where)).size(), () -> web.post(
                        "/admin/groups", List.of(Map.entry("countyId", "" + w.county.get(where)),
                                Map.entry("kind", "NETWORK"), Map.entry("name", Fixtures.unique("Verkosto")),
                                Map.entry("language", "fi"), Map.entry("areaIds", "" + w.area.get(where))))));
        add(fi.kohtaamo.coordination.CoordinationAction.MEETING_MANAGE, "an agenda item of a meeting", true,
                (web, where) -> write(() -> meetings.agenda(meeting.get(where)).size(), () -> web.post(
                        "/admin/meetings/" + meeting.get(where) + "/agenda", Map.of("title", "Matriisin asia"))));
        add(fi.kohtaamo.coordination.CoordinationAction.MEETING_MANAGE, "a meeting of the group", true,
                (web, where) -> write(() -> meetings.meetingsOfGroup(group.get(where)).size(), () -> web.post(
                        "/admin/groups/" + group.get(where) + "/meetings", Map.of("kind", "MEETING", "title",
                                "Kokous", "date", "2027-02-09", "startTime", "13:00", "endTime", "15:00"))));
        // the secretary's housekeeping: each attempt on fresh records (an allowed one removes them)
        add(fi.kohtaamo.coordination.CoordinationAction.MEETING_MANAGE, "an agenda item moved up", true,
                (web, where) -> {
                    meetings.insertAgendaItem(meeting.get(where), "Matriisin ensimmäinen", null, null, null, null,
                            Instant.now());
                    long second = meetings.insertAgendaItem(meeting.get(where), "Matriisin toinen", null, null, null,
                            null, Instant.now());
                    return write(() -> meetings.agenda(meeting.get(where)).stream().map(i -> i.id()).toList(),
                            () -> web.post("/admin/meetings/agenda/" + second + "/move", Map.of("direction", "UP")));
                });
        add(fi.kohtaamo.coordination.CoordinationAction.MEETING_MANAGE, "an agenda item removed", true,
                (web, where) -> {
                    long item = meetings.insertAgendaItem(meeting.get(where), "Matriisin poistettava", null, null, null,
                            null, Instant.now());
                    return write(() -> meetings.agenda(meeting.get(where)).size(), () -> web.post(
                            "/admin/meetings/agenda/" + item + "/delete", Map.of("version", "0")));
                });
        add(fi.kohtaamo.coordination.CoordinationAction.MEETING_MANAGE, "a coming meeting deleted", true,
                (web, where) -> {
                    long m = meetings.insertMeeting(group.get(where), "MEETING", "Matriisin poistettava kokous",
                            Instant.parse("2027-03-02T11:00:00Z"), Instant.parse("2027-03-02T13:00:00Z"), null, null,
                            null, Instant.now());
                    return write(() -> meetings.meetingsOfGroup(group.get(where)).size(), () -> web.post(
                            "/admin/meetings/" + m + "/delete", Map.of("version", "0")));
                });
        var materialQ = w.bean(fi.kohtaamo.coordination.internal.materials.MaterialQueries.class);
        add(fi.kohtaamo.coordination.CoordinationAction.MEETING_MANAGE, "a material removed with its versions", true,
                (web, where) -> {
                    long m = materialQ.insert(group.get(where), null, "Matriisin aineisto", "https://example.fi/a",
                            Instant.now());
                    return write(() -> materialQ.material(m).isPresent(), () -> web.post(
                            "/admin/materials/" + m + "/delete", Map.of("version", "0")));
                });
        add(fi.kohtaamo.coordination.CoordinationAction.GROUP_MANAGE, "a seat's role", true, (web, where) -> {
            long seat = groups.insertSeat(group.get(where), "MEMBER", w.organisation.get(where), null, null, null, null,
                    Instant.now());
            return write(() -> groups.seat(seat).orElseThrow().role(), () -> web.post(
                    "/admin/groups/" + group.get(where) + "/seats/" + seat + "/role", Map.of("role", "CHAIR",
                            "version", "0")));
        });
        // a provider's signal about the group's area onto its meeting's agenda: the writer must also read the signal,
        // so the partner who is the secretary of its own network is refused (it does not read a provider's signal)
        var signalQ = w.bean(fi.kohtaamo.coordination.internal.signals.SignalQueries.class);
        add(fi.kohtaamo.coordination.CoordinationAction.MEETING_MANAGE, "a weak signal taken onto a meeting's agenda",
                true, (web, where) -> {
                    long id = signal(where, w.organisation.get(where));
                    return write(() -> signalQ.signal(id).orElseThrow().state() + "/" + meetings.agenda(
                            meeting.get(where)).size(), () -> web.post("/admin/meetings/" + meeting.get(where)
                                    + "/signals", Map.of("signalId", "" + id)));
                }, (role, where) -> role != Role.PARTNER && reaches(role, where));
        add(fi.kohtaamo.coordination.CoordinationAction.MEETING_MANAGE, "a weak signal's outcome from its agenda item",
                true, (web, where) -> {
                    long id = signal(where, w.organisation.get(where));
                    long item = meetings.insertAgendaItem(meeting.get(where), "Matriisin signaali", null, null, "SIGNAL",
                            id, Instant.now());
                    meetings.updateAgendaItem(item, 0, "Matriisin signaali", null, null, "Käsiteltiin", Instant.now());
                    signalQ.handle(id, 0, fi.kohtaamo.coordination.internal.signals.SignalQueries.State.ON_AGENDA, null,
                            null, w.area.get(where), w.system.id(), "Matriisi", Instant.now());
                    signalQ.setAgendaItem(id, item);
                    return write(() -> signalQ.signal(id).orElseThrow().state(), () -> web.post(
                            "/admin/meetings/agenda/" + item + "/signal", Map.of("state", "DISCUSSED", "version", "1")));
                }, (role, where) -> role != Role.PARTNER && reaches(role, where));
        // a fresh place of the network's area, self-assessed below any rule, onto the network's meeting
        var criteriaQ = w.bean(fi.kohtaamo.coordination.internal.criteria.CriteriaQueries.class);
        add(fi.kohtaamo.coordination.CoordinationAction.MEETING_MANAGE, "a place below the criteria rule onto a "
                + "network's agenda", true, (web, where) -> {
                    long county = w.county.get(where);
                    if (criteriaQ.rule(county).isEmpty()) {
                        criteriaQ.saveRule(county, 3, null, Instant.now());
                    }
                    long place = w.fx.openPlace(w.area.get(where), w.municipality.get(where), w.organisation.get(where));
                    Map<Integer, fi.kohtaamo.coordination.internal.criteria.CriteriaQueries.Score> low = new java.util.HashMap<>();
                    for (int n = 1; n <= 8; n++) {
                        low.put(n, new fi.kohtaamo.coordination.internal.criteria.CriteriaQueries.Score(1, null, null));
                    }
                    // assessor organisation 0: the place's own self-assessment
                    criteriaQ.saveAssessment(place, 2026, fi.kohtaamo.coordination.internal.criteria.CriteriaQueries.Kind
                            .SELF, 0L, w.system.id(), "Matriisi", null, low, Instant.now());
                    return write(() -> meetings.agenda(meeting.get(where)).size(), () -> web.post("/admin/meetings/"
                            + meeting.get(where) + "/criteria", Map.of("placeId", "" + place)));
                });
        add(fi.kohtaamo.coordination.CoordinationAction.COMMITMENT_MANAGE, "an organiser's commitment", true,
                (web, where) -> write(() -> row("select model_version, version from coord_commitment "
                        + "where organisation_id = :p", w.organisation.get(where)), () -> web.post(
                        "/admin/groups/commitments", Map.of("county", "" + w.county.get(where), "organisationId",
                                "" + w.organisation.get(where), "committedOn", "2026-01-15", "modelVersion",
                                "v" + next.incrementAndGet()))));
    }

    private long feedbackText(long place, boolean seen, String text) {
        return w.jdbc.sql("""
                insert into feedback (place_id, answered_on, face, best_text, seen_at)
                values (:p, date '2026-11-20', 4, :t, :seen)""").param("p", place).param("t", text)
                .param("seen", seen ? java.time.OffsetDateTime.parse("2026-11-21T10:00:00Z") : null).update();
    }

    private void feedback() {
        for (Where where : Where.values()) {
            feedbackText(w.place.get(where), true, "Matriisin palaute " + where);
        }
        add(fi.kohtaamo.participation.FeedbackAction.VIEW, "the counts of the places in scope", false,
                (web, where) -> read(web.get("/admin/participation/feedback?from=2026-11&to=2026-11"),
                        w.jdbc.sql("select name_fi from place where id = :p").param("p", w.place.get(where))
                                .query(String.class).single()));
        add(fi.kohtaamo.participation.FeedbackAction.VIEW, "a place's printable card", false,
                (web, where) -> read(web.get("/admin/participation/feedback/places/" + w.place.get(where) + "/card.pdf"),
                        null));
        add(fi.kohtaamo.participation.FeedbackAction.READ_TEXTS, "a place's free texts seen by its staff", false,
                (web, where) -> read(web.get("/admin/participation/feedback/places/" + w.place.get(where)
                        + "?from=2026-11&to=2026-11"), "Matriisin palaute " + where));
        add(fi.kohtaamo.participation.FeedbackAction.MARK_SEEN, "a place's new free texts marked seen", true,
                (web, where) -> {
                    long place = w.place.get(where);
                    feedbackText(place, false, "Uusi palaute");
                    return write(() -> count("select count(*) from feedback where place_id = :p and seen_at is null", place),
                            () -> web.post("/admin/participation/feedback/places/" + place + "/seen?from=2026-11&to=2026-11",
                                    Map.of()));
                });
    }

    // ---- participation: visitor surveys ------------------------------------------------------------

    /** A survey opening in March 2027 (so its questions may still be changed) at the place of {@code where}. */
    private long survey(Where where) {
        String title = Fixtures.unique("Matriisin kysely");
        w.jdbc.sql("""
                insert into survey (county_id, title_fi, opens_on, closes_on, created_by, updated_at)
                values (:c, :t, date '2027-03-01', date '2027-03-31', 0, :now)""").param("c", w.county.get(where))
                .param("t", title).param("now", java.sql.Timestamp.from(Instant.now())).update();
        long id = w.jdbc.sql("select id from survey where title_fi = :t").param("t", title).query(Long.class).single();
        w.jdbc.sql("insert into survey_place (survey_id, place_id) values (:s, :p)").param("s", id)
                .param("p", w.place.get(where)).update();
        return id;
    }

    private void surveys() {
        String base = "/admin/participation/surveys";
        add(fi.kohtaamo.participation.SurveyAction.BUILD, "a new survey at the place", true, (web, where) -> write(
                () -> count("select count(*) from survey_place where place_id = :p", w.place.get(where)),
                () -> web.post(base, Map.of("surveyTitleFi", "Kävijäkysely", "surveyOpensOn", "2027-03-01",
                        "surveyClosesOn", "2027-03-31", "surveyPlaceIds", "" + w.place.get(where)))));
        add(fi.kohtaamo.participation.SurveyAction.BUILD, "a question of a survey at the place", true,
                (web, where) -> {
                    long id = survey(where);
                    return write(() -> count("select count(*) from survey_question where survey_id = :p", id),
                            () -> web.post(base + "/" + id + "/questions", Map.of("questionKind", "YES_NO",
                                    "questionTextFi", "Tuletko uudelleen?")));
                });
        add(fi.kohtaamo.participation.SurveyAction.RESULTS, "the results of a survey at the place", false,
                (web, where) -> read(web.get(base + "/" + survey(where) + "/results.csv"), null));
    }
    // ---- participation: wishes, Huomaa minut! observations, accessibility feedback ------------------

    private void participation() {
        var wishes = w.bean(fi.kohtaamo.participation.internal.wishes.WishQueries.class);
        var observations = w.bean(fi.kohtaamo.participation.internal.observations.ObservationQueries.class);
        var feedback = w.bean(fi.kohtaamo.participation.internal.accessibility.AccessibilityQueries.class);
        var activities = w.bean(fi.kohtaamo.calendar.internal.ActivityService.class);
        Map<Where, Long> session = new EnumMap<>(Where.class);
        for (Where where : Where.values()) {
            // a café that met on Tuesday 24.11.2026 (the test clock's day before)
            var f = w.activityForm(w.place.get(where));
            f.seasonStart = "2026-08-01";
            session.put(where, activities.create(w.system, f));
        }
        java.util.function.Function<Where, Long> placeWish = where -> wishes.insert(w.county.get(where),
                w.area.get(where), w.place.get(where), Fixtures.unique("Matriisin toive"), Instant.now());
        add(fi.kohtaamo.participation.WishAction.MODERATE, "a wish for the place published", true, (web, where) -> {
            long id = placeWish.apply(where);
            return write(() -> wishes.wish(id).orElseThrow().status(), () -> web.post(
                    "/admin/participation/wishes/" + id + "/publish", Map.of("version", "0")));
        });
        add(fi.kohtaamo.participation.WishAction.MODERATE, "a waiting wish for the place read", false, (web, where) -> {
            String text = Fixtures.unique("Luettava toive");
            long id = wishes.insert(w.county.get(where), w.area.get(where), w.place.get(where), text, Instant.now());
            return read(web.get("/admin/participation/wishes/" + id), text);
        });
        // a wish for a whole area: its coordinators (and the county's), not a place's staff
        add(fi.kohtaamo.participation.WishAction.MODERATE, "a wish for the area declined", true, (web, where) -> {
            long id = wishes.insert(w.county.get(where), w.area.get(where), null, Fixtures.unique("Alueen toive"),
                    Instant.now());
            return write(() -> wishes.wish(id).orElseThrow().status(), () -> web.post(
                    "/admin/participation/wishes/" + id + "/decline", Map.of("version", "0", "reason", "Ei koske")));
        }, (role, where) -> role != Role.PROVIDER_STAFF && reaches(role, where));
        add(fi.kohtaamo.participation.ObservationAction.RECORD, "an observation at the place's session", true,
                (web, where) -> write(() -> count("select count(*) from observation where place_id = :p",
                        w.place.get(where)), () -> web.post("/admin/participation/observations/places/"
                                + w.place.get(where), Map.of("activity", "" + session.get(where), "sessionDate",
                                "2026-11-24", "ageBand", "AGE_3_4", "observer", "STAFF", "enjoyed", "Palikat"))));
        add(fi.kohtaamo.participation.ObservationAction.READ, "an observation of the place", false, (web, where) -> {
            String text = Fixtures.unique("Havainto");
            long id = observations.insert(w.county.get(where), w.area.get(where), w.place.get(where),
                    session.get(where), LocalDate.of(2026, 11, 24),
                    fi.kohtaamo.participation.internal.observations.ObservationQueries.AgeBand.UNDER_1,
                    fi.kohtaamo.participation.internal.observations.ObservationQueries.Observer.STAFF,
                    new fi.kohtaamo.participation.internal.observations.ObservationQueries.Texts(null, null, text, null,
                            null), w.system.id(), Instant.now());
            return read(web.get("/admin/participation/observations/" + id), text);
        });
        add(fi.kohtaamo.participation.ObservationAction.THEME_MANAGE, "an observation theme of the county", true,
                (web, where) -> write(() -> observations.themes(w.county.get(where)).size(), () -> web.post(
                        "/admin/participation/observations/themes", Map.of("county", "" + w.county.get(where), "code",
                                "t" + next.incrementAndGet(), "nameFi", "Teema", "active", "true"))));
        add(fi.kohtaamo.participation.AccessibilityFeedbackAction.ANSWER, "accessibility feedback on the county", true,
                (web, where) -> {
                    long id = feedback.insert(w.county.get(where), null, "Matriisin palaute", null, Instant.now(),
                            LocalDate.of(2026, 12, 9));
                    return write(() -> String.valueOf(feedback.feedback(id).orElseThrow().answeredAt()), () -> web.post(
                            "/admin/participation/accessibility/" + id + "/answer", Map.of("version", "0", "answer",
                                    "Kiitos")));
                });
    }

    // ---- participation: joint planning days -----------------------------------------------------

    private Map<String, String> planningForm(long place, String date, String description) {
        return new java.util.HashMap<>(Map.of("placeId", "" + place, "planningDate", date, "planningStart", "17:00",
                "planningEnd", "19:00", "descriptionFi", description));
    }

    private void planningDays() {
        var planning = w.bean(fi.kohtaamo.participation.internal.planning.PlanningService.class);
        Map<Where, Long> day = new EnumMap<>(Where.class);
        Map<Where, String> described = new EnumMap<>(Where.class);
        for (Where where : Where.values()) {
            // every area has its providers' working group, whose meeting the planning day is
            w.jdbc.sql("""
                    insert into coord_group (county_id, kind, name, language, scope_area_id, created_at, updated_at)
                    values (:c, 'WORKING_GROUP', :n, 'fi', :a, current_timestamp, current_timestamp)""")
                    .param("c", w.county.get(where)).param("n", Fixtures.unique("Matriisin työryhmä"))
                    .param("a", w.area.get(where)).update();
            described.put(where, Fixtures.unique("Matriisin suunnittelupäivä"));
            day.put(where, planning.create(w.system, planningForm(w.place.get(where), "2027-01-12", described.get(where)),
                    false));
        }
        String base = "/admin/participation/planning";
        add(fi.kohtaamo.participation.PlanningDayAction.READ, "the area's planning day read", false,
                (web, where) -> read(web.get(base + "/" + day.get(where)), described.get(where)));
        add(fi.kohtaamo.participation.PlanningDayAction.MANAGE, "a planning day arranged at the place", true,
                (web, where) -> write(() -> count("select count(*) from planning_day where area_id = :p",
                        w.area.get(where)), () -> web.post(base, planningForm(w.place.get(where), "2027-02-09",
                        "Tervetuloa suunnittelemaan"))));
        add(fi.kohtaamo.participation.PlanningDayAction.MANAGE, "a decision of the area's planning day", true,
                (web, where) -> write(() -> count("select count(*) from planning_decision where planning_day_id = :p",
                        day.get(where)), () -> web.post(base + "/" + day.get(where) + "/decisions", Map.of("decision",
                        "Kokeillaan iltaryhmää", "wishState", "CONSIDERING"))));
    }

    // ---- guidance: the directory of services ----------------------------------------------------

    /** A service of each record's county and organisation; the provider's staff member owns the one of their own. */
    private void guidance() {
        var directory = w.bean(fi.kohtaamo.guidance.internal.directory.DirectoryService.class);
        Map<Where, Long> service = new EnumMap<>(Where.class);
        Map<Where, String> serviceName = new EnumMap<>(Where.class);
        for (Where where : Where.values()) {
            String name = Fixtures.unique("Matriisin palvelu " + where);
            service.put(where, directory.create(w.system, w.county.get(where), serviceForm(where, name,
                    where == Where.OWN ? w.userIds.get(Role.PROVIDER_STAFF) : null)));
            serviceName.put(where, name);
        }
        // the staff of the county read; coordinators edit every service of the county, the owner their own
        add(fi.kohtaamo.guidance.ServiceAction.READ, "a service's page", false,
                (web, where) -> read(web.get("/admin/services/" + service.get(where)), serviceName.get(where)),
                (role, where) -> where != Where.OTHER_COUNTY || role == Role.ADMIN);
        AccessCases.Expectation coordinatorsOrOwner = (role, where) -> role == Role.ADMIN
                || (role == Role.COUNTY_COORDINATOR && where != Where.OTHER_COUNTY)
                || (role == Role.PROVIDER_STAFF && where == Where.OWN);
        add(fi.kohtaamo.guidance.ServiceAction.EDIT, "a service's name (its owner's own)", true, (web, where) -> {
            long id = service.get(where);
            return write(() -> row("select name_fi, version from guidance_service where id = :p", id),
                    () -> web.post("/admin/services/" + id, with(formFields(w.admin().get("/admin/services/" + id)
                            .html(), "main form[method=post]:has(input[name=nameFi])"), "nameFi",
                            Fixtures.unique("Matriisin palvelu " + where))));
        }, coordinatorsOrOwner);
        add(fi.kohtaamo.guidance.ServiceAction.EDIT, "a service marked checked", true, (web, where) -> {
            long id = service.get(where);
            return write(() -> row("select version from guidance_service where id = :p", id), () -> web.post(
                    "/admin/services/" + id + "/checked", Map.of("version", "" + count(
                            "select version from guidance_service where id = :p", id))));
        }, coordinatorsOrOwner);
        add(fi.kohtaamo.guidance.ServiceAction.MANAGE, "a new service of the county", true, (web, where) -> write(
                () -> count("select count(*) from guidance_service where county_id = :p", w.county.get(where)),
                () -> web.post("/admin/services", with2(adminForm("/admin/services/new?county=" + w.county.get(where)),
                        "nameFi", Fixtures.unique("Uusi palvelu"), "serviceType", "OTHER", "organisationId",
                        "" + w.organisation.get(where), "channels[0].kind", "PHONE", "channels[0].phone",
                        "09 123 4567"))));
        add(fi.kohtaamo.guidance.ServiceAction.MANAGE, "a service deleted", true, (web, where) -> {
            long id = directory.create(w.system, w.county.get(where), serviceForm(where, "Poistettava", null));
            return write(() -> count("select count(*) from guidance_service where id = :p", id),
                    () -> web.post("/admin/services/" + id + "/delete?version=0", List.of()));
        });
        add(fi.kohtaamo.guidance.ServiceAction.NEED_MANAGE, "a need of the county's catalogue", true,
                (web, where) -> write(() -> count("select count(*) from guidance_need where county_id = :p",
                        w.county.get(where)), () -> web.post("/admin/services/needs", Map.of("county",
                        "" + w.county.get(where), "code", "n" + next.incrementAndGet(), "nameFi", "Tarve"))));
    }

    private org.springframework.util.MultiValueMap<String, String> serviceForm(Where where, String name, Long owner) {
        var f = new org.springframework.util.LinkedMultiValueMap<String, String>();
        f.add("nameFi", name);
        f.add("serviceType", "OTHER");
        f.add("organisationId", "" + w.organisation.get(where));
        f.add("accessMode", "SELF_REFERRAL");
        f.add("cost", "FREE");
        f.add("serviceStatus", "ACTIVE");
        f.add("ownerUserId", owner == null ? "" : "" + owner);
        f.add("channels[0].kind", "PHONE");
        f.add("channels[0].phone", "09 123 4567");
        return f;
    }
    // ---- guidance: the PTV import and the PTV export of the places ---------------------------------

    private void guidanceExchange() {
        add(fi.kohtaamo.guidance.GuidanceExchangeAction.IMPORT_PTV, "a PTV file imported into the county", true,
                (web, where) -> {
                    long county = w.county.get(where);
                    String id = java.util.UUID.randomUUID().toString();
                    String json = "{\"services\": [{\"id\": \"" + id + "\", \"serviceNames\": [{\"language\": \"fi\", "
                            + "\"value\": \"Matriisin palvelu\", \"type\": \"Name\"}], \"serviceChannels\": "
                            + "[{\"serviceChannel\": {\"id\": \"" + id + "\"}}]}], \"serviceChannels\": [{\"id\": \"" + id
                            + "\", \"serviceChannelType\": \"WebPage\", \"webPages\": [{\"url\": \"https://example.fi/\"}]}]}";
                    return write(() -> count("select count(*) from guidance_service where county_id = :p", county),
                            () -> {
                                web.get("/admin/services/import?county=" + county);
                                WebClient.Response preview = web.postMultipart("/admin/services/import/preview",
                                        List.of(Map.entry("county", "" + county),
                                                Map.entry("ptvOrganisation", "" + w.organisation.get(where)),
                                                Map.entry("ptvServiceType", "OTHER")),
                                        List.of(new WebClient.FilePart("ptvFile", "ptv.json", "application/json",
                                                json.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
                                if (preview.status() != 200) {
                                    return preview;
                                }
                                return web.post("/admin/services/import/confirm", Map.of("token",
                                        preview.html().select("input[name=token]").attr("value")));
                            });
                });
        add(fi.kohtaamo.guidance.GuidanceExchangeAction.EXPORT_PLACES_PTV, "the county's places as PTV locations", false,
                (web, where) -> read(web.get("/admin/services/ptv-places.json?county=" + w.county.get(where)),
                        "serviceChannels"));
    }

    // ---- mapping: rounds, questionnaires, summaries -------------------------------------------------

    private void mapping() {
        var mapping = w.bean(fi.kohtaamo.mapping.internal.MappingService.class);
        Map<Where, Long> countyRound = new EnumMap<>(Where.class);
        Map<Where, Long> orgRound = new EnumMap<>(Where.class);
        Map<Where, String> title = new EnumMap<>(Where.class);
        for (Where where : Where.values()) {
            title.put(where, Fixtures.unique("Matriisin kartoitus " + where));
            countyRound.put(where, mapping.openRound(w.system, "COUNTY", "" + w.county.get(where), null, title.get(where),
                    "2026-12-20"));
            orgRound.put(where, mapping.openRound(w.system, "ORGANISATION", null, "" + w.organisation.get(where),
                    title.get(where) + " järjestö", "2026-12-20"));
        }
        AccessCases.Expectation county = (role, where) -> role == Role.ADMIN
                || (role == Role.COUNTY_COORDINATOR && where != Where.OTHER_COUNTY);
        AccessCases.Expectation ownOrganisation = (role, where) -> role == Role.ADMIN
                || ((role == Role.PROVIDER_STAFF || role == Role.NATIONAL_REPORTER) && where == Where.OWN);
        add(fi.kohtaamo.mapping.MappingAction.ROUND_READ, "a county's round's summary", false,
                (web, where) -> read(web.get("/admin/mapping/rounds/" + countyRound.get(where) + "/summary"),
                        title.get(where)), county);
        add(fi.kohtaamo.mapping.MappingAction.ROUND_READ, "an organisation's round's summary", false,
                (web, where) -> read(web.get("/admin/mapping/rounds/" + orgRound.get(where) + "/summary"),
                        title.get(where)), ownOrganisation);
        add(fi.kohtaamo.mapping.MappingAction.ROUND_MANAGE, "a county's round opened", true, (web, where) -> write(
                () -> count("select count(*) from mapping_round where county_id = :p", w.county.get(where)),
                () -> {
                    web.get("/admin");
                    return web.post("/admin/mapping/rounds", Map.of("scope", "COUNTY", "countyId",
                            "" + w.county.get(where), "title", Fixtures.unique("Kierros"), "deadline", "2026-12-20"));
                }), county);
        add(fi.kohtaamo.mapping.MappingAction.ROUND_MANAGE, "an organisation's round opened", true, (web, where) -> write(
                () -> count("select count(*) from mapping_round where organisation_id = :p", w.organisation.get(where)),
                () -> web.post("/admin/mapping/rounds", Map.of("scope", "ORGANISATION", "organisationId",
                        "" + w.organisation.get(where), "title", Fixtures.unique("Kierros"), "deadline", "2026-12-20"))),
                (role, where) -> role == Role.ADMIN || (role == Role.PROVIDER_STAFF && where == Where.OWN));
        add(fi.kohtaamo.mapping.MappingAction.ROUND_MANAGE, "a county's round closed", true, (web, where) -> {
            long id = mapping.openRound(w.system, "COUNTY", "" + w.county.get(where), null, "Suljettava", "2026-12-20");
            return write(() -> row("select closed, version from mapping_round where id = :p", id),
                    () -> web.post("/admin/mapping/rounds/" + id + "/close", Map.of("version", "0")));
        }, county);
        add(fi.kohtaamo.mapping.MappingAction.ANSWER, "a place's questionnaire answered", true, (web, where) -> {
            long id = count("select id from mapping_answer where round_id = :p and place_id = " + w.place.get(where),
                    countyRound.get(where));
            return write(() -> row("select answered, version from mapping_answer where id = :p", id),
                    () -> web.post("/admin/mapping/answers/" + id, with2(adminForm("/admin/mapping/answers/" + id),
                            "nameType", "FAMILY_HOUSE", "monthlyVisits", "120", "openingDays", "3")));
        });
    }

    // ---- planning: overlaps, gaps, coverage, sketches (issue 16) ---------------------------------------

    private void planning() {
        // the target is the county and, given an area, that area: an area coordinator reaches their own area only
        add(fi.kohtaamo.planning.PlanningAction.VIEW, "the overlaps of an area", false, (web, where) -> read(
                web.get("/admin/planning?county=" + w.county.get(where) + "&area=" + w.area.get(where)),
                "planning-tabs"));
        add(fi.kohtaamo.planning.PlanningAction.IGNORE_OVERLAP, "two activities of a place kept on purpose", true,
                (web, where) -> {
                    long a = w.activity.get(where);
                    long b = w.activity(w.place.get(where));
                    return write(() -> count("select count(*) from planning_ignored_overlap where activity_a = :p", a),
                            () -> web.post("/admin/planning/overlaps/keep", Map.of("activityA", "" + a,
                                    "activityB", "" + b, "reason", "Matriisin syy")));
                });
        add(fi.kohtaamo.planning.PlanningAction.IMPORT_POPULATION, "child population figures of the county", true,
                (web, where) -> {
                    long county = w.county.get(where);
                    String csv = "municipality;age_band;year;children\n" + w.municipality.get(where) + ";0;"
                            + (2000 + next.incrementAndGet() % 80) + ";50\n";
                    return write(() -> count("select count(*) from planning_child_population where county_id = :p",
                            county), () -> {
                                WebClient.Response preview = web.postMultipart("/admin/planning/population/preview",
                                        List.of(Map.entry("county", "" + county)), List.of(new WebClient.FilePart("file",
                                                "lapset.csv", "text/csv",
                                                csv.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
                                if (preview.status() != 200) {
                                    return preview;
                                }
                                return web.post("/admin/planning/population/confirm", Map.of("token",
                                        preview.html().select("input[name=token]").attr("value")));
                            });
                });
        add(fi.kohtaamo.planning.PlanningAction.SKETCH, "an activity of an area removed in one's sketch", true,
                (web, where) -> write(() -> count("select count(*) from planning_sketch_change where activity_id = :p",
                        w.activity.get(where)), () -> web.post("/admin/planning/sketch/changes", Map.of("county",
                        "" + w.county.get(where), "area", "" + w.area.get(where), "change", "REMOVE", "activity",
                        "" + w.activity.get(where)))));
    }
}
