package com.m365backup.restore.query.session;

import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.queryhandling.QueryGateway;
import org.mockito.ArgumentMatchers;

import java.util.concurrent.CompletableFuture;

import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;

/** Lets a mocked query gateway answer one exact query, so that a test also pins the query the endpoint sends. */
public final class QueryAnswers {

    private QueryAnswers() {
    }

    public static <R> void answer(QueryGateway queries, Object query, R result) {
        given(queries.query(eq(query), ArgumentMatchers.<ResponseType<R>>any()))
                .willReturn(CompletableFuture.completedFuture(result));
    }
}
