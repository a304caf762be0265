package fi.kohtaamo.guidance.internal.find;

import fi.kohtaamo.guidance.internal.find.FindModel.Detail;
import fi.kohtaamo.guidance.internal.find.FindModel.OtherText;
import fi.kohtaamo.guidance.internal.find.ServiceViews.ServiceView;
import fi.kohtaamo.guidance.internal.find.ServiceViews.Way;
import fi.kohtaamo.shared.KohtaamoException;
import fi.kohtaamo.shared.Lang;
import fi.kohtaamo.shared.PdfText;
import fi.kohtaamo.shared.PublicUrls;
import fi.kohtaamo.shared.QrCode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.stereotype.Component;

/**
 * The printable service card for a family (A6 or A5, one page): the service's name, how to get there (the
 * professional's way, phone numbers with their hours, chat and booking addresses, the address with walk-in
 * times), in fi, sv or en, with the service's own text in the family's language beside it when it has one, and a
 * QR code to the service's public page with the address written out. Document language and title are set and the
 * text is in reading order, as the feedback card's. Text is drawn in Liberation Sans (Latin, Greek, Cyrillic) with
 * {@link PdfText}'s fallback; right-to-left and other scripts (Arabic, Persian, Kurdish in Arabic script, Thai,
 * Chinese) are not shaped by PDFBox, so a family language written in them is refused with a clear message
 * ({@link #printable}) rather than printed as question marks or broken letters.
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

    private record Line(String text, boolean bold, float size) {
    }

    private final ServiceViews views;
    private final PublicUrls urls;

    ServiceCards(ServiceViews views, PublicUrls urls) {
        this.views = views;
        this.urls = urls;
    }

    /** Whether a text's letters are in scripts the card's fonts draw in order (Latin, Greek, Cyrillic). */
    static boolean printable(OtherText t) {
        String all = t.name() + " " + (t.summary() == null ? "" : t.summary()) + " "
                + (t.referral() == null ? "" : t.referral());
        return all.codePoints().filter(Character::isLetter).mapToObj(Character.UnicodeScript::of)
                .allMatch(s -> s == Character.UnicodeScript.LATIN || s == Character.UnicodeScript.CYRILLIC
                        || s == Character.UnicodeScript.GREEK);
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
        lines.add(new Line(name, true, size.title));
        if (family != null) {
            lines.add(new Line(family.name(), true, size.title * 0.8f));
        }
        lines.add(new Line(v.type(), false, size.body));
        lines.add(new Line(views.message("find.card.howToGetThere", lang), true, size.body * 1.2f));
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
                lines.add(new Line(family.summary(), false, size.body));
            }
            if (family.referral() != null) {
                lines.add(new Line(family.referral(), false, size.body));
            }
        } else if (!d.summary().summary().isEmpty()) {
            lines.add(new Line(d.summary().summary().get(lang), false, size.body));
        }
        return draw(lines, size, lang, name, url);
    }

    private static byte[] draw(List<Line> lines, Size size, Lang lang, String title, String url) {
        PDRectangle paper = size.paper;
        try (PDDocument doc = new PDDocument();
                TrueTypeFont regularTtf = PdfText.ttf(PdfText.bytes("liberation/LiberationSans-Regular.ttf"));
                TrueTypeFont boldTtf = PdfText.ttf(PdfText.bytes("liberation/LiberationSans-Bold.ttf"))) {
            doc.getDocumentInformation().setTitle(title);
            doc.getDocumentInformation().setCreator("Kohtaamo");
            doc.getDocumentCatalog().setLanguage(lang.code());
            PDType0Font regular = PDType0Font.load(doc, regularTtf, true);
            PDType0Font bold = PDType0Font.load(doc, boldTtf, true);
            PdfText glyphs = new PdfText(doc);
            PDPage page = new PDPage(paper);
            doc.addPage(page);
            float width = paper.getWidth() - 2 * size.margin;
            float bottom = size.margin + size.qr + size.body * 2.5f;
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                float y = paper.getHeight() - size.margin;
                outer:
                for (Line line : lines) {
                    PDType0Font font = line.bold() ? bold : regular;
                    for (String l : glyphs.wrap(line.text(), font, line.size(), width)) {
                        if (y - line.size() < bottom) {
                            break outer;
                        }
                        y -= line.size();
                        cs.beginText();
                        cs.setNonStrokingColor(0f, 0f, 0f);
                        cs.newLineAtOffset(size.margin, y);
                        glyphs.show(cs, glyphs.printable(l, font), font, line.size());
                        cs.endText();
                        y -= line.size() * 0.3f;
                    }
                    y -= line.size() * 0.25f;
                }
                float qrY = size.margin + size.body * 2f;
                QrCode.of(url).draw(cs, (paper.getWidth() - size.qr) / 2, qrY, size.qr);
                String shown = url.replaceFirst("^https?://", "");
                float w = glyphs.width(glyphs.printable(shown, regular), regular, size.body);
                float textSize = w > width ? size.body * width / w : size.body;
                cs.beginText();
                cs.newLineAtOffset(size.margin + Math.max(0, (width - glyphs.width(shown, regular, textSize)) / 2),
                        size.margin);
                glyphs.show(cs, glyphs.printable(shown, regular), regular, textSize);
                cs.endText();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
