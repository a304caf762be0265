package fi.kohtaamo.registry.internal;

import fi.kohtaamo.registry.OrganisationType;
import fi.kohtaamo.registry.internal.Model.Organisation;
import fi.kohtaamo.shared.FieldErrors;
import fi.kohtaamo.shared.Input;
import fi.kohtaamo.shared.LocalizedText;

/** The organisation form as sent by the browser (all text). */
public class OrganisationForm {

    public String version = "0";
    public String parentId;
    public String type;
    public String nameFi;
    public String nameSv;
    public String nameEn;
    public String businessId;
    public String website;
    public String email;
    public String phone;
    public String countyId;
    public String municipalityCode;

    public static OrganisationForm of(Organisation o) {
        OrganisationForm f = new OrganisationForm();
        f.version = String.valueOf(o.version());
        f.parentId = o.parentId() == null ? null : String.valueOf(o.parentId());
        f.type = o.type().name();
        f.nameFi = o.name().fi();
        f.nameSv = o.name().sv();
        f.nameEn = o.name().en();
        f.businessId = o.businessId();
        f.website = o.website();
        f.email = o.email();
        f.phone = o.phone();
        f.countyId = o.countyId() == null ? null : String.valueOf(o.countyId());
        f.municipalityCode = o.municipalityCode();
        return f;
    }

    public OrganisationCommand toCommand(FieldErrors errors) {
        Input in = new Input(errors);
        Long parent = in.id("parentId", parentId, false);
        OrganisationType t = in.choice("type", type, OrganisationType.class, true);
        LocalizedText name = new LocalizedText(in.requiredLine("nameFi", nameFi, 200), in.line("nameSv", nameSv, 200),
                in.line("nameEn", nameEn, 200));
        String bid = in.line("businessId", businessId, 9);
        if (bid != null && !bid.matches("^[0-9]{7}-[0-9]$")) {
            errors.add("businessId", "validation.businessId");
        }
        String web = in.webAddress("website", website);
        String mail = in.email("email", email, false);
        String tel = in.phone("phone", phone);
        Long county = in.id("countyId", countyId, false);
        String muni = in.digits("municipalityCode", municipalityCode, 3, false);
        if (!errors.isEmpty()) {
            return null;
        }
        return new OrganisationCommand(parent, t, name, bid, web, mail, tel, county, muni);
    }
}
