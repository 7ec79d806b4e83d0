package com.m365backup.restore.query;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The configuration that slice tests of the read side start from; the real application lives in {@code app}. */
@SpringBootApplication
class ReadSideTestApplication {
}
