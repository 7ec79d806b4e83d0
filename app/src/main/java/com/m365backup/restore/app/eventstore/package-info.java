/** Axon on PostgreSQL without Axon Server: the JDBC event store, token and saga stores, serializers and buses. */
package com.m365backup.restore.app.eventstore;
