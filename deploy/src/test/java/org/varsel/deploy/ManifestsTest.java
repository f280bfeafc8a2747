package org.varsel.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.FallbackKey;
import org.apache.kafka.common.acl.AclBinding;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.varsel.contract.KafkaAccess;
import org.varsel.contract.KafkaLogin;
import org.varsel.contract.Topics;
import org.varsel.contract.settings.Settings;
import org.varsel.desk.config.DeskConfig;
import org.varsel.desk.config.DeskSettings;
import org.varsel.local.KafkaAcls;
import org.varsel.pipeline.PipelineJob;
import org.varsel.pipeline.settings.PipelineKeys;
import org.varsel.pipeline.settings.PipelineSettings;

/**
 * No cluster exists here, so the build checks the manifests instead: every YAML under deploy/ parses, the objects
 * match the schemas in deploy/schemas, and what they name (image, Flink version, jar, entry class, settings keys,
 * topics, ports) is what this build produces and reads.
 */
class ManifestsTest {
    private static final Path DEPLOY = Path.of("").toAbsolutePath();
    private static final Path K8S = DEPLOY.resolve("k8s");
    private static final String FLINK_VERSION = System.getProperty("varsel.flink.version");
    private static final String PROJECT_VERSION = System.getProperty("varsel.project.version");
    private static final YAMLMapper YAML = new YAMLMapper();

    private static final Map<Path, List<JsonNode>> MANIFESTS = new HashMap<>();
    /** The desk's Kafka passwords as its Deployment gives them: environment variables from Secrets. */
    private static final Map<String, String> KAFKA_PASSWORDS_FROM_SECRETS = Map.of(
            Settings.environmentVariable(DeskConfig.KAFKA_LOGIN_PREFIX + KafkaLogin.SASL_PASSWORD), "from-a-secret",
            Settings.environmentVariable(DeskConfig.INTAKE_KAFKA_PASSWORD), "from-another-secret");

    @BeforeAll
    static void readEveryYamlFileUnderDeploy() throws IOException {
        try (Stream<Path> files = Files.walk(DEPLOY)) {
            for (Path file : files.filter(ManifestsTest::isManifest).toList()) {
                List<JsonNode> documents = new ArrayList<>();
                try (MappingIterator<JsonNode> parsed =
                        YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
                    parsed.forEachRemaining(document -> {
                        if (document != null && !document.isEmpty()) {
                            documents.add(document);
                        }
                    });
                }
                MANIFESTS.put(file, documents);
            }
        }
    }

    private static boolean isManifest(Path file) {
        Path relative = DEPLOY.relativize(file);
        String name = file.getFileName().toString();
        return (name.endsWith(".yaml") || name.endsWith(".yml"))
                && !relative.startsWith("target")
                && !relative.startsWith("src");
    }

    @Test
    void everyManifestIsAKubernetesObjectAndTheKnownKindsMatchTheirSchemas() {
        assertThat(MANIFESTS).as("YAML files under %s", DEPLOY).isNotEmpty();
        Map<String, JsonSchema> byKind = Map.of(
                "FlinkDeployment", schema("flinkdeployment.schema.json"),
                "Deployment", schema("deployment.schema.json"),
                "KafkaTopic", schema("kafkatopic.schema.json"),
                "KafkaUser", schema("kafkauser.schema.json"));
        JsonSchema object = schema("kubernetes-object.schema.json");
        Set<String> kinds = new TreeSet<>();
        MANIFESTS.forEach((file, documents) -> {
            for (JsonNode document : documents) {
                String kind = document.path("kind").asText();
                kinds.add(kind);
                if (!kind.equals("Kustomization")) {
                    assertThat(violations(object, document))
                            .as("%s: %s %s", file, kind, document.at("/metadata/name"))
                            .isEmpty();
                }
                Optional.ofNullable(byKind.get(kind))
                        .ifPresent(schema -> assertThat(violations(schema, document))
                                .as("%s: %s %s", file, kind, document.at("/metadata/name"))
                                .isEmpty());
            }
        });
        assertThat(kinds)
                .contains(
                        "FlinkDeployment",
                        "Deployment",
                        "Service",
                        "ConfigMap",
                        "KafkaTopic",
                        "KafkaUser",
                        "Kustomization");
    }

