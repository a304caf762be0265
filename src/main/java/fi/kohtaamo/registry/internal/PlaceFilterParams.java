package fi.kohtaamo.registry.internal;

import fi.kohtaamo.registry.AccessibilityFeature;
import fi.kohtaamo.registry.PlaceKind;
import fi.kohtaamo.registry.TargetGroup;
import fi.kohtaamo.registry.internal.Model.PlaceFilter;
import fi.kohtaamo.shared.KohtaamoException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads the place filters from request parameters, the same for the HTML list and the JSON API.
 * A value that cannot be understood is a {@link KohtaamoException.BadParameter} naming the parameter.
 */
public final class PlaceFilterParams {

    private PlaceFilterParams() {
    }

    public static PlaceFilter parse(RegistryQueries queries, String area, String municipality, String kind,
            String targetGroup, String language, List<String> accessibility, String text) {
        Long areaId = null;
        if (present(area)) {
            areaId = positiveLong("area", area);
            if (queries.area(areaId).isEmpty()) {
                throw new KohtaamoException.BadParameter("area");
            }
        }
        String muni = null;
        if (present(municipality)) {
            muni = municipality.strip();
            if (!muni.matches("^[0-9]{3}$") || queries.municipality(muni).isEmpty()) {
                throw new KohtaamoException.BadParameter("municipality");
            }
        }
        PlaceKind k = present(kind) ? enumValue("kind", PlaceKind.class, kind) : null;
        TargetGroup g = present(targetGroup) ? enumValue("targetGroup", TargetGroup.class, targetGroup) : null;
        String lang = null;
        if (present(language)) {
            lang = language.strip().toLowerCase(Locale.ROOT);
            if (!lang.matches("^[a-z]{2,3}$")) {
                throw new KohtaamoException.BadParameter("language");
            }
        }
        Set<AccessibilityFeature> features = EnumSet.noneOf(AccessibilityFeature.class);
        if (accessibility != null) {
            if (accessibility.size() > 10) {
                throw new KohtaamoException.BadParameter("accessibility");
            }
            for (String a : accessibility) {
                if (present(a)) {
                    features.add(enumValue("accessibility", AccessibilityFeature.class, a));
                }
            }
        }
        // checked as every text is (shared.Input: control and bidirectional characters, length)
        fi.kohtaamo.shared.FieldErrors textErrors = new fi.kohtaamo.shared.FieldErrors();
        String q = new fi.kohtaamo.shared.Input(textErrors).line("q", text, 100);
        if (!textErrors.isEmpty()) {
            throw new KohtaamoException.BadParameter("q");
        }
        return new PlaceFilter(areaId, muni, k, g, lang, features, q);
    }

    public static int page(String raw) {
        if (!present(raw)) {
            return 0;
        }
        if (!raw.strip().matches("^[0-9]{1,6}$")) {
            throw new KohtaamoException.BadParameter("page");
        }
        return Integer.parseInt(raw.strip());
    }

    public static int size(String raw, int defaultSize, int max) {
        if (!present(raw)) {
            return defaultSize;
        }
        if (!raw.strip().matches("^[0-9]{1,4}$") || Integer.parseInt(raw.strip()) < 1
                || Integer.parseInt(raw.strip()) > max) {
            throw new KohtaamoException.BadParameter("size");
        }
        return Integer.parseInt(raw.strip());
    }

    static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    static long positiveLong(String name, String raw) {
        String s = raw.strip();
        if (!s.matches("^[0-9]{1,18}$") || Long.parseLong(s) <= 0) {
            throw new KohtaamoException.BadParameter(name);
        }
        return Long.parseLong(s);
    }

    static <E extends Enum<E>> E enumValue(String name, Class<E> type, String raw) {
        try {
            return Enum.valueOf(type, raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new KohtaamoException.BadParameter(name);
        }
    }

    /** A path id: anything but a positive number is simply not found. */
    public static long positiveLongOrNotFound(String raw) {
        if (raw == null || !raw.matches("^[0-9]{1,18}$") || Long.parseLong(raw) <= 0) {
            throw new KohtaamoException.NotFound("id " + raw);
        }
        return Long.parseLong(raw);
    }
}
