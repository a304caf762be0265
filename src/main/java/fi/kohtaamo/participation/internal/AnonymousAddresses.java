package fi.kohtaamo.participation.internal;

import fi.kohtaamo.shared.AnonymousForms;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The families' anonymous forms of this module, handled the one way of {@link AnonymousForms}: no CSRF token, no
 * session, no {@code lang} cookie, cross-site posts refused. The wish-support cookie {@code kohtaamo_supported}
 * (the supported wishes' ids, no identifier) is the only cookie any of them sets.
 */
@Component
class AnonymousAddresses implements AnonymousForms.Contribution {

    @Override
    public List<String> pages() {
        return List.of(
                // quick feedback, its child mode and kiosk
                "/f/{code}", "/places/{id}/feedback", "/places/{id}/feedback/kiosk", "/places/{id}/feedback/thanks",
                // surveys
                "/surveys/{id}", "/surveys/{id}/thanks",
                // wishes
                "/wishes", "/wishes/areas/{id}", "/places/{id}/wishes",
                // accessibility statement and its feedback form
                "/accessibility");
    }

    @Override
    public List<String> posts() {
        return List.of("/places/{id}/feedback", "/places/{id}/feedback/kiosk", "/surveys/{id}", "/wishes/areas/{id}",
                "/places/{id}/wishes", "/wishes/{id}/support", "/accessibility/feedback");
    }
}
