package fi.kohtaamo.shared;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one clock of the application; tests replace it with a fixed clock. */
@Configuration(proxyBeanMethods = false)
public class ClockConfig {

    /** All local schedules are in this zone. */
    public static final ZoneId ZONE = ZoneId.of("Europe/Helsinki");

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.system(ZONE);
    }
}
