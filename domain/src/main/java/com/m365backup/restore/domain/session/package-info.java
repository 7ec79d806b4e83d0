/**
 * The restore session: the aggregate that decides which mailbox restore artifacts a session holds, and the
 * commands, events and rejections through which it speaks (rules from {@code docs/api.md}, Lifecycle, PATCH, Bulk
 * addition requests, Granular restore and Retention), and the granular query a restore of chosen messages carries.
 */
package com.m365backup.restore.domain.session;