    @Test
    void theSchemasCatchATypoInAFieldName() {
        JsonNode typo = flinkDeployment().deepCopy();
        ((ObjectNode) typo.at("/spec/job")).set("upgradMode", typo.at("/spec/job/upgradeMode"));
        ((ObjectNode) typo.at("/spec/job")).remove("upgradeMode");
        assertThat(violations(schema("flinkdeployment.schema.json"), typo)).isNotEmpty();

        JsonNode probe = kind("Deployment").get(0).deepCopy();
        ((ObjectNode) probe.at("/spec/template/spec/containers/0"))
                .set("readinesProbe", probe.at("/spec/template/spec/containers/0/readinessProbe"));
        assertThat(violations(schema("deployment.schema.json"), probe)).isNotEmpty();
    }

    @Test
    void theKustomizationAppliesEveryManifestInK8s() throws IOException {
        JsonNode kustomization = only(K8S.resolve("kustomization.yaml"), "Kustomization");
        Set<String> listed = new HashSet<>();
        kustomization.path("resources").forEach(resource -> listed.add(resource.asText()));
        try (Stream<Path> files = Files.list(K8S)) {
            assertThat(listed)
                    .containsExactlyInAnyOrderElementsOf(
                            files.map(f -> f.getFileName().toString())
                                    .filter(name -> name.endsWith(".yaml") && !name.equals("kustomization.yaml"))
                                    .toList());
        }
    }

    @Test
    void theFlinkDeploymentRunsTheJobJarOfThisBuildInTheImageTheDockerfileBuilds() throws IOException {
        JsonNode spec = flinkDeployment().path("spec");
        String dockerfile = Files.readString(DEPLOY.resolve("images/pipeline.Dockerfile"));

        assertThat(dockerfile).contains("FROM flink:" + FLINK_VERSION + "-java17");
        String[] majorMinor = FLINK_VERSION.split("\\.");
        assertThat(spec.path("flinkVersion").asText()).isEqualTo("v" + majorMinor[0] + "_" + majorMinor[1]);
        assertThat(spec.path("image").asText()).isEqualTo("ghcr.io/varsel/varsel-pipeline:" + PROJECT_VERSION);

        Matcher copy =
                Pattern.compile("(?m)^COPY .*varsel-pipeline-job\\.jar (\\S+)$").matcher(dockerfile);
        assertThat(copy.find()).as("the Dockerfile copies the job jar").isTrue();
        JsonNode job = spec.path("job");
        assertThat(job.path("jarURI").asText()).isEqualTo("local://" + copy.group(1));
        assertThat(dockerfile).contains("pipeline/target/varsel-pipeline-*-job.jar");

        try (JarFile jar = new JarFile(System.getProperty("varsel.job.jar"))) {
            assertThat(jar.getManifest().getMainAttributes().getValue("Main-Class"))
                    .isEqualTo(PipelineJob.class.getName());
            assertThat(jar.getEntry("rules/default-pack.json"))
                    .as("the default rule pack in the jar")
                    .isNotNull();
            assertThat(jar.getEntry("langdetect-183.bin"))
                    .as("NLP models in the jar")
                    .isNotNull();
            assertThat(jar.getEntry("org/apache/flink/streaming/api/environment/StreamExecutionEnvironment.class"))
                    .as("Flink itself is the cluster's, not the jar's")
                    .isNull();
            assertThat(jar.getEntry("org/apache/flink/connector/kafka/source/KafkaSource.class"))
                    .isNotNull();
        }
        assertThat(job.path("entryClass").asText()).isEqualTo(PipelineJob.class.getName());
    }

