/**
 * How both API modules refuse a request: {@link com.m365backup.restore.domain.request.RequestRefused}, with its kind,
 * Graph's error code and a sentence, answered by the application in Graph's error envelope (docs/api.md, Errors).
 */
package com.m365backup.restore.domain.request;
