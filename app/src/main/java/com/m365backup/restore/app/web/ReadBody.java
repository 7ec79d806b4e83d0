package com.m365backup.restore.app.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A request whose body {@link BodyReader} read already, served again from memory, as the request it was: the
 * container dispatched it a second time (asynchronously) only because its body came in the background, so the
 * filters and controllers after {@link RequestBodyLimit}, which ran no part of it before, see it as the client's
 * request (Spring's filters skip an asynchronous dispatch, taking it for the second half of a request they served).
 */
final class ReadBody extends HttpServletRequestWrapper {

    private final byte[] body;

    ReadBody(HttpServletRequest request, byte[] body) {
        super(request);
        this.body = body;
    }

    @Override
    public DispatcherType getDispatcherType() {
        DispatcherType type = super.getDispatcherType();
        return type == DispatcherType.ASYNC ? DispatcherType.REQUEST : type;
    }

    @Override
    public ServletInputStream getInputStream() {
        InputStream in = new ByteArrayInputStream(body);
        return new ServletInputStream() {
            @Override
            public boolean isFinished() {
                return available() == 0;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
                // The body is already in memory: all of it is available at once.
                try {
                    listener.onDataAvailable();
                    listener.onAllDataRead();
                } catch (IOException failure) {
                    listener.onError(failure);
                }
            }

            @Override
            public int read() throws IOException {
                return in.read();
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                return in.read(buffer, offset, length);
            }

            @Override
            public int available() {
                try {
                    return in.available();
                } catch (IOException never) {
                    return 0;
                }
            }
        };
    }

    @Override
    public int getContentLength() {
        return body.length;
    }

    @Override
    public long getContentLengthLong() {
        return body.length;
    }
}
