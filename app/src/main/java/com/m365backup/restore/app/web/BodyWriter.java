package com.m365backup.restore.app.web;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Writes one answer as the client reads it, without a worker thread waiting: the container calls
 * {@link #onWritePossible()} whenever the connection takes more. Ends when all of it is written, when the client
 * goes away, or when the time is up ({@link #onTimeout}); the answer carries {@code Connection: close}, so ending
 * early closes the connection.
 */
final class BodyWriter implements WriteListener, AsyncListener {

    private static final int CHUNK = 16 * 1024;

    private final AsyncContext writing;
    private final byte[] body;
    private final ServletOutputStream out;
    private final AtomicBoolean ended = new AtomicBoolean();
    private int written;

    BodyWriter(AsyncContext writing, byte[] body) throws IOException {
        this.writing = writing;
        this.body = body;
        this.out = writing.getResponse().getOutputStream();
    }

    @Override
    public void onWritePossible() throws IOException {
        // isReady() false means the connection is full: the container calls again once the client has read.
        while (!ended.get() && out.isReady()) {
            if (written == body.length) {
                end();
                return;
            }
            int count = Math.min(CHUNK, body.length - written);
            out.write(body, written, count);
            written += count;
        }
    }

    @Override
    public void onError(Throwable failure) {
        end();
    }

    @Override
    public void onTimeout(AsyncEvent event) {
        end();
    }

    @Override
    public void onError(AsyncEvent event) {
        end();
    }

    @Override
    public void onComplete(AsyncEvent event) {
        // Nothing to release.
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
        // Nothing starts after the answer.
    }

    private void end() {
        if (ended.compareAndSet(false, true)) {
            writing.complete();
        }
    }
}
