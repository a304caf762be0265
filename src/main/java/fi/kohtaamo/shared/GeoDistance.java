package fi.kohtaamo.shared;

/**
 * The one way to measure how far two points (WGS84 latitude and longitude in degrees, as places store them) are
 * from each other: the great-circle distance on a sphere of the Earth's mean radius (haversine). Within Finland
 * it differs from the ellipsoidal distance by well under 0.5 %, which is far below what a family's or a planner's
 * "within 2 km" means. Plain Java, no allocation, so that a planner can compare thousands of pairs.
 */
public final class GeoDistance {

    /** The Earth's mean radius in metres (IUGG). */
    public static final double EARTH_RADIUS_M = 6_371_008.8;

    private GeoDistance() {
    }

    /** Metres between two points given in degrees. */
    public static double metres(double lat1, double lon1, double lat2, double lon2) {
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        double dp = p2 - p1;
        double dl = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)));
    }

    /** Whether a pair of degrees is a point on the Earth (latitude −90…90, longitude −180…180, both finite). */
    public static boolean valid(double lat, double lon) {
        return Double.isFinite(lat) && Double.isFinite(lon) && lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180;
    }
}
