package com.m365backup.restore.domain.caller;

/** The caller of the request being handled; the application decides how callers are recognised. */
@FunctionalInterface
public interface CurrentCaller {

    Caller get();
}
