package fi.kohtaamo.calendar.internal;

import fi.kohtaamo.calendar.internal.ActivityQueries;

/** A school holiday as the staff form sends it (all text). */
public class SchoolHolidayForm {

    /** Longest school holiday accepted: the summer holiday is about eleven weeks. */
    public static final int MAX_DAYS = 100;

    public String municipalityCode;
    /** fi, sv, or blank for both. */
    public String schoolLanguage;
    public String start;
    public String end;
    public String nameFi;
    public String nameSv;
    public String nameEn;

    public static SchoolHolidayForm of(ActivityQueries.SchoolHoliday h) {
        SchoolHolidayForm f = new SchoolHolidayForm();
        f.municipalityCode = h.municipalityCode();
        f.schoolLanguage = h.schoolLanguage() == null ? "" : h.schoolLanguage();
        f.start = h.start().toString();
        f.end = h.end().toString();
        f.nameFi = h.name().fi();
        f.nameSv = h.name().sv();
        f.nameEn = h.name().en();
        return f;
    }
}
