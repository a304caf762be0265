package fi.kohtaamo.guidance.internal.exchange;

import fi.kohtaamo.guidance.GuidanceExchangeAction;
import fi.kohtaamo.registry.Registry;
import fi.kohtaamo.shared.AccessControl;
import fi.kohtaamo.shared.Actor;
import fi.kohtaamo.shared.FieldErrors;
import fi.kohtaamo.shared.Input;
import fi.kohtaamo.shared.KohtaamoException;
import fi.kohtaamo.shared.Lang;
import fi.kohtaamo.shared.Target;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The two exports: the county's directory as Open Referral HSDS 3.0 (public open data, like the public directory
 * pages: {@code GET /api/v1/hsds/services?county=ID&lang=fi}) and its meeting places as PTV service locations (for
 * the county's coordinators, who feed them to PTV: {@code GET /admin/services/ptv-places.json?county=ID}).
 */
@RestController
class ExchangeExportController {

    private final HsdsExport hsds;
    private final PtvPlacesExport places;
    private final Registry registry;

    ExchangeExportController(HsdsExport hsds, PtvPlacesExport places, Registry registry) {
        this.hsds = hsds;
        this.places = places;
        this.registry = registry;
    }

    private long county(String raw) {
        FieldErrors errors = new FieldErrors();
        Long id = new Input(errors).id("county", raw, true);
        if (id == null) {
            throw new KohtaamoException.BadParameter("county");
        }
        if (registry.county(id).isEmpty()) {
            throw new KohtaamoException.NotFound("county");
        }
        return id;
    }

    @GetMapping(value = "/api/v1/hsds/services", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> hsds(@RequestParam(value = "county", required = false) String county,
            @RequestParam(value = "lang", required = false) String lang) {
        Lang language = lang == null ? Lang.FI : Lang.parse(lang).orElseThrow(
                () -> new KohtaamoException.BadParameter("lang"));
        return hsds.page(county(county), language);
    }

    @GetMapping("/admin/services/ptv-places.json")
    ResponseEntity<Map<String, Object>> ptvPlaces(@RequestParam(value = "county", required = false) String county,
            Actor actor) {
        long id = county(county);
        AccessControl.require(actor, GuidanceExchangeAction.EXPORT_PLACES_PTV, Target.county(id));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("kohtaamo-places-ptv-" + id + ".json").build().toString())
                .body(places.channels(id));
    }
}
