package com.m365backup.restore.command.restorepoint;

import com.m365backup.restore.query.FindRestorePoint;
import com.m365backup.restore.query.RestorePointView;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.concurrent.CompletionException;

/**
 * The restore point catalog, asked through the query bus (the read side keeps it): the mailbox an artifact restores
 * is its restore point's protection unit.
 */
@Component
class CataloguedRestorePoints implements RestorePointCatalog {

    private final QueryGateway queries;

    CataloguedRestorePoints(QueryGateway queries) {
        this.queries = queries;
    }

    @Override
    public Optional<RestorePoint> find(String tenantId, String restorePointId) {
        try {
            return queries.query(new FindRestorePoint(tenantId, restorePointId),
                            ResponseTypes.optionalInstanceOf(RestorePointView.class))
                    .join()
                    .map(found -> new RestorePoint(found.id(), found.protectionUnit().id(),
                            found.expirationDateTime() == null ? null : found.expirationDateTime().toInstant()));
        } catch (CompletionException failed) {
            // The query's own failure, not the future's wrapper, is what the application's error handling reports.
            if (failed.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw failed;
        }
    }
}
