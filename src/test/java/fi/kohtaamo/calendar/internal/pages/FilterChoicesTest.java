package fi.kohtaamo.calendar.internal.pages;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kohtaamo.shared.Lang;
import fi.kohtaamo.shared.Option;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The filter form's long lists, written as option HTML: escaped, the chosen one selected, other languages marked. */
class FilterChoicesTest {

    @Test
    void optionsAreEscapedAndTheChosenOneIsSelected() {
        List<Option> options = List.of(new Option("1", "<b>\"Itä\" & co</b>", "fi"), new Option("2", "Åbo", "sv"),
                new Option("x\"><script>", "Y", "fi"));
        assertThat(FilterChoices.html(options, "2", Lang.FI)).isEqualTo(
                "<option value=\"1\">&lt;b&gt;&quot;Itä&quot; &amp; co&lt;/b&gt;</option>"
                        + "<option value=\"2\" selected=\"selected\" lang=\"sv\">Åbo</option>"
                        + "<option value=\"x&quot;&gt;&lt;script&gt;\">Y</option>");
        assertThat(FilterChoices.html(options, null, Lang.SV)).doesNotContain("selected")
                .contains("<option value=\"1\" lang=\"fi\">");
    }
}
