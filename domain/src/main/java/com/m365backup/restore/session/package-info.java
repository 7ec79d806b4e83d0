/**
 * The restore session: the aggregate that decides which mailbox restore artifacts a session holds, and the
 * commands, events and rejections through which it speaks (rules from {@code spec/api.md}, Lifecycle and PATCH).
 */
package com.m365backup.restore.session;
