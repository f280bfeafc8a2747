package org.varsel.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.varsel.cli.demo.Demo;
import org.varsel.cli.demo.DemoCredentials;
import org.varsel.cli.demo.DemoSample;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ./varsel demo}: the whole system on this machine, until Ctrl-C. */
@Command(
        name = "demo",
        description = {
            "Runs the whole system on this machine: a Kafka broker, the pipeline on a local Flink MiniCluster,",
            "PostgreSQL (embedded unless --jdbc-url is given) and the desk; publishes the sample signals;",
            "prints what it started and where; stops cleanly on Ctrl-C.",
            "Credentials it creates are written to <state-dir>/demo-credentials.json."
        })
public final class DemoCommand implements Callable<Integer> {

    @Option(
            names = "--port",
            defaultValue = "8080",
            description = "HTTP port of the desk (0: any free port). Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(
            names = "--host",
            defaultValue = "127.0.0.1",
            description = "Interface the desk listens on. Default: ${DEFAULT-VALUE}.")
    String host;

    @Mixin
    DatabaseLogin database;

    @Option(
            names = "--state-dir",
            defaultValue = ".varsel",
            description = "Where the demo keeps its data and credentials. Default: ${DEFAULT-VALUE}.")
    Path stateDirectory;

    @Option(
            names = "--sample",
            description =
                    "JSONL file of {\"partner\": id, \"signal\": {...}} lines to publish instead of the bundled sample.")
    Optional<Path> sampleFile;

    @Option(names = "--no-sample", description = "Publish no sample signals.")
    boolean noSample;

    @Option(
            names = "--parallelism",
            defaultValue = "2",
            description = "Parallelism of the pipeline. Default: ${DEFAULT-VALUE}.")
    int parallelism;

    @Option(
            names = "--for",
            description = "Stop by itself after this long (ISO-8601, e.g. PT2M); default: run until Ctrl-C.")
    Optional<Duration> runFor;

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        Optional<DemoSample> sample = noSample
                ? Optional.empty()
                : Optional.of(sampleFile.isPresent() ? DemoSample.fromFile(sampleFile.get()) : DemoSample.bundled());
        Demo demo = Demo.start(
                new Demo.Options(
                        stateDirectory,
                        host,
                        port,
                        database.jdbcUrl,
                        database.user.orElse("varsel"),
                        database.password(System.getenv()).orElse(""),
                        parallelism,
                        sample),
                out);

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            out.println();
                            out.println("Stopping the pipeline, the desk, the database and the broker ...");
                            demo.close();
                            out.println("Stopped.");
                            stopped.countDown();
                        },
                        "demo-shutdown"));

        printSummary(out, demo);
        if (runFor.isPresent()) {
            if (!stopped.await(runFor.get().toMillis(), TimeUnit.MILLISECONDS)) {
                demo.close();
            }
        } else {
            stopped.await();
        }
        return 0;
    }

    private static void printSummary(PrintStream out, Demo demo) {
        out.println();
        out.println("Varsel is running.");
        out.println(
                "  Analyst desk     " + demo.deskUrl() + "/   (sign in as the analyst, or the lead for the audit log)");
        out.println("  Incidents API    " + demo.deskUrl()
                + "/api/v1/incidents   (a token is needed, as outside the demo)");
        out.println("  Health           " + demo.deskUrl() + "/healthz");
        out.println("  Kafka            " + demo.kafkaBootstrap() + "   (SASL/SCRAM; logins in "
                + demo.kafkaLoginsFile().toAbsolutePath() + ")");
        if (demo.credentials().isPresent()) {
            DemoCredentials credentials = demo.credentials().get();
            out.println("  Credentials      " + demo.credentialsFile().toAbsolutePath());
            for (DemoCredentials.Partner partner : credentials.partners()) {
                out.println("    partner " + partner.id() + "     token " + partner.token());
            }
            for (DemoCredentials.Analyst user : List.of(credentials.analyst(), credentials.lead())) {
                out.println("    " + String.format("%-16s", user.user()) + " password " + user.password() + "  token "
                        + user.token());
            }
            out.println();
            out.println("Try:  curl -s -H 'Authorization: Bearer "
                    + credentials.analyst().token() + "' " + demo.deskUrl() + "/api/v1/incidents");
            out.println("      curl -s -H 'Authorization: Bearer "
                    + credentials.partners().get(0).token() + "' " + demo.deskUrl() + "/api/v1/incidents");
        }
        out.println("Incidents appear within seconds of each checkpoint (every 2 s). Press Ctrl-C to stop.");
    }
}
