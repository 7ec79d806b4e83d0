package com.m365backup.restore.app.web;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Reads one request body as it arrives, without a worker thread waiting for it: the container calls
 * {@link #onDataAvailable()} whenever bytes came in, and a thread is busy only while it copies them. Ends in one of
 * three ways, whichever comes first: the whole body is in (the request is dispatched again, with the body kept on it
 * for {@link RequestBodyLimit}), the body passes the size limit (413), or the time is up or the client stopped
 * sending (408, {@link #onTimeout}, {@link #onError(Throwable)}).
 */
final class BodyReader implements ReadListener, AsyncListener {

    private static final String BODY = BodyReader.class.getName() + ".body";
    private static final int CHUNK = 8192;

    private final AsyncContext reading;
    private final ServletInputStream in;
    private final long maxBytes;
    private final RequestBodyLimit limits;
    private final ByteArrayOutputStream body;
    private final byte[] chunk = new byte[CHUNK];
    private final AtomicBoolean ended = new AtomicBoolean();

    BodyReader(AsyncContext reading, long maxBytes, long declared, RequestBodyLimit limits) throws IOException {
        this.reading = reading;
        this.in = reading.getRequest().getInputStream();
        this.maxBytes = maxBytes;
        this.limits = limits;
        this.body = new ByteArrayOutputStream(declared > 0 ? (int) Math.min(declared, maxBytes) : CHUNK);
    }

    /** The body a reader kept on the request, or null when none was read this way. */
    static byte[] bodyOf(ServletRequest request) {
        return (byte[]) request.getAttribute(BODY);
    }

    @Override
    public void onDataAvailable() throws IOException {
        // isReady() false means nothing more for now: the container calls again when more has come.
        while (!ended.get() && !in.isFinished() && in.isReady()) {
            int count = in.read(chunk);
            if (count < 0) {
                return;
            }
            body.write(chunk, 0, count);
            if (body.size() > maxBytes) {
                end(Ending.TOO_LARGE);
                return;
            }
        }
    }

    @Override
    public void onAllDataRead() {
        if (ended.compareAndSet(false, true)) {
            reading.getRequest().setAttribute(BODY, body.toByteArray());
            reading.dispatch();
        }
    }

    /** The client closed the connection, or sent nothing for longer than the connection timeout. */
    @Override
    public void onError(Throwable failure) {
        end(Ending.TOO_SLOW);
    }

    @Override
    public void onTimeout(AsyncEvent event) {
        end(Ending.TOO_SLOW);
    }

    @Override
    public void onError(AsyncEvent event) {
        end(Ending.TOO_SLOW);
    }

    @Override
    public void onComplete(AsyncEvent event) {
        // Nothing to release: the body is garbage once the request is done.
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
        // Serving the request may start an asynchronous answer of its own; reading is over by then.
    }

    private void end(Ending ending) {
        if (!ended.compareAndSet(false, true)) {
            return;
        }
        HttpServletRequest request = (HttpServletRequest) reading.getRequest();
        HttpServletResponse response = (HttpServletResponse) reading.getResponse();
        try {
            if (ending == Ending.TOO_LARGE) {
                limits.tooLarge(request, response);
            } else {
                limits.tooSlow(request, response);
            }
        } catch (IOException | IllegalStateException clientGone) {
            // Nobody is left to read the answer; the connection closes all the same.
        } finally {
            reading.complete();
        }
    }

    private enum Ending {
        TOO_LARGE,
        TOO_SLOW
    }
}
