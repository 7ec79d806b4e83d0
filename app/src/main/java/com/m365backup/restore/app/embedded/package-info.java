/** The PostgreSQL the service starts for itself when no database server is configured. */
package com.m365backup.restore.app.embedded;
