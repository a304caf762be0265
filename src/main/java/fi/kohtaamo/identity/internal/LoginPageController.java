package fi.kohtaamo.identity.internal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in page (the form posts to Spring Security's /login). */
@Controller
class LoginPageController {

    @GetMapping("/login")
    String login(@RequestParam(required = false) String error, @RequestParam(required = false) String wait,
            Model model) {
        String reason = error == null ? null : switch (error) {
            case "throttled", "disabled" -> error;
            default -> "invalid";
        };
        model.addAttribute("loginError", reason);
        // minutes to wait when throttled (LoginHandlers): shown, never trusted beyond 1..60
        int minutes = wait != null && wait.matches("^[0-9]{1,2}$") ? Integer.parseInt(wait) : 1;
        model.addAttribute("loginWait", Math.min(60, Math.max(1, minutes)));
        return "login";
    }
}
