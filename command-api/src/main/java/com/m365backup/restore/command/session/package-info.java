/**
 * Exchange restore sessions over HTTP, write side: the create (POST) and the delta PATCH of docs/api.md, read
 * strictly, turned into commands on the RestoreSession aggregate, answered in Graph's shapes once the read side shows
 * the change. No rule of a session is decided here; the aggregate decides and this package translates.
 */
package com.m365backup.restore.command.session;
