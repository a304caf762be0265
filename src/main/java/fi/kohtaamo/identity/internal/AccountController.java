package fi.kohtaamo.identity.internal;

import fi.kohtaamo.registry.Registry;
import fi.kohtaamo.shared.Actor;
import fi.kohtaamo.shared.KohtaamoException;
import fi.kohtaamo.shared.Lang;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/** The signed-in user's own account: who they are, and changing their own password. Open to every role. */
@Controller
class AccountController {

    private final UserService service;
    private final UserQueries users;
    private final Registry registry;
    private final MessageSource messages;

    AccountController(UserService service, UserQueries users, Registry registry, MessageSource messages) {
        this.service = service;
        this.users = users;
        this.registry = registry;
        this.messages = messages;
    }

    @InitBinder
    void binder(WebDataBinder binder) {
        binder.initDirectFieldAccess();
    }

    @GetMapping("/admin/account")
    String account(Actor actor, Lang lang, Model model) {
        return page(actor, lang, model, Map.of());
    }

    @PostMapping("/admin/account/password")
    String changePassword(Actor actor, Lang lang, @ModelAttribute("passwordForm") PasswordForm form, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        try {
            var session = request.getSession(false);
            service.changeOwnPassword(actor, form.currentPassword, form.newPassword, form.passwordConfirm,
                    session == null ? null : session.getId());
            return "redirect:/admin/account?passwordChanged";
        } catch (KohtaamoException.Invalid e) {
            response.setStatus(400);
            return page(actor, lang, model, e.errors().messages(messages, lang.locale()));
        }
    }

    private String page(Actor actor, Lang lang, Model model, Map<String, String> errors) {
        UserQueries.User u = users.byId(actor.id()).orElseThrow(() -> new KohtaamoException.NotFound("user"));
        model.addAttribute("account", new UserAdminController.Account(u.id(), u.displayName(), u.email(), u.role(),
                new PlacementNames(registry, lang).of(u), u.enabled(), UserAdminController.local(u.createdAt()),
                UserAdminController.local(u.lastLoginAt())));
        model.addAttribute("errors", errors);
        return "admin/account";
    }
}
