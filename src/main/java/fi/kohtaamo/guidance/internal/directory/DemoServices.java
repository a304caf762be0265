package fi.kohtaamo.guidance.internal.directory;

import static fi.kohtaamo.guidance.internal.directory.DirectoryModel.AccessMode.BOTH;
import static fi.kohtaamo.guidance.internal.directory.DirectoryModel.AccessMode.PROFESSIONAL_ONLY;
import static fi.kohtaamo.guidance.internal.directory.DirectoryModel.PhoneCharge.FREE;
import static fi.kohtaamo.guidance.internal.directory.DirectoryModel.PhoneCharge.LOCAL_RATE;

import fi.kohtaamo.guidance.internal.directory.DirectoryModel.Cost;
import fi.kohtaamo.shared.LocalizedText;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo directory of Länsi-Uusimaa: about forty family services of the kinds the county has (seed 002,
 * "Asiakasohjaus"), in its municipalities, with fictional phone numbers (09 4000 …, 019 400 …, 0800 41 …), addresses
 * and web addresses under example.fi. Some were last checked 7–12 months ago, so reminders and the "not checked"
 * list have something to show.
 */
final class DemoServices {

    static final String COUNTY = "Länsi-Uudenmaan hyvinvointialue";

    private DemoServices() {
    }

    private static LocalizedText a11y(String fi, String sv, String en) {
        return LocalizedText.of(fi, sv, en);
    }

    private static final LocalizedText STEP_FREE = a11y("Sisäänkäynti ilman portaita, hissi, esteetön wc.",
            "Ingång utan trappor, hiss, tillgänglig toalett.", "Step-free entrance, a lift, an accessible toilet.");

    /** A municipality's place names: code, Finnish, Swedish, a street and a postal code for its family centre. */
    private record Town(String code, String fi, String sv, String street, String postal, String area) {
    }

    private static final Town[] CLINICS = {
        new Town("049", "Leppävaara", "Alberga", "Hevosenkenkä 3", "02600", "09 4000 1100"),
        new Town("049", "Espoonlahti", "Esboviken", "Kipparinkatu 8", "02320", "09 4000 1200"),
        new Town("049", "Espoon keskus", "Esbo centrum", "Kirkkojärventie 6", "02770", "09 4000 1300"),
        new Town("257", "Kirkkonummi", "Kyrkslätt", "Asematie 12", "02400", "09 4000 2100"),
        new Town("444", "Lohja", "Lojo", "Sibeliuksenkatu 2", "08100", "019 400 3100"),
        new Town("710", "Tammisaari", "Ekenäs", "Kuningattarenkatu 5", "10600", "019 400 4100"),
        new Town("927", "Nummela", "Nummela", "Tuusantie 1", "03100", "09 4000 5100"),
        new Town("078", "Hanko", "Hangö", "Vuorikatu 2", "10900", "019 400 6100"),
    };

