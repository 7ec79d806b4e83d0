package com.m365backup.restore.query.audit;

import com.m365backup.restore.query.readmodel.ReadModelRebuild;
import com.m365backup.restore.query.readmodel.ReplayStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Starts a rebuild of the read model from the event store and tells how far it has come; the rebuild runs in the
 * background, beside the live read model, so the start answers 202 with the address of its status. An operator's
 * action (the application role of the operating tenant: app security), not a tenant's: it concerns every tenant.
 */
@RestController
@RequestMapping("/audit/projections/replay")
class ProjectionReplayController {

    private final ReadModelRebuild replay;

    ProjectionReplayController(ReadModelRebuild replay) {
        this.replay = replay;
    }

    @PostMapping
    ResponseEntity<ReplayStatus> start() {
        ReplayStatus status = replay.start();
        return ResponseEntity.accepted()
                .location(ServletUriComponentsBuilder.fromCurrentRequest().build().toUri())
                .body(status);
    }

    @GetMapping
    ReplayStatus status() {
        return replay.status();
    }
}
