package fi.kohtaamo.guidance.internal.find;

import fi.kohtaamo.guidance.internal.find.FindModel.Detail;
import fi.kohtaamo.guidance.internal.find.FindModel.OtherText;
import fi.kohtaamo.guidance.internal.find.ServiceViews.ServiceView;
import fi.kohtaamo.guidance.internal.find.ServiceViews.Way;
import fi.kohtaamo.shared.KohtaamoException;
import fi.kohtaamo.shared.Lang;
import fi.kohtaamo.shared.PdfText;
import fi.kohtaamo.shared.PublicUrls;
import fi.kohtaamo.shared.TaggedPdf;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.StandardStructureTypes;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.stereotype.Component;

/**
 * The printable service card for a family (A6 or A5, one page): the service's name, how to get there (the
 * professional's way, phone numbers with their hours, chat and booking addresses, the address with walk-in
 * times), in fi, sv or en, with the service's own text in the family's language beside it when it has one, and a
 * QR code to the service's public page with the address written out. Written with {@link TaggedPdf}: the name is
 * the H1, "how to get there" an H2, the rest paragraphs (the family's language's marked with its Lang), the QR code a
 * Figure whose alternative text is the address. Text is drawn in Liberation Sans (Latin, Greek, Cyrillic) with
 * {@link PdfText}'s fallbacks (DejaVu Sans: Arabic, Hebrew, …); right-to-left text (Arabic, Persian, Kurdish in Arabic
 * script) is shaped and drawn in visual order by {@link PdfText#visual}, right-aligned, with its logical text as the
 * paragraph's ActualText for screen readers. Scripts neither font has (Thai, Chinese, …) are refused with a clear
 * message ({@link #printable}) rather than printed as question marks.
 */
@Component
class ServiceCards {

    /** Paper sizes of the card. */
    enum Size {
        A6(PDRectangle.A6, 18, 15, 8.5f, 105), A5(PDRectangle.A5, 30, 20, 11f, 160);

        final PDRectangle paper;
        final float margin;
        final float title;
        final float body;
        final float qr;

        Size(PDRectangle paper, float margin, float title, float body, float qr) {
            this.paper = paper;
            this.margin = margin;
            this.title = title;
            this.body = body;
            this.qr = qr;
        }

        static Size parse(String raw) {
            if (raw == null || raw.isBlank()) {
                return A6;
            }
            return switch (raw.strip().toUpperCase(Locale.ROOT)) {
                case "A6" -> A6;
                case "A5" -> A5;
                default -> throw new KohtaamoException.BadParameter("size");
            };
        }
    }

    /** A paragraph of the card: its structure type, and its language when it is the family's. */
    private record Line(String text, boolean bold, float size, String type, String language) {

        Line(String text, boolean bold, float size) {
            this(text, bold, size, StandardStructureTypes.P, null);
        }
    }

    private final ServiceViews views;
    private final PublicUrls urls;

    ServiceCards(ServiceViews views, PublicUrls urls) {
        this.views = views;
        this.urls = urls;
    }

    /** Whether a text's letters are in scripts the card's fonts draw (Latin, Greek, Cyrillic, Arabic, Hebrew). */
    static boolean printable(OtherText t) {
        String all = t.name() + " " + (t.summary() == null ? "" : t.summary()) + " "
                + (t.referral() == null ? "" : t.referral());
        return all.codePoints().filter(Character::isLetter).mapToObj(Character.UnicodeScript::of)
                .allMatch(s -> s == Character.UnicodeScript.LATIN || s == Character.UnicodeScript.CYRILLIC
                        || s == Character.UnicodeScript.GREEK || s == Character.UnicodeScript.ARABIC
                        || s == Character.UnicodeScript.HEBREW);
    }