    static List<DemoService> all() {
        List<DemoService> out = new ArrayList<>();
        int n = 0;
        for (Town t : CLINICS) {
            out.add(new DemoService("CHILD_HEALTH_CLINIC", t.fi() + "n neuvola", "Rådgivningen i " + t.sv(),
                    t.fi() + " child health clinic")
                    .summary("Äitiys- ja lastenneuvola raskausajasta kouluikään: terveystarkastukset, rokotukset ja "
                            + "tukea vanhemmuuteen.", "Mödra- och barnrådgivning från graviditeten till skolåldern.",
                            "Maternity and child health clinic from pregnancy to school age.")
                    .by(COUNTY, t.code()).needs("pregnancy", "baby_care", "sleep", "eating", "development", "parenting")
                    .ages(0, 6).expecting().languages("fi", "sv", "en")
                    .phone(t.area(), LOCAL_RATE, "1-5 08:00-15:00")
                    .location(t.street(), t.postal(), t.code(), STEP_FREE, "1-4 08:00-16:00", "5 08:00-14:00",
                            "CLOSED 2026-12-24")
                    .booking("https://example.fi/ajanvaraus/neuvola")
                    .owner("neuvola", n++ % 3 == 0 ? 8 + n % 4 : 1 + n % 4));
        }
        out.get(0).text("ar", "عيادة رعاية الأمومة والطفولة", "متابعة الحمل وصحة الطفل حتى سن المدرسة.",
                "اتصل بالعيادة لحجز موعد.");
        out.get(0).text("so", "Xarunta caafimaadka carruurta", "Caafimaadka uurka iyo ilmaha ilaa da'da dugsiga.",
                "Wac xarunta si aad u ballansato.");
        out.get(4).text("ru", "Детская консультация", "Наблюдение беременности и здоровья ребёнка до школы.",
                "Позвоните, чтобы записаться на приём.");
        out.add(counselling("Espoon kasvatus- ja perheneuvola", "Uppfostrings- och familjerådgivningen i Esbo",
                "Espoo family counselling", "049", "09 4000 1400", 3));
        out.add(counselling("Lohjan kasvatus- ja perheneuvola", "Uppfostrings- och familjerådgivningen i Lojo",
                "Lohja family counselling", "444", "019 400 3400", 9));
        out.add(counselling("Raaseporin kasvatus- ja perheneuvola", "Uppfostrings- och familjerådgivningen i Raseborg",
                "Raasepori family counselling", "710", "019 400 4400", 2));
        out.add(new DemoService("FAMILY_SOCIAL_WORK", "Lapsiperheiden sosiaalityö", "Socialt arbete för barnfamiljer",
                "Social work for families with children")
                .summary("Sosiaaliohjausta ja -työtä, kun perheen arki kuormittaa.",
                        "Social handledning och socialt arbete när vardagen är tung.",
                        "Social guidance and social work when everyday life is too much.")
                .by(COUNTY, "049", "235", "257", "444", "710", "927").needs("exhaustion", "money", "housing", "separation")
                .ages(0, 17).access(BOTH)
                .referral("Neuvola, varhaiskasvatus tai koulu voi tehdä yhteydenoton perheen luvalla.",
                        "Rådgivningen, småbarnspedagogiken eller skolan kan ta kontakt med familjens samtycke.",
                        "The clinic, early education or school can contact the service with the family's consent.")
                .phone("09 4000 7000", LOCAL_RATE, "1-5 09:00-15:00").owner("koordinaattori", 10));
        out.add(new DemoService("CHILD_WELFARE_OPEN", "Lastensuojelun avohuolto", "Barnskyddets öppenvård",
                "Child welfare open care")
                .summary("Tukea lapselle ja perheelle lastensuojelun asiakkuudessa.",
                        "Stöd för barnet och familjen inom barnskyddet.",
                        "Support for the child and family as clients of child welfare.")
                .by(COUNTY, "049", "235", "257", "444", "710", "927", "078", "149", "224", "755")
                .needs("violence", "exhaustion", "parenting").ages(0, 17).access(PROFESSIONAL_ONLY)
                .referral("Tehkää lastensuojeluilmoitus tai pyytäkää perheen kanssa palvelutarpeen arviointia.",
                        "Gör en barnskyddsanmälan eller begär en bedömning av servicebehovet tillsammans med familjen.",
                        "Make a child welfare notification or ask for a service needs assessment with the family.")
                .owner("koordinaattori", 4));
        out.add(new DemoService("FAMILY_WORK", "Perhetyö ja lapsiperheiden kotipalvelu",
                "Familjearbete och hemservice för barnfamiljer", "Family work and home help")
                .summary("Apua kotiin arjen pyörittämiseen esimerkiksi synnytyksen jälkeen tai sairastuessa.",
                        "Hjälp hemma med vardagen till exempel efter en förlossning eller vid sjukdom.",
                        "Help at home with everyday life, for example after a birth or during an illness.")
                .by(COUNTY, "049", "257", "444", "710", "927").needs("exhaustion", "baby_care", "parenting")
                .ages(0, 12).expecting().cost(Cost.INCOME_BASED)
                .phone("09 4000 7100", LOCAL_RATE, "1-5 09:00-12:00").owner("alue", 7));
        String[][] ecec = {{"Espoon kaupunki", "049", "09 4000 8100", "Espoo"}, {"Kirkkonummen kunta", "257",
            "09 4000 8200", "Kirkkonummi"}, {"Lohjan kaupunki", "444", "019 400 8300", "Lohja"},
            {"Raaseporin kaupunki", "710", "019 400 8400", "Raasepori"}};
        for (String[] e : ecec) {
            out.add(new DemoService("ECEC", e[3] + ": varhaiskasvatuksen palveluohjaus",
                    e[3] + ": servicehandledning inom småbarnspedagogiken", e[3] + ": early childhood education guidance")
                    .summary("Neuvontaa päiväkoti- ja perhepäivähoitopaikoista, kerhoista ja hakemisesta.",
                            "Rådgivning om daghem, familjedagvård, klubbar och ansökan.",
                            "Advice on day care centres, family day care, clubs and applying.")
                    .by(e[0], e[1]).needs("daycare").ages(0, 6).cost(Cost.INCOME_BASED).languages("fi", "sv", "en")
                    .phone(e[2], LOCAL_RATE, "1-4 09:00-12:00").web("https://example.fi/varhaiskasvatus")
                    .owner("kunta", e[1].equals("444") ? 11 : 1));
        }
        out.add(new DemoService("IMMIGRANT_SERVICES", "Espoon maahanmuuttajapalvelut", "Invandrartjänster i Esbo",
                "Espoo immigrant services")
                .summary("Ohjausta ja neuvontaa Suomeen muuttaneille perheille omalla kielellä.",
                        "Handledning och rådgivning för familjer som flyttat till Finland.",
                        "Guidance and advice for families who have moved to Finland.")
                .by("Espoon kaupunki", "049").needs("moving_to_finland", "money", "housing")
                .languages("fi", "sv", "en", "ar", "so", "ru", "fa", "uk")
                .phone("09 4000 8500", LOCAL_RATE, "1-5 09:00-15:00")
                .location("Kauppamiehentie 6", "02150", "049", STEP_FREE, "2 12:00-16:00", "4 09:00-12:00")
                .text("ar", "خدمات المهاجرين في إسبو", "إرشاد ونصائح للعائلات التي انتقلت إلى فنلندا.",
                        "تعال إلى مكتب الاستقبال يوم الثلاثاء أو الخميس أو اتصل بنا.")
                .text("so", "Adeegyada soo-galootiga Espoo", "Hagid iyo talo qoysaska u soo guuray Finland.",
                        "Kaalay xafiiska Talaadada ama Khamiista ama na soo wac.")
                .text("ru", "Услуги для иммигрантов в Эспоо", "Консультации для семей, переехавших в Финляндию.",
                        "Приходите во вторник или четверг или позвоните нам.")
                .owner("kunta", 3));
        out.add(new DemoService("IMMIGRANT_SERVICES", "Lohjan kotoutumispalvelut", "Integrationstjänster i Lojo",
                "Lohja integration services")
                .summary("Alkuvaiheen ohjausta ja tulkkausta perheille.", "Handledning och tolkning i början.",
                        "Early guidance and interpreting for families.")
                .by("Lohjan kaupunki", "444").needs("moving_to_finland").languages("fi", "en", "ar", "ru", "uk")
                .phone("019 400 8600", LOCAL_RATE, "1-5 09:00-14:00")
                .text("ru", "Услуги по интеграции в Лохье", "Консультации и перевод для семей.", "Позвоните нам.")
                .owner("kunta", 12));
        out.add(new DemoService("NGO_SERVICES", "Monikulttuuristen perheiden vertaisryhmä",
                "Kamratgrupp för mångkulturella familjer", "Peer group for multicultural families")
                .summary("Äitien ja lasten kohtaamisia, suomen kielen harjoittelua ja retkiä.",
                        "Träffar för mammor och barn, övning i finska och utflykter.",
                        "Meetings for mothers and children, practising Finnish and outings.")
                .by("Länsi-Uudenmaan monikulttuuristen perheiden yhdistys ry", "049")
                .needs("loneliness", "moving_to_finland").ages(0, 6).languages("fi", "ar", "so", "en")
                .location("Ulappakatu 1", "02320", "049", STEP_FREE, "3 10:00-12:00").email("perheet@example.fi")
                .text("so", "Kooxda taageerada qoysaska", "Kulan hooyooyinka iyo carruurta.", "Kaalay Arbacada.")
                .owner("verkosto2", 2));
        out.add(oral("Espoon suun terveydenhuolto", "Munhälsovården i Esbo", "Espoo oral health care", "049",
                "09 4000 9100", 1));
        out.add(oral("Lohjan suun terveydenhuolto", "Munhälsovården i Lojo", "Lohja oral health care", "444",
                "019 400 9100", 8));
        out.add(new DemoService("SPEECH_THERAPY", "Lasten puheterapia", "Talterapi för barn", "Speech therapy for children")
                .summary("Puheen ja kielen kehityksen arviointi ja kuntoutus.",
                        "Bedömning och rehabilitering av tal och språk.", "Assessment and therapy of speech and language.")
                .by(COUNTY, "049", "235", "257", "444", "710", "927").needs("speech", "development").ages(0, 12)
                .access(PROFESSIONAL_ONLY)
                .referral("Neuvolan terveydenhoitaja tai lääkäri tekee lähetteen.",
                        "Rådgivningens hälsovårdare eller läkare skriver en remiss.",
                        "The clinic's nurse or doctor writes a referral.")
                .phone("09 4000 9300", LOCAL_RATE, "2 12:00-13:00", "4 12:00-13:00").owner("neuvola", 5));
        out.add(new DemoService("PARENT_MENTAL_HEALTH", "Perheiden mielenterveys- ja päihdeneuvonta",
                "Mentalvårds- och missbruksrådgivning för familjer", "Mental health and substance advice for families")
                .summary("Matalan kynnyksen keskusteluapua vanhemmille, myös nimettömänä.",
                        "Samtalsstöd för föräldrar med låg tröskel, även anonymt.",
                        "Low-threshold conversation help for parents, also anonymously.")
                .by(COUNTY, "049", "235", "257", "444", "710", "927", "078", "149", "224", "755")
                .needs("mental_health", "substances", "exhaustion").expecting().languages("fi", "sv", "en")
                .phone("09 4000 9500", LOCAL_RATE, "1-5 08:00-20:00", "6-7 10:00-14:00")
                .chat("https://example.fi/chat/mielenterveys", "1-4 18:00-22:00").owner("koordinaattori", 9));
        out.add(new DemoService("PARENT_MENTAL_HEALTH", "Päihteitä käyttävien odottavien äitien tuki",
                "Stöd för blivande mammor som använder rusmedel", "Support for expecting mothers who use substances")
                .summary("Ensikodin avopalvelu raskausajasta vauvan ensimmäisiin vuosiin.",
                        "Mödrahemmets öppenvård från graviditeten till babyns första år.",
                        "The mother and baby home's outpatient service from pregnancy to the baby's first years.")
                .by("Ensi- ja turvakotien liitto", "049", "257", "444").needs("substances", "pregnancy", "baby_care")
                .ages(0, 3).expecting().access(BOTH)
                .referral("Neuvola tai sosiaalityö ohjaa, myös oma yhteydenotto käy.",
                        "Rådgivningen eller socialarbetet hänvisar, men man kan också ta kontakt själv.",
                        "The clinic or social work refers; a family may also call themselves.")
                .phone("09 4000 9600", LOCAL_RATE, "1-5 09:00-15:00").owner("koordinaattori", 2));
        out.add(new DemoService("PARISH_FAMILY_COUNSELLING", "Espoon perheasiain neuvottelukeskus",
                "Familjerådgivningscentralen i Esbo", "Espoo family counselling centre of the parishes")
                .summary("Maksutonta keskusteluapua parisuhteeseen, eroon ja perheen kriiseihin.",
                        "Avgiftsfri samtalshjälp i parrelationer, skilsmässa och familjekriser.",
                        "Free counselling for relationships, separation and family crises.")
                .by("Espoon seurakuntayhtymä", "049", "235").needs("relationship", "separation", "grief")
                .languages("fi", "sv", "en").phone("09 4000 6600", LOCAL_RATE, "1-4 09:00-11:00")
                .location("Kirkkokatu 3", "02770", "049", STEP_FREE, "1-5 09:00-19:00 R").owner("seurakunta", 7));
        out.add(new DemoService("PARISH_FAMILY_COUNSELLING", "Familjerådgivningen i Västnyland",
                "Familjerådgivningen i Västnyland", "Family counselling of the West Uusimaa parishes")
                .summary("Samtalsapua pareille ja perheille ruotsiksi ja suomeksi.",
                        "Samtalshjälp för par och familjer på svenska och finska.",
                        "Counselling for couples and families in Swedish and Finnish.")
                .by("Raaseporin seurakuntayhtymä", "710", "078", "149").needs("relationship", "separation")
                .languages("sv", "fi").phone("019 400 6700", LOCAL_RATE, "2 09:00-11:00", "4 13:00-15:00")
                .owner("seurakunta", 10));
        String[][] diaconia = {{"Espoon tuomiokirkkoseurakunta", "049", "09 4000 6100", "Espoon tuomiokirkkoseurakunnan"},
            {"Lohjan seurakunta", "444", "019 400 6200", "Lohjan seurakunnan"},
            {"Kirkkonummen suomalainen seurakunta", "257", "09 4000 6300", "Kirkkonummen seurakunnan"}};
        for (String[] d : diaconia) {
            out.add(new DemoService("PARISH_DIACONIA", d[3] + " diakoniatyö", "Diakonin i " + d[0],
                    "Diaconia of " + d[0])
                    .summary("Keskusteluapua ja taloudellista neuvontaa elämän vaikeissa tilanteissa.",
                            "Samtal och ekonomisk rådgivning i svåra livssituationer.",
                            "Conversation help and financial advice in hard times.")
                    .by(d[0], d[1]).needs("money", "loneliness", "grief", "exhaustion")
                    .phone(d[2], LOCAL_RATE, "1-5 09:00-11:00").owner("seurakunta", d[1].equals("257") ? 9 : 3));
        }
        out.add(new DemoService("HELPLINE", "Lasten ja nuorten puhelin ja chat", "Barn- och ungdomstelefonen och chatten",
                "Children and young people's phone and chat")
                .summary("Lapsille ja nuorille maksuton ja nimetön puhelin ja chat.",
                        "Avgiftsfri och anonym telefon och chatt för barn och unga.",
                        "A free, anonymous phone line and chat for children and young people.")
                .by("Mannerheimin Lastensuojeluliitto", "049", "235", "257", "444", "710", "927", "078", "149", "224", "755")
                .needs("loneliness", "violence", "behaviour").ages(7, 17).languages("fi", "sv")
                .phone("0800 41 1000", FREE, "1-5 14:00-20:00", "6-7 17:00-20:00")
                .chat("https://example.fi/lasten-ja-nuorten-chat", "1-4 17:00-22:00").owner("mll", 1));
        out.add(new DemoService("HELPLINE", "Vanhempainpuhelin ja -netti", "Föräldratelefonen och -nätet",
                "The parents' phone and online service")
                .summary("Nimetöntä tukea vanhemmille kasvatukseen ja arjen kysymyksiin.",
                        "Anonymt stöd för föräldrar i frågor om fostran och vardag.",
                        "Anonymous support for parents with parenting and everyday questions.")
                .by("Mannerheimin Lastensuojeluliitto", "049", "235", "257", "444", "710", "927", "078", "149", "224", "755")
                .needs("parenting", "behaviour", "exhaustion", "relationship").languages("fi", "sv")
                .phone("0800 41 2000", FREE, "1 10:00-13:00", "2 17:00-20:00", "3 10:00-13:00", "4 17:00-20:00")
                .web("https://example.fi/vanhempainnetti").owner("mll", 8));
        out.add(new DemoService("HELPLINE", "Kriisipuhelin iltaisin", "Krisjouren på kvällarna", "Evening crisis line")
                .summary("Keskusteluapua kriisissä myös yöllä.", "Samtalshjälp i kris även nattetid.",
                        "Someone to talk to in a crisis, also at night.")
                .by(COUNTY, "049", "235", "257", "444", "710", "927", "078", "149", "224", "755")
                .needs("grief", "mental_health", "violence").languages("fi", "sv", "en")
                .phone("0800 41 3000", FREE, "1-7 20:00-02:00").owner("koordinaattori", 1));
        out.add(new DemoService("NGO_SERVICES", "MLL:n vauvaperheiden vertaisryhmät", "MLL:s kamratgrupper för babyfamiljer",
                "MLL peer groups for baby families")
                .summary("Vertaisryhmä vauvaperheille kerran viikossa.", "Kamratgrupp för babyfamiljer en gång i veckan.",
                        "A weekly peer group for families with babies.")
                .by("MLL:n Espoon keskuksen yhdistys", "049").needs("loneliness", "baby_care").ages(0, 1)
                .location("Kirkkojärventie 6", "02770", "049", STEP_FREE, "3 10:00-11:30").owner("mll", 4));
        out.add(new DemoService("MLL_SUPPORT_PERSONS", "MLL:n perhekummit", "MLL:s familjefaddrar", "MLL family mentors")
                .summary("Vapaaehtoinen perhekummi lapsiperheen arjen tueksi.",
                        "En frivillig familjefadder som stöd i barnfamiljens vardag.",
                        "A volunteer family mentor to support a family's everyday life.")
                .by("MLL:n Lohjan yhdistys", "444", "927").needs("loneliness", "exhaustion").ages(0, 12)
                .email("perhekummit@example.fi").phone("019 400 7700", LOCAL_RATE, "2 10:00-12:00")
                .owner("mll", 11));
        out.add(new DemoService("NGO_SERVICES", "Folkhälsans familjeverksamhet", "Folkhälsans familjeverksamhet",
                "Folkhälsan's family activities")
                .summary("Familjecafeer och babyrytmik på svenska.", "Familjecaféer och babyrytmik på svenska.",
                        "Family cafés and baby rhythmics in Swedish.")
                .by("Folkhälsan", "710", "078", "149").needs("loneliness", "leisure").ages(0, 6).languages("sv")
                .location("Raseborgsvägen 10", "10600", "710", STEP_FREE, "2 09:30-11:30").owner("verkosto2", 6));
        out.add(new DemoService("NGO_SERVICES", "Eroperheiden vertaistuki", "Kamratstöd för skilsmässofamiljer",
                "Peer support for separating families")
                .summary("Vertaisryhmiä ja keskusteluapua eron keskellä oleville vanhemmille.",
                        "Kamratgrupper och samtalsstöd för föräldrar som skiljer sig.",
                        "Peer groups and conversation help for separating parents.")
                .by("Familia ry", "049", "257").needs("separation", "loneliness").web("https://example.fi/ero")
                .owner("verkosto2", 9));
        String[][] leisure = {{"Espoon kaupunki", "049", "Espoon kirjastojen perhetapahtumat",
            "Esbo biblioteks familjeevenemang", "Espoo libraries' family events", "Kirkkojärventie 6", "02770"},
            {"Lohjan kaupunki", "444", "Lohjan perheliikunta", "Familjemotion i Lojo", "Family sports in Lohja",
                "Karstuntie 1", "08100"},
            {"Raaseporin kaupunki", "710", "Raaseporin kulttuuria perheille", "Kultur för familjer i Raseborg",
                "Culture for families in Raasepori", "Raseborgsvägen 2", "10600"}};
        for (String[] l : leisure) {
            out.add(new DemoService("CULTURE_LEISURE", l[2], l[3], l[4])
                    .summary("Satutunteja, perheliikuntaa ja yhteistä tekemistä maksutta.",
                            "Sagostunder, familjemotion och aktiviteter utan avgift.",
                            "Story times, family sports and doing things together, free of charge.")
                    .by(l[0], l[1]).needs("leisure", "loneliness").ages(0, 12).languages("fi", "sv", "en")
                    .location(l[5], l[6], l[1], STEP_FREE, "6 10:00-14:00").web("https://example.fi/perheet")
                    .owner("kunta", l[1].equals("710") ? 7 : 2));
        }
        return out;
    }

