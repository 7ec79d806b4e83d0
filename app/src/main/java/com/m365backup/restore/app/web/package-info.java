/**
 * What every HTTP exchange shares (docs/api.md, Errors and Answers that never contradict the store): Graph's error
 * envelope, for the servlet container's own refusals too; request ids and OData headers; the public address links
 * name; and the limits of size and time a request body and a large answer must keep, read and written without a
 * worker thread waiting on a slow client.
 */
package com.m365backup.restore.app.web;
