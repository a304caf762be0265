package fi.kohtaamo.coordination.internal;

import fi.kohtaamo.coordination.internal.GroupQueries.Group;
import fi.kohtaamo.coordination.internal.MeetingQueries.Meeting;
import fi.kohtaamo.coordination.internal.MeetingQueries.Participant;
import fi.kohtaamo.identity.StaffDirectory;
import fi.kohtaamo.shared.Lang;
import fi.kohtaamo.shared.Mail;
import fi.kohtaamo.shared.PublicUrls;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Mail about a meeting to its participants, each in their language: the invitation with an iCalendar request
 * (METHOD:REQUEST; UID the meeting's, SEQUENCE raised by every change sent again), the cancellation
 * (METHOD:CANCEL with the next SEQUENCE), and the approved minutes. Each invitation carries the participant's own
 * answer link (an unguessable token), so answering needs no sign-in.
 */
@Component
class MeetingMails {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d.M.yyyy");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("H.mm");

    private final Mail mail;
    private final StaffDirectory staff;
    private final MessageSource messages;
    private final PublicUrls urls;
    private final Clock clock;
    private final String uidDomain;

    MeetingMails(Mail mail, StaffDirectory staff, MessageSource messages, PublicUrls urls, Clock clock,
            @Value("${kohtaamo.feed.uid-domain:kohtaamo.fi}") String uidDomain) {
        this.mail = mail;
        this.staff = staff;
        this.messages = messages;
        this.urls = urls;
        this.clock = clock;
        this.uidDomain = uidDomain;
    }

    private String t(Lang lang, String key, Object... args) {
        return messages.getMessage(key, args, key, lang.locale());
    }

    private Lang langOf(Participant p) {
        return p.userId() == null ? Lang.FI : staff.person(p.userId()).map(StaffDirectory.Person::language).orElse(Lang.FI);
    }

    String when(Meeting m) {
        var s = m.startsAt().atZone(MeetingService.HELSINKI);
        var e = m.endsAt().atZone(MeetingService.HELSINKI);
        return DAY.format(s) + " " + TIME.format(s) + "–" + (s.toLocalDate().equals(e.toLocalDate()) ? "" : DAY.format(e)
                + " ") + TIME.format(e);
    }

    /** Invitations (or, when {@code cancelled}, cancellations) to every participant with an address. */
    void invite(Group g, Meeting m, List<Participant> participants, List<String> agendaTitles, boolean cancelled) {
        for (Participant p : participants) {
            if (p.email() == null) {
                continue;
            }
            Lang lang = langOf(p);
            String event = cancelled ? "cancelled" : m.icsSequence() > 0 ? "changed" : "invitation";
            List<String> lines = new ArrayList<>();
            lines.add(t(lang, "coordination.mail." + event + ".lead", g.name()));
            lines.add("");
            lines.add(t(lang, "coordination.meeting.when") + ": " + when(m));
            if (m.location() != null) {
                lines.add(t(lang, "coordination.field.location") + ": " + m.location());
            }
            if (m.onlineUrl() != null) {
                lines.add(t(lang, "coordination.field.onlineUrl") + ": " + m.onlineUrl());
            }
            if (!cancelled && !agendaTitles.isEmpty()) {
                lines.add("");
                lines.add(t(lang, "coordination.agenda.title") + ":");
                for (int i = 0; i < agendaTitles.size(); i++) {
                    lines.add((i + 1) + ". " + agendaTitles.get(i));
                }
            }
            lines.add("");
            if (!cancelled) {
                lines.add(t(lang, "coordination.mail.answer") + ": " + urls.of("/meetings/answer/" + p.token()));
            }
            lines.add(t(lang, "coordination.mail.link") + ": " + urls.of("/admin/meetings/" + m.id()));
            String body = String.join("\n", lines);
            String method = cancelled ? "CANCEL" : "REQUEST";
            String ics = invitation(m, g.name() + ": " + m.title(), body, p, method);
            mail.queue(new Mail.Message(p.email(), p.userId(), t(lang, "coordination.mail." + event + ".subject",
                    m.title(), DAY.format(m.startsAt().atZone(MeetingService.HELSINKI))), body, ics, method, g.countyId()));
        }
    }

    /** The approved minutes: a message to every participant and member with the link to the minutes and the PDF. */
    void minutesApproved(Group g, Meeting m, List<StaffDirectory.Person> people) {
        for (StaffDirectory.Person p : people) {
            Lang lang = p.language();
            String body = t(lang, "coordination.mail.minutes.lead", g.name(), m.title(), when(m)) + "\n\n"
                    + t(lang, "coordination.mail.link") + ": " + urls.of("/admin/meetings/" + m.id()) + "\n"
                    + t(lang, "coordination.minutes.pdf") + ": " + urls.of("/admin/meetings/" + m.id() + "/minutes.pdf");
            mail.queue(new Mail.Message(p.email(), p.id(), t(lang, "coordination.mail.minutes.subject", m.title()), body,
                    null, null, g.countyId()));
        }
    }

    /** The invitation as iCalendar: one VEVENT with the meeting's UID and SEQUENCE, in UTC. */
    String invitation(Meeting m, String summary, String description, Participant p, String method) {
        return new fi.kohtaamo.shared.IcsInvitation("-//Kohtaamo//Coordination//EN", "meeting-" + m.id() + "@" + uidDomain,
                m.startsAt(), m.endsAt(), m.icsSequence(), summary, m.location() != null ? m.location() : m.onlineUrl(),
                description, "CANCEL".equals(method) ? "CANCELLED" : "CONFIRMED", "noreply@" + uidDomain, p.name(),
                p.email()).write(method, clock.instant());
    }
}
