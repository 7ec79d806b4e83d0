/**
 * What the write side keeps and asks besides the event store's own work: the record of recent creates by the request
 * that made them, and whether a write whose commit broke off was stored.
 */
package com.m365backup.restore.app.requests;
