package fi.kohtaamo.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;

/** Reading a rendered form back into fields, and changing one, as a browser's user would. */
public final class Forms {

    private Forms() {
    }

    /** The page's first post form in {@code main}, with every field's current value. */
    public static List<Map.Entry<String, String>> formFields(Document page) {
        return formFields(page, "main form[method=post]");
    }

    /** The form the selector finds, with every field's current value, as a browser would send it. */
    public static List<Map.Entry<String, String>> formFields(Document page, String selector) {
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        var form = page.selectFirst(selector);
        assertThat(form).as(selector).isNotNull();
        for (var input : form.select("input, select, textarea")) {
            String name = input.attr("name");
            if (name.isEmpty() || name.equals("_csrf")) {
                continue;
            }
            switch (input.tagName()) {
                case "select" -> {
                    var selected = input.selectFirst("option[selected]");
                    fields.add(Map.entry(name, selected == null ? "" : selected.attr("value")));
                }
                case "textarea" -> fields.add(Map.entry(name, input.text()));
                default -> {
                    if (input.attr("type").equals("checkbox") || input.attr("type").equals("radio")) {
                        if (input.hasAttr("checked")) {
                            fields.add(Map.entry(name, input.attr("value")));
                        }
                    } else {
                        fields.add(Map.entry(name, input.attr("value")));
                    }
                }
            }
        }
        return fields;
    }

    /** The fields with the first one of that name set to the value (added when missing; removed when null). */
    public static List<Map.Entry<String, String>> with(List<Map.Entry<String, String>> fields, String name,
            String value) {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        boolean replaced = false;
        for (var f : fields) {
            if (f.getKey().equals(name)) {
                if (!replaced && value != null) {
                    out.add(Map.entry(name, value));
                }
                replaced = true;
            } else {
                out.add(f);
            }
        }
        if (!replaced && value != null) {
            out.add(Map.entry(name, value));
        }
        return out;
    }
}
