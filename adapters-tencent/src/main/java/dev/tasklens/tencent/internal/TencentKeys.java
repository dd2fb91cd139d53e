package dev.tasklens.tencent.internal;

import dev.tasklens.domain.AuthenticationException;
import dev.tasklens.domain.SourceId;
import dev.tasklens.ports.credentials.Credentials;
import dev.tasklens.ports.credentials.CredentialsProvider;
import java.util.Optional;

/** The credentials a Tencent request is signed with, or an error that says how to provide them. */
public final class TencentKeys {

    private TencentKeys() {
    }

    /**
     * The current credentials.
     *
     * @param provider where they come from
     * @param source the source that needs them
     * @return the credentials
     * @throws AuthenticationException naming the variables to set when there are none
     */
    public static Credentials require(CredentialsProvider provider, SourceId source) {
        return provider.credentials().orElseThrow(() -> new AuthenticationException(source, "CredentialsMissing",
                "no Tencent Cloud credentials (" + provider.origin() + "); set TENCENTCLOUD_SECRET_ID and"
                        + " TENCENTCLOUD_SECRET_KEY (and TENCENTCLOUD_SESSION_TOKEN for temporary credentials), or"
                        + " write secret_id and secret_key under [default] in ~/.tencentcloud/credentials",
                Optional.empty()));
    }

    /**
     * What the source's resume tokens are bound to: the SecretId, or the origin of temporary keys.
     *
     * @param provider where the credentials come from
     * @param source the source that needs them
     * @return the account binding
     * @throws AuthenticationException as {@link #require} when there are none
     */
    public static String account(CredentialsProvider provider, SourceId source) {
        require(provider, source);
        return provider.account().orElseThrow();
    }
}
