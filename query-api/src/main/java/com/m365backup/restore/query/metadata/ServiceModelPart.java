package com.m365backup.restore.query.metadata;

/**
 * A feature's share of the service model: its types, navigations and actions. Each part is a bean; the model is
 * every part's contribution, so a new feature (bulk additions, granular restores) describes its resources in its
 * own part, and may add navigations to the types of another, without editing a document by hand.
 */
public interface ServiceModelPart {

    void contributeTo(ServiceModel.Builder model);
}
