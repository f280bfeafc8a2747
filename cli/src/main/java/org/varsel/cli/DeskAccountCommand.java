package org.varsel.cli;

import java.util.concurrent.Callable;
import org.varsel.desk.db.Database;
import picocli.CommandLine.Mixin;

/** A subcommand of {@code user} or {@code partner}: it works on the desk's database, opened for it and closed after. */
abstract class DeskAccountCommand implements Callable<Integer> {
    @Mixin
    DeskAdmin desk;

    @Override
    public Integer call() throws Exception {
        try (Database database = desk.open()) {
            return call(database);
        }
    }

    /** The work; returns the exit code. */
    abstract int call(Database database) throws Exception;
}
