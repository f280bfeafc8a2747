package org.varsel.cli.demo;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.varsel.contract.Json;
import org.varsel.local.Directories;

/** What the demo created to log in with; written to {@code .varsel/demo-credentials.json} (owner-only). */
public record DemoCredentials(List<Partner> partners, Analyst analyst, Analyst lead) {

    public record Partner(String id, String name, String token) {}

    /** A desk user (the analyst, the lead who may read the audit log). */
    public record Analyst(String user, String password, String token) {}

    public void writeTo(Path file) throws IOException {
        Directories.writeOwnerOnly(
                file, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(this));
    }

    @Override
    public String toString() {
        return "DemoCredentials[" + partners.size() + " partners, analyst " + analyst.user() + "]";
    }
}
