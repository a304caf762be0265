package fi.kohtaamo.shared;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Renders errors that happen outside handlers (unknown URL, rejected request, security filters)
 * the same way as {@link ErrorHandling}: problem details for the API, a translated page otherwise.
 */
@Controller
class ErrorPageController implements ErrorController {

    private final ErrorResponses responses;

    ErrorPageController(ErrorResponses responses) {
        this.responses = responses;
    }

    @RequestMapping("/error")
    Object error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = HttpStatus.resolve(code instanceof Integer i ? i : 500);
        if (status == null || !status.isError()) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        boolean api = uri instanceof String s && (s.startsWith("/api/") || s.startsWith("/v3/api-docs"));
        if (api) {
            return responses.problem(request, status, ErrorResponses.codeFor(status), null, null);
        }
        return responses.page(request, status, ErrorResponses.codeFor(status));
    }
}
