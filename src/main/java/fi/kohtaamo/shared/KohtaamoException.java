package fi.kohtaamo.shared;

import org.springframework.http.HttpStatus;

/**
 * The base of the handful of exceptions the application throws on purpose. Each carries a stable
 * code (used in API problem details and to pick the translated message {@code error.<code>}) and
 * never exposes its Java message to a user.
 */
public abstract class KohtaamoException extends RuntimeException {

    private final String code;
    private final HttpStatus status;

    protected KohtaamoException(String code, HttpStatus status, String internalMessage) {
        super(internalMessage, null, false, false);
        this.code = code;
        this.status = status;
    }

    public String code() {
        return code;
    }

    public HttpStatus status() {
        return status;
    }

    /** The record does not exist, or the caller may not know that it exists. */
    public static final class NotFound extends KohtaamoException {
        public NotFound(String what) {
            super("not-found", HttpStatus.NOT_FOUND, what);
        }
    }

    /** The caller is known but the action is not allowed for them on this record. */
    public static final class Forbidden extends KohtaamoException {
        public Forbidden(String what) {
            super("forbidden", HttpStatus.FORBIDDEN, what);
        }
    }

    /** The record changed since the caller read it (optimistic locking) or the state forbids the action. */
    public static final class Conflict extends KohtaamoException {
        public Conflict(String code, String what) {
            super(code, HttpStatus.CONFLICT, what);
        }
    }

    /** Input is invalid; carries field errors with message keys for the user's language. */
    public static final class Invalid extends KohtaamoException {
        private final FieldErrors errors;

        public Invalid(FieldErrors errors) {
            super("invalid-input", HttpStatus.BAD_REQUEST, errors.toString());
            this.errors = errors;
        }

        public FieldErrors errors() {
            return errors;
        }
    }

    /** A query parameter could not be understood (wrong type, unknown value, out of range). */
    public static final class BadParameter extends KohtaamoException {
        private final String parameter;

        public BadParameter(String parameter) {
            this(parameter, "invalid-parameter");
        }

        /** With its own message ({@code error.<code>.title} and {@code .detail}) saying what is expected. */
        public BadParameter(String parameter, String code) {
            super(code, HttpStatus.BAD_REQUEST, parameter);
            this.parameter = parameter;
        }

        public String parameter() {
            return parameter;
        }
    }

    /** The server will not take the work on now (too much of it at once): nothing was done, try again soon. */
    public static final class Busy extends KohtaamoException {
        public Busy(String what) {
            super("busy", HttpStatus.SERVICE_UNAVAILABLE, what);
        }
    }

    /** The sender has sent too much of this kind of input lately: nothing was stored, try again later (429). */
    public static final class TooMany extends KohtaamoException {
        public TooMany(String what) {
            super("too-many-requests", HttpStatus.TOO_MANY_REQUESTS, what);
        }
    }
}
