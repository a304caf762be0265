package fi.kohtaamo.shared;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Fixed information pages: the accessibility statement required by Act 306/2019. */
@Controller
class InfoPageController {

    @GetMapping("/accessibility")
    String accessibility() {
        return "accessibility";
    }
}
