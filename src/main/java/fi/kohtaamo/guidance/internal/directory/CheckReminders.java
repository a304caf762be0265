package fi.kohtaamo.guidance.internal.directory;

import fi.kohtaamo.identity.StaffDirectory;
import fi.kohtaamo.shared.Mail;
import fi.kohtaamo.shared.PublicUrls;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
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
 * Owners are reminded to check their services: when a service (not defunct) has not been checked (nor entered) for
 * six months its owner gets a mail listing all their services due, with links to them, in the owner's language; again
 * a month later while any is still unchecked ({@code last_reminded_on}). Marking a service checked clears its
 * reminder. Runs every six hours (unless {@code KOHTAAMO_JOBS} turns jobs off); each owner's services are claimed with
 * a conditional update, so instances never remind twice.
 */
@Component
public class CheckReminders {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d.M.yyyy");

    private final ServiceEditQueries queries;
    private final StaffDirectory staff;
    private final Mail mail;
    private final MessageSource messages;
    private final PublicUrls urls;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final boolean jobs;

    CheckReminders(ServiceEditQueries queries, StaffDirectory staff, Mail mail, MessageSource messages, PublicUrls urls,
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

    @Scheduled(fixedDelay = 6 * 60 * 60_000, initialDelay = 5 * 60_000)
    void scheduled() {
        if (jobs) {
            run();
        }
    }

    /** Reminds the owners who are due; returns how many were mailed. */
    public int run() {
        LocalDate today = LocalDate.now(clock.withZone(DirectoryService.HELSINKI));
        LocalDate monthAgo = today.minusMonths(1);
        Map<Long, List<ServiceEditQueries.Unchecked>> byOwner = new LinkedHashMap<>();
        for (var u : queries.uncheckedWithOwner(today.minusMonths(6))) {
            byOwner.computeIfAbsent(u.ownerUserId(), k -> new ArrayList<>()).add(u);
        }
        int n = 0;
        for (var entry : byOwner.entrySet()) {
            List<ServiceEditQueries.Unchecked> list = entry.getValue();
            boolean due = list.stream().anyMatch(u -> u.lastRemindedOn() == null || !u.lastRemindedOn().isAfter(monthAgo));
            var person = staff.person(entry.getKey());
            if (!due || person.isEmpty()) {
                continue;
            }
            Boolean sent = tx.execute(s -> {
                if (!queries.claimReminder(list.stream().map(ServiceEditQueries.Unchecked::id).toList(), today, monthAgo)) {
                    return false;
                }
                mail.queue(message(person.get(), list));
                return true;
            });
            if (Boolean.TRUE.equals(sent)) {
                n++;
            }
        }
        return n;
    }

    private Mail.Message message(StaffDirectory.Person p, List<ServiceEditQueries.Unchecked> list) {
        var locale = p.language().locale();
        List<String> lines = new ArrayList<>();
        lines.add(messages.getMessage("guidance.reminder.intro", new Object[] {p.name()}, locale));
        lines.add("");
        for (var u : list) {
            lines.add(messages.getMessage("guidance.reminder.line", new Object[] {u.name().get(p.language()),
                DATE.format(u.checkedOrCreated()), urls.of(ServiceAdminController.BASE + "/" + u.id())}, locale));
        }
        lines.add("");
        lines.add(messages.getMessage("guidance.reminder.outro", null, locale));
        return new Mail.Message(p.email(), p.id(), messages.getMessage("guidance.reminder.subject", null, locale),
                String.join("\n", lines), null, null, list.get(0).countyId());
    }
}
