package com.m365backup.restore.command.session;

import com.m365backup.restore.command.CommandOrigin;
import com.m365backup.restore.command.CommandOrigins;
import com.m365backup.restore.domain.query.RestoreSessionView;
import com.m365backup.restore.domain.request.GraphPaths;
import com.m365backup.restore.domain.request.RequestRefused;
import com.m365backup.restore.domain.session.RestoreSessionId;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The writes of Graph's exchangeRestoreSessions (docs/api.md, Paths): create and delta PATCH, at the root and under
 * {@code /beta} and {@code /v1.0}, as Graph clients put the version in their base URL.
 *
 * <p>Bodies are taken as bytes and read strictly here, not by Spring's converters, so that every malformed body
 * gets the Graph code of its endpoint ({@code BadRequest} for a create, {@code InvalidPatchRequest} for a PATCH).
 */
@RestController
@RequestMapping({
        GraphPaths.BACKUP_RESTORE + "/exchangeRestoreSessions",
        GraphPaths.BETA_BACKUP_RESTORE + "/exchangeRestoreSessions",
        GraphPaths.V1_0_BACKUP_RESTORE + "/exchangeRestoreSessions"})
class ExchangeRestoreSessionController {

    private final CreateRequestReader createRequests;
    private final DeltaRequestReader deltaRequests;
    private final RestoreSessionCreation creation;
    private final DeltaPatchApplier delta;
    private final CommandOrigins origins;
    private final SessionPreconditions preconditions;

    ExchangeRestoreSessionController(CreateRequestReader createRequests, DeltaRequestReader deltaRequests,
                                     RestoreSessionCreation creation, DeltaPatchApplier delta, CommandOrigins origins,
                                     SessionPreconditions preconditions) {
        this.createRequests = createRequests;
        this.deltaRequests = deltaRequests;
        this.creation = creation;
        this.delta = delta;
        this.origins = origins;
        this.preconditions = preconditions;
    }

    // produces: an Accept the answer cannot meet is refused (406) before the session is created, never after.
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<RestoreSessionView> create(@RequestBody(required = false) byte[] body,
                                              HttpServletRequest request, HttpServletResponse response) {
        CreatedSession created = creation.create(createRequests.read(body), origins.of(request), digest(body));
        URI location = ServletUriComponentsBuilder.fromRequestUri(request)
                .path("/{id}").buildAndExpand(created.id()).toUri();
        // Created, but the read side has not shown it in time: say where it will be rather than invite a retry
        // that would create a second session.
        return created.view()
                .map(view -> ResponseEntity.created(location).eTag(view.etag())
                        .body(EnumPreference.of(request).shown(view, response)))
                .orElseGet(() -> ResponseEntity.accepted().location(location).build());
    }

    @PatchMapping(path = "/{sessionId}", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<DeltaResponse> patch(@PathVariable String sessionId, @RequestBody(required = false) byte[] body,
                                        @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                        HttpServletRequest request) {
        String id = wellFormed(sessionId);
        List<DeltaItem> items = deltaRequests.read(body);
        CommandOrigin origin = origins.of(request);
        DeltaResponse applied = delta.apply(id, items, origin, preconditions.expectedVersion(ifMatch));
        // Stored, but not yet shown by the read side: accepted, and a GET will show it soon.
        return ResponseEntity.status(applied.shown() ? HttpStatus.OK : HttpStatus.ACCEPTED).body(applied);
    }

    /** SHA-256 of the body, in hex: what a create sent again repeats besides its client-request-id. */
    private static String digest(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(body == null ? new byte[0] : body));
        } catch (NoSuchAlgorithmException unavailable) {
            throw new IllegalStateException("Every Java runtime has SHA-256", unavailable);
        }
    }

    /** The session id of a write's path, in lower case; one that is not a GUID is refused in the write side's words. */
    static String wellFormed(String sessionId) {
        return RestoreSessionId.parse(sessionId)
                .map(RestoreSessionId::value)
                .orElseThrow(() -> RequestRefused.invalid(RestoreSessionId.INVALID,
                        "The restore session id must be a GUID, such as 00000000-0000-0000-0000-000000000000."));
    }
}
