/** How the application recognises its callers. */
package com.m365backup.restore.app.caller;
