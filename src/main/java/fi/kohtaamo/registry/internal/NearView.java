package fi.kohtaamo.registry.internal;

import fi.kohtaamo.registry.NearPoint;
import fi.kohtaamo.registry.internal.Model.PlaceSummary;
import fi.kohtaamo.shared.KohtaamoException;
import fi.kohtaamo.shared.Lang;
import fi.kohtaamo.shared.MapTiles;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.ui.Model;

/**
 * What the public place list shows of "near me" and its map: the distances in the family's language, the
 * choices of point, and the map: Leaflet over the configured tile server, else a plain SVG plot of the places by
 * their coordinates, drawn here so that nothing is fetched from anyone else. The list stays the accessible
 * alternative of either; the plot numbers each place as the list does.
 */
final class NearView {

    static final int PLOT_WIDTH = 600;
    static final int PLOT_PAD = 24;

    private NearView() {
    }

    /** {@code view=map} shows the map; blank or {@code list} the list only; anything else is a bad parameter. */
    static boolean map(String view) {
        if (view == null || view.isBlank() || view.strip().equalsIgnoreCase("list")) {
            return false;
        }
        if (view.strip().equalsIgnoreCase("map")) {
            return true;
        }
        throw new KohtaamoException.BadParameter("view");
    }

    static void addTo(Model model, NearPoint point, NearPoints.NearPage result, Lang lang, boolean map,
            MapTiles tiles, List<NearPoint> centres) {
        Map<Long, String> distances = new HashMap<>();
        result.metres().forEach((id, m) -> distances.put(id, NearPoint.distanceText(m, lang)));
        model.addAttribute("near", point);
        model.addAttribute("nearParam", point == null ? null : point.param());
        model.addAttribute("distances", distances);
        model.addAttribute("centres", centres);
        model.addAttribute("mapView", map);
        model.addAttribute("tiles", tiles.configured() ? tiles : null);
        model.addAttribute("plot", map && !tiles.configured() ? plot(result.page().items(), point) : null);
    }

    /** A dot of the plot: its number in the list, where it is drawn, and the place's name. */
    record Dot(int number, String x, String y, String name, boolean origin) {
    }

    record Plot(int width, int height, List<Dot> dots, int withoutCoordinates) {
    }

    /**
     * Places by their coordinates in an equirectangular projection (longitude scaled by the cosine of the middle
     * latitude): at a county's scale shapes and distances are true enough to see which places lie near each other.
     */
    static Plot plot(List<PlaceSummary> places, NearPoint origin) {
        List<double[]> points = new ArrayList<>();
        for (PlaceSummary p : places) {
            if (p.latitude() != null && p.longitude() != null) {
                points.add(new double[] {p.latitude().doubleValue(), p.longitude().doubleValue()});
            }
        }
        if (origin != null) {
            points.add(new double[] {origin.latitude(), origin.longitude()});
        }
        int without = (int) places.stream().filter(p -> p.latitude() == null || p.longitude() == null).count();
        if (points.isEmpty()) {
            return new Plot(PLOT_WIDTH, PLOT_PAD * 2, List.of(), without);
        }
        double minLat = points.stream().mapToDouble(a -> a[0]).min().orElseThrow();
        double maxLat = points.stream().mapToDouble(a -> a[0]).max().orElseThrow();
        double minLon = points.stream().mapToDouble(a -> a[1]).min().orElseThrow();
        double maxLon = points.stream().mapToDouble(a -> a[1]).max().orElseThrow();
        double k = Math.cos(Math.toRadians((minLat + maxLat) / 2));
        double spanX = Math.max((maxLon - minLon) * k, 1e-4);
        double spanY = Math.max(maxLat - minLat, 1e-4);
        double inner = PLOT_WIDTH - 2.0 * PLOT_PAD;
        double scale = Math.min(inner / spanX, inner / spanY);
        int height = (int) Math.ceil(spanY * scale + 2 * PLOT_PAD);
        double offsetX = PLOT_PAD + (inner - spanX * scale) / 2;
        List<Dot> dots = new ArrayList<>();
        int n = 0;
        for (PlaceSummary p : places) {
            n++;
            if (p.latitude() != null && p.longitude() != null) {
                dots.add(dot(n, p.latitude().doubleValue(), p.longitude().doubleValue(), minLon, maxLat, k, scale,
                        offsetX, p.name().fi(), false));
            }
        }
        if (origin != null) {
            dots.add(dot(0, origin.latitude(), origin.longitude(), minLon, maxLat, k, scale, offsetX, "", true));
        }
        return new Plot(PLOT_WIDTH, height, dots, without);
    }

    private static Dot dot(int n, double lat, double lon, double minLon, double maxLat, double k, double scale,
            double offsetX, String name, boolean origin) {
        double x = offsetX + (lon - minLon) * k * scale;
        double y = PLOT_PAD + (maxLat - lat) * scale;
        return new Dot(n, String.format(Locale.ROOT, "%.1f", x), String.format(Locale.ROOT, "%.1f", y), name, origin);
    }
}
