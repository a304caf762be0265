package fi.kohtaamo;

import fi.kohtaamo.shared.NationalDataCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Kohtaamo: coordination of the open family meeting places of a Finnish family centre. */
@SpringBootApplication
@ConfigurationPropertiesScan
@org.springframework.scheduling.annotation.EnableScheduling
public class KohtaamoApplication {

    public static void main(String[] args) {
        SpringApplication.run(KohtaamoApplication.class, NationalDataCommand.requested(args)
                ? NationalDataCommand.withDefaults(args) : args);
    }
}
