package io.carlo.server.sso;

import java.util.UUID;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.stereotype.Component;

/**
 * Spring Security's client registrations, one per organization with single sign-on, read from the
 * database on each use (a change takes effect at once on every instance). The registration id is the
 * organization's id; the client secret is decrypted only here.
 */
@Component
public class DatabaseClientRegistrations implements ClientRegistrationRepository {

    /** Carlo's callback, the redirect URI to register at the identity provider. */
    public static final String CALLBACK_PATH = "/api/v1/auth/sso/callback";
    static final String[] SCOPES = {"openid", "email", "profile"};

    private final SsoConfigurations configurations;
    private final SsoSecretCipher cipher;

    public DatabaseClientRegistrations(SsoConfigurations configurations, SsoSecretCipher cipher) {
        this.configurations = configurations;
        this.cipher = cipher;
    }

    @Override
    public ClientRegistration findByRegistrationId(String registrationId) {
        UUID organization;
        try {
            organization = UUID.fromString(registrationId);
        } catch (IllegalArgumentException e) {
            return null;
        }
        return configurations.find(organization).map(this::registration).orElse(null);
    }

    ClientRegistration registration(SsoConfiguration c) {
        return ClientRegistration.withRegistrationId(c.organizationId().toString())
                .clientId(c.clientId())
                .clientSecret(cipher.decrypt(c.organizationId(), c.encryptedSecret()))
                .clientAuthenticationMethod(new ClientAuthenticationMethod(c.authMethod()))
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}" + CALLBACK_PATH)
                .scope(SCOPES)
                .authorizationUri(c.authorizationUri())
                .tokenUri(c.tokenUri())
                .jwkSetUri(c.jwksUri())
                .issuerUri(c.issuer())
                .userNameAttributeName(IdTokenClaimNames.SUB)
                .clientName(c.issuer())
                .build();
    }
}
