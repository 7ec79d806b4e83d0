package com.m365backup.restore.app.embedded;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The first versions kept PostgreSQL's files right in the data folder ({@code data/}); they now live in
 * {@code data/postgres}, beside the local signing key. A data folder of the earlier kind is used where it is, so
 * that an upgrade finds every session it had. ({@link DataDirectory} finds a data folder that earlier versions made
 * in the working directory.)
 */
final class EarlierDataLayout {

    private static final Logger log = LoggerFactory.getLogger(EarlierDataLayout.class);

    private EarlierDataLayout() {
    }

    static Path orNew(Path configured) {
        Path parent = configured.getParent();
        boolean earlier = parent != null
                && configured.getFileName().toString().equals("postgres")
                && !Files.exists(configured.resolve("PG_VERSION"))
                && Files.exists(parent.resolve("PG_VERSION"));
        if (earlier) {
            log.info("PostgreSQL's data is in {}, where earlier versions kept it; it stays there", parent);
            return parent;
        }
        return configured;
    }
}
