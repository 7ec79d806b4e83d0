package com.m365backup.restore.command.session;

import com.m365backup.restore.session.DestinationType;

/** One artifact of a create request, read and found well formed. */
record RequestedArtifact(RestorePointLink restorePoint, DestinationType destinationType) {
}
