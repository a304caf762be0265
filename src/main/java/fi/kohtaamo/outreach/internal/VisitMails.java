package fi.kohtaamo.outreach.internal;

import fi.kohtaamo.calendar.ActivityCalendar;
import fi.kohtaamo.identity.StaffDirectory;
import fi.kohtaamo.outreach.internal.OutreachQueries.Catalogue;
import fi.kohtaamo.outreach.internal.OutreachQueries.Visit;
import fi.kohtaamo.registry.PlaceCriteria;
import fi.kohtaamo.registry.PlaceInfo;
import fi.kohtaamo.registry.Registry;
import fi.kohtaamo.shared.Lang;
import fi.kohtaamo.shared.LocalizedText;
import fi.kohtaamo.shared.Mail;
import fi.kohtaamo.shared.PublicUrls;
import fi.kohtaamo.shared.Role;
import fi.kohtaamo.shared.Target;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Mail about a visit to both sides, in each recipient's language, with an iCalendar invitation
 * (METHOD:REQUEST, or CANCEL when it is off) whose UID stays the visit's and whose SEQUENCE is its
 * version, so calendar programs update the one event. Host side: the staff accounts of the place's
 * organisers; partner side: the professional (their account, or the address given when booking) and
 * the one who booked.
 */
@Component
class VisitMails {

    enum Event {
        REQUESTED, CONFIRMED, CHANGED, DECLINED, CANCELLED_BY_PLACE, CANCELLED_BY_PARTNER, REMINDER
    }

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d.M.yyyy");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("H.mm");

    private final Mail mail;
    private final StaffDirectory staff;
    private final Registry registry;
    private final ActivityCalendar calendar;
    private final OutreachQueries queries;
    private final MessageSource messages;
    private final PublicUrls urls;
    private final Clock clock;
    private final String uidDomain;

    VisitMails(Mail mail, StaffDirectory staff, Registry registry, ActivityCalendar calendar, OutreachQueries queries,
            MessageSource messages, PublicUrls urls, Clock clock,
            @Value("${kohtaamo.feed.uid-domain:kohtaamo.fi}") String uidDomain) {
        this.mail = mail;
        this.staff = staff;
        this.registry = registry;
        this.calendar = calendar;
        this.queries = queries;
        this.messages = messages;
        this.urls = urls;
        this.clock = clock;
        this.uidDomain = uidDomain;
    }

    record Recipient(String email, Long userId, Lang lang, boolean host) {
    }

    /** Queues the mail of an event to everybody concerned (in the caller's transaction). */
    void tell(Event event, Visit v) {
        Target place = registry.placeTarget(v.placeId()).orElse(null);
        Map<String, Recipient> to = new LinkedHashMap<>();
        if (place != null) {
            for (StaffDirectory.Person p : staff.withRoleIn(Role.PROVIDER_STAFF, place.organisationIds())) {
                to.putIfAbsent(p.email(), new Recipient(p.email(), p.id(), p.language(), true));
            }
        }
        if (v.professionalUserId() != null) {
            staff.person(v.professionalUserId()).ifPresent(p -> to.putIfAbsent(p.email(),
                    new Recipient(p.email(), p.id(), p.language(), false)));
        }
        if (v.professionalEmail() != null) {
            to.putIfAbsent(v.professionalEmail(), new Recipient(v.professionalEmail(), null, Lang.FI, false));
        }
        if (v.bookedBy() != null) {
            staff.person(v.bookedBy()).ifPresent(p -> to.putIfAbsent(p.email(),
                    new Recipient(p.email(), p.id(), p.language(), false)));
        }
        for (Recipient r : to.values()) {
            mail.queue(message(event, v, r, place == null ? null : place.countyId()));
        }
    }

    private String t(Lang lang, String key, Object... args) {
        return messages.getMessage(key, args, key, lang.locale());
    }

