package org.varsel.cli.demo;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.varsel.cli.local.KafkaLoginOptions;
import org.varsel.contract.KafkaAccess;
import org.varsel.contract.KafkaLogin;
import org.varsel.desk.config.DeskConfig;
import org.varsel.local.Directories;
import org.varsel.pipeline.settings.PipelineKeys;

/**
 * The demo broker's SCRAM principals, with passwords generated at every start: a super user for creating topics and
 * ACLs, and one principal each for intake, the pipeline, the desk and the rule tools ({@link KafkaAccess#standard()}).
 */
public record DemoKafkaLogins(
        KafkaLogin admin, KafkaLogin intake, KafkaLogin pipeline, KafkaLogin desk, KafkaLogin rules) {

    public static DemoKafkaLogins generate() {
        return new DemoKafkaLogins(
                login("varsel-admin"),
                login(KafkaAccess.INTAKE),
                login(KafkaAccess.PIPELINE),
                login(KafkaAccess.DESK),
                login(KafkaAccess.RULES));
    }

    public List<KafkaLogin> all() {
        return List.of(admin, intake, pipeline, desk, rules);
    }

    /** The pipeline's login keys ({@code pipeline.kafka.security-protocol}, ...). */
    public Map<String, String> pipelineSettings() {
        return settings(PipelineKeys.KAFKA_LOGIN_PREFIX, pipeline);
    }

    /** The desk's and intake's login keys ({@code desk.kafka.security-protocol}, ...). */
    public Map<String, String> deskSettings() {
        Map<String, String> keys = new LinkedHashMap<>(settings(DeskConfig.KAFKA_LOGIN_PREFIX, desk));
        keys.put(DeskConfig.INTAKE_KAFKA_USERNAME, intake.username());
        keys.put(DeskConfig.INTAKE_KAFKA_PASSWORD, intake.password());
        return keys;
    }

    /**
     * Writes the logins as the settings keys that take them, owner-only: a client of the demo broker (a desk or a job
     * started by hand) can be given this file.
     */
    public void writeTo(Path file) {
        Map<String, String> keys = new LinkedHashMap<>(pipelineSettings());
        keys.putAll(deskSettings());
        keys.putAll(settings(KafkaLoginOptions.PREFIX, rules)); // varsel rules push --kafka-config <this file>
        // the super user creates topics and ACLs; no part of the system logs in as it
        keys.put("demo.kafka.admin.sasl-username", admin.username());
        keys.put("demo.kafka.admin.sasl-password", admin.password());
        Directories.writeOwnerOnly(
                file,
                "# the demo broker's SCRAM-SHA-512 logins, new at every start\n"
                        + keys.entrySet().stream()
                                .map(e -> e.getKey() + "=" + e.getValue())
                                .collect(Collectors.joining("\n", "", "\n")));
    }

    @Override
    public String toString() {
        return "DemoKafkaLogins" + all();
    }

    private static Map<String, String> settings(String prefix, KafkaLogin login) {
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put(prefix + KafkaLogin.SECURITY_PROTOCOL, login.securityProtocol());
        keys.put(prefix + KafkaLogin.SASL_MECHANISM, login.saslMechanism());
        keys.put(prefix + KafkaLogin.SASL_USERNAME, login.username());
        keys.put(prefix + KafkaLogin.SASL_PASSWORD, login.password());
        return keys;
    }

    private static KafkaLogin login(String user) {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return KafkaLogin.scram(user, Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }
}
