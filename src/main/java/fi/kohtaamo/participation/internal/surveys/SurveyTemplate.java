package fi.kohtaamo.participation.internal.surveys;

import fi.kohtaamo.participation.internal.surveys.SurveyModel.Choice;
import fi.kohtaamo.participation.internal.surveys.SurveyModel.Kind;
import fi.kohtaamo.participation.internal.surveys.SurveyModel.Op;
import fi.kohtaamo.shared.LocalizedText;
import java.util.List;

/**
 * The ready visitor survey, with the questions the meeting places ask in practice (PRODUCT.md, "Visitor
 * surveys"): do you feel welcome, was the time pleasant, did you meet new people (if not: what would help),
 * did the children find friends, were the children taken into account, could you influence the programme, where
 * did you hear of the place, and a last free word. About three minutes.
 */
final class SurveyTemplate {

    static final String KEY = "visitor";

    /** A question of the template; {@code condOn} is the code of an earlier question of the template. */
    record Item(String code, Kind kind, LocalizedText text, List<Choice> options, String condOn, Op condOp,
            String condValue) {
    }

    static final LocalizedText TITLE = LocalizedText.of("Kävijäkysely", "Besöksenkät", "Visitor survey");

    static final LocalizedText INTRO = LocalizedText.of(
            "Kerro, millaista kohtaamispaikassa on. Vastaat nimettömästi, eikä vastauksesta voi tunnistaa sinua. "
                    + "Älä kirjoita nimiä tai yhteystietoja.",
            "Berätta hur det är på mötesplatsen. Du svarar anonymt och ingen kan känna igen dig. "
                    + "Skriv inga namn eller kontaktuppgifter.",
            "Tell us what the meeting place is like. You answer anonymously and nobody can tell who you are. "
                    + "Do not write names or contact details.");

    static final List<Item> ITEMS = List.of(
            item("welcome", Kind.SCALE, "Tunnetko olevasi tervetullut?", "Känner du dig välkommen?",
                    "Do you feel welcome?"),
            item("pleasant", Kind.SCALE, "Oliko aika täällä mukavaa?", "Var tiden här trevlig?",
                    "Was your time here pleasant?"),
            item("met_people", Kind.YES_NO, "Tapasitko uusia ihmisiä?", "Träffade du nya människor?",
                    "Did you meet new people?"),
            new Item("meet_help", Kind.TEXT, LocalizedText.of("Mikä auttaisi sinua tutustumaan muihin?",
                    "Vad skulle hjälpa dig att lära känna andra?", "What would help you get to know others?"),
                    List.of(), "met_people", Op.EQUALS, "no"),
            item("children_friends", Kind.YES_NO, "Löysivätkö lapset kavereita?", "Hittade barnen kompisar?",
                    "Did the children find friends?"),
            item("children_considered", Kind.SCALE, "Otettiinko lapset huomioon?", "Togs barnen i beaktande?",
                    "Were the children taken into account?"),
            item("influence", Kind.SCALE, "Pystyitkö vaikuttamaan ohjelmaan?", "Kunde du påverka programmet?",
                    "Could you influence the programme?"),
            new Item("heard_from", Kind.MULTIPLE, LocalizedText.of("Mistä kuulit paikasta?",
                    "Var hörde du om platsen?", "Where did you hear of the place?"), List.of(
                            choice("friends", "Ystävältä tai sukulaiselta", "Av en vän eller släkting",
                                    "From a friend or relative"),
                            choice("neuvola", "Neuvolasta", "Från rådgivningen", "From the child health clinic"),
                            choice("social_media", "Sosiaalisesta mediasta", "I sociala medier", "On social media"),
                            choice("website", "Kunnan tai järjestön verkkosivuilta",
                                    "På kommunens eller organisationens webbplats",
                                    "On the municipality's or organisation's website"),
                            choice("poster", "Ilmoitustaululta tai julisteesta", "På en anslagstavla eller affisch",
                                    "On a notice board or poster"),
                            choice("other", "Muualta", "Någon annanstans", "Somewhere else")),
                    null, null, null),
            item("wish", Kind.TEXT, "Mitä toivoisit kohtaamispaikalta?", "Vad önskar du av mötesplatsen?",
                    "What would you wish for from the meeting place?"));

    private SurveyTemplate() {
    }

    private static Item item(String code, Kind kind, String fi, String sv, String en) {
        return new Item(code, kind, LocalizedText.of(fi, sv, en), List.of(), null, null, null);
    }

    private static Choice choice(String code, String fi, String sv, String en) {
        return new Choice(code, LocalizedText.of(fi, sv, en));
    }
}
