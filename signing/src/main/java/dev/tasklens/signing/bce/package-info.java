/** bce-auth-v1, the signature of Baidu AI Cloud APIs (VOD task list, ...). */
package dev.tasklens.signing.bce;
