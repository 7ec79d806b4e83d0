package com.m365backup.restore.query.metadata;

import java.util.List;

/**
 * An action bound to an entity or a collection, invoked with POST on its path, such as
 * {@code restoreSessions/{id}/activate}.
 *
 * @param boundTo    the qualified type (or collection) it is bound to
 * @param parameters the parameters of its body, after the binding parameter
 * @param returnType the qualified type it answers, or null
 */
public record BoundAction(String name, String boundTo, List<StructuralProperty> parameters, String returnType) {

    public BoundAction {
        parameters = List.copyOf(parameters);
    }
}
