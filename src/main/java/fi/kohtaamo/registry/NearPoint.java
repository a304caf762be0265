package fi.kohtaamo.registry;

import fi.kohtaamo.shared.GeoDistance;
import fi.kohtaamo.shared.Lang;
import fi.kohtaamo.shared.LocalizedText;
import java.math.BigDecimal;
import java.text.NumberFormat;

/**
 * The point a family orders the place list or the calendar by ("near me"): a place in the registry
 * ({@code near=place:12}), a municipality's centre ({@code near=municipality:049}) or a point given as
 * degrees ({@code near=60.2055,24.6559}, for links and the API). The browser's own location is never one
 * of these: it is used in the browser only ({@code static/js/near.js}) and never sent.
 *
 * @param param the canonical parameter value, for links that keep the choice
 * @param label what the point is (a place's or municipality's name; empty for bare degrees)
 */
public record NearPoint(String param, double latitude, double longitude, LocalizedText label) {

    /** The request parameter's name, the same for the place list, the calendar, the API, feeds and widget. */
    public static final String PARAM = "near";

    /** Metres from this point to a place's coordinates; null when the place has none. */
    public Double metresTo(BigDecimal lat, BigDecimal lon) {
        if (lat == null || lon == null) {
            return null;
        }
        return GeoDistance.metres(latitude, longitude, lat.doubleValue(), lon.doubleValue());
    }

    /**
     * A distance as a family reads it in their language: "850 m" under a kilometre, "1,2 km" (fi, sv) or
     * "1.2 km" (en) under ten, whole kilometres beyond.
     */
    public static String distanceText(double metres, Lang lang) {
        // a no-break space between figure and unit, so that "1,2 km" never breaks across lines
        if (metres < 1000) {
            return Math.round(metres / 10) * 10 + "\u00a0m";
        }
        NumberFormat f = NumberFormat.getNumberInstance(lang.locale());
        f.setMaximumFractionDigits(metres < 10_000 ? 1 : 0);
        f.setMinimumFractionDigits(metres < 10_000 ? 1 : 0);
        return f.format(metres / 1000) + "\u00a0km";
    }
}
