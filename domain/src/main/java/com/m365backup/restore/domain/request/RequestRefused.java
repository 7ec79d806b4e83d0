package com.m365backup.restore.domain.request;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A request refused as a whole, with Graph's error code and a sentence for a person. The write side and the read side
 * both throw it, and the application answers it in Graph's error envelope with the status of its {@link Kind}
 * (docs/api.md, Errors), so that neither API module writes that envelope and the two never share code but this.
 */
public class RequestRefused extends RuntimeException {

    /**
     * What kind of refusal it is, with the HTTP status Graph answers it with. The status is a number here so that the
     * domain stays free of the web; the application turns it into its answer.
     */
    public enum Kind {
        /** The request is malformed, or asks for something that cannot be. */
        INVALID_REQUEST(400),
        /** Well formed, but not allowed for the resource as it is now. */
        FORBIDDEN(403),
        /** The resource is unknown, or another tenant's: the same answer, so that nothing tells them apart. */
        NOT_FOUND(404),
        CONFLICT(409),
        /** The resource has changed since the version the client named (If-Match). */
        PRECONDITION_FAILED(412),
        TOO_LARGE(413),
        /** A capacity limit of the tenant: Graph documents a 500 for it, odd as it is for a client's error. */
        OVER_CAPACITY(500),
        /** Nothing was done and the client may send it again, after {@link #retryAfter()}. */
        BUSY(503);

        private final int status;

        Kind(int status) {
            this.status = status;
        }

        /** The HTTP status of the answer. */
        public int status() {
            return status;
        }
    }

    private final Kind kind;
    private final String code;
    private final Duration retryAfter;

    public RequestRefused(Kind kind, String code, String message) {
        this(kind, code, message, null);
    }

    private RequestRefused(Kind kind, String code, String message, Duration retryAfter) {
        super(Objects.requireNonNull(message, "message"));
        this.kind = Objects.requireNonNull(kind, "kind");
        this.code = Objects.requireNonNull(code, "code");
        this.retryAfter = retryAfter;
    }

    /** A malformed request, with its own Graph code. */
    public static RequestRefused invalid(String code, String message) {
        return new RequestRefused(Kind.INVALID_REQUEST, code, message);
    }

    /** A malformed request with Graph's generic code, {@code BadRequest}. */
    public static RequestRefused badRequest(String message) {
        return invalid("BadRequest", message);
    }

    public static RequestRefused notFound(String code, String message) {
        return new RequestRefused(Kind.NOT_FOUND, code, message);
    }

    /** A request that changed nothing because the service was busy; the client may send it again after a while. */
    public static RequestRefused busy(String code, String message, Duration retryAfter) {
        return new RequestRefused(Kind.BUSY, code, message, Objects.requireNonNull(retryAfter, "retryAfter"));
    }

    public Kind kind() {
        return kind;
    }

    /** Graph's error code, such as {@code InvalidRestoreSessionId}. */
    public String code() {
        return code;
    }

    /** How long a client is asked to wait before it sends the request again; empty when it need not. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
