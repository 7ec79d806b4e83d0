/** HTTPS on the embedded default: a self-signed certificate the service makes and keeps in its data folder. */
package com.m365backup.restore.app.tls;
