package fi.kohtaamo.shared;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/**
 * The one way errors are rendered: as RFC 9457 problem details for the API and as a translated
 * error page for people. The stable {@code code} picks the messages {@code error.<code>.title}
 * and {@code error.<code>.detail}; an exception's own message never reaches the user.
 */
@Component
public class ErrorResponses {

    public static final String PROBLEM_TYPE_PREFIX = "https://kohtaamo.fi/problems/";

    private final MessageSource messages;
    private final PageModel pageModel;
    /** The largest form post and uploaded file the server reads, in megabytes: told on the too-large page. */
    private final long formMegabytes;
    private final long fileMegabytes;

    ErrorResponses(MessageSource messages, @org.springframework.context.annotation.Lazy PageModel pageModel,
            @org.springframework.beans.factory.annotation.Value("${server.tomcat.max-http-form-post-size:2MB}")
            org.springframework.util.unit.DataSize formLimit,
            @org.springframework.beans.factory.annotation.Value("${spring.servlet.multipart.max-file-size:1MB}")
            org.springframework.util.unit.DataSize fileLimit) {
        this.messages = messages;
        this.pageModel = pageModel;
        this.formMegabytes = Math.max(1, formLimit.toMegabytes());
        this.fileMegabytes = Math.max(1, fileLimit.toMegabytes());
    }

    public static boolean isApi(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String ctx = request.getContextPath();
        String path = uri == null ? "" : uri.substring(Math.min(ctx.length(), uri.length()));
        return path.startsWith("/api/") || path.startsWith("/v3/api-docs");
    }

    public ResponseEntity<ProblemDetail> problem(HttpServletRequest request, HttpStatus status, String code,
            List<FieldErrors.FieldError> fieldErrors, Map<String, Object> extra) {
        Lang lang = LanguageResolver.resolve(request);
        ProblemDetail pd = ProblemDetail.forStatus(status);
        pd.setType(URI.create(PROBLEM_TYPE_PREFIX + code));
        pd.setTitle(text("error." + code + ".title", lang));
        pd.setDetail(text("error." + code + ".detail", lang));
        pd.setProperty("code", code);
        if ("too-large".equals(code)) {
            pd.setDetail(messages.getMessage("error.too-large.limits", new Object[] {formMegabytes, fileMegabytes},
                    lang.locale()));
        }
        if (fieldErrors != null && !fieldErrors.isEmpty()) {
            pd.setProperty("errors", fieldErrors.stream()
                    .map(e -> Map.of("field", e.field(), "code", e.messageKey(),
                            "message", messages.getMessage(e.messageKey(), e.args(), e.messageKey(), lang.locale())))
                    .toList());
        }
        if (extra != null) {
            extra.forEach(pd::setProperty);
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(pd);
    }

    public ModelAndView page(HttpServletRequest request, HttpStatus status, String code) {
        ModelAndView mav = new ModelAndView("error/page");
        mav.setStatus(status);
        mav.addObject("status", status.value());
        mav.addObject("code", code);
        if ("too-large".equals(code)) {
            mav.addObject("limits", new Object[] {String.valueOf(formMegabytes), String.valueOf(fileMegabytes)});
        }
        Map<String, Object> layout;
        try {
            layout = pageModel.attributes(request);
        } catch (RuntimeException e) {
            // the error page must render even when the layout's data cannot be read (e.g. database down)
            layout = Map.of("lang", LanguageResolver.resolve(request), "langUrls",
                    Map.of("fi", "/?lang=fi", "sv", "/?lang=sv", "en", "/?lang=en"), "demoMode", false);
        }
        mav.addAllObjects(layout);
        return mav;
    }

    /** The stable code for an HTTP status that arrives without one of our exceptions. */
    public static String codeFor(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "not-found";
            case FORBIDDEN -> "forbidden";
            case UNAUTHORIZED -> "unauthorized";
            case METHOD_NOT_ALLOWED -> "method-not-allowed";
            case NOT_ACCEPTABLE, UNSUPPORTED_MEDIA_TYPE -> "unsupported-media-type";
            case CONTENT_TOO_LARGE -> "too-large";
            case TOO_MANY_REQUESTS -> "too-many-requests";
            case CONFLICT -> "conflict";
            default -> status.is4xxClientError() ? "bad-request" : "internal-error";
        };
    }

    private String text(String key, Lang lang) {
        return messages.getMessage(key, null, key, lang.locale());
    }
}
