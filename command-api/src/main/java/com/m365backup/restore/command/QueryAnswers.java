package com.m365backup.restore.command;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** What the write side asks the read side, answered as the query answers it. */
public final class QueryAnswers {

    private QueryAnswers() {
    }

    /**
     * The query's answer, or its own failure rather than the future's wrapper: that failure is what the
     * application's error handling reports.
     */
    public static <T> T join(CompletableFuture<T> answer) {
        try {
            return answer.join();
        } catch (CompletionException failed) {
            if (failed.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw failed;
        }
    }
}