    @Test
    void theJobRecoversFromCheckpointsAndUpgradesThroughSavepointsOnDurableStorage() {
        JsonNode spec = flinkDeployment().path("spec");
        JsonNode config = spec.path("flinkConfiguration");
        assertThat(spec.at("/job/upgradeMode").asText()).isEqualTo("savepoint");
        assertThat(spec.at("/job/allowNonRestoredState").asBoolean(true))
                .as("state the new build cannot map is an error")
                .isFalse();
        assertThat(config.path("execution.checkpointing.dir").asText()).matches("(s3|gs|abfss|hdfs)://.+");
        assertThat(config.path("execution.checkpointing.savepoint-dir").asText())
                .matches("(s3|gs|abfss|hdfs)://.+");
        assertThat(config.path("restart-strategy.type").asText()).isEqualTo("fixed-delay");
        assertThat(config.path("high-availability.type").asText()).isEqualTo("kubernetes");
        assertThat(config.path("metrics.reporter.prom.factory.class").asText())
                .isEqualTo(org.varsel.local.LocalFlinkCluster.PROMETHEUS_REPORTER);
        assertThat(Integer.parseInt(spec.at("/job/parallelism").asText()))
                .as("the source reads at most one task per partition")
                .isLessThanOrEqualTo(partitions(Topics.SIGNALS_RAW));
    }

    @Test
    void theFlinkConfigurationUsesCurrentFlinkOptionKeysOnly() throws Exception {
        Map<String, String> current = new HashMap<>();
        Map<String, String> deprecated = new HashMap<>();
        for (String options : List.of(
                "CheckpointingOptions",
                "StateBackendOptions",
                "StateRecoveryOptions",
                "RestartStrategyOptions",
                "TaskManagerOptions",
                "JobManagerOptions",
                "HighAvailabilityOptions",
                "MetricOptions",
                "CoreOptions",
                "RestOptions",
                "PipelineOptions")) {
            for (Field field :
                    Class.forName("org.apache.flink.configuration." + options).getFields()) {
                if (Modifier.isStatic(field.getModifiers()) && field.getType() == ConfigOption.class) {
                    ConfigOption<?> option = (ConfigOption<?>) field.get(null);
                    current.put(option.key(), options);
                    for (FallbackKey fallback : option.fallbackKeys()) {
                        deprecated.put(fallback.getKey(), option.key());
                    }
                }
            }
        }
        List<String> reporterOrOperatorKeys =
                List.of("metrics.reporter.", "kubernetes.operator.", "state.backend.rocksdb.");
        flinkDeployment().path("spec").path("flinkConfiguration").fieldNames().forEachRemaining(key -> {
            if (reporterOrOperatorKeys.stream().noneMatch(key::startsWith)) {
                assertThat(deprecated)
                        .as("%s is deprecated; use %s", key, deprecated.get(key))
                        .doesNotContainKey(key);
                assertThat(current)
                        .as("%s is a Flink %s option", key, FLINK_VERSION)
                        .containsKey(key);
            }
        });
    }

    @Test
    void thePipelineSettingsFileIsValidAndNamesTheContractTopics() throws IOException {
        Map<String, String> settings = properties(configMap("varsel-pipeline-config")
                .path("data")
                .path("pipeline.properties")
                .asText());
        assertThat(PipelineKeys.DEFAULTS.keySet())
                .as("every key documented and known")
                .containsAll(settings.keySet());
        Map<String, String> withPassword = new HashMap<>(settings);
        withPassword.put(PipelineKeys.KAFKA_LOGIN_PREFIX + KafkaLogin.SASL_PASSWORD, "from-a-secret");
        PipelineSettings parsed = PipelineSettings.from(withPassword);
        assertThat(parsed.rawTopic()).isEqualTo(Topics.SIGNALS_RAW);
        assertThat(parsed.deadLetterTopic()).isEqualTo(Topics.SIGNALS_DLQ);
        assertThat(parsed.incidentTopic()).isEqualTo(Topics.INCIDENTS);
        assertThat(parsed.rulesTopic()).isEqualTo(Topics.RULES);
        assertThat(parsed.shadowHitTopic()).isEqualTo(Topics.SHADOW_HITS);
        assertThat(parsed.bounded()).isFalse();

        JsonNode spec = flinkDeployment().path("spec");
        String argument = spec.at("/job/args/0").asText();
        JsonNode mount = find(
                spec.at("/podTemplate/spec/containers/0/volumeMounts"),
                m -> argument.startsWith(m.path("mountPath").asText() + "/"));
        JsonNode volume = find(
                spec.at("/podTemplate/spec/volumes"),
                v -> v.path("name").asText().equals(mount.path("name").asText()));
        assertThat(volume.at("/configMap/name").asText()).isEqualTo("varsel-pipeline-config");
        assertThat(argument).endsWith("/pipeline.properties");
    }

