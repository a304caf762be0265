package fi.kohtaamo.outreach.internal;

import java.time.Clock;
import java.time.LocalDate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The day before a confirmed visit, both sides get a reminder. Runs every 30 minutes; each visit is
 * claimed with a conditional update (reminder_sent_at), so instances never remind twice.
 */
@Component
public class VisitReminders {

    private final OutreachQueries queries;
    private final VisitMails mails;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final boolean jobs;

    VisitReminders(OutreachQueries queries, VisitMails mails, Clock clock, TransactionTemplate tx,
            @Value("${kohtaamo.jobs.enabled:true}") boolean jobs) {
        this.queries = queries;
        this.mails = mails;
        this.clock = clock;
        this.tx = tx;
        this.jobs = jobs;
    }

    @Scheduled(fixedDelay = 30 * 60_000, initialDelay = 60_000)
    void scheduled() {
        if (jobs) {
            run();
        }
    }

    /** Reminds of the confirmed visits of tomorrow (Helsinki time); returns how many were reminded. */
    public int run() {
        LocalDate tomorrow = LocalDate.now(clock.withZone(OutreachService.HELSINKI)).plusDays(1);
        int n = 0;
        for (OutreachQueries.Visit v : queries.dueReminders(tomorrow.atStartOfDay(OutreachService.HELSINKI).toInstant(),
                tomorrow.plusDays(1).atStartOfDay(OutreachService.HELSINKI).toInstant())) {
            Boolean done = tx.execute(s -> {
                if (!queries.claimReminder(v.id(), clock.instant())) {
                    return false;
                }
                mails.tell(VisitMails.Event.REMINDER, v);
                return true;
            });
            if (Boolean.TRUE.equals(done)) {
                n++;
            }
        }
        return n;
    }
}
