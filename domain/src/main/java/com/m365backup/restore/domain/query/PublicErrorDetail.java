package com.m365backup.restore.domain.query;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Graph's publicErrorDetail: one part of a {@link PublicError}, such as an artifact that failed. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PublicErrorDetail(String code, String message, String target) {
}
