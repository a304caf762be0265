package fi.kohtaamo.identity.internal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in page (the form posts to Spring Security's /login). */
@Controller
class LoginPageController {

    @GetMapping("/login")
    String login(@RequestParam(required = false) String error, Model model) {
        String reason = error == null ? null : switch (error) {
            case "throttled", "disabled" -> error;
            default -> "invalid";
        };
        model.addAttribute("loginError", reason);
        return "login";
    }
}
