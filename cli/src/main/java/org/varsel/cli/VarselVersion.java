package org.varsel.cli;

import picocli.CommandLine.IVersionProvider;

/** Reports the build's version from the jar manifest, or "dev" when run from classes. */
public final class VarselVersion implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = Varsel.class.getPackage().getImplementationVersion();
        return new String[] {"varsel " + (v == null ? "dev" : v)};
    }
}
