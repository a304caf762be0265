package fi.kohtaamo.shared;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The {@code generate-national} command: fills an empty database with the national-scale dataset
 * (see README) and exits. Options: {@code --seed=N} (default 1), {@code --scale=F} (default 1.0: about
 * 5 000 places and 50 000 activities; e.g. 0.1 for H2), {@code --today=YYYY-MM-DD} (default: today;
 * the generated seasons are placed around it). Same options on an empty database, same data.
 */
@Component
@Order(0)
public class NationalDataCommand implements ApplicationRunner {

    public static final String COMMAND = "generate-national";

    private static final Logger log = LoggerFactory.getLogger(NationalDataCommand.class);

    private final List<NationalData> parts;
    private final Clock clock;
    private final ConfigurableApplicationContext context;

    private final PublicDataCache cache;

    NationalDataCommand(List<NationalData> parts, Clock clock, ConfigurableApplicationContext context,
            PublicDataCache cache) {
        this.cache = cache;
        this.parts = parts;
        this.clock = clock;
        this.context = context;
    }

    /** Whether the command line asks for this command. */
    public static boolean requested(String[] args) {
        return args.length > 0 && COMMAND.equals(args[0]);
    }

    /** The command's arguments with what it always sets: no demo data, any free port. */
    public static String[] withDefaults(String[] args) {
        String[] out = java.util.Arrays.copyOf(args, args.length + 2);
        out[args.length] = "--kohtaamo.demo.enabled=false";
        out[args.length + 1] = "--server.port=0";
        return out;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!args.getNonOptionArgs().contains(COMMAND)) {
            return;
        }
        NationalData.Spec spec;
        try {
            spec = new NationalData.Spec(Long.parseLong(option(args, "seed", "1")),
                    Double.parseDouble(option(args, "scale", "1.0")),
                    LocalDate.parse(option(args, "today", LocalDate.now(clock).toString())));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(COMMAND + ": --seed takes a whole number, --scale a number such as 0.1, "
                    + "--today a date such as 2026-12-04 (" + e.getMessage() + ")", e);
        }
        if (spec.scale() <= 0 || spec.scale() > 10) {
            throw new IllegalArgumentException(COMMAND + ": --scale must be above 0 and at most 10");
        }
        generate(spec);
        int code = SpringApplication.exit(context, () -> 0);
        System.exit(code);
    }

    /** Runs every module's part in order; returns their summaries. */
    public List<String> generate(NationalData.Spec spec) {
        log.info("Generating the national dataset: seed {}, scale {}, seasons around {}", spec.seed(), spec.scale(),
                spec.today());
        long started = System.nanoTime();
        List<String> summaries = new java.util.ArrayList<>();
        for (NationalData part : parts) {
            long t = System.nanoTime();
            part.generate(spec);
            summaries.add(part.summary());
            log.info("  {} ({} s)", part.summary(), Duration.ofNanos(System.nanoTime() - t).toSeconds());
        }
        cache.changed();
        log.info("National dataset ready in {} s", Duration.ofNanos(System.nanoTime() - started).toSeconds());
        return summaries;
    }

    private static String option(ApplicationArguments args, String name, String fallback) {
        List<String> values = args.getOptionValues(name);
        return values == null || values.isEmpty() ? fallback : values.get(values.size() - 1);
    }
}
