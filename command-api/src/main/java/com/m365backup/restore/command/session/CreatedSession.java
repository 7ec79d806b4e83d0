package com.m365backup.restore.command.session;

import com.m365backup.restore.domain.query.RestoreSessionView;

import java.util.Optional;

/** A session just created: its id, and how the read side shows it (empty if the read side did not catch up). */
record CreatedSession(String id, Optional<RestoreSessionView> view) {
}
