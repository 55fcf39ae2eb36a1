package org.galvani.benchmarks;

import java.nio.file.Path;
import org.galvani.traceability.corpus.CorpusShape;
import org.galvani.traceability.corpus.GalvaniCorpus;
import org.galvani.traceability.corpus.OftCorpus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the traceability benchmark's corpus for the side-by-side run ({@code trace-vs-oft.sh}):
 * {@code TraceCorpusMain --galvani DIR --oft DIR [--modules N] [--requirements N] [--hazards N] [--tests N]}, by
 * default {@link CorpusShape#benchmark()}. Either directory may be left out; each must not exist yet.
 */
public final class TraceCorpusMain {

    private static final Logger LOG = LoggerFactory.getLogger(TraceCorpusMain.class);

    private TraceCorpusMain() {
    }

    public static void main(String[] args) throws Exception {
        CorpusShape standard = CorpusShape.benchmark();
        int modules = standard.modules();
        int requirements = standard.requirements();
        int hazards = standard.hazards();
        int tests = standard.tests();
        Path galvani = null;
        Path oft = null;
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("option " + args[i] + " needs a value");
            }
            String value = args[i + 1];
            switch (args[i]) {
                case "--galvani" -> galvani = Path.of(value);
                case "--oft" -> oft = Path.of(value);
                case "--modules" -> modules = Integer.parseInt(value);
                case "--requirements" -> requirements = Integer.parseInt(value);
                case "--hazards" -> hazards = Integer.parseInt(value);
                case "--tests" -> tests = Integer.parseInt(value);
                default -> throw new IllegalArgumentException("unknown option " + args[i] + " (expected --galvani DIR"
                        + " --oft DIR [--modules N] [--requirements N] [--hazards N] [--tests N])");
            }
        }
        CorpusShape shape = new CorpusShape(modules, requirements, hazards, tests);
        for (Path dir : new Path[] {galvani, oft}) {
            if (dir != null && dir.toFile().exists()) {
                throw new IllegalArgumentException(dir + " exists already: the corpus is written into a new directory");
            }
        }
        if (galvani != null) {
            GalvaniCorpus.write(galvani, shape);
        }
        if (oft != null) {
            OftCorpus.write(oft, shape);
        }
        LOG.info("corpus {}: Galvani format in {}, OpenFastTrace format in {}", shape, galvani, oft);
    }
}
