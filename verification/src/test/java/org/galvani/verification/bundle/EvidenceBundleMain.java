package org.galvani.verification.bundle;

import java.nio.file.Path;
import org.galvani.trace.Implements;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The build's entry point for the evidence bundle (exec-maven-plugin in the verification module's verify phase,
 * after the traceability matrix): {@code --root <checkout> --out <evidence folder> [--offline=true|false]}
 * (Maven's offline setting: offline, a missing SBOM is shown as not produced instead of failing). Throws, failing the build,
 * with the reason when the bundle cannot be made.
 */
@Implements("SRS-VER-010")
public final class EvidenceBundleMain {

    private static final Logger LOG = LoggerFactory.getLogger(EvidenceBundleMain.class);

    private EvidenceBundleMain() {
    }

    public static void main(String[] args) {
        Path root = null;
        Path out = null;
        boolean offline = false;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.startsWith("--offline=")) {
                offline = switch (option.substring("--offline=".length())) {
                    case "true" -> true;
                    case "false" -> false;
                    default -> throw new IllegalArgumentException("--offline takes true or false, not " + option);
                };
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("option " + option + " needs a value; usage: --root DIR --out DIR [--offline=true|false]");
            }
            switch (option) {
                case "--root" -> root = Path.of(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + option + "; usage: --root DIR --out DIR [--offline=true|false]");
            }
        }
        if (root == null || out == null) {
            throw new IllegalArgumentException("usage: --root DIR --out DIR [--offline=true|false] (both required)");
        }
        EvidenceBundle.Result result = EvidenceBundle.write(root, out, offline);
        LOG.info("evidence bundle written: {}", result.index());
    }
}
