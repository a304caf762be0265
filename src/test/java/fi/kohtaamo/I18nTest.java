package fi.kohtaamo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** All three bundles have the same keys with non-empty texts, and templates hold no literal UI text. */
@Tag("nodb")
class I18nTest {

    static final List<String> BUNDLES = List.of("messages", "organisations", "identity", "calendar", "calendar_admin", "calendar_import", "calendar_poster", "outreach", "outreach_coordination", "monitoring", "coordination_signals", "coordination_groups", "participation_feedback", "participation_surveys", "participation_wishes", "participation_observations", "participation_planning", "guidance_handouts", "guidance_directory", "guidance_find", "guidance_exchange", "mapping", "catalogue", "registry_near", "planning", "calendar_phone", "calendar_subscribe", "calendar_languages", "calendar_timetable");

    @Test
    void bundlesHaveTheSameKeys() throws IOException {
        for (String bundle : BUNDLES) {
            Properties fi = load("i18n/" + bundle + ".properties");
            Properties sv = load("i18n/" + bundle + "_sv.properties");
            Properties en = load("i18n/" + bundle + "_en.properties");
            assertThat(fi).as(bundle).isNotEmpty();
            assertThat(new TreeSet<>(sv.stringPropertyNames())).as(bundle + " sv").isEqualTo(new TreeSet<>(fi.stringPropertyNames()));
            assertThat(new TreeSet<>(en.stringPropertyNames())).as(bundle + " en").isEqualTo(new TreeSet<>(fi.stringPropertyNames()));
            for (Properties p : List.of(fi, sv, en)) {
                p.forEach((k, v) -> assertThat(v.toString()).as(bundle + " " + k).isNotBlank());
            }
        }
    }

    /**
     * A text with arguments is a MessageFormat pattern, where a lone apostrophe starts a quotation and hides
     * what follows ("Professionals' visits: {0}" showed the {0}); it must be written twice. Texts without
     * arguments are shown as written.
     */
    @Test
    void textsWithArgumentsDoubleTheirApostrophes() throws IOException {
        for (String bundle : BUNDLES) {
            for (String suffix : List.of("", "_sv", "_en")) {
                Properties p = load("i18n/" + bundle + suffix + ".properties");
                p.forEach((k, v) -> {
                    String text = v.toString();
                    if (text.matches("(?s).*\\{\\d.*")) {
                        assertThat(text.replace("''", "")).as(bundle + suffix + " " + k).doesNotContain("'");
                        // and it formats: every argument is replaced
                        String formatted = new java.text.MessageFormat(text).format(new Object[] {3, 3, 3, 3, 3, 3});
                        assertThat(formatted).as(bundle + suffix + " " + k).doesNotContainPattern("\\{\\d");
                    }
                });
            }
        }
    }

    @Test
    void templatesHaveNoLiteralText() throws IOException {
        List<String> problems = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".html")).toList()) {
                var doc = Jsoup.parse(Files.readString(f));
                for (Element e : doc.getAllElements()) {
                    String own = e.ownText().strip();
                    if (!own.matches(".*\\p{L}.*")) {
                        continue;
                    }
                    boolean replaced = e.hasAttr("th:text") || e.hasAttr("th:utext")
                            || (e.hasAttr("th:replace") && !e.tagName().equals("html")) || e.hasAttr("th:insert")
                            || e.hasAttr("lang");
                    if (!replaced && !inReplacedAncestor(e)) {
                        problems.add(f.getFileName() + ": <" + e.tagName() + "> " + own);
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    /** Text inside an element whose content th:text replaces is placeholder text, never shown. */
    private static boolean inReplacedAncestor(Element e) {
        for (Element p = e.parent(); p != null; p = p.parent()) {
            if (p.hasAttr("th:text") || p.hasAttr("th:utext")) {
                return true;
            }
            // a fragment call replaces the element with the fragment, but not a whole page's <html>
            if (p.hasAttr("th:replace") && !p.tagName().equals("html")) {
                return true;
            }
        }
        return false;
    }

    static Properties load(String resource) throws IOException {
        Properties p = new Properties();
        try (InputStream in = I18nTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
