package com.m365backup.restore.command;

import com.m365backup.restore.domain.caller.Caller;
import com.m365backup.restore.domain.caller.CallerMetaData;
import com.m365backup.restore.domain.caller.CurrentCaller;
import com.m365backup.restore.domain.caller.Identity;
import com.m365backup.restore.domain.caller.IdentitySet;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/** Tells the {@link CommandOrigin} of an HTTP request: who calls, in which tenant, with which request ids, when. */
@Component
public class CommandOrigins {

    /** The request attribute under which the application's request filter keeps the server's request id. */
    static final String REQUEST_ID = "request-id";
    /** The client's correlation id: a request header, and the attribute holding the id the response echoes. */
    static final String CLIENT_REQUEST_ID = "client-request-id";
    /** What the Graph SDKs' retry handlers add to a request they send again (Kiota's RetryHandler). */
    static final String RETRY_ATTEMPT = "Retry-Attempt";

    private final CurrentCaller currentCaller;
    private final Clock clock;

    public CommandOrigins(CurrentCaller currentCaller, Clock clock) {
        this.currentCaller = currentCaller;
        this.clock = clock;
    }

    public CommandOrigin of(HttpServletRequest request) {
        Caller caller = currentCaller.get();
        Map<String, Object> metaData = new LinkedHashMap<>();
        metaData.put(CallerMetaData.TENANT_ID, caller.tenantId());
        IdentitySet identity = caller.identity();
        if (identity != null) {
            putIdentity(metaData, identity.user(), CallerMetaData.USER_ID, CallerMetaData.USER_NAME);
            putIdentity(metaData, identity.application(), CallerMetaData.APPLICATION_ID,
                    CallerMetaData.APPLICATION_NAME);
        }
        putIfPresent(metaData, CallerMetaData.REQUEST_ID, request.getAttribute(REQUEST_ID));
        Object clientRequestId = clientRequestId(request);
        putIfPresent(metaData, CallerMetaData.CLIENT_REQUEST_ID, clientRequestId);
        // PostgreSQL keeps microseconds: a time answered by a write must equal the time read back later.
        return new CommandOrigin(caller.tenantId(), MetaData.from(metaData),
                clock.instant().truncatedTo(ChronoUnit.MICROS), callerId(identity),
                clientsOwn(request, clientRequestId), request.getHeader(RETRY_ATTEMPT) != null);
    }

    private static String callerId(IdentitySet identity) {
        if (identity == null) {
            return null;
        }
        Identity who = identity.user() != null ? identity.user() : identity.application();
        return who == null ? null : who.id();
    }

    /** The client-request-id echoed, when it is the one the client sent rather than one the service made up. */
    private static String clientsOwn(HttpServletRequest request, Object echoed) {
        String sent = request.getHeader(CLIENT_REQUEST_ID);
        return sent != null && sent.equals(echoed) ? sent : null;
    }

    // The application's filter keeps the id that the response echoes (the client's own, or one it made up when the
    // client's was missing or unsafe); the raw header only counts where no such filter ran.
    private static Object clientRequestId(HttpServletRequest request) {
        Object echoed = request.getAttribute(CLIENT_REQUEST_ID);
        return echoed != null ? echoed : request.getHeader(CLIENT_REQUEST_ID);
    }

    private static void putIdentity(Map<String, Object> metaData, Identity identity, String idKey, String nameKey) {
        if (identity != null) {
            putIfPresent(metaData, idKey, identity.id());
            putIfPresent(metaData, nameKey, identity.displayName());
        }
    }

    private static void putIfPresent(Map<String, Object> metaData, String key, Object value) {
        if (value != null) {
            metaData.put(key, value.toString());
        }
    }
}
