package fi.kohtaamo.registry.internal;

import static fi.kohtaamo.registry.FundingSource.DONATIONS;
import static fi.kohtaamo.registry.FundingSource.FOUNDATIONS;
import static fi.kohtaamo.registry.FundingSource.MUNICIPALITY;
import static fi.kohtaamo.registry.FundingSource.OWN;
import static fi.kohtaamo.registry.FundingSource.PARISH;
import static fi.kohtaamo.registry.FundingSource.STEA;
import static fi.kohtaamo.registry.FundingSource.WELLBEING_COUNTY;
import static fi.kohtaamo.registry.OrganisationType.MLL_ASSOCIATION;
import static fi.kohtaamo.registry.OrganisationType.MLL_DISTRICT;
import static fi.kohtaamo.registry.OrganisationType.NATIONAL_ORGANISATION;
import static fi.kohtaamo.registry.OrganisationType.OTHER_NGO;
import static fi.kohtaamo.registry.OrganisationType.PARISH_UNION;

import fi.kohtaamo.registry.AccessibilityFeature;
import fi.kohtaamo.registry.FundingSource;
import fi.kohtaamo.registry.OrganisationType;
import fi.kohtaamo.registry.PlaceKind;
import fi.kohtaamo.registry.PremisesOwnership;
import fi.kohtaamo.registry.PremisesType;
import fi.kohtaamo.registry.TargetGroup;
import fi.kohtaamo.registry.internal.Model.Hours;
import fi.kohtaamo.registry.internal.Model.Staffing;
import fi.kohtaamo.shared.DemoData;
import fi.kohtaamo.shared.LocalizedText;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo registry: the real Länsi-Uusimaa wellbeing services county (its ten municipalities with their official
 * codes), coordination areas as in seed 002, realistic provider organisations and generated meeting places in the
 * proportions of spring 2022 (≈25 municipal places; ≈80 parish clubs and ≈40 MLL family cafés, one organiser's in
 * a locality gathered into one place; 5 other NGO places, one family centre).
 * Deterministic: all content comes from tables and {@code new Random(2022)}; only opening-period dates follow
 * the clock. Contacts are fictitious (@example.fi, 555 numbers); no personal data.
 */
@Component
@Order(10)
public class RegistryDemoData implements DemoData {

    public static final String COUNTY_CODE = "LU";

    private static final LocalizedText COUNTY_NAME = new LocalizedText("Länsi-Uudenmaan hyvinvointialue",
            "Västra Nylands välfärdsområde", "Western Uusimaa wellbeing services county");

    private final RegistryQueries queries;
    private final Clock clock;
    private final TransactionTemplate tx;

    public RegistryDemoData(RegistryQueries queries, Clock clock, TransactionTemplate tx) {
        this.queries = queries;
        this.clock = clock;
        this.tx = tx;
    }

    @Override
    public void load() {
        tx.executeWithoutResult(status -> {
            if (queries.countPlaces() > 0 || queries.counties().stream().anyMatch(c -> COUNTY_CODE.equals(c.code()))) {
                return;
            }
            new Generator().run();
        });
    }

    // ---- data tables ----------------------------------------------------------------------------

    /** Municipality: official code, names (English = Finnish), language status, phone area code, Swedish share of provision. */
    private record Muni(String code, String fi, String sv, String status, String phone, double swedish, String org,
            String orgSv, String orgEn, String web) {
    }

    private static final Muni[] MUNIS = {
        new Muni("049", "Espoo", "Esbo", "FI_SV", "09", 0.12, "Espoon kaupunki", "Esbo stad", "City of Espoo", "https://www.espoo.fi"),
        new Muni("078", "Hanko", "Hangö", "FI_SV", "019", 0.4, "Hangon kaupunki", "Hangö stad", "City of Hanko", "https://www.hanko.fi"),
        new Muni("149", "Inkoo", "Ingå", "SV_FI", "019", 0.5, "Inkoon kunta", "Ingå kommun", "Municipality of Inkoo", "https://www.inkoo.fi"),
        new Muni("224", "Karkkila", "Högfors", "FI", "09", 0, "Karkkilan kaupunki", "Högfors stad", "City of Karkkila", "https://www.karkkila.fi"),
        new Muni("235", "Kauniainen", "Grankulla", "FI_SV", "09", 0.35, "Kauniaisten kaupunki", "Grankulla stad", "City of Kauniainen", "https://www.kauniainen.fi"),
        new Muni("257", "Kirkkonummi", "Kyrkslätt", "FI_SV", "09", 0.3, "Kirkkonummen kunta", "Kyrkslätts kommun", "Municipality of Kirkkonummi", "https://www.kirkkonummi.fi"),
        new Muni("444", "Lohja", "Lojo", "FI", "019", 0.1, "Lohjan kaupunki", "Lojo stad", "City of Lohja", "https://www.lohja.fi"),
        new Muni("710", "Raasepori", "Raseborg", "SV_FI", "019", 0.6, "Raaseporin kaupunki", "Raseborgs stad", "City of Raasepori", "https://www.raasepori.fi"),
        new Muni("755", "Siuntio", "Sjundeå", "FI_SV", "09", 0.35, "Siuntion kunta", "Sjundeå kommun", "Municipality of Siuntio", "https://www.siuntio.fi"),
        new Muni("927", "Vihti", "Vichtis", "FI", "09", 0, "Vihdin kunta", "Vichtis kommun", "Municipality of Vihti", "https://www.vihti.fi"),
    };

    private record AreaDef(String key, String fi, String sv, String en, String dfi, String dsv, String den, String... munis) {
    }

    private static final AreaDef[] AREAS = {
        new AreaDef("espoonkeskus", "Espoon keskus", "Esbo centrum", "Espoo Centre",
                "Espoon keskuksen, Kauklahden ja Pohjois-Espoon kohtaamispaikat.",
                "Mötesplatserna i Esbo centrum, Köklax och norra Esbo.",
                "Meeting places in Espoo Centre, Kauklahti and Northern Espoo.", "049"),
        new AreaDef("leppavaara", "Leppävaara ja Kauniainen", "Alberga och Grankulla", "Leppävaara and Kauniainen",
                "Suur-Leppävaaran ja Kauniaisten kohtaamispaikat yhteisessä verkostossa.",
                "Mötesplatserna i Stor-Alberga och Grankulla i ett gemensamt nätverk.",
                "Meeting places of Greater Leppävaara and Kauniainen in one network.", "049", "235"),
        new AreaDef("tapiola", "Tapiola", "Hagalund", "Tapiola",
                "Suur-Tapiolan kohtaamispaikat: Tapiola, Otaniemi, Haukilahti, Mankkaa ja Niittykumpu.",
                "Mötesplatserna i Stor-Hagalund: Hagalund, Otnäs, Gäddvik, Mankans och Ängskulla.",
                "Meeting places of Greater Tapiola: Tapiola, Otaniemi, Haukilahti, Mankkaa and Niittykumpu.", "049"),
        new AreaDef("matinkyla", "Matinkylä–Olari", "Mattby–Olars", "Matinkylä–Olari",
                "Suur-Matinkylän kohtaamispaikat: Matinkylä, Olari, Henttaa ja Kaitaa.",
                "Mötesplatserna i Stor-Mattby: Mattby, Olars, Hemtans och Kaitans.",
                "Meeting places of Greater Matinkylä: Matinkylä, Olari, Henttaa and Kaitaa.", "049"),
        new AreaDef("espoonlahti", "Espoonlahti", "Esboviken", "Espoonlahti",
                "Suur-Espoonlahden kohtaamispaikat: Espoonlahti, Kivenlahti, Soukka, Saunalahti ja Latokaski.",
                "Mötesplatserna i Stor-Esboviken: Esboviken, Stensvik, Sökö, Bastvik och Ladusved.",
                "Meeting places of Greater Espoonlahti: Espoonlahti, Kivenlahti, Soukka, Saunalahti and Latokaski.", "049"),
        new AreaDef("kirkkonummi", "Kirkkonummi", "Kyrkslätt", "Kirkkonummi", "Kirkkonummen kunnan kohtaamispaikat.",
                "Mötesplatserna i Kyrkslätts kommun.", "Meeting places in the municipality of Kirkkonummi.", "257"),
        new AreaDef("inkoosiuntio", "Inkoo ja Siuntio", "Ingå och Sjundeå", "Inkoo and Siuntio",
                "Kahden pienen kunnan yhteinen kohtaamispaikka-alue.", "Ett gemensamt område för två små kommuner.",
                "A joint area of two small municipalities.", "149", "755"),
        new AreaDef("lohja", "Lohja", "Lojo", "Lohja", "Lohjan kaupungin kohtaamispaikat keskustasta Sammattiin.",
                "Mötesplatserna i Lojo stad från centrum till Sammatti.",
                "Meeting places in the city of Lohja, from the centre to Sammatti.", "444"),
        new AreaDef("vihti", "Vihti", "Vichtis", "Vihti", "Vihdin kunnan kohtaamispaikat Nummelassa ja kirkonkylässä.",
                "Mötesplatserna i Vichtis kommun i Nummela och kyrkbyn.",
                "Meeting places in Vihti: Nummela and the church village.", "927"),
        new AreaDef("karkkila", "Karkkila", "Högfors", "Karkkila", "Karkkilan kaupungin kohtaamispaikat.",
                "Mötesplatserna i Högfors stad.", "Meeting places in the city of Karkkila.", "224"),
        new AreaDef("raaseporihanko", "Raasepori ja Hanko", "Raseborg och Hangö", "Raasepori and Hanko",
                "Läntisimmän Uudenmaan kaksikielinen alue: Tammisaari, Karjaa ja Hanko.",
                "Det tvåspråkiga området längst i väster: Ekenäs, Karis och Hangö.",
                "The bilingual westernmost area: Tammisaari, Karjaa and Hanko.", "710", "078"),
    };

