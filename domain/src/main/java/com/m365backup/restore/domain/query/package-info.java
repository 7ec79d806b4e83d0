/**
 * The questions the read side answers and the shapes it answers with; the shapes are Graph's JSON
 * (docs/api.md, Resources), named once so that every endpoint renders a session the same way.
 */
package com.m365backup.restore.domain.query;
