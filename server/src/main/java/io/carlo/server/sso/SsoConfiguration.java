package io.carlo.server.sso;

import io.carlo.server.tenancy.Role;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An organization's identity provider, as stored. The endpoints come from the issuer's discovery
 * document; {@code encryptedSecret} is the client secret as {@link SsoSecretCipher} stored it.
 *
 * @param authMethod how Carlo authenticates to the token endpoint ({@code client_secret_basic} or
 *                   {@code client_secret_post}, as the provider supports)
 * @param domains    the e-mail domains whose people sign in here, lower-cased
 * @param jitMembership whether a person of an allowed domain who is not yet a member joins at first sign-in
 * @param requireSso whether members of an allowed domain are refused password sign-in
 */
public record SsoConfiguration(UUID organizationId, String issuer, String clientId, String encryptedSecret,
                               String authMethod, String authorizationUri, String tokenUri, String jwksUri,
                               List<String> domains, Role defaultRole, boolean jitMembership, boolean requireSso,
                               Instant createdAt, Instant updatedAt) {

    public boolean allows(String domain) {
        return domains.contains(domain);
    }
}
