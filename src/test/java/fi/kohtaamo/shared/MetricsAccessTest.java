package fi.kohtaamo.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.kohtaamo.support.IntegrationTest;
import fi.kohtaamo.support.WebClient;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * Metrics are for the monitoring system only (a bearer token, KOHTAAMO_METRICS_TOKEN; the tests set one);
 * health answers anyone.
 */
@IntegrationTest
class MetricsAccessTest {

    static final String TOKEN = "metrics-token-for-tests-0123456789";

    @LocalServerPort int port;

    @Test
    void healthAnswersAnyone() {
        WebClient.Response health = new WebClient(port).get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body()).contains("UP");
        assertThat(new WebClient(port).get("/actuator/health/liveness").status()).isEqualTo(200);
    }

    @Test
    void metricsAreRefusedWithoutTheToken() {
        WebClient anonymous = new WebClient(port);
        WebClient.Response r = anonymous.get("/actuator/prometheus");
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.body()).doesNotContain("jvm_").doesNotContain("http_server_requests");
        assertThat(r.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(anonymous.get("/actuator/prometheus", Map.of("Authorization", "Bearer wrong")).status()).isEqualTo(401);
        assertThat(anonymous.get("/actuator/prometheus", Map.of("Authorization", "Basic " + TOKEN)).status()).isEqualTo(401);
        // nor is there a page listing the endpoints
        assertThat(anonymous.get("/actuator").status()).isEqualTo(404);
    }

    @Test
    void theMonitoringSystemReadsThemWithTheToken() {
        WebClient.Response r = new WebClient(port).get("/actuator/prometheus", Map.of("Authorization", "Bearer " + TOKEN));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).contains("jvm_memory_used_bytes");
    }

    @Test
    void withoutATokenTheMetricsAreNotFoundAndAShortTokenStopsTheStart() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        MockHttpServletRequest request = new MockHttpServletRequest("GET", MetricsAccess.PATH);
        request.addHeader("Authorization", "Bearer ");
        new MetricsAccess.MetricsTokenFilter("").doFilter(request, response, chain);
        assertThat(response.getStatus()).isEqualTo(404);
        assertThat(chain.getRequest()).isNull();
        assertThatThrownBy(() -> new MetricsAccess.MetricsTokenFilter("short")).hasMessageContaining("KOHTAAMO_METRICS_TOKEN");
    }
}
