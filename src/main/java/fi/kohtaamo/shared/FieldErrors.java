package fi.kohtaamo.shared;

import java.util.ArrayList;
import java.util.List;

/** Field errors collected while checking a form: the field name and a message key with arguments. */
public final class FieldErrors {

    public record FieldError(String field, String messageKey, Object[] args) {
    }

    private final List<FieldError> errors = new ArrayList<>();

    public FieldErrors add(String field, String messageKey, Object... args) {
        Object[] plain = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            // numbers are shown as written (4000, 59), not with a locale's grouping or decimals
            plain[i] = args[i] instanceof Double d && d == Math.rint(d) ? String.valueOf(d.longValue())
                    : args[i] instanceof Number n ? String.valueOf(n) : args[i];
        }
        errors.add(new FieldError(field, messageKey, plain));
        return this;
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public boolean has(String field) {
        return errors.stream().anyMatch(e -> e.field().equals(field));
    }

    public List<FieldError> all() {
        return List.copyOf(errors);
    }

    /** Throws {@link KohtaamoException.Invalid} when any error was collected. */
    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new KohtaamoException.Invalid(this);
        }
    }

    @Override
    public String toString() {
        return errors.stream().map(e -> e.field() + ":" + e.messageKey()).toList().toString();
    }

    /** The first message of each field, translated, for showing next to the fields of a form. */
    public java.util.Map<String, String> messages(org.springframework.context.MessageSource source,
            java.util.Locale locale) {
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
        for (FieldError e : errors) {
            out.putIfAbsent(e.field(), source.getMessage(e.messageKey(), e.args(), e.messageKey(), locale));
        }
        return out;
    }
}