    /** Organisation: key, parent key, type, names, municipality, website. The county is set for all but national ones. */
    private record Org(String key, String parent, OrganisationType type, String fi, String sv, String en, String muni,
            String web) {
    }

    private static Org parish(String key, String parent, String fi, String sv, String en, String muni) {
        return new Org(key, parent, OrganisationType.PARISH, fi, sv, en, muni, null);
    }

    private static Org mll(String key, String fi, String sv, String en, String muni) {
        return new Org(key, "mll-uusimaa", MLL_ASSOCIATION, fi, sv, en, muni, null);
    }

    private static final Org[] ORGS = {
        new Org("mll", null, NATIONAL_ORGANISATION, "Mannerheimin Lastensuojeluliitto", "Mannerheims Barnskyddsförbund",
                "Mannerheim League for Child Welfare", null, "https://www.mll.fi"),
        new Org("mll-uusimaa", "mll", MLL_DISTRICT, "MLL:n Uudenmaan piiri", "MLL Nylands distrikt", "MLL Uusimaa District",
                null, "https://uusimaa.mll.fi"),
        mll("mll-keskus", "MLL:n Espoon keskuksen yhdistys", "MLL Esbo centrum lokalförening", "MLL Espoo Centre local association", "049"),
        mll("mll-leppavaara", "MLL:n Leppävaaran yhdistys", "MLL Alberga lokalförening", "MLL Leppävaara local association", "049"),
        mll("mll-tapiola", "MLL:n Espoon Tapiolan yhdistys", "MLL Hagalund lokalförening", "MLL Tapiola local association", "049"),
        mll("mll-olari", "MLL:n Matinkylä–Olarin yhdistys", "MLL Mattby–Olars lokalförening", "MLL Matinkylä–Olari local association", "049"),
        mll("mll-espoonlahti", "MLL:n Espoonlahden yhdistys", "MLL Esboviken lokalförening", "MLL Espoonlahti local association", "049"),
        mll("mll-kauniainen", "MLL:n Kauniaisten yhdistys", "MLL Grankulla lokalförening", "MLL Kauniainen local association", "235"),
        mll("mll-kirkkonummi", "MLL Kirkkonummi", "MLL Kyrkslätt", "MLL Kirkkonummi local association", "257"),
        mll("mll-siuntio", "MLL:n Siuntion yhdistys", "MLL Sjundeå lokalförening", "MLL Siuntio local association", "755"),
        mll("mll-inkoo", "MLL Ingå lokalförening", "MLL Ingå lokalförening", "MLL Inkoo local association", "149"),
        mll("mll-lohja", "MLL:n Lohjan yhdistys", "MLL Lojo lokalförening", "MLL Lohja local association", "444"),
        mll("mll-vihti", "MLL Vihti", "MLL Vichtis", "MLL Vihti local association", "927"),
        mll("mll-karkkila", "MLL:n Karkkilan yhdistys", "MLL Högfors lokalförening", "MLL Karkkila local association", "224"),
        mll("mll-ekenas", "MLL Ekenäs lokalförening", "MLL Ekenäs lokalförening", "MLL Tammisaari local association", "710"),
        mll("mll-karis", "MLL Karis lokalförening", "MLL Karis lokalförening", "MLL Karjaa local association", "710"),
        mll("mll-hanko", "MLL Hangö lokalförening", "MLL Hangö lokalförening", "MLL Hanko local association", "078"),
        new Org("u-espoo", null, PARISH_UNION, "Espoon seurakuntayhtymä", "Esbo kyrkliga samfällighet", "Espoo Parish Union",
                "049", "https://www.espoonseurakunnat.fi"),
        parish("tuomio", "u-espoo", "Espoon tuomiokirkkoseurakunta", "Esbo domkyrkoförsamling", "Espoo Cathedral Parish", "049"),
        parish("leppavaara", "u-espoo", "Leppävaaran seurakunta", "Alberga församling", "Leppävaara Parish", "049"),
        parish("tapiola", "u-espoo", "Tapiolan seurakunta", "Hagalunds församling", "Tapiola Parish", "049"),
        parish("olari", "u-espoo", "Olarin seurakunta", "Olars församling", "Olari Parish", "049"),
        parish("espoonlahti", "u-espoo", "Espoonlahden seurakunta", "Esboviks församling", "Espoonlahti Parish", "049"),
        parish("esbo", "u-espoo", "Esbo svenska församling", "Esbo svenska församling", "Esbo Swedish Parish", "049"),
        new Org("u-kauniainen", null, PARISH_UNION, "Kauniaisten seurakuntayhtymä", "Grankulla kyrkliga samfällighet",
                "Kauniainen Parish Union", "235", null),
        parish("kauniainen-fi", "u-kauniainen", "Kauniaisten suomalainen seurakunta", "Grankulla finska församling",
                "Kauniainen Finnish Parish", "235"),
        parish("grankulla", "u-kauniainen", "Grankulla svenska församling", "Grankulla svenska församling",
                "Grankulla Swedish Parish", "235"),
        new Org("u-kirkkonummi", null, PARISH_UNION, "Kirkkonummen seurakuntayhtymä", "Kyrkslätt kyrkliga samfällighet",
                "Kirkkonummi Parish Union", "257", null),
        parish("kirkkonummi-fi", "u-kirkkonummi", "Kirkkonummen suomalainen seurakunta", "Kyrkslätt finska församling",
                "Kirkkonummi Finnish Parish", "257"),
        parish("kyrkslatt", "u-kirkkonummi", "Kyrkslätt svenska församling", "Kyrkslätt svenska församling",
                "Kyrkslätt Swedish Parish", "257"),
        new Org("u-lohja", null, PARISH_UNION, "Lohjan seurakuntayhtymä", "Lojo kyrkliga samfällighet", "Lohja Parish Union",
                "444", null),
        parish("lohja", "u-lohja", "Lohjan seurakunta", "Lojo finska församling", "Lohja Parish", "444"),
        parish("lojo", "u-lohja", "Lojo svenska församling", "Lojo svenska församling", "Lojo Swedish Parish", "444"),
        new Org("u-raasepori", null, PARISH_UNION, "Raaseporin seurakuntayhtymä", "Raseborgs kyrkliga samfällighet",
                "Raasepori Parish Union", "710", null),
        parish("raasepori-fi", "u-raasepori", "Raaseporin suomalainen seurakunta", "Raseborgs finska församling",
                "Raasepori Finnish Parish", "710"),
        parish("ekenasnejden", "u-raasepori", "Ekenäsnejdens svenska församling", "Ekenäsnejdens svenska församling",
                "Ekenäsnejden Swedish Parish", "710"),
        parish("karispojo", "u-raasepori", "Karis-Pojo svenska församling", "Karis-Pojo svenska församling",
                "Karis-Pojo Swedish Parish", "710"),
        parish("vihti", null, "Vihdin seurakunta", "Vichtis församling", "Vihti Parish", "927"),
        parish("karkkila", null, "Karkkilan seurakunta", "Högfors församling", "Karkkila Parish", "224"),
        parish("hanko", null, "Hangon seurakunta", "Hangö församling", "Hanko Parish", "078"),
        parish("inkoo", null, "Inkoon seurakunta", "Ingå församling", "Inkoo Parish", "149"),
        parish("siuntio", null, "Siuntion seurakunta", "Sjundeå församling", "Siuntio Parish", "755"),
        new Org("familia", null, OTHER_NGO, "Familia ry", "Familia rf", "Familia", null, "https://www.familiary.fi"),
        new Org("pelastakaa", null, OTHER_NGO, "Pelastakaa Lapset ry", "Rädda Barnen rf", "Save the Children Finland", null,
                "https://www.pelastakaalapset.fi"),
        new Org("ensikoti", null, OTHER_NGO, "Ensi- ja turvakotien liitto", "Förbundet för mödra- och skyddshem",
                "Federation of Mother and Child Homes and Shelters", null, "https://ensijaturvakotienliitto.fi"),
        new Org("folkhalsan", null, OTHER_NGO, "Folkhälsan", "Folkhälsan", "Folkhälsan", null, "https://www.folkhalsan.fi"),
        new Org("silta", null, OTHER_NGO, "Länsi-Uudenmaan monikulttuuristen perheiden yhdistys ry",
                "Västra Nylands mångkulturella familjers förening rf", "Western Uusimaa Multicultural Families Association",
                "049", null),
    };

    /**
     * A locality: municipality, area, names (fi, sv, Finnish genitive), postal code and office, centre coordinates,
     * station ('M' metro, 'J' railway, '-' none), bus lines, Finnish and Swedish parish, MLL association, the number
     * of parish family clubs and MLL family cafés generated there, and street names.
     */
    private record Loc(String key, String muni, String area, String fi, String sv, String gen, String postal,
            String office, double lat, double lon, char station, String bus, String parishFi, String parishSv,
            String mll, int clubs, int cafes, String... streets) {
    }

