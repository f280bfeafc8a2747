package org.varsel.desk.config;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.varsel.contract.settings.Settings;
import org.varsel.desk.alert.AlertConfig;
import org.varsel.desk.cases.CaseConfig;
import org.varsel.desk.childsafety.ChildSafetyConfig;
import org.varsel.desk.intake.IntakeConfig;
import org.varsel.desk.notify.MailConfig;
import org.varsel.desk.pipeline.PipelineWatchConfig;
import org.varsel.desk.retention.RetentionConfig;

/**
 * Everything a desk is told, one typed record per part, read together by the one {@link Settings} reader: every
 * {@code desk.*} key of the file and environment belongs to exactly one part, and any other is refused
 * (docs/configuration.md).
 */
public record DeskSettings(
        DeskConfig desk,
        IntakeConfig intake,
        RetentionConfig retention,
        ChildSafetyConfig childSafety,
        PipelineWatchConfig pipelineWatch,
        AlertConfig alert,
        CaseConfig cases,
        MailConfig mail) {

    public static final String NAMESPACE = "desk";

    /** Every key of every part and its default. */
    public static final Map<String, String> DEFAULTS = everyPartsKeys();

    private static Map<String, String> everyPartsKeys() {
        Map<String, String> all = new HashMap<>(DeskConfig.DEFAULTS);
        all.putAll(IntakeConfig.DEFAULTS);
        all.putAll(RetentionConfig.DEFAULTS);
        all.putAll(ChildSafetyConfig.DEFAULTS);
        all.putAll(PipelineWatchConfig.DEFAULTS);
        all.putAll(AlertConfig.DEFAULTS);
        all.putAll(CaseConfig.DEFAULTS);
        all.putAll(MailConfig.DEFAULTS);
        return Map.copyOf(all);
    }

    /**
     * The properties file (if given), then the environment: {@code desk.db.password} is overridden by
     * {@code VARSEL_DESK_DB_PASSWORD}.
     */
    public static DeskSettings load(Optional<Path> file, Map<String, String> environment) {
        return from(Settings.read(NAMESPACE, DEFAULTS, file, environment));
    }

    /** These keys' values, the defaults for the rest; an unknown {@code desk.*} key is refused (a typo). */
    public static DeskSettings fromMap(Map<String, String> values) {
        return from(Settings.of(NAMESPACE, DEFAULTS, values));
    }

    /**
     * The keys of a desk embedded in another program (tests, benchmarks): a free port, this database and broker, and
     * no pipeline to watch. Add the program's own keys and read them with {@link #fromMap}.
     */
    public static Map<String, String> embedded(String dbUrl, String dbUser, String dbPassword, String kafkaBootstrap) {
        Map<String, String> keys = new HashMap<>();
        keys.put(DeskConfig.HTTP_PORT, "0");
        keys.put(DeskConfig.DB_URL, dbUrl);
        keys.put(DeskConfig.DB_USER, dbUser);
        keys.put(DeskConfig.DB_PASSWORD, dbPassword);
        keys.put(DeskConfig.KAFKA_BOOTSTRAP, kafkaBootstrap);
        keys.put(PipelineWatchConfig.FLINK_REST_URL, "");
        return keys;
    }

    /** The settings from the defaults alone. */
    public static DeskSettings defaults() {
        return fromMap(Map.of());
    }

    private static DeskSettings from(Settings settings) {
        return new DeskSettings(
                DeskConfig.from(settings),
                IntakeConfig.from(settings),
                RetentionConfig.from(settings),
                ChildSafetyConfig.from(settings),
                PipelineWatchConfig.from(settings),
                AlertConfig.from(settings),
                CaseConfig.from(settings),
                MailConfig.from(settings));
    }

    /** The brief settings file, if one is given instead of the bundled settings. */
    public Optional<Path> briefsFile() {
        return desk.briefsConfig().isEmpty() ? Optional.empty() : Optional.of(Path.of(desk.briefsConfig()));
    }
}
