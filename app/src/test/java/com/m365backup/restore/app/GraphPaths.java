package com.m365backup.restore.app;

/** The Graph paths most tests call, under {@code /beta} as the Graph SDK and the docs' examples call them. */
public final class GraphPaths {

    public static final String ROOT = "/beta/solutions/backupRestore";
    public static final String SESSIONS = ROOT + "/exchangeRestoreSessions";

    private GraphPaths() {
    }
}
