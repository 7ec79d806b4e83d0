package com.m365backup.restore.domain.query;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * Graph's publicError, as carried by a failed session, a failed artifact or a bulk addition request that could not
 * resolve every mailbox (docs/api.md, Resources): {@code details} names each part that failed.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PublicError(String code, String message, String target, List<PublicErrorDetail> details) {

    public PublicError {
        details = details == null ? null : List.copyOf(details);
    }

    /** An error without details. */
    public PublicError(String code, String message, String target) {
        this(code, message, target, null);
    }
}
