package fi.kohtaamo.shared;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.HttpMediaTypeException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.validation.BindException;

/**
 * Turns every exception from a handler into a problem-details response (API paths) or a translated
 * error page (everything else). Unexpected exceptions are logged with their stack and shown as a
 * generic 500 without any internal detail.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ErrorHandling {

    private static final Logger log = LoggerFactory.getLogger(ErrorHandling.class);

    private final ErrorResponses responses;

    ErrorHandling(ErrorResponses responses) {
        this.responses = responses;
    }

    @ExceptionHandler(KohtaamoException.class)
    Object known(KohtaamoException e, HttpServletRequest request, HttpServletResponse response) {
        if (e instanceof KohtaamoException.Busy) {
            response.setHeader(HttpHeaders.RETRY_AFTER, "10");
        }
        if (e instanceof KohtaamoException.TooMany) {
            response.setHeader(HttpHeaders.RETRY_AFTER, "60");
        }
        if (e instanceof KohtaamoException.Invalid invalid) {
            return render(request, e.status(), e.code(), invalid.errors(), null);
        }
        if (e instanceof KohtaamoException.BadParameter bad) {
            return render(request, e.status(), e.code(), null, Map.of("parameter", bad.parameter()));
        }
        return render(request, e.status(), e.code(), null, null);
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class})
    Object badParameter(Exception e, HttpServletRequest request) {
        String name = e instanceof MethodArgumentTypeMismatchException m ? m.getName()
                : ((MissingServletRequestParameterException) e).getParameterName();
        return render(request, HttpStatus.BAD_REQUEST, "invalid-parameter", null, Map.of("parameter", name));
    }

    @ExceptionHandler({ServletRequestBindingException.class, HttpMessageNotReadableException.class, BindException.class})
    Object badRequest(Exception e, HttpServletRequest request) {
        return render(request, HttpStatus.BAD_REQUEST, "bad-request", null, null);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    Object method(Exception e, HttpServletRequest request) {
        return render(request, HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", null, null);
    }

    @ExceptionHandler(HttpMediaTypeException.class)
    Object mediaType(Exception e, HttpServletRequest request) {
        return render(request, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", null, null);
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    Object tooLarge(Exception e, HttpServletRequest request) {
        return render(request, HttpStatus.CONTENT_TOO_LARGE, "too-large", null, null);
    }

    @ExceptionHandler(NoResourceFoundException.class)
    Object noResource(Exception e, HttpServletRequest request) {
        return render(request, HttpStatus.NOT_FOUND, "not-found", null, null);
    }

    @ExceptionHandler(org.springframework.security.access.AccessDeniedException.class)
    Object denied(Exception e, HttpServletRequest request) {
        return render(request, HttpStatus.FORBIDDEN, "forbidden", null, null);
    }

    /**
     * The database has no free connection (pool exhausted under load) or cannot be reached: the
     * request did nothing, so say "busy, try again" with 503 and Retry-After rather than a 500.
     */
    @ExceptionHandler({CannotGetJdbcConnectionException.class, CannotCreateTransactionException.class})
    Object busy(Exception e, HttpServletRequest request, HttpServletResponse response) {
        log.warn("No database connection for {} {}: {}", request.getMethod(), request.getRequestURI(), e.getMessage());
        response.setHeader(HttpHeaders.RETRY_AFTER, "10");
        return render(request, HttpStatus.SERVICE_UNAVAILABLE, "busy", null, null);
    }

    @ExceptionHandler(Exception.class)
    Object unexpected(Exception e, HttpServletRequest request) {
        log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
        return render(request, HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", null, null);
    }

    private Object render(HttpServletRequest request, HttpStatus status, String code, FieldErrors errors,
            Map<String, Object> extra) {
        if (ErrorResponses.isApi(request)) {
            return responses.problem(request, status, code, errors == null ? null : errors.all(), extra);
        }
        return responses.page(request, status, code);
    }
}