    @Test
    void theDeskRunsOnItsConfigMapWithThePasswordFromASecretAndProbesHealthz() throws IOException {
        String file = configMap("varsel-desk-config")
                .path("data")
                .path("desk.properties")
                .asText();
        Map<String, String> settings = properties(file);
        assertThat(DeskSettings.DEFAULTS.keySet()).containsAll(settings.keySet());
        assertThat(DeskSettings.load(Optional.of(written(file)), KAFKA_PASSWORDS_FROM_SECRETS)
                        .pipelineWatch()
                        .flinkRestUrl())
                .as("the pipeline's REST service")
                .isEqualTo("http://varsel-pipeline-rest:8081");
        assertThat(settings).as("no password in a ConfigMap").doesNotContainKey(DeskConfig.DB_PASSWORD);
        DeskConfig config = DeskSettings.load(Optional.of(written(file)), KAFKA_PASSWORDS_FROM_SECRETS)
                .desk();
        assertThat(config.incidentTopic()).isEqualTo(Topics.INCIDENTS);
        assertThat(config.demoAnonymousRead()).isFalse();

        JsonNode deployment = kind("Deployment").get(0);
        JsonNode container = deployment.at("/spec/template/spec/containers/0");
        assertThat(container.path("image").asText()).isEqualTo("ghcr.io/varsel/varsel-desk:" + PROJECT_VERSION);
        JsonNode password =
                find(container.path("env"), e -> e.path("name").asText().equals("VARSEL_DESK_DB_PASSWORD"));
        assertThat(password.at("/valueFrom/secretKeyRef/name").asText()).isNotBlank();
        JsonNode handleKey = find(
                container.path("env"),
                e -> e.path("name").asText().equals(Settings.environmentVariable(DeskConfig.HANDLE_KEY)));
        assertThat(handleKey.at("/valueFrom/secretKeyRef/name").asText())
                .as("the pipeline's handle key, to search by handle")
                .isEqualTo("varsel-pipeline-privacy");
        assertThat(container.at("/ports/0/containerPort").asInt()).isEqualTo(config.httpPort());
        assertThat(container.at("/readinessProbe/httpGet/path").asText())
                .as("the desk's own health: a stopped pipeline must not take intake away")
                .isEqualTo("/healthz/desk");
        deployment
                .at("/spec/selector/matchLabels")
                .fields()
                .forEachRemaining(label -> assertThat(
                                deployment.at("/spec/template/metadata/labels").path(label.getKey()))
                        .as("pods carry the selector's labels")
                        .isEqualTo(label.getValue()));
        JsonNode service = kind("Service").get(0);
        assertThat(service.at("/spec/selector")).isEqualTo(deployment.at("/spec/selector/matchLabels"));
        assertThat(Files.readString(DEPLOY.resolve("images/desk.Dockerfile"))).contains("org.varsel.desk.Desk");
    }

