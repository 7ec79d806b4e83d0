/**
 * The write side over HTTP: what every write shares (who sends its commands, its limits, how it refuses a request);
 * the features live in the sub-packages.
 */
package com.m365backup.restore.command;