    private static final Loc[] LOCS = {
        new Loc("espoonkeskus", "049", "espoonkeskus", "Espoon keskus", "Esbo centrum", "Espoon keskuksen", "02770", "Espoo", 60.2052, 24.6559, 'J', "145, 165, 245", "tuomio", "esbo", "mll-keskus", 4, 2, "Kirkkojärventie", "Espoonkatu", "Siltakatu", "Kamreerintie"),
        new Loc("kauklahti", "049", "espoonkeskus", "Kauklahti", "Köklax", "Kauklahden", "02780", "Espoo", 60.1912, 24.5991, 'J', "161, 165", "tuomio", "esbo", "mll-keskus", 2, 1, "Kauklahdenväylä", "Hansakallio", "Kauklahdenkuja"),
        new Loc("kuurinniitty", "049", "espoonkeskus", "Kuurinniitty", "Kurängen", "Kuurinniityn", "02750", "Espoo", 60.2127, 24.6844, '-', "245, 246", "tuomio", "esbo", "mll-keskus", 1, 0, "Kuurinniityntie", "Niittyrinne"),
        new Loc("nupuri", "049", "espoonkeskus", "Nupuri", "Nupurböle", "Nupurin", "02820", "Espoo", 60.2436, 24.6423, '-', "245, 246", "tuomio", "esbo", "mll-keskus", 1, 1, "Nupurintie", "Vanha Nupurintie"),
        new Loc("leppavaara", "049", "leppavaara", "Leppävaara", "Alberga", "Leppävaaran", "02600", "Espoo", 60.2193, 24.8136, 'J', "200, 550", "leppavaara", "esbo", "mll-leppavaara", 3, 2, "Leppävaarankatu", "Hevosenkenkä", "Läkkisepäntie", "Alberganesplanadi"),
        new Loc("kilo", "049", "leppavaara", "Kilo", "Kilo", "Kilon", "02610", "Espoo", 60.2166, 24.7834, 'J', "214, 217", "leppavaara", "esbo", "mll-leppavaara", 2, 1, "Kutojantie", "Kilonrinne"),
        new Loc("karakallio", "049", "leppavaara", "Karakallio", "Karabacka", "Karakallion", "02620", "Espoo", 60.2275, 24.7642, '-', "212, 213", "leppavaara", "esbo", "mll-leppavaara", 1, 0, "Karakalliontie", "Karaportti"),
        new Loc("lintuvaara", "049", "leppavaara", "Lintuvaara", "Fågelberga", "Lintuvaaran", "02660", "Espoo", 60.2437, 24.8091, '-', "205, 206", "leppavaara", "esbo", "mll-leppavaara", 2, 1, "Lintuvaarantie", "Lintukorventie"),
        new Loc("viherlaakso", "049", "leppavaara", "Viherlaakso", "Gröndal", "Viherlaakson", "02710", "Espoo", 60.2247, 24.7378, '-', "212, 235", "leppavaara", "esbo", "mll-leppavaara", 1, 0, "Viherlaaksonranta", "Lehtikuusentie"),
        new Loc("laaksolahti", "049", "leppavaara", "Laaksolahti", "Dalsvik", "Laaksolahden", "02730", "Espoo", 60.2450, 24.7385, '-', "225, 235", "leppavaara", "esbo", "mll-leppavaara", 1, 1, "Laaksolahdentie", "Sulkapolku"),
        new Loc("tapiola", "049", "tapiola", "Tapiola", "Hagalund", "Tapiolan", "02100", "Espoo", 60.1756, 24.8050, 'M', "110, 550", "tapiola", "esbo", "mll-tapiola", 3, 2, "Tapionaukio", "Kauppamiehentie", "Itätuulenkuja", "Ahertajantie"),
        new Loc("otaniemi", "049", "tapiola", "Otaniemi", "Otnäs", "Otaniemen", "02150", "Espoo", 60.1867, 24.8277, 'M', "102, 550", "tapiola", "esbo", "mll-tapiola", 0, 1, "Otakaari", "Otaranta"),
        new Loc("haukilahti", "049", "tapiola", "Haukilahti", "Gäddvik", "Haukilahden", "02170", "Espoo", 60.1560, 24.7805, '-', "111, 113", "tapiola", "esbo", "mll-tapiola", 1, 1, "Haukilahdenkatu", "Toppelundintie"),
        new Loc("mankkaa", "049", "tapiola", "Mankkaa", "Mankans", "Mankkaan", "02180", "Espoo", 60.2010, 24.7620, '-', "112, 115", "tapiola", "esbo", "mll-tapiola", 1, 0, "Mankkaanlaaksontie", "Mankkaanpuro"),
        new Loc("niittykumpu", "049", "tapiola", "Niittykumpu", "Ängskulla", "Niittykummun", "02200", "Espoo", 60.1711, 24.7623, 'M', "118", "tapiola", "esbo", "mll-tapiola", 1, 0, "Niittykummuntie", "Niittyportti"),
        new Loc("matinkyla", "049", "matinkyla", "Matinkylä", "Mattby", "Matinkylän", "02230", "Espoo", 60.1597, 24.7386, 'M', "111, 140", "olari", "esbo", "mll-olari", 2, 2, "Matinkatu", "Piispansilta", "Matinkyläntie"),
        new Loc("olari", "049", "matinkyla", "Olari", "Olars", "Olarin", "02210", "Espoo", 60.1757, 24.7353, '-', "146, 147", "olari", "esbo", "mll-olari", 2, 1, "Olarinkatu", "Olarinluoma", "Kuitinmäentie"),
        new Loc("henttaa", "049", "matinkyla", "Henttaa", "Hemtans", "Henttaan", "02250", "Espoo", 60.1780, 24.7070, '-', "147, 148", "olari", "esbo", "mll-olari", 1, 0, "Henttaankaari", "Suurpellonaukio"),
        new Loc("kaitaa", "049", "matinkyla", "Kaitaa", "Kaitans", "Kaitaan", "02260", "Espoo", 60.1497, 24.6986, 'M', "148, 154", "olari", "esbo", "mll-olari", 1, 1, "Kaitaantie", "Iivisniemenkatu"),
        new Loc("espoonlahti", "049", "espoonlahti", "Espoonlahti", "Esboviken", "Espoonlahden", "02320", "Espoo", 60.1483, 24.6590, 'M', "143, 165", "espoonlahti", "esbo", "mll-espoonlahti", 2, 1, "Ulappakatu", "Espoonlahdenkatu"),
        new Loc("kivenlahti", "049", "espoonlahti", "Kivenlahti", "Stensvik", "Kivenlahden", "02320", "Espoo", 60.1460, 24.6360, 'M', "143, 164", "espoonlahti", "esbo", "mll-espoonlahti", 2, 1, "Kivenlahdenkatu", "Merikansantie"),
        new Loc("soukka", "049", "espoonlahti", "Soukka", "Sökö", "Soukan", "02360", "Espoo", 60.1390, 24.6700, 'M', "145, 158", "espoonlahti", "esbo", "mll-espoonlahti", 1, 0, "Soukanväylä", "Soukantori"),
        new Loc("saunalahti", "049", "espoonlahti", "Saunalahti", "Bastvik", "Saunalahden", "02330", "Espoo", 60.1597, 24.6038, '-', "165, 543", "espoonlahti", "esbo", "mll-espoonlahti", 2, 1, "Saunalahdentie", "Saunaniemenkuja"),
        new Loc("latokaski", "049", "espoonlahti", "Latokaski", "Ladusved", "Latokasken", "02340", "Espoo", 60.1629, 24.6401, '-', "164", "espoonlahti", "esbo", "mll-espoonlahti", 1, 0, "Latokaskentie", "Latokartano"),
        new Loc("kauniainen", "235", "leppavaara", "Kauniainen", "Grankulla", "Kauniaisten", "02700", "Kauniainen", 60.2104, 24.7290, 'J', "213, 214", "kauniainen-fi", "grankulla", "mll-kauniainen", 3, 1, "Kauniaistentie", "Thurmaninpuistotie", "Asematie", "Tunnelitie"),
        new Loc("kirkkonummi", "257", "kirkkonummi", "Kirkkonummi", "Kyrkslätt", "Kirkkonummen", "02400", "Kirkkonummi", 60.1236, 24.4386, 'J', "191, 192, 194", "kirkkonummi-fi", "kyrkslatt", "mll-kirkkonummi", 4, 2, "Ervastintie", "Kirkkotori", "Asematie"),
        new Loc("masala", "257", "kirkkonummi", "Masala", "Masaby", "Masalan", "02430", "Masala", 60.1547, 24.5330, 'J', "171, 173", "kirkkonummi-fi", "kyrkslatt", "mll-kirkkonummi", 2, 1, "Masalantie", "Volsintie"),
        new Loc("veikkola", "257", "kirkkonummi", "Veikkola", "Veikkola", "Veikkolan", "02880", "Veikkola", 60.2705, 24.4590, '-', "215, 245", "kirkkonummi-fi", "kyrkslatt", "mll-kirkkonummi", 2, 1, "Veikkolantie", "Lamminkuja"),
        new Loc("siuntio", "755", "inkoosiuntio", "Siuntio", "Sjundeå", "Siuntion", "02580", "Siuntio", 60.1393, 24.2236, 'J', "920, 925", "siuntio", "siuntio", "mll-siuntio", 2, 1, "Siuntiontie", "Tallbackantie"),
        new Loc("inkoo", "149", "inkoosiuntio", "Inkoo", "Ingå", "Inkoon", "10210", "Ingå", 60.0457, 24.0055, '-', "910, 915", "inkoo", "inkoo", "mll-inkoo", 2, 1, "Ingåvägen", "Strandvägen", "Kyrkvägen"),
        new Loc("degerby", "149", "inkoosiuntio", "Degerby", "Degerby", "Degerbyn", "10160", "Degerby", 60.0310, 23.8850, '-', "910", "inkoo", "inkoo", "mll-inkoo", 1, 0, "Degerbyvägen", "Skolvägen"),
        new Loc("lohja", "444", "lohja", "Lohja", "Lojo", "Lohjan", "08100", "Lohja", 60.2490, 24.0650, '-', "1, 2, 3", "lohja", "lojo", "mll-lohja", 4, 2, "Laurinkatu", "Karstuntie", "Nahkurintie"),
        new Loc("virkkala", "444", "lohja", "Virkkala", "Virkby", "Virkkalan", "08700", "Lohja", 60.2030, 23.9890, '-', "4, 5", "lohja", "lojo", "mll-lohja", 2, 1, "Virkkalantie", "Lohjanharjuntie"),
        new Loc("ojamo", "444", "lohja", "Ojamo", "Ojamo", "Ojamon", "08500", "Lohja", 60.2420, 24.0250, '-', "2, 6", "lohja", "lojo", "mll-lohja", 1, 1, "Ojamonkatu", "Ojamonharjuntie"),
        new Loc("sammatti", "444", "lohja", "Sammatti", "Sammatti", "Sammatin", "09220", "Sammatti", 60.3200, 23.8300, '-', "40", "lohja", "lojo", "mll-lohja", 1, 0, "Sammatintie", "Lohilammentie"),
        new Loc("nummela", "927", "vihti", "Nummela", "Nummela", "Nummelan", "03100", "Nummela", 60.3330, 24.3280, '-', "230, 235", "vihti", null, "mll-vihti", 4, 2, "Nummelantie", "Ratakatu", "Heiskanmäentie"),
        new Loc("vihti", "927", "vihti", "Vihti", "Vichtis", "Vihdin", "03400", "Vihti", 60.4170, 24.3190, '-', "240, 245", "vihti", null, "mll-vihti", 3, 1, "Kirkkoraitti", "Pappilantie"),
        new Loc("karkkila", "224", "karkkila", "Karkkila", "Högfors", "Karkkilan", "03600", "Karkkila", 60.5350, 24.2100, '-', "280, 285", "karkkila", null, "mll-karkkila", 2, 1, "Huhdintie", "Valtatie", "Pyhäjärventie"),
        new Loc("tammisaari", "710", "raaseporihanko", "Tammisaari", "Ekenäs", "Tammisaaren", "10600", "Ekenäs", 59.9740, 23.4370, 'J', "10, 12", "raasepori-fi", "ekenasnejden", "mll-ekenas", 3, 2, "Kungsgatan", "Raseborgsvägen", "Skolgatan"),
        new Loc("karjaa", "710", "raaseporihanko", "Karjaa", "Karis", "Karjaan", "10300", "Karis", 60.0710, 23.6620, 'J', "20, 22", "raasepori-fi", "karispojo", "mll-karis", 3, 1, "Köpmansgatan", "Stationsvägen", "Torggatan"),
        new Loc("hanko", "078", "raaseporihanko", "Hanko", "Hangö", "Hangon", "10900", "Hanko", 59.8240, 22.9700, 'J', "1, 2", "hanko", "hanko", "mll-hanko", 3, 2, "Vuorikatu", "Esplanadi", "Santalantie"),
    };

