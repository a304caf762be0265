package fi.kohtaamo.identity.internal;

import fi.kohtaamo.shared.FieldErrors;
import fi.kohtaamo.shared.Input;
import fi.kohtaamo.shared.Role;

/** The staff account form as sent by the browser (all text). */
public class UserForm {

    public static final int MIN_PASSWORD = 12;

    public String version = "0";
    public String email;
    public String displayName;
    public String role;
    public String organisationId;
    public String countyId;
    public String areaId;
    public String placeId;
    public String preferredLanguage = "fi";
    public String enabled = "true";
    /** Only when creating an account. */
    public String password;

    public record Checked(int version, String email, String displayName, Role role, Long organisationId, Long countyId,
            Long areaId, Long placeId, String language, boolean enabled, String password) {
    }

    public static UserForm of(UserQueries.User u) {
        UserForm f = new UserForm();
        f.version = String.valueOf(u.version());
        f.email = u.email();
        f.displayName = u.displayName();
        f.role = u.role().name();
        f.organisationId = u.organisationId() == null ? null : String.valueOf(u.organisationId());
        f.countyId = u.countyId() == null ? null : String.valueOf(u.countyId());
        f.areaId = u.areaId() == null ? null : String.valueOf(u.areaId());
        f.placeId = u.placeId() == null ? null : String.valueOf(u.placeId());
        f.preferredLanguage = u.preferredLanguage();
        f.enabled = String.valueOf(u.enabled());
        return f;
    }

    public Checked check(FieldErrors errors, boolean creating) {
        Input in = new Input(errors);
        Integer v = in.integer("version", version, 0, Integer.MAX_VALUE, 0);
        String mail = in.email("email", email, true);
        String name = in.requiredLine("displayName", displayName, 200);
        Role r = in.choice("role", role, Role.class, true);
        Long org = in.id("organisationId", organisationId, false);
        Long county = in.id("countyId", countyId, false);
        Long area = in.id("areaId", areaId, false);
        Long place = in.id("placeId", placeId, false);
        String lang = preferredLanguage == null || preferredLanguage.isBlank() ? "fi" : preferredLanguage.strip();
        if (!lang.equals("fi") && !lang.equals("sv") && !lang.equals("en")) {
            errors.add("preferredLanguage", "validation.choice");
        }
        String pw = null;
        if (creating) {
            pw = password == null ? "" : password;
            PasswordPolicy.check(pw, "password", mail == null ? email : mail, name == null ? displayName : name, errors);
        }
        if (r != null) {
            switch (r) {
                case COUNTY_COORDINATOR -> require(errors, "countyId", county);
                case AREA_COORDINATOR -> require(errors, "areaId", area);
                case PROVIDER_STAFF, PARTNER, NATIONAL_REPORTER -> require(errors, "organisationId", org);
                case VOLUNTEER -> require(errors, "placeId", place);
                case ADMIN -> {
                }
            }
        }
        if (!errors.isEmpty()) {
            return null;
        }
        boolean on = "true".equals(enabled) || "on".equals(enabled);
        return new Checked(v, mail, name, r, org, county, area, place, lang, on, pw);
    }

    private static void require(FieldErrors errors, String field, Long value) {
        if (value == null && !errors.has(field)) {
            errors.add(field, "validation.roleScope");
        }
    }
}
