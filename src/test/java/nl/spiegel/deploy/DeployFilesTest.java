package nl.spiegel.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import nl.spiegel.support.Tool;

/**
 * deploy/kubernetes renders (kustomize) and every manifest is valid by the schemas of Kubernetes,
 * CloudNativePG and the Prometheus operator, with what Spiegel's deployment needs (two pods, probes,
 * limits, non-root, pre-stop, the database from the operator's secret, TLS, WebSocket timeouts);
 * deploy/compose.yaml is valid by the Compose Specification.
 */
class DeployFilesTest {

    @Test
    void theManifestsAndTheComposeFileAreValid() throws Exception {
        String output = new Tool(Path.of("deploy/check")).installed("kubernetes-models")
                .run(List.of("node", "check.js"));
        assertThat(output).contains("valid: Deployment spiegel", "valid: Cluster spiegel-db",
                "valid: ServiceMonitor spiegel", "valid: compose.yaml", "manifests valid");
    }
}