    /** Municipal open daycares and resident parks: kind, locality and the name stem in Finnish and Swedish. */
    private record Municipal(PlaceKind kind, String loc, String stem, String stemSv) {
    }

    private static Municipal rp(String loc, String stem) {
        return new Municipal(PlaceKind.RESIDENT_PARK, loc, stem, stem);
    }

    private static Municipal od(String loc, String stem, String stemSv) {
        return new Municipal(PlaceKind.OPEN_DAYCARE, loc, stem, stemSv);
    }

    private static final Municipal[] MUNICIPAL = {
        rp("tapiola", "Jousenkaari"), rp("kilo", "Kilonkallio"), rp("lintuvaara", "Lintulaakso"),
        rp("karakallio", "Karamalmi"), rp("olari", "Olarinluoma"), rp("henttaa", "Henttaanpuisto"),
        rp("kaitaa", "Iivisniemi"), rp("soukka", "Soukanmäki"), rp("saunalahti", "Saunaranta"),
        rp("kuurinniitty", "Kuurinmäki"),
        od("espoonkeskus", "Pikkuväki", "Pikkuväki"), od("leppavaara", "Nuppu", "Nuppu"),
        od("matinkyla", "Satumetsä", "Satumetsä"), od("kivenlahti", "Omenapuu", "Omenapuu"),
        od("kauklahti", "Tilhi", "Tilhi"), od("lohja", "Mustikka", "Mustikka"), od("virkkala", "Peikkometsä", "Peikkometsä"),
        od("kirkkonummi", "Leikkitupa", "Lekstugan"), od("masala", "Muksula", "Muksula"), od("nummela", "Vekara", "Vekara"),
        od("vihti", "Sirkus", "Sirkus"), od("karjaa", "Trollebo", "Trollebo"), od("karkkila", "Mesikämmen", "Mesikämmen"),
        od("hanko", "Majakka", "Fyren"), od("kauniainen", "Kuusikko", "Granbo"),
    };

    /** A name/description variant of parish clubs and family cafés; schedule 'M' morning, 'B' baby, 'E' evening, 'S' Saturday, 'L' multilingual. */
    private record Variant(String fi, String sv, String en, String mailbox, int weight, char schedule, String dfi,
            String dsv, String den) {
    }

    private static final Variant[] CLUBS = {
        new Variant("{g} perhekerho", "Familjeklubben i {sv}", "{fi} family club", "perhekerho", 60, 'M',
                "Perhekerho on avoin kaikille alle kouluikäisille lapsille ja heidän aikuisilleen. Kerhossa lauletaan, leikitään ja askarrellaan, ja lopuksi syödään yhdessä välipala. Ei ennakkoilmoittautumista.",
                "Familjeklubben är öppen för alla barn under skolåldern och deras vuxna. Vi sjunger, leker och pysslar och äter mellanmål tillsammans. Ingen föranmälan.",
                "The family club is open to all children under school age and their adults. We sing, play and do crafts, and finish with a snack together. No registration needed."),
        new Variant("{g} vauvakerho", "Babyklubben i {sv}", "{fi} baby club", "vauvakerho", 22, 'B',
                "Vauvakerho kokoaa vauvaperheet ja vauvaa odottavat perheet yhteen. Hetkessä on loruja, vauvahierontaa ja aikaa keskustella muiden vanhempien kanssa.",
                "Babyklubben samlar babyfamiljer och familjer som väntar barn. Vi har ramsor, babymassage och tid att prata med andra föräldrar.",
                "The baby club brings together families with babies and expecting families. We share rhymes, baby massage and time to talk with other parents."),
        new Variant("{g} iltaperhekerho", "Kvällsfamiljeklubben i {sv}", "{fi} evening family club", "iltaperhekerho", 11, 'E',
                "Iltaperhekerho on tarkoitettu erityisesti päivisin työssä käyville vanhemmille ja isovanhemmille. Aluksi syödään kevyt iltapala, sitten leikitään ja lauletaan.",
                "Kvällsfamiljeklubben är särskilt för föräldrar och far- och morföräldrar som arbetar dagtid. Vi börjar med ett lätt kvällsmål, sedan leker och sjunger vi.",
                "The evening family club is meant especially for parents and grandparents who work during the day. We start with a light snack, then play and sing."),
        new Variant("{g} isä–lapsi-kerho", "Pappa–barn-klubben i {sv}", "{fi} dad and child club", "isalapsikerho", 7, 'S',
                "Lauantaiaamun kerho isille, isovanhemmille ja muille läheisille aikuisille lasten kanssa. Ohjelmassa on liikuntaleikkejä, aamupala ja vapaata yhdessäoloa.",
                "Lördagsklubb för pappor, far- och morföräldrar och andra närstående vuxna med barnen. Rörelselekar, frukost och fri samvaro.",
                "A Saturday morning club for dads, grandparents and other close adults with their children. Active games, breakfast and time together."),
    };

    private static final Variant[] CAFES = {
        new Variant("{g} perhekahvila", "Familjecaféet i {sv}", "{fi} family café", "perhekahvila", 50, 'M',
                "Avoin perhekahvila vauvaperheille ja leikki-ikäisille. Vapaaehtoiset keittävät kahvit, lapset leikkivät ja vanhemmat saavat vertaistukea. Tervetuloa ilman ilmoittautumista!",
                "Öppet familjecafé för babyfamiljer och barn i lekåldern. Frivilliga kokar kaffe, barnen leker och föräldrarna får kamratstöd. Välkommen utan anmälan!",
                "An open family café for families with babies and toddlers. Volunteers make the coffee, children play and parents get peer support. Drop in, no registration!"),
        new Variant("{g} vauvakahvila", "Babycaféet i {sv}", "{fi} baby café", "vauvakahvila", 20, 'B',
                "Vauvakahvila on rento kohtaamispaikka vauvaperheille ja vauvaa odottaville. Välillä vieraana on neuvolan terveydenhoitaja tai muu asiantuntija.",
                "Babycaféet är en avslappnad mötesplats för babyfamiljer och dem som väntar barn. Ibland besöks vi av en hälsovårdare från rådgivningen eller en annan expert.",
                "The baby café is a relaxed meeting place for families with babies and those expecting. Sometimes a public health nurse or another expert visits."),
        new Variant("{g} iltaperhekahvila", "Kvällscaféet i {sv}", "{fi} evening family café", "iltakahvila", 12, 'E',
                "Iltaperhekahvila kokoontuu arki-iltaisin, jotta myös päivisin työssä olevat vanhemmat pääsevät mukaan. Leikkiä, iltapala ja juttuseuraa.",
                "Kvällscaféet träffas vardagskvällar så att också föräldrar som arbetar dagtid kan komma. Lek, kvällsmål och sällskap.",
                "The evening family café meets on weekday evenings so that parents who work during the day can join. Play, an evening snack and company."),
        new Variant("{g} isien perhekahvila", "Pappacaféet i {sv}", "{fi} dads' café", "isienkahvila", 6, 'S',
                "Isien perhekahvila lauantaisin: isät, isoisät ja muut läheiset miehet lasten kanssa. Leikkiä, aamupalaa ja vertaistukea.",
                "Pappacaféet på lördagar: pappor, morfäder, farfäder och andra närstående män med barnen. Lek, frukost och kamratstöd.",
                "The dads' café on Saturdays: fathers, grandfathers and other close men with their children. Play, breakfast and peer support."),
        new Variant("{g} monikielinen perhekahvila", "Flerspråkiga familjecaféet i {sv}", "{fi} multilingual family café", "monikielinen", 12, 'L',
                "Monikielinen perhekahvila, jossa voi tutustua muihin perheisiin ja harjoitella suomen kieltä lasten leikkiessä. Vapaaehtoisina on eri kieliä puhuvia vanhempia.",
                "Flerspråkigt familjecafé där man kan lära känna andra familjer och öva finska medan barnen leker. Bland de frivilliga finns föräldrar som talar olika språk.",
                "A multilingual family café where you can get to know other families and practise Finnish while the children play. Volunteers include parents who speak various languages."),
    };