    @Test
    void theKafkaTopicsAreExactlyTheContractTopicsAndTheRuleTopicIsCompacted() throws Exception {
        Set<String> constants = new HashSet<>();
        for (Field field : Topics.class.getFields()) {
            if (field.getType() == String.class) {
                constants.add((String) field.get(null));
            }
        }
        assertThat(Topics.ALL).as("every topic constant is in the list").containsExactlyInAnyOrderElementsOf(constants);
        List<JsonNode> topics = kind("KafkaTopic");
        assertThat(topics.stream().map(t -> t.at("/metadata/name").asText()).toList())
                .containsExactlyInAnyOrderElementsOf(Topics.ALL);
        assertThat(Topics.ALL)
                .as("the job's topics (PipelineSettings.topics(): demo, replay, bench, start-up check) are declared")
                .containsAll(PipelineSettings.defaultSettings().topics());
        for (JsonNode topic : topics) {
            int replicas = topic.at("/spec/replicas").asInt();
            int minInSync = Integer.parseInt(
                    topic.at("/spec/config/min.insync.replicas").asText());
            assertThat(replicas)
                    .as("%s survives one broker down", topic.at("/metadata/name"))
                    .isGreaterThan(minInSync);
        }
        JsonNode rules = topics.stream()
                .filter(t -> t.at("/metadata/name").asText().equals(Topics.RULES))
                .findFirst()
                .orElseThrow();
        assertThat(rules.at("/spec/config/cleanup.policy").asText()).isEqualTo("compact");
        assertThat(rules.at("/spec/partitions").asInt())
                .as("rule updates keep their order")
                .isEqualTo(1);
    }

    @Test
    void eachKafkaUserHasExactlyTheAclsOfItsPartAndTheClientsLogInAsItWithPasswordsFromSecrets() throws IOException {
        Map<String, Set<String>> declared = new HashMap<>();
        for (JsonNode user : kind("KafkaUser")) {
            assertThat(user.at("/spec/authentication/type").asText()).isEqualTo("scram-sha-512");
            Set<String> acls = new TreeSet<>();
            for (JsonNode acl : user.at("/spec/authorization/acls")) {
                assertThat(acl.path("type").asText("allow"))
                        .as("allow rules only: no ACL, no access")
                        .isEqualTo("allow");
                JsonNode resource = acl.path("resource");
                for (JsonNode operation : acl.path("operations")) {
                    acls.add(String.join(
                            " ",
                            resource.path("type")
                                    .asText()
                                    .toUpperCase(java.util.Locale.ROOT)
                                    .replace("TRANSACTIONALID", "TRANSACTIONAL_ID"),
                            resource.path("name").asText("kafka-cluster"),
                            resource.path("patternType")
                                    .asText("literal")
                                    .replace("prefix", "prefixed")
                                    .toUpperCase(java.util.Locale.ROOT),
                            operation
                                    .asText()
                                    .replaceAll("([a-z])([A-Z])", "$1_$2")
                                    .toUpperCase(java.util.Locale.ROOT)));
                }
            }
            declared.put(user.at("/metadata/name").asText(), acls);
        }
        Map<String, Set<String>> expected = new HashMap<>();
        for (KafkaAccess access : KafkaAccess.standard()) {
            Set<String> acls = new TreeSet<>();
            for (AclBinding binding : KafkaAcls.bindings(access)) {
                acls.add(binding.pattern().resourceType() + " "
                        + binding.pattern().name() + " " + binding.pattern().patternType() + " "
                        + binding.entry().operation());
            }
            expected.put(access.user(), acls);
        }
        assertThat(declared)
                .as("deploy/k8s/kafka-users.yaml against KafkaAccess.standard()")
                .isEqualTo(expected);

        DeskConfig desk = DeskSettings.load(
                        Optional.of(written(configMap("varsel-desk-config")
                                .path("data")
                                .path("desk.properties")
                                .asText())),
                        KAFKA_PASSWORDS_FROM_SECRETS)
                .desk();
        assertThat(desk.kafkaLogin().username()).isEqualTo(KafkaAccess.DESK);
        assertThat(desk.intakeKafkaLogin().username()).isEqualTo(KafkaAccess.INTAKE);
        assertThat(desk.kafkaLogin().securityProtocol())
                .as("SCRAM over TLS in production")
                .isEqualTo("SASL_SSL");
        JsonNode deskEnv = kind("Deployment").get(0).at("/spec/template/spec/containers/0/env");
        assertThat(secretOf(deskEnv, "VARSEL_DESK_KAFKA_SASL_PASSWORD")).isEqualTo(KafkaAccess.DESK);
        assertThat(secretOf(deskEnv, "VARSEL_DESK_KAFKA_INTAKE_SASL_PASSWORD")).isEqualTo(KafkaAccess.INTAKE);

        Map<String, String> pipelineFile = properties(configMap("varsel-pipeline-config")
                .path("data")
                .path("pipeline.properties")
                .asText());
        Map<String, String> pipelineKeys = new HashMap<>(pipelineFile);
        pipelineKeys.put(PipelineKeys.KAFKA_LOGIN_PREFIX + KafkaLogin.SASL_PASSWORD, "from-a-secret");
        PipelineSettings pipeline = PipelineSettings.from(pipelineKeys);
        assertThat(pipeline.kafkaLogin().username()).isEqualTo(KafkaAccess.PIPELINE);
        assertThat(pipeline.kafkaLogin().securityProtocol()).isEqualTo("SASL_SSL");
        assertThat(pipelineFile)
                .as("no password in a ConfigMap")
                .doesNotContainKey(PipelineKeys.KAFKA_LOGIN_PREFIX + KafkaLogin.SASL_PASSWORD);
        assertThat(pipeline.kafkaGroup()).as("the group its ACL allows").startsWith("varsel-pipeline");
        assertThat(pipeline.transactionalIdPrefix())
                .as("the transactional ids its ACL allows")
                .startsWith("varsel-pipeline");
        JsonNode pipelineEnv = flinkDeployment().at("/spec/podTemplate/spec/containers/0/env");
        assertThat(secretOf(
                        pipelineEnv,
                        Settings.environmentVariable(PipelineKeys.KAFKA_LOGIN_PREFIX + KafkaLogin.SASL_PASSWORD)))
                .isEqualTo(KafkaAccess.PIPELINE);
    }