    private static DemoService counselling(String fi, String sv, String en, String muni, String phone, int months) {
        return new DemoService("FAMILY_COUNSELLING", fi, sv, en)
                .summary("Apua kasvatukseen, lapsen kehitykseen ja perheen vuorovaikutukseen.",
                        "Hjälp med fostran, barnets utveckling och familjens samspel.",
                        "Help with parenting, a child's development and the family's relationships.")
                .by(COUNTY, muni).needs("behaviour", "parenting", "development", "separation").ages(0, 17)
                .access(BOTH).referral("Perhe voi soittaa itse; neuvola ja koulu voivat ohjata.",
                        "Familjen kan ringa själv; rådgivningen och skolan kan hänvisa.",
                        "The family may call itself; the clinic and school can refer.")
                .phone(phone, LOCAL_RATE, "1-5 09:00-11:00").owner("alue", months);
    }

    private static DemoService oral(String fi, String sv, String en, String muni, String phone, int months) {
        return new DemoService("ORAL_HEALTH", fi, sv, en)
                .summary("Lasten ja odottavien perheiden hammashoito.", "Tandvård för barn och blivande familjer.",
                        "Dental care for children and expecting families.")
                .by(COUNTY, muni).needs("oral_health").ages(0, 17).expecting()
                .phone(phone, LOCAL_RATE, "1-5 07:30-15:00").owner("neuvola", months);
    }
}