    private static final LocalizedText[] OPEN_DAYCARE_TEXTS = {
        t("Avoin päiväkoti on maksuton kohtaamispaikka alle kouluikäisille lapsille ja heidän vanhemmilleen tai muille aikuisille. Ohjelmassa on laulua, leikkiä, askartelua ja ulkoilua varhaiskasvatuksen ammattilaisten ohjauksessa.",
                "Det öppna daghemmet är en avgiftsfri mötesplats för barn under skolåldern och deras föräldrar eller andra vuxna. Programmet består av sång, lek, pyssel och utevistelse under ledning av personal inom småbarnspedagogik.",
                "The open daycare is a free meeting place for children under school age and their parents or other adults. Singing, play, crafts and outdoor time, led by early childhood educators."),
        t("Tule leikkimään ja tapaamaan muita perheitä! Aikuinen on mukana ja vastaa lapsestaan; henkilökunta ohjaa yhteisiä tuokioita ja kertoo tarvittaessa alueen palveluista.",
                "Kom och lek och träffa andra familjer! Den vuxna är med och ansvarar för sitt barn; personalen leder gemensamma stunder och berättar vid behov om tjänsterna i området.",
                "Come and play and meet other families! An adult stays with the child; staff lead shared activities and can tell you about local services."),
    };

    private static final LocalizedText[] RESIDENT_PARK_TEXTS = {
        t("Asukaspuisto on kaikille avoin leikki- ja kohtaamispaikka, jossa on aidattu piha ja puistotalo. Aamupäivisin on ohjattua toimintaa pienille lapsille ja vanhemmille, iltapäivisin koululaisille.",
                "Invånarparken är en lek- och mötesplats öppen för alla, med inhägnad gård och parkhus. På förmiddagarna finns ledd verksamhet för små barn och föräldrar, på eftermiddagarna för skolbarn.",
                "The resident park is a play and meeting place open to all, with a fenced yard and a park building. Mornings offer guided activities for small children and parents, afternoons for schoolchildren."),
        t("Puiston ohjaajat järjestävät leikkejä, askartelua ja liikuntaa sekä yhteisiä tapahtumia alueen perheille. Puistotalossa voi lämmittää eväät ja vaihtaa vaipat.",
                "Parkens ledare ordnar lekar, pyssel och rörelse samt gemensamma evenemang för familjerna i området. I parkhuset kan man värma matsäcken och byta blöjor.",
                "The park instructors organise games, crafts and physical activities as well as joint events for local families. You can heat up packed meals and change nappies in the park building."),
    };

    /** The five other NGO places of the county. */
    private record Ngo(PlaceKind kind, String loc, String org, LocalizedText name, LocalizedText description,
            String languages, int days, boolean evening, FundingSource... funding) {
    }

    private static final Ngo[] NGOS = {
        new Ngo(PlaceKind.FAMILY_HOUSE, "leppavaara", "familia", t("Familian perhetalo", "Familias familjehus", "Familia family house"),
                t("Monikulttuuristen ja kaksikielisten perheiden kohtaamispaikka, jossa on avointa toimintaa, vertaisryhmiä ja neuvontaa. Toimintaa suomeksi, englanniksi ja perheiden omilla kielillä.",
                        "En mötesplats för mångkulturella och tvåspråkiga familjer med öppen verksamhet, kamratgrupper och rådgivning. Verksamhet på finska, engelska och familjernas egna språk.",
                        "A meeting place for multicultural and bilingual families with drop-in activities, peer groups and guidance. Activities in Finnish, English and the families' own languages."),
                "fi,en,ar,ru", 4, true, STEA, MUNICIPALITY),
        new Ngo(PlaceKind.OTHER, "matinkyla", "pelastakaa", t("Perhekohtaamo Matinkylä", "Familjemötesplatsen Mattby", "Matinkylä family meeting point"),
                t("Avoin kohtaamispaikka lapsiperheille ja nuorille: läksykerho koululaisille, avoin perheaamu ja vapaaehtoisten tukihenkilötoimintaa.",
                        "Öppen mötesplats för barnfamiljer och unga: läxklubb för skolbarn, öppen familjemorgon och frivilliga stödpersoner.",
                        "An open meeting place for families and young people: a homework club for schoolchildren, an open family morning and volunteer support persons."),
                "fi,en,so,ar", 3, true, STEA, DONATIONS),
        new Ngo(PlaceKind.OTHER, "espoonlahti", "silta", t("Perhekohtaamo Silta", "Familjemötesplatsen Silta", "Silta family meeting place"),
                t("Maahan muuttaneiden perheiden kohtaamispaikka: suomen kielen ryhmä vanhemmille, lasten leikkitoimintaa ja apua arjen asioissa.",
                        "En mötesplats för invandrarfamiljer: finskagrupp för föräldrar, lekverksamhet för barnen och hjälp med vardagliga ärenden.",
                        "A meeting place for families who have moved to Finland: a Finnish group for parents, play activities for children and help with everyday matters."),
                "fi,ar,so,ru,uk", 3, true, FOUNDATIONS, MUNICIPALITY, DONATIONS),
        new Ngo(PlaceKind.FAMILY_HOUSE, "lohja", "ensikoti", t("Perhetalo Pesä", "Familjehuset Pesä", "Pesä family house"),
                t("Perhetalo tarjoaa avointa toimintaa vauva- ja taaperoperheille sekä vertaisryhmiä vanhemmuuden haasteisiin. Työntekijän kanssa voi jutella myös kahden kesken.",
                        "Familjehuset erbjuder öppen verksamhet för familjer med bebisar och småbarn samt kamratgrupper om utmaningar i föräldraskapet. Man kan också prata med en anställd i enrum.",
                        "The family house offers drop-in activities for families with babies and toddlers and peer groups on the challenges of parenting. You can also talk with a staff member privately."),
                "fi,en", 4, false, STEA, MUNICIPALITY),
        new Ngo(PlaceKind.FAMILY_HOUSE, "tammisaari", "folkhalsan",
                t("Folkhälsans familjehus i Ekenäs", "Folkhälsans familjehus i Ekenäs", "Folkhälsan family house, Ekenäs"),
                t("Ruotsinkielinen perhetalo, jossa on avoin perhekahvila, vauvaryhmiä ja perhetapahtumia. Myös suomenkieliset perheet ovat tervetulleita.",
                        "Svenskspråkigt familjehus med öppet familjecafé, babygrupper och familjeevenemang. Även finskspråkiga familjer är välkomna.",
                        "A Swedish-language family house with an open family café, baby groups and family events. Finnish-speaking families are welcome too."),
                "sv,fi", 3, false, OWN, FOUNDATIONS, MUNICIPALITY),
    };

    private static final LocalizedText[] PARKING = {
        t("Pysäköinti pihalla (2 h kiekolla).", "Parkering på gården (2 h med p-skiva).", "Parking in the yard (2 h with a parking disc)."),
        t("Kadunvarsipysäköintiä lähikaduilla.", "Gatuparkering på gatorna intill.", "Street parking nearby."),
        t("Vaunut voi jättää katokseen sisäänkäynnin viereen.", "Barnvagnarna kan lämnas under taket vid ingången.", "Prams can be left in the shelter next to the entrance."),
    };

    private static final LocalizedText[] STEPS_NOTES = {
        t("Sisäänkäynnillä on muutama porras eikä luiskaa. Henkilökunta auttaa vaunujen kanssa.",
                "Vid ingången finns några trappsteg och ingen ramp. Personalen hjälper till med barnvagnen.",
                "There are a few steps at the entrance and no ramp. Staff will help with prams."),
        t("Tilat ovat toisessa kerroksessa, eikä talossa ole hissiä.", "Lokalerna ligger på andra våningen och huset saknar hiss.",
                "The premises are on the first floor and the building has no lift."),
        t("Pyörätuolilla liikkuminen on hankalaa kapeiden ovien vuoksi; esteetöntä WC:tä ei ole.",
                "Det är svårt att ta sig fram med rullstol på grund av smala dörrar; tillgänglig toalett saknas.",
                "Wheelchair access is difficult because of narrow doors; there is no accessible toilet."),
    };

    private static final LocalizedText[] STEP_FREE_NOTES = {
        t("Esteetön sisäänkäynti pääovesta, automaattiovi.", "Tillgänglig ingång via huvuddörren, automatisk dörr.",
                "Step-free entrance through the main door, automatic door."),
        t("Esteetön kulku pihan puolelta luiskaa pitkin.", "Tillgänglig ingång från gårdssidan via ramp.",
                "Step-free access from the yard side via a ramp."),
    };

    private static final String[] PARTNERS = {"neuvola", "perheneuvola", "varhaiskasvatus", "kirjasto", "seurakunta",
        "MLL:n paikallisyhdistys", "suun terveydenhuolto", "perhesosiaalityö", "maahanmuuttajapalvelut", "kulttuuripalvelut",
        "liikuntapalvelut", "puheterapia", "diakoniatyö"};

    /**
     * Premises of MLL family cafés by who provides them (seed 000: "44 % tiloista on yhdistyksen tai piirin
     * omistamia, 38 % kaupungin tarjoamia tiloja ja lisäksi käytössä on kaupungilta tai muulta toimijalta vuokrattuja
     * tai käyttöön saatuja tiloja").
     */
    private static final Map<PremisesOwnership, PremisesType[]> CAFE_PREMISES = Map.of(
            PremisesOwnership.OWN, new PremisesType[] {PremisesType.DETACHED_HOUSE, PremisesType.FAMILY_HOUSE,
                PremisesType.COMMUNITY_SPACE},
            PremisesOwnership.CITY_PROVIDED, new PremisesType[] {PremisesType.LIBRARY, PremisesType.COMMUNITY_SPACE,
                PremisesType.FAMILY_HOUSE},
            PremisesOwnership.RENTED, new PremisesType[] {PremisesType.APARTMENT_BUILDING_CLUB_ROOM,
                PremisesType.SHOPPING_CENTRE},
            PremisesOwnership.LENT, new PremisesType[] {PremisesType.PARISH_PREMISES});

