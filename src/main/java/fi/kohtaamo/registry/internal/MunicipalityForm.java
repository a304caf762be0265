package fi.kohtaamo.registry.internal;

import fi.kohtaamo.registry.internal.Model.Municipality;
import fi.kohtaamo.shared.FieldErrors;
import fi.kohtaamo.shared.Input;
import fi.kohtaamo.shared.LocalizedText;
import java.util.List;

/** The municipality form (names and language status; the official code never changes). */
public class MunicipalityForm {

    public static final List<String> LANGUAGE_STATUSES = List.of("FI", "SV", "FI_SV", "SV_FI");

    public String version = "0";
    public String nameFi;
    public String nameSv;
    public String nameEn;
    public String languageStatus;
    /** The centre families order "near me" by (V32); blank: the mean of the municipality's places. */
    public String centreLatitude;
    public String centreLongitude;

    public record Checked(int version, LocalizedText name, String languageStatus, java.math.BigDecimal centreLatitude,
            java.math.BigDecimal centreLongitude) {
    }

    public static MunicipalityForm of(Municipality m) {
        MunicipalityForm f = new MunicipalityForm();
        f.version = String.valueOf(m.version());
        f.nameFi = m.name().fi();
        f.nameSv = m.name().sv();
        f.nameEn = m.name().en();
        f.languageStatus = m.languageStatus();
        f.centreLatitude = m.centreLatitude() == null ? null : m.centreLatitude().toPlainString();
        f.centreLongitude = m.centreLongitude() == null ? null : m.centreLongitude().toPlainString();
        return f;
    }

    public Checked check(FieldErrors errors) {
        Input in = new Input(errors);
        Integer v = in.integer("version", version, 0, Integer.MAX_VALUE, 0);
        LocalizedText name = new LocalizedText(in.requiredLine("nameFi", nameFi, 200), in.line("nameSv", nameSv, 200),
                in.line("nameEn", nameEn, 200));
        String status = in.line("languageStatus", languageStatus, 5);
        if (status == null || !LANGUAGE_STATUSES.contains(status)) {
            errors.add("languageStatus", "validation.choice");
        }
        // Finland's extent, as for places
        java.math.BigDecimal lat = in.decimal("centreLatitude", centreLatitude, 59.0, 71.0);
        java.math.BigDecimal lon = in.decimal("centreLongitude", centreLongitude, 19.0, 32.0);
        if ((lat == null) != (lon == null) && !errors.has("centreLatitude") && !errors.has("centreLongitude")) {
            errors.add(lat == null ? "centreLatitude" : "centreLongitude", "validation.coordinatesPair");
        }
        return errors.isEmpty() ? new Checked(v, name, status, lat, lon) : null;
    }
}
