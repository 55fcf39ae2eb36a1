package org.galvani.app;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

/** Runs the command line in-process and keeps what it printed. */
public record CliRun(int exitCode, String out, String err) {

    public static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = GalvaniCli.run(new PrintWriter(out), new PrintWriter(err), args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /** Runs a command that records into the dose ledger with its data directory in {@code dataDir}. */
    public static CliRun inDataDir(Path dataDir, String... args) {
        String[] withDir = new String[args.length + 2];
        withDir[0] = args[0];
        withDir[1] = "--data-dir";
        withDir[2] = dataDir.toString();
        System.arraycopy(args, 1, withDir, 3, args.length - 1);
        return of(withDir);
    }
}
