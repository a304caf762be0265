package fi.kohtaamo.identity.internal;

import fi.kohtaamo.identity.IdentityAction;
import fi.kohtaamo.registry.Registry;
import fi.kohtaamo.shared.AccessControl;
import fi.kohtaamo.shared.Actor;
import fi.kohtaamo.shared.ClockConfig;
import fi.kohtaamo.shared.KohtaamoException;
import fi.kohtaamo.shared.Lang;
import fi.kohtaamo.shared.Role;
import fi.kohtaamo.shared.Scope;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * Staff pages for accounts: the list of accounts in the actor's scope, creating and editing an
 * account, and setting a new password for another account. The rules (who may grant which role,
 * where) are in {@link UserService}; this class only offers the choices the actor can use.
 */
@Controller
class UserAdminController {

    static final List<String> LANGUAGES = List.of("fi", "sv", "en");

    private final UserService service;
    private final Registry registry;
    private final MessageSource messages;

    UserAdminController(UserService service, Registry registry, MessageSource messages) {
        this.service = service;
        this.registry = registry;
        this.messages = messages;
    }

    @InitBinder
    void binder(WebDataBinder binder) {
        binder.initDirectFieldAccess();
    }

    /** A row of the account list (never the password hash). */
    public record Row(long id, String name, String email, Role role, String placement, boolean enabled,
            ZonedDateTime lastLogin) {
    }

    /** What the edit page shows about an existing account besides the form. */
    public record Account(long id, String name, String email, Role role, String placement, boolean enabled,
            ZonedDateTime created, ZonedDateTime lastLogin) {
    }

    @GetMapping("/admin/users")
    String list(Actor actor, Lang lang, Model model) {
        PlacementNames names = new PlacementNames(registry, lang);
        model.addAttribute("rows", service.list(actor).stream().map(u -> new Row(u.id(), u.displayName(), u.email(),
                u.role(), names.of(u), u.enabled(), local(u.lastLoginAt()))).toList());
        model.addAttribute("mayCreate", AccessControl.mayEver(actor, IdentityAction.USER_CREATE));
        return "admin/users";
    }

    @GetMapping("/admin/users/new")
    String newUser(Actor actor, Lang lang, Model model) {
        requireCreate(actor);
        return form(actor, lang, model, new UserForm(), null, Map.of());
    }

    @PostMapping("/admin/users")
    String create(Actor actor, Lang lang, @ModelAttribute("form") UserForm form, Model model,
            HttpServletResponse response) {
        requireCreate(actor);
        try {
            long id = service.create(actor, form);
            return "redirect:/admin/users/" + id + "?saved";
        } catch (KohtaamoException.Invalid e) {
            response.setStatus(400);
            return form(actor, lang, model, form, null, e.errors().messages(messages, lang.locale()));
        }
    }

    @GetMapping("/admin/users/{id}")
    String edit(@PathVariable String id, Actor actor, Lang lang, Model model) {
        UserQueries.User u = service.get(actor, userId(id));
        return form(actor, lang, model, UserForm.of(u), u, Map.of());
    }

    @PostMapping("/admin/users/{id}")
    String update(@PathVariable String id, Actor actor, Lang lang, @ModelAttribute("form") UserForm form,
            Model model, HttpServletResponse response) {
        long userId = userId(id);
        try {
            service.update(actor, userId, form);
            return "redirect:/admin/users/" + userId + "?saved";
        } catch (KohtaamoException.Invalid e) {
            response.setStatus(400);
            return form(actor, lang, model, form, service.get(actor, userId),
                    e.errors().messages(messages, lang.locale()));
        } catch (KohtaamoException.Conflict e) {
            response.setStatus(409);
            model.addAttribute("stale", true);
            return form(actor, lang, model, form, service.get(actor, userId), Map.of());
        }
    }

    @PostMapping("/admin/users/{id}/password")
    String setPassword(@PathVariable String id, Actor actor, Lang lang,
            @ModelAttribute("passwordForm") PasswordForm passwordForm, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        long userId = userId(id);
        try {
            var session = request.getSession(false);
            service.resetPassword(actor, userId, passwordForm.newPassword, session == null ? null : session.getId());
            return "redirect:/admin/users/" + userId + "?passwordSet";
        } catch (KohtaamoException.Invalid e) {
            response.setStatus(400);
            UserQueries.User u = service.get(actor, userId);
            return form(actor, lang, model, UserForm.of(u), u, e.errors().messages(messages, lang.locale()));
        }
    }

    private static void requireCreate(Actor actor) {
        if (!AccessControl.mayEver(actor, IdentityAction.USER_CREATE)) {
            throw new KohtaamoException.Forbidden("USER_CREATE");
        }
    }

    /** An id from the path; anything but a positive number is a page that does not exist. */
    static long userId(String raw) {
        if (raw == null || !raw.matches("^[0-9]{1,18}$") || Long.parseLong(raw) <= 0) {
            throw new KohtaamoException.NotFound("user " + raw);
        }
        return Long.parseLong(raw);
    }

    static ZonedDateTime local(Instant instant) {
        return instant == null ? null : instant.atZone(ClockConfig.ZONE);
    }

    private String form(Actor actor, Lang lang, Model model, UserForm form, UserQueries.User existing,
            Map<String, String> errors) {
        form.password = null; // a password is never sent back to the browser
        boolean mayEdit = existing == null || (actor.role().mayGrant(existing.role())
                && AccessControl.allows(actor, IdentityAction.USER_UPDATE, service.target(existing)));
        PlacementNames names = new PlacementNames(registry, lang);
        model.addAttribute("form", form);
        model.addAttribute("userId", existing == null ? null : existing.id());
        model.addAttribute("account", existing == null ? null : new Account(existing.id(), existing.displayName(),
                existing.email(), existing.role(), names.of(existing), existing.enabled(),
                local(existing.createdAt()), local(existing.lastLoginAt())));
        model.addAttribute("mayEdit", mayEdit);
        model.addAttribute("errors", errors);
        model.addAttribute("roles", Arrays.stream(Role.values()).filter(actor.role()::mayGrant).toList());
        model.addAttribute("languages", LANGUAGES);
        // the choices are those of the scope the actor creates accounts in
        Scope scope = AccessControl.scope(actor, IdentityAction.USER_CREATE);
        long county = scope.countyId();
        long area = scope.areaId();
        if (scope.all()) {
            choices(model, registry.counties(), registry.areas(null), registry.organisations(null),
                    registry.places(null, null));
        } else if (county != -1) {
            choices(model, registry.county(county).stream().toList(), registry.areas(county),
                    registry.organisations(county), registry.places(county, null));
        } else if (area != -1) {
            choices(model, List.of(), registry.area(area).stream().toList(), List.of(), registry.places(null, area));
        } else {
            choices(model, List.of(), List.of(), List.of(), List.of());
        }
        return "admin/user-form";
    }

    private static void choices(Model model, List<Registry.Ref> counties, List<Registry.Ref> areas,
            List<Registry.Ref> organisations, List<Registry.Ref> places) {
        model.addAttribute("counties", counties);
        model.addAttribute("areas", areas);
        model.addAttribute("organisations", organisations);
        model.addAttribute("places", places);
    }
}
