package fi.kohtaamo.mapping.internal;

import fi.kohtaamo.identity.StaffDirectory;
import fi.kohtaamo.mapping.internal.MappingModel.Answer;
import fi.kohtaamo.mapping.internal.MappingModel.Round;
import fi.kohtaamo.shared.Mail;
import fi.kohtaamo.shared.PublicUrls;
import fi.kohtaamo.shared.Role;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reminds the staff of places that have not answered: a week and a day before a round's deadline, a mail per person
 * listing their places' open questionnaires, in their language. Runs every hour (unless {@code kohtaamo.jobs.enabled}
 * is off); each reminder of a round is claimed by inserting its row ({@code mapping_reminder}), in the transaction
 * that queues the mails, so several instances never send it twice. A reminder whose day has passed unsent (the
 * service was down) is sent while the deadline has not.
 */
@Component
public class MappingReminders {

    static final List<Integer> DAYS_BEFORE = List.of(7, 1);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d.M.yyyy");

    private final MappingQueries queries;
    private final StaffDirectory staff;
    private final Mail mail;
    private final MessageSource messages;
    private final PublicUrls urls;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final boolean jobs;

    MappingReminders(MappingQueries queries, StaffDirectory staff, Mail mail, MessageSource messages, PublicUrls urls,
            Clock clock, TransactionTemplate tx, @Value("${kohtaamo.jobs.enabled:true}") boolean jobs) {
        this.queries = queries;
        this.staff = staff;
        this.mail = mail;
        this.messages = messages;
        this.urls = urls;
        this.clock = clock;
        this.tx = tx;
        this.jobs = jobs;
    }

    @Scheduled(fixedDelay = 60 * 60_000, initialDelay = 7 * 60_000)
    void scheduled() {
        if (jobs) {
            run();
        }
    }

    /** Sends the reminders that are due; returns how many mails were queued. */
    public int run() {
        LocalDate today = LocalDate.now(clock.withZone(MappingService.HELSINKI));
        int n = 0;
        for (Round r : queries.openRoundsDue(today, today.plusDays(DAYS_BEFORE.get(0)))) {
            long left = ChronoUnit.DAYS.between(today, r.deadline());
            // the nearest reminder due: the day-before one once within a day, else the week-before one
            Integer due = DAYS_BEFORE.stream().filter(d -> left <= d).reduce((a, b) -> b).orElse(null);
            if (due == null) {
                continue;
            }
            Integer sent;
            try {
                sent = tx.execute(s -> {
                    if (!queries.claimReminder(r.id(), due, clock.instant())) {
                        return 0;
                    }
                    return remind(r);
                });
            } catch (org.springframework.dao.DataIntegrityViolationException raced) {
                sent = 0; // another instance claimed it at the same moment and sends it
            }
            n += sent == null ? 0 : sent;
        }
        return n;
    }

    private int remind(Round r) {
        Map<Long, StaffDirectory.Person> people = new LinkedHashMap<>();
        Map<Long, List<Answer>> byPerson = new LinkedHashMap<>();
        for (Answer a : queries.answers(r.id())) {
            if (a.answered()) {
                continue;
            }
            for (var p : staff.withRoleIn(Role.PROVIDER_STAFF, a.organiserIds())) {
                people.put(p.id(), p);
                byPerson.computeIfAbsent(p.id(), k -> new ArrayList<>()).add(a);
            }
        }
        for (var e : byPerson.entrySet()) {
            var p = people.get(e.getKey());
            var locale = p.language().locale();
            List<String> lines = new ArrayList<>();
            lines.add(messages.getMessage("mapping.reminder.intro", new Object[] {p.name(), r.title(), DATE.format(r.deadline())}, locale));
            lines.add("");
            for (Answer a : e.getValue()) {
                lines.add(messages.getMessage("mapping.reminder.line", new Object[] {a.placeName(),
                    urls.of(MappingPageController.BASE + "/answers/" + a.id())}, locale));
            }
            lines.add("");
            lines.add(messages.getMessage("mapping.reminder.outro", null, locale));
            mail.queue(new Mail.Message(p.email(), p.id(), messages.getMessage("mapping.reminder.subject", null, locale),
                    String.join("\n", lines), null, null, e.getValue().get(0).countyId()));
        }
        return byPerson.size();
    }
}
