package fi.kohtaamo.shared;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import fi.kohtaamo.support.IntegrationTest;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The outbox sent over real SMTP (GreenMail on a free port): a queued message with an invitation
 * arrives with its text and a text/calendar part, is marked sent, and is never sent twice.
 */
@IntegrationTest
class MailSenderTest {

    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    GreenMail smtp;

    @BeforeEach
    void start() {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    @AfterEach
    void stop() {
        smtp.stop();
    }

    @Test
    void pendingMailIsSentOnceWithItsInvitation() throws Exception {
        MailSettings settings = new MailSettings("127.0.0.1", smtp.getSmtp().getPort(), null, null, false,
                "kohtaamo@example.fi");
        KohtaamoProperties production = new KohtaamoProperties("production", new KohtaamoProperties.Demo(false, null), null);
        Mail mail = new Mail(jdbc, clock, settings, production);
        assertThat(mail.sending()).isTrue();
        String ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\nUID:visit-1@example.fi\r\n"
                + "DTSTART:20261130T073000Z\r\nDTEND:20261130T093000Z\r\nSUMMARY:Vierailu\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
        mail.queue(new Mail.Message("nelli@example.fi", null, "Vierailu vahvistettu: Olari 30.11.2026",
                "Vierailunne on vahvistettu. Tervetuloa!", ics, "REQUEST", null));
        long id = jdbc.sql("select max(id) from mail_message").query(Long.class).single();
        assertThat(jdbc.sql("select status from mail_message where id = :id").param("id", id).query(String.class).single())
                .isEqualTo("PENDING");

        MailSender sender = new MailSender(mail, settings, clock, false);
        sender.sendPending();
        sender.sendPending();

        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(received[0].getSubject()).isEqualTo("Vierailu vahvistettu: Olari 30.11.2026");
        assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo("nelli@example.fi");
        Multipart parts = (Multipart) received[0].getContent();
        StringBuilder all = new StringBuilder();
        boolean calendar = false;
        for (int i = 0; i < parts.getCount(); i++) {
            var part = parts.getBodyPart(i);
            if (part.getContent() instanceof Multipart inner) {
                for (int j = 0; j < inner.getCount(); j++) {
                    all.append(inner.getBodyPart(j).getContent());
                }
            } else {
                calendar |= part.getContentType().startsWith("text/calendar");
                all.append(new String(part.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        assertThat(calendar).isTrue();
        assertThat(all.toString()).contains("Tervetuloa!").contains("UID:visit-1@example.fi");
        assertThat(jdbc.sql("select status from mail_message where id = :id").param("id", id).query(String.class).single())
                .isEqualTo("SENT");
    }
}