    private static String secretOf(JsonNode env, String variable) {
        return find(env, e -> e.path("name").asText().equals(variable))
                .at("/valueFrom/secretKeyRef/name")
                .asText();
    }

    private static Path written(String properties) throws IOException {
        Path file = Files.createTempFile("desk", ".properties");
        Files.writeString(file, properties);
        return file;
    }

    private static int partitions(String topic) {
        return kind("KafkaTopic").stream()
                .filter(t -> t.at("/metadata/name").asText().equals(topic))
                .findFirst()
                .orElseThrow()
                .at("/spec/partitions")
                .asInt();
    }

    private static JsonNode flinkDeployment() {
        List<JsonNode> deployments = kind("FlinkDeployment");
        assertThat(deployments).hasSize(1);
        return deployments.get(0);
    }

    private static JsonNode configMap(String name) {
        return kind("ConfigMap").stream()
                .filter(c -> c.at("/metadata/name").asText().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no ConfigMap " + name));
    }

    private static List<JsonNode> kind(String kind) {
        return MANIFESTS.values().stream()
                .flatMap(List::stream)
                .filter(d -> d.path("kind").asText().equals(kind))
                .toList();
    }

    private static JsonNode only(Path file, String kind) {
        List<JsonNode> documents = MANIFESTS.get(file);
        assertThat(documents).as("%s", file).hasSize(1);
        assertThat(documents.get(0).path("kind").asText()).isEqualTo(kind);
        return documents.get(0);
    }

    private static JsonNode find(JsonNode array, java.util.function.Predicate<JsonNode> which) {
        for (JsonNode element : array) {
            if (which.test(element)) {
                return element;
            }
        }
        throw new AssertionError("nothing matching in " + array);
    }

    private static Map<String, String> properties(String text) throws IOException {
        Properties properties = new Properties();
        properties.load(new StringReader(text));
        Map<String, String> map = new HashMap<>();
        properties.stringPropertyNames().forEach(key -> map.put(key, properties.getProperty(key)));
        return map;
    }

    private static JsonSchema schema(String file) {
        try (InputStream in = Files.newInputStream(DEPLOY.resolve("schemas").resolve(file))) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(in);
        } catch (IOException e) {
            throw new AssertionError("cannot read schema " + file, e);
        }
    }

    private static List<String> violations(JsonSchema schema, JsonNode document) {
        return schema.validate(document).stream()
                .map(ValidationMessage::getMessage)
                .sorted()
                .toList();
    }
}