    private Mail.Message message(Event event, Visit v, Recipient r, Long countyId) {
        Lang lang = r.lang();
        String placeName = registry.place(v.placeId()).map(p -> p.name().get(lang)).orElse("");
        PlaceInfo info = registry.publicPlaces(new PlaceCriteria(null, null, v.placeId(), null, null)).get(v.placeId());
        String address = info == null ? "" : info.addressLine();
        String activity = calendar.activity(v.activityId()).map(a -> a.name().get(lang)).orElse("");
        var start = v.startsAt().atZone(OutreachService.HELSINKI);
        var end = v.endsAt().atZone(OutreachService.HELSINKI);
        String when = DAY.format(start) + " " + TIME.format(start) + "–" + TIME.format(end);
        String profession = name(Catalogue.PROFESSION, v.professionId(), lang);
        String topic = v.topicId() == null ? t(lang, "outreach.format.PRESENCE") : name(Catalogue.TOPIC, v.topicId(), lang);
        String partner = registry.organisation(v.partnerOrgId()).map(o -> o.name().get(lang)).orElse("");
        String subject = t(lang, "outreach.mail.subject." + event, placeName, DAY.format(start));
        List<String> lines = new ArrayList<>();
        lines.add(t(lang, "outreach.mail.lead." + event + (r.host() ? ".host" : ".partner")));
        lines.add("");
        lines.add(t(lang, "outreach.mail.place") + ": " + placeName + (address.isEmpty() ? "" : ", " + address));
        lines.add(t(lang, "outreach.mail.activity") + ": " + activity);
        lines.add(t(lang, "outreach.mail.when") + ": " + when);
        lines.add(t(lang, "outreach.mail.visitor") + ": " + v.professionalName() + " (" + profession + "), " + partner);
        lines.add(t(lang, "outreach.mail.topic") + ": " + topic);
        if (v.cancelReason() != null && (event == Event.DECLINED || event == Event.CANCELLED_BY_PARTNER
                || event == Event.CANCELLED_BY_PLACE)) {
            lines.add(t(lang, "outreach.mail.reason") + ": " + v.cancelReason());
        }
        String path = "/admin/outreach/visits/" + v.id();
        lines.add("");
        lines.add(t(lang, "outreach.mail.link") + ": " + urls.of(path));
        boolean off = event == Event.DECLINED || event == Event.CANCELLED_BY_PARTNER || event == Event.CANCELLED_BY_PLACE;
        String ics = invitation(v, off, t(lang, "outreach.mail.icsSummary", profession, placeName), address,
                String.join("\n", lines), r, off ? "CANCEL" : "REQUEST");
        return new Mail.Message(r.email(), r.userId(), subject, String.join("\n", lines), ics, off ? "CANCEL" : "REQUEST",
                countyId);
    }

    private String name(Catalogue c, long id, Lang lang) {
        return queries.item(c, id).map(i -> i.name().get(lang)).orElse("");
    }

    /** The invitation: one VEVENT with the visit's UID, in UTC. */
    String invitation(Visit v, boolean off, String summary, String location, String description, Recipient r,
            String method) {
        String status = off ? "CANCELLED" : "CONFIRMED".equals(v.status()) ? "CONFIRMED" : "TENTATIVE";
        return new fi.kohtaamo.shared.IcsInvitation("-//Kohtaamo//Outreach//EN", "visit-" + v.id() + "@" + uidDomain,
                v.startsAt(), v.endsAt(), v.version(), summary, location, description, status, "noreply@" + uidDomain,
                v.professionalName(), r.email()).write(method, clock.instant());
    }

    /**
     * The public note of a confirmed visit: "Neuvolan terveydenhoitaja paikalla: unipulmat".
     *
     * @param names catalogue names already looked up (by catalogue and id), filled as needed
     */
    LocalizedText note(Visit v, Map<String, LocalizedText> names) {
        LocalizedText profession = names.computeIfAbsent("P" + v.professionId(),
                k -> queries.item(Catalogue.PROFESSION, v.professionId()).map(fi.kohtaamo.shared.CountyCatalogue.Item::name)
                        .orElse(LocalizedText.EMPTY));
        LocalizedText topic = v.topicId() == null ? null : names.computeIfAbsent("T" + v.topicId(),
                k -> queries.item(Catalogue.TOPIC, v.topicId()).map(fi.kohtaamo.shared.CountyCatalogue.Item::name).orElse(LocalizedText.EMPTY));
        String[] texts = new String[3];
        int i = 0;
        for (Lang lang : Lang.values()) {
            texts[i++] = topic == null ? t(lang, "outreach.note.presence", profession.get(lang))
                    : t(lang, "outreach.note.withTopic", profession.get(lang), topic.get(lang));
        }
        return LocalizedText.of(texts[0], texts[1], texts[2]);
    }
}
