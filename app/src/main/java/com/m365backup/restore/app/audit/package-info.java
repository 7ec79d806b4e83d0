/** The command-line modes of the audit: rebuilding the read model, and history to measure that rebuild with. */
package com.m365backup.restore.app.audit;
