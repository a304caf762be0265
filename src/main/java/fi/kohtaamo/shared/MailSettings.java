package fi.kohtaamo.shared;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * SMTP for outgoing mail, from {@code KOHTAAMO_SMTP_HOST}, {@code KOHTAAMO_SMTP_PORT} (587),
 * {@code KOHTAAMO_SMTP_USER}, {@code KOHTAAMO_SMTP_PASSWORD}, {@code KOHTAAMO_SMTP_STARTTLS} (true) and
 * {@code KOHTAAMO_MAIL_FROM}. Without a host nothing is sent: messages are kept for reading in Kohtaamo.
 */
@ConfigurationProperties("kohtaamo.mail")
public record MailSettings(String smtpHost, Integer smtpPort, String smtpUser, String smtpPassword, Boolean starttls,
        String from) {

    public MailSettings {
        smtpHost = smtpHost == null || smtpHost.isBlank() ? null : smtpHost.strip();
        smtpPort = smtpPort == null ? 587 : smtpPort;
        smtpUser = smtpUser == null || smtpUser.isBlank() ? null : smtpUser;
        starttls = starttls == null || starttls;
        from = from == null || from.isBlank() ? "kohtaamo@localhost" : from.strip();
    }

    public boolean configured() {
        return smtpHost != null;
    }
}
