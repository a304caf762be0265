package fi.kohtaamo.guidance.internal.directory;

import fi.kohtaamo.guidance.internal.directory.DirectoryModel.Need;
import fi.kohtaamo.shared.CountyCatalogue;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The county's catalogue of families' needs, kept the one way ({@code shared.CountyCatalogue} on {@code
 * guidance_need}): codes lower case, given once (the services store them), at most 200 a county; a need is in use
 * while a service of the county has it.
 */
@Repository
public class NeedQueries {

    static final int MAX_NEEDS = 200;

    private final CountyCatalogue catalogue;

    public NeedQueries(JdbcClient jdbc, Clock clock) {
        this.catalogue = new CountyCatalogue(jdbc, clock, "guidance_need", NeedService.SEED).fixedCodes()
                .codes(new CountyCatalogue.Codes(s -> s.strip().toLowerCase(Locale.ROOT),
                        Pattern.compile("^[a-z0-9_]{2,40}$"), "guidance.validation.code"))
                .limit(MAX_NEEDS)
                .usedBy(need -> jdbc.sql("select count(*) from guidance_service_need n join guidance_service s "
                                + "on s.id = n.service_id where s.county_id = :c and n.need_code = :code")
                        .param("c", need.countyId()).param("code", need.code()).query(Long.class).single() > 0);
    }

    CountyCatalogue catalogue() {
        return catalogue;
    }

    private static Need need(CountyCatalogue.Item i) {
        return new Need(i.id(), i.countyId(), i.code(), i.name(), i.position(), i.active(), i.version());
    }

    /** The county's needs in their order. */
    public List<Need> needs(long countyId) {
        return catalogue.list(countyId).stream().map(NeedQueries::need).toList();
    }

    public Optional<Need> need(long id) {
        return catalogue.get(id).map(NeedQueries::need);
    }
}
