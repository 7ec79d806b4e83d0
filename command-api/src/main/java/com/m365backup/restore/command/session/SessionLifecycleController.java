package com.m365backup.restore.command.session;

import com.m365backup.restore.command.CommandOrigin;
import com.m365backup.restore.command.CommandOrigins;
import com.m365backup.restore.domain.query.RestoreSessionView;
import com.m365backup.restore.domain.request.GraphPaths;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Activation and deletion of a session (docs/api.md, Paths): {@code restoreSessions/{id}/activate}, and DELETE of
 * {@code restoreSessions/{id}} and {@code exchangeRestoreSessions/{id}}, at the root and under {@code /beta} and
 * {@code /v1.0}.
 */
@RestController
@RequestMapping({GraphPaths.BACKUP_RESTORE, GraphPaths.BETA_BACKUP_RESTORE, GraphPaths.V1_0_BACKUP_RESTORE})
class SessionLifecycleController {

    private final SessionLifecycle lifecycle;
    private final CommandOrigins origins;
    private final SessionPreconditions preconditions;

    SessionLifecycleController(SessionLifecycle lifecycle, CommandOrigins origins,
                               SessionPreconditions preconditions) {
        this.lifecycle = lifecycle;
        this.origins = origins;
        this.preconditions = preconditions;
    }

    // produces: an Accept the answer cannot meet is refused (406) before the session is activated, never after.
    @PostMapping(path = "/restoreSessions/{sessionId}/activate", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<RestoreSessionView> activate(@PathVariable String sessionId,
                                                @RequestHeader(value = HttpHeaders.IF_MATCH, required = false)
                                                String ifMatch,
                                                HttpServletRequest request, HttpServletResponse response) {
        String id = ExchangeRestoreSessionController.wellFormed(sessionId);
        CommandOrigin origin = origins.of(request);
        // Activated, but not yet shown by the read side: accepted, and a GET will show it.
        return lifecycle.activate(id, origin, preconditions.expectedVersion(ifMatch))
                .map(view -> ResponseEntity.ok().eTag(view.etag())
                        .body(EnumPreference.of(request).shown(view, response)))
                .orElseGet(() -> ResponseEntity.accepted().build());
    }

    @DeleteMapping({"/restoreSessions/{sessionId}", "/exchangeRestoreSessions/{sessionId}"})
    ResponseEntity<Void> delete(@PathVariable String sessionId,
                                @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                HttpServletRequest request) {
        String id = ExchangeRestoreSessionController.wellFormed(sessionId);
        CommandOrigin origin = origins.of(request);
        boolean gone = lifecycle.delete(id, origin, preconditions.expectedVersion(ifMatch));
        // Deleted, but the read side still shows it: accepted, and it will be gone from every path soon.
        return gone ? ResponseEntity.noContent().build() : ResponseEntity.accepted().build();
    }
}
