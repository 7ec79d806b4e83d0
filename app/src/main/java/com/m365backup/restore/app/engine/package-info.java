/**
 * The restore engine: event handlers that take each artifact of an activated session through scheduling, the
 * {@link com.m365backup.restore.app.engine.MailboxRestorer} and its end, one command on the session per step
 * (docs/api.md, Lifecycle; docs/design.md, Restore engine).
 */
package com.m365backup.restore.app.engine;
