package fi.kohtaamo.coordination.internal;

import fi.kohtaamo.coordination.internal.GroupQueries.Group;
import fi.kohtaamo.coordination.internal.GroupQueries.Seat;
import fi.kohtaamo.identity.StaffDirectory;
import fi.kohtaamo.registry.Registry;
import fi.kohtaamo.shared.Lang;
import fi.kohtaamo.shared.Mail;
import fi.kohtaamo.shared.PublicUrls;
import fi.kohtaamo.shared.Role;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Mail about a seat that became vacant: to the seat organisation's staff and partners, and the county's coordinators. */
@Component
class SeatMails {

    private final Mail mail;
    private final StaffDirectory staff;
    private final Registry registry;
    private final MessageSource messages;
    private final PublicUrls urls;

    SeatMails(Mail mail, StaffDirectory staff, Registry registry, MessageSource messages, PublicUrls urls) {
        this.mail = mail;
        this.staff = staff;
        this.registry = registry;
        this.messages = messages;
        this.urls = urls;
    }

    void vacated(Group g, Seat seat) {
        Map<String, StaffDirectory.Person> to = new LinkedHashMap<>();
        if (seat.organisationId() != null) {
            for (Role r : List.of(Role.PROVIDER_STAFF, Role.PARTNER)) {
                staff.withRoleIn(r, List.of(seat.organisationId())).forEach(p -> to.putIfAbsent(p.email(), p));
            }
        }
        staff.coordinatorsOf(g.countyId()).forEach(p -> to.putIfAbsent(p.email(), p));
        for (StaffDirectory.Person p : to.values()) {
            Lang lang = p.language();
            String org = seat.organisationId() == null ? "" : registry.organisation(seat.organisationId())
                    .map(o -> o.name().get(lang)).orElse("");
            String role = messages.getMessage("coordination.seatRole." + seat.role(), null, lang.locale());
            String body = messages.getMessage("coordination.mail.vacant.body", new Object[] {g.name(), role, org,
                    seat.vacatedName() == null ? "" : seat.vacatedName()}, lang.locale())
                    + "\n\n" + urls.of("/admin/groups/" + g.id());
            mail.queue(new Mail.Message(p.email(), p.id(), messages.getMessage("coordination.mail.vacant.subject",
                    new Object[] {g.name()}, lang.locale()), body, null, null, g.countyId()));
        }
    }
}
