package com.m365backup.restore.app;

/**
 * Axon 4.13 calls an outside host at start-up and then periodically ("anonymous usage reporting"). For users that is a
 * privacy surprise, and on a closed network it only fills the log, so it is off unless someone turns it on explicitly.
 */
final class AxonUpdateChecker {

    static final String DISABLED_PROPERTY = "axoniq.update-checker.disabled";
    static final String DISABLED_ENVIRONMENT_VARIABLE = "AXONIQ_UPDATE_CHECKER_DISABLED";
    static final String CONSOLE_ADVERT_PROPERTY = "disable-axoniq-console-message";

    private AxonUpdateChecker() {
    }

    /**
     * Axon 4.13 also prints a six-line advert for AxonIQ Console at every start; the system property Axon names in it
     * turns it off.
     */
    static void quietConsoleAdvertUnlessAsked() {
        if (System.getProperty(CONSOLE_ADVERT_PROPERTY) == null) {
            System.setProperty(CONSOLE_ADVERT_PROPERTY, "true");
        }
    }

    static void disableUnlessAsked() {
        boolean askedFor = System.getProperty(DISABLED_PROPERTY) != null
                || System.getenv(DISABLED_ENVIRONMENT_VARIABLE) != null;
        if (!askedFor) {
            System.setProperty(DISABLED_PROPERTY, "true");
        }
    }
}
