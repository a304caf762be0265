package fi.kohtaamo.shared;

import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends the outbox ({@link Mail}) over SMTP every 20 seconds when SMTP is configured and demo mode is
 * off. Each message is claimed with a conditional update first, so that instances never send one
 * twice; a failed message is retried up to {@link #MAX_ATTEMPTS} times.
 */
@Component
class MailSender {

    static final int MAX_ATTEMPTS = 5;
    private static final Logger log = LoggerFactory.getLogger(MailSender.class);

    private final Mail mail;
    private final MailSettings settings;
    private final Clock clock;
    private final JavaMailSenderImpl smtp;

    private final boolean jobs;

    MailSender(Mail mail, MailSettings settings, Clock clock,
            @org.springframework.beans.factory.annotation.Value("${kohtaamo.jobs.enabled:true}") boolean jobs) {
        this.jobs = jobs;
        this.mail = mail;
        this.settings = settings;
        this.clock = clock;
        this.smtp = new JavaMailSenderImpl();
        if (settings.configured()) {
            smtp.setHost(settings.smtpHost());
            smtp.setPort(settings.smtpPort());
            smtp.setUsername(settings.smtpUser());
            smtp.setPassword(settings.smtpPassword());
            smtp.setDefaultEncoding("UTF-8");
            Properties p = smtp.getJavaMailProperties();
            p.put("mail.smtp.auth", String.valueOf(settings.smtpUser() != null));
            p.put("mail.smtp.starttls.enable", String.valueOf(settings.starttls()));
            p.put("mail.smtp.connectiontimeout", "10000");
            p.put("mail.smtp.timeout", "10000");
            p.put("mail.smtp.writetimeout", "10000");
        }
    }

    @Scheduled(fixedDelay = 20_000, initialDelay = 20_000)
    void scheduled() {
        if (jobs) {
            sendPending();
        }
    }

    void sendPending() {
        if (!mail.sending()) {
            return;
        }
        for (Mail.Stored m : mail.pending(50)) {
            if (!mail.claim(m.id())) {
                continue;
            }
            try {
                smtp.send(mime(m));
                mail.sent(m.id(), clock.instant());
            } catch (Exception e) {
                log.warn("Sending mail {} failed: {}", m.id(), e.toString());
                mail.failed(m.id(), MAX_ATTEMPTS);
            }
        }
    }

    private MimeMessage mime(Mail.Stored m) throws jakarta.mail.MessagingException {
        MimeMessage message = smtp.createMimeMessage();
        boolean multipart = m.ics() != null;
        MimeMessageHelper h = new MimeMessageHelper(message, multipart, "UTF-8");
        h.setFrom(settings.from());
        h.setTo(m.to());
        h.setSubject(m.subject());
        h.setText(m.body(), false);
        if (multipart) {
            String type = "text/calendar; charset=UTF-8; method=" + (m.icsMethod() == null ? "PUBLISH" : m.icsMethod());
            h.addAttachment("invite.ics", new jakarta.mail.util.ByteArrayDataSource(
                    m.ics().getBytes(StandardCharsets.UTF_8), type));
        }
        return message;
    }
}