    /** The owners' shares of MLL family cafés' premises: 44 % own, 38 % the city's, the rest rented or lent. */
    private static final Map<PremisesOwnership, Double> CAFE_OWNERSHIP = Map.of(PremisesOwnership.OWN, 0.44,
            PremisesOwnership.CITY_PROVIDED, 0.38, PremisesOwnership.RENTED, 0.09, PremisesOwnership.LENT, 0.09);

    private static final String[] OTHER_LANGUAGES = {"ar", "so", "ru", "uk", "fa"};

    private static final String[] FI_DAYS = {"ma", "ti", "ke", "to", "pe", "la", "su"};
    private static final String[] SV_DAYS = {"mån", "tis", "ons", "tor", "fre", "lör", "sön"};
    private static final String[] EN_DAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};

    private static LocalizedText t(String fi, String sv, String en) {
        return new LocalizedText(fi, sv, en);
    }

    // ---- generation ----------------------------------------------------------------------------

    /**
     * Staff of parish clubs and family cafés, drawn from a stream of their own.
     * Seed 000: "Keskimäärin kohtaamispaikassa työskentelee 2 työntekijää sekä usein palkkatukihenkilöitä.
     * Oppilaitosyhteistyö on vakiintunutta." Only a few cafés are run by volunteers alone ("Kaksi kohtaamispaikkaa
     * toimii ammattilaisten tukemien vapaaehtoisten voimin", 2 of 23).
     */
    private static final class StaffDraw {
        final Random rnd = new Random(2021);

        Staffing parish(int volunteers) {
            double e = rnd.nextDouble();
            return new Staffing(e < 0.25 ? 1 : e < 0.75 ? 2 : 3, rnd.nextDouble() < 0.3 ? 1 : 0,
                    rnd.nextDouble() < 0.3 ? 1 : 0, volunteers);
        }

        Staffing cafe(int volunteers) {
            double e = rnd.nextDouble();
            return new Staffing(e < 0.25 ? 0 : e < 0.6 ? 1 : e < 0.88 ? 2 : 3, rnd.nextDouble() < 0.4 ? 1 : 0,
                    rnd.nextDouble() < 0.3 ? 1 : 0, volunteers);
        }
    }

    /** Who provides each next café's premises: the owner furthest below its share so far, so the shares hold exactly. */
    private static final class CafeOwnership {
        final Map<PremisesOwnership, Integer> counts = new EnumMap<>(PremisesOwnership.class);
        final Random rnd = new Random(2044);
        int total;

        PremisesOwnership next() {
            total++;
            PremisesOwnership best = null;
            double bestGap = Double.NEGATIVE_INFINITY;
            for (PremisesOwnership o : PremisesOwnership.values()) {
                double gap = CAFE_OWNERSHIP.getOrDefault(o, 0.0) * total - counts.getOrDefault(o, 0);
                if (gap > bestGap) {
                    best = o;
                    bestGap = gap;
                }
            }
            counts.merge(best, 1, Integer::sum);
            return best;
        }

        PremisesType premises(PremisesOwnership ownership) {
            PremisesType[] types = CAFE_PREMISES.get(ownership);
            return types[rnd.nextInt(types.length)];
        }
    }

    /** A place being built; {@link Generator#save} fills in what all kinds share. */
    private static final class Draft {
        PlaceKind kind;
        Loc loc;
        LocalizedText name, description, generic;
        String mailbox, partners;
        PremisesType premises;
        PremisesOwnership ownership;
        boolean yard;
        Staffing staffing;
        final List<Long> organisers = new ArrayList<>();
        final Set<TargetGroup> groups = EnumSet.of(TargetGroup.UNDER_SCHOOL_AGE);
        final List<String> languages = new ArrayList<>();
        final Set<FundingSource> funding = EnumSet.noneOf(FundingSource.class);
        final List<Hours> hours = new ArrayList<>(), summerHours = new ArrayList<>();
    }

    private final class Generator {
        final Random rnd = new Random(2022);
        final Instant now = clock.instant();
        final Map<String, Muni> munis = new HashMap<>();
        final Map<String, Integer> clubIndex = new HashMap<>();
        final Map<String, Long> areaIds = new HashMap<>(), orgIds = new HashMap<>();
        final Set<String> names = new HashSet<>(), mailboxes = new HashSet<>();
        /** The clubs and cafés of the locality being generated, by kind and organiser, in the order first met. */
        final Map<String, Draft> pending = new java.util.LinkedHashMap<>();
        final StaffDraw staff = new StaffDraw();
        final CafeOwnership cafeOwnership = new CafeOwnership();
        final LocalDate seasonFrom, seasonTo, summerFrom, summerTo;

        Generator() {
            LocalDate today = LocalDate.now(clock);
            int month = today.getMonthValue();
            int start = month >= 6 ? today.getYear() : today.getYear() - 1;
            int summer = month == 6 || month == 7 ? start : start + 1;
            seasonFrom = LocalDate.of(start, 8, 1);
            seasonTo = LocalDate.of(start + 1, 5, 31);
            summerFrom = LocalDate.of(summer, 6, 1);
            summerTo = LocalDate.of(summer, 7, 31);
        }

        void run() {
            long county = queries.insertCounty(COUNTY_CODE, COUNTY_NAME, true);
            for (Muni m : MUNIS) {
                munis.put(m.code(), m);
                queries.insertMunicipality(m.code(), county, t(m.fi(), m.sv(), m.fi()), m.status(), now);
            }
            NearPoints.DEMO_CENTRES.forEach((code, c) -> queries.setMunicipalityCentre(code, c[0], c[1]));
            for (AreaDef a : AREAS) {
                areaIds.put(a.key(), queries.insertArea(county, t(a.fi(), a.sv(), a.en()), t(a.dfi(), a.dsv(), a.den()),
                        List.of(a.munis()), now));
            }
            organisations(county);
            Arrays.stream(MUNICIPAL).forEach(this::municipalPlace);
            for (Loc l : LOCS) {
                for (int i = 0; i < l.clubs(); i++) {
                    parishClub(l);
                }
                for (int i = 0; i < l.cafes(); i++) {
                    familyCafe(l);
                }
                pending.values().forEach(this::save);
                pending.clear();
            }
            Arrays.stream(NGOS).forEach(this::ngoPlace);
            familyCentre();
        }

        void organisations(long county) {
            orgIds.put("county", queries.insertOrganisation(new OrganisationCommand(null, OrganisationType.WELLBEING_COUNTY,
                    COUNTY_NAME, null, "https://www.luvn.fi", "perhekeskus@example.fi", null, county, null), now));
            for (Muni m : MUNIS) {
                orgIds.put(m.code(), queries.insertOrganisation(new OrganisationCommand(null, OrganisationType.MUNICIPALITY,
                        t(m.org(), m.orgSv(), m.orgEn()), null, m.web(), "perhepalvelut." + slug(m.fi()) + "@example.fi",
                        null, county, m.code()), now));
            }
            for (Org o : ORGS) {
                boolean national = o.type() == NATIONAL_ORGANISATION || o.type() == MLL_DISTRICT
                        || (o.type() == OTHER_NGO && o.muni() == null);
                Long parent = o.parent() == null ? null : orgIds.get(o.parent());
                orgIds.put(o.key(), queries.insertOrganisation(new OrganisationCommand(parent, o.type(),
                        t(o.fi(), o.sv(), o.en()), null, o.web(), null, null, national ? null : county, o.muni()), now));
            }
        }

        void municipalPlace(Municipal m) {
            Draft d = draft(m.kind(), m.loc());
            Muni muni = munis.get(d.loc.muni());
            boolean park = m.kind() == PlaceKind.RESIDENT_PARK;
            d.name = park ? t("Asukaspuisto " + m.stem(), "Invånarparken " + m.stemSv(), m.stem() + " resident park")
                    : t("Avoin päiväkoti " + m.stem(), "Öppna daghemmet " + m.stemSv(), m.stem() + " open daycare");
            d.description = pick(park ? RESIDENT_PARK_TEXTS : OPEN_DAYCARE_TEXTS);
            d.mailbox = (park ? "asukaspuisto." : "avoinpaivakoti.") + slug(m.stem());
            d.organisers.add(orgIds.get(muni.code()));
            d.premises = park ? PremisesType.OUTDOOR : chance(0.6) ? PremisesType.DAYCARE : PremisesType.FAMILY_HOUSE;
            d.ownership = PremisesOwnership.CITY_PROVIDED;
            d.yard = park || chance(0.8);
            groups(d, 0.6, park ? 1 : 0.3, park ? 0.6 : 0.15, 0.3);
            languages(d, muni, false);
            if (muni.code().equals("049") && chance(0.3)) {
                d.languages.add("en");
            }
            d.funding.add(MUNICIPALITY);
            d.staffing = new Staffing(2 + rnd.nextInt(park ? 2 : 3), chance(0.3) ? 1 : 0, chance(0.35) ? 1 : 0,
                    park && chance(0.2) ? 1 + rnd.nextInt(2) : 0);
            LocalTime opens = park ? at(8, 30) : at(9, 0);
            LocalTime closes = park ? at(16, 0) : chance(0.5) ? at(12, 0) : at(15, 0);
            weekly(d.hours, park || chance(0.6) ? 5 : 4, opens, closes);
            if (chance(0.3)) {
                d.hours.add(new Hours(DayOfWeek.of(2 + rnd.nextInt(3)), at(17, 0), at(19, 0)));
            }
            if (park) {
                weekly(d.summerHours, 5, at(9, 0), at(15, 0));
            }
            d.partners = partners("seurakunta", "MLL:n paikallisyhdistys");
            save(d);
        }

        void parishClub(Loc l) {
            Draft d = draft(PlaceKind.PARISH_FAMILY_CLUB, l.key());
            Muni muni = munis.get(l.muni());
            Variant v = variant(CLUBS);
            // Swedish-language clubs spread evenly over the municipality's clubs, in its Swedish share (rounded)
            int i = clubIndex.merge(muni.code(), 1, Integer::sum) - 1;
            boolean swedish = l.parishSv() != null
                    && Math.floor((i + 1) * muni.swedish() + 0.5) > Math.floor(i * muni.swedish() + 0.5);
            boolean bilingualParish = l.parishFi().equals(l.parishSv());
            d.organisers.add(orgIds.get(swedish ? l.parishSv() : l.parishFi()));
            hours(d, v.schedule(), true);
            if (swedish) {
                String sv = fill(v.sv(), l);
                d.name = t(sv, sv, fill(v.en(), l) + ", in Swedish");
                d.mailbox = "familjeklubb." + slug(l.sv());
                d.languages.add("sv");
            } else {
                d.name = t(fill(v.fi(), l), muni.swedish() > 0 ? fill(v.sv(), l) : null, fill(v.en(), l));
                d.mailbox = v.mailbox() + "." + slug(l.fi());
                d.languages.add("fi");
                if (bilingualParish && chance(0.4)) {
                    d.languages.add("sv");
                }
            }
            d.description = swedish ? t("Ruotsinkielinen kerho. " + v.dfi(), v.dsv(), "A Swedish-language club. " + v.den())
                    : t(v.dfi(), v.dsv(), v.den());
            double roll = rnd.nextDouble();
            d.premises = roll < 0.78 ? PremisesType.PARISH_PREMISES : roll < 0.9 ? PremisesType.COMMUNITY_SPACE : PremisesType.DAYCARE;
            d.ownership = roll < 0.78 ? PremisesOwnership.OWN : roll < 0.9 ? PremisesOwnership.CITY_PROVIDED : PremisesOwnership.LENT;
            d.yard = chance(0.4);
            boolean special = v.schedule() == 'E' || v.schedule() == 'S';
            groups(d, v.schedule() == 'B' ? 1 : 0.45, special ? 0.5 : 0.3, 0.12, special ? 0.7 : 0.25);
            d.funding.add(PARISH);
            maybe(d.funding, 0.1, DONATIONS);
            d.staffing = staff.parish(rnd.nextInt(4));
            d.partners = partners("seurakunta");
            Variant base = CLUBS[0];
            d.generic = swedish ? t(fill(base.sv(), l), fill(base.sv(), l), fill(base.en(), l) + ", in Swedish")
                    : t(fill(base.fi(), l), muni.swedish() > 0 ? fill(base.sv(), l) : null, fill(base.en(), l));
            gather(d);
        }

        void familyCafe(Loc l) {
            Draft d = draft(PlaceKind.FAMILY_CAFE, l.key());
            Muni muni = munis.get(l.muni());
            Variant v = variant(CAFES);
            if (v.schedule() == 'L' && muni.status().equals("SV_FI")) {
                v = CAFES[0];
            }
            d.organisers.add(orgIds.get(l.mll()));
            hours(d, v.schedule(), false);
            d.name = t(fill(v.fi(), l), muni.swedish() > 0 ? fill(v.sv(), l) : null, fill(v.en(), l));
            d.description = t(v.dfi(), v.dsv(), v.den());
            d.mailbox = v.mailbox() + "." + slug(l.fi());
            languages(d, muni, true);
            if (v.schedule() == 'L') {
                d.languages.add("en");
                List<String> others = new ArrayList<>(List.of(OTHER_LANGUAGES));
                for (int i = 0; i < 2; i++) {
                    d.languages.add(others.remove(rnd.nextInt(others.size())));
                }
            } else if (muni.code().equals("049") && chance(0.2)) {
                d.languages.add("en");
            }
            d.ownership = cafeOwnership.next();
            d.premises = cafeOwnership.premises(d.ownership);
            if (d.premises == PremisesType.PARISH_PREMISES && chance(0.5)) {
                d.organisers.add(orgIds.get(l.parishFi())); // a café in the parish's rooms, run together
            }
            d.yard = d.premises == PremisesType.DETACHED_HOUSE || chance(0.25);
            boolean special = v.schedule() == 'E' || v.schedule() == 'S';
            groups(d, v.schedule() == 'B' ? 1 : 0.55, special ? 0.6 : 0.4, 0.3, special ? 0.6 : 0.25);
            double f = rnd.nextDouble();
            d.funding.addAll(f < 0.2 ? List.of(STEA, MUNICIPALITY) : f < 0.4 ? List.of(MUNICIPALITY)
                    : f < 0.7 ? List.of(OWN) : f < 0.85 ? List.of(OWN, DONATIONS) : List.of(FOUNDATIONS, OWN));
            d.staffing = staff.cafe(2 + rnd.nextInt(9));
            d.partners = partners("MLL:n paikallisyhdistys");
            d.generic = t(fill(CAFES[0].fi(), l), muni.swedish() > 0 ? fill(CAFES[0].sv(), l) : null,
                    fill(CAFES[0].en(), l));
            gather(d);
        }

        void ngoPlace(Ngo n) {
            Draft d = draft(n.kind(), n.loc());
            d.name = n.name();
            d.description = n.description();
            d.mailbox = "kohtaamispaikka." + n.org();
            d.organisers.add(orgIds.get(n.org()));
            premises(d, n.kind() == PlaceKind.FAMILY_HOUSE ? PremisesType.FAMILY_HOUSE : PremisesType.COMMUNITY_SPACE,
                    n.kind() == PlaceKind.FAMILY_HOUSE && chance(0.5) ? PremisesOwnership.OWN : PremisesOwnership.RENTED);
            d.yard = n.kind() == PlaceKind.FAMILY_HOUSE;
            groups(d, 0.7, 0.8, 0.8, 0.3);
            d.languages.addAll(List.of(n.languages().split(",")));
            d.funding.addAll(List.of(n.funding()));
            d.staffing = new Staffing(2 + rnd.nextInt(2), 1, 1, 3 + rnd.nextInt(6));
            weekly(d.hours, n.days(), at(10, 0), at(14, 0));
            if (n.evening()) {
                d.hours.add(new Hours(DayOfWeek.of(1 + rnd.nextInt(4)), at(17, 0), at(19, 30)));
            }
            d.partners = partners();
            save(d);
        }

        void familyCentre() {
            Draft d = draft(PlaceKind.FAMILY_CENTRE, "espoonkeskus");
            d.name = t("Espoon keskuksen perhekeskuksen kohtaamispaikka", "Mötesplatsen vid Esbo centrums familjecenter",
                    "Espoo Centre family centre meeting place");
            d.description = t(
                    "Uuden perhekeskuksen avoin kohtaamispaikka, jossa kaupunki, hyvinvointialue, MLL ja seurakunta järjestävät toimintaa yhdessä. Samassa talossa ovat neuvola ja perheneuvola, joten ammattilaisia voi tavata matalalla kynnyksellä.",
                    "Den öppna mötesplatsen i det nya familjecentret, där staden, välfärdsområdet, MLL och församlingen ordnar verksamhet tillsammans. I samma hus finns rådgivningen och familjerådgivningen, så det är lätt att träffa yrkespersoner.",
                    "The open meeting place of the new family centre, run jointly by the city, the wellbeing services county, MLL and the parish. The child health clinic and family counselling are in the same building, so professionals are easy to meet.");
            d.mailbox = "kohtaamispaikka.espoonkeskus";
            List.of("049", "county", "mll-uusimaa", "tuomio").forEach(key -> d.organisers.add(orgIds.get(key)));
            premises(d, PremisesType.COMMUNITY_SPACE, PremisesOwnership.CITY_PROVIDED);
            d.yard = true;
            d.groups.addAll(EnumSet.allOf(TargetGroup.class));
            d.languages.addAll(List.of("fi", "sv", "en", "ar", "so"));
            d.funding.addAll(List.of(MUNICIPALITY, WELLBEING_COUNTY, STEA, PARISH));
            d.staffing = new Staffing(3, 1, 1, 4);
            weekly(d.hours, 5, at(9, 0), at(15, 0));
            d.hours.add(new Hours(DayOfWeek.WEDNESDAY, at(17, 0), at(19, 0)));
            d.partners = "Neuvola, perheneuvola, perhesosiaalityö, suun terveydenhuolto, varhaiskasvatus, kirjasto, "
                    + "MLL:n Uudenmaan piiri, Espoon tuomiokirkkoseurakunta";
            save(d);
        }

        // ---- shared parts ---------------------------------------------------------------------

        /**
         * One organiser's clubs (or cafés) in one locality are one place with several weekly times, as in seed 002
         * ("seurakunnissa oli yhteensä noin 80 perhekerhoa": a club is what a place runs, not a place of its own):
         * the first draft is the place, the others add their hours (another free weekday when theirs is taken), target
         * groups and languages; a place gathering several is named by its plain kind ("Kilon perhekerho").
         */
        void gather(Draft d) {
            String key = d.kind + ":" + d.organisers.get(0);
            Draft place = pending.get(key);
            if (place == null) {
                pending.put(key, d);
                return;
            }
            place.name = place.generic;
            for (Hours h : d.hours) {
                Hours slot = h;
                if (place.hours.stream().anyMatch(x -> x.weekday() == h.weekday())) {
                    slot = null;
                    for (DayOfWeek day : h.weekday() == DayOfWeek.SATURDAY ? List.of(DayOfWeek.SATURDAY)
                            : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                                    DayOfWeek.FRIDAY)) {
                        if (place.hours.stream().noneMatch(x -> x.weekday() == day)) {
                            slot = new Hours(day, h.opens(), h.closes());
                            break;
                        }
                    }
                }
                if (slot != null) {
                    place.hours.add(slot);
                }
            }
            place.hours.sort(java.util.Comparator.comparing(Hours::weekday).thenComparing(Hours::opens));
            place.groups.addAll(d.groups);
            d.languages.stream().filter(x -> !place.languages.contains(x)).forEach(place.languages::add);
            d.organisers.stream().filter(x -> !place.organisers.contains(x)).forEach(place.organisers::add);
        }

        Draft draft(PlaceKind kind, String loc) {
            Draft d = new Draft();
            d.kind = kind;
            d.loc = Arrays.stream(LOCS).filter(l -> l.key().equals(loc)).findFirst().orElseThrow();
            return d;
        }

        void save(Draft d) {
            Loc l = d.loc;
            Muni muni = munis.get(l.muni());
            d.name = unique(d.name, d.hours.get(0));
            String street = l.streets()[rnd.nextInt(l.streets().length)] + " " + (1 + rnd.nextInt(40));
            BigDecimal lat = coordinate(l.lat() + (rnd.nextDouble() - 0.5) * 0.012);
            BigDecimal lon = coordinate(l.lon() + (rnd.nextDouble() - 0.5) * 0.024);
            double stepFreeShare = switch (d.kind) {
                case OPEN_DAYCARE, RESIDENT_PARK -> 0.8;
                case FAMILY_CENTRE -> 1;
                case PARISH_FAMILY_CLUB -> 0.55;
                case FAMILY_CAFE -> 0.5;
                default -> 0.6;
            };
            Set<AccessibilityFeature> features = EnumSet.noneOf(AccessibilityFeature.class);
            LocalizedText notes = LocalizedText.EMPTY;
            if (chance(stepFreeShare)) {
                features.add(AccessibilityFeature.STEP_FREE_ENTRANCE);
                maybe(features, 0.75, AccessibilityFeature.ACCESSIBLE_TOILET);
                maybe(features, 0.2, AccessibilityFeature.LIFT);
                notes = chance(0.4) ? pick(STEP_FREE_NOTES) : notes;
            } else {
                notes = chance(0.7) ? pick(STEPS_NOTES) : notes;
            }
            maybe(features, 0.75, AccessibilityFeature.PRAM_PARKING);
            maybe(features, d.premises == PremisesType.PARISH_PREMISES ? 0.5 : 0.1, AccessibilityFeature.HEARING_LOOP);
            String mailbox = d.mailbox;
            for (int i = 2; !mailboxes.add(mailbox); i++) {
                mailbox = d.mailbox + i;
            }
            String phone = muni.phone() + " 555 " + (1000 + rnd.nextInt(9000));
            List<PlaceCommand.Period> periods = new ArrayList<>();
            String season = seasonFrom.getYear() + "–" + seasonTo.getYear();
            periods.add(new PlaceCommand.Period(seasonFrom, seasonTo, false, t("Toimintakausi " + season
                    + ". Koulujen lomaviikoilla toiminta voi olla tauolla.", "Verksamhetsperiod " + season
                    + ". Under skolornas lovveckor kan verksamheten ha paus.", "Season " + season
                    + ". Activities may pause during school holiday weeks."), List.copyOf(d.hours)));
            periods.add(d.summerHours.isEmpty()
                    ? new PlaceCommand.Period(summerFrom, summerTo, true, t("Kesätauko", "Sommaruppehåll", "Summer break"),
                            List.of())
                    : new PlaceCommand.Period(summerFrom, summerTo, false,
                            t("Kesäaukiolo", "Sommaröppettider", "Summer opening hours"), List.copyOf(d.summerHours)));
            PlaceCommand c = new PlaceCommand(d.kind, d.name, d.description, directions(l),
                    areaIds.get(l.area()), l.muni(), street, l.postal(), l.office(), lat, lon, d.premises,
                    d.ownership, d.yard, features, notes, d.staffing, d.partners, mailbox + "@example.fi", phone, null,
                    true, List.copyOf(d.organisers), d.groups, List.copyOf(d.languages), d.funding, periods);
            queries.insertPlace(c, true, now);
        }

        /** Keeps names unique: "Kilon perhekerho (ti)", then "Kilon perhekerho (ti 9.30)", then a number. */
        LocalizedText unique(LocalizedText name, Hours first) {
            int day = first.weekday().getValue() - 1;
            String time = first.opens().getHour() + "." + String.format("%02d", first.opens().getMinute());
            LocalizedText out = name;
            for (int i = 0; !names.add(out.fi()); i++) {
                String fi = i == 0 ? FI_DAYS[day] : i == 1 ? FI_DAYS[day] + " " + time : String.valueOf(i);
                String sv = i == 0 ? SV_DAYS[day] : i == 1 ? SV_DAYS[day] + " " + time : String.valueOf(i);
                String en = i == 0 ? EN_DAYS[day] : i == 1 ? EN_DAYS[day] + " " + time.replace('.', ':') : String.valueOf(i);
                out = t(name.fi() + " (" + fi + ")", name.sv() == null ? null : name.sv() + " (" + sv + ")",
                        name.en() + " (" + en + ")");
            }
            return out;
        }

        LocalizedText directions(Loc l) {
            String fi;
            String sv;
            String en;
            if (l.station() == '-') {
                fi = "bussit " + l.bus();
                sv = "bussarna " + l.bus();
                en = "buses " + l.bus();
            } else {
                boolean metro = l.station() == 'M';
                fi = l.gen() + (metro ? " metroasema" : " rautatieasema") + " ja bussit " + l.bus();
                sv = (metro ? "metrostationen i " : "järnvägsstationen i ") + l.sv() + " och bussarna " + l.bus();
                en = l.fi() + (metro ? " metro station" : " railway station") + " and buses " + l.bus();
            }
            LocalizedText parking = pick(PARKING);
            return t("Lähin joukkoliikenne: " + fi + ". " + parking.fi(), "Närmaste kollektivtrafik: " + sv + ". "
                    + parking.sv(), "Nearest public transport: " + en + ". " + parking.en());
        }

        void hours(Draft d, char schedule, boolean parish) {
            switch (schedule) {
                case 'B' -> {
                    DayOfWeek day = weekdays(1).get(0);
                    d.hours.add(chance(0.6) ? new Hours(day, at(10, 0), at(11, 30)) : new Hours(day, at(13, 0), at(14, 30)));
                }
                case 'E' -> d.hours.add(new Hours(DayOfWeek.of(1 + rnd.nextInt(4)), parish ? at(17, 30) : at(17, 0), at(19, 0)));
                case 'S' -> d.hours.add(new Hours(DayOfWeek.SATURDAY, at(10, 0), parish ? at(12, 0) : at(12, 30)));
                default -> {
                    int days = parish ? 1 : schedule == 'L' ? 2 + rnd.nextInt(2) : chance(0.7) ? 1 : 2;
                    LocalTime opens = chance(0.7) ? at(9, 30) : at(10, 0);
                    weekly(d.hours, days, opens, opens.plusMinutes(parish ? 120 : 150));
                }
            }
        }

        void groups(Draft d, double expecting, double age712, double over12, double grandparents) {
            maybe(d.groups, expecting, TargetGroup.EXPECTING);
            maybe(d.groups, age712, TargetGroup.AGE_7_12);
            maybe(d.groups, over12, TargetGroup.OVER_12);
            maybe(d.groups, grandparents, TargetGroup.GRANDPARENTS);
        }

        <T> void maybe(Set<T> set, double p, T value) {
            if (chance(p)) {
                set.add(value);
            }
        }

        /** Finnish first; Swedish first in Swedish-majority municipalities; Swedish too in strongly bilingual ones. */
        void languages(Draft d, Muni muni, boolean sometimes) {
            if (muni.status().equals("SV_FI")) {
                d.languages.addAll(List.of("sv", "fi"));
            } else {
                d.languages.add("fi");
                if (muni.swedish() >= 0.3 && (!sometimes || chance(0.5))) {
                    d.languages.add("sv");
                }
            }
        }

        void premises(Draft d, PremisesType type, PremisesOwnership ownership) {
            d.premises = type;
            d.ownership = ownership;
        }

        String partners(String... exclude) {
            List<String> pool = new ArrayList<>(List.of(PARTNERS));
            pool.removeAll(List.of(exclude));
            StringBuilder out = new StringBuilder();
            int n = 2 + rnd.nextInt(3);
            for (int i = 0; i < n; i++) {
                String p = pool.remove(rnd.nextInt(pool.size()));
                out.append(i == 0 ? Character.toUpperCase(p.charAt(0)) + p.substring(1) : ", " + p);
            }
            return out.toString();
        }

        Variant variant(Variant[] variants) {
            int total = Arrays.stream(variants).mapToInt(Variant::weight).sum();
            int roll = rnd.nextInt(total);
            for (Variant v : variants) {
                roll -= v.weight();
                if (roll < 0) {
                    return v;
                }
            }
            return variants[0];
        }

        void weekly(List<Hours> hours, int days, LocalTime opens, LocalTime closes) {
            weekdays(days).forEach(day -> hours.add(new Hours(day, opens, closes)));
        }

        /** Distinct weekdays Monday–Friday, in week order. */
        List<DayOfWeek> weekdays(int n) {
            List<DayOfWeek> pool = new ArrayList<>(List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
                    DayOfWeek.THURSDAY, DayOfWeek.FRIDAY));
            while (pool.size() > n) {
                pool.remove(rnd.nextInt(pool.size()));
            }
            return pool;
        }

        boolean chance(double p) {
            return rnd.nextDouble() < p;
        }

        <T> T pick(T[] items) {
            return items[rnd.nextInt(items.length)];
        }
    }

    private static String fill(String pattern, Loc l) {
        return pattern.replace("{g}", l.gen()).replace("{sv}", l.sv()).replace("{fi}", l.fi());
    }

    private static String slug(String s) {
        return s.toLowerCase(java.util.Locale.ROOT).replace('ä', 'a').replace('ö', 'o').replace('å', 'a')
                .replaceAll("[^a-z0-9]", "");
    }

    private static LocalTime at(int hour, int minute) {
        return LocalTime.of(hour, minute);
    }

    private static BigDecimal coordinate(double value) {
        return BigDecimal.valueOf(value).setScale(6, RoundingMode.HALF_UP);
    }
}
