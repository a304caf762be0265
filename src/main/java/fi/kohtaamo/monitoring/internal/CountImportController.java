package fi.kohtaamo.monitoring.internal;

import fi.kohtaamo.registry.Registry;
import fi.kohtaamo.shared.HeavyWork;
import fi.kohtaamo.shared.Actor;
import fi.kohtaamo.shared.Csv;
import fi.kohtaamo.shared.KohtaamoException;
import fi.kohtaamo.shared.Lang;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.YearMonth;
import java.util.Base64;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * Importing counts from a spreadsheet: the form with a template for a month, a preview that checks every
 * row and stores nothing, and the confirmation, which reads the file kept in the session again and
 * stores every row or none.
 */
@Controller
class CountImportController {

    private static final String SESSION_KEY = "kohtaamo.countImport";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The file between preview and confirmation. */
    record Draft(String token, long placeId, byte[] file) implements Serializable {
    }

    private final CountService counts;
    private final CountImport importer;
    private final Registry registry;
    private final MessageSource messages;
    private final HeavyWork heavyWork;

    CountImportController(CountService counts, CountImport importer, Registry registry, MessageSource messages,
            HeavyWork heavyWork) {
        this.counts = counts;
        this.importer = importer;
        this.registry = registry;
        this.messages = messages;
        this.heavyWork = heavyWork;
    }

    private Registry.StaffPlace place(long id) {
        return registry.staffPlace(id).orElseThrow(() -> new KohtaamoException.NotFound("place " + id));
    }

    @GetMapping("/admin/counts/places/{placeId}/import")
    String form(@PathVariable String placeId, Actor actor, Model model) {
        long pid = CountController.id(placeId);
        counts.requireRecord(actor, pid);
        model.addAttribute("place", place(pid));
        model.addAttribute("month", YearMonth.from(counts.today()));
        model.addAttribute("errors", java.util.Map.of());
        model.addAttribute("referralColumns", counts.serviceTypes(pid, null).stream()
                .map(t -> CountImport.referralColumn(t.code())).collect(java.util.stream.Collectors.joining(", ")));
        return "monitoring/import";
    }

    @GetMapping("/admin/counts/places/{placeId}/import/template.csv")
    ResponseEntity<byte[]> template(@PathVariable String placeId, @RequestParam(required = false) String month,
            Actor actor, Lang lang) {
        long pid = CountController.id(placeId);
        counts.requireRecord(actor, pid);
        YearMonth m;
        try {
            m = month == null || month.isBlank() ? YearMonth.from(counts.today()) : YearMonth.parse(month);
        } catch (java.time.format.DateTimeParseException e) {
            throw new KohtaamoException.BadParameter("month");
        }
        if (m.getYear() < 2000 || m.getYear() > 2100) {
            throw new KohtaamoException.BadParameter("month");
        }
        return Csv.download("kohtaamo-counts-" + m + ".csv", CountImport.template(counts.month(actor, pid, m),
                CountImport.columns(counts.serviceTypes(pid, null)), lang));
    }

    @PostMapping("/admin/counts/places/{placeId}/import/preview")
    String preview(@PathVariable String placeId, @RequestParam(value = "file", required = false) MultipartFile file,
            Actor actor, Lang lang, HttpSession session, Model model, HttpServletResponse response) {
        long pid = CountController.id(placeId);
        counts.requireRecord(actor, pid);
        byte[] bytes;
        try {
            bytes = file == null ? new byte[0] : file.getSize() > CountImport.MAX_BYTES ? null : file.getBytes();
        } catch (IOException e) {
            bytes = new byte[0];
        }
        byte[] read = bytes;
        CountImport.Result result = bytes == null
                ? new CountImport.Result(List.of(), List.of(new CountImport.Problem("monitoring.import.tooLarge",
                        new Object[] {CountImport.MAX_BYTES / 1024 / 1024})))
                : heavyWork.run("import", () -> importer.read(pid, read));
        String token = null;
        if (result.usable()) {
            byte[] raw = new byte[24];
            RANDOM.nextBytes(raw);
            token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
            session.setAttribute(SESSION_KEY, new Draft(token, pid, bytes));
        } else {
            session.removeAttribute(SESSION_KEY);
            response.setStatus(400);
        }
        model.addAttribute("place", place(pid));
        model.addAttribute("result", result);
        model.addAttribute("token", token);
        model.addAttribute("fileProblems", result.fileProblems().stream()
                .map(p -> CountImport.text(p, messages, lang.locale())).toList());
        model.addAttribute("lineProblems", result.lines().stream().map(l -> l.problems().stream()
                .map(p -> CountImport.text(p, messages, lang.locale())).toList()).toList());
        return "monitoring/import-preview";
    }

    @PostMapping("/admin/counts/places/{placeId}/import/confirm")
    String confirm(@PathVariable String placeId, @RequestParam(value = "token", required = false) String token,
            Actor actor, HttpSession session) {
        long pid = CountController.id(placeId);
        counts.requireRecord(actor, pid);
        Draft draft = session.getAttribute(SESSION_KEY) instanceof Draft d ? d : null;
        if (draft == null || token == null || draft.placeId() != pid || !MessageDigest.isEqual(
                draft.token().getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8))) {
            throw new KohtaamoException.Conflict("stale", "import");
        }
        int n = heavyWork.run("import", () -> counts.importRows(actor, pid, importer, draft.file()));
        session.removeAttribute(SESSION_KEY);
        return "redirect:/admin/counts/places/" + pid + "?imported=" + n;
    }
}
