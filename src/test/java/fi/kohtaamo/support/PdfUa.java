package fi.kohtaamo.support;

import java.io.ByteArrayInputStream;
import java.util.List;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/** PDF/UA-1 validation by veraPDF (its Greenfield parser, machine-checkable rules of ISO 14289-1). */
public final class PdfUa {

    static {
        VeraGreenfieldFoundryProvider.initialise();
    }

    private PdfUa() {
    }

    /** The failed rules, "clause-test: description (context)", each once; empty when the file is compliant. */
    public static List<String> failures(byte[] pdf) throws Exception {
        try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf),
                PDFAFlavour.PDFUA_1); PDFAValidator validator = Foundries.defaultInstance().createValidator(
                        PDFAFlavour.PDFUA_1, false)) {
            ValidationResult result = validator.validate(parser);
            return result.getTestAssertions().stream().filter(a -> a.getStatus() == TestAssertion.Status.FAILED)
                    .map(a -> a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber() + ": "
                            + a.getMessage() + " (" + a.getLocation().getContext() + ")")
                    .distinct().toList();
        }
    }
}
