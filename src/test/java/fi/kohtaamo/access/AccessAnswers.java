package fi.kohtaamo.access;

import fi.kohtaamo.support.WebClient;
import java.util.List;
import java.util.function.Supplier;

/** How the access matrix reads an answer: through or refused, and what a request changed. */
final class AccessAnswers {

    private AccessAnswers() {
    }

    /** Texts of the field errors that mean "not yours" rather than "wrong input". */
    static final List<String> DENIALS = List.of("Sinulla ei ole oikeutta tallentaa tietoa tähän.",
            "Et voi antaa tätä roolia.", "Valitse alue hyvinvointialueelta, jolla paikan järjestäjä toimii.",
            "Valitse jokin annetuista vaihtoehdoista.");

    /** Whether an answer let the request through: a page or a redirect onward, not a refusal. */
    static boolean went(WebClient.Response r) {
        return switch (r.status()) {
            case 200 -> true;
            case 302, 303 -> {
                if (r.header("Location").contains("/login")) {
                    throw new AssertionError("signed out: " + r.header("Location"));
                }
                yield true;
            }
            case 403, 404 -> false;
            case 400 -> {
                String errors = r.html().select(".field-error, .error-summary").text();
                if (DENIALS.stream().noneMatch(errors::contains)) {
                    throw new AssertionError("refused as bad input, not as out of scope: " + errors);
                }
                yield false;
            }
            default -> throw new AssertionError("unexpected answer " + r.status() + ": " + r.body());
        };
    }

    static AccessCases.Result write(Supplier<Object> state, Supplier<WebClient.Response> request) {
        Object before = state.get();
        WebClient.Response r = request.get();
        boolean went = went(r);
        return new AccessCases.Result(went, !before.equals(state.get()), r.status() + " " + r.header("Location"));
    }

    /** A read: through when the page answers and shows the marker (lists are scoped, not refused). */
    static AccessCases.Result read(WebClient.Response r, String marker) {
        boolean went = went(r) && (marker == null || r.body().contains(marker));
        return new AccessCases.Result(went, false, r.status() + (r.status() == 200 && !went ? " without " + marker : ""));
    }
}
