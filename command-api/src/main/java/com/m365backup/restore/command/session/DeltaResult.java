package com.m365backup.restore.command.session;

/** The outcome of one delta item that the answer shows: an added artifact or a failure (a removal shows nothing). */
sealed interface DeltaResult permits AddedArtifact, FailedItem {
}
