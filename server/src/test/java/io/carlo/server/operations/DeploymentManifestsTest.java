package io.carlo.server.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.carlo.server.CarloProperties;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindContext;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.yaml.snakeyaml.Yaml;

/**
 * The Kubernetes manifests cannot be applied here (no cluster), so what can go wrong silently is
 * checked instead: every file parses, every kustomization names files that exist, every setting
 * they pass to Carlo is one Carlo reads, and the probes are the server's.
 */
class DeploymentManifestsTest {

    private final Path deploy = repository().resolve("deploy/kubernetes");

    private static Path repository() {
        try {
            return MonitoringTest.repository();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Map<String, Object>> documents() throws Exception {
        List<Map<String, Object>> docs = new ArrayList<>();
        try (Stream<Path> files = Files.walk(deploy)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                for (Object doc : new Yaml().loadAll(Files.readString(f))) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> map = (Map<String, Object>) doc;
                    assertThat(map).as(f.toString()).containsKeys("apiVersion", "kind");
                    map.put("__file", f);
                    docs.add(map);
                }
            }
        }
        return docs;
    }

    @Test
    void kustomizationsNameExistingFiles() throws Exception {
        for (Map<String, Object> doc : documents()) {
            if ("Kustomization".equals(doc.get("kind"))) {
                Path dir = ((Path) doc.get("__file")).getParent();
                for (Object resource : (List<?>) doc.get("resources")) {
                    assertThat(dir.resolve(resource.toString())).as("resource of " + dir).exists();
                }
            }
        }
    }

    @Test
    void everySettingPassedToCarloIsOneItReads() throws Exception {
        String properties = Files.readString(repository().resolve("server/src/main/resources/application.properties"));
        List<Map<String, Object>> sources = new ArrayList<>(documents());
        try (Stream<Path> files = Files.walk(deploy)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".env.example")).toList()) {
                Map<String, Object> env = new java.util.TreeMap<>();
                Files.readAllLines(f).stream().filter(l -> l.contains("=") && !l.startsWith("#"))
                        .forEach(l -> env.put(l.substring(0, l.indexOf('=')), l.substring(l.indexOf('=') + 1)));
                sources.add(Map.of("kind", "Secret", "stringData", env, "__file", f));
            }
        }
        List<String> checked = new ArrayList<>();
        for (Map<String, Object> doc : sources) {
            for (Map.Entry<String, String> e : settings(doc).entrySet()) {
                String name = e.getKey();
                if (!name.startsWith("CARLO_")) {
                    continue;
                }
                boolean placeholder = properties.contains("${" + name + ":") || properties.contains("${" + name + "}");
                boolean bound = !boundProperties(Map.of(name, e.getValue())).isEmpty();
                assertThat(placeholder || bound).as("%s in %s is read by Carlo", name, doc.get("__file")).isTrue();
                checked.add(name);
            }
        }
        assertThat(checked).contains("CARLO_WORKERS_ENABLED", "CARLO_STORAGE_KIND", "CARLO_LOG_FORMAT",
                "CARLO_SIMULATIONS_MAXCONCURRENTPERORGANIZATION", "CARLO_DB_URL", "CARLO_METRICS_TOKEN",
                "CARLO_ENCRYPTION_KEYS", "CARLO_ENCRYPTION_ACTIVEKEY");
    }

    @Test
    void probesAreTheServersHealthGroups() throws Exception {
        int containers = 0;
        for (Map<String, Object> doc : documents()) {
            if (!"Deployment".equals(doc.get("kind"))) {
                continue;
            }
            for (Map<String, Object> container : containers(doc)) {
                containers++;
                assertThat(path(container, "livenessProbe")).isEqualTo("/actuator/health/liveness");
                assertThat(path(container, "startupProbe")).isEqualTo("/actuator/health/liveness");
                assertThat(path(container, "readinessProbe")).isEqualTo("/actuator/health/readiness");
            }
        }
        assertThat(containers).isEqualTo(2);
    }

    /** The settings of {@link CarloProperties} that these environment variables set. */
    private static List<String> boundProperties(Map<String, Object> environment) {
        var source = new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                environment);
        List<String> bound = new ArrayList<>();
        BindHandler recorder = new BindHandler() {
            @Override
            public Object onSuccess(ConfigurationPropertyName name, Bindable<?> target, BindContext context,
                                    Object result) {
                if (context.getConfigurationProperty() != null) { // a value was read, not a default
                    bound.add(name.toString());
                }
                return result;
            }
        };
        new Binder(ConfigurationPropertySources.from(source)).bindOrCreate("carlo", Bindable.of(CarloProperties.class),
                recorder);
        new Binder(ConfigurationPropertySources.from(source)).bindOrCreate("carlo.encryption",
                Bindable.of(io.carlo.server.storage.EncryptionProperties.class), recorder);
        return bound;
    }

    /** The environment variables a document gives Carlo: a ConfigMap's data, a Secret example, a container's env. */
    private static Map<String, String> settings(Map<String, Object> doc) {
        Map<String, String> found = new java.util.TreeMap<>();
        if ("ConfigMap".equals(doc.get("kind"))) {
            ((Map<?, ?>) doc.get("data")).forEach((k, v) -> found.put(k.toString(), v.toString()));
        }
        if ("Secret".equals(doc.get("kind"))) {
            ((Map<?, ?>) doc.get("stringData")).forEach((k, v) -> found.put(k.toString(), v.toString()));
        }
        if ("Deployment".equals(doc.get("kind"))) {
            for (Map<String, Object> c : containers(doc)) {
                for (Object env : (List<?>) c.getOrDefault("env", List.of())) {
                    Map<?, ?> e = (Map<?, ?>) env;
                    found.put(e.get("name").toString(), String.valueOf(e.get("value")));
                }
            }
        }
        return found;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> containers(Map<String, Object> deployment) {
        Map<String, Object> spec = (Map<String, Object>) deployment.get("spec");
        Map<String, Object> template = (Map<String, Object>) spec.get("template");
        return (List<Map<String, Object>>) ((Map<String, Object>) template.get("spec")).get("containers");
    }

    private static String path(Map<String, Object> container, String probe) {
        return ((Map<?, ?>) ((Map<?, ?>) container.get(probe)).get("httpGet")).get("path").toString();
    }
}