    byte[] render(Detail d, Size size, Lang lang, String familyLang) {
        OtherText family = familyLang == null ? null : d.texts().get(familyLang);
        if (family != null && !printable(family)) {
            throw new KohtaamoException.BadParameter("family", "guidance-card-script");
        }
        ServiceView v = views.view(d.summary(), lang);
        String url = urls.of("/services/" + d.id() + "?lang=" + lang.code());
        List<Line> lines = new ArrayList<>();
        String name = d.summary().name().get(lang);
        lines.add(new Line(name, true, size.title, StandardStructureTypes.H1, null));
        if (family != null) {
            lines.add(new Line(family.name(), true, size.title * 0.8f, StandardStructureTypes.P, familyLang));
        }
        lines.add(new Line(v.type(), false, size.body));
        lines.add(new Line(views.message("find.card.howToGetThere", lang), true, size.body * 1.2f,
                StandardStructureTypes.H2, null));
        if (v.professionalOnly()) {
            lines.add(new Line(views.message("find.access.professionalOnly", lang), true, size.body));
            if (!v.referral().isEmpty()) {
                lines.add(new Line(v.referral(), false, size.body));
            }
        }
        for (Way w : v.ways()) {
            String head = switch (w.kind()) {
                case "PHONE" -> views.message("find.channel.PHONE", lang) + ": " + w.phone();
                case "EMAIL" -> views.message("find.channel.EMAIL", lang) + ": " + w.email();
                case "LOCATION" -> w.address();
                default -> views.message("find.channel." + w.kind(), lang) + ": "
                        + w.url().replaceFirst("^https?://", "");
            };
            lines.add(new Line(w.label() == null ? head : w.label() + " – " + head, true, size.body));
            w.hours().forEach(h -> lines.add(new Line(h, false, size.body)));
            w.exceptions().stream().limit(2).forEach(h -> lines.add(new Line(h, false, size.body)));
        }
        if (family != null) {
            if (family.summary() != null) {
                lines.add(new Line(family.summary(), false, size.body, StandardStructureTypes.P, familyLang));
            }
            if (family.referral() != null) {
                lines.add(new Line(family.referral(), false, size.body, StandardStructureTypes.P, familyLang));
            }
        } else if (!d.summary().summary().isEmpty()) {
            lines.add(new Line(d.summary().summary().get(lang), false, size.body));
        }
        return draw(lines, size, lang, name, url);
    }

    private static byte[] draw(List<Line> lines, Size size, Lang lang, String title, String url) {
        PDRectangle paper = size.paper;
        try (TaggedPdf pdf = TaggedPdf.open(lang.code(), title)) {
            PDType0Font regular = pdf.regular();
            pdf.newPage(paper);
            float width = paper.getWidth() - 2 * size.margin;
            float bottom = size.margin + size.qr + size.body * 2.5f;
            float y = paper.getHeight() - size.margin;
            outer:
            for (Line line : lines) {
                PDType0Font font = line.bold() ? pdf.bold() : regular;
                List<String> wrapped = pdf.wrap(line.text(), font, line.size(), width);
                if (wrapped.isEmpty()) {
                    y -= line.size() * 0.25f;
                    continue;
                }
                if (y - line.size() < bottom) {
                    break;
                }
                PDStructureElement e = pdf.begin(pdf.root(), line.type());
                if (line.language() != null) {
                    e.setLanguage(line.language());
                }
                boolean rtl = PdfText.rightToLeft(line.text());
                if (rtl) {
                    // drawn shaped and in visual order: readers get the paragraph as written
                    e.setActualText(line.text());
                }
                for (String l : wrapped) {
                    if (y - line.size() < bottom) {
                        pdf.end();
                        break outer;
                    }
                    y -= line.size();
                    float x = rtl ? size.margin + Math.max(0, width - pdf.width(l, font, line.size())) : size.margin;
                    pdf.text(l, font, line.size(), x, y, TaggedPdf.BLACK);
                    y -= line.size() * 0.3f;
                }
                pdf.end();
                y -= line.size() * 0.25f;
            }
            float qrY = size.margin + size.body * 2f;
            String shown = url.replaceFirst("^https?://", "");
            pdf.qr(pdf.root(), url, "QR: " + shown, (paper.getWidth() - size.qr) / 2, qrY, size.qr);
            float w = pdf.width(shown, regular, size.body);
            float textSize = w > width ? size.body * width / w : size.body;
            pdf.begin(pdf.root(), StandardStructureTypes.P);
            pdf.text(shown, regular, textSize, size.margin + Math.max(0, (width - pdf.width(shown, regular, textSize)) / 2),
                    size.margin, TaggedPdf.BLACK);
            pdf.end();
            return pdf.save();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
