package com.m365backup.restore.command;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The configuration slice tests of this module start from (the application itself lives in the app module); its
 * component scan is what a slice test narrows down to the classes it is about.
 */
@SpringBootApplication
class CommandApiTestApplication {
}
