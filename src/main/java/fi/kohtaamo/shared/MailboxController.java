package fi.kohtaamo.shared;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The mail Kohtaamo wrote to the signed-in user (and, for coordinators, to their county), with its
 * calendar invitation. In demo mode, or without SMTP, this is where mail is read; otherwise it is a
 * record of what was sent.
 */
@Controller
class MailboxController {

    private final Mail mail;

    MailboxController(Mail mail) {
        this.mail = mail;
    }

    @Component
    static class Navigation implements StaffNavigation {
        @Override
        public List<Item> items(Actor actor) {
            return actor == null ? List.of() : List.of(new Item("mail.nav", "/admin/mail", 90));
        }
    }

    private static long id(String raw) {
        return fi.kohtaamo.shared.PathIds.orNotFound(raw);
    }

    @GetMapping("/admin/mail")
    String list(Actor actor, Model model) {
        if (actor == null) {
            throw new KohtaamoException.Forbidden("MAIL");
        }
        model.addAttribute("messages", mail.mailbox(actor, 200));
        model.addAttribute("sending", mail.sending());
        return "admin/mail";
    }

    @GetMapping("/admin/mail/{id}")
    String show(@PathVariable String id, Actor actor, Model model) {
        model.addAttribute("message", mail.message(actor, id(id)).orElseThrow(() -> new KohtaamoException.NotFound(id)));
        return "admin/mail-message";
    }

    @GetMapping("/admin/mail/{id}/invite.ics")
    ResponseEntity<byte[]> invitation(@PathVariable String id, Actor actor) {
        Mail.Stored m = mail.message(actor, id(id)).filter(s -> s.ics() != null)
                .orElseThrow(() -> new KohtaamoException.NotFound(id));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("text/calendar; charset=UTF-8; method="
                        + (m.icsMethod() == null ? "PUBLISH" : m.icsMethod())))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("invite-" + m.id() + ".ics").build().toString())
                .body(m.ics().getBytes(StandardCharsets.UTF_8));
    }
}
