package fi.kohtaamo.registry.internal;

import fi.kohtaamo.registry.internal.Model.Area;
import fi.kohtaamo.shared.FieldErrors;
import fi.kohtaamo.shared.Input;
import fi.kohtaamo.shared.LocalizedText;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The coordination area form (all text). */
public class AreaForm {

    public String version = "0";
    public String countyId;
    public String nameFi;
    public String nameSv;
    public String nameEn;
    public String descriptionFi;
    public String descriptionSv;
    public String descriptionEn;
    public List<String> municipalities = new ArrayList<>();

    public record Checked(int version, long countyId, LocalizedText name, LocalizedText description,
            Set<String> municipalities) {
    }

    public static AreaForm of(Area a) {
        AreaForm f = new AreaForm();
        f.version = String.valueOf(a.version());
        f.countyId = String.valueOf(a.countyId());
        f.nameFi = a.name().fi();
        f.nameSv = a.name().sv();
        f.nameEn = a.name().en();
        f.descriptionFi = a.description().fi();
        f.descriptionSv = a.description().sv();
        f.descriptionEn = a.description().en();
        f.municipalities.addAll(a.municipalityCodes());
        return f;
    }

    public Checked check(FieldErrors errors) {
        Input in = new Input(errors);
        Integer v = in.integer("version", version, 0, Integer.MAX_VALUE, 0);
        Long county = in.id("countyId", countyId, true);
        LocalizedText name = new LocalizedText(in.requiredLine("nameFi", nameFi, 200), in.line("nameSv", nameSv, 200),
                in.line("nameEn", nameEn, 200));
        LocalizedText description = new LocalizedText(in.paragraph("descriptionFi", descriptionFi, 2000),
                in.paragraph("descriptionSv", descriptionSv, 2000), in.paragraph("descriptionEn", descriptionEn, 2000));
        Set<String> codes = new LinkedHashSet<>();
        for (String m : municipalities == null ? List.<String>of() : municipalities) {
            String code = in.digits("municipalities", m, 3, false);
            if (code != null) {
                codes.add(code);
            }
        }
        if (codes.isEmpty() && !errors.has("municipalities")) {
            errors.add("municipalities", "validation.municipalityRequired");
        }
        if (!errors.isEmpty()) {
            return null;
        }
        return new Checked(v, county, name, description, codes);
    }
}
