package com.m365backup.restore.command.session;

import com.m365backup.restore.command.CommandOrigins;
import com.m365backup.restore.domain.query.BulkAdditionRequestView;
import com.m365backup.restore.domain.request.GraphPaths;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.net.URI;

/**
 * The writes of a session's bulk addition requests (docs/api.md, Bulk addition requests): POST and DELETE, at the
 * root and under {@code /beta} and {@code /v1.0}. The body is taken as bytes and read strictly, so that every
 * malformed body gets the code of this endpoint.
 */
@RestController
@RequestMapping({
        GraphPaths.BACKUP_RESTORE + "/exchangeRestoreSessions/{sessionId}/" + BulkAdditionController.REQUESTS,
        GraphPaths.BETA_BACKUP_RESTORE + "/exchangeRestoreSessions/{sessionId}/" + BulkAdditionController.REQUESTS,
        GraphPaths.V1_0_BACKUP_RESTORE + "/exchangeRestoreSessions/{sessionId}/" + BulkAdditionController.REQUESTS})
class BulkAdditionController {

    static final String REQUESTS = "mailboxRestoreArtifactsBulkAdditionRequests";

    private final BulkAdditionRequestReader reader;
    private final BulkAdditions bulkAdditions;
    private final CommandOrigins origins;

    BulkAdditionController(BulkAdditionRequestReader reader, BulkAdditions bulkAdditions,
                                  CommandOrigins origins) {
        this.reader = reader;
        this.bulkAdditions = bulkAdditions;
        this.origins = origins;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<BulkAdditionRequestView> create(@PathVariable String sessionId,
                                                   @RequestBody(required = false) byte[] body,
                                                   HttpServletRequest request) {
        String id = ExchangeRestoreSessionController.wellFormed(sessionId);
        RequestedBulkAddition requested = reader.read(body);
        BulkAdditions.CreatedBulkRequest created = bulkAdditions.create(id, requested, origins.of(request));
        URI location = ServletUriComponentsBuilder.fromRequestUri(request)
                .path("/{id}").buildAndExpand(created.id()).toUri();
        // Created, but the read side has not shown it in time: say where it will be rather than invite a retry
        // that the session would refuse (one bulk request per session).
        return created.view()
                .map(view -> ResponseEntity.created(location).body(view))
                .orElseGet(() -> ResponseEntity.accepted().location(location).build());
    }

    @DeleteMapping("/{requestId}")
    ResponseEntity<Void> delete(@PathVariable String sessionId, @PathVariable String requestId,
                                HttpServletRequest request) {
        String id = ExchangeRestoreSessionController.wellFormed(sessionId);
        boolean shown = bulkAdditions.delete(id, requestId, origins.of(request));
        return shown ? ResponseEntity.noContent().build() : ResponseEntity.accepted().build();
    }
}
