/** The signature of the legacy Tencent Cloud CLS API ({@code q-sign-algorithm=sha1}). */
package dev.tasklens.signing.cls;
