package com.m365backup.restore.query;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Graph's publicError, as carried by a failed session or artifact. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PublicError(String code, String message, String target) {
}
