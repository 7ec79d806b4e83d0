package com.m365backup.restore.query.audit;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Starts a rebuild of the read model from the event store and tells how far it has come; the rebuild runs in the
 * background, so the start answers 202 with the address of its status.
 */
@RestController
@RequestMapping("/audit/projections/replay")
class ProjectionReplayController {

    private final ProjectionReplay replay;

    ProjectionReplayController(ProjectionReplay replay) {
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
