/** What the write side keeps besides the event store: the record of recent creates, by the request that made them. */
package com.m365backup.restore.requests;
